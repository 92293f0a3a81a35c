"""Demo-Daten des Bürgerservice: Lebenslagen und regionale Leistungsbeschreibungen.

Die Texte beschreiben die Leistungen so, wie eine Stadt in Baden-Württemberg sie
anbietet; Gebühren und Fristen sind allgemein gehalten oder als Beispiel gekennzeichnet.
Die LeiKa-Schlüssel sind **Demo-Werte** im richtigen Format (14 Ziffern), keine
amtlichen Schlüssel aus dem Leistungskatalog.

``unit`` nennt die zuständige Stelle (Schlüssel von ``services_towns.UNITS``).
"""

from __future__ import annotations

from typing import Any


def _p(*texts: str) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def _ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _leistung(
    name: str,
    leika: str,
    lebenslagen: list[str],
    unit: str,
    synonyms: str,
    teaser: str,
    **sections: str,
) -> dict[str, Any]:
    """One regional service; ``synonyms`` comma-separated, sections as HTML."""
    return {
        "name": name,
        "leika_key": leika,
        "lebenslagen": lebenslagen,
        "unit": unit,
        "synonyms": "\n".join(word.strip() for word in synonyms.split(",") if word.strip()),
        "teaser": teaser,
        "sections": sections,
    }


# (slug, name, description)
LEBENSLAGEN: list[tuple[str, str, str]] = [
    (
        "umzug",
        "Umzug",
        "An-, Um- und Abmelden, Meldebescheinigung und alles rund um die neue Wohnung.",
    ),
    (
        "geburt",
        "Geburt",
        "Die Geburt beurkunden, die Vaterschaft anerkennen und erste Urkunden erhalten.",
    ),
    (
        "hochzeit",
        "Hochzeit und Lebenspartnerschaft",
        "Die Eheschließung anmelden, den Trautermin finden und Urkunden bestellen.",
    ),
    (
        "hund",
        "Hund und Haustiere",
        "Hund anmelden und abmelden, Hundesteuer und gefährliche Hunde.",
    ),
    (
        "bauen",
        "Bauen und Wohnen",
        "Bauantrag, Bauvoranfrage, Wohngeld und Wohnberechtigungsschein.",
    ),
    (
        "gewerbe",
        "Arbeit und Gewerbe",
        "Gewerbe anmelden, ändern und abmelden, Auskünfte und Erlaubnisse.",
    ),
    (
        "verkehr",
        "Auto und Verkehr",
        "Parkausweise, Halteverbote für den Umzug und Straßensperrungen.",
    ),
    (
        "ausweise",
        "Ausweise und Reisen",
        "Personalausweis, Reisepass, Führungszeugnis und Beglaubigungen.",
    ),
    (
        "todesfall",
        "Todesfall",
        "Den Sterbefall beurkunden, die Grabstätte regeln und Urkunden erhalten.",
    ),
    (
        "abfall",
        "Abfall und Umwelt",
        "Sperrmüll, Biotonne, Abfallbehälter, Bäume und wilde Müllablagerungen.",
    ),
    (
        "familie",
        "Familie und Kinder",
        "Kindergartenplatz, Schulanmeldung und Unterstützung für Familien.",
    ),
    ("senioren", "Senioren", "Rente beantragen, Lebensbescheinigung und Hilfen bei Behinderung."),
    (
        "veranstaltungen",
        "Veranstaltungen und Ehrenamt",
        "Feste und Vereinsveranstaltungen anmelden, Ausschank und Plakate genehmigen lassen.",
    ),
    ("steuern", "Steuern und Abgaben", "Hundesteuer, Grundsteuer und Gewerbesteuer der Stadt."),
    (
        "alltag",
        "Alltag und Freizeit",
        "Fundbüro, Beglaubigungen, Fischereischein und andere Anliegen.",
    ),
]

_ONLINE_ID = (
    "Mit der Online-Ausweisfunktion Ihres Personalausweises können Sie den Antrag auch "
    "online stellen."
)
_FEE_BY_STATUTE = "Die Gebühr richtet sich nach der Gebührensatzung der Stadt."

