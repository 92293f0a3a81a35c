"""Redaktionelle Inhalte des re@di Portals.

Enthält die Startseiten, Rubriken und Seiten der neun Städte des Verbunds
re@di – regional.digital sowie die Pflichtseiten (Impressum, Datenschutz,
Barrierefreiheit, Leichte Sprache) als reine Daten.
"""

from __future__ import annotations

from typing import Any

Block = tuple[str, object]


def _p(*texts: str) -> str:
    """Fasst einen oder mehrere Absätze als Rich-Text-HTML zusammen."""
    return "".join(f"<p>{text}</p>" for text in texts)


def _ul(*items: str) -> str:
    """Erzeugt eine ungeordnete Liste als Rich-Text-HTML."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _info(title: str, text: str) -> Block:
    return ("notice", {"kind": "info", "title": title, "text": text})


def _warning(title: str, text: str) -> Block:
    return ("notice", {"kind": "warning", "title": title, "text": text})


def _quote(text: str, attribution: str) -> Block:
    return ("quote", {"text": text, "attribution": attribution})


# ---------------------------------------------------------------------------
# Regionale Website des Verbunds
# ---------------------------------------------------------------------------

REGION: dict[str, Any] = {
    "slug": "region",
    "name": "re@di – regional.digital",
    "legal_name": "Geschäftsstelle re@di – regional.digital c/o Stadt Rastatt",
    "title": "re@di – gemeinsam digital in der Region",
    "head_role": "Oberbürgermeister der Stadt Rastatt als Sprecher des Verbunds",
    "intro": (
        "Neun Städte zwischen Kraichgau, Rheinebene und Nordschwarzwald gestalten ihre "
        "Verwaltung gemeinsam digital. Unter dem Namen re@di – regional.digital teilen "
        "sie Wissen, Technik und Kosten – damit Bürgerinnen und Bürger schneller und "
        "einfacher zu ihrem Anliegen kommen."
    ),
    "body": [
        ("heading", "Neun Städte, eine gemeinsame Plattform"),
        (
            "paragraph",
            _p(
                "Baden-Baden, Bretten, Bruchsal, Bühl, Ettlingen, Gaggenau, Rastatt, "
                "Rheinstetten und Stutensee arbeiten im Verbund re@di – regional.digital "
                "zusammen. Gemeinsam vertreten die Städte rund 330.000 Einwohnerinnen und "
                "Einwohner in den Landkreisen Karlsruhe und Rastatt sowie im Stadtkreis "
                "Baden-Baden.",
                "Die Idee ist einfach: Was eine Stadt allein nur mit großem Aufwand "
                "aufbauen kann, entwickeln neun Städte gemeinsam einmal – und nutzen es "
                "anschließend alle. Jede Stadt bleibt dabei eigenständig und entscheidet "
                "selbst, welche Dienste sie wann einführt.",
            ),
        ),
        ("heading", "Was die gemeinsame Plattform bietet"),
        (
            "paragraph",
            _ul(
                "<strong>Online-Bürgerservice:</strong> Anträge rund um die Uhr stellen, "
                "Termine im Bürgerbüro buchen und den Bearbeitungsstand verfolgen.",
                "<strong>Vereine &amp; Ehrenamt:</strong> ein gemeinsames Verzeichnis für "
                "Vereine, Initiativen und ehrenamtliche Angebote in allen neun Städten.",
                "<strong>Sensorik:</strong> offene Messdaten zu Pegelständen, "
                "Luftqualität und freien Parkplätzen aus dem Netz der Städte.",
                "<strong>E-Akte:</strong> eine gemeinsame Lösung für die elektronische "
                "Aktenführung in den Rathäusern – sicher, nachvollziehbar und papierarm.",
                "<strong>Rechnungseingang:</strong> elektronische Rechnungen nach dem "
                "Standard XRechnung über einen zentralen Eingangskanal.",
            ),
        ),
        _quote(
            "Digitale Verwaltung gelingt nicht im Alleingang. Gemeinsam sind wir schneller, "
            "wirtschaftlicher und näher an den Menschen in unserer Region.",
            "Lenkungskreis re@di – regional.digital",
        ),
    ],
    "street": "Marktplatz 1",
    "postcode": "76437",
    "city": "Rastatt",
    "phone": "07222 972-1500",
    "fax": "",
    "email": "kontakt@redi.example",
    "website_hint": "",
    "supervisory_authority": "Regierungspräsidium Karlsruhe",
    "vat_id": "DE284617359",
    "opening_hours": [
        ("Montag bis Donnerstag", "9:00–12:00 Uhr und 13:30–15:30 Uhr"),
        ("Freitag", "9:00–12:00 Uhr"),
    ],
    "sections": [
        {
            "title": "Der Verbund",
            "slug": "verbund",
            "intro": (
                "Wer hinter re@di steht, woran die Städte gemeinsam arbeiten und warum "
                "sie dabei auf offene Software setzen."
            ),
            "pages": [
                {
                    "title": "Über re@di",
                    "slug": "ueber-redi",
                    "intro": (
                        "re@di – regional.digital ist der Digitalisierungsverbund von neun "
                        "Städten in Mittelbaden und im Landkreis Karlsruhe."
                    ),
                    "body": [
                        ("heading", "Wer wir sind"),
                        (
                            "paragraph",
                            _p(
                                "Der Verbund re@di – regional.digital ist aus der "
                                "Erfahrung entstanden, dass viele Aufgaben der "
                                "Digitalisierung in allen Rathäusern gleich sind: Anträge "
                                "müssen online gestellt werden können, Akten sollen "
                                "elektronisch geführt werden, und Rechnungen kommen "
                                "zunehmend als XRechnung an.",
                                "Die neun Städte Baden-Baden, Bretten, Bruchsal, Bühl, "
                                "Ettlingen, Gaggenau, Rastatt, Rheinstetten und Stutensee "
                                "haben sich deshalb zusammengeschlossen, um diese Aufgaben "
                                "gemeinsam anzugehen.",
                                "Gemeinsam reicht das Gebiet des Verbunds von der Hardt nördlich "
                                "von Karlsruhe über das Albtal und das Murgtal bis zum Rebland "
                                "bei Bühl. So unterschiedlich die Städte sind – vom Stadtkreis "
                                "Baden-Baden bis zur jungen Großen Kreisstadt Rheinstetten –, so "
                                "ähnlich sind die Anforderungen, die Gesetzgeber, Bürgerschaft "
                                "und Wirtschaft an eine moderne Verwaltung stellen.",
                            ),
                        ),
                        ("heading", "Wie der Verbund organisiert ist"),
                        (
                            "paragraph",
                            _p(
                                "Die Zusammenarbeit beruht auf einer öffentlich-rechtlichen "
                                "Vereinbarung der beteiligten Städte. Ein Lenkungskreis aus "
                                "Vertreterinnen und Vertretern der Stadtspitzen legt die "
                                "Schwerpunkte fest. Die fachliche Arbeit leisten "
                                "Projektgruppen, in denen Beschäftigte aus allen Rathäusern "
                                "mitwirken.",
                                "Die Geschäftsstelle ist bei der Stadt Rastatt angesiedelt. "
                                "Sie koordiniert die Projekte, betreut die gemeinsame "
                                "Plattform und ist Ansprechpartnerin für Verwaltungen, "
                                "Unternehmen und die Öffentlichkeit.",
                            ),
                        ),
                        ("heading", "Unsere Grundsätze"),
                        (
                            "paragraph",
                            _ul(
                                "Bürgerinnen und Bürger stehen im Mittelpunkt: Jeder "
                                "digitale Dienst muss einfach und barrierefrei nutzbar sein.",
                                "Datenschutz und Informationssicherheit werden von Anfang "
                                "an mitgedacht.",
                                "Was einmal entwickelt ist, steht allen Partnerstädten zur "
                                "Verfügung.",
                                "Wir setzen auf offene Standards und quelloffene Software.",
                            ),
                        ),
                        _info(
                            "Kontakt zur Geschäftsstelle",
                            "Die Geschäftsstelle re@di erreichen Sie im Rathaus Rastatt, "
                            "Marktplatz 1, telefonisch unter 07222 972-1500 oder per E-Mail "
                            "an kontakt@redi.example.",
                        ),
                    ],
                },
                {
                    "title": "Gemeinsame Projekte",
                    "slug": "gemeinsame-projekte",
                    "intro": (
                        "Vom Online-Antrag bis zur elektronischen Rechnung: ein Überblick "
                        "über die Projekte, die die neun Städte gemeinsam umsetzen."
                    ),
                    "body": [
                        ("heading", "Online-Bürgerservice"),
                        (
                            "paragraph",
                            _p(
                                "Über das gemeinsame Serviceportal können Bürgerinnen und "
                                "Bürger zahlreiche Anliegen online erledigen – von der "
                                "Terminbuchung im Bürgerbüro über die Meldebescheinigung "
                                "bis zur Anmeldung eines Hundes. Die Formulare werden "
                                "einmal entwickelt und von allen Städten genutzt. Die "
                                "Anbindung an das Landesportal service-bw und an das "
                                "Nutzerkonto BundID ist vorgesehen.",
                                "Wer einen Antrag online stellt, erhält eine Eingangsbestätigung "
                                "und kann den Bearbeitungsstand jederzeit einsehen. Gebühren "
                                "lassen sich auf Wunsch direkt online bezahlen.",
                            ),
                        ),
                        ("heading", "Vereine & Ehrenamt"),
                        (
                            "paragraph",
                            _p(
                                "In den neun Städten engagieren sich Tausende Menschen in "
                                "Sportvereinen, Musikvereinen, Feuerwehren, "
                                "Nachbarschaftshilfen und sozialen Initiativen. Das "
                                "gemeinsame Vereinsverzeichnis macht diese Angebote "
                                "sichtbar. Vereine pflegen ihre Angaben selbst und können "
                                "Veranstaltungen direkt im Kalender ihrer Stadt "
                                "veröffentlichen.",
                                "Über das Portal finden auch Menschen, die sich neu engagieren "
                                "möchten, passende Aufgaben in ihrer Nachbarschaft.",
                            ),
                        ),
                        ("heading", "Sensorik und offene Daten"),
                        (
                            "paragraph",
                            _p(
                                "Sensoren an Gewässern, auf Parkplätzen und an "
                                "Schulgebäuden liefern Messwerte, die die Städte für "
                                "Hochwasserschutz, Verkehrslenkung und Energiesparen nutzen. "
                                "Die Daten werden – soweit keine Rechte Dritter "
                                "entgegenstehen – als offene Daten veröffentlicht.",
                                "Ein Beispiel sind Pegelsensoren an kleineren Bächen, die bei "
                                "Starkregen frühzeitig vor steigenden Wasserständen warnen.",
                            ),
                        ),
                        ("heading", "E-Akte und Rechnungseingang"),
                        (
                            "paragraph",
                            _p(
                                "Mit der gemeinsamen E-Akte stellen die Rathäuser ihre "
                                "Schriftgutverwaltung Schritt für Schritt auf digitale "
                                "Abläufe um. Der zentrale Rechnungseingang nimmt "
                                "elektronische Rechnungen im Format XRechnung entgegen, "
                                "prüft sie automatisch und leitet sie an die zuständige "
                                "Stadt weiter. Lieferanten haben damit einen einheitlichen "
                                "Weg zu allen neun Verwaltungen.",
                            ),
                        ),
                        _info(
                            "Hinweis für Lieferanten",
                            "Bitte geben Sie bei elektronischen Rechnungen immer die "
                            "Leitweg-ID der Stadt an, für die Sie geliefert oder geleistet "
                            "haben. Die Leitweg-ID erhalten Sie mit der Bestellung.",
                        ),
                    ],
                },
                {
                    "title": "Open Source",
                    "slug": "open-source",
                    "intro": (
                        "Öffentliches Geld, öffentlicher Code: re@di setzt auf quelloffene "
                        "Software und stellt eigene Entwicklungen anderen Kommunen zur "
                        "Verfügung."
                    ),
                    "body": [
                        ("heading", "Warum Open Source?"),
                        (
                            "paragraph",
                            _p(
                                "Software, die mit Steuergeld entwickelt wird, soll "
                                "möglichst vielen Verwaltungen nutzen. Quelloffene Software "
                                "macht die Städte unabhängiger von einzelnen Herstellern, "
                                "erleichtert Sicherheitsprüfungen und ermöglicht es, "
                                "Lösungen gemeinsam weiterzuentwickeln.",
                                "Offener Quellcode macht außerdem nachvollziehbar, wie eine "
                                "Anwendung mit personenbezogenen Daten umgeht. Das schafft "
                                "Transparenz und stärkt das Vertrauen in digitale "
                                "Verwaltungsangebote.",
                            ),
                        ),
                        ("heading", "Was wir bereits offen nutzen"),
                        (
                            "paragraph",
                            _p(
                                "Das Portal, auf dem Sie diese Seite lesen, beruht auf dem "
                                "quelloffenen Content-Management-System Wagtail und dem "
                                "Web-Framework Django. Auch für Formulare, Karten und den "
                                "Datenaustausch setzt der Verbund nach Möglichkeit auf "
                                "offene Komponenten und offene Standards wie XRechnung, "
                                "XÖV und OParl.",
                                "Betrieben wird die Plattform in einem kommunalen Rechenzentrum "
                                "in Baden-Württemberg. Updates und Sicherheitsprüfungen erfolgen "
                                "nach einem festen, gemeinsam abgestimmten Verfahren.",
                                "Wo es keine passende offene Lösung gibt, achten wir bei "
                                "Ausschreibungen auf offene Schnittstellen, damit Daten jederzeit "
                                "in andere Systeme übernommen werden können.",
                            ),
                        ),
                        ("heading", "Was wir zurückgeben"),
                        (
                            "paragraph",
                            _ul(
                                "Eigene Erweiterungen werden unter einer freien Lizenz "
                                "veröffentlicht.",
                                "Fehlerberichte und Verbesserungen geben wir an die "
                                "jeweiligen Projekte zurück.",
                                "Andere Kommunen können die Plattform übernehmen und an "
                                "ihre Bedürfnisse anpassen.",
                                "Dokumentation und Erfahrungsberichte stellen wir offen "
                                "zur Verfügung.",
                                "Wir beteiligen uns an Austauschformaten mit anderen Kommunen, "
                                "dem Land und Open-Source-Communities.",
                            ),
                        ),
                        _quote(
                            "Wenn jede Stadt das Rad neu erfindet, verlieren alle. Offener "
                            "Code ist gelebte interkommunale Zusammenarbeit.",
                            "Projektgruppe Plattform, re@di – regional.digital",
                        ),
                        (
                            "paragraph",
                            _p(
                                "Sie arbeiten in einer Kommune und möchten die Plattform "
                                "kennenlernen? Die Geschäftsstelle re@di stellt Ihnen gerne "
                                "den Quellcode, die Dokumentation und die Erfahrungen aus "
                                "dem Betrieb vor.",
                                "Auch Hochschulen, Unternehmen und Initiativen aus der Region "
                                "sind eingeladen, sich mit Ideen, Fehlerberichten und Beiträgen "
                                "an der Weiterentwicklung zu beteiligen.",
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Baden-Baden
# ---------------------------------------------------------------------------

_BADEN_BADEN: dict[str, Any] = {
    "slug": "baden-baden",
    "name": "Baden-Baden",
    "legal_name": "Stadt Baden-Baden",
    "status": "Stadtkreis",
    "district": "Stadtkreis",
    "head_role": "Oberbürgermeister",
    "street": "Marktplatz 2",
    "postcode": "76530",
    "city": "Baden-Baden",
    "phone": "07221 93-0",
    "fax": "07221 93-2020",
    "email": "rathaus@baden-baden.example",
    "website_hint": "",
    "population": 57000,
    "tagline": "Welterbestadt der Bäder und Künste am Rand des Schwarzwalds",
    "intro": (
        "Willkommen in Baden-Baden! Seit 2021 gehört unsere Stadt als Teil der „Great Spa "
        "Towns of Europe“ zum UNESCO-Welterbe. Hier finden Sie alle Informationen rund um "
        "Rathaus, Bürgerservice und das Leben zwischen Oostal, Rebland und Schwarzwald."
    ),
    "opening_hours": [
        ("Montag bis Freitag", "8:00–12:30 Uhr"),
        ("Dienstag", "14:00–16:00 Uhr"),
        ("Donnerstag", "14:00–18:00 Uhr"),
    ],
    "supervisory_authority": "Regierungspräsidium Karlsruhe",
    "vat_id": "DE142118503",
    "sections": [
        {
            "title": "Rathaus & Service",
            "slug": "rathaus-service",
            "intro": (
                "Vom Personalausweis bis zur Biotonne: Hier finden Sie die Dienstleistungen "
                "der Stadtverwaltung Baden-Baden und die richtigen Ansprechpartner."
            ),
            "pages": [
                {
                    "title": "Bürgerbüro",
                    "slug": "buergerbuero",
                    "intro": (
                        "Das Bürgerbüro ist die zentrale Anlaufstelle für Melde-, Pass- und "
                        "Ausweisangelegenheiten in Baden-Baden – mit Terminbuchung online."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Im Bürgerbüro erledigen Sie viele Behördengänge an einem "
                                "Ort. Ob Sie neu nach Baden-Baden ziehen, einen Reisepass "
                                "für den Urlaub brauchen oder ein Führungszeugnis für den "
                                "neuen Arbeitgeber – unser Team hilft Ihnen gerne weiter. "
                                "Das gilt auch für Einwohnerinnen und Einwohner aus "
                                "Lichtental, Oos, Sandweier oder dem Rebland.",
                                "Viele Anliegen können Sie inzwischen auch online erledigen, zum "
                                "Beispiel die Meldebescheinigung, das Führungszeugnis oder die "
                                "Abmeldung ins Ausland. Für Ausweisdokumente ist dagegen Ihre "
                                "persönliche Vorsprache nötig, weil Fingerabdrücke und "
                                "Unterschrift vor Ort erfasst werden. Bitte denken Sie daran, "
                                "sich innerhalb von zwei Wochen nach dem Einzug anzumelden.",
                            ),
                        ),
                        ("heading", "Unsere Leistungen"),
                        (
                            "paragraph",
                            _ul(
                                "An-, Um- und Abmeldung des Wohnsitzes",
                                "Personalausweis, Reisepass und vorläufige Dokumente",
                                "Personalausweis und Reisepass für Kinder und Jugendliche",
                                "Beantragung von Führungszeugnissen und Auskünften aus "
                                "dem Gewerbezentralregister",
                                "Meldebescheinigungen und Aufenthaltsbescheinigungen",
                                "Beglaubigungen von Kopien und Unterschriften",
                                "Bewohnerparkausweise für die Innenstadtzonen",
                                "Fundsachen und Ausgabe von Gelben Säcken",
                            ),
                        ),
                        ("heading", "Öffnungszeiten"),
                        (
                            "paragraph",
                            _p(
                                "Montag bis Freitag von 8:00 bis 12:30 Uhr, zusätzlich "
                                "dienstags von 14:00 bis 16:00 Uhr und donnerstags von "
                                "14:00 bis 18:00 Uhr. Der lange Donnerstag ist besonders "
                                "für Berufstätige gedacht.",
                            ),
                        ),
                        _info(
                            "Termin vereinbaren",
                            "Um Wartezeiten zu vermeiden, buchen Sie bitte vorab online "
                            "einen Termin. Für dringende Fälle halten wir täglich einige "
                            "Termine ohne Vorbuchung frei.",
                        ),
                        ("heading", "Was Sie mitbringen sollten"),
                        (
                            "paragraph",
                            _ul(
                                "Ihren gültigen Personalausweis oder Reisepass",
                                "Bei Anmeldungen die Wohnungsgeberbestätigung Ihres Vermieters",
                                "Für neue Ausweisdokumente ein aktuelles biometrisches "
                                "Lichtbild, das digital an das Bürgerbüro übermittelt oder "
                                "vor Ort erstellt werden kann",
                                "Bei Minderjährigen die Zustimmung aller Sorgeberechtigten",
                                "Eine EC-Karte oder Bargeld für die Gebühren",
                            ),
                        ),
                        (
                            "paragraph",
                            _p(
                                "Fertige Ausweise können Sie zu den Öffnungszeiten ohne "
                                "Termin abholen. Bitte bringen Sie dazu Ihr bisheriges "
                                "Dokument mit, damit es entwertet werden kann.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Abfall & Umwelt",
                    "slug": "abfall-umwelt",
                    "intro": (
                        "Als Stadtkreis ist Baden-Baden selbst für die Abfallentsorgung "
                        "zuständig. Hier finden Sie Abfuhrtermine, Wertstoffhöfe und Tipps "
                        "zum Umweltschutz."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Anders als in den umliegenden Landkreisen liegt die "
                                "Abfallwirtschaft in Baden-Baden in städtischer Hand. Die "
                                "Stadt organisiert die Abfuhr von Restmüll, Bioabfall und "
                                "Altpapier, betreibt die Wertstoffhöfe und berät Haushalte "
                                "und Betriebe zur Abfallvermeidung.",
                                "Die Abfallgebühren werden einmal jährlich mit dem Bescheid über "
                                "die Grundbesitzabgaben erhoben. Sie richten sich nach der Größe "
                                "der Restmülltonne und der Zahl der Leerungen. Wer Abfälle "
                                "konsequent trennt und kompostiert, kann mit einem kleineren "
                                "Behälter Gebühren sparen. Bei Fragen hilft Ihnen die "
                                "Abfallberatung gerne weiter.",
                            ),
                        ),
                        ("heading", "Abfuhrtermine und Tonnen"),
                        (
                            "paragraph",
                            _p(
                                "Die Abfuhrtermine für Ihre Straße finden Sie im "
                                "Abfallkalender, den Sie online abrufen oder als "
                                "Erinnerung auf Ihr Smartphone abonnieren können. Bitte "
                                "stellen Sie die Behälter am Abfuhrtag bis 6:00 Uhr gut "
                                "sichtbar am Straßenrand bereit.",
                                "Tonnen anmelden, tauschen oder abmelden können Sie "
                                "bequem über das Online-Formular. Änderungen werden zum "
                                "nächsten Monatsersten wirksam.",
                            ),
                        ),
                        ("heading", "Wertstoffhöfe und Grünschnitt"),
                        (
                            "paragraph",
                            _ul(
                                "Sperrmüll, Elektrogeräte und Metallschrott nehmen die "
                                "Wertstoffhöfe in haushaltsüblichen Mengen an.",
                                "Grünschnitt aus Gärten und Weinbergen des Reblands kann "
                                "an den Grünschnittsammelplätzen abgegeben werden.",
                                "Problemstoffe wie Farben, Lacke und Batterien sammelt das "
                                "Schadstoffmobil an festen Terminen in allen Stadtteilen.",
                            ),
                        ),
                        _warning(
                            "Keine Gartenabfälle im Wald",
                            "Bitte entsorgen Sie Rasenschnitt und Astwerk nicht an "
                            "Waldrändern oder an der Oos. Gartenabfälle verdrängen "
                            "heimische Pflanzen und gefährden den Hochwasserschutz. "
                            "Verstöße werden als Ordnungswidrigkeit geahndet.",
                        ),
                        ("heading", "Umwelt- und Klimaschutz"),
                        (
                            "paragraph",
                            _p(
                                "Mit rund 60 Prozent Waldfläche zählt Baden-Baden zu den "
                                "waldreichsten Städten Deutschlands. Der städtische Forst "
                                "wird naturnah bewirtschaftet. Die Klimaschutzleitstelle "
                                "berät Hauseigentümerinnen und Hauseigentümer zu "
                                "Photovoltaik, Wärmepumpen und Förderprogrammen und "
                                "begleitet die kommunale Wärmeplanung.",
                                "Wer selbst mit anpacken möchte, kann sich an den "
                                "Frühjahrsputzaktionen in den Stadtteilen beteiligen. Vereine, "
                                "Schulen und Nachbarschaften sammeln dabei gemeinsam Abfälle aus "
                                "Grünanlagen, Bachläufen und Waldrändern.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Stadtverwaltung",
                    "slug": "stadtverwaltung",
                    "intro": (
                        "Aufbau der Stadtverwaltung Baden-Baden, Dezernate und Fachbereiche "
                        "sowie Informationen zum Gemeinderat und zu den Ortschaftsräten."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Baden-Baden ist ein Stadtkreis und damit kreisfrei. Die "
                                "Stadtverwaltung erfüllt deshalb neben den Aufgaben einer "
                                "Gemeinde auch Aufgaben, die andernorts das Landratsamt "
                                "übernimmt – etwa die Kfz-Zulassung, die Führerscheinstelle, "
                                "die Ausländerbehörde oder das Jugendamt.",
                                "Sitz der Verwaltung ist das Rathaus am Marktplatz, ein "
                                "ehemaliges Jesuitenkolleg aus dem 17. Jahrhundert. Weitere "
                                "Dienststellen verteilen sich auf mehrere Gebäude in der "
                                "Innenstadt und in der Weststadt. Bitte prüfen Sie vor Ihrem "
                                "Besuch, wo Ihr Anliegen bearbeitet wird.",
                            ),
                        ),
                        ("heading", "Dezernate und Fachbereiche"),
                        (
                            "paragraph",
                            _p(
                                "An der Spitze der Verwaltung steht der Oberbürgermeister. "
                                "Ihm sind die Beigeordneten zur Seite gestellt, die jeweils "
                                "ein Dezernat leiten.",
                            )
                            + _ul(
                                "Dezernat I: Hauptverwaltung, Finanzen, Wirtschaft und Tourismus",
                                "Dezernat II: Bildung, Jugend, Soziales und Kultur",
                                "Dezernat III: Planen, Bauen, Umwelt und Verkehr",
                                "Fachbereich Bürgerdienste mit Bürgerbüro, Standesamt, "
                                "Kfz-Zulassung und Führerscheinstelle",
                            ),
                        ),
                        ("heading", "Gemeinderat"),
                        (
                            "paragraph",
                            _p(
                                "Der Gemeinderat ist das Hauptorgan der Stadt. Er wird von "
                                "den Bürgerinnen und Bürgern für fünf Jahre gewählt, "
                                "zuletzt im Juni 2024. Die Sitzungen finden in der Regel "
                                "im Rathaus am Marktplatz statt und sind öffentlich, soweit "
                                "nicht Datenschutz oder das Wohl der Stadt entgegenstehen. "
                                "Tagesordnungen, Sitzungsvorlagen und Niederschriften "
                                "finden Sie im Ratsinformationssystem.",
                                "Die Ausschüsse des Gemeinderats beraten Beschlüsse vor und "
                                "entscheiden in ihrem Zuständigkeitsbereich selbst. Zu Beginn "
                                "öffentlicher Sitzungen gibt es eine Fragestunde, in der "
                                "Einwohnerinnen und Einwohner Fragen an die Verwaltung richten "
                                "können.",
                            ),
                        ),
                        ("heading", "Ortschaftsräte"),
                        (
                            "paragraph",
                            _p(
                                "In den Ortschaften Ebersteinburg, Haueneberstein, Neuweier, "
                                "Sandweier, Steinbach und Varnhalt vertreten Ortschaftsräte "
                                "die Anliegen vor Ort. Sie werden zu wichtigen "
                                "Angelegenheiten ihrer Ortschaft angehört. Die "
                                "Ortsverwaltungen bieten zudem ausgewählte "
                                "Bürgerdienstleistungen an.",
                            ),
                        ),
                        _info(
                            "Zentrale Erreichbarkeit",
                            "Die Stadtverwaltung erreichen Sie unter 07221 93-0 oder per "
                            "E-Mail an rathaus@baden-baden.example. Die Telefonzentrale "
                            "verbindet Sie mit dem zuständigen Fachbereich.",
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Leben in Baden-Baden",
            "slug": "leben",
            "intro": (
                "Bäderkultur, Festspiele und Weinberge: Baden-Baden verbindet "
                "Weltläufigkeit mit der Nähe zum Schwarzwald."
            ),
            "pages": [
                {
                    "title": "Kultur & Sehenswürdigkeiten",
                    "slug": "kultur-sehenswuerdigkeiten",
                    "intro": (
                        "Kurhaus, Festspielhaus, Lichtentaler Allee und Museen von "
                        "internationalem Rang – die kulturellen Höhepunkte Baden-Badens."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Im 19. Jahrhundert war Baden-Baden die „Sommerhauptstadt "
                                "Europas“. Kaiser, Künstler und Schriftsteller kamen in die "
                                "Stadt an der Oos. Dieses Erbe prägt das Stadtbild bis "
                                "heute und wurde 2021 gemeinsam mit zehn weiteren "
                                "Kurstädten als „Great Spa Towns of Europe“ in die "
                                "UNESCO-Welterbeliste aufgenommen.",
                                "Wer die Stadt heute besucht, erlebt ein lebendiges Miteinander "
                                "von Bäderkultur, Musik, Kunst und Gastlichkeit – eingebettet in "
                                "Parks und Gärten, die zum Verweilen einladen.",
                            ),
                        ),
                        ("heading", "Kurhaus und Trinkhalle"),
                        (
                            "paragraph",
                            _p(
                                "Das klassizistische Kurhaus wurde in den 1820er-Jahren "
                                "nach Plänen von Friedrich Weinbrenner errichtet. Es "
                                "beherbergt festliche Säle und das traditionsreiche "
                                "Casino. Nur wenige Schritte entfernt lädt die Trinkhalle "
                                "mit ihren Wandbildern zu Schwarzwaldsagen zum Flanieren "
                                "ein.",
                            ),
                        ),
                        ("heading", "Lichtentaler Allee"),
                        (
                            "paragraph",
                            _p(
                                "Die rund zwei Kilometer lange Parkanlage folgt der Oos vom "
                                "Theater bis zum Kloster Lichtenthal. Alte Bäume, "
                                "Rhododendren und die Gönneranlage mit ihren Rosen machen "
                                "die Allee zu jeder Jahreszeit zu einem der schönsten "
                                "Spazierwege Deutschlands. Am Weg liegen das Museum "
                                "Frieder Burda und die Staatliche Kunsthalle.",
                            ),
                        ),
                        ("heading", "Festspielhaus und Theater"),
                        (
                            "paragraph",
                            _p(
                                "Das Festspielhaus im ehemaligen Stadtbahnhof ist mit rund "
                                "2.500 Plätzen das größte Opern- und Konzerthaus "
                                "Deutschlands. Internationale Orchester, Ballett und Oper "
                                "sind hier regelmäßig zu Gast. Das Theater Baden-Baden im "
                                "Stil der Pariser Oper bietet Schauspiel, Kinder- und "
                                "Jugendtheater.",
                                "Im Sommer verwandeln Open-Air-Konzerte und Veranstaltungen im "
                                "Kurgarten die Innenstadt in eine große Bühne, die auch "
                                "Einheimische gerne besuchen.",
                            ),
                        ),
                        (
                            "paragraph",
                            _ul(
                                "Brahmshaus in Lichtental, in dem der Komponist mehrere "
                                "Sommer verbrachte",
                                "Altes Schloss Hohenbaden mit Blick über die Rheinebene",
                                "Merkur, der Hausberg, erreichbar mit der Merkurbergbahn",
                                "Römische Badruinen unter dem Friedrichsbad",
                            ),
                        ),
                        _info(
                            "Stadtführungen",
                            "Öffentliche Führungen durch die Welterbestadt finden ganzjährig "
                            "statt. Treffpunkt und Tickets erhalten Sie in der "
                            "Tourist-Information an der Trinkhalle.",
                        ),
                    ],
                },
                {
                    "title": "Bäder & Gesundheit",
                    "slug": "baeder-gesundheit",
                    "intro": (
                        "Heiße Quellen seit der Römerzeit: Caracalla-Therme, Friedrichsbad "
                        "und Gesundheitsangebote für Einheimische und Gäste."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Schon die Römer schätzten die heißen Quellen am Florentinerberg "
                                "und nannten den Ort „Aquae“. Bis heute sprudeln im "
                                "Untergrund der Altstadt Thermalquellen mit Temperaturen von "
                                "bis zu 68 Grad Celsius. Sie versorgen die beiden großen "
                                "Bäder der Stadt.",
                                "An der Fettquelle unweit des Friedrichsbads können Sie das warme "
                                "Thermalwasser kostenlos probieren. Die Quellen werden sorgfältig "
                                "gefasst und überwacht, damit sie auch künftigen Generationen "
                                "erhalten bleiben.",
                            ),
                        ),
                        ("heading", "Caracalla-Therme"),
                        (
                            "paragraph",
                            _p(
                                "Die 1985 eröffnete Caracalla-Therme bietet Innen- und "
                                "Außenbecken mit Thermalwasser, Grotten, Whirlpools und "
                                "eine großzügige Saunalandschaft. Sie ist bei Gästen aus "
                                "der ganzen Region beliebt und auch für Familien mit "
                                "älteren Kindern geeignet.",
                                "Von den Außenbecken reicht der Blick über die Dächer der "
                                "Altstadt bis zu den bewaldeten Höhen.",
                            ),
                        ),
                        ("heading", "Friedrichsbad"),
                        (
                            "paragraph",
                            _p(
                                "Das Friedrichsbad von 1877 verbindet römische "
                                "Badetradition mit irischen Heißluftbädern. In 17 "
                                "Stationen wechseln warme und kalte Anwendungen. Das "
                                "prachtvolle Gebäude im Stil der Neorenaissance ist ein "
                                "Kernstück des Welterbes.",
                            ),
                        ),
                        _info(
                            "Hinweis zu Öffnungszeiten",
                            "Die Bäder werden von den Bäder- und Kurbetrieben betrieben. "
                            "Aktuelle Öffnungszeiten, Preise und Revisionszeiten erfahren "
                            "Sie direkt bei den Bädern.",
                        ),
                        ("heading", "Freibäder und Sport"),
                        (
                            "paragraph",
                            _p(
                                "Für Schwimmunterricht, Vereinssport und den Sommer stehen "
                                "städtische Hallen- und Freibäder zur Verfügung. "
                                "Rund um die Stadt führen ausgeschilderte Wander- und "
                                "Mountainbikewege, etwa über die Battertfelsen oder zum "
                                "Merkur. Die Sportvereine bieten von Leichtathletik bis "
                                "Tennis ein breites Programm.",
                            ),
                        ),
                        (
                            "paragraph",
                            _p(
                                "Gesundheit hat in Baden-Baden Tradition: Zahlreiche "
                                "Kliniken, Rehabilitationseinrichtungen und Praxen sorgen "
                                "für eine Versorgung, die weit über die Stadtgrenzen hinaus "
                                "geschätzt wird.",
                                "Frische Schwarzwaldluft, ein mildes Klima und kurze Wege "
                                "zwischen Stadt und Natur machen Baden-Baden zu einem Ort, an dem "
                                "Erholung zum Alltag gehört.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Stadtteile & Rebland",
                    "slug": "stadtteile",
                    "intro": (
                        "Von der Innenstadt bis zu den Weinorten im Rebland: Baden-Badens "
                        "Stadtteile haben jeweils ihren eigenen Charakter."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Baden-Baden ist mehr als die Kurstadt rund um Kurhaus und "
                                "Altstadt. Zur Stadt gehören zahlreiche Stadtteile und "
                                "Ortschaften, die sich vom Rheintal bis hinauf in den "
                                "Nordschwarzwald erstrecken.",
                                "Viele Stadtteile waren bis in die 1970er-Jahre selbstständige "
                                "Gemeinden. Sie haben ihre Vereinskultur, ihre Feste und ihre "
                                "Ortsmitte bis heute bewahrt und prägen das Leben in der Stadt "
                                "mit.",
                            ),
                        ),
                        ("heading", "Das Rebland"),
                        (
                            "paragraph",
                            _p(
                                "Im Südwesten der Stadt liegen die Weinorte Steinbach, "
                                "Varnhalt und Neuweier. An den sonnigen Hängen wachsen vor "
                                "allem Riesling und Spätburgunder. Neuweier ist bekannt "
                                "für den Bocksbeutel, der hier seit Jahrhunderten "
                                "Tradition hat. Straußwirtschaften, Weinfeste und "
                                "ausgeschilderte Weinwanderwege laden zum Besuch ein.",
                                "Über Steinbach und Varnhalt thront die Ruine der Yburg, ein "
                                "beliebtes Wanderziel mit weitem Blick über das Rheintal bis zu "
                                "den Vogesen.",
                            ),
                        ),
                        ("heading", "Lichtental und Oos"),
                        (
                            "paragraph",
                            _p(
                                "Lichtental im oberen Oostal ist geprägt vom "
                                "Zisterzienserinnenkloster Lichtenthal, das seit 1245 "
                                "besteht. Die Weststadt und Oos mit dem Bahnhof sowie die "
                                "Cité, ein früheres Quartier der französischen Streitkräfte, "
                                "sind heute gefragte Wohn- und Arbeitsorte.",
                                "Kurze Wege in die Innenstadt, Schulen und Kindergärten machen "
                                "beide Stadtteile besonders für Familien attraktiv.",
                            ),
                        ),
                        ("heading", "Ortschaften in der Rheinebene und am Berg"),
                        (
                            "paragraph",
                            _ul(
                                "Sandweier und Haueneberstein: lebendige Ortschaften mit "
                                "aktiven Vereinen und guter Anbindung an die Autobahn",
                                "Ebersteinburg: Höhenort mit Burgruine und weitem Blick "
                                "ins Murgtal",
                                "Balg: ruhiges Wohnen am Rand der Kernstadt",
                            ),
                        ),
                        _quote(
                            "Von der Rheinebene bis zum Schwarzwaldkamm – in Baden-Baden "
                            "findet jede und jeder ein Zuhause mit eigenem Charakter.",
                            "Stadtplanungsamt Baden-Baden",
                        ),
                        _info(
                            "Ortsverwaltungen",
                            "Die Ortsverwaltungen nehmen Anträge entgegen und beglaubigen "
                            "Dokumente. Die Sprechzeiten finden Sie auf den Seiten der "
                            "jeweiligen Ortschaft.",
                        ),
                    ],
                },
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Bretten
# ---------------------------------------------------------------------------

_BRETTEN: dict[str, Any] = {
    "slug": "bretten",
    "name": "Bretten",
    "legal_name": "Stadt Bretten",
    "status": "Große Kreisstadt",
    "district": "Landkreis Karlsruhe",
    "head_role": "Oberbürgermeister",
    "street": "Untere Kirchgasse 9",
    "postcode": "75015",
    "city": "Bretten",
    "phone": "07252 921-0",
    "fax": "07252 921-199",
    "email": "rathaus@bretten.example",
    "website_hint": "",
    "population": 30000,
    "tagline": "Melanchthonstadt im Herzen des Kraichgaus",
    "intro": (
        "Herzlich willkommen in Bretten! Die Geburtsstadt Philipp Melanchthons verbindet "
        "eine lebendige Altstadt mit Fachwerk und Türmen mit neun Stadtteilen in der "
        "hügeligen Landschaft des Kraichgaus. Auf diesen Seiten finden Sie alles rund um "
        "Rathaus, Service und das Leben in unserer Stadt."
    ),
    "opening_hours": [
        ("Montag bis Mittwoch", "8:00–12:30 Uhr"),
        ("Donnerstag", "8:00–12:30 Uhr und 14:00–18:00 Uhr"),
        ("Freitag", "8:00–12:00 Uhr"),
        ("Samstag", "9:00–12:00 Uhr (nur mit Termin)"),
    ],
    "supervisory_authority": "Regierungspräsidium Karlsruhe",
    "vat_id": "DE143906271",
    "sections": [
        {
            "title": "Rathaus & Service",
            "slug": "rathaus-service",
            "intro": (
                "Bürgerbüro, Bauen und Wohnen, Ämter und Gemeinderat: So erreichen Sie die "
                "Stadtverwaltung Bretten."
            ),
            "pages": [
                {
                    "title": "Bürgerbüro",
                    "slug": "buergerbuero",
                    "intro": (
                        "Im Bürgerbüro im Rathaus an der Unteren Kirchgasse erledigen Sie "
                        "Meldeangelegenheiten, Ausweise und viele weitere Anliegen – auch "
                        "samstags nach Terminvereinbarung."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Das Bürgerbüro der Stadt Bretten ist für alle "
                                "Einwohnerinnen und Einwohner der Kernstadt und der neun "
                                "Stadtteile zuständig. Sie finden es im Erdgeschoss des "
                                "Rathauses in der Unteren Kirchgasse, nur wenige Schritte "
                                "vom Marktplatz entfernt. Der Eingang ist barrierefrei "
                                "erreichbar.",
                                "Unser Ziel ist es, möglichst viele Anliegen bei einem "
                                "einzigen Besuch abschließend zu erledigen. Deshalb lohnt "
                                "es sich, vorab zu prüfen, welche Unterlagen Sie benötigen.",
                            ),
                        ),
                        ("heading", "Das können Sie bei uns erledigen"),
                        (
                            "paragraph",
                            _ul(
                                "Anmeldung nach dem Zuzug, Ummeldung innerhalb Brettens "
                                "und Abmeldung ins Ausland",
                                "Anträge auf Personalausweis, Reisepass und eID-Karte",
                                "Führungszeugnisse, auch erweiterte Führungszeugnisse für "
                                "die Arbeit mit Kindern und Jugendlichen",
                                "Melde- und Lebensbescheinigungen",
                                "Anträge auf Briefwahl bei anstehenden Wahlen",
                                "Hundeanmeldung und Ausgabe von Hundesteuermarken",
                                "Fundbüro sowie Verkauf von Eintrittskarten für "
                                "städtische Veranstaltungen",
                            ),
                        ),
                        ("heading", "Öffnungszeiten"),
                        (
                            "paragraph",
                            _p(
                                "Montag bis Mittwoch von 8:00 bis 12:30 Uhr, Donnerstag "
                                "von 8:00 bis 12:30 Uhr und von 14:00 bis 18:00 Uhr, "
                                "Freitag von 8:00 bis 12:00 Uhr. Am Samstag öffnen wir "
                                "von 9:00 bis 12:00 Uhr ausschließlich für Besucherinnen "
                                "und Besucher mit Termin.",
                            ),
                        ),
                        _info(
                            "Online-Terminvergabe",
                            "Termine können Sie bis zu vier Wochen im Voraus online oder "
                            "telefonisch unter 07252 921-0 buchen. Bitte sagen Sie nicht "
                            "benötigte Termine ab, damit andere sie nutzen können.",
                        ),
                        ("heading", "Bitte mitbringen"),
                        (
                            "paragraph",
                            _p(
                                "Für fast alle Anliegen benötigen Sie ein gültiges "
                                "Ausweisdokument. Bei der Anmeldung legen Sie zusätzlich "
                                "die Bestätigung Ihres Wohnungsgebers vor; für Ausweise "
                                "und Pässe ein aktuelles biometrisches Passfoto. Wenn Sie "
                                "für eine andere Person handeln, bringen Sie bitte eine "
                                "schriftliche Vollmacht und den Ausweis der vertretenen "
                                "Person mit. Gebühren können Sie bar oder mit Karte "
                                "bezahlen.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Bauen & Wohnen",
                    "slug": "bauen-wohnen",
                    "intro": (
                        "Bauanträge, Bebauungspläne und Bauplätze: Die Stadt Bretten ist "
                        "als Große Kreisstadt selbst untere Baurechtsbehörde."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Ob Einfamilienhaus in Diedelsheim, Dachausbau in der "
                                "Kernstadt oder Gewerbehalle in Gölshausen: Wer in Bretten "
                                "baut, hat es mit dem Baurechtsamt der Stadt zu tun. Als "
                                "Große Kreisstadt ist Bretten selbst untere "
                                "Baurechtsbehörde. Anträge müssen deshalb nicht beim "
                                "Landratsamt gestellt werden.",
                                "Das Baurechtsamt prüft Bauvorlagen, erteilt Genehmigungen, "
                                "überwacht die Ausführung und nimmt fertige Gebäude ab. Es berät "
                                "außerdem zu Abstandsflächen, Stellplätzen und Brandschutz. Für "
                                "Fragen zur Erschließung und zu Straßenaufbrüchen ist das "
                                "Tiefbauamt zuständig.",
                            ),
                        ),
                        ("heading", "Bauantrag und Kenntnisgabeverfahren"),
                        (
                            "paragraph",
                            _p(
                                "Die Landesbauordnung Baden-Württemberg kennt neben dem "
                                "Baugenehmigungsverfahren auch das vereinfachte Verfahren "
                                "und das Kenntnisgabeverfahren. Welches Verfahren für Ihr "
                                "Vorhaben gilt, hängt unter anderem davon ab, ob es im "
                                "Geltungsbereich eines Bebauungsplans liegt. Bauanträge "
                                "können Sie digital über das Virtuelle Bauamt des Landes "
                                "einreichen. Ihre Entwurfsverfasserin oder Ihr "
                                "Entwurfsverfasser unterstützt Sie dabei.",
                                "Sind die Unterlagen vollständig, entscheidet das Baurechtsamt "
                                "innerhalb der gesetzlichen Fristen. Die Angrenzer werden von uns "
                                "benachrichtigt und können Einwendungen erheben.",
                            ),
                        ),
                        _info(
                            "Bauberatung",
                            "Vor größeren Vorhaben empfehlen wir ein Beratungsgespräch im "
                            "Stadtbauamt. Bitte vereinbaren Sie dafür einen Termin und "
                            "bringen Sie einen Lageplan und erste Skizzen mit.",
                        ),
                        ("heading", "Bauen in der Altstadt"),
                        (
                            "paragraph",
                            _p(
                                "Die Brettener Altstadt mit ihren Fachwerkhäusern, dem "
                                "Simmelturm und dem Pfeiferturm steht in weiten Teilen als "
                                "Gesamtanlage unter Denkmalschutz. Änderungen an Fassaden, "
                                "Fenstern, Dächern und Werbeanlagen bedürfen hier einer "
                                "Genehmigung. Für die Sanierung ortsbildprägender Gebäude "
                                "gibt es Fördermittel aus der Städtebauförderung.",
                            ),
                        ),
                        ("heading", "Bauplätze und Wohnraum"),
                        (
                            "paragraph",
                            _ul(
                                "Städtische Bauplätze werden nach vom Gemeinderat "
                                "beschlossenen Vergabekriterien vergeben, die Familien "
                                "und Ortsansässige berücksichtigen.",
                                "Bebauungspläne und laufende Beteiligungsverfahren können "
                                "Sie im Rathaus und online einsehen.",
                                "Der Mietspiegel gibt Orientierung zu ortsüblichen Mieten.",
                                "Die Wohngeldstelle berät Haushalte mit geringem Einkommen.",
                                "Photovoltaik auf Dächern der Altstadt ist möglich, wenn sie sich "
                                "in das Ortsbild einfügt – sprechen Sie uns bitte frühzeitig an.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Stadtverwaltung",
                    "slug": "stadtverwaltung",
                    "intro": (
                        "Ämter, Zuständigkeiten und kommunale Gremien: So ist die "
                        "Stadtverwaltung Bretten aufgebaut."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Die Stadtverwaltung Bretten ist Dienstleisterin für rund "
                                "30.000 Menschen. Sie kümmert sich um Kindergärten und "
                                "Schulgebäude, Straßen und Grünanlagen, Feuerwehr, Kultur "
                                "und vieles mehr. Geleitet wird sie vom Oberbürgermeister, "
                                "der zugleich Vorsitzender des Gemeinderats ist. Ihn "
                                "unterstützt der Bürgermeister als Erster Beigeordneter.",
                                "Neben dem Rathaus in der Unteren Kirchgasse sind einzelne Ämter "
                                "in weiteren Gebäuden der Innenstadt untergebracht. Die "
                                "Telefonzentrale unter 07252 921-0 verbindet Sie mit der "
                                "zuständigen Stelle.",
                            ),
                        ),
                        ("heading", "Die Ämter im Überblick"),
                        (
                            "paragraph",
                            _ul(
                                "Hauptamt mit Personal, Organisation und Digitalisierung",
                                "Amt für Finanzen mit Stadtkasse und Steueramt",
                                "Bürger- und Ordnungsamt mit Bürgerbüro und Standesamt",
                                "Amt für Bildung, Kultur und Sport",
                                "Stadtbauamt mit Baurecht, Tiefbau und Stadtplanung",
                                "Amt für Familie, Soziales und Integration",
                                "Bauhof und Stadtgärtnerei",
                            ),
                        ),
                        ("heading", "Gemeinderat und Ausschüsse"),
                        (
                            "paragraph",
                            _p(
                                "Der Gemeinderat entscheidet über alle wichtigen "
                                "Angelegenheiten der Stadt, zum Beispiel über den "
                                "Haushalt, Bebauungspläne und große Bauvorhaben. Er wurde "
                                "zuletzt im Juni 2024 gewählt. Vorberatungen finden im "
                                "Verwaltungs- und Finanzausschuss sowie im Bau- und "
                                "Umweltausschuss statt. Die öffentlichen Sitzungen tagen "
                                "im Rathaus; die Termine werden im Amtsblatt und im "
                                "Ratsinformationssystem bekannt gegeben.",
                                "Zu Beginn jeder öffentlichen Sitzung können Einwohnerinnen und "
                                "Einwohner in der Bürgerfragestunde Fragen stellen und Anregungen "
                                "geben. Über die gefassten Beschlüsse informiert das wöchentliche "
                                "Amtsblatt.",
                            ),
                        ),
                        ("heading", "Ortschaftsräte in den Stadtteilen"),
                        (
                            "paragraph",
                            _p(
                                "Die Stadtteile Bauerbach, Büchig, Diedelsheim, "
                                "Dürrenbüchig, Gölshausen, Neibsheim, Rinklingen, Ruit und "
                                "Sprantal haben eigene Ortschaftsräte unter dem Vorsitz "
                                "einer Ortsvorsteherin oder eines Ortsvorstehers. Sie "
                                "beraten über Angelegenheiten, die ihren Stadtteil "
                                "betreffen, und halten regelmäßig Sprechstunden ab.",
                            ),
                        ),
                        _quote(
                            "Eine gute Verwaltung erkennt man daran, dass sie für die "
                            "Menschen da ist – im Rathaus, am Telefon und online.",
                            "Leitbild der Stadtverwaltung Bretten",
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Leben in Bretten",
            "slug": "leben",
            "intro": (
                "Reformationsgeschichte, ein großes historisches Fest und neun Stadtteile im "
                "Kraichgau: Entdecken Sie Bretten."
            ),
            "pages": [
                {
                    "title": "Kultur & Geschichte",
                    "slug": "kultur-geschichte",
                    "intro": (
                        "Melanchthonhaus, Fachwerk und Stadttürme: Bretten blickt auf eine "
                        "reiche Geschichte zurück, die in der Altstadt lebendig bleibt."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "1497 wurde in Bretten Philipp Melanchthon geboren. Der "
                                "Humanist und Reformator war ein enger Weggefährte Martin "
                                "Luthers und prägte das Bildungswesen so stark, dass man "
                                "ihn den „Lehrer Deutschlands“ nannte. Bretten trägt daher "
                                "stolz den Beinamen Melanchthonstadt.",
                                "Seine Ideen zu Schule und Universität wirkten weit über die "
                                "Reformationszeit hinaus. Viele Gymnasien in ganz Deutschland "
                                "tragen heute seinen Namen – auch das Brettener Gymnasium.",
                            ),
                        ),
                        ("heading", "Das Melanchthonhaus"),
                        (
                            "paragraph",
                            _p(
                                "An der Stelle seines Geburtshauses am Marktplatz entstand "
                                "um 1900 das Melanchthonhaus. Der prachtvolle Bau ist "
                                "Gedenkstätte, Museum und Forschungsort zugleich. Die "
                                "Europäische Melanchthon-Akademie lädt zu Vorträgen, "
                                "Tagungen und Ausstellungen ein und pflegt Verbindungen zu "
                                "Reformationsstätten in ganz Europa.",
                                "In der Gedächtnishalle erinnern Bildnisse, Wappen und "
                                "Inschriften an Melanchthon und seine Zeitgenossen aus ganz "
                                "Europa.",
                            ),
                        ),
                        ("heading", "Spaziergang durch die Altstadt"),
                        (
                            "paragraph",
                            _p(
                                "Rund um den Marktplatz reihen sich Fachwerkhäuser, die "
                                "nach der Zerstörung der Stadt im Pfälzischen "
                                "Erbfolgekrieg 1689 wieder aufgebaut wurden. Von der "
                                "mittelalterlichen Stadtbefestigung sind "
                                "der Simmelturm und der Pfeiferturm erhalten. Der "
                                "Hundlesbrunnen erinnert an das Brettener Hundle: Der "
                                "Sage nach schickten die Belagerten einen wohlgenährten "
                                "Hund vor die Stadtmauern, um den Feinden volle "
                                "Vorratskammern vorzutäuschen.",
                            ),
                        ),
                        ("heading", "Museen"),
                        (
                            "paragraph",
                            _ul(
                                "Museum im Schweizer Hof mit der Stadtgeschichte Brettens",
                                "Deutsches Schutzengel-Museum mit Darstellungen aus "
                                "mehreren Jahrhunderten",
                                "Melanchthonhaus mit Dauerausstellung zu Leben und Werk "
                                "des Reformators",
                            ),
                        ),
                        _info(
                            "Führungen buchen",
                            "Stadtführungen, auch in historischen Gewändern oder für "
                            "Schulklassen, können Sie über die Tourist-Information im "
                            "Rathaus buchen.",
                        ),
                        (
                            "paragraph",
                            _p(
                                "Ergänzt wird das kulturelle Angebot durch Konzerte in der "
                                "Stiftskirche, Kleinkunst, die Stadtbibliothek und eine "
                                "aktive Musikschule.",
                                "Die Stadtbibliothek bietet neben Büchern auch digitale Medien "
                                "zur Ausleihe an und lädt regelmäßig zu Lesungen für Kinder und "
                                "Erwachsene ein.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Peter-und-Paul-Fest",
                    "slug": "peter-und-paul-fest",
                    "intro": (
                        "Jedes Jahr Ende Juni oder Anfang Juli wird die Altstadt zur Stadt des "
                        "Mittelalters: Das Peter-und-Paul-Fest ist Brettens größtes Ereignis."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Das Peter-und-Paul-Fest erinnert an die Belagerung der "
                                "Stadt im Jahr 1504. Damals zog im Landshuter "
                                "Erbfolgekrieg ein württembergisches Heer vor die Mauern, "
                                "doch die Brettener hielten stand. Seit Jahrzehnten feiern "
                                "die Bürgerinnen und Bürger diesen Erfolg rund um den "
                                "Gedenktag der Apostel Petrus und Paulus am 29. Juni.",
                                "Die Belagerer mussten schließlich unverrichteter Dinge abziehen. "
                                "Für die Stadt war das ein Grund zum Feiern, der bis heute "
                                "nachwirkt.",
                            ),
                        ),
                        ("heading", "Ein Fest der ganzen Stadt"),
                        (
                            "paragraph",
                            _p(
                                "Tausende Mitwirkende in historischen Gewändern schlagen "
                                "ihre Lager in der Altstadt auf. Bürgergruppen, Zünfte, "
                                "Landsknechte, Gaukler und Musikanten zeigen, wie das "
                                "Leben vor 500 Jahren aussah. Höhepunkte sind der große "
                                "Festumzug am Sonntag und die abendliche Stimmung in den "
                                "Gassen. Getragen wird das Fest von engagierten Vereinen "
                                "und Gruppen, in denen sich Generationen von Brettenerinnen "
                                "und Brettenern ehrenamtlich einbringen.",
                            ),
                        ),
                        _quote(
                            "Wer einmal beim Umzug mitgelaufen ist, bleibt dem Fest ein "
                            "Leben lang treu.",
                            "Eine Mitwirkende aus der Kernstadt",
                        ),
                        ("heading", "Hinweise für Besucherinnen und Besucher"),
                        (
                            "paragraph",
                            _ul(
                                "Für das Festgelände wird ein Eintritt in Form einer "
                                "Festplakette erhoben.",
                                "Reisen Sie am besten mit der Stadtbahn an; der Bahnhof "
                                "liegt nur wenige Gehminuten von der Altstadt entfernt.",
                                "Ausgeschilderte Parkplätze am Stadtrand sind mit "
                                "Pendelbussen verbunden.",
                                "Für Menschen mit Behinderung stehen barrierefreie "
                                "Toiletten und gekennzeichnete Stellplätze bereit.",
                            ),
                        ),
                        _warning(
                            "Verkehrseinschränkungen",
                            "Während des Festwochenendes ist die Innenstadt für den "
                            "Autoverkehr gesperrt. Anwohnerinnen und Anwohner erhalten "
                            "rechtzeitig Informationen zu Zufahrten und Parkausweisen.",
                        ),
                        (
                            "paragraph",
                            _p(
                                "Neben dem Peter-und-Paul-Fest laden der Weihnachtsmarkt "
                                "auf dem Marktplatz, Straßenfeste und die "
                                "Kerwen in den Stadtteilen durch das ganze Jahr zum "
                                "Mitfeiern ein.",
                                "Den aktuellen Veranstaltungskalender finden Sie im Amtsblatt und "
                                "auf dieser Website.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Stadtteile",
                    "slug": "stadtteile",
                    "intro": (
                        "Neun Stadtteile und eine lebendige Kernstadt: Bretten ist vielfältig "
                        "und gut mit der Region verbunden."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Mit den Gemeindereformen der 1970er-Jahre wuchs Bretten "
                                "um neun zuvor selbstständige Orte. Seitdem ist die Stadt "
                                "Große Kreisstadt und Mittelzentrum für den östlichen "
                                "Landkreis Karlsruhe. Jeder Stadtteil hat seinen eigenen "
                                "Charakter, seine Vereine und seine Feste bewahrt.",
                            ),
                        ),
                        ("heading", "Die Stadtteile im Überblick"),
                        (
                            "paragraph",
                            _ul(
                                "Diedelsheim: einwohnerstarker Stadtteil, direkt an die "
                                "Kernstadt angrenzend, mit eigenem Bahnhalt",
                                "Gölshausen: Wohnort und wichtiger Gewerbestandort mit "
                                "zahlreichen Arbeitsplätzen",
                                "Rinklingen, Ruit und Sprantal: ländlich geprägt, "
                                "umgeben von Feldern, Streuobstwiesen und Wald",
                                "Bauerbach und Neibsheim: Dörfer mit lebendiger "
                                "Vereinskultur und schönen Ortskernen",
                                "Büchig und Dürrenbüchig: kleine, ruhige Stadtteile mit viel Grün",
                            ),
                        ),
                        ("heading", "Gut angebunden"),
                        (
                            "paragraph",
                            _p(
                                "Bretten ist ein Knotenpunkt im Nahverkehr. Die "
                                "Stadtbahn verbindet die Stadt direkt mit Karlsruhe und "
                                "Heilbronn, Regionalzüge fahren nach Bruchsal und "
                                "Mühlacker. Auch mehrere Stadtteile haben eigene "
                                "Haltepunkte. Über die Bundesstraßen 35, 293 und 294 erreichen "
                                "Sie die Autobahnen in Richtung Karlsruhe, Stuttgart und "
                                "Heidelberg.",
                                "Die Kernstadt bietet mit weiterführenden Schulen, der "
                                "Rechbergklinik, Fachärzten und Geschäften alles für den "
                                "täglichen Bedarf. In den Stadtteilen sorgen Kindergärten, "
                                "Grundschulen, Hofläden und Vereinsheime für kurze Wege.",
                            ),
                        ),
                        _info(
                            "Ortsverwaltungen",
                            "In den Stadtteilen gibt es Ortsverwaltungen mit festen "
                            "Sprechzeiten. Dort können Sie Anträge abgeben, "
                            "Beglaubigungen erhalten und Anliegen direkt vor Ort "
                            "besprechen.",
                        ),
                        ("heading", "Landschaft im Kraichgau"),
                        (
                            "paragraph",
                            _p(
                                "Die sanften Hügel des Kraichgaus laden zum Wandern und "
                                "Radfahren ein. Streuobstwiesen, Hohlwege und kleine "
                                "Bachtäler prägen die Landschaft zwischen den Stadtteilen. "
                                "Ausgeschilderte Rundwege verbinden die Orte miteinander "
                                "und führen zu Aussichtspunkten über das Saalbachtal.",
                                "Im Frühjahr, wenn die Obstbäume blühen, zeigt sich die "
                                "Landschaft von ihrer schönsten Seite. Hofläden in mehreren "
                                "Stadtteilen bieten dann und das ganze Jahr über Obst, Säfte und "
                                "andere regionale Erzeugnisse an.",
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Bruchsal
# ---------------------------------------------------------------------------

_BRUCHSAL: dict[str, Any] = {
    "slug": "bruchsal",
    "name": "Bruchsal",
    "legal_name": "Stadt Bruchsal",
    "status": "Große Kreisstadt",
    "district": "Landkreis Karlsruhe",
    "head_role": "Oberbürgermeister",
    "street": "Kaiserstraße 66",
    "postcode": "76646",
    "city": "Bruchsal",
    "phone": "07251 79-0",
    "fax": "07251 79-304",
    "email": "rathaus@bruchsal.example",
    "website_hint": "",
    "population": 46000,
    "tagline": "Barockstadt zwischen Rheinebene und Kraichgau",
    "intro": (
        "Willkommen in Bruchsal! Das Barockschloss der Fürstbischöfe von Speyer, ein "
        "bedeutender Wirtschaftsstandort und fünf lebendige Stadtteile machen unsere "
        "Stadt aus. Hier erfahren Sie, wie Sie Ihre Anliegen im Rathaus erledigen und was "
        "Bruchsal zu bieten hat."
    ),
    "opening_hours": [
        ("Montag, Dienstag und Freitag", "8:00–12:00 Uhr"),
        ("Mittwoch", "7:00–13:00 Uhr"),
        ("Donnerstag", "8:00–12:00 Uhr und 14:00–18:00 Uhr"),
    ],
    "supervisory_authority": "Regierungspräsidium Karlsruhe",
    "vat_id": "DE143611487",
    "sections": [
        {
            "title": "Rathaus & Service",
            "slug": "rathaus-service",
            "intro": (
                "Bürgerbüro, Ordnungsamt und Stadtverwaltung: Hier finden Sie die wichtigsten "
                "Dienstleistungen der Stadt Bruchsal auf einen Blick."
            ),
            "pages": [
                {
                    "title": "Bürgerbüro",
                    "slug": "buergerbuero",
                    "intro": (
                        "Anmelden, Ausweis beantragen, Führungszeugnis bestellen: Das "
                        "Bürgerbüro Bruchsal ist Ihre erste Adresse für viele Behördengänge."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Das Bürgerbüro im Rathaus an der Kaiserstraße bündelt die "
                                "häufigsten Verwaltungsleistungen der Stadt Bruchsal. Die "
                                "Mitarbeiterinnen und Mitarbeiter beraten Sie freundlich "
                                "und kompetent – auf Wunsch auch in englischer oder "
                                "französischer Sprache. Das Rathaus liegt zentral in der "
                                "Fußgängerzone und ist vom Bahnhof aus in etwa zehn "
                                "Minuten zu Fuß erreichbar.",
                                "Einwohnerinnen und Einwohner aus Büchenau, Heidelsheim, "
                                "Helmsheim, Obergrombach und Untergrombach können viele "
                                "Anliegen auch in ihrer Ortsverwaltung erledigen.",
                                "Wer neu in Bruchsal ist, erhält bei der Anmeldung ein "
                                "Willkommenspaket mit Stadtplan, Abfallkalender und Informationen "
                                "zu Vereinen, Kitas und Schulen.",
                            ),
                        ),
                        ("heading", "Leistungen des Bürgerbüros"),
                        (
                            "paragraph",
                            _ul(
                                "Wohnsitzanmeldung, Ummeldung und Abmeldung",
                                "Personalausweise, Reisepässe und Expressreisepässe",
                                "Führungszeugnisse und Auskünfte aus dem Gewerbezentralregister",
                                "Meldebescheinigungen und Auskunftssperren",
                                "Beglaubigungen von Abschriften und Unterschriften",
                                "Anträge auf Parkerleichterungen für Menschen mit Behinderung",
                                "Ausgabe von Abfallsäcken und Informationsmaterial",
                            ),
                        ),
                        ("heading", "Öffnungszeiten"),
                        (
                            "paragraph",
                            _p(
                                "Montag, Dienstag und Freitag von 8:00 bis 12:00 Uhr, "
                                "Mittwoch bereits ab 7:00 Uhr bis 13:00 Uhr und "
                                "Donnerstag von 8:00 bis 12:00 Uhr sowie von 14:00 bis "
                                "18:00 Uhr. Der frühe Mittwoch eignet sich besonders für "
                                "Pendlerinnen und Pendler, die vor der Arbeit noch etwas "
                                "erledigen möchten.",
                            ),
                        ),
                        _info(
                            "Mit Termin geht es schneller",
                            "Buchen Sie Ihren Termin bequem online. Die Terminbestätigung "
                            "erhalten Sie per E-Mail; bitte halten Sie die darin genannte "
                            "Vorgangsnummer bereit.",
                        ),
                        ("heading", "Unterlagen für Ihren Besuch"),
                        (
                            "paragraph",
                            _p(
                                "Bitte bringen Sie immer Ihren gültigen Personalausweis "
                                "oder Reisepass mit. Für die Anmeldung einer Wohnung "
                                "benötigen wir die Wohnungsgeberbestätigung, für neue "
                                "Ausweisdokumente ein biometrisches Passbild. Ausländische "
                                "Staatsangehörige legen zusätzlich ihren Aufenthaltstitel "
                                "vor. Haben Sie Ihren Ausweis verloren, bringen Sie bitte "
                                "die Verlustanzeige der Polizei mit. Gebühren zahlen Sie "
                                "vor Ort mit Karte oder in bar.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Ordnung & Sicherheit",
                    "slug": "ordnung-sicherheit",
                    "intro": (
                        "Gewerbe, Veranstaltungen, Verkehr und öffentliche Ordnung: Die "
                        "Aufgaben des Ordnungsamts der Stadt Bruchsal im Überblick."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Das Ordnungsamt sorgt dafür, dass das Zusammenleben in "
                                "Bruchsal sicher und geordnet funktioniert. Als Große "
                                "Kreisstadt nimmt Bruchsal dabei zahlreiche Aufgaben "
                                "einer unteren Verwaltungsbehörde wahr, etwa als "
                                "Straßenverkehrsbehörde oder als Gewerbeaufsicht. Viele "
                                "Anliegen, für die in kleineren Gemeinden das Landratsamt "
                                "zuständig ist, klären Sie deshalb direkt im Rathaus.",
                                "Unser Ziel ist es, Regeln mit Augenmaß durchzusetzen und "
                                "Konflikte möglichst im Gespräch zu lösen. Hinweise auf "
                                "Missstände wie illegale Ablagerungen, defekte Straßenbeleuchtung "
                                "oder gefährliche Schlaglöcher können Sie uns jederzeit über den "
                                "Mängelmelder mitteilen.",
                            ),
                        ),
                        ("heading", "Unsere Aufgaben"),
                        (
                            "paragraph",
                            _ul(
                                "Gewerbeanmeldung, -ummeldung und -abmeldung sowie "
                                "Gaststättenerlaubnisse",
                                "Genehmigung von Veranstaltungen, Märkten und Straßenfesten",
                                "Sondernutzungen wie Baustelleneinrichtungen, "
                                "Außenbewirtschaftung oder Infostände",
                                "Verkehrsrechtliche Anordnungen, Halteverbote für Umzüge "
                                "und Parkraumüberwachung",
                                "Angelegenheiten nach der Polizeiverordnung, etwa Lärm "
                                "oder Verunreinigungen",
                                "Hundehaltung und Meldungen zu gefährlichen Hunden",
                            ),
                        ),
                        ("heading", "Kommunaler Ordnungsdienst"),
                        (
                            "paragraph",
                            _p(
                                "Der Gemeindevollzugsdienst ist in der Innenstadt, rund um "
                                "den Bahnhof, im Schlossgarten und in den Stadtteilen "
                                "unterwegs. Er überwacht den ruhenden Verkehr, achtet auf "
                                "die Einhaltung der Polizeiverordnung und ist "
                                "Ansprechpartner für Bürgerinnen und Bürger. Bei größeren "
                                "Veranstaltungen arbeitet er eng mit dem Polizeirevier "
                                "Bruchsal und der Feuerwehr zusammen.",
                            ),
                        ),
                        _warning(
                            "Im Notfall",
                            "Das Ordnungsamt ist keine Notrufstelle. In dringenden Fällen "
                            "wählen Sie bitte den Polizeinotruf 110 oder bei Feuer und "
                            "medizinischen Notfällen die 112.",
                        ),
                        ("heading", "Umzug geplant?"),
                        (
                            "paragraph",
                            _p(
                                "Wenn Sie für einen Umzug oder eine Anlieferung eine "
                                "Halteverbotszone benötigen, stellen Sie den Antrag bitte "
                                "mindestens zwei Wochen vorher. Die Schilder müssen nach "
                                "der Straßenverkehrs-Ordnung rechtzeitig vor dem Termin "
                                "aufgestellt werden, damit Falschparker abgeschleppt "
                                "werden dürfen. Das Formular finden Sie im "
                                "Online-Bürgerservice.",
                                "Das Ordnungsamt prüft den Antrag, legt die Dauer der "
                                "Beschilderung fest und stellt Ihnen die Genehmigung aus. Die "
                                "Schilder können Sie selbst aufstellen oder bei einem Fachbetrieb "
                                "ausleihen.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Stadtverwaltung",
                    "slug": "stadtverwaltung",
                    "intro": (
                        "Dezernate, Ämter und Gremien: So ist die Stadtverwaltung Bruchsal "
                        "organisiert und so wirkt der Gemeinderat."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Die Stadtverwaltung Bruchsal gliedert sich in Dezernate, "
                                "die vom Oberbürgermeister und den Beigeordneten geleitet "
                                "werden. Zusammen bilden sie die Verwaltungsspitze, die "
                                "die Beschlüsse des Gemeinderats umsetzt und die "
                                "laufenden Geschäfte führt. Mehrere Hundert Beschäftigte "
                                "arbeiten im Rathaus, in den Kindertageseinrichtungen, im "
                                "Bauhof, in den Schulen und Bädern.",
                                "Die Verwaltung versteht sich als Dienstleisterin für "
                                "Bürgerschaft, Vereine und Wirtschaft. Deshalb stellt sie immer "
                                "mehr Leistungen online bereit und arbeitet im Verbund re@di eng "
                                "mit den Nachbarstädten zusammen, etwa bei der elektronischen "
                                "Akte.",
                            ),
                        ),
                        ("heading", "Die Dezernate"),
                        (
                            "paragraph",
                            _ul(
                                "Dezernat I: Hauptamt, Kämmerei, Wirtschaftsförderung, "
                                "Rechnungsprüfung sowie Presse- und Öffentlichkeitsarbeit",
                                "Dezernat II: Bürgerbüro, Ordnungsamt, Standesamt, Schulen, "
                                "Kindertagesstätten, Kultur und Soziales",
                                "Dezernat III: Stadtplanung, Baurecht, Tiefbau, Hochbau, "
                                "Umwelt und Grünflächen",
                            ),
                        ),
                        ("heading", "Gemeinderat"),
                        (
                            "paragraph",
                            _p(
                                "Der Gemeinderat ist die Vertretung der Bürgerschaft und "
                                "das Hauptorgan der Stadt. Seine Mitglieder wurden bei "
                                "der Kommunalwahl im Juni 2024 für fünf Jahre gewählt. "
                                "Der Gemeinderat beschließt unter anderem den Haushalt, "
                                "die Bebauungspläne und die Satzungen der Stadt. "
                                "Vorberatende Ausschüsse bereiten die Entscheidungen vor. "
                                "Die Sitzungen finden im Rathaus statt; Zuhörerinnen "
                                "und Zuhörer sind herzlich willkommen.",
                            ),
                        ),
                        ("heading", "Ortschaften"),
                        (
                            "paragraph",
                            _p(
                                "Die Stadtteile Büchenau, Heidelsheim, Helmsheim, "
                                "Obergrombach und Untergrombach sind Ortschaften mit "
                                "eigenem Ortschaftsrat. Die Ortsvorsteherinnen und "
                                "Ortsvorsteher leiten die Ortsverwaltungen und sind erste "
                                "Ansprechpartner für die Anliegen vor Ort.",
                                "Die Ortschaftsräte werden zu allen wichtigen Angelegenheiten "
                                "ihres Stadtteils gehört und entscheiden über eigene Budgets, "
                                "etwa für Feste, Vereinsförderung oder kleinere Verschönerungen "
                                "im Ortsbild.",
                                "Gemeinsam mit dem Gemeinderat sorgen sie dafür, dass die "
                                "gewachsene Identität der früher selbstständigen Gemeinden "
                                "erhalten bleibt.",
                            ),
                        ),
                        _info(
                            "Ratsinformationssystem",
                            "Sitzungstermine, Tagesordnungen und Beschlüsse des "
                            "Gemeinderats und der Ortschaftsräte können Sie jederzeit "
                            "online im Ratsinformationssystem einsehen.",
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Leben in Bruchsal",
            "slug": "leben",
            "intro": (
                "Barock, Bildung und ein starker Wirtschaftsstandort: So lebt es sich in Bruchsal."
            ),
            "pages": [
                {
                    "title": "Schloss & Museen",
                    "slug": "schloss-museen",
                    "intro": (
                        "Das Barockschloss mit seinem berühmten Treppenhaus und das Deutsche "
                        "Musikautomaten-Museum sind die kulturellen Aushängeschilder Bruchsals."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Ab 1720 ließ Fürstbischof Damian Hugo von Schönborn in "
                                "Bruchsal eine neue Residenz für das Hochstift Speyer "
                                "errichten. Entstanden ist eine weitläufige barocke "
                                "Anlage mit Corps de Logis, Kavaliershäusern und "
                                "Schlossgarten. Das Herzstück ist das Treppenhaus von "
                                "Balthasar Neumann, das zu den Meisterwerken des "
                                "deutschen Barocks zählt.",
                            ),
                        ),
                        ("heading", "Zerstört und wiederaufgebaut"),
                        (
                            "paragraph",
                            _p(
                                "Beim Luftangriff am 1. März 1945 wurde das Schloss wie "
                                "große Teile der Innenstadt schwer getroffen. In "
                                "jahrzehntelanger Arbeit wurde es wiederaufgebaut. Die "
                                "prächtigen Räume der Beletage mit Fürstensaal und "
                                "Marmorsaal können heute wieder besichtigt werden und "
                                "vermitteln einen Eindruck vom höfischen Leben des 18. "
                                "Jahrhunderts.",
                                "Ein Rundgang durch die Säle führt vorbei an Wandteppichen, "
                                "Möbeln und Porzellan aus der Zeit der Fürstbischöfe.",
                                "Die Stadt hat den Wiederaufbau stets als Gemeinschaftsaufgabe "
                                "verstanden; viele Bruchsalerinnen und Bruchsaler sind dem "
                                "Schloss bis heute eng verbunden.",
                            ),
                        ),
                        ("heading", "Deutsches Musikautomaten-Museum"),
                        (
                            "paragraph",
                            _p(
                                "Im Schloss zeigt das Deutsche Musikautomaten-Museum, "
                                "eine Außenstelle des Badischen Landesmuseums, eine der "
                                "bedeutendsten Sammlungen selbstspielender Instrumente. "
                                "Von der Spieldose über Drehorgeln bis zum mächtigen "
                                "Orchestrion erklingen die Instrumente bei Vorführungen. "
                                "Besonders Familien mit Kindern sind begeistert.",
                                "Regelmäßige Sonderausstellungen und Mitmachangebote für "
                                "Schulklassen machen die Welt der mechanischen Musik lebendig.",
                            ),
                        ),
                        (
                            "paragraph",
                            _ul(
                                "Städtisches Museum im Schloss mit Stadtgeschichte und "
                                "archäologischen Funden",
                                "Peterskirche, ebenfalls nach Plänen Balthasar Neumanns, "
                                "mit der Gruft der Fürstbischöfe",
                                "Michaelsberg bei Untergrombach, Fundort der "
                                "jungsteinzeitlichen Michelsberger Kultur, mit Kapelle und "
                                "weitem Ausblick",
                                "Untergrombach, Heimat des Bauernführers Joß Fritz und des "
                                "Bundschuh-Aufstands von 1502",
                            ),
                        ),
                        _info(
                            "Schlossgarten",
                            "Der Schlossgarten ist ganzjährig frei zugänglich. Bitte "
                            "nehmen Sie Rücksicht auf die historischen Anlagen und führen "
                            "Sie Hunde an der Leine.",
                        ),
                        (
                            "paragraph",
                            _p(
                                "Sommerliche Konzerte im Schlosshof, Führungen im "
                                "historischen Gewand und wechselnde Ausstellungen "
                                "ergänzen das Angebot.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Familie & Bildung",
                    "slug": "familie-bildung",
                    "intro": (
                        "Von der Krippe bis zum Abitur: Bruchsal bietet ein breites Angebot "
                        "an Betreuung und Bildung – in der Kernstadt und in allen Stadtteilen."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Familien sollen sich in Bruchsal wohlfühlen. Deshalb "
                                "baut die Stadt gemeinsam mit kirchlichen und freien "
                                "Trägern die Kinderbetreuung kontinuierlich aus. Kurze "
                                "Wege zu Kita und Schule sind uns ebenso wichtig wie "
                                "verlässliche Öffnungszeiten für berufstätige Eltern.",
                                "Das Amt für Familie und Soziales berät Sie gerne persönlich: zur "
                                "Wahl der passenden Betreuungsform, zu Gebühren und Zuschüssen "
                                "sowie zu Beratungsstellen in Bruchsal und im Landkreis "
                                "Karlsruhe.",
                            ),
                        ),
                        ("heading", "Kinderbetreuung"),
                        (
                            "paragraph",
                            _p(
                                "In Bruchsal gibt es zahlreiche Kindertageseinrichtungen "
                                "in städtischer, kirchlicher und freier Trägerschaft sowie "
                                "Angebote der Kindertagespflege. Die Anmeldung erfolgt "
                                "zentral über das Online-Vormerkportal der Stadt. Dort "
                                "können Sie bis zu drei Wunscheinrichtungen angeben. Die "
                                "Platzvergabe für das neue Kindergartenjahr beginnt jeweils "
                                "im Frühjahr.",
                                "Für Schulkinder gibt es an allen Grundschulen eine verlässliche "
                                "Betreuung vor und nach dem Unterricht. Seit dem Schuljahr "
                                "2026/27 gilt, beginnend mit der ersten Klasse, der "
                                "Rechtsanspruch auf Ganztagsbetreuung im Grundschulalter; die "
                                "Stadt baut die Angebote entsprechend aus.",
                            ),
                        ),
                        ("heading", "Schulen"),
                        (
                            "paragraph",
                            _p(
                                "Alle Stadtteile haben eine eigene Grundschule, viele mit "
                                "Ganztagsangebot. In der Kernstadt stehen Gymnasien, "
                                "Realschulen und Gemeinschaftsschulen zur Wahl. Berufliche "
                                "Schulen und sonderpädagogische Bildungs- und "
                                "Beratungszentren runden das Angebot ab. Die Volkshochschule, "
                                "die Musikschule und die Stadtbibliothek bieten "
                                "lebenslanges Lernen für alle Generationen.",
                                "Für Schülerinnen und Schüler aus den Stadtteilen bestehen gute "
                                "Bus- und Bahnverbindungen zu den weiterführenden Schulen in der "
                                "Kernstadt.",
                            ),
                        ),
                        _info(
                            "Ferienprogramm",
                            "In den Sommerferien bieten Vereine, Kirchengemeinden und "
                            "städtische Einrichtungen ein abwechslungsreiches "
                            "Ferienprogramm an. Die Anmeldung startet jeweils im Juni.",
                        ),
                        ("heading", "Unterstützung für Familien"),
                        (
                            "paragraph",
                            _ul(
                                "Familienpass mit Ermäßigungen für Bäder, Museen und Kurse",
                                "Beratung zu Kita-Gebühren und Zuschüssen für Familien "
                                "mit geringem Einkommen",
                                "Spielplätze und Bolzplätze in allen Stadtteilen",
                                "Jugendzentren mit offenen Treffs und Projekten",
                                "Beratungsangebote für werdende Eltern und junge Familien",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Wirtschaft & Standort",
                    "slug": "wirtschaft-standort",
                    "intro": (
                        "Verkehrsknoten, Industrie und Spargel: Bruchsal ist ein "
                        "vielseitiger Wirtschaftsstandort am Oberrhein."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Bruchsal liegt verkehrsgünstig zwischen Karlsruhe und "
                                "Heidelberg am Übergang von der Rheinebene zum Kraichgau. "
                                "Die Stadt ist Mittelzentrum für den nördlichen Landkreis "
                                "Karlsruhe. Täglich pendeln viele Menschen aus der "
                                "Umgebung zur Arbeit nach Bruchsal.",
                            ),
                        ),
                        ("heading", "Verkehrsknoten Bruchsal"),
                        (
                            "paragraph",
                            _p(
                                "Am Bahnhof Bruchsal treffen sich die Rheintalbahn, die "
                                "Strecken in Richtung Stuttgart und Germersheim sowie "
                                "mehrere Stadtbahnlinien in den Kraichgau. Fernzüge "
                                "halten ebenso wie S-Bahnen der Region. Über die "
                                "Anschlussstelle Bruchsal ist die Autobahn A 5 in "
                                "wenigen Minuten erreichbar.",
                                "Für Radfahrende gibt es am Bahnhof überdachte "
                                "Fahrradabstellanlagen, und gut ausgebaute Radwege führen in "
                                "die Stadtteile und in die Nachbargemeinden.",
                            ),
                        ),
                        ("heading", "Unternehmen und Gewerbeflächen"),
                        (
                            "paragraph",
                            _p(
                                "Neben international tätigen Unternehmen der "
                                "Antriebstechnik und des Maschinenbaus prägen zahlreiche "
                                "mittelständische Betriebe, Handwerk und Dienstleister "
                                "die Wirtschaft. Die städtische Wirtschaftsförderung "
                                "unterstützt bei der Suche nach Gewerbeflächen, bei "
                                "Genehmigungsverfahren und bei Kontakten zu Hochschulen "
                                "und Kammern in der Region.",
                                "Mit neuen Gewerbegebieten und der Aufwertung der Innenstadt "
                                "schafft die Stadt Raum für Wachstum. Gleichzeitig legt sie Wert "
                                "darauf, Flächen sparsam zu nutzen und Betriebe bei der "
                                "Umstellung auf erneuerbare Energien zu unterstützen.",
                                "Ein Schwerpunkt liegt auf der Belebung der Innenstadt zwischen "
                                "Schloss, Bahnhof und Marktplatz mit Handel, Gastronomie und "
                                "Wohnen.",
                            ),
                        ),
                        ("heading", "Spargelstadt Bruchsal"),
                        (
                            "paragraph",
                            _p(
                                "Die sandigen Böden rund um Bruchsal sind ideal für den "
                                "Spargelanbau. Von April bis Juni herrscht auf dem "
                                "traditionsreichen Spargelmarkt reger Betrieb, und viele "
                                "Gasthäuser servieren das „weiße Gold“ nach badischer "
                                "Art mit Schinken, Kratzete und Sauce hollandaise.",
                            ),
                        ),
                        _quote(
                            "Ohne den Bruchsaler Spargel wäre der badische Frühling nur "
                            "halb so schön.",
                            "Ein Erzeuger vom Spargelmarkt",
                        ),
                        _info(
                            "Wirtschaftsförderung",
                            "Sie möchten in Bruchsal gründen, sich ansiedeln oder "
                            "erweitern? Die Wirtschaftsförderung erreichen Sie über die "
                            "Zentrale unter 07251 79-0.",
                        ),
                    ],
                },
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Bühl
# ---------------------------------------------------------------------------

_BUEHL: dict[str, Any] = {
    "slug": "buehl",
    "name": "Bühl",
    "legal_name": "Stadt Bühl",
    "status": "Große Kreisstadt",
    "district": "Landkreis Rastatt",
    "head_role": "Oberbürgermeister",
    "street": "Hauptstraße 47",
    "postcode": "77815",
    "city": "Bühl",
    "phone": "07223 935-0",
    "fax": "07223 935-199",
    "email": "rathaus@buehl.example",
    "website_hint": "",
    "population": 29500,
    "tagline": "Zwetschgenstadt zwischen Rheinebene, Rebland und Schwarzwald",
    "intro": (
        "Willkommen in Bühl! Unsere Stadt ist weit über die Region hinaus für die Bühler "
        "Zwetschge bekannt. Zwischen der Rheinebene, den Weinbergen des Reblands und den "
        "Höhen der Schwarzwaldhochstraße finden Sie hier alle Informationen zu Rathaus, "
        "Service und Freizeit."
    ),
    "opening_hours": [
        ("Montag bis Freitag", "8:00–12:00 Uhr"),
        ("Montag", "14:00–16:00 Uhr"),
        ("Donnerstag", "14:00–18:30 Uhr"),
    ],
    "supervisory_authority": "Regierungspräsidium Karlsruhe",
    "vat_id": "DE142907635",
    "sections": [
        {
            "title": "Rathaus & Service",
            "slug": "rathaus-service",
            "intro": (
                "Bürgerbüro, Umwelt und Verwaltung: So erreichen Sie die Stadt Bühl und "
                "erledigen Ihre Anliegen schnell und unkompliziert."
            ),
            "pages": [
                {
                    "title": "Bürgerbüro",
                    "slug": "buergerbuero",
                    "intro": (
                        "Das Bürgerbüro im Rathaus an der Hauptstraße ist die erste "
                        "Anlaufstelle für Bürgerinnen und Bürger aus der Kernstadt und allen "
                        "Stadtteilen."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Kurze Wege und kompetente Beratung – das ist der Anspruch "
                                "unseres Bürgerbüros. Hier erhalten Sie viele "
                                "Dienstleistungen der Stadtverwaltung aus einer Hand, "
                                "ohne von Amt zu Amt gehen zu müssen. Das Rathaus liegt "
                                "mitten in der Innenstadt an der Hauptstraße und ist mit "
                                "Bus und Bahn gut erreichbar; Parkplätze finden Sie in den "
                                "nahe gelegenen Parkhäusern.",
                                "Auch die Ortsverwaltungen in Altschweier, Balzhofen, "
                                "Eisental, Moos, Neusatz, Oberbruch, Oberweier, Vimbuch "
                                "und Weitenung nehmen ausgewählte Anträge entgegen. Bitte "
                                "beachten Sie dort die eigenen Sprechzeiten.",
                            ),
                        ),
                        ("heading", "Unser Angebot"),
                        (
                            "paragraph",
                            _ul(
                                "Anmeldung, Ummeldung und Abmeldung Ihres Wohnsitzes",
                                "Personalausweis, Reisepass und vorläufige Dokumente",
                                "Führungszeugnis und Auszug aus dem Gewerbezentralregister",
                                "Melde-, Lebens- und Aufenthaltsbescheinigungen",
                                "Beglaubigungen und Anträge auf Auskunftssperre",
                                "Anmeldung von Hunden und Ausgabe der Steuermarken",
                                "Verkauf von Gutscheinen und Tickets für städtische "
                                "Veranstaltungen, etwa zum Zwetschgenfest",
                            ),
                        ),
                        ("heading", "Öffnungszeiten"),
                        (
                            "paragraph",
                            _p(
                                "Montag bis Freitag von 8:00 bis 12:00 Uhr. Zusätzlich "
                                "haben wir montags von 14:00 bis 16:00 Uhr und donnerstags "
                                "von 14:00 bis 18:30 Uhr für Sie geöffnet. Am langen "
                                "Donnerstag ist erfahrungsgemäß viel los – kommen Sie "
                                "nach Möglichkeit mit Termin.",
                            ),
                        ),
                        _info(
                            "Termine online buchen",
                            "Über die Online-Terminvergabe sehen Sie alle freien Zeiten auf "
                            "einen Blick. Bitte buchen Sie für jede Person und jedes "
                            "Anliegen einen eigenen Termin.",
                        ),
                        ("heading", "Welche Unterlagen brauche ich?"),
                        (
                            "paragraph",
                            _p(
                                "Bringen Sie bitte immer einen gültigen Personalausweis "
                                "oder Reisepass mit. Für die Anmeldung benötigen Sie "
                                "zusätzlich die Wohnungsgeberbestätigung, die Ihnen Ihre "
                                "Vermieterin oder Ihr Vermieter ausstellt. Für einen neuen "
                                "Ausweis oder Pass brauchen Sie ein aktuelles "
                                "biometrisches Lichtbild; bei Kindern unter 16 Jahren "
                                "außerdem die Geburtsurkunde und die Zustimmung der "
                                "Sorgeberechtigten. Die Gebühren können Sie mit Girocard "
                                "oder bar bezahlen.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Abfall & Umwelt",
                    "slug": "abfall-umwelt",
                    "intro": (
                        "Müllabfuhr, Sauberkeit und Klimaschutz in Bühl: Wer wofür zuständig "
                        "ist und wie Sie zu einer sauberen Stadt beitragen können."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Für die Müllabfuhr, die Abfallgebühren und die "
                                "Wertstoffhöfe ist im Landkreis Rastatt das Landratsamt "
                                "zuständig. Dort erhalten Sie auch den Abfallkalender für "
                                "Ihre Straße, können Behälter bestellen oder Sperrmüll "
                                "anmelden. Die Stadt Bühl kümmert sich um die Sauberkeit "
                                "auf Straßen, Plätzen und in Grünanlagen, um Papierkörbe "
                                "und Straßenreinigung sowie um Gewässer, Bäume und den "
                                "Klimaschutz vor Ort.",
                            ),
                        ),
                        ("heading", "Gemeinsam für eine saubere Stadt"),
                        (
                            "paragraph",
                            _ul(
                                "Wilde Müllablagerungen melden Sie bitte über den "
                                "Mängelmelder der Stadt oder telefonisch im Rathaus.",
                                "Beim jährlichen Frühjahrsputz sammeln Vereine, Schulen "
                                "und Familien Abfälle in der Kernstadt und in den "
                                "Stadtteilen.",
                                "Hundekotbeutel erhalten Sie kostenlos an den "
                                "Spendern in der Stadt und im Bürgerbüro.",
                                "Der Winterdienst auf Gehwegen obliegt nach der "
                                "Streupflichtsatzung den Anliegerinnen und Anliegern.",
                            ),
                        ),
                        ("heading", "Streuobst und Natur"),
                        (
                            "paragraph",
                            _p(
                                "Die Streuobstwiesen rund um Bühl mit ihren Zwetschgen-, "
                                "Kirsch- und Apfelbäumen prägen das Landschaftsbild und "
                                "sind Lebensraum für viele Vogel- und Insektenarten. Die "
                                "Stadt unterstützt ihre Pflege mit Baumschnittkursen, "
                                "Pflanzaktionen und der Vermittlung von Pachtflächen. Wer "
                                "eine Wiese bewirtschaften möchte, kann sich gerne bei "
                                "der Umweltberatung im Rathaus melden.",
                            ),
                        ),
                        _warning(
                            "Hochwasser an der Bühlot",
                            "Bei Starkregen kann die Bühlot rasch ansteigen. Bitte halten "
                            "Sie Uferbereiche frei, lagern Sie keine Gegenstände am Bach und "
                            "informieren Sie sich über die Warn-App des Landes.",
                        ),
                        ("heading", "Klimaschutz vor Ort"),
                        (
                            "paragraph",
                            _p(
                                "Bühl hat eine kommunale Wärmeplanung aufgestellt, die "
                                "aufzeigt, wie die Stadtteile künftig klimafreundlich mit "
                                "Wärme versorgt werden können. Die Energieberatung hilft "
                                "Hauseigentümerinnen und Hauseigentümern bei Sanierung, "
                                "Photovoltaik und Förderanträgen. Auf städtischen Dächern "
                                "werden Schritt für Schritt Solaranlagen installiert.",
                                "Auch die Straßenbeleuchtung wird nach und nach auf sparsame "
                                "LED-Technik umgestellt.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Stadtverwaltung",
                    "slug": "stadtverwaltung",
                    "intro": (
                        "Fachbereiche, Gemeinderat und Ortschaftsräte: ein Überblick über "
                        "die Organisation der Stadtverwaltung Bühl."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Die Stadt Bühl ist Große Kreisstadt. Damit "
                                "übernimmt die Stadtverwaltung auch Aufgaben der unteren "
                                "Verwaltungsbehörde, zum Beispiel als Baurechtsbehörde "
                                "und Straßenverkehrsbehörde. An der Spitze steht der "
                                "Oberbürgermeister, der von der Bürgerschaft für acht "
                                "Jahre direkt gewählt wird. Vertreten wird er vom Ersten "
                                "Beigeordneten, der den Titel Bürgermeister trägt.",
                                "Rund um das Rathaus an der Hauptstraße sind die Dienststellen "
                                "auf mehrere Gebäude in der Innenstadt verteilt. Welches Amt für "
                                "Ihr Anliegen zuständig ist, erfahren Sie über die "
                                "Telefonzentrale unter 07223 935-0 oder im Online-Bürgerservice.",
                            ),
                        ),
                        ("heading", "Fachbereiche"),
                        (
                            "paragraph",
                            _ul(
                                "Fachbereich Zentrale Dienste mit Personal, Organisation und IT",
                                "Fachbereich Finanzen mit Kämmerei und Stadtkasse",
                                "Fachbereich Bürgerdienste, Ordnung und Soziales",
                                "Fachbereich Bildung, Kultur, Tourismus und Sport",
                                "Fachbereich Stadtentwicklung, Bauen und Umwelt",
                                "Eigenbetriebe und Bauhof",
                            ),
                        ),
                        ("heading", "Gemeinderat"),
                        (
                            "paragraph",
                            _p(
                                "Der Gemeinderat legt die Grundsätze für die Verwaltung "
                                "fest und entscheidet über alle Angelegenheiten, die "
                                "nicht dem Oberbürgermeister übertragen sind. Dazu "
                                "gehören der Haushaltsplan, Satzungen und große "
                                "Investitionen. Die Mitglieder wurden zuletzt im Juni "
                                "2024 gewählt. Öffentliche Sitzungen finden in der Regel "
                                "im Ratssaal statt; jede Sitzung beginnt mit einer "
                                "Fragezeit für Einwohnerinnen und Einwohner.",
                            ),
                        ),
                        ("heading", "Ortschaftsräte"),
                        (
                            "paragraph",
                            _p(
                                "Bühl besteht aus der Kernstadt und neun Stadtteilen, die "
                                "bis zur Gemeindereform in den 1970er-Jahren selbstständig "
                                "waren. In jedem dieser Stadtteile gibt es einen "
                                "Ortschaftsrat und eine Ortsverwaltung. Die Ortschaftsräte "
                                "vertreten die Interessen ihres Ortes gegenüber dem "
                                "Gemeinderat und werden bei allen wichtigen Fragen, etwa "
                                "bei Baugebieten oder Straßenplanungen, angehört.",
                                "Über kleinere örtliche Angelegenheiten, etwa die Pflege von "
                                "Dorfplätzen oder Zuschüsse für örtliche Vereine, entscheiden sie "
                                "im Rahmen ihres Budgets selbst.",
                            ),
                        ),
                        _info(
                            "Amtsblatt",
                            "Öffentliche Bekanntmachungen, Sitzungstermine und Nachrichten "
                            "aus der Verwaltung veröffentlicht die Stadt Bühl wöchentlich "
                            "im Amtsblatt und auf dieser Website.",
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Leben in Bühl",
            "slug": "leben",
            "intro": (
                "Zwetschgen, Wein und Burgen: Bühl verbindet badische Lebensart mit einem "
                "starken Wirtschaftsstandort."
            ),
            "pages": [
                {
                    "title": "Zwetschgenstadt Bühl",
                    "slug": "zwetschgenstadt",
                    "intro": (
                        "Die Bühler Zwetschge hat unsere Stadt bekannt gemacht. Das "
                        "Zwetschgenfest im September ist das größte Fest des Jahres."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Mitte des 19. Jahrhunderts wurde in Bühl eine besonders "
                                "früh reifende Zwetschgensorte entdeckt: die Bühler "
                                "Frühzwetschge. Sie ist schon ab Mitte Juli erntereif und "
                                "machte die Stadt zum Zentrum des Obstanbaus in "
                                "Mittelbaden. Über viele Jahrzehnte wurden die Früchte "
                                "von Bühl aus in ganz Deutschland und darüber hinaus "
                                "verkauft.",
                            ),
                        ),
                        ("heading", "Das Bühler Zwetschgenfest"),
                        (
                            "paragraph",
                            _p(
                                "Seit 1927 feiert Bühl jedes Jahr im September das "
                                "Zwetschgenfest. Mehrere Tage lang verwandelt sich die "
                                "Innenstadt in eine Festmeile mit Musik, Fahrgeschäften "
                                "und regionalen Spezialitäten. Höhepunkt ist der große "
                                "Festumzug am Sonntag, bei dem Vereine, Musikkapellen und "
                                "Trachtengruppen aus der ganzen Region mit prächtig "
                                "geschmückten Wagen durch die Straßen ziehen. Die "
                                "Zwetschgenkönigin repräsentiert das Fest und die Stadt "
                                "ein Jahr lang bei zahlreichen Anlässen.",
                            ),
                        ),
                        _quote(
                            "Zwetschgenkuchen mit Sahne, dazu ein Glas Rebländer Wein – so "
                            "schmeckt der Spätsommer in Bühl.",
                            "Ein Gast beim Zwetschgenfest",
                        ),
                        ("heading", "Zwetschgen genießen"),
                        (
                            "paragraph",
                            _ul(
                                "Frische Zwetschgen gibt es im Sommer auf dem Wochenmarkt "
                                "und in Hofläden der Stadtteile.",
                                "Bäckereien und Cafés bieten Zwetschgenkuchen vom Blech "
                                "in vielen Varianten an.",
                                "Obstbrennereien veredeln die Früchte zu Zwetschgenwasser "
                                "und Likören.",
                                "Bei Führungen durch Obstanlagen erfahren Sie mehr über "
                                "Anbau, Sorten und Pflege der Bäume.",
                                "Zwetschgenmus und Marmelade aus Bühler Früchten sind beliebte "
                                "Mitbringsel.",
                            ),
                        ),
                        ("heading", "Kultur das ganze Jahr"),
                        (
                            "paragraph",
                            _p(
                                "Auch außerhalb der Zwetschgenzeit ist in Bühl viel los: "
                                "Theater, Konzerte und Kabarett im Bürgerhaus, "
                                "Ausstellungen, die Stadtbibliothek und die Musikschule "
                                "bereichern das kulturelle Leben. Die neugotische "
                                "Stadtkirche St. Peter und Paul mit ihrem hohen Turm ist "
                                "ein Wahrzeichen der Innenstadt und Ort vieler Konzerte.",
                                "Im Advent lädt der Weihnachtsmarkt rund um die Kirche zum "
                                "Bummeln ein.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Burgen, Rebland & Schwarzwald",
                    "slug": "freizeit-natur",
                    "intro": (
                        "Von der Burg Windeck über die Weinberge bis zur "
                        "Schwarzwaldhochstraße: Bühl ist ein idealer Ausgangspunkt für "
                        "Wanderungen und Ausflüge."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Kaum eine Stadt in Mittelbaden bietet auf so engem Raum "
                                "so viele Landschaften: Im Westen die weite Rheinebene, "
                                "am Rand der Stadt das Rebland mit seinen Weinbergen und "
                                "im Osten die bewaldeten Höhen des Nordschwarzwalds. Im "
                                "Süden grenzt Bühl an die Ortenau, mit der es Weinbau und "
                                "Obstanbau gemeinsam hat.",
                                "Zahlreiche markierte Wanderwege verbinden die Kernstadt mit den "
                                "Stadtteilen und führen hinauf in den Wald. Gasthäuser und "
                                "Vesperstuben am Weg laden zur Einkehr ein.",
                            ),
                        ),
                        ("heading", "Burg Windeck"),
                        (
                            "paragraph",
                            _p(
                                "Hoch über Kappelwindeck thront die Ruine der Burg "
                                "Windeck, auch Alt-Windeck genannt. Die Anlage aus dem 13. "
                                "Jahrhundert mit ihren zwei markanten Bergfrieden war "
                                "Stammsitz der Herren von Windeck. Von den Türmen reicht "
                                "der Blick über die Rheinebene bis zu den Vogesen. Die "
                                "Burg ist auf gut ausgeschilderten Wegen zu Fuß erreichbar "
                                "und ein beliebtes Ausflugsziel für Familien.",
                            ),
                        ),
                        ("heading", "Wein aus dem Rebland"),
                        (
                            "paragraph",
                            _p(
                                "In Eisental, Altschweier und Neusatz wächst an sonnigen "
                                "Hängen Wein, vor allem Spätburgunder und Riesling. "
                                "Besonders bekannt ist der Affentaler Rotwein, der "
                                "traditionell in der Flasche mit dem Affenrelief "
                                "abgefüllt wird. Weinfeste, Hoffeste und geführte "
                                "Weinbergwanderungen laden im Sommer und Herbst zum "
                                "Probieren ein.",
                                "Viele Winzerinnen und Winzer öffnen ihre Keller für "
                                "Besucherinnen und Besucher und erzählen gerne von ihrer Arbeit "
                                "im Weinberg.",
                            ),
                        ),
                        ("heading", "Hinauf zur Schwarzwaldhochstraße"),
                        (
                            "paragraph",
                            _ul(
                                "Die Bühlerhöhe an der Schwarzwaldhochstraße ist Ausgangspunkt "
                                "für Wanderungen auf den Höhen des Nordschwarzwalds.",
                                "Im Winter laden gespurte Loipen und Winterwanderwege ein.",
                                "Mountainbikerinnen und Mountainbiker finden "
                                "ausgeschilderte Strecken aller Schwierigkeitsgrade.",
                                "Für Familien bieten sich kürzere Rundwege durch "
                                "Streuobstwiesen und Rebland an.",
                            ),
                        ),
                        _info(
                            "Tourist-Information",
                            "Wanderkarten, Gastgeberverzeichnisse und Tipps für Ausflüge "
                            "erhalten Sie in der Tourist-Information Bühl in der Innenstadt.",
                        ),
                    ],
                },
                {
                    "title": "Wirtschaft & Arbeit",
                    "slug": "wirtschaft-arbeit",
                    "intro": (
                        "Automobilzulieferer, Mittelstand und Handwerk: Bühl ist einer der "
                        "wichtigsten Industriestandorte in Mittelbaden."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Bühl ist weit mehr als eine Obst- und Weinstadt. Die "
                                "Stadt zählt zu den bedeutendsten Industriestandorten "
                                "zwischen Karlsruhe und Offenburg. Große Unternehmen der "
                                "Automobilzulieferindustrie, der Antriebs- und "
                                "Elektrotechnik sowie bekannte Markenhersteller haben "
                                "hier ihren Sitz oder wichtige Werke. Auch der bekannte "
                                "Klebstoffhersteller UHU ist in Bühl zu Hause.",
                                "Zusammen mit zahlreichen mittelständischen Betrieben, "
                                "Handwerksunternehmen und Dienstleistern bieten sie Tausende "
                                "Arbeitsplätze. Viele Beschäftigte pendeln täglich aus dem "
                                "Umland, aus der Ortenau und aus dem Elsass nach Bühl.",
                            ),
                        ),
                        ("heading", "Ein Standort mit kurzen Wegen"),
                        (
                            "paragraph",
                            _p(
                                "Die Lage an der Autobahn A 5 und an der Rheintalbahn "
                                "verbindet Bühl schnell mit Karlsruhe, Offenburg, "
                                "Freiburg und dem Elsass. Der Baden-Airpark ist in rund "
                                "einer Viertelstunde erreichbar. Diese Lage macht Bühl für "
                                "Unternehmen ebenso attraktiv wie für Fachkräfte, die hier "
                                "wohnen und arbeiten möchten.",
                                "Regionalzüge und Buslinien verbinden die Stadt mit den "
                                "Nachbarorten; schnelles Internet steht in den Gewerbegebieten "
                                "zur Verfügung.",
                            ),
                        ),
                        ("heading", "Wirtschaftsförderung"),
                        (
                            "paragraph",
                            _ul(
                                "Beratung bei Ansiedlung, Erweiterung und Gründung",
                                "Vermittlung von Gewerbeflächen und Gewerbeimmobilien",
                                "Lotsenfunktion bei Genehmigungsverfahren im Rathaus",
                                "Netzwerke zwischen Unternehmen, Schulen und Hochschulen "
                                "zur Fachkräftegewinnung",
                                "Informationen zu Förderprogrammen von Land, Bund und "
                                "Europäischer Union",
                            ),
                        ),
                        ("heading", "Einkaufen in der Innenstadt"),
                        (
                            "paragraph",
                            _p(
                                "Inhabergeführte Geschäfte, Cafés und Restaurants prägen "
                                "die Bühler Innenstadt. Auf dem Wochenmarkt bieten "
                                "Erzeugerinnen und Erzeuger aus der Region Obst, Gemüse, "
                                "Käse, Wein und Blumen an. Verkaufsoffene Sonntage und "
                                "Aktionen der Werbegemeinschaft sorgen das ganze Jahr "
                                "über für Leben in der Stadt.",
                                "Das Stadtmarketing unterstützt Händlerinnen und Händler bei "
                                "gemeinsamen Aktionen und bei der Gestaltung einer attraktiven "
                                "Innenstadt.",
                            ),
                        ),
                        _quote(
                            "Hier verbinden sich Hightech und Heimat: Wer in Bühl arbeitet, "
                            "ist in zehn Minuten im Grünen.",
                            "Wirtschaftsförderung der Stadt Bühl",
                        ),
                    ],
                },
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Ettlingen
# ---------------------------------------------------------------------------

_ETTLINGEN: dict[str, Any] = {
    "slug": "ettlingen",
    "name": "Ettlingen",
    "legal_name": "Stadt Ettlingen",
    "status": "Große Kreisstadt",
    "district": "Landkreis Karlsruhe",
    "head_role": "Oberbürgermeister",
    "street": "Marktplatz 2",
    "postcode": "76275",
    "city": "Ettlingen",
    "phone": "07243 101-0",
    "fax": "07243 101-430",
    "email": "rathaus@ettlingen.example",
    "website_hint": "",
    "population": 40000,
    "tagline": "Schlossstadt an der Alb – das Tor zum Albtal",
    "intro": (
        "Willkommen in Ettlingen! Unsere Stadt an der Alb verbindet eine über 800-jährige "
        "Stadtgeschichte mit barockem Schloss, lebendiger Altstadt und der Nähe zum "
        "Schwarzwald. Hier finden Sie Informationen zu Rathaus, Service und Freizeit."
    ),
    "opening_hours": [
        ("Montag bis Mittwoch", "8:00–16:00 Uhr"),
        ("Donnerstag", "8:00–18:00 Uhr"),
        ("Freitag", "8:00–12:00 Uhr"),
        ("Samstag", "9:00–12:00 Uhr"),
    ],
    "supervisory_authority": "Regierungspräsidium Karlsruhe",
    "vat_id": "DE143247819",
    "sections": [
        {
            "title": "Rathaus & Service",
            "slug": "rathaus-service",
            "intro": (
                "Bürgerbüro, Mobilität und Verwaltung: Die wichtigsten Informationen für "
                "Ihren Kontakt mit der Stadt Ettlingen."
            ),
            "pages": [
                {
                    "title": "Bürgerbüro",
                    "slug": "buergerbuero",
                    "intro": (
                        "Durchgehend geöffnet und auch samstags für Sie da: Das Bürgerbüro "
                        "Ettlingen am Marktplatz erledigt Melde-, Pass- und "
                        "Ausweisangelegenheiten."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Das Bürgerbüro befindet sich im historischen Rathaus am "
                                "Marktplatz, mitten in der Altstadt. Es ist die zentrale "
                                "Anlaufstelle für alle Einwohnerinnen und Einwohner – "
                                "egal ob Sie in der Kernstadt, in Bruchhausen, "
                                "Ettlingenweier, Oberweier, Schluttenbach, Schöllbronn "
                                "oder Spessart wohnen. Dank der durchgehenden "
                                "Öffnungszeiten von Montag bis Donnerstag können Sie Ihre "
                                "Behördengänge auch in der Mittagspause erledigen.",
                                "Der Zugang zum Bürgerbüro ist barrierefrei. Für "
                                "Gespräche, die Sie nicht am Schalter führen möchten, "
                                "steht ein separater Besprechungsraum zur Verfügung.",
                            ),
                        ),
                        ("heading", "Was wir für Sie tun"),
                        (
                            "paragraph",
                            _ul(
                                "Anmeldung und Ummeldung Ihres Wohnsitzes, auch für Nebenwohnungen",
                                "Beantragung und Ausgabe von Personalausweisen und Reisepässen",
                                "Führungszeugnisse für private und berufliche Zwecke",
                                "Meldebescheinigungen, Lebensbescheinigungen und "
                                "Haushaltsbescheinigungen",
                                "Anträge auf Bewohnerparkausweise für die Altstadt",
                                "Beglaubigungen und Annahme von Fundsachen",
                                "Ausgabe von Gelben Säcken und Informationsmaterial",
                            ),
                        ),
                        ("heading", "Öffnungszeiten"),
                        (
                            "paragraph",
                            _p(
                                "Montag bis Mittwoch von 8:00 bis 16:00 Uhr, Donnerstag "
                                "von 8:00 bis 18:00 Uhr, Freitag von 8:00 bis 12:00 Uhr "
                                "und Samstag von 9:00 bis 12:00 Uhr. Am Samstag können "
                                "wir aus technischen Gründen nicht alle Leistungen "
                                "anbieten; Führungszeugnisse und Gewerbeauskünfte "
                                "beantragen Sie bitte unter der Woche oder online.",
                            ),
                        ),
                        _info(
                            "Wartezeit vermeiden",
                            "Mit einem online gebuchten Termin werden Sie bevorzugt "
                            "bedient. Ohne Termin ziehen Sie am Eingang eine Wartenummer; "
                            "die aktuelle Wartezeit wird auf dieser Website angezeigt.",
                        ),
                        ("heading", "Das sollten Sie mitbringen"),
                        (
                            "paragraph",
                            _p(
                                "Für fast jedes Anliegen benötigen Sie einen gültigen "
                                "Ausweis. Wer umzieht, bringt zusätzlich die "
                                "Wohnungsgeberbestätigung mit. Für einen neuen "
                                "Personalausweis oder Reisepass ist ein biometrisches "
                                "Lichtbild erforderlich, das Sie bei einem Fotostudio oder "
                                "direkt an unserer Fotostation im Bürgerbüro anfertigen "
                                "lassen können. Bitte beachten Sie: Die Ausweise für "
                                "Kinder und Jugendliche unter 18 Jahren müssen von den "
                                "Sorgeberechtigten beantragt werden.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Mobilität & Verkehr",
                    "slug": "mobilitaet-verkehr",
                    "intro": (
                        "Mit der Albtalbahn, dem Rad oder dem Auto: Informationen zu "
                        "Parken, Radverkehr und Verkehrsangelegenheiten in Ettlingen."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Ettlingen liegt nur wenige Kilometer südlich von "
                                "Karlsruhe und ist hervorragend an die Region angebunden. "
                                "Die Stadt setzt auf einen guten Mix aus Bus und Bahn, "
                                "Rad- und Fußverkehr sowie Auto. Als Große Kreisstadt ist "
                                "Ettlingen selbst Straßenverkehrsbehörde und entscheidet "
                                "über Beschilderung, Tempolimits und Parkregelungen auf "
                                "den Straßen der Stadt.",
                            ),
                        ),
                        ("heading", "Bus und Bahn"),
                        (
                            "paragraph",
                            _p(
                                "Die Albtalbahn verbindet Ettlingen im dichten Takt mit "
                                "der Karlsruher Innenstadt und führt in der Gegenrichtung "
                                "durch das Albtal bis nach Bad Herrenalb. Die Haltestelle "
                                "Ettlingen Stadt liegt nur wenige Schritte von der "
                                "Altstadt entfernt. Am Bahnhof Ettlingen West halten "
                                "zudem Züge auf der Rheintalbahn. Stadtbuslinien "
                                "erschließen die Wohngebiete und die Höhenstadtteile.",
                            ),
                        ),
                        ("heading", "Parken in der Altstadt"),
                        (
                            "paragraph",
                            _ul(
                                "Mehrere Parkhäuser und Tiefgaragen liegen am Rand der "
                                "Altstadt; ein Parkleitsystem zeigt die freien Plätze an.",
                                "In den Altstadtgassen gilt Bewohnerparken; einen "
                                "Bewohnerparkausweis erhalten Sie im Bürgerbüro.",
                                "Für Menschen mit Behinderung stehen gekennzeichnete "
                                "Stellplätze am Marktplatz und am Schloss zur Verfügung.",
                                "Ladesäulen für Elektrofahrzeuge finden Sie in den "
                                "Parkhäusern und an mehreren öffentlichen Plätzen.",
                            ),
                        ),
                        ("heading", "Mit dem Rad unterwegs"),
                        (
                            "paragraph",
                            _p(
                                "Ein gut ausgebautes Radwegenetz führt entlang der Alb "
                                "bis nach Karlsruhe und in die Stadtteile. Der Albtal-"
                                "Radweg ist bei Ausflüglerinnen und Ausflüglern beliebt. "
                                "Die Stadt baut die Radinfrastruktur Schritt für Schritt "
                                "aus und schafft neue Abstellanlagen an Haltestellen und "
                                "Schulen.",
                                "Wer auf das eigene Auto verzichten möchte, findet an mehreren "
                                "Stationen in der Kernstadt Carsharing-Fahrzeuge und Leihräder.",
                            ),
                        ),
                        _warning(
                            "Baustellen und Sperrungen",
                            "Aktuelle Baustellen und Straßensperrungen veröffentlichen wir "
                            "wöchentlich im Amtsblatt. Bitte planen Sie während der "
                            "Schlossfestspiele und großer Feste zusätzliche Zeit für die "
                            "Anfahrt ein.",
                        ),
                    ],
                },
                {
                    "title": "Stadtverwaltung",
                    "slug": "stadtverwaltung",
                    "intro": (
                        "Wie die Stadtverwaltung Ettlingen aufgebaut ist und wie "
                        "Gemeinderat und Ortschaftsräte die Stadtpolitik gestalten."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Das Rathaus am Marktplatz mit seinem markanten Turm ist "
                                "seit Jahrhunderten das Zentrum der städtischen "
                                "Selbstverwaltung. Heute sind die Ämter der "
                                "Stadtverwaltung auf mehrere Gebäude in der Altstadt "
                                "verteilt. Geleitet wird die Verwaltung vom "
                                "Oberbürgermeister, der zugleich Vorsitzender des "
                                "Gemeinderats ist. Zusammen mit den Beigeordneten, die "
                                "jeweils einen eigenen Geschäftskreis verantworten, "
                                "bildet er die Verwaltungsspitze.",
                                "Die Verwaltung beschäftigt Mitarbeiterinnen und Mitarbeiter in "
                                "vielen Berufen: in der Sachbearbeitung, in Kindertagesstätten, "
                                "beim Bauhof, in der Stadtgärtnerei, im Museum und in der "
                                "Musikschule. Als Ausbildungsbetrieb bildet die Stadt jedes Jahr "
                                "junge Menschen aus.",
                            ),
                        ),
                        ("heading", "Ämter und Zuständigkeiten"),
                        (
                            "paragraph",
                            _ul(
                                "Hauptamt, Personalamt und Amt für Digitalisierung",
                                "Kämmerei, Stadtkasse und Liegenschaftsamt",
                                "Ordnungs- und Sozialamt mit Bürgerbüro und Standesamt",
                                "Amt für Bildung, Jugend, Familie und Senioren",
                                "Kulturamt mit Museum, Stadtarchiv und Musikschule",
                                "Stadtbauamt mit Stadtplanung, Bauordnung und Tiefbau",
                                "Bauhof und Stadtgärtnerei",
                            ),
                        ),
                        ("heading", "Der Gemeinderat"),
                        (
                            "paragraph",
                            _p(
                                "Der Gemeinderat der Stadt Ettlingen wurde zuletzt im Juni "
                                "2024 gewählt. Er trifft die grundlegenden Entscheidungen "
                                "über Haushalt, Stadtentwicklung, Schulen, Kindergärten "
                                "und Infrastruktur. Fachausschüsse wie der Verwaltungs- "
                                "und Finanzausschuss oder der Planungsausschuss beraten "
                                "die Beschlüsse vor. Die öffentlichen Sitzungen finden in "
                                "der Regel im Rathaus statt.",
                            ),
                        ),
                        ("heading", "Ortschaften"),
                        (
                            "paragraph",
                            _p(
                                "Die Stadtteile Bruchhausen, Ettlingenweier, Oberweier, "
                                "Schluttenbach, Schöllbronn und Spessart haben jeweils "
                                "einen eigenen Ortschaftsrat. Die Ortsvorsteherinnen und "
                                "Ortsvorsteher sind Bindeglied zwischen den Bürgerinnen "
                                "und Bürgern vor Ort und der Stadtverwaltung. In den "
                                "Ortsverwaltungen können Sie zahlreiche Anliegen direkt "
                                "erledigen.",
                                "Die Ortschaftsräte beraten über Angelegenheiten ihres Stadtteils "
                                "und werden vor wichtigen Entscheidungen des Gemeinderats "
                                "angehört.",
                            ),
                        ),
                        _info(
                            "Bürgerbeteiligung",
                            "Bei wichtigen Projekten, etwa in der Stadtentwicklung, lädt die "
                            "Stadt Ettlingen zu Informationsabenden, Workshops und "
                            "Online-Beteiligungen ein. Die aktuellen Verfahren finden Sie "
                            "auf dieser Website.",
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Leben in Ettlingen",
            "slug": "leben",
            "intro": (
                "Barockschloss, Festspiele im Schlosshof und das grüne Albtal: Ettlingen "
                "bietet hohe Lebensqualität vor den Toren Karlsruhes."
            ),
            "pages": [
                {
                    "title": "Schloss & Schlossfestspiele",
                    "slug": "schloss-festspiele",
                    "intro": (
                        "Das Ettlinger Schloss mit dem Asamsaal ist Museum, Festort und "
                        "Bühne der Schlossfestspiele, die jeden Sommer Tausende begeistern."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Ettlingen erhielt 1192 die Stadtrechte und gehört damit "
                                "zu den ältesten Städten am Oberrhein. Schon die Römer "
                                "waren hier ansässig; der Neptunstein aus römischer Zeit "
                                "erinnert daran. Nach der Zerstörung "
                                "im Pfälzischen Erbfolgekrieg 1689 wurde die Stadt im "
                                "Barock neu aufgebaut. Das heutige Bild der Altstadt mit "
                                "Marktplatz, Narrenbrunnen und Martinskirche geht "
                                "wesentlich auf diese Zeit zurück.",
                            ),
                        ),
                        ("heading", "Das Schloss"),
                        (
                            "paragraph",
                            _p(
                                "Markgräfin Sibylla Augusta von Baden-Baden ließ das "
                                "Schloss im 18. Jahrhundert zu ihrem Witwensitz ausbauen. "
                                "Ein Glanzstück ist die ehemalige Schlosskapelle, der "
                                "heutige Asamsaal. Sein prächtiges Deckenfresko schuf "
                                "Cosmas Damian Asam im Jahr 1732; es erzählt aus dem "
                                "Leben des heiligen Johannes Nepomuk. Heute wird der Saal "
                                "für Konzerte, Empfänge und Trauungen genutzt.",
                            ),
                        ),
                        ("heading", "Museum Ettlingen"),
                        (
                            "paragraph",
                            _p(
                                "Im Schloss zeigt das Museum Ettlingen die Geschichte der "
                                "Stadt von der Römerzeit bis in die Gegenwart. Zu den "
                                "Schwerpunkten gehören die Werke des Bildhauers Karl "
                                "Albiker sowie wechselnde Kunstausstellungen. Führungen "
                                "und museumspädagogische Angebote richten sich an "
                                "Schulklassen, Familien und Gruppen.",
                            ),
                        ),
                        ("heading", "Schlossfestspiele Ettlingen"),
                        (
                            "paragraph",
                            _p(
                                "Seit Jahrzehnten verwandelt sich der Schlosshof jeden "
                                "Sommer in eine Freilichtbühne. Die Schlossfestspiele "
                                "zeigen Musicals, Schauspiel, Komödien und ein eigenes "
                                "Familienstück. Unter freiem Himmel und vor der Kulisse "
                                "der barocken Fassaden entsteht eine ganz besondere "
                                "Atmosphäre, die Gäste aus der gesamten Region anzieht.",
                                "Viele Ettlingerinnen und Ettlinger sind dem Festival eng "
                                "verbunden, sei es als Publikum, als ehrenamtliche Helferinnen "
                                "und Helfer oder als Mitwirkende auf und hinter der Bühne.",
                                "Neben den Festspielen bereichern Konzerte im Asamsaal, "
                                "Veranstaltungen in der Stadthalle und Märkte auf dem Marktplatz "
                                "das kulturelle Leben.",
                            ),
                        ),
                        _info(
                            "Karten und Spielplan",
                            "Den aktuellen Spielplan und Karten erhalten Sie bei der "
                            "Stadtinformation am Marktplatz und im Online-Ticketshop der "
                            "Schlossfestspiele.",
                        ),
                    ],
                },
                {
                    "title": "Albtal & Freizeit",
                    "slug": "albtal-freizeit",
                    "intro": (
                        "Parks, Bäder und Wanderwege: Von Ettlingen aus ist das Albtal mit "
                        "dem Nordschwarzwald nur einen Katzensprung entfernt."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Ettlingen gilt als Tor zum Albtal. Die Alb entspringt "
                                "bei Bad Herrenalb im Nordschwarzwald und fließt mitten "
                                "durch die Altstadt in Richtung Rhein. Entlang des Flusses "
                                "führen Spazier- und Radwege, die die Stadt mit den "
                                "Wäldern und Wiesen des Albtals verbinden. Schon nach "
                                "wenigen Minuten stehen Sie im Grünen.",
                                "Auch innerhalb der Stadt prägt das Wasser das Bild: Brücken, "
                                "Uferwege und kleine Plätze an der Alb laden zum Verweilen ein, "
                                "besonders an warmen Sommerabenden.",
                            ),
                        ),
                        ("heading", "Parks in der Stadt"),
                        (
                            "paragraph",
                            _p(
                                "Der Horbachpark mit seinem See, großen Liegewiesen und "
                                "Spielplätzen ist an warmen Tagen ein Treffpunkt für "
                                "Familien. Der Watthaldenpark oberhalb der Altstadt bietet "
                                "alten Baumbestand und schöne Ausblicke. Auch der "
                                "Schlossgarten lädt zum Verweilen ein.",
                                "Für Kinder gibt es in allen Stadtteilen Spielplätze; mehrere "
                                "wurden in den vergangenen Jahren gemeinsam mit Kindern und "
                                "Eltern neu geplant.",
                            ),
                        ),
                        ("heading", "Sport und Baden"),
                        (
                            "paragraph",
                            _ul(
                                "Das Albgaubad vereint Hallenbad, Freibad und "
                                "Saunabereich unter einem Dach.",
                                "Sporthallen und Sportplätze werden von zahlreichen "
                                "Vereinen genutzt – vom Fußball bis zum Fechten.",
                                "Tennisanlagen, Reitvereine und Lauftreffs runden das Angebot ab.",
                                "Die Sportförderung der Stadt unterstützt Vereine bei "
                                "Jugendarbeit und Investitionen.",
                            ),
                        ),
                        ("heading", "Wandern im Albtal"),
                        (
                            "paragraph",
                            _p(
                                "Von den Höhenstadtteilen Schöllbronn, Spessart und "
                                "Schluttenbach aus starten Wanderwege durch die Wälder "
                                "des Albtals. Ziele wie die Klosterruine Frauenalb oder "
                                "das Moosalbtal sind gut erreichbar. Mit der Albtalbahn "
                                "lassen sich Streckenwanderungen bequem planen: hinauf "
                                "mit der Bahn, zurück zu Fuß entlang der Alb.",
                                "Gut ausgeschilderte Rundwege unterschiedlicher Länge eignen sich "
                                "für Familien ebenso wie für geübte Wanderinnen und Wanderer.",
                            ),
                        ),
                        _info(
                            "Stadtinformation",
                            "Karten, Wandertipps und Informationen zu Führungen erhalten Sie "
                            "in der Stadtinformation Ettlingen am Marktplatz.",
                        ),
                    ],
                },
                {
                    "title": "Familie & Bildung",
                    "slug": "familie-bildung",
                    "intro": (
                        "Kindertagesstätten, Schulen aller Art und ein vielseitiges "
                        "Ferienprogramm: Ettlingen ist eine familienfreundliche Stadt."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Ettlingen möchte, dass Kinder und Jugendliche gut "
                                "aufwachsen und Eltern Familie und Beruf miteinander "
                                "vereinbaren können. Deshalb investiert die Stadt "
                                "kontinuierlich in Kindertagesstätten, Schulgebäude, "
                                "Spielplätze und Jugendarbeit. Viele Angebote entstehen "
                                "in Zusammenarbeit mit Kirchengemeinden, freien Trägern "
                                "und Vereinen.",
                                "Eine Übersicht über alle Angebote finden Sie im "
                                "Familienwegweiser der Stadt, der jedes Jahr aktualisiert wird. "
                                "Er enthält Adressen von Kitas und Schulen, Beratungsstellen, "
                                "Freizeitangeboten und Ansprechpersonen im Rathaus.",
                            ),
                        ),
                        ("heading", "Kinderbetreuung"),
                        (
                            "paragraph",
                            _p(
                                "In Ettlingen gibt es Krippen, Kindergärten und "
                                "Ganztageseinrichtungen in der Kernstadt und in allen "
                                "Stadtteilen. Die Anmeldung erfolgt über die zentrale "
                                "Platzvergabe der Stadt. Eltern können online ihren "
                                "Bedarf angeben und Wunscheinrichtungen auswählen. Die "
                                "Kindertagespflege ergänzt das Angebot, besonders für "
                                "Kinder unter drei Jahren.",
                                "Die Elternbeiträge richten sich nach dem Einkommen und der Zahl "
                                "der Kinder in der Familie. Familien mit geringem Einkommen "
                                "können eine Ermäßigung beantragen.",
                            ),
                        ),
                        ("heading", "Schulen"),
                        (
                            "paragraph",
                            _p(
                                "Grundschulen gibt es in der Kernstadt und in den "
                                "Stadtteilen. Weiterführende Schulen – Gymnasien, "
                                "Realschulen und Gemeinschaftsschulen – sowie berufliche "
                                "Schulen befinden sich in der Kernstadt. Schülerinnen und "
                                "Schüler aus den Höhenstadtteilen erreichen sie mit "
                                "Schulbussen. Die Volkshochschule, die Musikschule und "
                                "die Stadtbibliothek ergänzen das Bildungsangebot.",
                                "An den Grundschulen gibt es verlässliche Betreuungszeiten und "
                                "Ganztagsangebote mit Mittagessen, Hausaufgabenbetreuung und "
                                "Freizeitangeboten.",
                            ),
                        ),
                        _info(
                            "Sommerferienprogramm",
                            "Vereine, Jugendhäuser und Einrichtungen bieten in den "
                            "Sommerferien zahlreiche Aktionen an – vom Bastelnachmittag "
                            "bis zur Waldexpedition. Das Programmheft erscheint jedes Jahr "
                            "im Frühsommer.",
                        ),
                        ("heading", "Jugend und Familie"),
                        (
                            "paragraph",
                            _ul(
                                "Jugendhäuser mit offenen Angeboten und Projekten",
                                "Familienpass mit Vergünstigungen für Albgaubad, Museum und Kurse",
                                "Beratungsangebote für Eltern, auch in Krisensituationen",
                                "Spielplätze in allen Stadtteilen, viele davon neu gestaltet",
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Gaggenau
# ---------------------------------------------------------------------------

_GAGGENAU: dict[str, Any] = {
    "slug": "gaggenau",
    "name": "Gaggenau",
    "legal_name": "Stadt Gaggenau",
    "status": "Große Kreisstadt",
    "district": "Landkreis Rastatt",
    "head_role": "Oberbürgermeister",
    "street": "Hauptstraße 71",
    "postcode": "76571",
    "city": "Gaggenau",
    "phone": "07225 962-0",
    "fax": "07225 962-205",
    "email": "rathaus@gaggenau.example",
    "website_hint": "",
    "population": 30000,
    "tagline": "Industrie- und Bäderstadt im Murgtal",
    "intro": (
        "Willkommen in Gaggenau! Unsere Stadt im unteren Murgtal ist Heimat des Unimog, "
        "traditionsreicher Industrie und des Thermalbads Rotherma in Bad Rotenfels. Hier "
        "finden Sie alles über Rathaus, Bürgerservice und das Leben in den Stadtteilen "
        "zwischen Murg und Schwarzwaldhöhen."
    ),
    "opening_hours": [
        ("Montag bis Freitag", "8:30–12:00 Uhr"),
        ("Dienstag", "14:00–16:00 Uhr"),
        ("Donnerstag", "14:00–18:00 Uhr"),
    ],
    "supervisory_authority": "Regierungspräsidium Karlsruhe",
    "vat_id": "DE142795813",
    "sections": [
        {
            "title": "Rathaus & Service",
            "slug": "rathaus-service",
            "intro": (
                "Bürgerbüro, Standesamt und Stadtverwaltung: So erreichen Sie die Stadt "
                "Gaggenau und erledigen Ihre Anliegen."
            ),
            "pages": [
                {
                    "title": "Bürgerbüro",
                    "slug": "buergerbuero",
                    "intro": (
                        "Im Bürgerbüro im Rathaus an der Hauptstraße erledigen Sie Melde- "
                        "und Ausweisangelegenheiten und erhalten Auskunft zu vielen weiteren "
                        "Themen."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Das Bürgerbüro ist die erste Adresse im Rathaus "
                                "Gaggenau. Hier erhalten Sie zahlreiche Leistungen der "
                                "Stadtverwaltung an einem Ort – freundlich, zügig und "
                                "ohne lange Wege. Das Rathaus liegt zentral an der "
                                "Hauptstraße und ist von der Stadtbahnhaltestelle in "
                                "wenigen Gehminuten erreichbar. Parkplätze finden Sie "
                                "in der näheren Umgebung.",
                                "Auch wenn Sie in einem der Stadtteile wohnen, etwa in "
                                "Ottenau, Hörden oder Freiolsheim, ist das Bürgerbüro im "
                                "Rathaus für Sie zuständig. Einige Anträge nehmen "
                                "zusätzlich die Ortsverwaltungen entgegen.",
                            ),
                        ),
                        ("heading", "Leistungen im Überblick"),
                        (
                            "paragraph",
                            _ul(
                                "An-, Um- und Abmeldung des Wohnsitzes",
                                "Personalausweise, Reisepässe und vorläufige Ausweisdokumente",
                                "Führungszeugnisse und Gewerbezentralregisterauskünfte",
                                "Meldebescheinigungen und Auskünfte aus dem Melderegister",
                                "Beglaubigungen von Dokumenten und Unterschriften",
                                "Anträge auf Wohnberechtigungsschein",
                                "Fundbüro: Abgabe und Abholung von Fundsachen",
                            ),
                        ),
                        ("heading", "Öffnungszeiten"),
                        (
                            "paragraph",
                            _p(
                                "Montag bis Freitag von 8:30 bis 12:00 Uhr, zusätzlich am "
                                "Dienstag von 14:00 bis 16:00 Uhr und am Donnerstag von "
                                "14:00 bis 18:00 Uhr. Außerhalb dieser Zeiten sind "
                                "Termine nach Vereinbarung möglich, wenn Sie aus "
                                "beruflichen oder gesundheitlichen Gründen nicht zu den "
                                "regulären Zeiten kommen können.",
                            ),
                        ),
                        _info(
                            "Terminvereinbarung",
                            "Termine können Sie online oder telefonisch über die Zentrale "
                            "unter 07225 962-0 vereinbaren. Spontane Besuche sind möglich, "
                            "können aber zu Wartezeiten führen.",
                        ),
                        ("heading", "Benötigte Unterlagen"),
                        (
                            "paragraph",
                            _p(
                                "Bitte bringen Sie zu jedem Termin Ihren gültigen "
                                "Personalausweis oder Reisepass mit. Bei einem Zuzug "
                                "nach Gaggenau benötigen wir die "
                                "Wohnungsgeberbestätigung. Für neue Ausweisdokumente ist "
                                "ein biometrisches Lichtbild erforderlich; sprechen Sie "
                                "uns gerne an, wenn Sie unsicher sind, ob Ihr Foto den "
                                "Anforderungen entspricht. Wenn Sie ein Führungszeugnis "
                                "für eine ehrenamtliche Tätigkeit benötigen, bringen Sie "
                                "bitte die Bestätigung des Vereins mit – dann ist es "
                                "gebührenfrei.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Standesamt",
                    "slug": "standesamt",
                    "intro": (
                        "Geburt, Eheschließung, Sterbefall: Das Standesamt Gaggenau "
                        "begleitet Sie in allen wichtigen Lebenslagen."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Das Standesamt beurkundet die wichtigsten Ereignisse im "
                                "Leben eines Menschen: Geburt, Eheschließung und Tod. Es "
                                "führt die Personenstandsregister der Stadt und stellt "
                                "Urkunden aus, die Sie etwa für Behörden, Arbeitgeber oder "
                                "Versicherungen benötigen. Darüber hinaus nimmt es "
                                "Erklärungen zur Namensführung und Kirchenaustritte "
                                "entgegen.",
                            ),
                        ),
                        ("heading", "Heiraten in Gaggenau"),
                        (
                            "paragraph",
                            _p(
                                "Wenn Sie heiraten möchten, melden Sie die Eheschließung "
                                "bitte frühzeitig beim Standesamt Ihres Wohnorts an. Die "
                                "Anmeldung ist bis zu sechs Monate vor dem Trautermin "
                                "gültig. Trauungen finden im Trauzimmer des Rathauses "
                                "statt; für besondere Anlässe stehen weitere "
                                "stimmungsvolle Trauorte in der Stadt zur Verfügung. Auch "
                                "Trauungen am Samstag sind an ausgewählten Terminen "
                                "möglich.",
                            ),
                        ),
                        ("heading", "Für die Anmeldung der Eheschließung benötigen Sie"),
                        (
                            "paragraph",
                            _ul(
                                "Gültige Personalausweise oder Reisepässe",
                                "Beglaubigte Ausdrucke aus dem Geburtenregister, die "
                                "nicht älter als sechs Monate sein sollten",
                                "Bei früheren Ehen die Eheurkunde mit Vermerk über die "
                                "Auflösung der Ehe",
                                "Bei ausländischen Staatsangehörigen gegebenenfalls "
                                "weitere Dokumente – bitte sprechen Sie uns vorab an",
                            ),
                        ),
                        _info(
                            "Persönliches Gespräch",
                            "Da die erforderlichen Unterlagen je nach persönlicher "
                            "Situation unterschiedlich sind, empfehlen wir vor der Anmeldung "
                            "ein kurzes Beratungsgespräch – gerne auch telefonisch.",
                        ),
                        ("heading", "Geburt und Sterbefall"),
                        (
                            "paragraph",
                            _p(
                                "Eine Geburt muss innerhalb einer Woche beim Standesamt "
                                "des Geburtsorts angezeigt werden. In der Regel übernimmt "
                                "das die Geburtsklinik. Einen Sterbefall zeigt meist das "
                                "beauftragte Bestattungsunternehmen an; Angehörige "
                                "erhalten anschließend die Sterbeurkunden. Fragen zu "
                                "Grabstätten und Bestattungen auf den städtischen "
                                "Friedhöfen beantwortet die Friedhofsverwaltung.",
                                "Urkunden aus den Personenstandsregistern können Sie persönlich, "
                                "schriftlich oder online beantragen. Berechtigt sind die "
                                "Personen, auf die sich der Eintrag bezieht, ihre Ehegatten, "
                                "Vorfahren und Nachkommen sowie Personen mit einem rechtlichen "
                                "Interesse.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Stadtverwaltung",
                    "slug": "stadtverwaltung",
                    "intro": (
                        "Organisation der Stadtverwaltung Gaggenau, Gemeinderat und "
                        "Ortschaftsräte – so wird in Gaggenau entschieden."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Die Stadtverwaltung Gaggenau erbringt Leistungen für rund "
                                "30.000 Einwohnerinnen und Einwohner in der Kernstadt und "
                                "acht Stadtteilen. Als Große Kreisstadt ist Gaggenau "
                                "zugleich untere Baurechts- und Straßenverkehrsbehörde. "
                                "Die Leitung liegt beim Oberbürgermeister; ihm zur Seite "
                                "steht ein Erster Beigeordneter, der die Amtsbezeichnung "
                                "Bürgermeister führt.",
                                "Die Verwaltung arbeitet daran, immer mehr Leistungen digital "
                                "anzubieten. Gemeinsam mit den Partnerstädten im Verbund re@di "
                                "entstehen Online-Formulare, eine elektronische Akte und ein "
                                "digitaler Rechnungseingang.",
                            ),
                        ),
                        ("heading", "Die Ämter"),
                        (
                            "paragraph",
                            _ul(
                                "Haupt- und Personalamt",
                                "Amt für Finanzen und Liegenschaften",
                                "Bürger- und Ordnungsamt mit Bürgerbüro und Standesamt",
                                "Amt für Bildung, Betreuung, Kultur und Sport",
                                "Amt für Stadtentwicklung und Baurecht",
                                "Amt für Tiefbau und Umwelt",
                                "Bäder, Sportstätten und Bauhof",
                            ),
                        ),
                        ("heading", "Gemeinderat"),
                        (
                            "paragraph",
                            _p(
                                "Der Gemeinderat ist das Hauptorgan der Stadt und "
                                "bestimmt die Leitlinien der Kommunalpolitik. Er wurde im "
                                "Juni 2024 von den Bürgerinnen und Bürgern für fünf Jahre "
                                "gewählt. Zu seinen wichtigsten Aufgaben gehören die "
                                "Verabschiedung des Haushalts, die Aufstellung von "
                                "Bebauungsplänen und Entscheidungen über Schulen, "
                                "Kindergärten und städtische Einrichtungen. Die Sitzungen "
                                "sind grundsätzlich öffentlich.",
                                "Einwohnerinnen und Einwohner können in der Bürgerfragestunde "
                                "Fragen und Anregungen vorbringen.",
                            ),
                        ),
                        ("heading", "Ortschaftsräte"),
                        (
                            "paragraph",
                            _p(
                                "Die Stadtteile Bad Rotenfels, Freiolsheim, Hörden, "
                                "Michelbach, Oberweier, Ottenau, Selbach und Sulzbach "
                                "haben eigene Ortschaftsräte. Diese werden zu allen "
                                "wichtigen Fragen angehört, die ihren Ort betreffen, und "
                                "bringen die Anliegen der Bürgerinnen und Bürger in die "
                                "Stadtpolitik ein. Die Ortsvorsteherinnen und "
                                "Ortsvorsteher bieten regelmäßige Sprechstunden an.",
                                "Über kleinere Vorhaben in ihrem Ort entscheiden die "
                                "Ortschaftsräte im Rahmen eines eigenen Budgets selbst.",
                            ),
                        ),
                        _info(
                            "Informationen aus dem Rathaus",
                            "Die Tagesordnungen der Sitzungen, Bekanntmachungen und "
                            "Nachrichten aus dem Rathaus finden Sie im Amtsblatt, im "
                            "Ratsinformationssystem und auf dieser Website.",
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Leben in Gaggenau",
            "slug": "leben",
            "intro": (
                "Industriegeschichte, Thermalwasser und Schwarzwaldnatur: Gaggenau ist "
                "vielfältiger, als viele denken."
            ),
            "pages": [
                {
                    "title": "Unimog & Industriegeschichte",
                    "slug": "unimog-industriegeschichte",
                    "intro": (
                        "Vom Eisenhammer zum Unimog: Gaggenau blickt auf eine lange "
                        "Industriegeschichte zurück, die bis heute das Stadtbild prägt."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Schon im späten 17. Jahrhundert entstand an der Murg ein "
                                "Eisenhammer, der das Wasser des Flusses als Antrieb "
                                "nutzte. Daraus entwickelten sich im 19. Jahrhundert die "
                                "Gaggenauer Eisenwerke, deren Name heute durch "
                                "hochwertige Hausgeräte weltweit bekannt ist. Um 1900 "
                                "begann in Gaggenau der Bau von Automobilen und bald "
                                "darauf von Lastwagen – der Grundstein für das große "
                                "Nutzfahrzeugwerk, das bis heute einer der wichtigsten "
                                "Arbeitgeber der Region ist.",
                            ),
                        ),
                        ("heading", "Die Heimat des Unimog"),
                        (
                            "paragraph",
                            _p(
                                "Von 1951 bis 2002 wurde in Gaggenau der Unimog gebaut, "
                                "das Universal-Motor-Gerät, das als Arbeitsmaschine in "
                                "Landwirtschaft, Forst, Kommunen und bei "
                                "Hilfsorganisationen in aller Welt unterwegs ist. "
                                "Generationen von Gaggenauerinnen und Gaggenauern haben "
                                "an diesem Fahrzeug mitgearbeitet. Auch nach der "
                                "Verlagerung der Produktion ist der Unimog ein fester "
                                "Teil der städtischen Identität.",
                            ),
                        ),
                        ("heading", "Das Unimog-Museum"),
                        (
                            "paragraph",
                            _p(
                                "An der Bundesstraße 462 erzählt das Unimog-Museum die "
                                "Geschichte des Fahrzeugs von den ersten Prototypen bis zu "
                                "modernen Modellen. Auf dem Außengelände zeigen die "
                                "Fahrzeuge bei Mitfahrten im Geländeparcours, was sie "
                                "können. Wechselnde Sonderausstellungen und Aktionstage "
                                "machen das Museum zu einem Ausflugsziel für die ganze "
                                "Familie.",
                            ),
                        ),
                        _quote(
                            "Der Unimog ist mehr als ein Fahrzeug – er ist ein Stück "
                            "Gaggenau, das in die ganze Welt hinausgefahren ist.",
                            "Ein ehemaliger Mitarbeiter des Werks",
                        ),
                        ("heading", "Wirtschaftsstandort heute"),
                        (
                            "paragraph",
                            _p(
                                "Neben dem Nutzfahrzeugwerk prägen zahlreiche "
                                "mittelständische Betriebe aus Metallverarbeitung, "
                                "Maschinenbau, Kunststofftechnik und Handwerk die "
                                "Wirtschaft. Die städtische Wirtschaftsförderung "
                                "begleitet Unternehmen bei Erweiterungen und beim Wandel "
                                "hin zu neuen Technologien und Antrieben.",
                                "Die Nähe zu den Hochschulen in Karlsruhe und die Anbindung an "
                                "die Stadtbahn machen den Standort auch für junge Fachkräfte "
                                "attraktiv.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Bad Rotenfels & Rotherma",
                    "slug": "bad-rotenfels-rotherma",
                    "intro": (
                        "Thermalwasser, Kurpark und Schloss: Der Stadtteil Bad Rotenfels "
                        "ist die Wohlfühloase Gaggenaus."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Bad Rotenfels ist der nördlichste Stadtteil Gaggenaus und "
                                "liegt am Übergang des Murgtals zur Rheinebene. Seine "
                                "warmen Mineralquellen haben ihn zu einem beliebten Ort "
                                "der Erholung gemacht. Kurpark, Thermalbad und Schloss "
                                "liegen nah beieinander und lassen sich bei einem "
                                "Spaziergang gut verbinden.",
                            ),
                        ),
                        ("heading", "Thermalbad Rotherma"),
                        (
                            "paragraph",
                            _p(
                                "Im Thermalbad Rotherma entspannen Sie in warmem "
                                "Mineralwasser in Innen- und Außenbecken. Eine "
                                "großzügige Saunalandschaft, Ruheräume und "
                                "Wellnessangebote ergänzen das Bad. Die Rotherma ist "
                                "nicht nur bei Gästen, sondern vor allem bei den "
                                "Menschen aus Gaggenau und dem Murgtal beliebt – ob zur "
                                "Erholung nach der Arbeit oder zur Gesundheitsvorsorge.",
                                "Das warme Wasser entspannt die Muskulatur und tut besonders bei "
                                "Gelenk- und Rückenbeschwerden gut. Kurse wie Wassergymnastik und "
                                "Aquafitness sprechen alle Altersgruppen an.",
                            ),
                        ),
                        _info(
                            "Aktuelle Informationen",
                            "Öffnungszeiten, Eintrittspreise und Revisionszeiten der "
                            "Rotherma erfahren Sie direkt beim Bad. Ermäßigungen gibt es "
                            "unter anderem für Kinder, Schülerinnen und Schüler sowie "
                            "Menschen mit Behinderung.",
                        ),
                        ("heading", "Kurpark und Schloss Rotenfels"),
                        (
                            "paragraph",
                            _p(
                                "Der Kurpark mit altem Baumbestand lädt zu jeder "
                                "Jahreszeit zum Spazierengehen ein. Im Sommer finden hier "
                                "Kurkonzerte und kleine Feste statt. Das klassizistische "
                                "Schloss Rotenfels, errichtet nach Plänen von Friedrich "
                                "Weinbrenner, beherbergt heute eine Landesakademie für "
                                "Schulkunst und Theater. Der Schlosspark ist öffentlich "
                                "zugänglich.",
                                "Vom Kurpark aus führen Spazierwege in den nahen Wald und hinauf "
                                "zu Aussichtspunkten über dem Murgtal. Bänke und Ruheplätze laden "
                                "unterwegs zu einer Pause ein.",
                            ),
                        ),
                        ("heading", "Sport und Bewegung"),
                        (
                            "paragraph",
                            _ul(
                                "Freibad für Familien in den Sommermonaten",
                                "Radwege entlang der Murg bis nach Rastatt und ins obere Murgtal",
                                "Sportvereine mit Angeboten von Handball bis Turnen",
                                "Nordic-Walking-Strecken in den Wäldern rund um die Stadt",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Stadtteile im Murgtal",
                    "slug": "stadtteile",
                    "intro": (
                        "Acht Stadtteile zwischen Murgufer und Schwarzwaldhöhe: Jeder Ort "
                        "in Gaggenau hat seinen eigenen Charakter."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Gaggenau erstreckt sich vom Talboden der Murg bis "
                                "hinauf auf die Höhen des Nordschwarzwalds. Zur Stadt "
                                "gehören neben der Kernstadt acht Stadtteile, die mit "
                                "der Gemeindereform in den 1970er-Jahren eingegliedert "
                                "wurden. Sie haben ihre eigene Geschichte, ihre Vereine "
                                "und Feste bewahrt und tragen wesentlich zur Lebensqualität "
                                "der Stadt bei.",
                            ),
                        ),
                        ("heading", "Entlang der Murg"),
                        (
                            "paragraph",
                            _p(
                                "Bad Rotenfels, die Kernstadt, Ottenau und Hörden reihen "
                                "sich entlang der Murg auf. Hier liegen die meisten "
                                "Arbeitsplätze, Geschäfte und Schulen. Die Stadtbahn "
                                "verbindet die Orte im Takt mit Rastatt und Karlsruhe "
                                "sowie talaufwärts mit Gernsbach und Freudenstadt. Die "
                                "Uferwege an der Murg sind beliebte Strecken für "
                                "Spaziergänge und Radtouren.",
                                "Wer mit dem Zug anreist, erreicht von der Stadtbahn aus in "
                                "wenigen Minuten die Geschäfte und Gasthäuser in der Ortsmitte "
                                "der einzelnen Stadtteile.",
                            ),
                        ),
                        ("heading", "In den Seitentälern und auf der Höhe"),
                        (
                            "paragraph",
                            _ul(
                                "Michelbach: Fachwerkhäuser und ein gepflegter Ortskern "
                                "in einem ruhigen Seitental",
                                "Sulzbach und Oberweier: Wohnen im Grünen mit kurzen "
                                "Wegen in die Kernstadt",
                                "Selbach: Streuobstwiesen und Wald direkt vor der Haustür",
                                "Freiolsheim: Höhenstadtteil mit weitem Blick und "
                                "Ausgangspunkt für Wanderungen",
                            ),
                        ),
                        _info(
                            "Ortsverwaltungen",
                            "In den Ortsverwaltungen erhalten Sie Auskünfte, können "
                            "Anträge abgeben und Dokumente beglaubigen lassen. Die "
                            "Sprechzeiten werden im Amtsblatt veröffentlicht.",
                        ),
                        ("heading", "Gemeinschaft vor Ort"),
                        (
                            "paragraph",
                            _p(
                                "Musikvereine, Feuerwehrabteilungen, Sportvereine und "
                                "Kirchengemeinden prägen das Leben in den Stadtteilen. "
                                "Dorffeste, Hocks und Kerwen bringen die Menschen "
                                "zusammen. Wer neu zugezogen ist, findet über die Vereine "
                                "schnell Anschluss.",
                                "Das Vereinsverzeichnis der Stadt gibt einen Überblick über die "
                                "Angebote in allen Stadtteilen und nennt Ansprechpersonen für den "
                                "ersten Kontakt. Auch die Ortsvorsteherinnen und Ortsvorsteher "
                                "helfen gerne weiter.",
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Rastatt
# ---------------------------------------------------------------------------

_RASTATT: dict[str, Any] = {
    "slug": "rastatt",
    "name": "Rastatt",
    "legal_name": "Stadt Rastatt",
    "status": "Große Kreisstadt",
    "district": "Landkreis Rastatt",
    "head_role": "Oberbürgermeister",
    "street": "Marktplatz 1",
    "postcode": "76437",
    "city": "Rastatt",
    "phone": "07222 972-0",
    "fax": "07222 972-1199",
    "email": "rathaus@rastatt.example",
    "website_hint": "",
    "population": 50000,
    "tagline": "Barockresidenz an Murg und Rhein",
    "intro": (
        "Willkommen in Rastatt! Die ehemalige Residenz der Markgrafen von Baden-Baden "
        "begeistert mit ihrem prachtvollen Barockschloss, einer lebendigen Innenstadt und "
        "den Auwäldern am Rhein. Hier finden Sie alle Informationen zu Rathaus, "
        "Bürgerservice und Leben in der Kreisstadt."
    ),
    "opening_hours": [
        ("Montag, Dienstag und Freitag", "7:30–12:30 Uhr"),
        ("Mittwoch", "7:30–12:30 Uhr und 14:00–16:00 Uhr"),
        ("Donnerstag", "7:30–18:00 Uhr"),
    ],
    "supervisory_authority": "Regierungspräsidium Karlsruhe",
    "vat_id": "DE142653078",
    "sections": [
        {
            "title": "Rathaus & Service",
            "slug": "rathaus-service",
            "intro": (
                "Bürgerbüro, Bauen und Verwaltung: Hier erfahren Sie, wie Sie Ihre Anliegen "
                "bei der Stadt Rastatt erledigen."
            ),
            "pages": [
                {
                    "title": "Bürgerbüro",
                    "slug": "buergerbuero",
                    "intro": (
                        "Früh geöffnet und donnerstags durchgehend bis 18 Uhr: Das "
                        "Bürgerbüro Rastatt am Marktplatz ist Ihre Anlaufstelle für Melde- "
                        "und Ausweisangelegenheiten."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Das Bürgerbüro im Rathaus am Marktplatz ist für alle "
                                "Rastatterinnen und Rastatter da – aus der Kernstadt "
                                "ebenso wie aus Förch, Niederbühl, Ottersdorf, "
                                "Plittersdorf, Rauental und Wintersdorf. Hier erledigen "
                                "Sie die meisten Behördengänge an einem einzigen Ort. "
                                "Das barocke Rathaus liegt gegenüber der Stadtkirche St. "
                                "Alexander und ist mit den Stadtbuslinien bequem "
                                "erreichbar. Besucherinnen und Besucher mit Rollstuhl "
                                "oder Kinderwagen gelangen stufenlos in das Bürgerbüro.",
                            ),
                        ),
                        ("heading", "Unsere Leistungen"),
                        (
                            "paragraph",
                            _ul(
                                "Anmeldung, Ummeldung und Abmeldung",
                                "Personalausweise, Reisepässe und Expresspässe",
                                "Führungszeugnisse und Auskünfte aus dem Gewerbezentralregister",
                                "Meldebescheinigungen und Übermittlungssperren",
                                "Beglaubigungen von Kopien und Unterschriften",
                                "Ausstellung von Bewohnerparkausweisen",
                                "Anträge auf Briefwahl und Einsicht in das "
                                "Wählerverzeichnis vor Wahlen",
                                "Annahme und Ausgabe von Fundsachen",
                            ),
                        ),
                        ("heading", "Öffnungszeiten"),
                        (
                            "paragraph",
                            _p(
                                "Montag, Dienstag und Freitag von 7:30 bis 12:30 Uhr, "
                                "Mittwoch von 7:30 bis 12:30 Uhr und von 14:00 bis 16:00 "
                                "Uhr, Donnerstag durchgehend von 7:30 bis 18:00 Uhr. Die "
                                "frühe Öffnung um 7:30 Uhr kommt vor allem Berufstätigen "
                                "und Schichtarbeitenden entgegen, die vor Dienstbeginn "
                                "ins Rathaus kommen möchten.",
                            ),
                        ),
                        _info(
                            "Termin buchen",
                            "Für Ausweise, Pässe und Anmeldungen empfehlen wir eine "
                            "Terminbuchung über den Online-Bürgerservice. Für kurze "
                            "Anliegen wie die Abholung eines Ausweises ist kein Termin "
                            "nötig.",
                        ),
                        ("heading", "Bitte denken Sie an"),
                        (
                            "paragraph",
                            _ul(
                                "Ihren gültigen Personalausweis, Reisepass oder Aufenthaltstitel",
                                "die Wohnungsgeberbestätigung bei Ein- und Umzug",
                                "ein aktuelles biometrisches Lichtbild für neue Ausweisdokumente",
                                "die Geburts- oder Eheurkunde, wenn sich Ihr Name geändert hat",
                                "eine Vollmacht, wenn Sie für eine andere Person kommen",
                            ),
                        ),
                        (
                            "paragraph",
                            _p(
                                "Gebühren zahlen Sie bequem mit Girocard, Kreditkarte oder "
                                "bar. Wenn Sie nicht gut zu Fuß sind und den Weg ins "
                                "Rathaus nicht schaffen, sprechen Sie uns bitte an – in "
                                "begründeten Fällen ist ein Hausbesuch möglich.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Bauen & Stadtentwicklung",
                    "slug": "bauen-stadtentwicklung",
                    "intro": (
                        "Bauanträge, Denkmalschutz in der Barockstadt und Bauen am Rhein: "
                        "Das Baurechtsamt und die Stadtplanung Rastatt informieren."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Rastatt wächst und verändert sich. Neue Wohngebiete "
                                "entstehen, frühere Militär- und Gewerbeflächen werden "
                                "neu genutzt, und die historische Innenstadt wird "
                                "behutsam weiterentwickelt. Die Stadtplanung erarbeitet "
                                "dafür Bebauungspläne und Rahmenkonzepte, an denen sich "
                                "die Bürgerinnen und Bürger in öffentlichen "
                                "Beteiligungsverfahren beteiligen können. Das "
                                "Baurechtsamt prüft und genehmigt als untere "
                                "Baurechtsbehörde die einzelnen Bauvorhaben.",
                                "Aktuelle Schwerpunkte sind bezahlbarer Wohnraum, die Aufwertung "
                                "der Innenstadt und der Ausbau von Rad- und Fußwegen. Dabei "
                                "achtet die Stadt darauf, Grünflächen zu erhalten und neue "
                                "Quartiere klimafreundlich zu planen.",
                            ),
                        ),
                        ("heading", "Ihr Bauvorhaben"),
                        (
                            "paragraph",
                            _p(
                                "Bauanträge und Bauvorlagen im Kenntnisgabeverfahren "
                                "reichen Sie digital über das Virtuelle Bauamt ein. "
                                "Vorher lohnt sich ein Blick in den Bebauungsplan, der "
                                "festlegt, wie hoch, wie groß und in welcher Form auf "
                                "einem Grundstück gebaut werden darf. Gibt es keinen "
                                "Bebauungsplan, muss sich ein Vorhaben in die Umgebung "
                                "einfügen. Bei Unsicherheiten können Sie eine "
                                "Bauvoranfrage stellen und so wichtige Fragen vorab "
                                "verbindlich klären lassen.",
                            ),
                        ),
                        ("heading", "Bauen in der Barockstadt"),
                        (
                            "paragraph",
                            _p(
                                "Die Innenstadt mit Schloss, Marktplatz und den "
                                "barocken Straßenzügen ist ein Kulturdenkmal von "
                                "besonderer Bedeutung. Wer hier Fassaden, Fenster, "
                                "Dächer oder Werbeanlagen verändern möchte, benötigt "
                                "eine denkmalschutzrechtliche Genehmigung. Die Stadt "
                                "berät Eigentümerinnen und Eigentümer frühzeitig und "
                                "informiert über Zuschüsse aus der Denkmalpflege und der "
                                "Städtebauförderung.",
                            ),
                        ),
                        _warning(
                            "Überschwemmungsgebiete",
                            "Teile von Plittersdorf, Ottersdorf und Wintersdorf liegen in "
                            "der Rheinniederung. In festgesetzten Überschwemmungsgebieten "
                            "gelten besondere Anforderungen an das Bauen. Bitte klären Sie "
                            "dies vor der Planung mit dem Baurechtsamt.",
                        ),
                        ("heading", "Beratung und Kontakt"),
                        (
                            "paragraph",
                            _ul(
                                "Bauberatung nach Terminvereinbarung im Baurechtsamt",
                                "Einsicht in Bebauungspläne im Rathaus und online",
                                "Auskünfte zu Baulasten und Erschließungsbeiträgen",
                                "Informationen zu städtischen Bauplätzen und zur Wohnraumförderung",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Stadtverwaltung",
                    "slug": "stadtverwaltung",
                    "intro": (
                        "Fachbereiche, Gemeinderat und Ortschaftsräte: So arbeitet die "
                        "Stadtverwaltung der Großen Kreisstadt Rastatt."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Rastatt ist Große Kreisstadt und Sitz des Landratsamts "
                                "Rastatt. Die Stadtverwaltung erledigt neben den "
                                "klassischen Aufgaben einer Gemeinde auch Aufgaben der "
                                "unteren Verwaltungsbehörde, etwa im Baurecht, im "
                                "Straßenverkehrsrecht und im Gewerberecht. An der Spitze "
                                "steht der Oberbürgermeister, der zugleich Vorsitzender "
                                "des Gemeinderats und oberster Dienstvorgesetzter der "
                                "Beschäftigten ist. Er wird von den Beigeordneten "
                                "unterstützt.",
                                "Rund um das Rathaus am Marktplatz sind die Fachbereiche auf "
                                "mehrere Dienstgebäude in der Innenstadt verteilt. Die "
                                "Telefonzentrale unter 07222 972-0 verbindet Sie mit der "
                                "zuständigen Stelle, viele Leistungen können Sie außerdem online "
                                "beantragen.",
                            ),
                        ),
                        ("heading", "Fachbereiche"),
                        (
                            "paragraph",
                            _ul(
                                "Fachbereich Zentrale Steuerung, Personal und Digitalisierung",
                                "Fachbereich Finanzen und Beteiligungen",
                                "Fachbereich Sicherheit, Ordnung und Bürgerservice",
                                "Fachbereich Jugend, Familie und Senioren",
                                "Fachbereich Kultur, Bildung und Sport",
                                "Fachbereich Stadtplanung, Bauen und Umwelt",
                                "Technische Betriebe mit Bauhof und Stadtgrün",
                            ),
                        ),
                        ("heading", "Gemeinderat"),
                        (
                            "paragraph",
                            _p(
                                "Der Gemeinderat vertritt die Bürgerschaft und trifft die "
                                "wesentlichen Entscheidungen der Stadt – vom Haushalt über "
                                "Bebauungspläne bis zu Investitionen in Schulen, "
                                "Kindergärten und Straßen. Er wurde im Juni 2024 neu "
                                "gewählt. Ausschüsse beraten die Themen vor. Die "
                                "öffentlichen Sitzungen finden im historischen Ratssaal "
                                "des Rathauses statt und stehen allen Interessierten "
                                "offen.",
                            ),
                        ),
                        ("heading", "Ortschaften"),
                        (
                            "paragraph",
                            _p(
                                "Die Stadtteile Förch, Niederbühl, Ottersdorf, "
                                "Plittersdorf, Rauental und Wintersdorf haben eigene "
                                "Ortschaftsräte mit einer Ortsvorsteherin oder einem "
                                "Ortsvorsteher an der Spitze. Sie werden bei allen "
                                "Fragen angehört, die ihren Ort betreffen, und setzen "
                                "sich für die Belange der Menschen vor Ort ein.",
                                "In den Ortsverwaltungen können Sie zahlreiche Anliegen direkt "
                                "erledigen, ohne in die Kernstadt fahren zu müssen.",
                            ),
                        ),
                        _info(
                            "Geschäftsstelle re@di",
                            "Im Rathaus Rastatt ist auch die Geschäftsstelle des "
                            "Digitalisierungsverbunds re@di – regional.digital angesiedelt, "
                            "in dem Rastatt mit acht Partnerstädten zusammenarbeitet.",
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Leben in Rastatt",
            "slug": "leben",
            "intro": (
                "Barock, Freiheitsgeschichte und Auenlandschaft: Rastatt bietet Kultur und "
                "Natur auf engem Raum."
            ),
            "pages": [
                {
                    "title": "Barockresidenz & Museen",
                    "slug": "barockresidenz-museen",
                    "intro": (
                        "Residenzschloss, Schloss Favorite und die Erinnerungsstätte für die "
                        "Freiheitsbewegungen: Rastatts Kulturschätze von europäischem Rang."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Nachdem die Residenz in Baden-Baden im Pfälzischen "
                                "Erbfolgekrieg zerstört worden war, ließ Markgraf Ludwig "
                                "Wilhelm von Baden-Baden, der als „Türkenlouis“ in die "
                                "Geschichte einging, ab 1700 in Rastatt ein neues "
                                "Schloss errichten. Nach dem Vorbild von Versailles "
                                "entstand die erste Barockresidenz am Oberrhein. Auf dem "
                                "Dach grüßt bis heute der „Goldene Mann“, das Wahrzeichen "
                                "der Stadt.",
                                "Die gesamte Innenstadt wurde im Barock planmäßig auf das Schloss "
                                "ausgerichtet – bis heute führen die großen Straßenachsen auf die "
                                "Residenz zu.",
                            ),
                        ),
                        ("heading", "Das Residenzschloss"),
                        (
                            "paragraph",
                            _p(
                                "Die Prunkräume mit Ahnensaal, Deckengemälden und "
                                "kostbarer Ausstattung können bei Führungen besichtigt "
                                "werden. Die Schlosskirche und die Pagodenburg im "
                                "Schlossgarten ergänzen das Ensemble. 1714 wurde im "
                                "Schloss der Friede von Rastatt geschlossen, der den "
                                "Spanischen Erbfolgekrieg zwischen Frankreich und dem "
                                "Kaiser beendete.",
                            ),
                        ),
                        ("heading", "Freiheitsbewegungen in der deutschen Geschichte"),
                        (
                            "paragraph",
                            _p(
                                "Im Schloss befindet sich die Erinnerungsstätte für die "
                                "Freiheitsbewegungen in der deutschen Geschichte, eine "
                                "Einrichtung des Bundesarchivs. Sie erinnert an die "
                                "Revolution von 1848/49, die in Rastatt mit der "
                                "Kapitulation der Bundesfestung im Juli 1849 endete, und "
                                "spannt den Bogen bis zur friedlichen Revolution in der "
                                "DDR. Der Eintritt ist frei. Ebenfalls im Schloss zeigt "
                                "das Wehrgeschichtliche Museum Militärgeschichte vom "
                                "Mittelalter bis ins 20. Jahrhundert.",
                                "Die Ausstellungen eignen sich gut für Schulklassen und werden "
                                "durch pädagogische Angebote ergänzt.",
                            ),
                        ),
                        ("heading", "Schloss Favorite und weitere Museen"),
                        (
                            "paragraph",
                            _ul(
                                "Schloss Favorite in Förch, das Lustschloss der "
                                "Markgräfin Sibylla Augusta, mit einer bedeutenden "
                                "Porzellansammlung",
                                "Stadtmuseum mit der Geschichte der Residenz- und Festungsstadt",
                                "Städtische Galerie Fruchthalle mit Ausstellungen "
                                "zeitgenössischer Kunst",
                                "Riedmuseum in Ottersdorf zum Leben in der Rheinniederung",
                            ),
                        ),
                        _info(
                            "Straßentheater",
                            "Regelmäßig verwandelt das internationale "
                            "Straßentheaterfestival „tête-à-tête“ die Innenstadt in eine "
                            "große Bühne. Den Veranstaltungskalender finden Sie bei der "
                            "Tourist-Information am Schloss.",
                        ),
                    ],
                },
                {
                    "title": "Familie & Bildung",
                    "slug": "familie-bildung",
                    "intro": (
                        "Kitas, Schulen und Freizeitangebote für Kinder und Jugendliche: "
                        "Rastatt unterstützt Familien in jeder Lebensphase."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Rastatt ist eine junge und wachsende Stadt. Damit Familien "
                                "sich hier wohlfühlen, baut die Stadt ihre Angebote für "
                                "Kinder und Jugendliche stetig aus – von der "
                                "Kleinkindbetreuung über moderne Schulen bis zu offenen "
                                "Treffs für Jugendliche. Zahlreiche Angebote entstehen "
                                "gemeinsam mit Kirchen, freien Trägern, Vereinen und "
                                "Initiativen.",
                                "Das Familienbüro im Rathaus ist Ihre erste Anlaufstelle für alle "
                                "Fragen rund um Kinderbetreuung, Elterngeld, Zuschüsse und "
                                "Beratungsangebote. Es hilft Ihnen auch, die passenden "
                                "Ansprechpartner im Landratsamt zu finden.",
                            ),
                        ),
                        ("heading", "Kinderbetreuung"),
                        (
                            "paragraph",
                            _p(
                                "In der Kernstadt und in allen Stadtteilen gibt es "
                                "Kindertageseinrichtungen in städtischer, kirchlicher und "
                                "freier Trägerschaft mit Krippen-, Kindergarten- und "
                                "Ganztagsplätzen. Die Vormerkung erfolgt zentral über das "
                                "Kita-Portal der Stadt Rastatt. Bitte melden Sie Ihren "
                                "Bedarf möglichst früh an, idealerweise bereits kurz nach "
                                "der Geburt Ihres Kindes. Tageseltern ergänzen das Angebot "
                                "vor allem für die Kleinsten.",
                            ),
                        ),
                        ("heading", "Schulen und Weiterbildung"),
                        (
                            "paragraph",
                            _p(
                                "Als Schulstadt bietet Rastatt alle Schularten: "
                                "Grundschulen in den Wohngebieten und Stadtteilen, "
                                "Gemeinschaftsschulen, Realschulen, Gymnasien sowie "
                                "berufliche Schulen und sonderpädagogische Bildungs- und "
                                "Beratungszentren. Viele Schülerinnen und Schüler kommen "
                                "aus dem Umland. Volkshochschule, Musikschule und "
                                "Stadtbibliothek ergänzen das Angebot für alle "
                                "Generationen.",
                                "Die Stadt investiert fortlaufend in ihre Schulgebäude, in "
                                "digitale Ausstattung und in Mensen für den Ganztagsbetrieb.",
                            ),
                        ),
                        _info(
                            "Ferienprogramm",
                            "In den Sommerferien lädt das städtische Ferienprogramm mit "
                            "Ausflügen, Kreativangeboten, Sport und Naturerlebnissen in den "
                            "Rheinauen ein. Die Anmeldung ist online möglich.",
                        ),
                        ("heading", "Angebote für Familien"),
                        (
                            "paragraph",
                            _ul(
                                "Familienpass mit Ermäßigungen in Bad, Museen und Bibliothek",
                                "Jugendzentren und mobile Jugendarbeit in mehreren Stadtteilen",
                                "Frühe Hilfen und Beratung für Eltern mit kleinen Kindern",
                                "Spielplätze, Skateanlage und Bolzplätze im ganzen Stadtgebiet",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Rhein, Murg & Natur",
                    "slug": "rhein-murg-natur",
                    "intro": (
                        "Auwälder, Altrheinarme und die Fähre ins Elsass: Rund um Rastatt "
                        "liegen einige der schönsten Naturlandschaften am Oberrhein."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Zwei Flüsse prägen Rastatt: Die Murg fließt mitten durch "
                                "die Stadt, und im Westen bildet der Rhein die Grenze zu "
                                "Frankreich. Entlang der Murg laden Grünanlagen, "
                                "Uferwege und Spielplätze zum Spazierengehen ein. Schon "
                                "wenige Kilometer weiter beginnt eine der "
                                "ursprünglichsten Auenlandschaften am Oberrhein.",
                                "Der Schlossgarten und die Anlagen rund um Schloss Favorite sind "
                                "weitere grüne Oasen, die zu jeder Jahreszeit zum Verweilen "
                                "einladen.",
                            ),
                        ),
                        ("heading", "Die Rastatter Rheinaue"),
                        (
                            "paragraph",
                            _p(
                                "Zwischen Plittersdorf, Ottersdorf und Wintersdorf liegt "
                                "das Naturschutzgebiet Rastatter Rheinaue. Altrheinarme, "
                                "Auwälder und Feuchtwiesen bieten Lebensraum für seltene "
                                "Vögel, Libellen und Amphibien. Regelmäßige Hochwasser "
                                "gehören hier zur Natur. Auf ausgeschilderten Wegen "
                                "können Sie die Aue zu Fuß und mit dem Rad erkunden; "
                                "bitte bleiben Sie dabei auf den Wegen.",
                                "Im Frühjahr, wenn die Auwälder in frischem Grün stehen und die "
                                "Vögel brüten, ist die Aue besonders eindrucksvoll.",
                            ),
                        ),
                        ("heading", "Mit der Fähre ins Elsass"),
                        (
                            "paragraph",
                            _p(
                                "Von Plittersdorf aus bringt die Rheinfähre Fußgänger, "
                                "Radfahrende und Autos hinüber nach Seltz im Elsass. Die "
                                "Überfahrt dauert nur wenige Minuten und ist ein "
                                "Erlebnis für die ganze Familie. Auf beiden Seiten "
                                "verläuft der Rheinradweg, der Rastatt mit Straßburg im "
                                "Süden und Karlsruhe im Norden verbindet.",
                                "Viele Ausflüglerinnen und Ausflügler verbinden die Überfahrt mit "
                                "einer Radtour durch die Dörfer und Wälder des nördlichen Elsass.",
                            ),
                        ),
                        _warning(
                            "Hochwasser",
                            "Bei Rheinhochwasser kann der Fährbetrieb eingestellt werden, "
                            "und Wege in der Aue können überflutet sein. Bitte beachten Sie "
                            "Sperrungen und betreten Sie überflutete Bereiche nicht.",
                        ),
                        ("heading", "Sport und Bewegung"),
                        (
                            "paragraph",
                            _ul(
                                "Städtisches Hallen- und Freibad mit Sauna",
                                "Zahlreiche Sportvereine von Kanu bis Leichtathletik",
                                "Laufstrecken im Schlossgarten und entlang der Murg",
                                "Naturkundliche Führungen durch die Rheinaue zu allen Jahreszeiten",
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Rheinstetten
# ---------------------------------------------------------------------------

_RHEINSTETTEN: dict[str, Any] = {
    "slug": "rheinstetten",
    "name": "Rheinstetten",
    "legal_name": "Stadt Rheinstetten",
    "status": "Große Kreisstadt",
    "district": "Landkreis Karlsruhe",
    "head_role": "Oberbürgermeister",
    "street": "Rappenwörthstraße 49",
    "postcode": "76287",
    "city": "Rheinstetten",
    "phone": "07242 9514-0",
    "fax": "07242 9514-199",
    "email": "rathaus@rheinstetten.example",
    "website_hint": "",
    "population": 21000,
    "tagline": "Junge Stadt zwischen Rheinauen und Messe",
    "intro": (
        "Willkommen in Rheinstetten! Aus den drei Orten Forchheim, Mörsch und Neuburgweier "
        "ist eine moderne Stadt am Rhein gewachsen – mit der Messe Karlsruhe vor der "
        "Haustür und den Rheinauen als grüner Lunge. Hier finden Sie alles zu Rathaus, "
        "Service und Leben in Rheinstetten."
    ),
    "opening_hours": [
        ("Montag, Dienstag und Freitag", "8:00–12:00 Uhr"),
        ("Mittwoch", "8:00–12:00 Uhr und 14:00–18:00 Uhr"),
        ("Donnerstag", "8:00–12:00 Uhr und 14:00–16:00 Uhr"),
    ],
    "supervisory_authority": "Regierungspräsidium Karlsruhe",
    "vat_id": "DE143380526",
    "sections": [
        {
            "title": "Rathaus & Service",
            "slug": "rathaus-service",
            "intro": (
                "Bürgerbüro, Abfall und Umwelt, Stadtverwaltung: Die wichtigsten Services "
                "der Stadt Rheinstetten auf einen Blick."
            ),
            "pages": [
                {
                    "title": "Bürgerbüro",
                    "slug": "buergerbuero",
                    "intro": (
                        "Das Bürgerbüro im Rathaus in der Rappenwörthstraße ist für alle "
                        "Einwohnerinnen und Einwohner aus Forchheim, Mörsch und "
                        "Neuburgweier da."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Egal ob Sie in Forchheim, Mörsch oder Neuburgweier "
                                "wohnen: Im Bürgerbüro der Stadt Rheinstetten erhalten "
                                "Sie die häufigsten Verwaltungsleistungen aus einer Hand. "
                                "Unser Team berät Sie persönlich und hilft Ihnen, Ihr "
                                "Anliegen möglichst bei einem einzigen Besuch zu "
                                "erledigen. Das Rathaus ist mit Bus und Stadtbahn "
                                "gut erreichbar; vor dem Gebäude gibt "
                                "es Parkplätze, darunter auch Stellplätze für Menschen "
                                "mit Behinderung.",
                                "Wer neu nach Rheinstetten zieht, muss sich innerhalb von "
                                "zwei Wochen anmelden. Bei dieser Gelegenheit erhalten "
                                "Sie gerne Informationen zu Kitas, Schulen, Vereinen und "
                                "zur Müllabfuhr.",
                            ),
                        ),
                        ("heading", "Das erledigen wir für Sie"),
                        (
                            "paragraph",
                            _ul(
                                "Wohnsitzan-, -um- und -abmeldung",
                                "Personalausweise und Reisepässe für Erwachsene und Kinder",
                                "Führungszeugnisse und Gewerbezentralregisterauszüge",
                                "Meldebescheinigungen und Haushaltsbescheinigungen",
                                "Beglaubigungen von Kopien und Unterschriften",
                                "Hundeanmeldung und Ausgabe der Hundesteuermarke",
                                "Anträge auf Wohngeld (Ausgabe und Annahme der Unterlagen)",
                            ),
                        ),
                        ("heading", "Öffnungszeiten"),
                        (
                            "paragraph",
                            _p(
                                "Montag, Dienstag und Freitag von 8:00 bis 12:00 Uhr. "
                                "Mittwoch von 8:00 bis 12:00 Uhr und von 14:00 bis 18:00 "
                                "Uhr. Donnerstag von 8:00 bis 12:00 Uhr und von 14:00 bis "
                                "16:00 Uhr. Am Mittwochnachmittag sind wir besonders für "
                                "Berufstätige bis in den frühen Abend erreichbar.",
                            ),
                        ),
                        _info(
                            "Messezeiten beachten",
                            "An Tagen mit großen Veranstaltungen auf dem Messegelände kann "
                            "es rund um Forchheim zu Verkehrsbehinderungen kommen. Planen "
                            "Sie für Ihren Termin im Rathaus dann etwas mehr Zeit ein.",
                        ),
                        ("heading", "Unterlagen"),
                        (
                            "paragraph",
                            _p(
                                "Bitte bringen Sie einen gültigen Personalausweis oder "
                                "Reisepass mit. Für die Anmeldung benötigen wir außerdem "
                                "die Wohnungsgeberbestätigung. Für Ausweisdokumente "
                                "brauchen Sie ein biometrisches Lichtbild, das Sie auch "
                                "bei uns im Bürgerbüro aufnehmen lassen können. Kinder "
                                "müssen bei der Beantragung eines Ausweises persönlich "
                                "anwesend sein; ab sechs Jahren werden Fingerabdrücke "
                                "für den Reisepass erfasst.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Abfall & Umwelt",
                    "slug": "abfall-umwelt",
                    "intro": (
                        "Müllabfuhr, Grüngut und Naturschutz in Rheinstetten: Was der "
                        "Landkreis regelt und wo die Stadt weiterhilft."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Die Abfallentsorgung ist im Landkreis Karlsruhe Aufgabe "
                                "des Abfallwirtschaftsbetriebs des Landkreises. Er "
                                "organisiert die Abfuhr von Restmüll, Bioabfall, Papier "
                                "und Verpackungen, erhebt die Abfallgebühren und betreibt "
                                "die Wertstoffstationen. Abfuhrtermine, Behälteränderungen "
                                "und Sperrmüllanmeldungen regeln Sie deshalb direkt mit "
                                "dem Landkreis, zum Beispiel über dessen Abfall-App.",
                                "Gelbe Säcke und Abfallkalender erhalten Sie darüber hinaus auch "
                                "im Bürgerbüro im Rathaus. Fragen zu Gebührenbescheiden "
                                "beantwortet ausschließlich der Abfallwirtschaftsbetrieb.",
                                "Ausgediente Elektrogeräte, Batterien und Schadstoffe nehmen die "
                                "Wertstoffstationen und das Schadstoffmobil des Landkreises an.",
                            ),
                        ),
                        ("heading", "Was die Stadt übernimmt"),
                        (
                            "paragraph",
                            _ul(
                                "Straßenreinigung und Leerung der öffentlichen Papierkörbe",
                                "Beseitigung wilder Müllablagerungen auf städtischen Flächen",
                                "Pflege von Grünanlagen, Spielplätzen und Straßenbäumen",
                                "Ausgabe von Abfallkalendern und Informationsmaterial im "
                                "Bürgerbüro",
                                "Beratung zu Klimaschutz, Energie und Förderprogrammen",
                            ),
                        ),
                        ("heading", "Grüngut"),
                        (
                            "paragraph",
                            _p(
                                "Rasenschnitt, Laub und Strauchschnitt aus Ihrem Garten "
                                "können Sie auf dem Grüngutplatz abgeben. Bitte trennen "
                                "Sie das Grüngut von anderen Abfällen und bringen Sie "
                                "keine Wurzelstöcke oder behandeltes Holz mit. Die "
                                "Öffnungszeiten richten sich nach der Jahreszeit und "
                                "werden im Amtsblatt veröffentlicht.",
                            ),
                        ),
                        _warning(
                            "Keine Abfälle in der Rheinaue",
                            "Gartenabfälle, Bauschutt oder Sperrmüll in den Auwäldern und "
                            "an Baggerseen zu entsorgen, ist verboten und schadet der Natur. "
                            "Verstöße werden mit empfindlichen Bußgeldern geahndet.",
                        ),
                        ("heading", "Natur- und Hochwasserschutz"),
                        (
                            "paragraph",
                            _p(
                                "Rheinstetten liegt in der Rheinniederung. Dämme schützen "
                                "die Wohngebiete vor Hochwasser. Im Rahmen des "
                                "Integrierten Rheinprogramms des Landes entsteht zwischen "
                                "Neuburgweier und Karlsruhe der Hochwasserrückhalteraum "
                                "Bellenkopf/Rappenwört. Bei extremem Hochwasser wird er "
                                "geflutet und entlastet so die Unterlieger am Rhein. "
                                "Zugleich entstehen wertvolle Auenlebensräume. Die Stadt "
                                "begleitet das Projekt und informiert regelmäßig über den "
                                "Stand der Arbeiten.",
                                "Wer sich über Hochwassergefahren für das eigene Grundstück "
                                "informieren möchte, findet in den Hochwassergefahrenkarten des "
                                "Landes verlässliche Angaben.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Stadtverwaltung",
                    "slug": "stadtverwaltung",
                    "intro": (
                        "Seit 2005 Große Kreisstadt: Aufbau der Stadtverwaltung Rheinstetten "
                        "und Arbeit des Gemeinderats."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Rheinstetten entstand am 1. Januar 1975 aus dem "
                                "Zusammenschluss der bis dahin selbstständigen Gemeinden "
                                "Forchheim, Mörsch und Neuburgweier. Seit 2005 ist "
                                "Rheinstetten Große Kreisstadt. Seitdem nimmt die "
                                "Stadtverwaltung zusätzliche Aufgaben als untere "
                                "Verwaltungsbehörde wahr, etwa im Baurecht und im "
                                "Straßenverkehrsrecht. Geleitet wird die Verwaltung vom "
                                "Oberbürgermeister, dem ein Erster Beigeordneter als "
                                "Bürgermeister zur Seite steht.",
                                "Die Verwaltung versteht sich als moderner Dienstleister, der die "
                                "Belange aller drei Stadtteile gleichermaßen im Blick behält.",
                                "Viele Leistungen können Sie inzwischen auch online beantragen, "
                                "ohne ins Rathaus kommen zu müssen.",
                            ),
                        ),
                        ("heading", "Die Ämter"),
                        (
                            "paragraph",
                            _ul(
                                "Hauptamt mit Personal, Organisation, IT und Öffentlichkeitsarbeit",
                                "Kämmerei mit Stadtkasse und Steuerabteilung",
                                "Ordnungsamt mit Bürgerbüro, Standesamt und Gewerbeangelegenheiten",
                                "Amt für Familie, Bildung und Soziales",
                                "Bauamt mit Stadtplanung, Baurecht, Hochbau und Tiefbau",
                                "Bauhof mit Grünflächenpflege und Winterdienst",
                            ),
                        ),
                        ("heading", "Gemeinderat"),
                        (
                            "paragraph",
                            _p(
                                "Der Gemeinderat ist das Hauptorgan der Stadt. Seine "
                                "Mitglieder kommen aus allen drei Stadtteilen und wurden "
                                "im Juni 2024 für fünf Jahre gewählt. Der Gemeinderat "
                                "entscheidet über den Haushalt, über Bebauungspläne, "
                                "städtische Bauprojekte und Satzungen. Vorberatende "
                                "Ausschüsse befassen sich mit technischen sowie mit "
                                "Verwaltungs- und Finanzfragen. Die öffentlichen "
                                "Sitzungen finden im Rathaus statt; Bürgerinnen und "
                                "Bürger können zu Beginn Fragen an die Verwaltung "
                                "richten.",
                            ),
                        ),
                        _quote(
                            "Drei Orte, eine Stadt: Das Zusammenwachsen von Forchheim, "
                            "Mörsch und Neuburgweier ist bis heute unsere gemeinsame "
                            "Aufgabe.",
                            "Leitbild der Stadt Rheinstetten",
                        ),
                        ("heading", "Zusammenarbeit in der Region"),
                        (
                            "paragraph",
                            _p(
                                "Als Nachbarin von Karlsruhe arbeitet Rheinstetten eng "
                                "mit der Stadt Karlsruhe, dem Landkreis und den "
                                "Nachbargemeinden zusammen – etwa im Nahverkehr, beim "
                                "Hochwasserschutz und in der Digitalisierung. Im Verbund "
                                "re@di – regional.digital entwickelt die Stadt gemeinsam "
                                "mit acht Partnerstädten digitale Verwaltungsleistungen.",
                            ),
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Leben in Rheinstetten",
            "slug": "leben",
            "intro": (
                "Messe, Rheinauen und drei Ortsteile mit eigenem Charakter: So lebt es sich "
                "in Rheinstetten."
            ),
            "pages": [
                {
                    "title": "Messe & Wirtschaft",
                    "slug": "messe-wirtschaft",
                    "intro": (
                        "Die Messe Karlsruhe auf Rheinstettener Gemarkung macht die Stadt "
                        "zu einem Treffpunkt für Besucherinnen und Besucher aus ganz Europa."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Auf dem Gelände des früheren Flugplatzes in Forchheim "
                                "wurde 2003 die Neue Messe Karlsruhe eröffnet. Mit ihren "
                                "großen, lichtdurchfluteten Hallen zählt sie zu den "
                                "modernen Messestandorten in Süddeutschland. "
                                "Fachmessen, Publikumsmessen, Kongresse, Konzerte und "
                                "Sportveranstaltungen bringen jedes Jahr zahlreiche "
                                "Gäste nach Rheinstetten. Betrieben wird die Messe von "
                                "der Karlsruher Messe- und Kongressgesellschaft.",
                                "Für die Stadt ist die Messe ein wichtiger Standortfaktor, der "
                                "Rheinstetten weit über die Region hinaus bekannt gemacht hat.",
                                "Die Stadt und die Messegesellschaft stimmen sich eng ab, damit "
                                "Anwohnerinnen und Anwohner möglichst wenig belastet werden.",
                            ),
                        ),
                        ("heading", "Veranstaltungen für alle"),
                        (
                            "paragraph",
                            _p(
                                "Das Programm reicht von der internationalen Kunstmesse "
                                "über Fachmessen für Bildungstechnologie und "
                                "Nutzfahrzeuge bis zur großen Verbrauchermesse im Herbst, "
                                "die viele Familien aus der Region besuchen. Auch "
                                "Konzerte und Sportereignisse finden in den Hallen statt. "
                                "Für Rheinstetten bedeutet die Messe Arbeitsplätze, "
                                "Aufträge für Hotels und Gastronomie und eine hohe "
                                "Bekanntheit.",
                            ),
                        ),
                        _info(
                            "Anreise zur Messe",
                            "Zu großen Messen verkehren zusätzliche Stadtbahnen und "
                            "Shuttlebusse. Bitte nutzen Sie nach Möglichkeit Bus und Bahn; "
                            "die Wohngebiete in Forchheim sind an Messetagen nicht zum "
                            "Parken vorgesehen.",
                        ),
                        ("heading", "Gewerbe und Mittelstand"),
                        (
                            "paragraph",
                            _p(
                                "Neben der Messe prägen Handwerk, Handel, Dienstleistung "
                                "und mittelständische Industrie die Wirtschaft in "
                                "Rheinstetten. Die Gewerbegebiete liegen verkehrsgünstig "
                                "an der Bundesstraße 36 und bieten kurze Wege nach "
                                "Karlsruhe, Rastatt und zur Autobahn. Die städtische "
                                "Wirtschaftsförderung berät bei Ansiedlungen, vermittelt "
                                "Flächen und vernetzt Betriebe untereinander.",
                                "Ein besonderes Anliegen ist ihr die Sicherung von "
                                "Ausbildungsplätzen für junge Menschen aus Rheinstetten.",
                            ),
                        ),
                        ("heading", "Einkaufen vor Ort"),
                        (
                            "paragraph",
                            _ul(
                                "Nahversorgung mit Lebensmittelmärkten in allen drei Stadtteilen",
                                "Wochenmärkte mit regionalen Erzeugnissen",
                                "Spargel und Erdbeeren direkt vom Hof in der Saison",
                                "Inhabergeführte Geschäfte, Bäckereien und Gaststätten",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Natur & Freizeit am Rhein",
                    "slug": "natur-freizeit",
                    "intro": (
                        "Auwälder, Baggerseen und Dämme: Die Rheinauen zwischen "
                        "Neuburgweier und Rappenwört sind Rheinstettens grünes Wohnzimmer."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Im Westen der Stadt beginnt eine Landschaft, die vom "
                                "Rhein geformt wurde. Altrheinarme, Auwälder und "
                                "Schilfflächen bieten Lebensraum für Eisvogel, Biber und "
                                "zahlreiche Amphibienarten. Die Hochwasserdämme sind "
                                "beliebte Wege für Spaziergänge, Radtouren und Inline-"
                                "Skating. Von Neuburgweier aus führen sie am Rhein entlang "
                                "bis zu den Auen bei Rappenwört an der Grenze zu "
                                "Karlsruhe.",
                                "Wer die Natur in Ruhe erleben will, ist frühmorgens oder am "
                                "Abend unterwegs. Dann lassen sich Reiher, Schwäne und mit etwas "
                                "Glück auch Spuren des Bibers beobachten.",
                                "Bitte leinen Sie Hunde in der Brut- und Setzzeit an.",
                            ),
                        ),
                        ("heading", "Baden und Erholen"),
                        (
                            "paragraph",
                            _p(
                                "Der Epplesee ist im Sommer ein beliebter Treffpunkt zum "
                                "Schwimmen, Sonnen und Picknicken. Bitte baden Sie nur in "
                                "den ausgewiesenen Bereichen und achten Sie auf die "
                                "Hinweise vor Ort. Gleich hinter der Stadtgrenze liegt "
                                "das traditionsreiche Rheinstrandbad Rappenwört, das "
                                "ebenfalls gern von Rheinstettener Familien besucht wird.",
                            ),
                        ),
                        _warning(
                            "Vorsicht am Rhein",
                            "Im Rhein zu baden ist lebensgefährlich. Strömung, Sog der "
                            "Schiffe und schnell wechselnde Wasserstände unterschätzen "
                            "viele Menschen. Bitte baden Sie nur in Seen und Bädern.",
                        ),
                        ("heading", "Sport in Rheinstetten"),
                        (
                            "paragraph",
                            _p(
                                "Zahlreiche Vereine bieten in Rheinstetten Sport, Musik, "
                                "Kultur und Geselligkeit an. Fußball, Handball, Turnen, "
                                "Tennis und Reiten gehören ebenso dazu wie Angeln und "
                                "Kanufahren. Die Stadt unterhält Sporthallen und "
                                "Sportplätze in allen Stadtteilen und unterstützt die "
                                "Vereine bei der Jugendarbeit.",
                                "Im Sommer lädt ein Ferienprogramm mit Angeboten der Vereine "
                                "Kinder und Jugendliche zum Mitmachen ein.",
                            ),
                        ),
                        ("heading", "Tipps für Ausflüge"),
                        (
                            "paragraph",
                            _ul(
                                "Radtour auf dem Rheinradweg nach Rastatt oder Karlsruhe",
                                "Naturkundliche Führungen durch die Rheinauen",
                                "Spaziergang am Federbach mit seinen alten Weiden",
                                "Beobachtung von Zugvögeln im Frühjahr und Herbst",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Ortsteile",
                    "slug": "ortsteile",
                    "intro": (
                        "Forchheim, Mörsch und Neuburgweier: drei Ortsteile, die gemeinsam "
                        "Rheinstetten bilden und doch ihre eigene Geschichte bewahrt haben."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Als Rheinstetten 1975 gegründet wurde, brachten die drei "
                                "Gemeinden eine lange eigene Geschichte mit. Der Name der "
                                "neuen Stadt erinnert an die Lage am Rhein und an die "
                                "Stätten, an denen Menschen seit Jahrhunderten siedeln. "
                                "Bis heute hat jeder Ortsteil seine Kirche, seine Vereine "
                                "und seine Feste.",
                                "Vieles wächst inzwischen zusammen: gemeinsame Schulen, ein "
                                "gemeinsames Vereinsleben und Veranstaltungen, die Menschen aus "
                                "allen drei Ortsteilen anziehen. Gleichzeitig legen die "
                                "Bürgerinnen und Bürger Wert darauf, dass die Eigenheiten ihres "
                                "Ortes erhalten bleiben.",
                            ),
                        ),
                        ("heading", "Forchheim"),
                        (
                            "paragraph",
                            _p(
                                "Forchheim ist der nördlichste Ortsteil und grenzt "
                                "direkt an Karlsruhe. Hier liegen das Messegelände, "
                                "wichtige Gewerbeflächen und der Wohnbereich "
                                "Silberstreifen. Die Stadtbahn verbindet Forchheim in "
                                "wenigen Minuten mit der Karlsruher Innenstadt.",
                                "Durch die gute Anbindung ist Forchheim besonders bei "
                                "Berufspendlerinnen und Berufspendlern beliebt.",
                            ),
                        ),
                        ("heading", "Mörsch"),
                        (
                            "paragraph",
                            _p(
                                "Mörsch ist ein lebendiger Ortsteil mit gewachsenem "
                                "Ortskern, Geschäften und Schulen. Der Federbach fließt "
                                "durch die Gemarkung und bildet mit seinen Wiesen einen "
                                "grünen Saum. Zahlreiche Vereine und Veranstaltungen "
                                "prägen das Gemeinschaftsleben.",
                                "Zu Fastnacht und bei den Straßenfesten im Sommer zeigt sich "
                                "Mörsch von seiner geselligsten Seite.",
                            ),
                        ),
                        ("heading", "Neuburgweier"),
                        (
                            "paragraph",
                            _p(
                                "Neuburgweier ist der kleinste Ortsteil und liegt direkt "
                                "am Rhein. Das ehemalige Fischerdorf hat sich seinen "
                                "ländlichen Charme bewahrt. Die Nähe zu Auwald und "
                                "Rheindamm macht Neuburgweier zu einem beliebten "
                                "Wohnort für Naturfreunde und zu einem Ausgangspunkt für "
                                "Radtouren entlang des Flusses.",
                                "Straßennamen und die Erzählungen der Älteren erinnern an "
                                "die Zeit, als der Fischfang am Rhein noch den Alltag "
                                "bestimmte.",
                            ),
                        ),
                        _info(
                            "Neu in Rheinstetten?",
                            "Im Bürgerbüro erhalten Sie eine Neubürgermappe mit Stadtplan, "
                            "Vereinsverzeichnis und den wichtigsten Ansprechpartnern in der "
                            "Verwaltung.",
                        ),
                    ],
                },
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Stutensee
# ---------------------------------------------------------------------------

_STUTENSEE: dict[str, Any] = {
    "slug": "stutensee",
    "name": "Stutensee",
    "legal_name": "Stadt Stutensee",
    "status": "Große Kreisstadt",
    "district": "Landkreis Karlsruhe",
    "head_role": "Oberbürgermeister",
    "street": "Rathausstraße 3",
    "postcode": "76297",
    "city": "Stutensee",
    "phone": "07244 969-0",
    "fax": "07244 969-109",
    "email": "rathaus@stutensee.example",
    "website_hint": "",
    "population": 25500,
    "tagline": "Fünf Stadtteile am Rand des Hardtwalds",
    "intro": (
        "Willkommen in Stutensee! Unsere junge Stadt am Rand des Hardtwalds vereint "
        "Blankenloch, Büchig, Friedrichstal, Spöck und Staffort. Hier finden Sie alle "
        "Informationen zu Rathaus und Bürgerservice sowie Tipps für Familie und Freizeit."
    ),
    "opening_hours": [
        ("Montag bis Freitag", "8:00–12:00 Uhr"),
        ("Dienstag", "14:00–18:00 Uhr"),
        ("Donnerstag", "14:00–16:00 Uhr"),
    ],
    "supervisory_authority": "Regierungspräsidium Karlsruhe",
    "vat_id": "DE143559102",
    "sections": [
        {
            "title": "Rathaus & Service",
            "slug": "rathaus-service",
            "intro": (
                "Bürgerbüro, Ordnung und Gewerbe, Stadtverwaltung: So erreichen Sie die Stadt "
                "Stutensee und erledigen Ihre Anliegen."
            ),
            "pages": [
                {
                    "title": "Bürgerbüro",
                    "slug": "buergerbuero",
                    "intro": (
                        "Das Bürgerbüro im Rathaus Blankenloch ist die zentrale "
                        "Anlaufstelle für Melde-, Pass- und Ausweisangelegenheiten in "
                        "Stutensee."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Im Bürgerbüro in der Rathausstraße in Blankenloch "
                                "erledigen Sie die meisten Behördengänge an einem Ort. "
                                "Es ist für alle fünf Stadtteile zuständig – Blankenloch, "
                                "Büchig, Friedrichstal, Spöck und Staffort. Das Rathaus "
                                "liegt in der Ortsmitte von Blankenloch und ist mit der "
                                "Stadtbahn und mehreren Buslinien gut zu erreichen. "
                                "Parkplätze gibt es direkt am Rathaus, darunter "
                                "Stellplätze für Menschen mit Behinderung.",
                                "Viele Leistungen, etwa Meldebescheinigungen oder "
                                "Führungszeugnisse, können Sie auch online beantragen. "
                                "Für Ausweise und Pässe ist dagegen ein persönlicher "
                                "Besuch erforderlich.",
                            ),
                        ),
                        ("heading", "Unsere Leistungen"),
                        (
                            "paragraph",
                            _ul(
                                "Anmeldung, Ummeldung und Abmeldung",
                                "Personalausweise und Reisepässe, auch für Kinder",
                                "Führungszeugnisse und Auskünfte aus dem Gewerbezentralregister",
                                "Meldebescheinigungen und Auskunftssperren",
                                "Beglaubigungen von Kopien und Unterschriften",
                                "Fischereischeine und Anträge auf Parkerleichterungen",
                                "Ausgabe von Gelben Säcken und Abfallkalendern",
                            ),
                        ),
                        ("heading", "Öffnungszeiten"),
                        (
                            "paragraph",
                            _p(
                                "Montag bis Freitag von 8:00 bis 12:00 Uhr. Am Dienstag "
                                "sind wir zusätzlich von 14:00 bis 18:00 Uhr und am "
                                "Donnerstag von 14:00 bis 16:00 Uhr für Sie da. Der "
                                "Dienstagnachmittag ist besonders bei Pendlerinnen und "
                                "Pendlern beliebt, die in Karlsruhe oder am Campus Nord "
                                "des KIT arbeiten.",
                            ),
                        ),
                        _info(
                            "Online-Termin",
                            "Mit einem vorab gebuchten Termin vermeiden Sie Wartezeiten. "
                            "Bitte geben Sie bei der Buchung an, wie viele Personen "
                            "vorsprechen und welche Anliegen Sie haben.",
                        ),
                        ("heading", "Was Sie mitbringen sollten"),
                        (
                            "paragraph",
                            _p(
                                "Bringen Sie bitte Ihren gültigen Personalausweis oder "
                                "Reisepass mit. Für die Anmeldung brauchen wir die "
                                "Wohnungsgeberbestätigung, für neue Ausweisdokumente ein "
                                "biometrisches Foto. Für Kinder unter 16 Jahren müssen "
                                "beide Sorgeberechtigten zustimmen; kommt nur ein "
                                "Elternteil, bringt er bitte eine schriftliche Zustimmung "
                                "und eine Ausweiskopie des anderen Elternteils mit. "
                                "Gebühren können Sie bar oder mit Karte bezahlen.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Ordnung & Gewerbe",
                    "slug": "ordnung-gewerbe",
                    "intro": (
                        "Gewerbeanmeldung, Veranstaltungen, Fundsachen und ein gutes "
                        "Miteinander: Das Ordnungsamt der Stadt Stutensee informiert."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Das Ordnungsamt kümmert sich um viele Dinge, die das "
                                "tägliche Zusammenleben betreffen. Als Große Kreisstadt "
                                "ist Stutensee in vielen Bereichen selbst zuständige "
                                "Behörde, zum Beispiel für das Gewerbe- und "
                                "Gaststättenrecht und für den Straßenverkehr. Unser Ziel "
                                "ist ein sicheres und rücksichtsvolles Miteinander in "
                                "allen fünf Stadtteilen.",
                                "Dabei setzen wir zunächst auf Information und Beratung. Erst "
                                "wenn Hinweise nicht beachtet werden, greifen wir zu Verwarnungen "
                                "oder Bußgeldern.",
                            ),
                        ),
                        ("heading", "Gewerbe anmelden"),
                        (
                            "paragraph",
                            _p(
                                "Wer in Stutensee ein Gewerbe beginnt, ummeldet oder "
                                "aufgibt, muss dies dem Gewerbeamt anzeigen. Die Anzeige "
                                "können Sie online oder persönlich abgeben. Für manche "
                                "Tätigkeiten brauchen Sie zusätzlich eine Erlaubnis, etwa "
                                "für den Betrieb einer Gaststätte mit Alkoholausschank, "
                                "für die Arbeit als Makler oder für ein Bewachungsgewerbe. "
                                "Wir beraten Sie gern, welche Unterlagen Sie benötigen.",
                                "Nach der Anmeldung informiert das Gewerbeamt automatisch weitere "
                                "Stellen wie das Finanzamt, die Industrie- und Handelskammer oder "
                                "die Handwerkskammer.",
                            ),
                        ),
                        ("heading", "Weitere Aufgaben"),
                        (
                            "paragraph",
                            _ul(
                                "Genehmigung von Straßenfesten, Märkten und Vereinsveranstaltungen",
                                "Verkehrsrechtliche Anordnungen und Halteverbotszonen",
                                "Fundbüro im Rathaus Blankenloch",
                                "Angelegenheiten nach der Polizeiverordnung, etwa "
                                "Ruhezeiten oder Verunreinigungen",
                                "Anzeigen von Brauchtumsfeuern und Genehmigungen für "
                                "Feuerwerk außerhalb des Jahreswechsels",
                            ),
                        ),
                        _info(
                            "Ruhezeiten",
                            "Rasenmäher und andere laute Gartengeräte dürfen in Wohngebieten "
                            "werktags von 20:00 bis 7:00 Uhr sowie an Sonn- und Feiertagen "
                            "ganztägig nicht betrieben werden. Bitte nehmen Sie auch sonst "
                            "Rücksicht auf Ihre Nachbarschaft.",
                        ),
                        ("heading", "Konflikte in der Nachbarschaft"),
                        (
                            "paragraph",
                            _p(
                                "Nicht jeder Streit braucht eine Behörde. Bei Konflikten "
                                "mit Nachbarn – etwa wegen überhängender Äste, "
                                "Grenzbepflanzung oder Lärm – empfehlen wir zunächst das "
                                "offene Gespräch. Hilft das nicht weiter, kann eine "
                                "anerkannte Gütestelle vermitteln. In Baden-Württemberg "
                                "ist ein solcher Schlichtungsversuch bei vielen "
                                "Nachbarstreitigkeiten vorgeschrieben, bevor eine Klage "
                                "erhoben werden kann.",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Stadtverwaltung",
                    "slug": "stadtverwaltung",
                    "intro": (
                        "Ämter, Gemeinderat und Stadtteile: So ist die Stadtverwaltung "
                        "Stutensee organisiert."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Die Stadt Stutensee entstand 1975 durch den "
                                "Zusammenschluss der Gemeinden Blankenloch, Friedrichstal, "
                                "Spöck und Staffort; Büchig gehörte bereits zu "
                                "Blankenloch. Benannt wurde die neue Gemeinde nach dem "
                                "Schloss Stutensee im Hardtwald. Heute ist Stutensee "
                                "Große Kreisstadt. Die Verwaltung wird vom "
                                "Oberbürgermeister geleitet; ein Erster Beigeordneter mit "
                                "der Amtsbezeichnung Bürgermeister vertritt ihn.",
                                "Die Verwaltung ist Dienstleisterin für rund 25.000 Menschen und "
                                "zugleich eine große Arbeitgeberin und ein Ausbildungsbetrieb in "
                                "der Region. Gemeinsam mit den Partnerstädten im Verbund re@di "
                                "treibt sie die Digitalisierung ihrer Leistungen voran.",
                                "Sprechzeiten, Ansprechpersonen und Durchwahlnummern der "
                                "einzelnen Ämter finden Sie im Online-Bürgerservice. Die "
                                "Telefonzentrale erreichen Sie unter 07244 969-0.",
                            ),
                        ),
                        ("heading", "Die Ämter"),
                        (
                            "paragraph",
                            _ul(
                                "Haupt- und Personalamt mit IT und Bürgerbeteiligung",
                                "Amt für Finanzen mit Stadtkasse und Steuerabteilung",
                                "Ordnungsamt mit Bürgerbüro, Standesamt und Gewerbe",
                                "Amt für Familie, Jugend, Senioren und Integration",
                                "Amt für Stadtentwicklung und Baurecht",
                                "Amt für Tiefbau, Umwelt und Klimaschutz",
                                "Bauhof und Stadtgärtnerei",
                            ),
                        ),
                        ("heading", "Gemeinderat"),
                        (
                            "paragraph",
                            _p(
                                "Der Gemeinderat ist das Hauptorgan der Stadt und "
                                "bestimmt über die Grundsätze der Stadtpolitik. Bei der "
                                "Kommunalwahl im Juni 2024 wurde er für fünf Jahre "
                                "gewählt. Er entscheidet über den Haushalt, über Bau- und "
                                "Sanierungsprojekte, über Kinderbetreuung und "
                                "Schulentwicklung sowie über die Satzungen der Stadt. "
                                "Vorbereitet werden die Entscheidungen in den "
                                "Ausschüssen. Die Sitzungen sind grundsätzlich öffentlich "
                                "und finden im Rathaus Blankenloch statt.",
                            ),
                        ),
                        ("heading", "Bürgerbeteiligung"),
                        (
                            "paragraph",
                            _p(
                                "Stutensee setzt auf das Mitwirken seiner Bürgerinnen und "
                                "Bürger. Bei größeren Vorhaben, etwa bei neuen "
                                "Wohngebieten, Spielplätzen oder Verkehrskonzepten, lädt "
                                "die Stadt zu Informationsveranstaltungen und "
                                "Beteiligungsformaten ein. Jugendliche können ihre "
                                "Anliegen in eigenen Jugendbeteiligungsformaten einbringen.",
                            ),
                        ),
                        _info(
                            "Amtsblatt",
                            "Das Amtsblatt der Stadt Stutensee erscheint wöchentlich und "
                            "enthält öffentliche Bekanntmachungen, Sitzungstermine und "
                            "Nachrichten aus Rathaus, Vereinen und Kirchengemeinden.",
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Leben in Stutensee",
            "slug": "leben",
            "intro": (
                "Fünf Stadtteile, ein Schloss im Wald und viel Natur: Stutensee ist ein "
                "lebenswerter Wohnort vor den Toren Karlsruhes."
            ),
            "pages": [
                {
                    "title": "Stadtteile",
                    "slug": "stadtteile",
                    "intro": (
                        "Blankenloch, Büchig, Friedrichstal, Spöck und Staffort: Jeder "
                        "Stadtteil Stutensees hat seine eigene Geschichte."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Stutensee liegt in der Hardt, der Landschaft am Rand "
                                "des Oberrheingrabens nördlich von Karlsruhe. Die fünf "
                                "Stadtteile sind von Wald, Feldern und Wiesen umgeben und "
                                "durch Stadtbahn und Buslinien miteinander und mit "
                                "Karlsruhe verbunden. Trotz der Nähe zur Großstadt haben "
                                "sich die Orte ihren dörflichen Charakter und ein reges "
                                "Vereinsleben bewahrt.",
                                "Rund 25.000 Menschen leben heute in Stutensee. Neue Wohngebiete "
                                "sind behutsam an die gewachsenen Ortskerne angefügt worden, "
                                "damit die Stadtteile ihren Charakter behalten.",
                                "Für den Alltag ist vieles vor Ort: Kindergärten, Grundschulen, "
                                "Bäckereien und Vereinsheime gibt es in jedem Stadtteil.",
                            ),
                        ),
                        ("heading", "Blankenloch und Büchig"),
                        (
                            "paragraph",
                            _p(
                                "Blankenloch ist der größte Stadtteil und Sitz des "
                                "Rathauses. Hier befinden sich Geschäfte, Ärzte, "
                                "weiterführende Schulen und die Stadtbahnhaltestellen in "
                                "Richtung Karlsruhe. Büchig, ein kleiner Stadtteil direkt "
                                "am Hardtwald, gehört seit Langem zu Blankenloch und ist "
                                "bei Familien wegen seiner ruhigen Lage geschätzt.",
                            ),
                        ),
                        ("heading", "Friedrichstal"),
                        (
                            "paragraph",
                            _p(
                                "Friedrichstal wurde 1699 von hugenottischen "
                                "Glaubensflüchtlingen aus Frankreich gegründet und nach "
                                "Markgraf Friedrich Magnus von Baden-Durlach benannt. Die "
                                "Neusiedler brachten den Tabakanbau mit, der den Ort über "
                                "Jahrhunderte prägte. Französische Familiennamen und alte "
                                "Tabakscheunen erinnern bis heute an diese Geschichte.",
                                "Straßen- und Vereinsnamen greifen die Tradition der "
                                "Gründerfamilien noch immer auf, und bei Ortsfesten wird die "
                                "gemeinsame Geschichte lebendig.",
                            ),
                        ),
                        ("heading", "Spöck und Staffort"),
                        (
                            "paragraph",
                            _p(
                                "Spöck liegt im Norden der Stadt und ist Endpunkt der "
                                "Stadtbahnlinie aus Karlsruhe. Der Ort ist von "
                                "landwirtschaftlichen Flächen umgeben und bietet "
                                "Hofläden mit regionalen Produkten. Staffort ist durch "
                                "das „Stafforter Buch“ von 1599 in die Kirchengeschichte "
                                "eingegangen, das im damaligen Schloss gedruckt wurde.",
                            ),
                        ),
                        _info(
                            "Ortsverwaltungen",
                            "In Friedrichstal, Spöck und Staffort gibt es Ortsverwaltungen "
                            "mit eigenen Sprechzeiten. Dort können Sie viele Anliegen "
                            "erledigen, ohne nach Blankenloch fahren zu müssen.",
                        ),
                    ],
                },
                {
                    "title": "Geschichte & Schloss Stutensee",
                    "slug": "geschichte-schloss",
                    "intro": (
                        "Ein markgräfliches Jagdschloss gab der Stadt ihren Namen. Eine "
                        "Spurensuche zwischen Hardtwald, Hugenotten und Tabak."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Der Name Stutensee ist älter als die Stadt selbst. Im "
                                "Hardtwald zwischen Blankenloch und Friedrichstal "
                                "unterhielten die badischen Markgrafen der Überlieferung "
                                "nach einst ein Gestüt für Stuten an einem kleinen See. "
                                "Im 18. Jahrhundert "
                                "entstand dort ein Jagdschloss, das dem Ort seinen Namen "
                                "gab. Als 1975 aus mehreren Gemeinden eine neue Stadt "
                                "entstand, wurde dieser Name gewählt, weil er keinen der "
                                "beteiligten Orte bevorzugte.",
                                "So wurde aus einem Flurnamen im Wald der Name einer ganzen Stadt.",
                            ),
                        ),
                        ("heading", "Schloss Stutensee heute"),
                        (
                            "paragraph",
                            _p(
                                "Das Schloss liegt idyllisch im Wald und ist über Rad- und "
                                "Wanderwege gut erreichbar. Es wird heute von einer "
                                "sozialen Einrichtung genutzt und kann deshalb nur von "
                                "außen besichtigt werden. Bitte nehmen Sie bei Ihrem "
                                "Besuch Rücksicht auf die Bewohnerinnen und Bewohner. Die "
                                "Alleen rund um das Schloss sind ein beliebtes Ziel für "
                                "Spaziergänge zu jeder Jahreszeit.",
                                "Ausgeschilderte Wege verbinden das Schloss mit Blankenloch "
                                "und Friedrichstal; unterwegs laden Bänke zur Rast ein.",
                            ),
                        ),
                        ("heading", "Hugenotten und Tabak"),
                        (
                            "paragraph",
                            _p(
                                "Die Gründung Friedrichstals durch Hugenotten ist ein "
                                "besonderes Kapitel der Stadtgeschichte. Die "
                                "Glaubensflüchtlinge fanden in Baden-Durlach Aufnahme "
                                "und machten die sandigen Böden der Hardt urbar. Über "
                                "Generationen war der Tabak die wichtigste Einnahmequelle. "
                                "Das Heimatmuseum in Friedrichstal erzählt von dieser "
                                "Zeit, von der Arbeit in den Tabakfeldern und vom Leben "
                                "in den Familien.",
                            ),
                        ),
                        _quote(
                            "Unsere Vorfahren kamen mit wenig Gepäck, aber mit viel Fleiß. "
                            "Das spürt man in Friedrichstal bis heute.",
                            "Eine Friedrichstalerin bei einer Ortsführung",
                        ),
                        (
                            "paragraph",
                            _ul(
                                "Historische Ortskerne mit Fachwerkhäusern in Blankenloch "
                                "und Spöck",
                                "Evangelische Kirchen in allen Stadtteilen, teils mit "
                                "mittelalterlichen Wurzeln",
                                "Alleen und Schneisen im Hardtwald, die auf die "
                                "markgräfliche Jagd zurückgehen",
                                "Ortsführungen zu Hugenottengeschichte und Tabakanbau",
                            ),
                        ),
                    ],
                },
                {
                    "title": "Familie & Freizeit",
                    "slug": "familie-freizeit",
                    "intro": (
                        "Kitas, Schulen, Sportvereine und der Hardtwald vor der Haustür: "
                        "Stutensee ist ein Ort für Familien."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Viele junge Familien haben sich in den vergangenen "
                                "Jahren für Stutensee entschieden. Sie schätzen die Nähe "
                                "zu Karlsruhe und zum Campus Nord des Karlsruher "
                                "Instituts für Technologie ebenso wie das Leben im "
                                "Grünen. Die Stadt hat deshalb in den Ausbau von Kitas "
                                "und Schulen investiert und baut die Angebote weiter aus.",
                                "Ansprechpartner für alle Fragen rund um Kinderbetreuung, "
                                "Zuschüsse und Beratung ist das Amt für Familie, Jugend, Senioren "
                                "und Integration im Rathaus Blankenloch.",
                                "Für Eltern mit kleinen Kindern gibt es außerdem Krabbelgruppen, "
                                "Eltern-Kind-Treffs und Beratungsangebote der Kirchengemeinden "
                                "und freien Träger.",
                            ),
                        ),
                        ("heading", "Kinderbetreuung und Schule"),
                        (
                            "paragraph",
                            _p(
                                "In allen Stadtteilen gibt es Kindertageseinrichtungen "
                                "städtischer, kirchlicher und freier Träger. Die "
                                "Anmeldung erfolgt zentral über das Kita-Portal der "
                                "Stadt. Jeder Stadtteil hat eine Grundschule; die "
                                "weiterführenden Schulen, darunter ein Gymnasium, liegen "
                                "in Blankenloch. Schulkindbetreuung und Ganztagsangebote "
                                "helfen Eltern, Familie und Beruf zu vereinbaren.",
                            ),
                        ),
                        _info(
                            "Ferienprogramm",
                            "In den Sommerferien bieten Vereine, Jugendhaus und Stadt ein "
                            "buntes Ferienprogramm an – von der Waldrallye im Hardtwald bis "
                            "zum Besuch bei der Feuerwehr. Die Anmeldung startet im Juni.",
                        ),
                        ("heading", "Sport und Vereine"),
                        (
                            "paragraph",
                            _p(
                                "Die Sportvereine in Stutensee bieten Fußball, Handball, "
                                "Turnen, Tennis, Leichtathletik und vieles mehr. "
                                "Musikvereine, Gesangvereine, Heimatvereine und die "
                                "Freiwillige Feuerwehr mit ihren Abteilungen in den "
                                "Stadtteilen prägen das Gemeinschaftsleben. Wer sich "
                                "ehrenamtlich engagieren möchte, findet im "
                                "Vereinsverzeichnis passende Ansprechpartner.",
                                "Zum Vereinsleben gehören auch zahlreiche Feste: Straßenfeste, "
                                "Kerwen und der Weihnachtsmarkt bringen Jung und Alt zusammen.",
                            ),
                        ),
                        ("heading", "Natur vor der Haustür"),
                        (
                            "paragraph",
                            _ul(
                                "Wander- und Radwege durch den Hardtwald bis nach Karlsruhe",
                                "Waldspielplätze und Trimm-dich-Pfad",
                                "Streuobstwiesen und Feldwege rund um Spöck und Staffort",
                                "Radtouren in die Rheinebene und zum Rhein",
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Alle Städte in der vorgegebenen Reihenfolge
# ---------------------------------------------------------------------------

TOWNS: list[dict[str, Any]] = [
    _BADEN_BADEN,
    _BRETTEN,
    _BRUCHSAL,
    _BUEHL,
    _ETTLINGEN,
    _GAGGENAU,
    _RASTATT,
    _RHEINSTETTEN,
    _STUTENSEE,
]


# ---------------------------------------------------------------------------
# Formular auf der Seite „Barrierefreiheit“
# ---------------------------------------------------------------------------

ACCESSIBILITY_FORM_INTRO: str = (
    "Sie sind auf eine Barriere gestoßen? Dann teilen Sie uns das bitte über das folgende "
    "Formular mit. Beschreiben Sie kurz, auf welcher Seite das Problem aufgetreten ist und "
    "worin es besteht. Angaben zu Ihrer Person sind freiwillig – ohne Kontaktdaten können wir "
    "Ihnen allerdings nicht antworten."
)

ACCESSIBILITY_FORM_THANKS: str = (
    "Vielen Dank für Ihre Rückmeldung! Wir haben Ihre Nachricht erhalten und prüfen den "
    "gemeldeten Mangel. Wenn Sie Kontaktdaten angegeben haben, erhalten Sie in der Regel "
    "innerhalb von zwei Wochen eine Antwort."
)


# ---------------------------------------------------------------------------
# Kleine Hilfsfunktionen für die Pflichtseiten
# ---------------------------------------------------------------------------

_RP_KARLSRUHE = "Regierungspräsidium Karlsruhe"


def _is_region(t: dict[str, Any]) -> bool:
    return t.get("slug") == "region"


def _domain(t: dict[str, Any]) -> str:
    """Eigene Domain, abgeleitet aus der zentralen E-Mail-Adresse."""
    return t["email"].split("@", 1)[1]


def _address(t: dict[str, Any]) -> str:
    return f"{t['legal_name']}, {t['street']}, {t['postcode']} {t['city']}"


def _contact_items(t: dict[str, Any]) -> list[str]:
    items = [f"Telefon: {t['phone']}"]
    if t.get("fax"):
        items.append(f"Telefax: {t['fax']}")
    items.append(f"E-Mail: {t['email']}")
    return items


def _represented_by(t: dict[str, Any]) -> str:
    return f"Vertreten durch den {t['head_role']}."


def _body_name(t: dict[str, Any]) -> str:
    """Bezeichnung der verantwortlichen Stelle im Fließtext."""
    if _is_region(t):
        return "die Geschäftsstelle re@di – regional.digital"
    return f"die {t['legal_name']}"


def _hours_plain(hours: str) -> str:
    """Macht aus „8:00–12:00 Uhr“ die Form „8:00 Uhr bis 12:00 Uhr“ (Leichte Sprache)."""
    parts = []
    for part in hours.split(" und "):
        if "–" in part:
            start, end = part.split("–", 1)
            part = f"{start} Uhr bis {end}"
        parts.append(part)
    return " und ".join(parts)


def _ls_word(word: str) -> str:
    """Gliedert lange Amtsbezeichnungen für die Leichte Sprache mit Bindestrich."""
    return word.replace("Oberbürgermeister", "Ober-Bürgermeister")


# ---------------------------------------------------------------------------
# Impressum
# ---------------------------------------------------------------------------


def impressum(t: dict[str, Any]) -> list[Block]:
    """Impressum nach § 5 DDG und § 18 Abs. 2 MStV für eine Stadt oder den Verbund."""
    if _is_region(t):
        legal_form = (
            "Die Geschäftsstelle ist bei der Stadt Rastatt angesiedelt. Rechtsträger ist die "
            "Stadt Rastatt, eine Gebietskörperschaft des öffentlichen Rechts, die die "
            "Geschäftsstelle im Auftrag der im Verbund zusammengeschlossenen Städte führt."
        )
        responsible = "die Leitung der Geschäftsstelle re@di, Anschrift wie oben"
        operation = (
            "Die Website wird von der Geschäftsstelle im Auftrag der neun Städte des Verbunds "
            "betrieben. Für die Inhalte der Websites der einzelnen Städte sind die jeweiligen "
            "Städte selbst verantwortlich."
        )
    else:
        legal_form = f"Die {t['legal_name']} ist eine Gebietskörperschaft des öffentlichen Rechts."
        responsible = f"die Leitung der Pressestelle der {t['legal_name']}, Anschrift wie oben"
        operation = (
            f"Die Website der {t['legal_name']} wird auf der gemeinsamen Plattform des "
            "Verbunds re@di – regional.digital betrieben, in dem neun Städte der Region "
            "zusammenarbeiten."
        )

    authority = t["supervisory_authority"]
    if authority == _RP_KARLSRUHE:
        authority = f"{_RP_KARLSRUHE}, Schlossplatz 1–3, 76131 Karlsruhe"

    return [
        ("heading", "Herausgeber"),
        (
            "paragraph",
            _p(_address(t), legal_form, _represented_by(t)),
        ),
        ("heading", "Kontakt"),
        ("paragraph", _ul(*_contact_items(t))),
        ("heading", "Umsatzsteuer-Identifikationsnummer"),
        (
            "paragraph",
            _p(f"Umsatzsteuer-Identifikationsnummer gemäß § 27a Umsatzsteuergesetz: {t['vat_id']}"),
        ),
        ("heading", "Zuständige Aufsichtsbehörde"),
        ("paragraph", _p(authority)),
        ("heading", "Verantwortlich für den Inhalt"),
        (
            "paragraph",
            _p(
                "Verantwortlich für journalistisch-redaktionelle Inhalte im Sinne von § 18 "
                f"Abs. 2 Medienstaatsvertrag (MStV) ist {responsible}."
            ),
        ),
        ("heading", "Haftung für Inhalte"),
        (
            "paragraph",
            _p(
                "Die Inhalte dieser Website werden mit größtmöglicher Sorgfalt erstellt und "
                "regelmäßig überprüft. Für die Richtigkeit, Vollständigkeit und Aktualität "
                "der Inhalte kann jedoch keine Gewähr übernommen werden. Rechtsverbindlich "
                "sind ausschließlich die amtlichen Bekanntmachungen in der durch die "
                "jeweilige Satzung bestimmten Form.",
                "Als Diensteanbieter sind wir für eigene Inhalte auf diesen Seiten nach den "
                "allgemeinen Gesetzen verantwortlich. Wir sind jedoch nicht verpflichtet, "
                "übermittelte oder gespeicherte fremde Informationen zu überwachen.",
            ),
        ),
        ("heading", "Haftung für Links"),
        (
            "paragraph",
            _p(
                "Diese Website enthält Verweise auf Websites Dritter, auf deren Inhalte wir "
                "keinen Einfluss haben. Für die Inhalte der verlinkten Seiten ist stets der "
                "jeweilige Anbieter oder Betreiber verantwortlich. Die verlinkten Seiten "
                "wurden zum Zeitpunkt der Verlinkung auf mögliche Rechtsverstöße überprüft. "
                "Werden uns Rechtsverletzungen bekannt, entfernen wir derartige Links "
                "umgehend.",
            ),
        ),
        ("heading", "Urheberrecht"),
        (
            "paragraph",
            _p(
                "Texte, Bilder, Grafiken und sonstige Inhalte dieser Website unterliegen dem "
                "Urheberrecht. Eine Vervielfältigung oder Verwendung außerhalb der Grenzen "
                "des Urheberrechts bedarf der vorherigen schriftlichen Zustimmung. Soweit "
                "Inhalte nicht von uns erstellt wurden, werden die Rechte Dritter beachtet "
                "und entsprechend gekennzeichnet.",
                "Der Quellcode der Plattform ist unter einer freien Lizenz veröffentlicht; "
                "für ihn gelten die jeweiligen Lizenzbedingungen.",
            ),
        ),
        ("heading", "Technischer Betrieb"),
        ("paragraph", _p(operation)),
        ("heading", "Verbraucherstreitbeilegung"),
        (
            "paragraph",
            _p(
                "Als öffentliche Stelle nehmen wir nicht an Streitbeilegungsverfahren vor "
                "einer Verbraucherschlichtungsstelle teil und sind dazu auch nicht "
                "verpflichtet."
            ),
        ),
    ]


# ---------------------------------------------------------------------------
# Datenschutzerklärung
# ---------------------------------------------------------------------------


def datenschutz(t: dict[str, Any]) -> list[Block]:
    """Datenschutzerklärung einer öffentlichen Stelle nach DSGVO und LDSG BW."""
    body = _body_name(t)
    dpo_mail = f"datenschutz@{_domain(t)}"
    return [
        (
            "paragraph",
            _p(
                f"Der Schutz Ihrer personenbezogenen Daten ist uns wichtig. Mit dieser "
                f"Erklärung informiert {body} Sie darüber, welche Daten beim Besuch dieser "
                "Website verarbeitet werden, zu welchen Zwecken dies geschieht und welche "
                "Rechte Ihnen zustehen.",
            ),
        ),
        ("heading", "1. Verantwortlicher"),
        (
            "paragraph",
            _p(
                "Verantwortlich im Sinne der Datenschutz-Grundverordnung (DSGVO) ist:",
                _address(t),
                _represented_by(t),
            )
            + _ul(*_contact_items(t)),
        ),
        ("heading", "2. Datenschutzbeauftragte oder Datenschutzbeauftragter"),
        (
            "paragraph",
            _p(
                "Für Fragen zum Datenschutz steht Ihnen die oder der behördliche "
                "Datenschutzbeauftragte zur Verfügung. Sie erreichen diese Stelle unter der "
                "oben genannten Anschrift mit dem Zusatz „Datenschutzbeauftragte/"
                f"Datenschutzbeauftragter“ oder per E-Mail an {dpo_mail}.",
            ),
        ),
        ("heading", "3. Zwecke und Rechtsgrundlagen der Verarbeitung"),
        (
            "paragraph",
            _p(
                "Wir verarbeiten personenbezogene Daten, um Ihnen unser Informationsangebot "
                "bereitzustellen und Ihre Anliegen zu bearbeiten. Rechtsgrundlage ist in der "
                "Regel Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit § 4 des "
                "Landesdatenschutzgesetzes Baden-Württemberg (LDSG), da die Verarbeitung zur "
                "Erfüllung einer Aufgabe erforderlich ist, die im öffentlichen Interesse "
                "liegt oder in Ausübung öffentlicher Gewalt erfolgt.",
                "Soweit wir rechtlich zur Verarbeitung verpflichtet sind, ist Art. 6 Abs. 1 "
                "lit. c DSGVO Rechtsgrundlage. Haben Sie in eine Verarbeitung eingewilligt, "
                "beruht sie auf Art. 6 Abs. 1 lit. a DSGVO. Eine Einwilligung können Sie "
                "jederzeit mit Wirkung für die Zukunft widerrufen.",
            ),
        ),
        ("heading", "4. Server-Logfiles"),
        (
            "paragraph",
            _p(
                "Bei jedem Aufruf dieser Website werden automatisch Informationen in "
                "sogenannten Server-Logfiles gespeichert:",
            )
            + _ul(
                "IP-Adresse des anfragenden Geräts",
                "Datum und Uhrzeit des Zugriffs",
                "aufgerufene Seite oder Datei sowie übertragene Datenmenge",
                "Statuscode der Anfrage",
                "zuvor besuchte Seite (Referrer), sofern übermittelt",
                "verwendeter Browser und Betriebssystem",
            )
            + _p(
                "Diese Daten benötigen wir, um die Website technisch bereitzustellen und "
                "ihre Sicherheit zu gewährleisten, etwa zur Abwehr von Angriffen. Die "
                "Logfiles werden nach 7 Tagen automatisch gelöscht. Eine längere "
                "Speicherung erfolgt nur, wenn dies zur Aufklärung eines konkreten "
                "Sicherheitsvorfalls erforderlich ist. Eine Zusammenführung mit anderen "
                "Datenquellen findet nicht statt.",
            ),
        ),
        ("heading", "5. Cookies"),
        (
            "paragraph",
            _p(
                "Diese Website verwendet ausschließlich ein technisch notwendiges "
                "Sitzungs-Cookie. Es wird nur gesetzt, wenn Sie ein Formular nutzen oder "
                "sich anmelden, und dient dazu, Ihre Eingaben sicher zu übermitteln und "
                "Missbrauch zu verhindern. Das Cookie wird gelöscht, wenn Sie Ihren Browser "
                "schließen. Rechtsgrundlage ist § 25 Abs. 2 Nr. 2 des "
                "Telekommunikation-Digitale-Dienste-Datenschutz-Gesetzes (TDDDG).",
                "Wir setzen keine Cookies oder vergleichbaren Techniken zu Analyse-, "
                "Tracking- oder Werbezwecken ein. Es findet keine Reichweitenmessung und "
                "keine Profilbildung statt.",
            ),
        ),
        ("heading", "6. Keine Übermittlung an Dritte, externe Inhalte"),
        (
            "paragraph",
            _p(
                "Ihre Daten werden grundsätzlich nicht an Dritte übermittelt. Mit dem "
                "technischen Betrieb der Plattform ist ein kommunaler IT-Dienstleister "
                "beauftragt, der die Daten ausschließlich in unserem Auftrag und nach "
                "unseren Weisungen verarbeitet (Art. 28 DSGVO). Eine Übermittlung in Staaten "
                "außerhalb der Europäischen Union findet nicht statt.",
                "Schriftarten und alle übrigen Bestandteile der Website werden von unserem "
                "eigenen Server geladen. Karten und Videos externer Anbieter binden wir nur "
                "über eine Zwei-Klick-Lösung ein: Erst wenn Sie aktiv zustimmen, wird eine "
                "Verbindung zum jeweiligen Anbieter hergestellt und dabei insbesondere Ihre "
                "IP-Adresse übertragen. Rechtsgrundlage ist dann Ihre Einwilligung nach "
                "Art. 6 Abs. 1 lit. a DSGVO.",
            ),
        ),
        ("heading", "7. Kontaktformulare und E-Mail"),
        (
            "paragraph",
            _p(
                "Wenn Sie uns über ein Formular oder per E-Mail kontaktieren, verarbeiten wir "
                "die von Ihnen angegebenen Daten, um Ihr Anliegen zu bearbeiten. Pflichtfelder "
                "sind gekennzeichnet; alle weiteren Angaben sind freiwillig. Ihre Nachricht "
                "wird innerhalb der Verwaltung nur an die zuständige Stelle weitergeleitet.",
                "Die Daten werden gelöscht, sobald sie für die Bearbeitung nicht mehr "
                "erforderlich sind und keine gesetzlichen Aufbewahrungsfristen "
                "entgegenstehen. Formulare werden verschlüsselt übertragen. Bitte beachten "
                "Sie, dass unverschlüsselte E-Mails auf dem Übertragungsweg von Dritten "
                "gelesen werden können.",
                "Online-Anträge: Ihre Angaben und hochgeladenen Dateien werden nur für die "
                "Bearbeitung des Antrags verwendet und nicht öffentlich gespeichert. Nach dem "
                "Abschluss des Vorgangs bleiben sie so lange gespeichert, wie es beim "
                "jeweiligen Antrag angegeben ist (zwischen 7 Tagen und 2 Jahren); danach "
                "werden sie gelöscht oder so anonymisiert, dass nur die Vorgangsnummer und "
                "statistische Angaben bleiben. Zwischengespeicherte, nicht abgeschickte "
                "Anträge werden nach 30 Tagen gelöscht, versandte Benachrichtigungen nach "
                "30 Tagen. Zum Schutz vor automatisierten Anfragen wird Ihre IP-Adresse "
                "höchstens eine Stunde lang gezählt, nicht gespeichert.",
            ),
        ),
        ("heading", "8. Ihre Rechte"),
        (
            "paragraph",
            _p("Sie haben gegenüber uns folgende Rechte hinsichtlich Ihrer Daten:")
            + _ul(
                "Recht auf Auskunft (Art. 15 DSGVO)",
                "Recht auf Berichtigung (Art. 16 DSGVO)",
                "Recht auf Löschung (Art. 17 DSGVO)",
                "Recht auf Einschränkung der Verarbeitung (Art. 18 DSGVO)",
                "Recht auf Datenübertragbarkeit, soweit anwendbar (Art. 20 DSGVO)",
                "Recht auf Widerspruch gegen die Verarbeitung (Art. 21 DSGVO)",
            )
            + _p(
                "Zur Ausübung Ihrer Rechte genügt eine formlose Mitteilung an die oben "
                "genannten Kontaktdaten oder an die Datenschutzbeauftragte bzw. den "
                "Datenschutzbeauftragten.",
            ),
        ),
        ("heading", "9. Beschwerderecht bei der Aufsichtsbehörde"),
        (
            "paragraph",
            _p(
                "Wenn Sie der Ansicht sind, dass die Verarbeitung Ihrer Daten gegen "
                "Datenschutzrecht verstößt, können Sie sich bei der zuständigen "
                "Aufsichtsbehörde beschweren:",
                "Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit "
                "Baden-Württemberg, Lautenschlagerstraße 20, 70173 Stuttgart",
            ),
        ),
        ("heading", "10. Stand"),
        (
            "paragraph",
            _p(
                "Stand dieser Datenschutzerklärung: November 2026. Wir passen sie an, wenn "
                "sich die Rechtslage oder unser Angebot ändert."
            ),
        ),
    ]


# ---------------------------------------------------------------------------
# Erklärung zur Barrierefreiheit
# ---------------------------------------------------------------------------


def barrierefreiheit(t: dict[str, Any]) -> list[Block]:
    """Erklärung zur Barrierefreiheit nach § 10 L-BGG Baden-Württemberg."""
    body = _body_name(t)
    website = f"www.{_domain(t)}"
    return [
        (
            "paragraph",
            _p(
                f"{body[0].upper()}{body[1:]} ist bemüht, ihre Website im Einklang mit § 10 "
                "Absatz 1 des Landes-Behindertengleichstellungsgesetzes Baden-Württemberg "
                "(L-BGG) barrierefrei zugänglich zu machen. Das L-BGG setzt die Richtlinie "
                "(EU) 2016/2102 über den barrierefreien Zugang zu den Websites und mobilen "
                "Anwendungen öffentlicher Stellen um. Maßstab für die technischen "
                "Anforderungen sind die Europäische Norm EN 301 549 und die Vorgaben der "
                "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0).",
                f"Diese Erklärung zur Barrierefreiheit gilt für die Website {website}.",
            ),
        ),
        ("heading", "Stand der Vereinbarkeit mit den Anforderungen"),
        (
            "paragraph",
            _p(
                "Diese Website ist wegen der nachstehend aufgeführten Unvereinbarkeiten und "
                "Ausnahmen weitgehend mit den Anforderungen vereinbar. Bei der Entwicklung "
                "der gemeinsamen Plattform wurde von Anfang an auf Barrierefreiheit "
                "geachtet: Die Seiten lassen sich mit der Tastatur bedienen, sind für "
                "Screenreader strukturiert, verwenden ausreichende Kontraste und können "
                "ohne Verlust von Inhalten vergrößert werden.",
            ),
        ),
        ("heading", "Nicht barrierefreie Inhalte"),
        (
            "paragraph",
            _ul(
                "Einige ältere PDF-Dokumente, etwa frühere Ausgaben des Amtsblatts, "
                "Satzungen und Formulare, sind nicht oder nicht vollständig barrierefrei. "
                "Neue Dokumente werden nach und nach barrierefrei erstellt.",
                "Eingebettete Karten externer Anbieter werden erst nach Ihrer Zustimmung "
                "geladen und sind nicht vollständig mit der Tastatur und mit Screenreadern "
                "bedienbar. Adressen und Wegbeschreibungen finden Sie zusätzlich im Text.",
                "Ältere Videos verfügen teilweise noch nicht über Untertitel oder Transkripte.",
                "Einzelne Bilder in älteren Beiträgen haben noch keinen aussagekräftigen "
                "Alternativtext.",
            )
            + _p(
                "Benötigen Sie einen dieser Inhalte in barrierefreier Form, wenden Sie sich "
                "bitte an uns. Wir stellen Ihnen die Informationen nach Möglichkeit in einer "
                "für Sie zugänglichen Form zur Verfügung.",
            ),
        ),
        ("heading", "Erstellung dieser Erklärung"),
        (
            "paragraph",
            _p(
                "Diese Erklärung wurde am 25.11.2026 erstellt. Grundlage ist eine "
                "Selbstbewertung, bei der die Seiten mit automatischen Prüfwerkzeugen und "
                "manuell, unter anderem mit Tastatur und Screenreader, getestet wurden. Die "
                "Erklärung wird regelmäßig überprüft und bei Bedarf aktualisiert.",
            ),
        ),
        ("heading", "Feedback und Kontaktangaben"),
        (
            "paragraph",
            _p(
                "Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten dieser Website "
                "aufgefallen? Dann nutzen Sie bitte das Formular unten auf dieser Seite. Sie "
                "können uns Ihr Anliegen auch auf anderem Weg mitteilen:",
            )
            + _ul(
                f"Telefon: {t['phone']}",
                f"E-Mail: {t['email']}",
                f"Post: {_address(t)}",
            ),
        ),
        ("heading", "Durchsetzungsverfahren"),
        (
            "paragraph",
            _p(
                "Wenn Sie auf Ihre Mitteilung keine oder keine zufriedenstellende Antwort "
                "erhalten haben, können Sie sich an die "
                "Ombudsstelle wenden. Sie ist bei der Beauftragten der Landesregierung für "
                "die Belange von Menschen mit Behinderungen angesiedelt, vermittelt "
                "unabhängig und hilft, Konflikte außergerichtlich zu lösen. Das Verfahren "
                "ist für Sie kostenlos.",
                "Ombudsstelle bei der Landes-Behindertenbeauftragten Baden-Württemberg, "
                "Else-Josenhans-Straße 6, 70173 Stuttgart",
            ),
        ),
    ]


# ---------------------------------------------------------------------------
# Leichte Sprache
# ---------------------------------------------------------------------------

_LS_FACTS: dict[str, list[str]] = {
    "baden-baden": [
        "Baden-Baden ist bekannt für warmes Wasser aus der Erde.",
        "Das Wasser fließt in große Bäder.",
        "Dort können Menschen baden und sich erholen.",
    ],
    "bretten": [
        "In Bretten ist ein berühmter Mann geboren.",
        "Er heißt Philipp Melanchthon.",
        "Er hat vor über 500 Jahren gelebt.",
        "Jedes Jahr gibt es in Bretten ein großes Fest.",
        "Das Fest heißt: Peter-und-Paul-Fest.",
    ],
    "bruchsal": [
        "In Bruchsal gibt es ein großes Schloss.",
        "Im Schloss ist ein Museum mit Musik-Automaten.",
        "Musik-Automaten sind Maschinen.",
        "Sie machen von allein Musik.",
    ],
    "buehl": [
        "Bühl ist bekannt für Zwetschgen.",
        "Zwetschgen sind Früchte.",
        "Sie sind lila und süß.",
        "Jedes Jahr im September gibt es ein großes Zwetschgen-Fest.",
    ],
    "ettlingen": [
        "In Ettlingen gibt es ein Schloss.",
        "Im Sommer spielen Menschen im Schloss-Hof Theater.",
        "Durch die Stadt fließt ein Fluss.",
        "Der Fluss heißt Alb.",
    ],
    "gaggenau": [
        "In Gaggenau hat man früher den Unimog gebaut.",
        "Der Unimog ist ein besonderes Fahrzeug.",
        "Es gibt ein Museum für den Unimog.",
        "Im Stadt-Teil Bad Rotenfels gibt es ein Bad mit warmem Wasser.",
    ],
    "rastatt": [
        "In Rastatt gibt es ein großes Schloss.",
        "Das Schloss ist über 300 Jahre alt.",
        "Im Schloss ist ein Museum.",
        "Das Museum erzählt von Menschen, die für Freiheit gekämpft haben.",
    ],
    "rheinstetten": [
        "Rheinstetten hat 3 Stadt-Teile.",
        "Sie heißen: Forchheim, Mörsch und Neuburgweier.",
        "In Rheinstetten ist die Messe Karlsruhe.",
        "Eine Messe ist eine große Ausstellung.",
    ],
    "stutensee": [
        "Stutensee hat 5 Stadt-Teile.",
        "Sie heißen: Blankenloch, Büchig, Friedrichstal, Spöck und Staffort.",
        "Neben der Stadt ist ein großer Wald.",
        "Der Wald heißt Hardt-Wald.",
    ],
}

_ANFAHRT: dict[str, list[str]] = {
    "baden-baden": [
        "Das Rathaus ist in der Alt-Stadt.",
        "Es ist am Markt-Platz.",
        "Vom Bahnhof fahren Busse in die Innen-Stadt.",
        "Steigen Sie am Leopolds-Platz aus.",
        "Dann gehen Sie zu Fuß zum Markt-Platz.",
        "Der Weg geht ein wenig bergauf.",
    ],
    "bretten": [
        "Das Rathaus ist in der Innen-Stadt.",
        "Es ist nah am Markt-Platz.",
        "Vom Bahnhof gehen Sie ungefähr 10 Minuten zu Fuß.",
    ],
    "bruchsal": [
        "Das Rathaus ist in der Kaiser-Straße.",
        "Die Kaiser-Straße ist in der Innen-Stadt.",
        "Vom Bahnhof gehen Sie ungefähr 10 Minuten zu Fuß.",
    ],
    "buehl": [
        "Das Rathaus ist in der Haupt-Straße.",
        "Die Haupt-Straße ist in der Innen-Stadt.",
        "Vom Bahnhof gehen Sie ungefähr 10 Minuten zu Fuß.",
    ],
    "ettlingen": [
        "Das Rathaus ist am Markt-Platz.",
        "Der Markt-Platz ist in der Alt-Stadt.",
        "Fahren Sie mit der Stadt-Bahn bis zur Halte-Stelle Ettlingen Stadt.",
        "Von dort gehen Sie ungefähr 5 Minuten zu Fuß.",
    ],
    "gaggenau": [
        "Das Rathaus ist in der Haupt-Straße.",
        "Fahren Sie mit der Stadt-Bahn bis zum Bahnhof Gaggenau.",
        "Von dort gehen Sie nur wenige Minuten zu Fuß.",
    ],
    "rastatt": [
        "Das Rathaus ist am Markt-Platz.",
        "Der Markt-Platz ist in der Innen-Stadt.",
        "Neben dem Rathaus steht eine große Kirche.",
        "Vom Bahnhof fahren Busse in die Innen-Stadt.",
        "Sie können auch zu Fuß gehen.",
        "Das dauert ungefähr 15 Minuten.",
    ],
    "rheinstetten": [
        "Das Rathaus ist in der Rappenwörth-Straße.",
        "Sie können mit dem Bus oder mit der Stadt-Bahn kommen.",
        "Vor dem Rathaus gibt es Park-Plätze.",
    ],
    "stutensee": [
        "Das Rathaus ist im Stadt-Teil Blankenloch.",
        "Fahren Sie mit der Stadt-Bahn bis Blankenloch.",
        "Von der Halte-Stelle gehen Sie nur wenige Minuten zu Fuß.",
        "Am Rathaus gibt es Park-Plätze.",
    ],
}
_ANFAHRT["region"] = _ANFAHRT["rastatt"]

_REGION_TOWN_NAMES = [
    "Baden-Baden",
    "Bretten",
    "Bruchsal",
    "Bühl",
    "Ettlingen",
    "Gaggenau",
    "Rastatt",
    "Rheinstetten",
    "Stutensee",
]


def _ls_address(t: dict[str, Any]) -> str:
    return _p("Die Adresse ist:") + _ul(
        t["legal_name"], t["street"], f"{t['postcode']} {t['city']}"
    )


def _ls_hours(t: dict[str, Any], place: str) -> list[Block]:
    return [
        ("heading", f"Wann ist {place} offen?"),
        (
            "paragraph",
            _p(f"{place[0].upper()}{place[1:]} ist zu diesen Zeiten offen:")
            + _ul(*(f"{days}: {_hours_plain(hours)}" for days, hours in t["opening_hours"]))
            + _p(
                "Bitte machen Sie vorher einen Termin.",
                "Dann müssen Sie nicht lange warten.",
            ),
        ),
    ]


def _ls_contact(t: dict[str, Any]) -> list[Block]:
    return [
        ("heading", "So erreichen Sie uns"),
        (
            "paragraph",
            _p(
                "Sie können uns anrufen.",
                f"Die Telefon-Nummer ist: {t['phone']}",
                "Sie können uns auch eine E-Mail schreiben.",
                f"Die E-Mail-Adresse ist: {t['email']}",
            ),
        ),
    ]


def leichte_sprache(t: dict[str, Any]) -> list[Block]:
    """Kurzinformation in Leichter Sprache für eine Stadt oder den Verbund."""
    name = t["name"]
    directions = _ANFAHRT.get(t.get("slug", ""), [])

    if _is_region(t):
        return [
            ("heading", "Willkommen"),
            (
                "paragraph",
                _p(
                    "Das ist die Internet-Seite von re@di.",
                    "Hier finden Sie Infos über re@di.",
                    "Die Texte sind in Leichter Sprache.",
                ),
            ),
            ("heading", "Was ist re@di?"),
            (
                "paragraph",
                _p(
                    "re@di ist ein Verbund.",
                    "Ein Verbund ist eine Gruppe.",
                    "In der Gruppe arbeiten 9 Städte zusammen.",
                    "Die Städte heißen:",
                )
                + _ul(*_REGION_TOWN_NAMES),
            ),
            ("heading", "Was macht re@di?"),
            (
                "paragraph",
                _p(
                    "Die Städte machen zusammen Angebote im Internet.",
                    "Zum Beispiel können Sie Anträge im Internet stellen.",
                    "Ein Antrag ist eine Bitte an die Stadt.",
                    "Den Antrag schicken Sie über das Internet.",
                    "Dann müssen Sie nicht ins Rathaus gehen.",
                ),
            ),
            ("heading", "Das Büro von re@di"),
            (
                "paragraph",
                _p(
                    "Das Büro von re@di heißt: Geschäfts-Stelle.",
                    "Die Geschäfts-Stelle ist im Rathaus in Rastatt.",
                )
                + _ls_address(t)
                + _p(*directions),
            ),
            *_ls_hours(t, "die Geschäfts-Stelle"),
            *_ls_contact(t),
            ("heading", "Sie brauchen einen Ausweis?"),
            (
                "paragraph",
                _p(
                    "Die Geschäfts-Stelle macht keine Ausweise.",
                    "Bitte gehen Sie dafür zum Bürger-Büro in Ihrer Stadt.",
                ),
            ),
        ]

    population = f"{round(t['population'], -3):,}".replace(",", ".")
    head = _ls_word(t["head_role"])
    return [
        ("heading", "Willkommen"),
        (
            "paragraph",
            _p(
                f"Das ist die Internet-Seite von der Stadt {name}.",
                "Hier finden Sie Infos über die Stadt.",
                "Und über das Rathaus.",
                "Die Texte sind in Leichter Sprache.",
            ),
        ),
        ("heading", f"Die Stadt {name}"),
        (
            "paragraph",
            _p(
                f"In {name} wohnen ungefähr {population} Menschen.",
                f"{name} ist im Bundes-Land Baden-Württemberg.",
                *_LS_FACTS.get(t["slug"], []),
            ),
        ),
        ("heading", "Das Rathaus"),
        (
            "paragraph",
            _p(
                "Im Rathaus ist die Stadt-Verwaltung.",
                "Dort arbeiten viele Menschen.",
                f"Sie arbeiten für die Menschen in {name}.",
                f"Der Chef von der Stadt-Verwaltung ist der {head}.",
                f"Er wird von den Menschen in {name} gewählt.",
            ),
        ),
        ("heading", "Das Bürger-Büro"),
        (
            "paragraph",
            _p(
                "Das Bürger-Büro ist ein Teil von der Stadt-Verwaltung.",
                "Dort bekommen Sie Hilfe.",
                "Zum Beispiel:",
            )
            + _ul(
                f"Sie ziehen nach {name}. Dann melden Sie sich im Bürger-Büro an.",
                "Sie brauchen einen neuen Ausweis.",
                "Sie brauchen einen Reise-Pass. Mit dem Reise-Pass können Sie in "
                "andere Länder reisen.",
                "Sie brauchen ein Führungs-Zeugnis. Das ist ein Papier. Darin steht: "
                "Hat ein Mensch eine Straf-Tat gemacht? Manche Arbeit-Geber wollen das "
                "Papier sehen.",
            ),
        ),
        ("heading", "Wo ist das Rathaus?"),
        ("paragraph", _ls_address(t) + _p(*directions)),
        *_ls_hours(t, "das Bürger-Büro"),
        ("heading", "Bitte bringen Sie mit"),
        (
            "paragraph",
            _p("Bringen Sie immer Ihren Ausweis mit.", "Oder Ihren Reise-Pass.")
            + _p("Sie wissen nicht, was Sie noch brauchen?", "Dann rufen Sie vorher an."),
        ),
        *_ls_contact(t),
    ]
