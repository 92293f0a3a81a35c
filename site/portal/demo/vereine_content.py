"""Demo data of the Vereinsportal: clubs, their events and volunteer opportunities.

Clubs are written once as templates (``CLUBS``) and placed in every town with the
town's name, a district, its streets and coordinates near its centre (``TOWNS``); the
first eight templates carry the events the demo must show everywhere (weekly, monthly
by weekday, a cancelled and a postponed event, sign-up with capacity 12, a fully
booked event with waiting list). Dates are relative to the day the demo is loaded
(``EventSpec``), so the calendar always looks alive. Names, addresses, register
numbers and people are invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES = [
    ("sport", "Sport"),
    ("musik", "Musik"),
    ("kultur", "Kultur"),
    ("soziales", "Soziales"),
    ("jugend", "Jugend"),
    ("senioren", "Senioren"),
    ("umwelt", "Umwelt"),
    ("feuerwehr", "Feuerwehr"),
    ("bildung", "Bildung"),
    ("religion", "Religion"),
    ("heimat-brauchtum", "Heimat & Brauchtum"),
    ("gesundheit", "Gesundheit"),
]

TARGET_GROUPS = [
    ("kinder", "Kinder"),
    ("jugendliche", "Jugendliche"),
    ("erwachsene", "Erwachsene"),
    ("familien", "Familien"),
    ("senioren", "Senioren"),
    ("menschen-mit-behinderung", "Menschen mit Behinderung"),
]

PAGE_TEXTS = {
    "vereine": (
        "Vereine",
        "Sport, Musik, Kultur, Soziales und vieles mehr: die Vereine in {name} stellen "
        "sich vor. Suchen Sie nach Thema oder Zielgruppe und nehmen Sie direkt Kontakt auf.",
    ),
    "veranstaltungen": (
        "Veranstaltungen",
        "Konzerte, Feste, Training zum Reinschnuppern und Kurse: was die Vereine in "
        "{name} anbieten. Jeden Termin können Sie in Ihren eigenen Kalender übernehmen.",
    ),
    "ehrenamt": (
        "Ehrenamt",
        "Sie möchten sich engagieren? Die Vereine in {name} suchen Unterstützung – "
        "regelmäßig oder für einen einzelnen Einsatz.",
    ),
}
REGION_NAME = "der Region"


@dataclass(frozen=True)
class TownPlaces:
    postcode: str
    centre: tuple[float, float]
    streets: list[str]
    districts: list[str]
    church: str
    clubs: int  # how many of CLUBS the town gets


TOWNS: dict[str, TownPlaces] = {
    "baden-baden": TownPlaces(
        "76530",
        (48.7606, 8.2398),
        [
            "Lichtentaler Allee",
            "Sophienstraße",
            "Lange Straße",
            "Rheinstraße",
            "Hardstraße",
            "Fremersbergstraße",
            "Scheibenstraße",
            "Weststadtstraße",
        ],
        ["Oos", "Lichtental", "Steinbach", "Sandweier", "Haueneberstein"],
        "St. Bernhard",
        20,
    ),
    "bretten": TownPlaces(
        "75015",
        (49.0364, 8.7061),
        [
            "Melanchthonstraße",
            "Weißhofer Straße",
            "Wilhelmstraße",
            "Pforzheimer Straße",
            "Am Sportplatz",
            "Georg-Wörner-Straße",
        ],
        ["Diedelsheim", "Gölshausen", "Rinklingen", "Ruit"],
        "St. Laurentius",
        10,
    ),
    "bruchsal": TownPlaces(
        "76646",
        (49.1244, 8.5980),
        [
            "Kaiserstraße",
            "Friedrichstraße",
            "Huttenstraße",
            "Schönbornstraße",
            "Württemberger Straße",
            "Am Sportzentrum",
            "Durlacher Straße",
            "Prinz-Wilhelm-Straße",
        ],
        ["Heidelsheim", "Untergrombach", "Obergrombach", "Büchenau", "Helmsheim"],
        "St. Peter",
        20,
    ),
    "buehl": TownPlaces(
        "77815",
        (48.6953, 8.1350),
        [
            "Hauptstraße",
            "Eisenbahnstraße",
            "Robert-Schuman-Straße",
            "Rheinstraße",
            "Am Schwimmbad",
            "Johannesplatz",
        ],
        ["Vimbuch", "Altschweier", "Neusatz", "Kappelwindeck"],
        "St. Peter und Paul",
        11,
    ),
    "ettlingen": TownPlaces(
        "76275",
        (48.9409, 8.4075),
        [
            "Leopoldstraße",
            "Pforzheimer Straße",
            "Rheinstraße",
            "Schöllbronner Straße",
            "Am Hardtwald",
            "Karlsruher Straße",
            "Goethestraße",
            "Wilhelmstraße",
        ],
        ["Bruchhausen", "Ettlingenweier", "Oberweier", "Schöllbronn", "Spessart"],
        "St. Martin",
        20,
    ),
    "gaggenau": TownPlaces(
        "76571",
        (48.8053, 8.3194),
        ["Hauptstraße", "Bahnhofstraße", "Murgtalstraße", "Jahnstraße", "Waldstraße"],
        ["Ottenau", "Hörden", "Michelbach", "Bad Rotenfels"],
        "St. Josef",
        10,
    ),
    "rastatt": TownPlaces(
        "76437",
        (48.8580, 8.2034),
        [
            "Kaiserstraße",
            "Herrenstraße",
            "Lyzeumstraße",
            "Rauentaler Straße",
            "Karlsruher Straße",
            "Am Schlossgarten",
        ],
        ["Rheinau", "Niederbühl", "Plittersdorf", "Wintersdorf", "Ottersdorf"],
        "St. Alexander",
        12,
    ),
    "rheinstetten": TownPlaces(
        "76287",
        (48.9686, 8.2990),
        ["Badener Straße", "Merkurstraße", "Rappenwörthstraße", "Römerstraße", "Am Messplatz"],
        ["Forchheim", "Mörsch", "Neuburgweier"],
        "St. Ulrich",
        8,
    ),
    "stutensee": TownPlaces(
        "76297",
        (49.0647, 8.4867),
        ["Hauptstraße", "Friedrichstraße", "Karlsruher Straße", "Am Sportpark", "Schlossstraße"],
        ["Blankenloch", "Friedrichstal", "Spöck", "Staffort", "Büchig"],
        "St. Josef",
        9,
    ),
}

# Founding years of the clubs whose name carries one, varied per town (Bruchsal keeps
# the template's year: "TV 1846 Bruchsal e. V.").
FOUNDED_SHIFT = {slug: (number - 2) * 3 for number, slug in enumerate(sorted(TOWNS))}

FIRST_NAMES = [
    "Sabine",
    "Thomas",
    "Petra",
    "Michael",
    "Andrea",
    "Jürgen",
    "Claudia",
    "Stefan",
    "Monika",
    "Markus",
    "Birgit",
    "Frank",
    "Heike",
    "Wolfgang",
    "Katrin",
    "Uwe",
    "Sandra",
    "Matthias",
    "Gabriele",
    "Tobias",
]
LAST_NAMES = [
    "Müller",
    "Schmitt",
    "Weber",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Zimmermann",
    "Braun",
    "Hofmann",
    "Krüger",
    "Hartmann",
    "Lange",
]


@dataclass(frozen=True)
class EventSpec:
    """An event relative to the day the demo is loaded.

    ``kind``: ``weekly`` (``weekday`` 0–6, starts four weeks ago, ends in a year),
    ``monthly`` (``byday`` like "1WE": first Wednesday; starts two months ago),
    ``yearly`` (a Saturday ``days`` ahead, three years), ``single`` (``days`` ahead,
    negative: past, in the archive).
    """

    title: str
    teaser: str
    kind: str
    time: str = "19:00"
    minutes: int = 120
    weekday: int = 0
    byday: str = ""
    days: int = 14
    all_day: bool = False
    status: str = "scheduled"
    status_note: str = ""
    is_free: bool = True
    price: str = ""
    price_amount: str | None = None
    accessible: bool = False
    categories: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    signup: str = ""  # "" | "open" (capacity 12, some sign-ups) | "full" (booked, waiting list)
    capacity: int | None = None
    location: str = ""  # own place name; otherwise the club's meeting place
    description: str = ""


@dataclass(frozen=True)
class ClubSpec:
    key: str
    name: str  # {town}, {district}, {church}, {founded}
    founded: int
    categories: tuple[str, ...]
    target_groups: tuple[str, ...]
    short: str
    about: str
    fees: str
    place: str
    accessible: bool = False
    events: list[EventSpec] = field(default_factory=list)


CLUBS: list[ClubSpec] = [
    ClubSpec(
        "turnverein",
        "TV {founded} {town} e. V.",
        1846,
        ("sport",),
        ("kinder", "jugendliche", "erwachsene", "familien"),
        "Turnen, Gymnastik und Leichtathletik für alle Generationen – vom Eltern-Kind-"
        "Turnen bis zur Seniorengymnastik.",
        "Wir sind einer der ältesten Vereine der Stadt. In unserer Halle trainieren jede "
        "Woche mehr als 30 Gruppen; Schnuppern ist jederzeit kostenlos möglich.",
        "Erwachsene 84 € im Jahr, Kinder und Jugendliche 48 €, Familien 150 €",
        "Turnhalle des TV",
        True,
        [
            EventSpec(
                "Kinderturnen (4–6 Jahre)",
                "Bewegung, Spiel und Spaß an den Geräten – Schnuppern ohne Anmeldung.",
                "weekly",
                "16:00",
                60,
                weekday=1,
                accessible=True,
                categories=("sport",),
                target_groups=("kinder",),
            ),
            EventSpec(
                "Vereinsmeisterschaft im Gerätturnen",
                "Unsere Turnerinnen und Turner zeigen, was sie können. Bewirtung in der Halle.",
                "single",
                "10:00",
                360,
                days=24,
                accessible=True,
                categories=("sport",),
                target_groups=("familien",),
            ),
            EventSpec(
                "Seniorengymnastik",
                "Beweglich bleiben mit Musik – für alle ab 60.",
                "weekly",
                "10:00",
                60,
                weekday=3,
                accessible=True,
                categories=("sport", "senioren"),
                target_groups=("senioren",),
            ),
        ],
    ),
    ClubSpec(
        "musikverein",
        "Musikverein Harmonie {town}",
        1889,
        ("musik", "kultur"),
        ("jugendliche", "erwachsene"),
        "Blasmusik von Marsch bis Musical, mit eigener Jugendkapelle und Ausbildung "
        "an allen Instrumenten.",
        "Rund 45 aktive Musikerinnen und Musiker spielen bei Konzerten, Festen und "
        "Umzügen. Unsere Jugendkapelle probt freitags; Instrumente können ausgeliehen werden.",
        "Aktive 36 € im Jahr, fördernde Mitglieder 24 €, Ausbildung nach Vereinbarung",
        "Probelokal in der Festhalle",
        events=[
            EventSpec(
                "Gesamtprobe",
                "Offene Probe – wer ein Instrument spielt, ist herzlich eingeladen.",
                "weekly",
                "19:30",
                120,
                weekday=3,
                categories=("musik",),
            ),
            EventSpec(
                "Herbstkonzert",
                "Von der Polka bis zu Filmmusik: unser großes Konzert.",
                "single",
                "19:00",
                150,
                days=20,
                status="postponed",
                status_note="Wegen Renovierung der Halle verschoben – neuer Termin folgt.",
                is_free=False,
                price="12 €, ermäßigt 8 €",
                price_amount="12.00",
                categories=("musik", "kultur"),
                location="Stadthalle",
            ),
            EventSpec(
                "Jugendkapelle: Probe",
                "Für Jungmusikerinnen und Jungmusiker ab dem zweiten Ausbildungsjahr.",
                "weekly",
                "17:30",
                90,
                weekday=4,
                categories=("musik", "jugend"),
                target_groups=("jugendliche",),
            ),
        ],
    ),
    ClubSpec(
        "feuerwehr",
        "Freiwillige Feuerwehr {town} – Förderverein",
        1978,
        ("feuerwehr", "jugend"),
        ("kinder", "jugendliche", "familien"),
        "Wir unterstützen die Freiwillige Feuerwehr und ihre Jugendfeuerwehr – "
        "mit Ausrüstung, Festen und viel Herzblut.",
        "Der Förderverein finanziert Ausrüstung, die nicht im Haushalt der Stadt steht, "
        "und organisiert den Tag der offenen Tür. Die Jugendfeuerwehr nimmt Jugendliche "
        "ab 10 Jahren auf.",
        "ab 15 € im Jahr",
        "Feuerwehrhaus",
        True,
        [
            EventSpec(
                "Jugendfeuerwehr: Übungsabend",
                "Knoten, Schläuche, Erste Hilfe – für Jugendliche von 10 bis 17 Jahren.",
                "weekly",
                "18:00",
                90,
                weekday=4,
                categories=("feuerwehr", "jugend"),
                target_groups=("jugendliche",),
            ),
            EventSpec(
                "Tag der offenen Tür",
                "Fahrzeugschau, Löschübung, Kinderprogramm und Mittagessen.",
                "single",
                "10:00",
                420,
                days=31,
                accessible=True,
                categories=("feuerwehr",),
                target_groups=("familien", "kinder"),
            ),
            EventSpec(
                "Hauptversammlung des Fördervereins",
                "Berichte, Kassenbericht, Wahlen – Mitglieder und Gäste willkommen.",
                "single",
                "19:30",
                120,
                days=50,
                categories=("feuerwehr",),
            ),
        ],
    ),
    ClubSpec(
        "dlrg",
        "DLRG Ortsgruppe {town}",
        1952,
        ("sport", "gesundheit", "jugend"),
        ("kinder", "jugendliche", "erwachsene"),
        "Schwimmausbildung, Rettungsschwimmen und Wasserrettung – damit aus "
        "Nichtschwimmern sichere Schwimmer werden.",
        "Wir bilden jedes Jahr über 100 Kinder zu sicheren Schwimmern aus und stellen "
        "die Wasserwacht bei Veranstaltungen am Wasser.",
        "Kinder 30 €, Erwachsene 45 €, Familien 80 € im Jahr",
        "Hallenbad",
        True,
        [
            EventSpec(
                "Seepferdchen-Kurs für Kinder",
                "Acht Termine mit Abzeichen am Ende – Anmeldung erforderlich.",
                "single",
                "15:00",
                60,
                days=9,
                is_free=False,
                price="60 € für den Kurs",
                price_amount="60.00",
                signup="open",
                capacity=12,
                categories=("sport",),
                target_groups=("kinder",),
                accessible=True,
            ),
            EventSpec(
                "Rettungsschwimmer-Training",
                "Training für das Rettungsschwimmabzeichen Silber und Gold.",
                "weekly",
                "19:00",
                90,
                weekday=2,
                categories=("sport", "gesundheit"),
                target_groups=("jugendliche",),
            ),
            EventSpec(
                "Vortrag: Sicher am Badesee",
                "Was Eltern über Baderegeln und Gefahren am Wasser wissen sollten.",
                "single",
                "19:00",
                90,
                days=45,
                accessible=True,
                categories=("gesundheit", "bildung"),
                target_groups=("familien", "erwachsene"),
            ),
        ],
    ),
    ClubSpec(
        "schwarzwaldverein",
        "Schwarzwaldverein Ortsgruppe {town}",
        1891,
        ("heimat-brauchtum", "umwelt", "senioren"),
        ("erwachsene", "senioren", "familien"),
        "Wandern, Wegepflege und Heimatkunde – monatliche Touren für jede Kondition.",
        "Unsere Wanderführerinnen und Wanderführer bieten Touren zwischen 8 und 20 km an. "
        "Wir pflegen außerdem rund 60 km markierte Wanderwege.",
        "Einzelmitglieder 35 €, Familien 45 € im Jahr (mit Vereinszeitschrift)",
        "Treffpunkt am Bahnhof",
        events=[
            EventSpec(
                "Monatswanderung",
                "Geführte Wanderung von etwa 12 km mit Einkehr; Gäste willkommen.",
                "monthly",
                "09:30",
                360,
                byday="2SU",
                categories=("heimat-brauchtum", "umwelt"),
                target_groups=("erwachsene", "senioren"),
            ),
            EventSpec(
                "Wegepflege-Einsatz",
                "Wir schneiden Wege frei und erneuern Markierungen. Werkzeug ist vorhanden.",
                "single",
                "09:00",
                240,
                days=12,
                status="cancelled",
                status_note="Fällt wegen Sturmschäden im Wald aus.",
                categories=("umwelt",),
            ),
            EventSpec(
                "Adventswanderung mit Glühwein",
                "Gemütliche 8 km am späten Nachmittag, mit Fackeln zurück.",
                "single",
                "15:00",
                240,
                days=21,
                categories=("heimat-brauchtum",),
                target_groups=("familien", "erwachsene"),
            ),
        ],
    ),
    ClubSpec(
        "tafel",
        "Tafel {town} e. V.",
        2003,
        ("soziales",),
        ("erwachsene", "familien", "senioren"),
        "Wir retten Lebensmittel und geben sie an Menschen mit wenig Geld weiter.",
        "Rund 60 Ehrenamtliche holen Lebensmittel bei Supermärkten und Bäckereien ab, "
        "sortieren sie und geben sie zweimal in der Woche im Tafelladen aus. Einkaufen "
        "kann, wer einen Berechtigungsnachweis hat.",
        "Fördermitglieder ab 24 € im Jahr",
        "Tafelladen",
        True,
        [
            EventSpec(
                "Infoabend für neue Ehrenamtliche",
                "Wie arbeitet die Tafel, welche Aufgaben gibt es? Mit Rundgang durch den Laden.",
                "single",
                "18:30",
                90,
                days=6,
                signup="full",
                capacity=8,
                accessible=True,
                categories=("soziales",),
                target_groups=("erwachsene",),
            ),
            EventSpec(
                "Benefiz-Flohmarkt für die Tafel",
                "Spielzeug, Bücher und Hausrat – der Erlös geht an die Tafel.",
                "single",
                "09:00",
                300,
                days=29,
                accessible=True,
                categories=("soziales",),
                target_groups=("familien",),
                location="Marktplatz",
            ),
        ],
    ),
    ClubSpec(
        "kirchenchor",
        "Kirchenchor {church} {town}",
        1872,
        ("musik", "religion"),
        ("erwachsene", "senioren"),
        "Wir singen in Gottesdiensten und Konzerten – von Gregorianik bis Gospel.",
        "Der Chor gestaltet die Festgottesdienste der Gemeinde mit und gibt jedes Jahr "
        "ein Adventskonzert. Neue Stimmen, besonders Tenor und Bass, sind willkommen.",
        "keine Beiträge",
        "Gemeindehaus {church}",
        events=[
            EventSpec(
                "Chorprobe",
                "Wöchentliche Probe im Gemeindehaus.",
                "weekly",
                "20:00",
                90,
                weekday=0,
                categories=("musik", "religion"),
            ),
            EventSpec(
                "Adventskonzert",
                "Lieder und Motetten zum Advent, anschließend Glühwein vor der Kirche.",
                "single",
                "17:00",
                90,
                days=27,
                categories=("musik", "religion"),
                location="Kirche {church}",
                accessible=True,
            ),
            EventSpec(
                "Offenes Singen",
                "Bekannte Lieder zum Mitsingen – ohne Noten, ohne Vorkenntnisse.",
                "monthly",
                "18:00",
                60,
                byday="-1FR",
                categories=("musik",),
            ),
        ],
    ),
    ClubSpec(
        "seniorentreff",
        "Seniorentreff {town}",
        1985,
        ("senioren", "soziales"),
        ("senioren",),
        "Gesellschaft, Gespräche und gemeinsame Ausflüge für Menschen ab 60.",
        "Jeden Monat treffen wir uns zu Kaffee und Kuchen mit Vortrag oder Musik. "
        "Dazu kommen Ausflüge und eine Handy-Sprechstunde mit Jugendlichen.",
        "keine Beiträge, Spenden willkommen",
        "Begegnungsstätte im Bürgerhaus",
        True,
        [
            EventSpec(
                "Seniorennachmittag",
                "Kaffee, Kuchen und ein kurzer Vortrag – jeden ersten Mittwoch im Monat.",
                "monthly",
                "14:30",
                150,
                byday="1WE",
                accessible=True,
                categories=("senioren",),
                target_groups=("senioren",),
            ),
            EventSpec(
                "Handy-Sprechstunde",
                "Schülerinnen und Schüler helfen bei Fragen zu Smartphone und Tablet.",
                "single",
                "10:00",
                120,
                days=16,
                signup="open",
                capacity=12,
                accessible=True,
                categories=("senioren", "bildung"),
                target_groups=("senioren",),
            ),
            EventSpec(
                "Tagesausflug an den Bodensee",
                "Mit dem Bus nach Meersburg, Schifffahrt nach Konstanz.",
                "single",
                "07:30",
                720,
                days=52,
                is_free=False,
                price="39 € mit Fahrt und Schiff",
                price_amount="39.00",
                categories=("senioren",),
                target_groups=("senioren",),
                location="Busbahnhof",
            ),
        ],
    ),
    ClubSpec(
        "nabu",
        "NABU Gruppe {town}",
        1979,
        ("umwelt", "bildung"),
        ("kinder", "familien", "erwachsene"),
        "Natur- und Vogelschutz vor der Haustür: Biotoppflege, Nistkästen, Exkursionen.",
        "Wir pflegen Streuobstwiesen und Feuchtbiotope, zählen Vögel und bieten "
        "Exkursionen für Familien an.",
        "über den NABU-Bundesverband, ab 48 € im Jahr",
        "Naturschutzzentrum",
        events=[
            EventSpec(
                "Vogelstimmen-Spaziergang",
                "Frühmorgens den Vögeln lauschen – Fernglas mitbringen.",
                "single",
                "07:00",
                120,
                days=19,
                categories=("umwelt",),
                target_groups=("erwachsene", "familien"),
            ),
            EventSpec(
                "Nistkastenbau für Familien",
                "Wir bauen gemeinsam Nistkästen – Material wird gestellt.",
                "single",
                "14:00",
                180,
                days=37,
                is_free=False,
                price="5 € je Nistkasten",
                price_amount="5.00",
                signup="open",
                capacity=12,
                categories=("umwelt", "bildung"),
                target_groups=("kinder", "familien"),
            ),
        ],
    ),
    ClubSpec(
        "jugendkunstschule",
        "Jugendkunstschule {town} e. V.",
        1994,
        ("jugend", "kultur", "bildung"),
        ("kinder", "jugendliche"),
        "Malen, Töpfern, Theater und Film für Kinder und Jugendliche von 5 bis 18.",
        "In unseren Werkstätten arbeiten Künstlerinnen und Künstler mit Kindern und "
        "Jugendlichen. Kurse gibt es im Semester und in den Ferien.",
        "Kurse ab 45 € im Halbjahr, Ermäßigung mit Familienpass",
        "Ateliers im Kulturhaus",
        True,
        [
            EventSpec(
                "Offenes Atelier",
                "Kommen, malen, ausprobieren – ohne Anmeldung.",
                "weekly",
                "15:00",
                120,
                weekday=2,
                accessible=True,
                categories=("jugend", "kultur"),
                target_groups=("kinder", "jugendliche"),
            ),
            EventSpec(
                "Ausstellung „Junge Kunst“",
                "Werke aus unseren Kursen, mit Vernissage und Musik.",
                "single",
                "11:00",
                300,
                days=-10,
                accessible=True,
                categories=("kultur",),
            ),
        ],
    ),
    ClubSpec(
        "fussball",
        "FV {founded} {town} e. V.",
        1912,
        ("sport", "jugend"),
        ("kinder", "jugendliche", "erwachsene"),
        "Fußball von den Bambini bis zu den Alten Herren, mit zwei aktiven Mannschaften.",
        "Mehr als 20 Mannschaften trainieren auf unseren zwei Plätzen. Unsere Jugend "
        "ist für ihre Arbeit mit dem DFB-Qualitätssiegel ausgezeichnet.",
        "Erwachsene 96 €, Jugend 60 € im Jahr",
        "Sportgelände",
        events=[
            EventSpec(
                "Bambini-Training",
                "Für Kinder von 4 bis 6 Jahren – einfach vorbeikommen.",
                "weekly",
                "17:00",
                60,
                weekday=4,
                categories=("sport",),
                target_groups=("kinder",),
            ),
            EventSpec(
                "Heimspiel Kreisliga",
                "Erste Mannschaft gegen den Tabellennachbarn.",
                "single",
                "15:00",
                120,
                days=10,
                is_free=False,
                price="5 €",
                price_amount="5.00",
                categories=("sport",),
            ),
        ],
    ),
    ClubSpec(
        "heimatverein",
        "Heimat- und Geschichtsverein {town}",
        1956,
        ("heimat-brauchtum", "kultur"),
        ("erwachsene", "senioren", "familien"),
        "Wir erforschen und erzählen die Geschichte der Stadt – im Museum, in "
        "Führungen und im Jahrbuch.",
        "Der Verein betreut das Heimatmuseum, gibt ein Jahrbuch heraus und bietet "
        "Stadtführungen an. Neue Ideen und Zeitzeugen sind immer willkommen.",
        "30 € im Jahr (mit Jahrbuch)",
        "Heimatmuseum",
        events=[
            EventSpec(
                "Stadtführung „Gassen und Geschichten“",
                "Rundgang durch die Altstadt, etwa 90 Minuten.",
                "monthly",
                "14:00",
                90,
                byday="-1SA",
                is_free=False,
                price="6 €",
                price_amount="6.00",
                categories=("heimat-brauchtum", "kultur"),
                location="Marktplatz",
            ),
            EventSpec(
                "Straßenfest in der Altstadt",
                "Musik, Essen und Mitmachangebote der Vereine – einmal im Jahr.",
                "yearly",
                days=44,
                all_day=True,
                accessible=True,
                categories=("heimat-brauchtum", "kultur"),
                target_groups=("familien",),
                location="Altstadt",
            ),
        ],
    ),
    ClubSpec(
        "drk",
        "DRK Ortsverein {town}",
        1921,
        ("gesundheit", "soziales"),
        ("erwachsene", "jugendliche"),
        "Blutspende, Sanitätsdienst, Erste-Hilfe-Kurse und Jugendrotkreuz.",
        "Unsere Bereitschaft sichert Veranstaltungen sanitätsdienstlich ab. Dazu kommen "
        "Blutspendetermine, Erste-Hilfe-Kurse und ein Seniorenprogramm.",
        "Fördermitglieder ab 30 € im Jahr",
        "DRK-Heim",
        True,
        [
            EventSpec(
                "Blutspende",
                "Bitte Personalausweis mitbringen; Imbiss für alle Spenderinnen und Spender.",
                "single",
                "15:00",
                300,
                days=13,
                accessible=True,
                categories=("gesundheit",),
                location="Stadthalle",
            ),
            EventSpec(
                "Erste-Hilfe-Kurs",
                "Neun Unterrichtseinheiten, gültig für den Führerschein.",
                "single",
                "09:00",
                480,
                days=22,
                is_free=False,
                price="45 €",
                price_amount="45.00",
                signup="open",
                capacity=12,
                categories=("gesundheit", "bildung"),
            ),
        ],
    ),
    ClubSpec(
        "tennis",
        "Tennisclub Rot-Weiß {town}",
        1925,
        ("sport",),
        ("kinder", "jugendliche", "erwachsene"),
        "Sechs Sandplätze, eine Halle und Training für jedes Alter.",
        "Schnuppertraining ist im Sommer jeden Samstag möglich. Schläger leihen wir aus.",
        "Erwachsene 240 €, Jugend 90 € im Jahr, Aufnahmegebühr 50 €",
        "Tennisanlage",
        events=[
            EventSpec(
                "Schnuppertraining",
                "Einfach vorbeikommen, Schläger werden gestellt.",
                "weekly",
                "10:00",
                90,
                weekday=5,
                categories=("sport",),
            ),
            EventSpec(
                "Clubmeisterschaften",
                "Einzel und Doppel, Zuschauer willkommen – mit Grillfest am Abend.",
                "single",
                "09:00",
                540,
                days=58,
                categories=("sport",),
            ),
        ],
    ),
    ClubSpec(
        "vdk",
        "VdK Ortsverband {town}",
        1948,
        ("soziales", "senioren"),
        ("senioren", "menschen-mit-behinderung"),
        "Beratung und Gemeinschaft für ältere Menschen, Menschen mit Behinderung und "
        "ihre Angehörigen.",
        "Wir beraten zu Rente, Pflege und Schwerbehinderung und treffen uns regelmäßig "
        "zum Austausch.",
        "nach Satzung des VdK Baden-Württemberg",
        "Bürgerhaus",
        True,
        [
            EventSpec(
                "Sprechstunde Sozialrecht",
                "Beratung zu Rente, Pflegegrad und Schwerbehindertenausweis.",
                "monthly",
                "10:00",
                120,
                byday="3TU",
                accessible=True,
                categories=("soziales",),
                target_groups=("senioren", "menschen-mit-behinderung"),
            ),
        ],
    ),
    ClubSpec(
        "theater",
        "Theatergruppe {town} e. V.",
        1967,
        ("kultur",),
        ("erwachsene", "familien"),
        "Komödien und Volksstücke auf Hochdeutsch und Badisch.",
        "Jedes Jahr bringen wir ein neues Stück auf die Bühne, dazu ein Kindermärchen im Advent.",
        "24 € im Jahr",
        "Bürgersaal",
        events=[
            EventSpec(
                "Premiere: „Der zerbrochne Krug“",
                "Kleists Komödie in badischer Mundart.",
                "single",
                "19:30",
                150,
                days=33,
                is_free=False,
                price="14 €, Kinder 7 €",
                price_amount="14.00",
                categories=("kultur",),
            ),
            EventSpec(
                "Kindermärchen „Frau Holle“",
                "Märchentheater für Kinder ab 4 Jahren.",
                "single",
                "15:00",
                75,
                days=26,
                is_free=False,
                price="5 €",
                price_amount="5.00",
                accessible=True,
                categories=("kultur",),
                target_groups=("kinder", "familien"),
            ),
        ],
    ),
    ClubSpec(
        "schach",
        "Schachclub {town} 1950",
        1950,
        ("sport", "bildung"),
        ("kinder", "jugendliche", "erwachsene", "senioren"),
        "Spielabend, Jugendtraining und Mannschaften in der Bezirksliga.",
        "Bei uns spielen Achtjährige gegen Achtzigjährige. Gäste sind am Spielabend "
        "immer willkommen.",
        "Erwachsene 60 €, Jugend 25 € im Jahr",
        "Vereinsraum im Bürgerhaus",
        True,
        [
            EventSpec(
                "Offener Spielabend",
                "Freie Partien und Blitzturnier.",
                "weekly",
                "19:30",
                180,
                weekday=4,
                accessible=True,
                categories=("sport",),
            ),
        ],
    ),
    ClubSpec(
        "obstbau",
        "Obst- und Gartenbauverein {district}",
        1907,
        ("umwelt", "heimat-brauchtum"),
        ("erwachsene", "familien"),
        "Streuobstwiesen, Schnittkurse und unsere eigene Mosterei.",
        "Wir pflegen alte Obstsorten, bieten Schnittkurse an und pressen im Herbst Ihren Saft.",
        "15 € im Jahr",
        "Vereinsgelände mit Mosterei",
        events=[
            EventSpec(
                "Obstbaum-Schnittkurs",
                "Theorie und Praxis auf unserer Streuobstwiese.",
                "single",
                "13:30",
                180,
                days=40,
                is_free=False,
                price="10 €",
                price_amount="10.00",
                signup="open",
                capacity=12,
                categories=("umwelt",),
            ),
        ],
    ),
    ClubSpec(
        "rehasport",
        "Behinderten- und Rehasportgruppe {town}",
        1974,
        ("sport", "gesundheit"),
        ("erwachsene", "senioren", "menschen-mit-behinderung"),
        "Rehasport auf ärztliche Verordnung und inklusiver Sport für alle.",
        "Unsere Übungsleiterinnen haben eine Reha-Lizenz. Alle Kurse sind barrierefrei "
        "erreichbar; die Krankenkasse übernimmt die Kosten bei Verordnung.",
        "36 € im Jahr",
        "Sporthalle der Gemeinschaftsschule",
        True,
        [
            EventSpec(
                "Wassergymnastik",
                "Gelenkschonend im warmen Wasser.",
                "weekly",
                "10:00",
                45,
                weekday=3,
                accessible=True,
                categories=("gesundheit",),
                target_groups=("senioren", "menschen-mit-behinderung"),
                location="Hallenbad",
            ),
        ],
    ),
    ClubSpec(
        "buergerverein",
        "Bürgerverein {district} e. V.",
        1983,
        ("heimat-brauchtum", "soziales"),
        ("familien", "senioren"),
        "Wir kümmern uns um unseren Stadtteil: Feste, Spielplätze, Nachbarschaftshilfe.",
        "Vom Maibaum bis zum Weihnachtsmarkt – und dazwischen Ansprechpartner für die "
        "Stadt, wenn es um den Stadtteil geht.",
        "12 € im Jahr",
        "Ortsverwaltung {district}",
        events=[
            EventSpec(
                "Stammtisch",
                "Offener Treff für alle aus dem Stadtteil.",
                "monthly",
                "19:00",
                120,
                byday="1TH",
                categories=("heimat-brauchtum",),
            ),
        ],
    ),
    ClubSpec(
        "pfadfinder",
        "Pfadfinderstamm {district}",
        1962,
        ("jugend", "religion"),
        ("kinder", "jugendliche"),
        "Gruppenstunden, Zeltlager und Abenteuer für Kinder ab 7 Jahren.",
        "Wir sind ein Stamm der DPSG. Unsere Gruppen treffen sich wöchentlich; "
        "Höhepunkt ist das Sommerlager.",
        "48 € im Jahr",
        "Pfadfinderheim",
        events=[
            EventSpec(
                "Gruppenstunde Wölflinge",
                "Für Kinder von 7 bis 10 Jahren.",
                "weekly",
                "17:00",
                90,
                weekday=1,
                categories=("jugend",),
                target_groups=("kinder",),
            ),
        ],
    ),
    ClubSpec(
        "bibliothek",
        "Freundeskreis Stadtbibliothek {town}",
        1999,
        ("bildung", "kultur"),
        ("kinder", "erwachsene", "familien"),
        "Lesungen, Vorlesestunden und Bücherflohmärkte für die Stadtbibliothek.",
        "Wir holen Autorinnen und Autoren in die Stadt und lesen Kindern vor.",
        "20 € im Jahr",
        "Stadtbibliothek",
        True,
        [
            EventSpec(
                "Vorlesestunde",
                "Geschichten für Kinder ab 4 Jahren.",
                "weekly",
                "15:30",
                45,
                weekday=5,
                accessible=True,
                categories=("bildung",),
                target_groups=("kinder", "familien"),
            ),
            EventSpec(
                "Bücherflohmarkt",
                "Bücher, Hörbücher und DVDs gegen Spende.",
                "single",
                "10:00",
                300,
                days=-5,
                accessible=True,
                categories=("kultur",),
            ),
        ],
    ),
]

# Volunteer opportunities by the key of the club that offers them (a town gets those
# of its clubs, at most four).
OPPORTUNITIES: dict[str, dict] = {
    "turnverein": {
        "title": "Übungsleiter/in für das Kinderturnen",
        "description": "Sie leiten einmal in der Woche eine Gruppe von 4- bis 6-Jährigen an, "
        "gemeinsam mit einer erfahrenen Übungsleiterin.",
        "time_commitment": "weekly",
        "hours_per_month": 6,
        "skills": "Freude an der Arbeit mit Kindern; die Lizenz können Sie bei uns machen.",
        "categories": ("sport",),
        "target_groups": ("jugendliche", "erwachsene"),
    },
    "tafel": {
        "title": "Fahrer/in für die Lebensmittelabholung",
        "description": "Mit unserem Kühlfahrzeug holen Sie vormittags Lebensmittel bei "
        "Supermärkten ab.",
        "time_commitment": "weekly",
        "hours_per_month": 12,
        "skills": "Führerschein Klasse B, Zuverlässigkeit.",
        "categories": ("soziales",),
        "target_groups": ("erwachsene", "senioren"),
    },
    "seniorentreff": {
        "title": "Handy-Pate/Handy-Patin",
        "description": "Sie erklären älteren Menschen Smartphone und Tablet – geduldig und "
        "ohne Fachchinesisch.",
        "time_commitment": "monthly",
        "hours_per_month": 2,
        "skills": "Erfahrung mit Android oder iPhone, Geduld.",
        "categories": ("senioren", "bildung"),
        "target_groups": ("jugendliche", "erwachsene"),
    },
    "heimatverein": {
        "title": "Helfer/innen für das Straßenfest",
        "description": "Aufbau, Getränkestand oder Kinderprogramm – ein Einsatz von wenigen "
        "Stunden hilft schon.",
        "time_commitment": "once",
        "hours_per_month": None,
        "skills": "",
        "categories": ("heimat-brauchtum",),
        "target_groups": ("jugendliche", "erwachsene", "familien"),
    },
    "nabu": {
        "title": "Mithilfe bei der Biotoppflege",
        "description": "Wir mähen Feuchtwiesen und schneiden Hecken, meist samstags vormittags.",
        "time_commitment": "occasional",
        "hours_per_month": 4,
        "skills": "Feste Schuhe; Werkzeug ist vorhanden.",
        "categories": ("umwelt",),
        "target_groups": ("erwachsene", "familien"),
    },
    "musikverein": {
        "title": "Kassenwart/in",
        "description": "Sie führen die Vereinskasse, bereiten die Kassenprüfung vor und "
        "verwalten die Beiträge.",
        "time_commitment": "flexible",
        "hours_per_month": 5,
        "skills": "Sorgfalt, Grundkenntnisse in Tabellenkalkulation.",
        "categories": ("musik",),
        "target_groups": ("erwachsene",),
    },
    "bibliothek": {
        "title": "Vorlesepate/Vorlesepatin",
        "description": "Einmal im Monat lesen Sie Kindern in der Stadtbibliothek vor.",
        "time_commitment": "monthly",
        "hours_per_month": 2,
        "skills": "Freude am Vorlesen.",
        "categories": ("bildung",),
        "target_groups": ("erwachsene", "senioren"),
    },
}

# Pending registrations of new clubs: (name, categories, short description, contact,
# role). A town gets the first one, and the second if its number is even.
REGISTRATIONS = [
    (
        "Boule-Freunde {town}",
        ("sport", "senioren"),
        "Wir spielen Pétanque im Stadtgarten und suchen Mitspielerinnen und Mitspieler.",
        "Renate Kaufmann",
        "1. Vorsitzende",
    ),
    (
        "Repair-Café {town}",
        ("umwelt", "soziales"),
        "Einmal im Monat reparieren wir gemeinsam Toaster, Fahrräder und Kleidung.",
        "Jonas Berger",
        "Sprecher der Initiative",
    ),
]