LEISTUNGEN: list[dict[str, Any]] = [
    # --- Meldewesen -------------------------------------------------------------------
    _leistung(
        "Wohnsitz anmelden",
        "99115001001000",
        ["umzug"],
        "buergerbuero",
        "Anmeldung, Umzug, Zuzug, Wohnung anmelden, Ummeldung, Hauptwohnsitz, neue Adresse",
        "Wer in eine Wohnung in der Stadt einzieht, meldet sich innerhalb von zwei Wochen an.",
        volltext=_p(
            "Wenn Sie aus einer anderen Gemeinde oder aus dem Ausland in eine Wohnung in der "
            "Stadt einziehen, müssen Sie sich bei der Meldebehörde anmelden. Die Anmeldung "
            "gilt für alle Personen, die mit Ihnen einziehen; eine Person kann die Familie "
            "gemeinsam anmelden.",
            "Die Meldebehörde informiert nach der Anmeldung automatisch andere Stellen, etwa "
            "das Bundeszentralamt für Steuern, die Wahlbehörde und den Beitragsservice.",
        ),
        voraussetzungen=_ul(
            "Sie sind in eine Wohnung in der Stadt eingezogen.",
            "Der Einzug liegt nicht länger als zwei Wochen zurück – eine Anmeldung vor dem "
            "Einzug ist nicht möglich.",
        ),
        unterlagen=_ul(
            "Personalausweis oder Reisepass aller Personen, die angemeldet werden",
            "Wohnungsgeberbestätigung des Vermieters oder der Vermieterin",
            "bei Kindern: Geburtsurkunde, wenn diese noch nicht im Melderegister erfasst ist",
            "bei Zuzug aus dem Ausland: Nachweis über den Familienstand (z. B. Eheurkunde)",
        ),
        kosten=_p("Die Anmeldung ist gebührenfrei."),
        fristen=_p(
            "Innerhalb von zwei Wochen nach dem Einzug. Wer sich nicht oder zu spät anmeldet, "
            "handelt ordnungswidrig; es kann ein Bußgeld verhängt werden."
        ),
        bearbeitungsdauer=_p(
            "Die Anmeldung wird sofort erledigt. Die neue Anschrift wird auf einem Aufkleber "
            "auf Ihrem Personalausweis vermerkt."
        ),
        verfahrensablauf=_ul(
            "Wohnungsgeberbestätigung beim Vermieter anfordern.",
            "Im Bürgerbüro vorsprechen (persönlich oder mit schriftlicher Vollmacht).",
            "Sie erhalten eine Meldebestätigung; die Anschrift im Ausweis wird geändert.",
        ),
        rechtsgrundlage=_ul(
            "§ 17 Bundesmeldegesetz (BMG) – Anmeldung",
            "§ 19 BMG – Mitwirkung des Wohnungsgebers",
            "§ 54 BMG – Bußgeldvorschriften",
        ),
        hinweise=_p(
            "Vergessen Sie nicht, auch die Zulassungsbehörde für Ihr Fahrzeug zu "
            "informieren. Hunde müssen bei der Stadt gesondert angemeldet werden."
        ),
        formulare=_p(
            "Vordruck „Wohnungsgeberbestätigung“ und Meldeschein erhalten Sie im Bürgerbüro "
            "oder bei service-bw."
        ),
    ),
    _leistung(
        "Umzug innerhalb der Stadt melden",
        "99115001002000",
        ["umzug"],
        "buergerbuero",
        "Ummeldung, Umzug, neue Wohnung, Adressänderung, Wohnungswechsel",
        "Ziehen Sie innerhalb der Stadt um, melden Sie die neue Wohnung innerhalb von zwei Wochen.",
        volltext=_p(
            "Auch ein Umzug innerhalb der Stadt muss der Meldebehörde gemeldet werden. Die "
            "Ummeldung erfolgt wie eine Anmeldung; eine gesonderte Abmeldung der alten "
            "Wohnung ist nicht nötig."
        ),
        voraussetzungen=_ul("Sie sind innerhalb der Stadt in eine andere Wohnung gezogen."),
        unterlagen=_ul(
            "Personalausweis oder Reisepass aller umziehenden Personen",
            "Wohnungsgeberbestätigung für die neue Wohnung",
        ),
        kosten=_p("Die Ummeldung ist gebührenfrei."),
        fristen=_p("Innerhalb von zwei Wochen nach dem Einzug in die neue Wohnung."),
        bearbeitungsdauer=_p("Sofort, bei persönlicher Vorsprache."),
        verfahrensablauf=_p(
            "Sie sprechen im Bürgerbüro vor. Die neue Anschrift wird im Melderegister "
            "gespeichert und auf Ihrem Ausweis vermerkt."
        ),
        rechtsgrundlage=_ul("§ 17 Bundesmeldegesetz (BMG)", "§ 19 BMG"),
        hinweise=_p(
            "Denken Sie an die Adressänderung in der Zulassungsbescheinigung Teil I Ihres "
            "Fahrzeugs."
        ),
    ),
    _leistung(
        "Wohnsitz abmelden",
        "99115001003000",
        ["umzug"],
        "buergerbuero",
        "Abmeldung, Wegzug, Auswanderung, Ausland, Nebenwohnung aufgeben",
        "Abmelden müssen Sie sich nur, wenn Sie ins Ausland "
        "ziehen oder eine Nebenwohnung aufgeben.",
        volltext=_p(
            "Wer innerhalb Deutschlands umzieht, wird durch die Anmeldung am neuen Wohnort "
            "automatisch abgemeldet. Eine Abmeldung ist nur nötig, wenn Sie ins Ausland "
            "ziehen oder eine Nebenwohnung aufgeben und keine neue Wohnung im Inland beziehen."
        ),
        voraussetzungen=_ul(
            "Auszug ins Ausland oder Aufgabe einer Nebenwohnung",
            "Die Abmeldung ist frühestens eine Woche vor dem Auszug möglich.",
        ),
        unterlagen=_ul(
            "Personalausweis oder Reisepass",
            "bei Wegzug ins Ausland: die neue Anschrift im Ausland, falls bekannt",
        ),
        kosten=_p("Die Abmeldung ist gebührenfrei."),
        fristen=_p("Innerhalb von zwei Wochen nach dem Auszug."),
        bearbeitungsdauer=_p("Sofort; Sie erhalten eine Abmeldebestätigung."),
        verfahrensablauf=_p(
            "Die Abmeldung kann persönlich, schriftlich oder online erfolgen. " + _ONLINE_ID
        ),
        rechtsgrundlage=_ul("§ 17 Abs. 2 Bundesmeldegesetz (BMG)"),
    ),
    _leistung(
        "Nebenwohnung anmelden",
        "99115001004000",
        ["umzug"],
        "buergerbuero",
        "Zweitwohnung, Nebenwohnsitz, Wochenendwohnung, Studentenwohnung",
        "Wer neben der Hauptwohnung eine weitere Wohnung bezieht, meldet sie als Nebenwohnung an.",
        volltext=_p(
            "Haben Sie mehrere Wohnungen in Deutschland, ist die vorwiegend genutzte Wohnung "
            "die Hauptwohnung, jede weitere eine Nebenwohnung. Auch die Nebenwohnung muss "
            "angemeldet werden."
        ),
        unterlagen=_ul(
            "Personalausweis oder Reisepass",
            "Wohnungsgeberbestätigung für die Nebenwohnung",
        ),
        kosten=_p("Die Anmeldung ist gebührenfrei."),
        fristen=_p("Innerhalb von zwei Wochen nach dem Einzug."),
        bearbeitungsdauer=_p("Sofort."),
        rechtsgrundlage=_ul(
            "§ 17 Bundesmeldegesetz (BMG)", "§ 21 BMG – Mehrere Wohnungen", "§ 22 BMG"
        ),
        hinweise=_p(
            "Verheiratete oder in Lebenspartnerschaft lebende Personen haben ihre "
            "Hauptwohnung in der Regel in der Wohnung der Familie. Ob für eine Nebenwohnung "
            "eine Zweitwohnungsteuer anfällt, regelt die Satzung der Stadt."
        ),
    ),
    _leistung(
        "Meldebescheinigung beantragen",
        "99115005012000",
        ["umzug"],
        "buergerbuero",
        "Meldebestätigung, Wohnsitzbescheinigung, Aufenthaltsbescheinigung, Anmeldebestätigung",
        "Eine Meldebescheinigung bestätigt, wo und seit wann Sie gemeldet sind.",
        volltext=_p(
            "Die einfache Meldebescheinigung enthält Namen, Doktorgrad, Geburtsdatum und "
            "-ort sowie die derzeitige Anschrift. Die erweiterte Meldebescheinigung enthält "
            "zusätzlich weitere Daten, etwa frühere Anschriften, Familienstand oder "
            "Staatsangehörigkeit."
        ),
        voraussetzungen=_ul(
            "Sie sind in der Stadt gemeldet.",
            "Für andere Personen benötigen Sie eine schriftliche Vollmacht.",
        ),
        unterlagen=_ul("Personalausweis oder Reisepass", "gegebenenfalls Vollmacht"),
        kosten=_p(
            _FEE_BY_STATUTE,
            "Für bestimmte Zwecke, etwa für Renten- oder Kindergeldangelegenheiten, ist die "
            "Bescheinigung gebührenfrei.",
        ),
        bearbeitungsdauer=_p(
            "Bei Vorsprache sofort; online beantragte Bescheinigungen erhalten Sie in "
            "wenigen Tagen per Post."
        ),
        verfahrensablauf=_ul(
            "Online-Antrag ausfüllen oder im Bürgerbüro vorsprechen.",
            "Wählen Sie einfache oder erweiterte Bescheinigung und die Zustellung.",
            "Die Bescheinigung kommt per Post oder liegt zur Abholung bereit.",
        ),
        rechtsgrundlage=_ul("§ 18 Bundesmeldegesetz (BMG) – Meldebescheinigung"),
        formulare=_p("Online-Antrag auf dieser Seite."),
    ),
    _leistung(
        "Übermittlungssperre einrichten",
        "99115009010000",
        ["umzug"],
        "buergerbuero",
        "Widerspruch, Datenweitergabe, Datenschutz, Parteien, Wahlwerbung, Adressbuch, Jubiläum",
        "Sie können der Weitergabe Ihrer Meldedaten an Parteien, Verlage und andere widersprechen.",
        volltext=_p(
            "Die Meldebehörde darf unter bestimmten Voraussetzungen Daten aus dem "
            "Melderegister weitergeben, etwa an Parteien vor Wahlen, an Adressbuchverlage, "
            "an Presse und Mandatsträger bei Alters- und Ehejubiläen oder an das Bundesamt "
            "für das Personalmanagement der Bundeswehr. Dieser Weitergabe können Sie "
            "widersprechen, ohne einen Grund zu nennen."
        ),
        voraussetzungen=_ul("Sie sind in der Stadt gemeldet."),
        unterlagen=_ul("Personalausweis oder Reisepass", "Antrag mit Ihrer Unterschrift"),
        kosten=_p("Die Einrichtung einer Übermittlungssperre ist gebührenfrei."),
        fristen=_p("Die Sperre gilt, bis Sie sie widerrufen."),
        bearbeitungsdauer=_p("Die Sperre wird sofort nach Eingang eingetragen."),
        verfahrensablauf=_p(
            "Sie geben den Antrag schriftlich ab oder sprechen im Bürgerbüro vor und "
            "kreuzen an, welcher Weitergabe Sie widersprechen."
        ),
        rechtsgrundlage=_ul(
            "§ 36 Abs. 2 Bundesmeldegesetz (BMG) – Bundeswehr",
            "§ 42 Abs. 3 BMG – öffentlich-rechtliche Religionsgesellschaften",
            "§ 50 Abs. 5 BMG – Parteien, Jubiläen, Adressbuchverlage",
        ),
        hinweise=_p(
            "Die Übermittlungssperre ist keine Auskunftssperre: Einfache "
            "Melderegisterauskünfte an Dritte bleiben möglich."
        ),
    ),
    _leistung(
        "Auskunftssperre im Melderegister beantragen",
        "99115009020000",
        ["umzug"],
        "buergerbuero",
        "Sperrvermerk, Schutz, Gefährdung, Stalking, Adresse geheim halten",
        "Wer durch eine Auskunft über die Anschrift gefährdet "
        "wäre, kann eine Sperre eintragen lassen.",
        volltext=_p(
            "Ist zu befürchten, dass Ihnen oder einer anderen Person durch eine "
            "Melderegisterauskunft eine Gefahr für Leben, Gesundheit, persönliche Freiheit "
            "oder ähnliche schutzwürdige Interessen erwächst, trägt die Meldebehörde eine "
            "Auskunftssperre ein. Dann werden keine Auskünfte über Sie erteilt."
        ),
        voraussetzungen=_ul(
            "Es liegen Tatsachen vor, die eine Gefährdung glaubhaft machen.",
        ),
        unterlagen=_ul(
            "Personalausweis oder Reisepass",
            "Nachweise, die die Gefährdung belegen (z. B. Anzeige, gerichtliche Verfügung)",
        ),
        kosten=_p("Gebührenfrei."),
        fristen=_p("Die Sperre gilt zwei Jahre und kann auf Antrag verlängert werden."),
        bearbeitungsdauer=_p("In der Regel wenige Tage."),
        rechtsgrundlage=_ul("§ 51 Bundesmeldegesetz (BMG) – Auskunftssperren"),
        hinweise=_p("Bitte sprechen Sie persönlich vor; wir beraten Sie vertraulich."),
    ),
    _leistung(
        "Melderegisterauskunft beantragen",
        "99115007001000",
        ["umzug"],
        "buergerbuero",
        "Adresse herausfinden, Anschrift ermitteln, Auskunft Melderegister, Adressermittlung",
        "Die aktuelle Anschrift einer Person erfahren, etwa für einen Vertrag oder eine Forderung.",
        volltext=_p(
            "Mit einer einfachen Melderegisterauskunft erhalten Sie Vor- und Familiennamen, "
            "Doktorgrad und die derzeitigen Anschriften einer Person. Sie müssen die Person "
            "anhand von Name und weiteren Angaben (z. B. Geburtsdatum oder frühere "
            "Anschrift) eindeutig bezeichnen."
        ),
        voraussetzungen=_ul(
            "Die Person ist eindeutig bestimmbar.",
            "Für gewerbliche Zwecke geben Sie den Zweck an.",
        ),
        unterlagen=_ul("Angaben zur gesuchten Person", "Ihr Personalausweis bei Vorsprache"),
        kosten=_p(_FEE_BY_STATUTE),
        bearbeitungsdauer=_p("Wenige Tage; Auskünfte über das Online-Portal oft sofort."),
        rechtsgrundlage=_ul(
            "§ 44 Bundesmeldegesetz (BMG) – Einfache Melderegisterauskunft",
            "§ 45 BMG – Erweiterte Melderegisterauskunft",
        ),
        hinweise=_p("Besteht für die Person eine Auskunftssperre, erhalten Sie keine Auskunft."),
    ),
    # --- Ausweise und Dokumente -------------------------------------------------------
    _leistung(
        "Personalausweis beantragen",
        "99005002001000",
        ["ausweise"],
        "buergerbuero",
        "Ausweis, Perso, Personalausweis neu, Ausweis abgelaufen, Online-Ausweis, eID",
        "Den Personalausweis beantragen Sie persönlich im Bürgerbüro.",
        volltext=_p(
            "Alle Deutschen ab 16 Jahren müssen einen gültigen Personalausweis oder "
            "Reisepass besitzen. Der Personalausweis hat eine Online-Ausweisfunktion, mit "
            "der Sie sich im Internet ausweisen können. Für die Beantragung müssen Sie "
            "persönlich vorsprechen, weil Ihre Fingerabdrücke erfasst werden."
        ),
        voraussetzungen=_ul(
            "Sie sind deutsche Staatsangehörige oder deutscher Staatsangehöriger.",
            "Sie haben Ihre Hauptwohnung in der Stadt.",
            "Kinder unter 16 Jahren brauchen die Zustimmung aller Sorgeberechtigten.",
        ),
        unterlagen=_ul(
            "bisheriger Personalausweis oder Reisepass",
            "ein biometrisches Lichtbild in digitaler Form (vom Fotostudio übermittelt oder "
            "im Bürgerbüro aufgenommen)",
            "bei Erstbeantragung: Geburtsurkunde",
        ),
        kosten=_ul(
            "Antragstellende ab 24 Jahren: 46 Euro",
            "Antragstellende unter 24 Jahren: 22,80 Euro",
            "Lichtbild im Bürgerbüro: 6 Euro",
        ),
        fristen=_p(
            "Beantragen Sie den neuen Ausweis rechtzeitig vor Ablauf des alten, am besten "
            "vier bis sechs Wochen vorher."
        ),
        bearbeitungsdauer=_p(
            "Etwa drei bis vier Wochen. Sie erhalten eine Nachricht, sobald der Ausweis "
            "abgeholt werden kann."
        ),
        verfahrensablauf=_ul(
            "Lichtbild beim Fotostudio oder im Bürgerbüro aufnehmen lassen.",
            "Im Bürgerbüro vorsprechen; Fingerabdrücke und Unterschrift werden erfasst.",
            "Den fertigen Ausweis abholen; dabei wird der alte Ausweis entwertet.",
        ),
        rechtsgrundlage=_ul(
            "Personalausweisgesetz (PAuswG)",
            "Personalausweisgebührenverordnung (PAuswGebV)",
        ),
        hinweise=_p(
            "Der Personalausweis gilt zehn Jahre, bei Personen unter 24 Jahren sechs Jahre. "
            "Seit Mai 2025 werden nur noch digitale Lichtbilder angenommen."
        ),
    ),
    _leistung(
        "Vorläufigen Personalausweis beantragen",
        "99005002002000",
        ["ausweise"],
        "buergerbuero",
        "Ersatzausweis, Notausweis, Ausweis sofort, vorläufiger Ausweis",
        "Wenn Sie kurzfristig einen Ausweis brauchen, erhalten "
        "Sie einen vorläufigen Personalausweis.",
        volltext=_p(
            "Brauchen Sie sofort einen Ausweis, etwa weil Ihr Ausweis abgelaufen oder "
            "verloren ist, stellt das Bürgerbüro einen vorläufigen Personalausweis aus. Er "
            "gilt höchstens drei Monate."
        ),
        voraussetzungen=_ul(
            "Sie haben einen neuen Personalausweis beantragt oder beantragen ihn gleichzeitig.",
        ),
        unterlagen=_ul(
            "bisheriger Ausweis, falls vorhanden",
            "ein biometrisches Lichtbild",
        ),
        kosten=_p("10 Euro."),
        bearbeitungsdauer=_p("Sofort."),
        rechtsgrundlage=_ul(
            "§ 3 Personalausweisgesetz (PAuswG)", "Personalausweisgebührenverordnung"
        ),
        hinweise=_p(
            "Der vorläufige Personalausweis hat keine Online-Ausweisfunktion und wird nicht "
            "in allen Ländern als Reisedokument anerkannt."
        ),
    ),
    _leistung(
        "Reisepass beantragen",
        "99089001001000",
        ["ausweise"],
        "buergerbuero",
        "Pass, Reisepass neu, Express-Pass, Kinderreisepass, Urlaub, Reise, Visum",
        "Für Reisen in viele Länder außerhalb der EU brauchen Sie einen Reisepass.",
        volltext=_p(
            "Der Reisepass ist das Reisedokument für Reisen in Länder, die den "
            "Personalausweis nicht anerkennen. Er wird in der Bundesdruckerei hergestellt; "
            "in dringenden Fällen gibt es einen Express-Reisepass oder einen vorläufigen "
            "Reisepass."
        ),
        voraussetzungen=_ul(
            "Sie sind deutsche Staatsangehörige oder deutscher Staatsangehöriger.",
            "Sie sind in der Stadt mit Hauptwohnung gemeldet.",
        ),
        unterlagen=_ul(
            "Personalausweis oder bisheriger Reisepass",
            "ein biometrisches Lichtbild in digitaler Form",
            "bei Kindern: Zustimmung aller Sorgeberechtigten und deren Ausweise",
        ),
        kosten=_ul(
            "Antragstellende ab 24 Jahren: 70 Euro",
            "Antragstellende unter 24 Jahren: 37,50 Euro",
            "Zuschlag für den Express-Reisepass: 32 Euro",
        ),
        fristen=_p("Bitte beantragen Sie den Pass mindestens sechs Wochen vor der Reise."),
        bearbeitungsdauer=_p(
            "Drei bis sechs Wochen; der Express-Reisepass liegt meist nach wenigen Werktagen vor."
        ),
        verfahrensablauf=_ul(
            "Persönliche Vorsprache im Bürgerbüro mit Lichtbild.",
            "Erfassung der Fingerabdrücke und der Unterschrift.",
            "Abholung des fertigen Passes.",
        ),
        rechtsgrundlage=_ul("Passgesetz (PassG)", "Passverordnung (PassV)"),
        hinweise=_p(
            "Seit 2024 werden keine Kinderreisepässe mehr ausgestellt; Kinder erhalten "
            "einen Reisepass oder Personalausweis. Prüfen Sie die Einreisebestimmungen "
            "Ihres Reiseziels beim Auswärtigen Amt."
        ),
    ),
    _leistung(
        "Verlust eines Ausweises melden",
        "99005002050000",
        ["ausweise"],
        "buergerbuero",
        "Ausweis verloren, Pass gestohlen, Diebstahl, Sperre Online-Ausweis, Verlustanzeige",
        "Verlieren Sie Ihren Ausweis oder Pass, melden Sie den Verlust unverzüglich.",
        volltext=_p(
            "Der Verlust eines Personalausweises oder Reisepasses muss der Pass- und "
            "Ausweisbehörde unverzüglich angezeigt werden. Das Dokument wird dann zur "
            "Fahndung ausgeschrieben, damit es nicht missbraucht werden kann."
        ),
        unterlagen=_ul(
            "ein anderes Ausweisdokument, falls vorhanden",
            "bei Diebstahl: die Anzeige der Polizei",
        ),
        kosten=_p("Die Verlustanzeige ist gebührenfrei."),
        fristen=_p("Unverzüglich nach Bemerken des Verlusts."),
        bearbeitungsdauer=_p("Sofort."),
        rechtsgrundlage=_ul(
            "§ 27 Abs. 1 Nr. 3 Personalausweisgesetz (PAuswG)", "§ 15 Nr. 3 Passgesetz (PassG)"
        ),
        hinweise=_p(
            "Die Online-Ausweisfunktion sperren Sie rund um die Uhr über den "
            "Sperr-Notruf 116 116. Taucht der Ausweis wieder auf, melden Sie auch das."
        ),
    ),
    _leistung(
        "PIN des Personalausweises neu setzen",
        "99005002060000",
        ["ausweise"],
        "buergerbuero",
        "PIN vergessen, PUK, Online-Ausweis, eID entsperren, Transport-PIN",
        "Die PIN Ihres Personalausweises können Sie im Bürgerbüro neu setzen lassen.",
        volltext=_p(
            "Haben Sie die PIN der Online-Ausweisfunktion vergessen oder den PIN-Brief "
            "verloren, setzen Sie im Bürgerbüro eine neue PIN. Ist die PIN nach dreimaliger "
            "Falscheingabe gesperrt, wird sie dort auch entsperrt."
        ),
        unterlagen=_ul("Ihr Personalausweis"),
        kosten=_p("Das Neusetzen und Entsperren der PIN ist gebührenfrei."),
        bearbeitungsdauer=_p("Sofort, bei persönlicher Vorsprache."),
        rechtsgrundlage=_ul("Personalausweisgesetz (PAuswG)"),
    ),
    _leistung(
        "Führungszeugnis beantragen",
        "99024001001000",
        ["ausweise", "gewerbe", "veranstaltungen"],
        "buergerbuero",
        "polizeiliches Führungszeugnis, erweitertes Führungszeugnis, Ehrenamt, Bewerbung",
        "Ein Führungszeugnis brauchen Sie etwa für Bewerbungen oder ein Ehrenamt mit Kindern.",
        volltext=_p(
            "Das Führungszeugnis ist ein Auszug aus dem Bundeszentralregister. Es wird vom "
            "Bundesamt für Justiz ausgestellt; den Antrag nehmen das Bürgerbüro oder das "
            "Online-Portal des Bundesamts entgegen. Für die Arbeit mit Kindern und "
            "Jugendlichen wird ein erweitertes Führungszeugnis verlangt."
        ),
        voraussetzungen=_ul(
            "Sie sind mindestens 14 Jahre alt.",
            "Für das erweiterte Führungszeugnis: schriftliche "
            "Aufforderung der Stelle, die es verlangt.",
        ),
        unterlagen=_ul(
            "Personalausweis oder Reisepass",
            "gegebenenfalls die Aufforderung für ein erweitertes Führungszeugnis",
        ),
        kosten=_p(
            "13 Euro. Für eine ehrenamtliche Tätigkeit kann auf Antrag Gebührenbefreiung "
            "gewährt werden."
        ),
        bearbeitungsdauer=_p("In der Regel ein bis zwei Wochen; Zustellung per Post."),
        rechtsgrundlage=_ul(
            "§ 30 Bundeszentralregistergesetz (BZRG)", "§ 30a BZRG – erweitertes Führungszeugnis"
        ),
        hinweise=_p(
            "Ein Führungszeugnis zur Vorlage bei einer Behörde wird direkt an diese geschickt."
        ),
    ),
    _leistung(
        "Beglaubigung von Kopien und Unterschriften",
        "99013001001000",
        ["ausweise", "alltag", "senioren"],
        "buergerbuero",
        "beglaubigte Kopie, Abschrift, Unterschrift beglaubigen, Zeugnis, amtliche Beglaubigung",
        "Das Bürgerbüro beglaubigt Kopien von Dokumenten und "
        "Unterschriften zur Vorlage bei Behörden.",
        volltext=_p(
            "Amtlich beglaubigt werden Kopien von Dokumenten und Unterschriften, die bei "
            "einer Behörde vorgelegt werden sollen, zum Beispiel Zeugnisse für eine "
            "Bewerbung im öffentlichen Dienst."
        ),
        voraussetzungen=_ul(
            "Das Original liegt vor.",
            "Eine Unterschrift leisten Sie vor der Mitarbeiterin oder dem Mitarbeiter.",
        ),
        unterlagen=_ul("Originaldokument und Kopie", "Personalausweis oder Reisepass"),
        kosten=_p(_FEE_BY_STATUTE + " Sie hängt von der Zahl der Seiten ab."),
        bearbeitungsdauer=_p("In der Regel sofort."),
        rechtsgrundlage=_ul(
            "§ 33 Landesverwaltungsverfahrensgesetz (LVwVfG) – Beglaubigung von Dokumenten",
            "§ 34 LVwVfG – Beglaubigung von Unterschriften",
        ),
        hinweise=_p(
            "Öffentliche Beglaubigungen, etwa für das Grundbuch oder das Handelsregister, "
            "nimmt ein Notariat vor. Personenstandsurkunden erhalten Sie beim Standesamt."
        ),
    ),
    _leistung(
        "Lebensbescheinigung ausstellen lassen",
        "99013002001000",
        ["senioren"],
        "buergerbuero",
        "Rente Ausland, Lebensnachweis, Bescheinigung Rentenversicherung, Existenzbescheinigung",
        "Für Renten aus dem Ausland bestätigt das Bürgerbüro, dass Sie leben.",
        volltext=_p(
            "Viele Rentenversicherungen, besonders im Ausland, verlangen regelmäßig eine "
            "amtliche Bestätigung, dass die Rentnerin oder der Rentner lebt. Das Bürgerbüro "
            "füllt das Formular der Rentenkasse aus und bestätigt es mit Siegel."
        ),
        unterlagen=_ul("das Formular der Rentenversicherung", "Personalausweis oder Reisepass"),
        kosten=_p("Für Rentenzwecke gebührenfrei."),
        bearbeitungsdauer=_p("Sofort."),
        rechtsgrundlage=_ul("Landesverwaltungsverfahrensgesetz (LVwVfG)"),
        hinweise=_p(
            "Können Sie nicht selbst kommen, etwa wegen Krankheit, melden Sie sich bitte: "
            "Wir finden eine Lösung."
        ),
    ),
    _leistung(
        "Fundsache melden",
        "99015001001000",
        ["alltag"],
        "buergerbuero",
        "Fundbüro, gefunden, verloren, Schlüssel, Geldbörse, Handy, Finderlohn",
        "Haben Sie etwas gefunden, geben Sie es beim Fundbüro ab oder melden den Fund online.",
        volltext=_p(
            "Wer eine verlorene Sache findet, muss den Fund bei der Eigentümerin oder dem "
            "Eigentümer oder beim Fundbüro der Stadt anzeigen, wenn die Sache mehr als "
            "10 Euro wert ist. Das Fundbüro bewahrt die Sache auf und sucht nach dem "
            "Eigentümer. Auch wer etwas verloren hat, fragt beim Fundbüro nach."
        ),
        voraussetzungen=_ul("Die Sache wurde im Gebiet der Stadt gefunden."),
        unterlagen=_ul("die Fundsache", "Angaben zu Fundort und Fundzeit"),
        kosten=_p(
            "Die Abgabe ist kostenlos. Der Finder hat Anspruch auf Finderlohn: 5 Prozent "
            "des Werts bis 500 Euro, darüber 3 Prozent, bei Tieren 3 Prozent."
        ),
        fristen=_p(
            "Meldet sich sechs Monate nach der Anzeige niemand, kann der Finder das Eigentum "
            "an der Sache erwerben, wenn er das bei der Abgabe wünscht."
        ),
        bearbeitungsdauer=_p("Die Fundanzeige wird sofort aufgenommen."),
        verfahrensablauf=_ul(
            "Fund online melden oder die Sache im Fundbüro abgeben.",
            "Das Fundbüro nimmt die Sache auf und benachrichtigt, wenn möglich, den Eigentümer.",
            "Der Eigentümer holt die Sache gegen Nachweis ab.",
        ),
        rechtsgrundlage=_ul(
            "§§ 965 bis 984 Bürgerliches Gesetzbuch (BGB)",
            "§ 971 BGB – Finderlohn",
            "§ 973 BGB – Eigentumserwerb des Finders",
        ),
        hinweise=_p(
            "Fundsachen aus Bussen und Bahnen gehen an das Fundbüro des "
            "Verkehrsunternehmens. Ausweise und Pässe werden an die ausstellende Behörde "
            "weitergeleitet."
        ),
        formulare=_p("Online-Formular „Fundsache melden“ auf dieser Seite."),
    ),
]

