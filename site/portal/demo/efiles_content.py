"""Demo records (E-Akte) of a town: files, processes and documents with German text.

Texts take ``{stadt}`` (town name), ``{strasse}`` (a street), ``{plz}`` and ``{jahr}``
(the year the file was opened). ``unit`` is a key of ``services_content.UNITS``;
``plan`` lists words of plan unit titles to file under (first match in the town's file
plan wins) and, last, a fallback (code, title, retention, disposal) used when the plan
has no such unit. ``closed`` files are closed (zdA) on that date; ``disposal`` then sets
the Aussonderungsart with 10 years of retention, so the disposal list has A, B and V.
``core`` files are seeded in every town, the others only in the larger towns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from backoffice.efiles.models import Confidentiality, DocumentType

FULL_TOWNS = ("rastatt", "bruchsal")


@dataclass
class Doc:
    title: str
    kind: str
    text: str
    sender: str = ""
    recipient: str = ""
    confidentiality: int | None = None
    #: later versions: (text added to the document, comment)
    versions: list[tuple[str, str]] = field(default_factory=list)
    checked_out: bool = False


@dataclass
class Proc:
    title: str
    docs: list[Doc]


@dataclass
class File:
    title: str
    unit: str
    plan: tuple[tuple[str, ...], tuple[str, str, int, str]]
    opened: dt.date
    procs: list[Proc]
    description: str = ""
    confidentiality: int = Confidentiality.OPEN
    closed: dt.date | None = None
    disposal: str = ""
    core: bool = False


STREETS = {
    "baden-baden": ("Lichtentaler Allee", "Sophienstraße", "Gernsbacher Straße"),
    "bretten": ("Melanchthonstraße", "Pforzheimer Straße", "Weißhofer Straße"),
    "bruchsal": ("Kaiserstraße", "Friedrichstraße", "Huttenstraße"),
    "buehl": ("Hauptstraße", "Eisenbahnstraße", "Johannesplatz"),
    "ettlingen": ("Leopoldstraße", "Pforzheimer Straße", "Albstraße"),
    "gaggenau": ("Hauptstraße", "Bismarckstraße", "Murgtalstraße"),
    "rastatt": ("Kaiserstraße", "Herrenstraße", "Rheinauer Ring"),
    "rheinstetten": ("Badener Straße", "Merkurstraße", "Rappenwörthstraße"),
    "stutensee": ("Hauptstraße", "Lindenstraße", "Friedrichstaler Straße"),
}

BAU = (
    ("Baugenehmigung", "Bauantr", "Bauaufsicht", "Baurecht"),
    ("632", "Baugenehmigungen", 30, "B"),
)
BAU_VOR = (("Bauvoranfrage", "Baugenehmigung", "Bauaufsicht"), ("632", "Baugenehmigungen", 30, "B"))
STRASSE = (("Straßenbenennung", "Stadtgebiet"), ("651", "Straßenbenennung", 10, "A"))
GEWERBE = (
    ("Gewerbeanzeige", "Gewerbeanmeld", "Gewerbe"),
    ("130", "Gewerbeangelegenheiten", 10, "V"),
)
GASTRO = (("Gaststätte", "Gewerbe"), ("131", "Gaststätten", 10, "B"))
SONDER = (("Sondernutzung", "Verkehrsregelung", "Straßen"), ("657", "Sondernutzungen", 5, "V"))
VERANST = (("Märkte", "Feste", "Veranstaltung"), ("136", "Veranstaltungen und Märkte", 5, "V"))
VEREIN = (("Vereinsförder", "Sportförder", "Zuschüsse"), ("343", "Vereinsförderung", 10, "B"))
BESCHAFF = (("Beschaffung", "Vergabe"), ("051", "Beschaffung und Vergabe", 10, "V"))
PERSONAL = (("Personalakte", "Personal"), ("022", "Personalakten", 50, "B"))
MELDE = (("Melde", "Einwohner"), ("110", "Meldewesen", 10, "V"))
FUND = (("Fundsachen", "Ordnungsverwaltung"), ("114", "Fundsachen", 3, "V"))


def _d(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


def files(today: dt.date) -> list[File]:
    """The demo files, opened and closed relative to ``today``."""
    year = today.year
    return [
        File(
            "Bauantrag Neubau Einfamilienhaus {strasse} 14",
            "bauamt",
            BAU,
            _d(year, 1, 13),
            [
                Proc(
                    "Baugenehmigungsverfahren",
                    [
                        Doc(
                            "Bauantrag mit Lageplan",
                            DocumentType.APPLICATION,
                            "Antrag auf Baugenehmigung für den Neubau eines Einfamilienhauses mit "
                            "Doppelgarage auf dem Grundstück {strasse} 14 in {plz} {stadt}. "
                            "Beigefügt sind Lageplan, Bauzeichnungen, Baubeschreibung, "
                            "Standsicherheitsnachweis und die Berechnung der Wohnfläche.",
                            sender="Familie Keller",
                        ),
                        Doc(
                            "Stellungnahme Stadtplanung",
                            DocumentType.NOTE,
                            "Vermerk der Stadtplanung: Das Vorhaben liegt im Geltungsbereich des "
                            "Bebauungsplans „Sonnenhalde“. Firsthöhe und Dachneigung entsprechen "
                            "den Festsetzungen; die Grundflächenzahl wird eingehalten.",
                        ),
                        Doc(
                            "Baugenehmigung",
                            DocumentType.DECISION,
                            "Bescheid: Die Baugenehmigung für den Neubau eines Einfamilienhauses "
                            "{strasse} 14 wird unter Auflagen erteilt. Die Auflagen zum "
                            "Regenwasserrückhalt sind Bestandteil dieser Genehmigung.",
                            recipient="Familie Keller",
                            versions=[
                                (
                                    "Ergänzt: Auflage zur Dachbegrünung der Doppelgarage.",
                                    "Auflage Dachbegrünung ergänzt",
                                ),
                                (
                                    "Endfassung nach Schlusszeichnung durch die Amtsleitung.",
                                    "Endfassung, schlussgezeichnet",
                                ),
                            ],
                        ),
                    ],
                ),
                Proc(
                    "Nachbarbeteiligung",
                    [
                        Doc(
                            "Einwendung der Nachbarin",
                            DocumentType.LETTER,
                            "Einwendung gegen das Bauvorhaben {strasse} 14: Die geplante Garage "
                            "verschatte den Garten. Bitte um Prüfung der Abstandsflächen.",
                            sender="Helga Schneider",
                        ),
                    ],
                ),
            ],
            description="Neubau eines Einfamilienhauses mit Doppelgarage.",
            core=True,
        ),
        File(
            "Bauvoranfrage Aufstockung Bürogebäude {strasse2} 3",
            "bauamt",
            BAU_VOR,
            _d(year, 2, 2),
            [
                Proc(
                    "Bauvoranfrage",
                    [
                        Doc(
                            "Bauvoranfrage",
                            DocumentType.APPLICATION,
                            "Bauvoranfrage zur Aufstockung des Bürogebäudes {strasse2} 3 um ein "
                            "Staffelgeschoss in Holzbauweise. Gefragt wird nach der "
                            "Zulässigkeit nach § 34 Baugesetzbuch.",
                            sender="Architekturbüro Wenzel & Partner",
                        ),
                        Doc(
                            "Entwurf Bauvorbescheid",
                            DocumentType.DECISION,
                            "Entwurf: Die Aufstockung fügt sich nach Art und Maß der baulichen "
                            "Nutzung in die Eigenart der näheren Umgebung ein. Stellplätze sind "
                            "nachzuweisen.",
                            recipient="Architekturbüro Wenzel & Partner",
                            checked_out=True,
                        ),
                    ],
                )
            ],
            core=True,
        ),
        File(
            "Gewerbeanmeldung Bäckerei Sonnenkorn, {strasse} 22",
            "ordnungsamt",
            GEWERBE,
            _d(year, 3, 4),
            [
                Proc(
                    "Gewerbeanzeige",
                    [
                        Doc(
                            "Gewerbeanmeldung",
                            DocumentType.APPLICATION,
                            "Gewerbeanmeldung nach § 14 Gewerbeordnung: Bäckerei und Café "
                            "Sonnenkorn, Betriebsstätte {strasse} 22, {plz} {stadt}. Beginn der "
                            "Tätigkeit am 1. April.",
                            sender="Aylin Demir",
                        ),
                        Doc(
                            "Auskunft aus dem Gewerbezentralregister",
                            DocumentType.LETTER,
                            "Auskunft aus dem Gewerbezentralregister: keine Eintragungen. "
                            "Nur für den Dienstgebrauch.",
                            sender="Bundesamt für Justiz",
                            confidentiality=Confidentiality.VS_NFD,
                        ),
                        Doc(
                            "Empfangsbestätigung Gewerbeanzeige",
                            DocumentType.DECISION,
                            "Empfangsbestätigung über die Gewerbeanzeige der Bäckerei Sonnenkorn "
                            "mit den Durchschriften an Finanzamt, Handwerkskammer und "
                            "Berufsgenossenschaft.",
                            recipient="Aylin Demir",
                        ),
                    ],
                )
            ],
            core=True,
        ),
        File(
            "Sondernutzung Außengastronomie Marktplatz",
            "ordnungsamt",
            SONDER,
            _d(year, 2, 20),
            [
                Proc(
                    "Sondernutzungserlaubnis Saison {jahr}",
                    [
                        Doc(
                            "Antrag Außenbewirtschaftung",
                            DocumentType.APPLICATION,
                            "Antrag auf Sondernutzung öffentlicher Verkehrsfläche für 12 Tische "
                            "und 48 Stühle vor dem Eiscafé am Marktplatz von April bis Oktober.",
                            sender="Eiscafé Venezia",
                        ),
                        Doc(
                            "Sondernutzungserlaubnis",
                            DocumentType.DECISION,
                            "Die Sondernutzungserlaubnis für die Außenbewirtschaftung wird "
                            "befristet erteilt. Die Sondernutzungsgebühr beträgt 18 Euro je "
                            "Quadratmeter und Saison. Ein Durchgang von 1,50 Meter bleibt frei.",
                            recipient="Eiscafé Venezia",
                            versions=[
                                ("Gebühr neu berechnet: 36 Quadratmeter.", "Fläche korrigiert")
                            ],
                        ),
                    ],
                )
            ],
            core=True,
        ),
        File(
            "Vereinsförderung {jahr} – Zuschuss Jugendarbeit",
            "familie",
            VEREIN,
            _d(year, 1, 20),
            [
                Proc(
                    "Zuschussantrag Turnverein",
                    [
                        Doc(
                            "Zuschussantrag Jugendarbeit",
                            DocumentType.APPLICATION,
                            "Der Turnverein beantragt einen Zuschuss für Übungsleiter in der "
                            "Jugendarbeit: 14 Jugendgruppen, 210 Kinder und Jugendliche, "
                            "Übungsleiterpauschale nach den Vereinsförderrichtlinien.",
                            sender="Turnverein {stadt} e. V.",
                        ),
                        Doc(
                            "Bewilligungsbescheid",
                            DocumentType.DECISION,
                            "Bewilligung eines Zuschusses von 4.200 Euro für die Jugendarbeit. "
                            "Der Verwendungsnachweis ist bis zum 31. März des Folgejahres "
                            "vorzulegen.",
                            recipient="Turnverein {stadt} e. V.",
                        ),
                    ],
                ),
                Proc(
                    "Zuschussantrag Musikverein",
                    [
                        Doc(
                            "Antrag Instrumentenbeschaffung",
                            DocumentType.APPLICATION,
                            "Der Musikverein bittet um Förderung der Anschaffung einer Tuba und "
                            "zweier Waldhörner für die Jugendkapelle.",
                            sender="Musikverein Harmonie {stadt}",
                        )
                    ],
                ),
            ],
            core=True,
        ),
        File(
            "Melderegister – Auskunftssperren",
            "buergerbuero",
            MELDE,
            _d(year, 1, 8),
            [
                Proc(
                    "Auskunftssperre nach § 51 BMG",
                    [
                        Doc(
                            "Antrag auf Auskunftssperre",
                            DocumentType.APPLICATION,
                            "Antrag auf Eintragung einer Auskunftssperre im Melderegister wegen "
                            "Gefahr für Leib und Leben. Glaubhaftmachung liegt bei.",
                            sender="vertraulich",
                        ),
                        Doc(
                            "Vermerk Eintragung Auskunftssperre",
                            DocumentType.NOTE,
                            "Die Auskunftssperre wurde für zwei Jahre eingetragen; Wiedervorlage "
                            "vor Ablauf.",
                        ),
                    ],
                )
            ],
            confidentiality=Confidentiality.VS_NFD,
            description="Nur für den Dienstgebrauch.",
            core=True,
        ),
        File(
            "Personalakte Müller, Sabine",
            "buergerbuero",
            PERSONAL,
            _d(2019, 9, 1),
            [
                Proc(
                    "Einstellung",
                    [
                        Doc(
                            "Arbeitsvertrag",
                            DocumentType.CONTRACT,
                            "Arbeitsvertrag nach TVöD, Entgeltgruppe 8, Sachbearbeitung im "
                            "Bürgerbüro, unbefristet, Vollzeit.",
                        )
                    ],
                )
            ],
            confidentiality=Confidentiality.CONFIDENTIAL,
            description="Vertraulich – nur Personalverwaltung.",
            core=True,
        ),
        # --- closed files: retention ended, on the disposal list ----------------------------
        File(
            "Straßenbenennung im Neubaugebiet Sonnenhalde",
            "bauamt",
            STRASSE,
            _d(2009, 5, 11),
            [
                Proc(
                    "Benennung",
                    [
                        Doc(
                            "Gemeinderatsbeschluss Straßennamen",
                            DocumentType.MINUTES,
                            "Auszug aus dem Protokoll des Gemeinderats: Die Straßen im "
                            "Neubaugebiet Sonnenhalde erhalten die Namen Amselweg, Finkenweg "
                            "und Lerchenstraße.",
                        ),
                        Doc(
                            "Bekanntmachung Straßennamen",
                            DocumentType.LETTER,
                            "Öffentliche Bekanntmachung der Straßenbenennung im Amtsblatt der "
                            "Stadt {stadt}.",
                        ),
                    ],
                )
            ],
            closed=_d(2011, 6, 30),
            disposal="A",
            core=True,
        ),
        File(
            "Bauantrag Garage {strasse3} 7",
            "bauamt",
            BAU,
            _d(2011, 3, 15),
            [
                Proc(
                    "Baugenehmigungsverfahren",
                    [
                        Doc(
                            "Bauantrag Garage",
                            DocumentType.APPLICATION,
                            "Antrag auf Genehmigung einer Fertiggarage an der Grundstücksgrenze "
                            "{strasse3} 7.",
                            sender="Jonas Brandt",
                        ),
                        Doc(
                            "Baugenehmigung Garage",
                            DocumentType.DECISION,
                            "Die Baugenehmigung für die Fertiggarage wird erteilt.",
                            recipient="Jonas Brandt",
                        ),
                    ],
                )
            ],
            closed=_d(2012, 11, 5),
            disposal="B",
            core=True,
        ),
        File(
            "Gewerbeabmeldung Schreinerei Holzwurm",
            "ordnungsamt",
            GEWERBE,
            _d(2010, 2, 1),
            [
                Proc(
                    "Gewerbeabmeldung",
                    [
                        Doc(
                            "Gewerbeabmeldung",
                            DocumentType.APPLICATION,
                            "Abmeldung des Gewerbes Schreinerei Holzwurm wegen Ruhestand des "
                            "Inhabers zum 31. Dezember.",
                            sender="Schreinerei Holzwurm",
                        )
                    ],
                )
            ],
            closed=_d(2010, 12, 31),
            disposal="V",
            core=True,
        ),
        File(
            "Weihnachtsmarkt 2013 – Standvergabe",
            "ordnungsamt",
            VERANST,
            _d(2013, 6, 3),
            [
                Proc(
                    "Standvergabe",
                    [
                        Doc(
                            "Bewerbungen Marktstände",
                            DocumentType.LETTER,
                            "Liste der Bewerbungen für 38 Marktstände auf dem Weihnachtsmarkt: "
                            "Glühwein, Kunsthandwerk, Maronen und Bratwurst.",
                        ),
                        Doc(
                            "Zulassungsbescheide",
                            DocumentType.DECISION,
                            "Zulassung von 31 Beschickern zum Weihnachtsmarkt 2013.",
                        ),
                    ],
                )
            ],
            closed=_d(2014, 1, 31),
            disposal="V",
        ),
        File(
            "Vereinsförderung 2012",
            "familie",
            VEREIN,
            _d(2012, 1, 16),
            [
                Proc(
                    "Zuschüsse 2012",
                    [
                        Doc(
                            "Übersicht Zuschüsse 2012",
                            DocumentType.NOTE,
                            "Übersicht der bewilligten Vereinszuschüsse 2012: Sportvereine, "
                            "Musikvereine, Heimatverein und Narrenzunft.",
                        )
                    ],
                )
            ],
            closed=_d(2013, 2, 28),
            disposal="B",
        ),
        File(
            "Beschaffung Multifunktionsgeräte Rathaus",
            "buergerbuero",
            BESCHAFF,
            _d(year - 1, 4, 7),
            [
                Proc(
                    "Vergabe",
                    [
                        Doc(
                            "Leistungsbeschreibung",
                            DocumentType.OTHER,
                            "Leistungsbeschreibung: 14 Multifunktionsgeräte für Drucken, "
                            "Kopieren und Scannen, Leasing über 60 Monate mit Wartung.",
                        ),
                        Doc(
                            "Vergabevermerk",
                            DocumentType.NOTE,
                            "Vergabevermerk: Zuschlag an das wirtschaftlichste Angebot der "
                            "Bürotechnik Oberrhein GmbH.",
                        ),
                        Doc(
                            "Rechnung Lieferung",
                            DocumentType.INVOICE,
                            "Rechnung über die Lieferung und Installation von 14 "
                            "Multifunktionsgeräten.",
                            sender="Bürotechnik Oberrhein GmbH",
                        ),
                    ],
                )
            ],
            closed=_d(year - 1, 12, 15),
            core=True,
        ),
        # --- more open files in the larger towns ------------------------------------------
        File(
            "Nutzungsänderung Ladenlokal zu Café, {strasse2} 41",
            "bauamt",
            BAU,
            _d(year, 3, 18),
            [
                Proc(
                    "Baugenehmigungsverfahren",
                    [
                        Doc(
                            "Antrag Nutzungsänderung",
                            DocumentType.APPLICATION,
                            "Antrag auf Nutzungsänderung eines Ladenlokals in ein Café mit 30 "
                            "Sitzplätzen, {strasse2} 41. Stellplatznachweis durch Ablösung.",
                            sender="Olga Petrenko",
                        ),
                        Doc(
                            "Stellungnahme Brandschutz",
                            DocumentType.LETTER,
                            "Stellungnahme der Feuerwehr zum zweiten Rettungsweg: keine "
                            "Bedenken bei Einbau eines Notausgangs zum Hof.",
                            sender="Feuerwehr {stadt}",
                        ),
                    ],
                )
            ],
        ),
        File(
            "Gaststättenerlaubnis Weinstube am Rathaus",
            "ordnungsamt",
            GASTRO,
            _d(year, 2, 9),
            [
                Proc(
                    "Erlaubnisverfahren",
                    [
                        Doc(
                            "Antrag Gaststättenerlaubnis",
                            DocumentType.APPLICATION,
                            "Antrag auf Erlaubnis zum Betrieb einer Schankwirtschaft mit "
                            "Ausschank alkoholischer Getränke, Weinstube am Rathaus.",
                            sender="Sabine und Markus Roth",
                        ),
                        Doc(
                            "Führungszeugnis",
                            DocumentType.LETTER,
                            "Führungszeugnis zur Vorlage bei einer Behörde. Nur für den "
                            "Dienstgebrauch.",
                            sender="Bundesamt für Justiz",
                            confidentiality=Confidentiality.VS_NFD,
                        ),
                        Doc(
                            "Unterrichtungsnachweis IHK",
                            DocumentType.OTHER,
                            "Unterrichtungsnachweis der Industrie- und Handelskammer über "
                            "lebensmittelrechtliche Kenntnisse.",
                            sender="IHK Karlsruhe",
                        ),
                    ],
                )
            ],
        ),
        File(
            "Sondernutzung Gerüst und Baustelleneinrichtung {strasse} 5",
            "ordnungsamt",
            SONDER,
            _d(year, 4, 2),
            [
                Proc(
                    "Sondernutzungserlaubnis",
                    [
                        Doc(
                            "Antrag Gerüststellung",
                            DocumentType.APPLICATION,
                            "Antrag auf Aufstellung eines Fassadengerüsts und eines Containers "
                            "auf dem Gehweg für sechs Wochen.",
                            sender="Malerbetrieb Fischer",
                        ),
                        Doc(
                            "Verkehrsrechtliche Anordnung",
                            DocumentType.DECISION,
                            "Verkehrsrechtliche Anordnung mit Beschilderungsplan: Halteverbot "
                            "auf 15 Metern, Fußgänger werden über die Gegenseite geführt.",
                            recipient="Malerbetrieb Fischer",
                        ),
                    ],
                )
            ],
        ),
        File(
            "Stadtfest {jahr} – Genehmigungen",
            "ordnungsamt",
            VERANST,
            _d(year, 1, 27),
            [
                Proc(
                    "Veranstaltungsgenehmigung",
                    [
                        Doc(
                            "Sicherheitskonzept",
                            DocumentType.PLAN,
                            "Sicherheitskonzept für das Stadtfest: Rettungswege, Sanitätsdienst, "
                            "Ordnerdienst, Lautsprecherdurchsagen bei Unwetter.",
                            sender="Stadtmarketing {stadt}",
                            versions=[
                                ("Ergänzt: Evakuierungsplan Marktplatz.", "Evakuierungsplan")
                            ],
                        ),
                        Doc(
                            "Protokoll Sicherheitsbesprechung",
                            DocumentType.MINUTES,
                            "Protokoll der Sicherheitsbesprechung mit Polizei, Feuerwehr und "
                            "Rotem Kreuz.",
                        ),
                    ],
                ),
                Proc(
                    "Ausschankgenehmigungen",
                    [
                        Doc(
                            "Gestattungen nach § 12 Gaststättengesetz",
                            DocumentType.DECISION,
                            "Vorübergehende Gestattungen für 9 Vereine zum Ausschank während "
                            "des Stadtfests.",
                        )
                    ],
                ),
            ],
        ),
        File(
            "Fundsachen {jahr}",
            "buergerbuero",
            FUND,
            _d(year, 1, 2),
            [
                Proc(
                    "Fundanzeigen",
                    [
                        Doc(
                            "Fundanzeige Fahrrad",
                            DocumentType.NOTE,
                            "Fundanzeige: Damenfahrrad, blau, Rahmennummer WBK 448211, "
                            "gefunden am Bahnhof.",
                        ),
                        Doc(
                            "Fundanzeige Geldbörse",
                            DocumentType.NOTE,
                            "Fundanzeige: Geldbörse mit 35 Euro Bargeld, abgegeben im Bürgerbüro.",
                        ),
                    ],
                )
            ],
        ),
    ]