# --- Hund und Steuern -------------------------------------------------------------------
LEISTUNGEN += [
    _leistung(
        "Hund anmelden",
        "99416001001000",
        ["hund", "steuern", "umzug"],
        "steueramt",
        "Hundesteuer, Hundemarke, Vierbeiner, Haustier, Welpe, Hund zugezogen",
        "Wer einen Hund hält, meldet ihn bei der Stadt an und zahlt Hundesteuer.",
        volltext=_p(
            "Für jeden Hund, der älter als drei Monate ist, erhebt die Stadt Hundesteuer. "
            "Halten Sie einen Hund, melden Sie ihn beim Steueramt an – auch wenn Sie mit "
            "Ihrem Hund zuziehen. Sie erhalten eine Hundesteuermarke, die der Hund "
            "außerhalb der Wohnung sichtbar tragen muss.",
            "Den Antrag können Sie online stellen; den Steuerbescheid erhalten Sie per Post.",
        ),
        voraussetzungen=_ul(
            "Der Hund ist älter als drei Monate.",
            "Sie haben Ihren Wohnsitz in der Stadt.",
        ),
        unterlagen=_ul(
            "Angaben zum Hund: Name, Rasse, Geburtsdatum, Beginn der Haltung",
            "bei einer Steuerermäßigung: Nachweis (z. B. Prüfung als Rettungshund)",
            "bei Kampfhunden: Erlaubnis der Ortspolizeibehörde oder Negativzeugnis",
            "für die Abbuchung: IBAN für das SEPA-Lastschriftmandat (freiwillig)",
        ),
        kosten=_p(
            "Die Anmeldung selbst ist gebührenfrei. Die Höhe der jährlichen Hundesteuer "
            "legt die Stadt in ihrer Hundesteuersatzung fest; für Zweithunde und "
            "Kampfhunde gelten höhere Steuersätze."
        ),
        fristen=_p(
            "Innerhalb eines Monats nach Beginn der Haltung oder nachdem der Hund drei "
            "Monate alt geworden ist."
        ),
        bearbeitungsdauer=_p(
            "Die Hundesteuermarke erhalten Sie in der Regel innerhalb einer Woche, den "
            "Steuerbescheid mit der nächsten Veranlagung."
        ),
        verfahrensablauf=_ul(
            "Online-Antrag ausfüllen oder Formular beim Steueramt abgeben.",
            "Das Steueramt prüft die Angaben und schickt die Hundesteuermarke.",
            "Sie erhalten den Steuerbescheid; die Steuer wird jährlich fällig.",
        ),
        rechtsgrundlage=_ul(
            "Kommunalabgabengesetz für Baden-Württemberg (KAG)",
            "Hundesteuersatzung der Stadt",
            "Polizeiverordnung über das Halten gefährlicher Hunde (PolVOgH)",
        ),
        hinweise=_p(
            "Bei Zuzug aus einer anderen Gemeinde melden Sie den Hund dort ab und hier an. "
            "Für Blindenführhunde und bestimmte Diensthunde wird auf Antrag keine Steuer "
            "erhoben."
        ),
        formulare=_p("Online-Antrag „Hund anmelden“ auf dieser Seite."),
    ),
    _leistung(
        "Hundesteuer – Abmeldung",
        "99416001002000",
        ["hund", "steuern"],
        "steueramt",
        "Hund abmelden, Hund verstorben, Hund abgegeben, Wegzug mit Hund, Hundemarke zurück",
        "Ist Ihr Hund gestorben, abgegeben oder ziehen Sie weg, melden Sie ihn ab.",
        volltext=_p(
            "Die Hundesteuerpflicht endet mit Ablauf des Monats, in dem die Hundehaltung "
            "endet. Melden Sie den Hund ab, wenn er verstorben ist, Sie ihn abgegeben haben "
            "oder wenn Sie aus der Stadt wegziehen."
        ),
        unterlagen=_ul(
            "Hundesteuermarke",
            "bei Abgabe: Name und Anschrift der neuen Halterin oder des neuen Halters",
            "bei Tod des Hundes: Bescheinigung der Tierarztpraxis, falls vorhanden",
        ),
        kosten=_p("Die Abmeldung ist gebührenfrei. Zu viel gezahlte Steuer wird erstattet."),
        fristen=_p("Innerhalb eines Monats nach dem Ende der Haltung."),
        bearbeitungsdauer=_p("Etwa zwei Wochen; Sie erhalten einen Änderungsbescheid."),
        rechtsgrundlage=_ul("Hundesteuersatzung der Stadt", "Kommunalabgabengesetz (KAG)"),
    ),
    _leistung(
        "Erlaubnis für einen gefährlichen Hund beantragen",
        "99416002001000",
        ["hund"],
        "ordnungsamt",
        "Kampfhund, Listenhund, gefährlicher Hund, Wesenstest, Verhaltensprüfung, Sachkunde",
        "Für die Haltung eines Kampfhundes brauchen Sie eine Erlaubnis der Ortspolizeibehörde.",
        volltext=_p(
            "In Baden-Württemberg gelten bestimmte Rassen und deren Kreuzungen als "
            "Kampfhunde, zum Beispiel American Staffordshire Terrier, Bullterrier und "
            "Pit Bull Terrier. Wer einen Kampfhund oder einen im Einzelfall "
            "als gefährlich eingestuften Hund halten will, braucht vorher eine Erlaubnis. "
            "Hat der Hund eine Verhaltensprüfung bestanden, kann ein Negativzeugnis "
            "ausgestellt werden."
        ),
        voraussetzungen=_ul(
            "Sie sind mindestens 18 Jahre alt und zuverlässig.",
            "Sie weisen ein berechtigtes Interesse an der Haltung nach.",
            "Eine Haftpflichtversicherung für den Hund besteht.",
            "Der Hund ist sicher untergebracht.",
        ),
        unterlagen=_ul(
            "Personalausweis",
            "Führungszeugnis",
            "Nachweis der Haftpflichtversicherung",
            "Ergebnis der Verhaltensprüfung (Wesenstest), falls vorhanden",
        ),
        kosten=_p(_FEE_BY_STATUTE),
        bearbeitungsdauer=_p("Mehrere Wochen, je nach Prüfung."),
        rechtsgrundlage=_ul(
            "Polizeiverordnung des Innenministeriums und des Ministeriums Ländlicher Raum "
            "über das Halten gefährlicher Hunde (PolVOgH)",
            "Polizeigesetz Baden-Württemberg (PolG)",
        ),
        hinweise=_p(
            "Für Kampfhunde erhebt die Stadt einen erhöhten Hundesteuersatz. Bitte melden "
            "Sie den Hund zusätzlich beim Steueramt an."
        ),
    ),
    _leistung(
        "Grundsteuer – Änderung melden",
        "99102001005000",
        ["steuern", "bauen"],
        "steueramt",
        "Grundsteuer, Eigentümerwechsel, Grundsteuerbescheid, "
        "Hebesatz, Bankverbindung, Zahlungsweise",
        "Teilen Sie dem Steueramt Änderungen bei Anschrift, Bankverbindung oder Zahlungsweise mit.",
        volltext=_p(
            "Die Grundsteuer wird vom Finanzamt und von der Stadt gemeinsam festgesetzt: "
            "Das Finanzamt stellt den Grundsteuerwert und den Grundsteuermessbetrag fest, "
            "die Stadt berechnet mit ihrem Hebesatz die Steuer und verschickt den "
            "Grundsteuerbescheid. Seit 2025 gilt in Baden-Württemberg das neue Landesrecht "
            "mit dem modifizierten Bodenwertmodell.",
            "Beim Steueramt melden Sie eine neue Anschrift, eine neue Bankverbindung oder "
            "die jährliche Zahlungsweise. Einen Eigentümerwechsel erfährt die Stadt vom "
            "Finanzamt.",
        ),
        unterlagen=_ul(
            "Kassenzeichen oder Aktenzeichen aus dem Grundsteuerbescheid",
            "bei Abbuchung: SEPA-Lastschriftmandat",
        ),
        kosten=_p("Die Meldung ist gebührenfrei."),
        fristen=_p(
            "Die Grundsteuer ist zu je einem Viertel am 15. Februar, 15. Mai, 15. August "
            "und 15. November fällig. Wer sie in einem Betrag am 1. Juli zahlen möchte, "
            "beantragt das bis zum 30. September des Vorjahres."
        ),
        bearbeitungsdauer=_p("Etwa zwei Wochen."),
        rechtsgrundlage=_ul(
            "Grundsteuergesetz (GrStG), insbesondere § 28 – Fälligkeit",
            "Landesgrundsteuergesetz Baden-Württemberg (LGrStG)",
            "Hebesatzsatzung der Stadt",
        ),
        hinweise=_p(
            "Fragen zum Grundsteuerwert und zum Messbetrag beantwortet das Finanzamt, "
            "nicht die Stadt. Einspruch gegen diese Bescheide legen Sie beim Finanzamt ein."
        ),
    ),
    _leistung(
        "Gewerbesteuer – Vorauszahlung anpassen",
        "99102002007000",
        ["steuern", "gewerbe"],
        "steueramt",
        "Gewerbesteuer, Vorauszahlung, Herabsetzung, Stundung, Hebesatz, Gewerbesteuerbescheid",
        "Ändert sich Ihr Gewinn deutlich, können die "
        "Gewerbesteuer-Vorauszahlungen angepasst werden.",
        volltext=_p(
            "Gewerbetreibende leisten vierteljährlich Vorauszahlungen auf die "
            "Gewerbesteuer. Grundlage ist der Messbetrag des Finanzamts. Sinkt Ihr Gewinn "
            "voraussichtlich deutlich, können Sie eine Herabsetzung beantragen; bei "
            "Zahlungsschwierigkeiten berät das Steueramt zu Stundung und Ratenzahlung."
        ),
        unterlagen=_ul(
            "aktuelle betriebswirtschaftliche Auswertung oder Prognose",
            "Kassenzeichen des Gewerbesteuerbescheids",
        ),
        kosten=_p("Der Antrag ist gebührenfrei; für Stundungen können Zinsen anfallen."),
        fristen=_p(
            "Vorauszahlungen sind am 15. Februar, 15. Mai, 15. August und 15. November fällig."
        ),
        bearbeitungsdauer=_p("Zwei bis vier Wochen."),
        rechtsgrundlage=_ul(
            "§ 19 Gewerbesteuergesetz (GewStG) – Vorauszahlungen",
            "Abgabenordnung (AO)",
        ),
    ),
]

# --- Arbeit und Gewerbe -----------------------------------------------------------------
LEISTUNGEN += [
    _leistung(
        "Gewerbe anmelden",
        "99050012104000",
        ["gewerbe"],
        "ordnungsamt",
        "Gewerbeanmeldung, Gewerbeschein, Selbstständigkeit, Firma gründen, Existenzgründung",
        "Wer ein Gewerbe beginnt, zeigt das beim Gewerbeamt an.",
        volltext=_p(
            "Wer einen stehenden Gewerbebetrieb, eine Zweigniederlassung oder eine "
            "unselbstständige Zweigstelle eröffnet, muss dies gleichzeitig beim Gewerbeamt "
            "anzeigen. Das Gewerbeamt informiert unter anderem das Finanzamt, die Industrie- "
            "und Handelskammer oder die Handwerkskammer und die Berufsgenossenschaft.",
            "Freie Berufe (z. B. Ärztinnen, Architekten, Künstlerinnen) melden kein Gewerbe an.",
        ),
        voraussetzungen=_ul(
            "Sie sind volljährig oder haben die Genehmigung des Familiengerichts.",
            "Für erlaubnispflichtige Gewerbe (z. B. Makler, Bewachung, Gaststätte) "
            "liegt die Erlaubnis vor oder ist beantragt.",
            "Für das zulassungspflichtige Handwerk: Eintragung in die Handwerksrolle.",
        ),
        unterlagen=_ul(
            "Personalausweis oder Reisepass (bei ausländischen Staatsangehörigen: "
            "Aufenthaltstitel, der die selbstständige Tätigkeit erlaubt)",
            "bei juristischen Personen: Auszug aus dem Handelsregister",
            "gegebenenfalls Erlaubnis oder Handwerkskarte",
        ),
        kosten=_p(_FEE_BY_STATUTE + " Sie liegt meist zwischen 20 und 40 Euro."),
        fristen=_p("Gleichzeitig mit dem Beginn der Tätigkeit."),
        bearbeitungsdauer=_p(
            "Die Empfangsbescheinigung (Gewerbeschein) erhalten Sie in wenigen Tagen."
        ),
        verfahrensablauf=_ul(
            "Online-Antrag mit Ausweiskopie ausfüllen oder im Gewerbeamt vorsprechen.",
            "Das Gewerbeamt prüft die Anzeige und stellt die Empfangsbescheinigung aus.",
            "Das Finanzamt schickt Ihnen die Aufforderung zur steuerlichen Erfassung.",
        ),
        rechtsgrundlage=_ul(
            "§ 14 Gewerbeordnung (GewO) – Anzeigepflicht",
            "§§ 30 bis 34i GewO – erlaubnispflichtige Gewerbe",
        ),
        hinweise=_p(
            "Den Fragebogen zur steuerlichen Erfassung geben Sie innerhalb eines Monats "
            "elektronisch über ELSTER beim Finanzamt ab."
        ),
        formulare=_p("Online-Antrag „Gewerbe anmelden“ auf dieser Seite."),
    ),
    _leistung(
        "Gewerbe ummelden",
        "99050012105000",
        ["gewerbe"],
        "ordnungsamt",
        "Gewerbeummeldung, Umzug Betrieb, Tätigkeit erweitern, neue Betriebsstätte",
        "Ändern sich Anschrift oder Tätigkeit Ihres Gewerbes, melden Sie das um.",
        volltext=_p(
            "Eine Ummeldung ist nötig, wenn der Betrieb innerhalb der Stadt umzieht oder "
            "Sie die Tätigkeit ändern oder erweitern. Zieht der Betrieb in eine andere "
            "Gemeinde, melden Sie hier ab und dort an."
        ),
        unterlagen=_ul("Personalausweis", "bisherige Gewerbeanmeldung"),
        kosten=_p(_FEE_BY_STATUTE),
        fristen=_p("Gleichzeitig mit der Änderung."),
        bearbeitungsdauer=_p("Wenige Tage."),
        rechtsgrundlage=_ul("§ 14 Gewerbeordnung (GewO)"),
    ),
    _leistung(
        "Gewerbe abmelden",
        "99050012106000",
        ["gewerbe"],
        "ordnungsamt",
        "Gewerbeabmeldung, Betriebsaufgabe, Geschäft schließen, Firma auflösen",
        "Geben Sie Ihren Betrieb auf, melden Sie das Gewerbe ab.",
        volltext=_p(
            "Die Aufgabe eines Gewerbebetriebs müssen Sie dem Gewerbeamt anzeigen. Das "
            "gilt auch, wenn der Betrieb in eine andere Gemeinde verlegt wird."
        ),
        unterlagen=_ul("Personalausweis", "bei juristischen Personen: Handelsregisterauszug"),
        kosten=_p(_FEE_BY_STATUTE),
        fristen=_p("Gleichzeitig mit der Aufgabe des Betriebs."),
        bearbeitungsdauer=_p("Wenige Tage."),
        rechtsgrundlage=_ul("§ 14 Gewerbeordnung (GewO)"),
        hinweise=_p(
            "Das Gewerbeamt informiert das Finanzamt; klären Sie offene Steuern und "
            "Beiträge dennoch selbst."
        ),
    ),
    _leistung(
        "Auskunft aus dem Gewerbezentralregister beantragen",
        "99024002001000",
        ["gewerbe"],
        "buergerbuero",
        "Gewerbezentralregister, Auskunft, Ausschreibung, Vergabe, Zuverlässigkeit",
        "Eine Auskunft aus dem Gewerbezentralregister verlangen etwa öffentliche Auftraggeber.",
        volltext=_p(
            "Das Gewerbezentralregister enthält Verwaltungsentscheidungen und "
            "Bußgeldentscheidungen im Zusammenhang mit einem Gewerbe. Die Auskunft wird "
            "vom Bundesamt für Justiz erteilt; den Antrag stellen Sie im Bürgerbüro oder "
            "online."
        ),
        unterlagen=_ul("Personalausweis", "bei juristischen Personen: Vertretungsnachweis"),
        kosten=_p("13 Euro."),
        bearbeitungsdauer=_p("Ein bis zwei Wochen."),
        rechtsgrundlage=_ul("§ 150 Gewerbeordnung (GewO)"),
    ),
    _leistung(
        "Vorübergehende Gaststättenerlaubnis beantragen",
        "99050010002000",
        ["veranstaltungen", "gewerbe"],
        "ordnungsamt",
        "Ausschank, Gestattung, Fest, Vereinsfest, Getränke verkaufen, Straßenfest",
        "Wer bei einem Fest Getränke ausschenkt, braucht dafür eine vorübergehende Erlaubnis.",
        volltext=_p(
            "Aus besonderem Anlass, etwa bei einem Vereinsfest, einem Straßenfest oder "
            "einem Jubiläum, kann der Betrieb einer Gaststätte vorübergehend gestattet "
            "werden. Die Gestattung gilt für einen bestimmten Ort und Zeitraum."
        ),
        voraussetzungen=_ul(
            "Ein besonderer Anlass liegt vor.",
            "Die verantwortliche Person ist zuverlässig.",
        ),
        unterlagen=_ul(
            "Antrag mit Ort, Zeit und Art der Getränke und Speisen",
            "Lageplan des Ausschanks",
            "Name der verantwortlichen Person",
        ),
        kosten=_p(_FEE_BY_STATUTE + " Gemeinnützige Vereine zahlen häufig weniger."),
        fristen=_p("Mindestens zwei Wochen vor der Veranstaltung."),
        bearbeitungsdauer=_p("Etwa eine Woche."),
        rechtsgrundlage=_ul(
            "§ 12 Gaststättengesetz (GastG)",
            "Gaststättengesetz für Baden-Württemberg (LGastG)",
        ),
        hinweise=_p(
            "Bitte beachten Sie das Jugendschutzgesetz und die Regeln zur Lebensmittelhygiene."
        ),
    ),
]

# --- Bauen und Wohnen -------------------------------------------------------------------
LEISTUNGEN += [
    _leistung(
        "Baugenehmigung beantragen",
        "99102029001000",
        ["bauen"],
        "bauamt",
        "Bauantrag, Baugesuch, Hausbau, Anbau, Umbau, Garage, Baurecht, Bauvorlagen",
        "Für den Bau, Umbau oder die Nutzungsänderung vieler "
        "Gebäude brauchen Sie eine Baugenehmigung.",
        volltext=_p(
            "Die Errichtung, die Änderung und die Nutzungsänderung baulicher Anlagen sind "
            "grundsätzlich genehmigungspflichtig. Für Wohngebäude im Geltungsbereich eines "
            "Bebauungsplans genügt oft das Kenntnisgabeverfahren; kleinere Vorhaben sind "
            "verfahrensfrei. Die untere Baurechtsbehörde prüft den Antrag und beteiligt "
            "die Angrenzer und Fachbehörden.",
            "Den Bauantrag reicht in der Regel eine bauvorlageberechtigte Entwurfsverfasserin "
            "oder ein Entwurfsverfasser ein – zunehmend digital.",
        ),
        voraussetzungen=_ul(
            "Das Vorhaben entspricht dem Bebauungsplan oder fügt sich in die Umgebung ein.",
            "Die Bauvorlagen sind von einer bauvorlageberechtigten Person unterschrieben.",
        ),
        unterlagen=_ul(
            "Bauantrag auf amtlichem Vordruck",
            "Lageplan, Bauzeichnungen, Baubeschreibung",
            "Standsicherheitsnachweis (kann nachgereicht werden)",
            "Berechnung der Wohn- und Nutzfläche, Stellplatznachweis",
        ),
        kosten=_p(
            "Die Gebühr richtet sich nach der Gebührensatzung und den Baukosten des Vorhabens."
        ),
        fristen=_p(
            "Die Baurechtsbehörde prüft innerhalb von zehn Arbeitstagen, ob der Antrag "
            "vollständig ist. Über vollständige Anträge entscheidet sie in der Regel "
            "innerhalb von zwei Monaten, im vereinfachten Verfahren innerhalb eines Monats."
        ),
        bearbeitungsdauer=_p("Zwei bis drei Monate, abhängig vom Vorhaben."),
        verfahrensablauf=_ul(
            "Beratung im Baurechtsamt, am besten vor der Planung.",
            "Einreichen des Bauantrags mit allen Bauvorlagen.",
            "Vollständigkeitsprüfung, Benachrichtigung der Angrenzer, Beteiligung der Fachstellen.",
            "Entscheidung durch Baugenehmigung oder Ablehnung.",
            "Baufreigabe („Roter Punkt“) vor Baubeginn.",
        ),
        rechtsgrundlage=_ul(
            "§ 49 Landesbauordnung für Baden-Württemberg (LBO) – genehmigungspflichtige Vorhaben",
            "§ 51 LBO – Kenntnisgabeverfahren",
            "§ 52 LBO – vereinfachtes Baugenehmigungsverfahren",
            "§§ 54, 55, 58 LBO – Fristen, Angrenzer, Baugenehmigung",
            "Verfahrensverordnung zur Landesbauordnung (LBOVVO)",
        ),
        hinweise=_p(
            "Die Baugenehmigung erlischt, wenn nicht innerhalb von drei Jahren mit dem Bau "
            "begonnen wurde."
        ),
    ),
    _leistung(
        "Bauvoranfrage stellen",
        "99102029005000",
        ["bauen"],
        "bauamt",
        "Bauvorbescheid, Voranfrage, Grundstück bebaubar, Bauplatz, Vorbescheid",
        "Mit einer Bauvoranfrage klären Sie einzelne Fragen, bevor Sie den Bauantrag planen.",
        volltext=_p(
            "Vor dem eigentlichen Bauantrag können Sie einzelne Fragen verbindlich klären "
            "lassen, etwa ob ein Grundstück überhaupt bebaut werden darf oder wie hoch "
            "ein Gebäude werden darf. Die Antwort ist der Bauvorbescheid."
        ),
        unterlagen=_ul(
            "Antrag mit den konkreten Fragen",
            "Lageplan und, je nach Frage, Skizzen des Vorhabens",
        ),
        kosten=_p(_FEE_BY_STATUTE),
        bearbeitungsdauer=_p("Etwa ein bis zwei Monate."),
        rechtsgrundlage=_ul("§ 57 Landesbauordnung für Baden-Württemberg (LBO) – Bauvorbescheid"),
        hinweise=_p("Der Bauvorbescheid gilt drei Jahre."),
    ),
    _leistung(
        "Baulastenauskunft beantragen",
        "99102030001000",
        ["bauen"],
        "bauamt",
        "Baulastenverzeichnis, Baulast, Grundstückskauf, Auskunft Grundstück",
        "Vor einem Grundstückskauf sollten Sie wissen, ob auf dem Grundstück Baulasten ruhen.",
        volltext=_p(
            "Eine Baulast ist eine öffentlich-rechtliche Verpflichtung eines "
            "Grundstückseigentümers gegenüber der Baurechtsbehörde, zum Beispiel ein "
            "Wegerecht oder eine Abstandsfläche zugunsten des Nachbarn. Baulasten stehen "
            "nicht im Grundbuch, sondern im Baulastenverzeichnis."
        ),
        voraussetzungen=_ul(
            "Sie sind Eigentümerin oder Eigentümer oder haben ein berechtigtes Interesse "
            "(z. B. als Kaufinteressent mit Vollmacht)."
        ),
        unterlagen=_ul("Flurstücksnummer oder Anschrift", "gegebenenfalls Vollmacht"),
        kosten=_p(_FEE_BY_STATUTE),
        bearbeitungsdauer=_p("Etwa eine Woche."),
        rechtsgrundlage=_ul(
            "§ 71 Landesbauordnung (LBO) – Übernahme von Baulasten",
            "§ 72 LBO – Baulastenverzeichnis",
        ),
    ),
    _leistung(
        "Baum fällen – Genehmigung beantragen",
        "99102040001000",
        ["bauen", "abfall"],
        "umwelt",
        "Baumfällung, Baumschutzsatzung, Baum fällen, Hecke schneiden, Naturschutz",
        "Ob Sie einen Baum fällen dürfen, hängt von Satzung, Jahreszeit und Naturschutz ab.",
        volltext=_p(
            "Bäume auf privaten Grundstücken können durch eine Baumschutzsatzung oder "
            "einen Bebauungsplan geschützt sein. Außerdem dürfen Bäume, Hecken und "
            "Gebüsche zum Schutz brütender Vögel vom 1. März bis 30. September nicht "
            "gefällt oder stark zurückgeschnitten werden."
        ),
        voraussetzungen=_ul(
            "Sie sind Eigentümerin oder Eigentümer des Grundstücks oder haben deren Zustimmung.",
        ),
        unterlagen=_ul(
            "Lageplan mit dem Standort des Baums",
            "Foto des Baums, Angabe von Art und Stammumfang",
            "Begründung (z. B. Gutachten zur Verkehrssicherheit)",
        ),
        kosten=_p(_FEE_BY_STATUTE),
        fristen=_p("Fällungen in der Regel nur vom 1. Oktober bis 28. Februar."),
        bearbeitungsdauer=_p("Zwei bis vier Wochen."),
        rechtsgrundlage=_ul(
            "§ 39 Abs. 5 Bundesnaturschutzgesetz (BNatSchG)",
            "§ 44 BNatSchG – besonderer Artenschutz",
            "Baumschutzsatzung der Stadt, soweit vorhanden",
        ),
        hinweise=_p(
            "Bei akuter Gefahr, etwa nach einem Sturm, dürfen Sie sofort handeln; bitte "
            "dokumentieren Sie den Zustand mit Fotos und informieren Sie uns danach."
        ),
    ),
    _leistung(
        "Wohngeld beantragen",
        "99107003001000",
        ["bauen", "familie", "senioren"],
        "familie",
        "Wohngeld, Mietzuschuss, Lastenzuschuss, Wohngeld-Plus, Miete zu hoch",
        "Wohngeld ist ein Zuschuss zur Miete oder zu den Kosten für selbst genutztes Wohneigentum.",
        volltext=_p(
            "Wohngeld hilft Haushalten mit geringem Einkommen, die Wohnkosten zu tragen. "
            "Mieterinnen und Mieter erhalten einen Mietzuschuss, Eigentümerinnen und "
            "Eigentümer einen Lastenzuschuss. Die Höhe hängt von der Zahl der "
            "Haushaltsmitglieder, dem Einkommen und der Miete ab."
        ),
        voraussetzungen=_ul(
            "Sie wohnen in der Stadt und tragen die Wohnkosten selbst.",
            "Ihr Einkommen liegt innerhalb der Grenzen des Wohngeldgesetzes.",
            "Sie erhalten keine Leistungen, in denen die Wohnkosten schon enthalten sind "
            "(z. B. Bürgergeld).",
        ),
        unterlagen=_ul(
            "Antrag auf Wohngeld",
            "Mietvertrag und Mietbescheinigung des Vermieters",
            "Einkommensnachweise aller Haushaltsmitglieder",
            "Kontoauszüge der letzten Monate",
        ),
        kosten=_p("Der Antrag ist gebührenfrei."),
        fristen=_p(
            "Wohngeld wird ab dem Monat gezahlt, in dem der Antrag eingeht; stellen Sie "
            "den Antrag daher rechtzeitig."
        ),
        bearbeitungsdauer=_p("Mehrere Wochen, je nach Vollständigkeit der Unterlagen."),
        verfahrensablauf=_ul(
            "Antrag online bei service-bw oder auf Papier stellen.",
            "Die Wohngeldbehörde prüft und fordert fehlende Unterlagen an.",
            "Sie erhalten einen Bescheid; Wohngeld wird meist für zwölf Monate bewilligt.",
        ),
        rechtsgrundlage=_ul("Wohngeldgesetz (WoGG)", "Wohngeldverordnung (WoGV)"),
        hinweise=_p(
            "Denken Sie an den Weiterleistungsantrag etwa zwei Monate vor Ablauf des "
            "Bewilligungszeitraums."
        ),
    ),
    _leistung(
        "Wohnberechtigungsschein beantragen",
        "99107004001000",
        ["bauen", "familie"],
        "familie",
        "WBS, Sozialwohnung, geförderte Wohnung, Wohnberechtigung",
        "Für eine geförderte Mietwohnung brauchen Sie einen Wohnberechtigungsschein.",
        volltext=_p(
            "Mit öffentlichen Mitteln geförderte Wohnungen dürfen nur an Haushalte "
            "vermietet werden, deren Einkommen bestimmte Grenzen nicht überschreitet. Das "
            "weisen Sie mit dem Wohnberechtigungsschein nach."
        ),
        voraussetzungen=_ul(
            "Das Einkommen Ihres Haushalts liegt innerhalb der Einkommensgrenzen.",
            "Sie halten sich nicht nur vorübergehend in Deutschland auf.",
        ),
        unterlagen=_ul(
            "Antrag",
            "Einkommensnachweise aller Haushaltsmitglieder",
            "Personalausweis oder Aufenthaltstitel",
        ),
        kosten=_p("Die Ausstellung ist in der Regel gebührenfrei."),
        bearbeitungsdauer=_p("Zwei bis vier Wochen."),
        rechtsgrundlage=_ul("Landeswohnraumförderungsgesetz Baden-Württemberg (LWoFG)"),
        hinweise=_p("Der Wohnberechtigungsschein gilt ein Jahr."),
    ),
    _leistung(
        "Sondernutzungserlaubnis beantragen",
        "99102035001000",
        ["bauen", "gewerbe", "veranstaltungen"],
        "ordnungsamt",
        "Gerüst, Container, Baustelleneinrichtung, Außenbewirtung, Gehweg nutzen, Verkaufsstand",
        "Wer Straße oder Gehweg über den Verkehr hinaus nutzt, etwa "
        "für ein Gerüst, braucht eine Erlaubnis.",
        volltext=_p(
            "Die Benutzung öffentlicher Straßen, Wege und Plätze über den Gemeingebrauch "
            "hinaus ist eine Sondernutzung. Dazu gehören Gerüste, Container, "
            "Baustelleneinrichtungen, Tische und Stühle vor Gaststätten oder Verkaufsstände."
        ),
        unterlagen=_ul(
            "Antrag mit Ort, Dauer und Fläche",
            "Lageplan oder Skizze",
            "bei Gerüsten und Containern: Angaben zur Sicherung",
        ),
        kosten=_p(
            "Für die Erlaubnis und die Nutzung erhebt die Stadt Gebühren nach ihrer "
            "Sondernutzungssatzung, abhängig von Fläche und Dauer."
        ),
        fristen=_p("Mindestens zwei Wochen vor Beginn der Nutzung."),
        bearbeitungsdauer=_p("Etwa ein bis zwei Wochen."),
        rechtsgrundlage=_ul(
            "§ 16 Straßengesetz für Baden-Württemberg (StrG)",
            "Sondernutzungssatzung der Stadt",
        ),
        hinweise=_p(
            "Muss dafür der Verkehr eingeschränkt werden, beantragen Sie zusätzlich eine "
            "verkehrsrechtliche Anordnung."
        ),
    ),
]

# --- Auto und Verkehr -------------------------------------------------------------------
LEISTUNGEN += [
    _leistung(
        "Anwohnerparkausweis beantragen",
        "99058014001000",
        ["verkehr", "umzug"],
        "ordnungsamt",
        "Bewohnerparkausweis, Parkausweis, Anwohnerparken, Parkzone, Parkvignette",
        "Wer in einer Bewohnerparkzone wohnt, kann dort mit einem Parkausweis parken.",
        volltext=_p(
            "In Bewohnerparkzonen dürfen Bewohnerinnen und Bewohner mit einem "
            "Parkausweis auf den gekennzeichneten Flächen parken. Der Ausweis gilt nur "
            "für die Zone, in der Sie wohnen, und für ein bestimmtes Fahrzeug."
        ),
        voraussetzungen=_ul(
            "Sie sind in der Zone mit Hauptwohnung gemeldet.",
            "Das Fahrzeug ist auf Sie zugelassen oder wird Ihnen dauerhaft zur Nutzung "
            "überlassen (z. B. Firmenwagen).",
            "Sie haben keinen eigenen Stellplatz oder keine Garage.",
        ),
        unterlagen=_ul(
            "Zulassungsbescheinigung Teil I",
            "bei Firmenwagen: Bescheinigung des Arbeitgebers über die private Nutzung",
        ),
        kosten=_p(
            "Die Jahresgebühr legt die Stadt in ihrer Gebührensatzung für das Bewohnerparken fest."
        ),
        fristen=_p("Der Ausweis gilt ein Jahr und kann verlängert werden."),
        bearbeitungsdauer=_p("Etwa eine Woche; der Ausweis kommt per Post."),
        verfahrensablauf=_ul(
            "Online-Antrag mit Kennzeichen und Zulassungsbescheinigung stellen.",
            "Das Ordnungsamt prüft Wohnsitz und Fahrzeug.",
            "Sie erhalten den Ausweis und den Gebührenbescheid.",
        ),
        rechtsgrundlage=_ul(
            "§ 45 Abs. 1b Nr. 2a Straßenverkehrs-Ordnung (StVO)",
            "Gebührensatzung der Stadt für Bewohnerparkausweise",
        ),
        hinweise=_p(
            "Ein Bewohnerparkausweis garantiert keinen freien Parkplatz. Bei einem "
            "Fahrzeugwechsel erhalten Sie einen neuen Ausweis."
        ),
        formulare=_p("Online-Antrag „Anwohnerparkausweis beantragen“ auf dieser Seite."),
    ),
    _leistung(
        "Parkausweis für Menschen mit Behinderung beantragen",
        "99058015001000",
        ["verkehr", "senioren"],
        "ordnungsamt",
        "blauer Parkausweis, Behindertenparkausweis, EU-Parkausweis, "
        "Merkzeichen aG, orangefarbener Parkausweis",
        "Mit dem blauen Parkausweis dürfen Sie auf Behindertenparkplätzen parken.",
        volltext=_p(
            "Der blaue EU-Parkausweis erlaubt das Parken auf Parkplätzen für Menschen mit "
            "Behinderung und weitere Parkerleichterungen, in der ganzen Europäischen Union. "
            "Daneben gibt es einen orangefarbenen Parkausweis mit Erleichterungen in "
            "Deutschland, der nicht zum Parken auf Behindertenparkplätzen berechtigt."
        ),
        voraussetzungen=_ul(
            "Schwerbehindertenausweis mit dem Merkzeichen aG (außergewöhnliche "
            "Gehbehinderung) oder Bl (blind), oder vergleichbare Nachweise",
        ),
        unterlagen=_ul(
            "Schwerbehindertenausweis",
            "ein aktuelles Passbild",
            "Personalausweis",
        ),
        kosten=_p("Der Parkausweis ist gebührenfrei."),
        bearbeitungsdauer=_p("Etwa eine Woche."),
        rechtsgrundlage=_ul("§ 46 Abs. 1 Nr. 11 Straßenverkehrs-Ordnung (StVO)"),
        hinweise=_p(
            "Der Ausweis gilt höchstens so lange wie der Schwerbehindertenausweis. Legen "
            "Sie ihn gut sichtbar hinter die Windschutzscheibe."
        ),
    ),
    _leistung(
        "Halteverbot für einen Umzug beantragen",
        "99058016001000",
        ["verkehr", "umzug"],
        "ordnungsamt",
        "Halteverbotszone, Umzug, Möbelwagen, Parkverbot, Schilder, Umzugswagen",
        "Für den Umzugswagen können Sie eine vorübergehende Halteverbotszone einrichten lassen.",
        volltext=_p(
            "Damit der Umzugswagen vor dem Haus halten kann, ordnet das Ordnungsamt eine "
            "vorübergehende Halteverbotszone an. Die Schilder stellen Sie selbst oder eine "
            "beauftragte Firma auf."
        ),
        unterlagen=_ul(
            "Antrag mit Anschrift, Datum, Uhrzeit und Länge der Zone",
        ),
        kosten=_p(_FEE_BY_STATUTE),
        fristen=_p(
            "Stellen Sie den Antrag mindestens zwei Wochen vor dem Umzug. Die Schilder "
            "müssen mindestens 72 Stunden vorher stehen."
        ),
        bearbeitungsdauer=_p("Etwa eine Woche."),
        verfahrensablauf=_ul(
            "Antrag stellen.",
            "Sie erhalten die verkehrsrechtliche Anordnung.",
            "Schilder rechtzeitig aufstellen und das Aufstellen dokumentieren.",
        ),
        rechtsgrundlage=_ul("§ 45 Abs. 1 Straßenverkehrs-Ordnung (StVO)"),
    ),
    _leistung(
        "Straßensperrung beantragen",
        "99058017001000",
        ["verkehr", "bauen", "veranstaltungen"],
        "ordnungsamt",
        "verkehrsrechtliche Anordnung, Baustelle, Vollsperrung, Umleitung, Straßenfest",
        "Für Baustellen und Veranstaltungen auf der Straße "
        "braucht es eine verkehrsrechtliche Anordnung.",
        volltext=_p(
            "Wer für eine Baustelle, einen Kran oder eine Veranstaltung eine Straße ganz "
            "oder teilweise sperren muss, beantragt eine verkehrsrechtliche Anordnung. "
            "Die Straßenverkehrsbehörde legt fest, wie abgesperrt und umgeleitet wird."
        ),
        voraussetzungen=_ul(
            "Bei Baustellen beantragt das ausführende Unternehmen die Anordnung.",
        ),
        unterlagen=_ul(
            "Antrag mit Ort, Zeitraum und Grund",
            "Verkehrszeichenplan",
            "gegebenenfalls Sondernutzungserlaubnis",
        ),
        kosten=_p(_FEE_BY_STATUTE),
        fristen=_p("Mindestens zwei Wochen vor Beginn, bei Vollsperrungen früher."),
        bearbeitungsdauer=_p("Ein bis zwei Wochen."),
        rechtsgrundlage=_ul(
            "§ 45 Abs. 1 und 6 Straßenverkehrs-Ordnung (StVO)",
            "§ 29 StVO – übermäßige Straßenbenutzung",
        ),
        hinweise=_p(
            "Busverkehr, Rettungsdienst und Müllabfuhr werden von uns informiert; "
            "Anlieger informieren Sie bitte selbst rechtzeitig."
        ),
    ),
]

# --- Abfall und Umwelt ------------------------------------------------------------------
LEISTUNGEN += [
    _leistung(
        "Sperrmüll anmelden",
        "99031001001000",
        ["abfall", "umzug"],
        "umwelt",
        "Sperrmüll, Möbel entsorgen, Sperrgut, Entrümpelung, Abholung, Altholz",
        "Große Gegenstände aus dem Haushalt holt die Abfallwirtschaft nach Anmeldung bei Ihnen ab.",
        volltext=_p(
            "Sperrmüll sind Gegenstände aus privaten Haushalten, die wegen ihrer Größe "
            "nicht in die Restmülltonne passen, etwa Möbel, Matratzen oder Teppiche. Nach "
            "Ihrer Anmeldung erhalten Sie einen Abholtermin."
        ),
        voraussetzungen=_ul(
            "Der Sperrmüll stammt aus einem privaten Haushalt in der Stadt.",
        ),
        unterlagen=_ul("Liste der Gegenstände mit ungefährer Menge"),
        kosten=_p(
            "Je Haushalt sind Abholungen im Jahr in begrenzter Menge in der Abfallgebühr "
            "enthalten; weitere Abholungen kosten eine Gebühr nach der Abfallgebührensatzung."
        ),
        fristen=_p("Melden Sie den Sperrmüll mindestens zwei Wochen vor dem Wunschtermin an."),
        bearbeitungsdauer=_p("Sie erhalten den Abholtermin innerhalb weniger Tage."),
        verfahrensablauf=_ul(
            "Online anmelden und die Gegenstände angeben.",
            "Sie erhalten den Abholtermin per E-Mail oder Post.",
            "Stellen Sie den Sperrmüll am Vorabend gut sichtbar an den Straßenrand.",
        ),
        rechtsgrundlage=_ul(
            "Kreislaufwirtschaftsgesetz (KrWG)",
            "Landes-Kreislaufwirtschaftsgesetz Baden-Württemberg (LKreiWiG)",
            "Abfallwirtschaftssatzung",
        ),
        hinweise=_p(
            "Elektrogeräte, Bauschutt, Autoreifen und Sonderabfälle gehören nicht zum "
            "Sperrmüll. Stellen Sie nichts auf Gehwege, die dadurch unpassierbar werden."
        ),
        formulare=_p("Online-Antrag „Sperrmüll anmelden“ auf dieser Seite."),
    ),
    _leistung(
        "Biotonne bestellen",
        "99031002001000",
        ["abfall"],
        "umwelt",
        "Bioabfall, Biomüll, Komposttonne, grüne Tonne, Küchenabfälle",
        "Küchen- und Gartenabfälle gehören in die Biotonne – "
        "bestellen Sie sie bei der Abfallwirtschaft.",
        volltext=_p(
            "Bioabfälle werden getrennt gesammelt und zu Kompost und Biogas verarbeitet. "
            "Die Biotonne gibt es in verschiedenen Größen. Wer alle Bioabfälle selbst "
            "kompostiert, kann sich unter Umständen befreien lassen."
        ),
        unterlagen=_ul("Anschrift des Grundstücks", "gewünschte Tonnengröße"),
        kosten=_p("Die Gebühr richtet sich nach der Abfallgebührensatzung und der Tonnengröße."),
        bearbeitungsdauer=_p("Die Tonne wird in der Regel innerhalb von zwei Wochen geliefert."),
        rechtsgrundlage=_ul(
            "§ 20 Kreislaufwirtschaftsgesetz (KrWG) – getrennte Sammlung von Bioabfällen",
            "Abfallwirtschaftssatzung",
        ),
        hinweise=_p(
            "Plastiktüten, auch sogenannte kompostierbare, gehören nicht in die Biotonne. "
            "Verwenden Sie Papiertüten oder Zeitungspapier."
        ),
    ),
    _leistung(
        "Abfallbehälter an-, ab- oder ummelden",
        "99031003001000",
        ["abfall", "umzug"],
        "umwelt",
        "Mülltonne, Restmülltonne, Papiertonne, Tonnengröße "
        "ändern, Abfallgebühren, Eigentümerwechsel",
        "Neue Tonne, andere Größe oder Eigentümerwechsel: Melden "
        "Sie Änderungen der Abfallwirtschaft.",
        volltext=_p(
            "Für jedes bewohnte Grundstück besteht ein Anschluss an die öffentliche "
            "Abfallentsorgung. Grundstückseigentümer melden Abfallbehälter an, ändern die "
            "Größe oder melden einen Eigentümerwechsel."
        ),
        unterlagen=_ul("Anschrift des Grundstücks", "Kundennummer, falls vorhanden"),
        kosten=_p("Abfallgebühren nach der Abfallgebührensatzung."),
        bearbeitungsdauer=_p("Zwei bis drei Wochen."),
        rechtsgrundlage=_ul("Abfallwirtschaftssatzung", "Abfallgebührensatzung"),
    ),
    _leistung(
        "Wilde Müllablagerung melden",
        "99031004001000",
        ["abfall"],
        "umwelt",
        "illegaler Müll, Müll im Wald, Umweltverschmutzung, Mängelmelder, Schrott abgestellt",
        "Sehen Sie irgendwo abgeladenen Müll, sagen Sie uns "
        "Bescheid – wir sorgen für die Beseitigung.",
        volltext=_p(
            "Unerlaubt abgelagerter Abfall schadet der Umwelt und kostet alle Geld. Melden "
            "Sie uns Ort und Art der Ablagerung; wir lassen sie beseitigen und versuchen, "
            "den Verursacher zu ermitteln."
        ),
        unterlagen=_ul("genaue Ortsangabe", "Foto, wenn möglich"),
        kosten=_p("Die Meldung ist kostenlos."),
        bearbeitungsdauer=_p("Die Beseitigung erfolgt je nach Dringlichkeit in wenigen Tagen."),
        rechtsgrundlage=_ul(
            "§ 28 Kreislaufwirtschaftsgesetz (KrWG)",
            "Bußgeldkatalog Umwelt Baden-Württemberg",
        ),
        hinweise=_p(
            "Bitte fassen Sie gefährliche Abfälle wie Fässer, Asbest oder Spritzen nicht an."
        ),
    ),
]

# --- Standesamt und Todesfall -----------------------------------------------------------
LEISTUNGEN += [
    _leistung(
        "Geburt beurkunden",
        "99036001001000",
        ["geburt", "familie"],
        "standesamt",
        "Geburtsurkunde, Baby, Neugeborenes, Geburtsanzeige, Namensgebung",
        "Jede Geburt wird beim Standesamt des Geburtsorts "
        "beurkundet; Sie erhalten die Geburtsurkunden.",
        volltext=_p(
            "Eine Geburt muss dem Standesamt angezeigt werden, in dessen Bezirk das Kind "
            "geboren ist. Bei einer Geburt im Krankenhaus zeigt die Klinik die Geburt an; "
            "die Eltern reichen die Unterlagen und die Erklärung zum Vornamen ein. Das "
            "Standesamt beurkundet die Geburt im Geburtenregister.",
        ),
        voraussetzungen=_ul("Das Kind wurde im Gebiet der Stadt geboren."),
        unterlagen=_ul(
            "Personalausweise oder Reisepässe der Eltern",
            "verheiratete Eltern: Eheurkunde oder beglaubigter Ausdruck aus dem Eheregister",
            "nicht verheiratete Eltern: Geburtsurkunde der Mutter, gegebenenfalls "
            "Vaterschaftsanerkennung und Sorgeerklärung",
            "bei ausländischen Urkunden: Übersetzung durch eine vereidigte Person",
        ),
        kosten=_p(
            "Die Beurkundung ist gebührenfrei. Geburtsurkunden für Elterngeld, Kindergeld "
            "und Mutterschaftsgeld sind gebührenfrei; weitere Urkunden kosten eine Gebühr "
            "nach der Gebührensatzung."
        ),
        fristen=_p("Die Geburt muss innerhalb einer Woche angezeigt werden."),
        bearbeitungsdauer=_p(
            "Bei vollständigen Unterlagen wenige Tage; mit ausländischen Urkunden länger."
        ),
        verfahrensablauf=_ul(
            "Die Klinik meldet die Geburt an das Standesamt.",
            "Sie reichen die Unterlagen ein oder geben sie in der Klinik ab.",
            "Das Standesamt beurkundet die Geburt und schickt die Urkunden.",
        ),
        rechtsgrundlage=_ul(
            "§§ 18 bis 21 Personenstandsgesetz (PStG)",
            "§ 64 Zehntes Buch Sozialgesetzbuch (SGB X) – Kostenfreiheit",
        ),
        hinweise=_p(
            "Die Meldebehörde wird automatisch informiert; eine Anmeldung des Kindes im "
            "Bürgerbüro ist nicht nötig."
        ),
    ),
    _leistung(
        "Vaterschaft anerkennen",
        "99036003001000",
        ["geburt", "familie"],
        "standesamt",
        "Vaterschaftsanerkennung, unverheiratete Eltern, Sorgeerklärung, Vater",
        "Sind die Eltern nicht verheiratet, kann der Vater die "
        "Vaterschaft vor oder nach der Geburt anerkennen.",
        volltext=_p(
            "Ist die Mutter bei der Geburt nicht verheiratet, wird der Vater erst durch "
            "eine Anerkennung rechtlich zum Vater. Die Anerkennung muss öffentlich "
            "beurkundet werden und braucht die Zustimmung der Mutter. Sie ist schon vor "
            "der Geburt möglich."
        ),
        unterlagen=_ul(
            "Personalausweise oder Reisepässe beider Eltern",
            "Geburtsurkunden beider Eltern",
            "Mutterpass (bei Anerkennung vor der Geburt) oder Geburtsurkunde des Kindes",
        ),
        kosten=_p("Beim Standesamt und beim Jugendamt ist die Beurkundung gebührenfrei."),
        bearbeitungsdauer=_p("Die Beurkundung erfolgt im Termin."),
        rechtsgrundlage=_ul("§§ 1592, 1594 bis 1598 Bürgerliches Gesetzbuch (BGB)"),
        hinweise=_p(
            "Das gemeinsame Sorgerecht erhalten nicht verheiratete Eltern durch eine "
            "Sorgeerklärung beim Jugendamt."
        ),
    ),
    _leistung(
        "Eheschließung anmelden",
        "99036005001000",
        ["hochzeit"],
        "standesamt",
        "Heirat, Hochzeit, Trauung, Standesamt, Aufgebot, Trautermin, Ehe",
        "Wer heiraten will, meldet die Eheschließung beim Standesamt des Wohnorts an.",
        volltext=_p(
            "Vor der Trauung prüft das Standesamt, ob der Eheschließung nichts im Weg "
            "steht. Dazu melden Sie die Eheschließung gemeinsam bei dem Standesamt an, in "
            "dessen Bezirk einer von Ihnen wohnt. Heiraten können Sie danach bei jedem "
            "Standesamt in Deutschland."
        ),
        voraussetzungen=_ul(
            "Beide sind volljährig und nicht miteinander verwandt in gerader Linie.",
            "Keiner von Ihnen ist mit einer dritten Person verheiratet oder verpartnert.",
        ),
        unterlagen=_ul(
            "gültige Personalausweise oder Reisepässe",
            "beglaubigte Ausdrucke aus dem Geburtenregister (nicht älter als sechs Monate)",
            "bei Wohnsitz außerhalb der Stadt: erweiterte Meldebescheinigung",
            "wenn Sie schon verheiratet waren: Nachweis über die Auflösung der Ehe",
            "bei ausländischen Staatsangehörigen: weitere Unterlagen nach Beratung",
        ),
        kosten=_p(
            _FEE_BY_STATUTE + " Für Trauungen außerhalb der Dienstzeiten oder in "
            "besonderen Trauräumen kommen Zuschläge hinzu."
        ),
        fristen=_p(
            "Die Anmeldung ist sechs Monate gültig. Innerhalb dieser Zeit muss die Ehe "
            "geschlossen werden."
        ),
        bearbeitungsdauer=_p(
            "Bei deutschen Urkunden meist sofort; mit Auslandsbezug mehrere Wochen."
        ),
        verfahrensablauf=_ul(
            "Termin beim Standesamt vereinbaren und Unterlagen klären.",
            "Gemeinsam zur Anmeldung kommen.",
            "Trautermin und Trauort festlegen.",
        ),
        rechtsgrundlage=_ul(
            "§§ 12, 13 Personenstandsgesetz (PStG)",
            "§§ 1303 bis 1312 Bürgerliches Gesetzbuch (BGB)",
        ),
        hinweise=_p(
            "Seit Oktober 2017 werden keine neuen Lebenspartnerschaften mehr begründet; "
            "eine bestehende Lebenspartnerschaft kann in eine Ehe umgewandelt werden."
        ),
    ),
    _leistung(
        "Personenstandsurkunde beantragen",
        "99036010001000",
        ["geburt", "hochzeit", "todesfall"],
        "standesamt",
        "Geburtsurkunde, Heiratsurkunde, Eheurkunde, "
        "Sterbeurkunde, Registerausdruck, Ahnenforschung",
        "Geburts-, Ehe- und Sterbeurkunden erhalten Sie beim Standesamt, das den Eintrag führt.",
        volltext=_p(
            "Urkunden stellt das Standesamt aus, in dessen Register der Fall beurkundet "
            "ist: die Geburtsurkunde das Standesamt des Geburtsorts, die Eheurkunde das "
            "Standesamt des Heiratsorts, die Sterbeurkunde das Standesamt des Sterbeorts."
        ),
        voraussetzungen=_ul(
            "Urkunden erhalten die Person selbst, Ehegatten, Vorfahren und Nachkommen; "
            "andere Personen nur mit rechtlichem Interesse.",
        ),
        unterlagen=_ul("Personalausweis", "gegebenenfalls Nachweis des rechtlichen Interesses"),
        kosten=_p(
            _FEE_BY_STATUTE + " Jede weitere gleichzeitig ausgestellte Urkunde ist günstiger."
        ),
        bearbeitungsdauer=_p("Wenige Tage; Zustellung per Post."),
        rechtsgrundlage=_ul(
            "§§ 55, 62 Personenstandsgesetz (PStG)",
            "§ 5 Abs. 5 PStG – Fortführungsfristen",
        ),
        hinweise=_p(
            "Nach Ablauf der Fortführungsfristen (Geburten 110 Jahre, Ehen 80 Jahre, "
            "Sterbefälle 30 Jahre) gehen die Register an das Stadtarchiv."
        ),
    ),
    _leistung(
        "Kirchenaustritt erklären",
        "99036020001000",
        ["steuern"],
        "standesamt",
        "Austritt Kirche, Kirchensteuer, Religionsgemeinschaft verlassen",
        "Den Austritt aus einer Religionsgemeinschaft erklären Sie persönlich beim Standesamt.",
        volltext=_p(
            "In Baden-Württemberg erklären Sie den Austritt aus einer Kirche oder "
            "Religionsgemeinschaft des öffentlichen Rechts beim Standesamt Ihres Wohnorts. "
            "Das Standesamt informiert die Religionsgemeinschaft und die Meldebehörde."
        ),
        voraussetzungen=_ul(
            "Sie sind religionsmündig (ab 14 Jahren).",
            "Sie haben Ihren Wohnsitz in der Stadt.",
        ),
        unterlagen=_ul("Personalausweis oder Reisepass", "Taufurkunde, falls vorhanden"),
        kosten=_p(_FEE_BY_STATUTE),
        bearbeitungsdauer=_p("Sofort; Sie erhalten eine Bescheinigung."),
        rechtsgrundlage=_ul("Kirchenaustrittsgesetz Baden-Württemberg (KiAustrG)"),
        hinweise=_p(
            "Die Kirchensteuerpflicht endet mit Ablauf des Monats, in dem Sie den "
            "Austritt erklärt haben. Bewahren Sie die Bescheinigung gut auf."
        ),
    ),
    _leistung(
        "Sterbefall beurkunden",
        "99036007001000",
        ["todesfall"],
        "standesamt",
        "Sterbeurkunde, Tod, Todesfall, Beerdigung, Bestattung, Hinterbliebene",
        "Ein Sterbefall wird beim Standesamt des Sterbeorts beurkundet "
        "– meist übernimmt das das Bestattungshaus.",
        volltext=_p(
            "Jeder Sterbefall muss dem Standesamt angezeigt werden, in dessen Bezirk die "
            "Person gestorben ist. Die Anzeige übernehmen Angehörige oder, in ihrem "
            "Auftrag, das Bestattungsunternehmen. Das Standesamt beurkundet den Sterbefall "
            "und stellt die Sterbeurkunden aus, die Sie für Rente, Versicherungen und "
            "Nachlass brauchen."
        ),
        unterlagen=_ul(
            "Todesbescheinigung der Ärztin oder des Arztes",
            "Personalausweis oder Reisepass der verstorbenen Person",
            "Geburtsurkunde, bei Verheirateten Eheurkunde, bei Verwitweten oder "
            "Geschiedenen auch die Nachweise dazu",
        ),
        kosten=_p(
            "Die Beurkundung ist gebührenfrei; Sterbeurkunden kosten eine Gebühr nach der "
            "Gebührensatzung. Urkunden für Renten- und Versorgungszwecke sind gebührenfrei."
        ),
        fristen=_p(
            "Der Tod muss spätestens am dritten auf den Tod folgenden Werktag angezeigt werden."
        ),
        bearbeitungsdauer=_p("Ein bis zwei Werktage bei vollständigen Unterlagen."),
        rechtsgrundlage=_ul(
            "§§ 28 bis 31 Personenstandsgesetz (PStG)",
            "Bestattungsgesetz Baden-Württemberg (BestattG)",
        ),
        hinweise=_p(
            "Die Meldebehörde, die Rentenversicherung und weitere Stellen werden "
            "automatisch benachrichtigt."
        ),
    ),
    _leistung(
        "Grabstätte erwerben oder verlängern",
        "99036030001000",
        ["todesfall"],
        "ordnungsamt",
        "Friedhof, Grab, Urnengrab, Nutzungsrecht, Ruhezeit, Friedhofsverwaltung, Grabpflege",
        "Die Friedhofsverwaltung vergibt Grabstätten und verlängert Nutzungsrechte.",
        volltext=_p(
            "Auf den städtischen Friedhöfen gibt es Reihengräber, Wahlgräber, Urnengräber "
            "und Baumbestattungen. Das Nutzungsrecht an einer Grabstätte wird für eine "
            "bestimmte Zeit vergeben; Wahlgräber können verlängert werden."
        ),
        unterlagen=_ul(
            "Sterbeurkunde (bei Neuerwerb)",
            "Grabnummer und Graburkunde (bei Verlängerung)",
        ),
        kosten=_p("Die Gebühren richten sich nach der Friedhofsgebührensatzung."),
        bearbeitungsdauer=_p("Wenige Tage."),
        rechtsgrundlage=_ul(
            "Bestattungsgesetz Baden-Württemberg (BestattG)",
            "Friedhofssatzung und Friedhofsgebührensatzung der Stadt",
        ),
        hinweise=_p(
            "Über die Gestaltung des Grabmals informiert die Friedhofssatzung; Grabmale "
            "brauchen eine Genehmigung der Friedhofsverwaltung."
        ),
    ),
]

# --- Familie, Senioren, Veranstaltungen, Freizeit ---------------------------------------
LEISTUNGEN += [
    _leistung(
        "Kindergartenplatz anmelden",
        "99126001001000",
        ["familie"],
        "familie",
        "Kita, Kindergarten, Krippe, Kindertagesstätte, Betreuungsplatz, Ganztagsbetreuung",
        "Einen Platz in Krippe, Kindergarten oder "
        "Kindertagespflege melden Sie zentral bei der Stadt an.",
        volltext=_p(
            "Kinder haben ab dem ersten Geburtstag einen Rechtsanspruch auf einen Platz in "
            "einer Kindertageseinrichtung oder in der Kindertagespflege. Die Stadt "
            "vermittelt die Plätze in städtischen, kirchlichen und freien Einrichtungen "
            "über eine zentrale Vormerkung."
        ),
        voraussetzungen=_ul("Ihr Kind wohnt in der Stadt oder zieht in die Stadt."),
        unterlagen=_ul(
            "Angaben zum Kind und zu den Sorgeberechtigten",
            "gewünschter Betreuungsbeginn und Betreuungsumfang",
            "Wunscheinrichtungen in der Reihenfolge Ihrer Priorität",
        ),
        kosten=_p(
            "Die Anmeldung ist kostenlos. Die Elternbeiträge richten sich nach der Satzung "
            "und sind nach Einkommen und Zahl der Kinder gestaffelt."
        ),
        fristen=_p("Melden Sie den Bedarf mindestens sechs Monate vor dem gewünschten Beginn an."),
        bearbeitungsdauer=_p("Die Zusagen werden meist im Frühjahr für den Herbst verschickt."),
        verfahrensablauf=_ul(
            "Vormerkung online oder bei der Stadt abgeben.",
            "Die Einrichtungen vergeben die Plätze nach den Aufnahmekriterien.",
            "Sie erhalten eine Zusage und schließen den Betreuungsvertrag.",
        ),
        rechtsgrundlage=_ul(
            "§ 24 Achtes Buch Sozialgesetzbuch (SGB VIII)",
            "§ 3 Kindertagesbetreuungsgesetz Baden-Württemberg (KiTaG)",
        ),
    ),
    _leistung(
        "Kind in der Grundschule anmelden",
        "99126002001000",
        ["familie"],
        "familie",
        "Einschulung, Schulanmeldung, Schulanfänger, Grundschule, Schulpflicht, Schulbezirk",
        "Schulpflichtige Kinder melden Sie an der Grundschule Ihres Schulbezirks an.",
        volltext=_p(
            "Kinder, die bis zum 30. Juni sechs Jahre alt werden, sind mit Beginn des "
            "Schuljahres schulpflichtig. Die Stadt als Schulträgerin schreibt die Eltern "
            "an und nennt die zuständige Grundschule und den Anmeldetag."
        ),
        unterlagen=_ul(
            "Geburtsurkunde oder Familienstammbuch",
            "Nachweis über den Masernschutz",
            "Ergebnis der Einschulungsuntersuchung, falls vorhanden",
        ),
        kosten=_p("Kostenlos."),
        fristen=_p("Zum Anmeldetag, der im Anschreiben der Stadt steht (meist im Frühjahr)."),
        rechtsgrundlage=_ul("§ 73 Schulgesetz für Baden-Württemberg (SchG)"),
        hinweise=_p(
            "Kinder, die nach dem 30. Juni und bis zum 30. September sechs Jahre alt "
            "werden, können auf Antrag der Eltern eingeschult werden."
        ),
    ),
    _leistung(
        "Rente beantragen",
        "99072001001000",
        ["senioren"],
        "buergerbuero",
        "Altersrente, Rentenantrag, Witwenrente, Erwerbsminderungsrente, Versicherungsamt",
        "Das Bürgerbüro nimmt Ihren Rentenantrag auf und leitet "
        "ihn an die Rentenversicherung weiter.",
        volltext=_p(
            "Renten der gesetzlichen Rentenversicherung werden nur auf Antrag gezahlt. Das "
            "Bürgerbüro hilft beim Ausfüllen der Anträge für Alters-, Hinterbliebenen- und "
            "Erwerbsminderungsrenten und leitet sie an den Rentenversicherungsträger weiter."
        ),
        unterlagen=_ul(
            "Personalausweis",
            "Rentenversicherungsnummer und Versicherungsverlauf",
            "IBAN des Kontos für die Rentenzahlung",
            "Krankenversicherungskarte",
            "bei Hinterbliebenenrente: Sterbeurkunde",
        ),
        kosten=_p("Kostenlos."),
        fristen=_p("Stellen Sie den Antrag etwa drei Monate vor dem gewünschten Rentenbeginn."),
        bearbeitungsdauer=_p(
            "Die Entscheidung trifft die Rentenversicherung; das dauert meist einige Wochen."
        ),
        rechtsgrundlage=_ul(
            "§ 16 Erstes Buch Sozialgesetzbuch (SGB I) – Antragstellung",
            "§ 93 Viertes Buch Sozialgesetzbuch (SGB IV) – Versicherungsämter",
        ),
    ),
    _leistung(
        "Schwerbehindertenausweis beantragen",
        "99063001001000",
        ["senioren", "familie"],
        "buergerbuero",
        "Behinderung, Grad der Behinderung, GdB, Merkzeichen, Schwerbehinderung, Versorgungsamt",
        "Ab einem Grad der Behinderung von 50 erhalten Sie einen Schwerbehindertenausweis.",
        volltext=_p(
            "Der Schwerbehindertenausweis weist den Grad der Behinderung und Merkzeichen "
            "nach, etwa für Nachteilsausgleiche im Beruf, im Verkehr oder bei der Steuer. "
            "Über den Antrag entscheidet das Versorgungsamt; das Bürgerbüro nimmt den "
            "Antrag entgegen und hilft beim Ausfüllen."
        ),
        voraussetzungen=_ul(
            "Ein Grad der Behinderung von mindestens 50.",
            "Wohnsitz oder Arbeitsplatz in Deutschland.",
        ),
        unterlagen=_ul(
            "Antrag auf Feststellung einer Behinderung",
            "ärztliche Befunde und Berichte",
            "Schweigepflichtentbindung für die behandelnden Ärztinnen und Ärzte",
            "ein Passbild (ab dem 10. Lebensjahr)",
        ),
        kosten=_p("Kostenlos."),
        bearbeitungsdauer=_p("Meist mehrere Monate, da ärztliche Unterlagen eingeholt werden."),
        rechtsgrundlage=_ul(
            "§ 152 Neuntes Buch Sozialgesetzbuch (SGB IX)",
            "Schwerbehindertenausweisverordnung (SchwbAwV)",
        ),
    ),
    _leistung(
        "Veranstaltung anmelden",
        "99050020001000",
        ["veranstaltungen"],
        "ordnungsamt",
        "Fest, Vereinsfest, Straßenfest, Konzert, Flohmarkt, Umzug, Veranstaltung im Freien",
        "Öffentliche Veranstaltungen zeigen Sie rechtzeitig beim Ordnungsamt an.",
        volltext=_p(
            "Wer eine öffentliche Veranstaltung plant – ein Vereinsfest, ein Konzert im "
            "Freien oder einen Flohmarkt –, zeigt sie beim Ordnungsamt an. Das Ordnungsamt "
            "stimmt die nötigen Erlaubnisse ab, etwa für Ausschank, Straßensperrung, "
            "Lärmschutz und Sicherheit."
        ),
        voraussetzungen=_ul(
            "Eine verantwortliche Veranstalterin oder ein Veranstalter ist benannt.",
        ),
        unterlagen=_ul(
            "Beschreibung der Veranstaltung mit Ort, Zeit und erwarteter Besucherzahl",
            "Lageplan mit Ständen, Bühnen, Rettungswegen",
            "bei größeren Veranstaltungen: Sicherheitskonzept",
            "Nachweis einer Veranstalterhaftpflichtversicherung",
        ),
        kosten=_p(_FEE_BY_STATUTE + " Sie hängt von Art und Größe der Veranstaltung ab."),
        fristen=_p("Mindestens vier Wochen vorher, bei Großveranstaltungen drei Monate vorher."),
        bearbeitungsdauer=_p("Zwei bis vier Wochen."),
        verfahrensablauf=_ul(
            "Anzeige mit allen Unterlagen einreichen.",
            "Abstimmung mit Polizei, Feuerwehr und Rettungsdienst durch das Ordnungsamt.",
            "Sie erhalten die Bescheide mit den Auflagen.",
        ),
        rechtsgrundlage=_ul(
            "Polizeigesetz Baden-Württemberg (PolG)",
            "Versammlungsstättenverordnung (VStättVO)",
            "§ 12 Gaststättengesetz (GastG)",
            "Polizeiverordnung der Stadt",
        ),
        hinweise=_p(
            "Versammlungen unter freiem Himmel, etwa Demonstrationen, zeigen Sie nach dem "
            "Versammlungsgesetz an; das ist keine Veranstaltung im Sinne dieser Leistung."
        ),
    ),
    _leistung(
        "Plakate aufhängen – Genehmigung beantragen",
        "99050021001000",
        ["veranstaltungen"],
        "ordnungsamt",
        "Plakatierung, Werbung, Veranstaltungsplakat, Wahlplakat, Plakatständer",
        "Wer auf öffentlichen Flächen plakatieren will, braucht eine Erlaubnis der Stadt.",
        volltext=_p(
            "Plakate an Laternen, Bäumen oder auf Gehwegen sind eine Sondernutzung der "
            "Straße. Für Veranstaltungen gemeinnütziger Vereine erteilt die Stadt eine "
            "Erlaubnis für eine begrenzte Zahl von Plakaten und Zeit."
        ),
        unterlagen=_ul(
            "Muster des Plakats",
            "gewünschte Anzahl und Standorte",
            "Zeitraum der Plakatierung",
        ),
        kosten=_p(_FEE_BY_STATUTE + " Gemeinnützige Vereine können befreit werden."),
        fristen=_p("Zwei Wochen vor dem Aufhängen."),
        bearbeitungsdauer=_p("Etwa eine Woche."),
        rechtsgrundlage=_ul(
            "§ 16 Straßengesetz für Baden-Württemberg (StrG)",
            "Sondernutzungssatzung der Stadt",
        ),
        hinweise=_p(
            "Plakate müssen spätestens drei Tage nach der Veranstaltung entfernt sein. "
            "An Verkehrszeichen und Ampeln darf nicht plakatiert werden."
        ),
    ),
    _leistung(
        "Fischereischein beantragen",
        "99052001001000",
        ["alltag"],
        "buergerbuero",
        "Angelschein, Angeln, Fischerei, Jugendfischereischein, Fischereiprüfung",
        "Wer angeln will, braucht einen Fischereischein – ausgestellt von der Stadt.",
        volltext=_p(
            "In Baden-Württemberg braucht zum Fischfang einen Fischereischein, wer die "
            "Fischereiprüfung bestanden hat. Kinder und Jugendliche von 10 bis 15 Jahren "
            "erhalten einen Jugendfischereischein ohne Prüfung. Zusätzlich brauchen Sie "
            "die Erlaubnis der Person, die das Fischereirecht am Gewässer hat."
        ),
        voraussetzungen=_ul(
            "bestandene Fischereiprüfung (nicht beim Jugendfischereischein)",
            "Hauptwohnsitz in der Stadt",
        ),
        unterlagen=_ul(
            "Personalausweis",
            "Prüfungszeugnis der Fischereiprüfung",
            "ein Passbild",
            "bei Verlängerung: bisheriger Fischereischein",
        ),
        kosten=_p(
            "Gebühr nach der Gebührensatzung der Stadt zuzüglich der Fischereiabgabe des Landes."
        ),
        bearbeitungsdauer=_p("In der Regel sofort."),
        rechtsgrundlage=_ul("Fischereigesetz für Baden-Württemberg (FischG)"),
        hinweise=_p(
            "Für das Angeln an Rhein und Murg erhalten Sie Erlaubnisscheine bei den "
            "örtlichen Angelvereinen und Fischereipächtern."
        ),
    ),
]


# ---------------------------------------------------------------------------------------
# Die Städte: Kennung, Organisationseinheiten, eigene Texte
# ---------------------------------------------------------------------------------------

INDEX_INTRO = (
    "Von A wie Abfallbehälter bis W wie Wohngeld: Hier finden Sie die Dienstleistungen der "
    "Stadt {name} – was Sie mitbringen müssen, was es kostet, wer zuständig ist und was "
    "Sie online beantragen können."
)

MON_FRI = ["0", "1", "2", "3", "4"]

# key: (name, parent, description, phone extension, e-mail local part, building,
#       regular hours [(weekdays, opens, closes)], accessibility note)
UNITS: dict[str, tuple[str, str, str, str, str, str, list, str]] = {
    "buergerbuero": (
        "Bürgerbüro",
        "Amt für Bürgerdienste",
        "Melde-, Pass- und Ausweisangelegenheiten, Fundbüro, Beglaubigungen und Rentenanträge.",
        "100",
        "buergerbuero",
        "Rathaus, Erdgeschoss",
        [(MON_FRI, "08:00", "12:30"), (["3"], "14:00", "18:00")],
        "Eingang ebenerdig; Schalter mit abgesenktem Tresen; Wartebereich mit Aufrufanzeige.",
    ),
    "standesamt": (
        "Standesamt",
        "Amt für Bürgerdienste",
        "Geburten, Eheschließungen, Sterbefälle, Urkunden und Kirchenaustritte.",
        "140",
        "standesamt",
        "Rathaus, 1. Obergeschoss",
        [(["0", "1", "3", "4"], "08:30", "12:00"), (["1"], "14:00", "16:00")],
        "Aufzug im Foyer; Trauzimmer stufenlos erreichbar.",
    ),
    "ordnungsamt": (
        "Ordnungsamt",
        "Bürger- und Ordnungsamt",
        "Gewerbe, Veranstaltungen, Straßenverkehr, Parkausweise, Sondernutzungen und Friedhöfe.",
        "300",
        "ordnungsamt",
        "Rathaus, 2. Obergeschoss",
        [(MON_FRI, "08:00", "12:00"), (["3"], "14:00", "17:00")],
        "Aufzug im Foyer; bitte klingeln Sie am Empfang, wir holen Sie ab.",
    ),
    "bauamt": (
        "Baurechtsamt",
        "Dezernat Bauen und Stadtentwicklung",
        "Baugenehmigungen, Bauvoranfragen und Baulastenverzeichnis.",
        "600",
        "baurecht",
        "Rathaus, 3. Obergeschoss",
        [(["0", "2", "4"], "08:30", "12:00"), (["3"], "14:00", "17:30")],
        "Aufzug im Foyer; Besprechungsraum im 3. Obergeschoss stufenlos.",
    ),
    "steueramt": (
        "Steueramt",
        "Stadtkämmerei",
        "Hundesteuer, Grundsteuer, Gewerbesteuer und SEPA-Lastschriftmandate.",
        "200",
        "steueramt",
        "Rathaus, 1. Obergeschoss",
        [(MON_FRI, "08:00", "12:00"), (["2"], "14:00", "16:00")],
        "Aufzug im Foyer.",
    ),
    "umwelt": (
        "Amt für Umwelt und Abfallwirtschaft",
        "Dezernat Bauen und Stadtentwicklung",
        "Sperrmüll, Abfallbehälter, Biotonne, Baumschutz und wilde Müllablagerungen.",
        "700",
        "abfall",
        "Rathaus, Nebengebäude im Hof",
        [(MON_FRI, "08:00", "12:00")],
        "Zugang über den Hof mit Rampe; Türklingel in 90 cm Höhe.",
    ),
    "familie": (
        "Amt für Jugend, Familie und Bildung",
        "Dezernat Soziales",
        "Kinderbetreuung, Schulanmeldung, Wohngeld und Wohnberechtigungsschein.",
        "500",
        "familie",
        "Rathaus, 2. Obergeschoss",
        [(["0", "1", "2", "3"], "08:30", "12:00"), (["1"], "14:00", "16:00")],
        "Aufzug im Foyer; Wickeltisch im barrierefreien WC.",
    ),
}
# (step-free access, accessible toilet, hearing loop, disabled parking)
UNIT_ACCESS = {
    "buergerbuero": (True, True, True, True),
    "standesamt": (True, True, True, True),
    "ordnungsamt": (True, True, False, True),
    "bauamt": (True, False, False, True),
    "steueramt": (True, True, False, False),
    "umwelt": (True, False, False, True),
    "familie": (True, True, False, False),
}


def _town(code: str, overrides=(), notes=(), **extra) -> dict[str, Any]:
    """A town's Bürgerservice flavour: ``overrides`` are (Leistung, section, HTML),
    ``notes`` (Leistung, HTML) for ``town_notes``."""
    return {"code": code, "overrides": list(overrides), "notes": list(notes), **extra}


TOWN_SERVICES: dict[str, dict[str, Any]] = {
    "baden-baden": _town(
        "BAD",
        overrides=[
            (
                "Hund anmelden",
                "kosten",
                _p(
                    "Die Hundesteuer in Baden-Baden beträgt 108 Euro im Jahr für den ersten "
                    "Hund und 216 Euro für jeden weiteren Hund. Für einen Kampfhund werden "
                    "612 Euro im Jahr erhoben.",
                    "Die Anmeldung selbst ist gebührenfrei.",
                ),
            ),
            (
                "Eheschließung anmelden",
                "hinweise",
                _p(
                    "Trauungen sind in Baden-Baden im Trauzimmer des Rathauses am Marktplatz "
                    "und an ausgewählten besonderen Orten möglich. Freie Termine nennt Ihnen "
                    "das Standesamt."
                ),
            ),
        ],
        notes=[
            (
                "Personalausweis beantragen",
                _p(
                    "Im Bürgerbüro Baden-Baden nehmen wir Ihr biometrisches Lichtbild direkt "
                    "am Schalter auf."
                ),
            ),
        ],
        saturday=True,
    ),
    "bretten": _town(
        "BRE",
        overrides=[
            (
                "Anwohnerparkausweis beantragen",
                "kosten",
                _p("In Bretten kostet der Bewohnerparkausweis 60 Euro für zwölf Monate."),
            ),
            (
                "Veranstaltung anmelden",
                "fristen",
                _p(
                    "Veranstaltungen während des Peter-und-Paul-Fests melden Sie bitte bis "
                    "zum 31. März an, alle anderen mindestens vier Wochen vorher."
                ),
            ),
        ],
        notes=[
            (
                "Sperrmüll anmelden",
                _p(
                    "Ihre Anmeldung geben wir an den Abfallwirtschaftsbetrieb des "
                    "Landkreises weiter, der den Sperrmüll in Bretten abholt."
                ),
            ),
        ],
    ),
    "bruchsal": _town(
        "BRU",
        overrides=[
            (
                "Sperrmüll anmelden",
                "hinweise",
                _p(
                    "In Bruchsal stellen Sie den Sperrmüll bitte erst am Vorabend ab 18 Uhr "
                    "an den Straßenrand. Elektrogroßgeräte wie Kühlschränke melden Sie "
                    "gesondert an – sie werden an einem eigenen Termin abgeholt."
                ),
            ),
            (
                "Gewerbe anmelden",
                "kosten",
                _p("Die Gewerbeanmeldung kostet in Bruchsal 30 Euro."),
            ),
            (
                "Wohnsitz anmelden",
                "verfahrensablauf",
                _ul(
                    "Wohnungsgeberbestätigung beim Vermieter anfordern.",
                    "Im Bürgerbüro Bruchsal vorsprechen – auch samstags vormittags.",
                    "Sie erhalten eine Meldebestätigung; die Anschrift im Ausweis wird geändert.",
                ),
            ),
        ],
        notes=[
            (
                "Hund anmelden",
                _p(
                    "Kostenlose Beutel für Hundekot gibt es an den Spendern im ganzen "
                    "Stadtgebiet und im Bürgerbüro."
                ),
            ),
        ],
        saturday=True,
    ),
    "buehl": _town(
        "BUE",
        overrides=[
            (
                "Biotonne bestellen",
                "kosten",
                _p("In Bühl ist eine Biotonne mit 120 Litern in der Grundgebühr enthalten."),
            ),
            (
                "Veranstaltung anmelden",
                "hinweise",
                _p(
                    "Für Stände und Veranstaltungen rund um das Bühler Zwetschgenfest gelten "
                    "eigene Vergaberegeln; bitte wenden Sie sich frühzeitig an das Ordnungsamt."
                ),
            ),
        ],
        notes=[
            (
                "Fundsache melden",
                _p("Das Fundbüro Bühl finden Sie im Bürgerbüro im Rathaus."),
            ),
        ],
        long_day="1",
    ),
    "ettlingen": _town(
        "ETT",
        overrides=[
            (
                "Anwohnerparkausweis beantragen",
                "voraussetzungen",
                _ul(
                    "Sie wohnen mit Hauptwohnung in einer der Bewohnerparkzonen der "
                    "Ettlinger Innenstadt.",
                    "Das Fahrzeug ist auf Sie zugelassen oder wird Ihnen dauerhaft zur "
                    "Nutzung überlassen.",
                    "Sie haben keinen eigenen Stellplatz oder keine Garage.",
                ),
            ),
            (
                "Eheschließung anmelden",
                "hinweise",
                _p(
                    "Neben dem Trauzimmer im Rathaus steht für Trauungen auch ein Saal im "
                    "Ettlinger Schloss zur Verfügung (mit Zuschlag)."
                ),
            ),
        ],
        notes=[
            (
                "Straßensperrung beantragen",
                _p(
                    "Während der Schlossfestspiele sind in der Altstadt keine zusätzlichen "
                    "Sperrungen möglich."
                ),
            ),
        ],
    ),
    "gaggenau": _town(
        "GAG",
        overrides=[
            (
                "Fischereischein beantragen",
                "hinweise",
                _p(
                    "Erlaubnisscheine für die Murg im Stadtgebiet Gaggenau erhalten Sie bei "
                    "den örtlichen Angelvereinen."
                ),
            ),
            (
                "Grabstätte erwerben oder verlängern",
                "volltext",
                _p(
                    "Die Stadt Gaggenau unterhält Friedhöfe in der Kernstadt und in den "
                    "Stadtteilen. Es gibt Reihengräber, Wahlgräber, Urnengräber und "
                    "Baumbestattungen; das Nutzungsrecht an Wahlgräbern kann verlängert werden."
                ),
            ),
        ],
        notes=[
            (
                "Sperrmüll anmelden",
                _p("In den Höhenstadtteilen wird Sperrmüll an eigenen Sammelterminen abgeholt."),
            ),
        ],
        long_day="1",
    ),
    "rastatt": _town(
        "RAS",
        overrides=[
            (
                "Straßensperrung beantragen",
                "fristen",
                _p(
                    "In der Rastatter Innenstadt mindestens drei Wochen vor Beginn, sonst "
                    "mindestens zwei Wochen."
                ),
            ),
            (
                "Eheschließung anmelden",
                "hinweise",
                _p(
                    "Trauungen sind in Rastatt im historischen Rathaus und in der "
                    "Pagodenburg möglich."
                ),
            ),
        ],
        notes=[
            (
                "Kindergartenplatz anmelden",
                _p("Die Vormerkung für das Kindergartenjahr ist bis zum 31. Januar möglich."),
            ),
        ],
        saturday=True,
    ),
    "rheinstetten": _town(
        "RHE",
        overrides=[
            (
                "Veranstaltung anmelden",
                "hinweise",
                _p(
                    "Veranstaltungen auf dem Messegelände stimmt die Messegesellschaft mit "
                    "uns ab; Sie müssen sie nicht selbst anmelden."
                ),
            ),
            (
                "Sperrmüll anmelden",
                "kosten",
                _p(
                    "In Rheinstetten sind zwei Abholungen mit je bis zu drei Kubikmetern im "
                    "Jahr in der Abfallgebühr enthalten."
                ),
            ),
        ],
        notes=[
            (
                "Wohnsitz anmelden",
                _p(
                    "Das Bürgerbüro ist im Rathaus in der "
                    "Rappenwörthstraße; stufenloser Zugang über den Hof."
                ),
            ),
        ],
    ),
    "stutensee": _town(
        "STU",
        overrides=[
            (
                "Kindergartenplatz anmelden",
                "verfahrensablauf",
                _ul(
                    "Bedarf im Kita-Portal der Stadt Stutensee vormerken.",
                    "Die Einrichtungen in Blankenloch, Büchig, Friedrichstal, Spöck und "
                    "Staffort vergeben die Plätze nach den gemeinsamen Aufnahmekriterien.",
                    "Sie erhalten eine Zusage und schließen den Betreuungsvertrag.",
                ),
            ),
            (
                "Hund anmelden",
                "hinweise",
                _p(
                    "Bitte melden Sie Ihren Hund auch an, wenn Sie nur vorübergehend in "
                    "Stutensee wohnen und er länger als zwei Monate bei Ihnen lebt."
                ),
            ),
        ],
        notes=[
            (
                "Wohngeld beantragen",
                _p("Eine Beratung zum Wohngeld bieten wir dienstags nachmittags an."),
            ),
        ],
        long_day="1",
    ),
}
