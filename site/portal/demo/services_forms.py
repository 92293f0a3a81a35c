"""Demo-Daten des Bürgerservice: regionale Antragsformulare und Vorgänge.

Die Formulare (``FORMS``) gelten für die ganze Region (``site=None``) und werden in
jeder Stadt mit der gleichnamigen Leistung verknüpft. Zusammen verwenden sie alle
zwölf Feldarten, mit Bedingungen (``show_if_field``/``show_if_value``).

``CASES`` beschreibt die Vorgänge, die jede Stadt in der Demo im Posteingang hat;
die Personen sind erfunden, Namen werden je Stadt aus ``FIRST_NAMES``/``LAST_NAMES``
gewählt.
"""

from __future__ import annotations

from typing import Any

PRIVACY_CONSENT = (
    "<p>Ich willige ein, dass die Stadt meine Angaben zur Bearbeitung dieses Antrags "
    "speichert und verarbeitet. Hinweise zum Datenschutz und zur Löschfrist finden Sie in "
    "der Datenschutzerklärung der Stadt.</p>"
)


def _field(kind: str, label: str, key: str, *, required: bool = True, **extra) -> dict:
    """One field block (raw StreamField data); ``help`` becomes the help text."""
    value = {"label": label, "key": key, "required": required, **extra}
    if "help" in value:
        value["help_text"] = value.pop("help")
    return {"type": kind, "value": value}


def _consent(key: str = "einwilligung") -> dict:
    return {
        "type": "consent",
        "value": {"label": "Einwilligung", "key": key, "text": PRIVACY_CONSENT},
    }


def _step(title: str, fields: list[dict], intro: str = "") -> dict:
    return {"type": "step", "value": {"title": title, "intro": intro, "fields": fields}}


def _person(*, birth_date: bool = False, phone: bool = True) -> list[dict]:
    fields = [
        _field("text", "Vorname", "vorname", max_length=100),
        _field("text", "Nachname", "nachname", max_length=100),
    ]
    if birth_date:
        fields.append(_field("date", "Geburtsdatum", "geburtsdatum", allowed="past"))
    fields += [
        _field("address", "Anschrift", "anschrift", help="Straße und Hausnummer, PLZ, Ort"),
        _field(
            "email",
            "E-Mail-Adresse",
            "email",
            help="An diese Adresse schicken wir die Eingangsbestätigung.",
        ),
    ]
    if phone:
        fields.append(
            _field(
                "phone",
                "Telefonnummer",
                "telefon",
                required=False,
                help="Für Rückfragen, freiwillig.",
            )
        )
    return fields


IMAGE_OR_PDF = ["pdf", "image"]

# each: the Leistung it belongs to, the form's texts and steps, and the retention period
# (days) the town pages of that Leistung get
FORMS: list[dict[str, Any]] = [
    {
        "leistung": "Hund anmelden",
        "title": "Hund anmelden",
        "intro": (
            "<p>Melden Sie Ihren Hund zur Hundesteuer an. Sie brauchen etwa fünf Minuten. "
            "Halten Sie die Angaben zum Hund bereit; bei einem Kampfhund auch die Erlaubnis "
            "oder das Negativzeugnis als PDF oder Foto.</p>"
        ),
        "confirmation_text": (
            "<p>Das Steueramt prüft Ihre Anmeldung und schickt Ihnen die Hundesteuermarke "
            "und den Steuerbescheid per Post, in der Regel innerhalb einer Woche.</p>"
        ),
        "steps": [
            _step("Halterin oder Halter", _person()),
            _step(
                "Ihr Hund",
                [
                    _field("text", "Name des Hundes", "hundename", max_length=60),
                    _field(
                        "text",
                        "Rasse",
                        "rasse",
                        max_length=100,
                        help="Bei Mischlingen die erkennbaren Rassen, z. B. „Labrador-Mischling“.",
                    ),
                    _field("date", "Geburtsdatum des Hundes", "geburtsdatum_hund", allowed="past"),
                    _field(
                        "date",
                        "Der Hund lebt bei mir seit",
                        "haltung_seit",
                        help="Bei Zuzug: das Datum des Einzugs.",
                    ),
                    _field(
                        "number",
                        "Wie viele Hunde halten Sie insgesamt (mit diesem)?",
                        "anzahl_hunde",
                        min_value=1,
                        max_value=20,
                    ),
                    _field(
                        "choice",
                        "Gehört der Hund zu einer Rasse, die als Kampfhund gilt?",
                        "gelistet",
                        choices=["nein", "ja"],
                        help="z. B. American Staffordshire Terrier, Pit Bull Terrier.",
                    ),
                    _field(
                        "file",
                        "Erlaubnis oder Negativzeugnis",
                        "nachweis_kampfhund",
                        help="Als PDF oder Foto, höchstens 10 MB je Datei.",
                        show_if_field="gelistet",
                        show_if_value="ja",
                        kinds=IMAGE_OR_PDF,
                        max_files=3,
                        max_size_mb=10,
                    ),
                ],
            ),
            _step(
                "Zahlung und Einwilligung",
                [
                    _field(
                        "checkbox",
                        "Die Hundesteuer soll von meinem Konto abgebucht werden "
                        "(SEPA-Lastschrift).",
                        "lastschrift",
                        required=False,
                    ),
                    _field(
                        "iban",
                        "IBAN",
                        "iban",
                        help="Für das SEPA-Lastschriftmandat.",
                        show_if_field="lastschrift",
                        show_if_value="ja",
                    ),
                    _field(
                        "text",
                        "Kontoinhaberin oder Kontoinhaber",
                        "kontoinhaber",
                        required=False,
                        show_if_field="lastschrift",
                        show_if_value="ja",
                        help="Nur, wenn es nicht Ihr eigenes Konto ist.",
                    ),
                    _consent(),
                ],
            ),
        ],
        "retention_days": 90,
    },
    {
        "leistung": "Sperrmüll anmelden",
        "title": "Sperrmüll anmelden",
        "intro": (
            "<p>Melden Sie Ihren Sperrmüll zur Abholung an. Wir schicken Ihnen den "
            "Abholtermin per E-Mail.</p>"
        ),
        "confirmation_text": (
            "<p>Sie erhalten den Abholtermin innerhalb weniger Tage. Stellen Sie den "
            "Sperrmüll am Vorabend gut sichtbar an den Straßenrand.</p>"
        ),
        "steps": [
            _step(
                "Abholort",
                [
                    _field("text", "Vor- und Nachname", "name", max_length=200),
                    _field("address", "Abholadresse", "anschrift"),
                    _field(
                        "phone",
                        "Telefonnummer",
                        "telefon",
                        help="Falls die Müllabfuhr Sie am Abholtag erreichen muss.",
                    ),
                    _field("email", "E-Mail-Adresse", "email"),
                ],
            ),
            _step(
                "Ihr Sperrmüll",
                [
                    _field(
                        "multiple_choice",
                        "Was soll abgeholt werden?",
                        "gegenstaende",
                        choices=[
                            "Möbel",
                            "Matratzen und Lattenroste",
                            "Teppiche und Bodenbeläge",
                            "Holz (z. B. Bretter, Türen)",
                            "Metallteile (z. B. Fahrräder, Wäscheständer)",
                            "Kinderwagen und Spielgeräte",
                        ],
                    ),
                    _field(
                        "number",
                        "Geschätzte Menge in Kubikmetern",
                        "menge",
                        min_value=1,
                        max_value=8,
                        help="Ein Kleiderschrank hat etwa einen Kubikmeter.",
                    ),
                    _field(
                        "date",
                        "Wunschtermin",
                        "wunschtermin",
                        allowed="future",
                        help="Wir versuchen, den Termin einzuhalten; "
                        "mindestens zwei Wochen Vorlauf.",
                    ),
                    _field(
                        "text",
                        "Wo steht der Sperrmüll?",
                        "standort",
                        required=False,
                        multiline=True,
                        max_length=500,
                        help="z. B. „Einfahrt links neben der Garage“.",
                    ),
                    _field(
                        "file",
                        "Foto des Sperrmülls",
                        "foto",
                        required=False,
                        kinds=["image"],
                        max_files=2,
                        max_size_mb=8,
                        help="Freiwillig; hilft uns, das richtige Fahrzeug zu schicken.",
                    ),
                    _consent(),
                ],
            ),
        ],
        "retention_days": 30,
    },
    {
        "leistung": "Gewerbe anmelden",
        "title": "Gewerbe anmelden",
        "intro": (
            "<p>Zeigen Sie den Beginn Ihres Gewerbes an. Sie brauchen eine Kopie Ihres "
            "Personalausweises oder Reisepasses als PDF oder Foto.</p>"
        ),
        "confirmation_text": (
            "<p>Das Gewerbeamt prüft Ihre Anzeige und schickt Ihnen die "
            "Empfangsbescheinigung mit dem Gebührenbescheid zu.</p>"
        ),
        "steps": [
            _step("Angaben zur Person", _person(birth_date=True)),
            _step(
                "Ihr Betrieb",
                [
                    _field("text", "Name des Betriebs", "betrieb", max_length=200),
                    _field(
                        "choice",
                        "Rechtsform",
                        "rechtsform",
                        choices=[
                            "Einzelunternehmen",
                            "Gesellschaft bürgerlichen Rechts (GbR)",
                            "GmbH",
                            "UG (haftungsbeschränkt)",
                            "andere",
                        ],
                    ),
                    _field(
                        "text",
                        "Angemeldete Tätigkeit",
                        "taetigkeit",
                        multiline=True,
                        max_length=1000,
                        help="Bitte genau beschreiben, z. B. „Einzelhandel mit Fahrrädern und "
                        "Zubehör“.",
                    ),
                    _field("address", "Anschrift der Betriebsstätte", "betriebsstaette"),
                    _field("date", "Beginn der Tätigkeit", "beginn"),
                    _field(
                        "number",
                        "Zahl der Beschäftigten",
                        "beschaeftigte",
                        min_value=0,
                        max_value=10000,
                        help="Ohne Inhaberin oder Inhaber; 0, wenn Sie allein arbeiten.",
                    ),
                    _field(
                        "checkbox",
                        "Ich übe das Gewerbe im Nebenerwerb aus.",
                        "nebenerwerb",
                        required=False,
                    ),
                ],
            ),
            _step(
                "Nachweise",
                [
                    _field(
                        "file",
                        "Personalausweis oder Reisepass",
                        "ausweis",
                        kinds=IMAGE_OR_PDF,
                        max_files=2,
                        max_size_mb=10,
                        help="Vorder- und Rückseite.",
                    ),
                    _field(
                        "file",
                        "Erlaubnis oder Handwerkskarte",
                        "erlaubnis",
                        required=False,
                        kinds=IMAGE_OR_PDF,
                        max_files=3,
                        max_size_mb=10,
                        help="Nur bei erlaubnispflichtigen Gewerben oder im Handwerk.",
                    ),
                    _consent(),
                ],
            ),
        ],
        "retention_days": 180,
    },
    {
        "leistung": "Anwohnerparkausweis beantragen",
        "title": "Anwohnerparkausweis beantragen",
        "intro": (
            "<p>Beantragen Sie einen Parkausweis für Ihre Bewohnerparkzone. Sie brauchen "
            "die Zulassungsbescheinigung Teil I als PDF oder Foto.</p>"
        ),
        "confirmation_text": (
            "<p>Wir prüfen Ihren Antrag und schicken Ihnen den Parkausweis mit dem "
            "Gebührenbescheid per Post.</p>"
        ),
        "steps": [
            _step("Ihre Angaben", _person(phone=False)),
            _step(
                "Ihr Fahrzeug",
                [
                    _field(
                        "text",
                        "Amtliches Kennzeichen",
                        "kennzeichen",
                        max_length=12,
                        help="z. B. KA-AB 123",
                    ),
                    _field(
                        "choice",
                        "Das Fahrzeug ist",
                        "fahrzeug",
                        choices=[
                            "auf mich zugelassen",
                            "ein Firmenwagen, den ich privat nutzen darf",
                        ],
                    ),
                    _field(
                        "file",
                        "Bescheinigung des Arbeitgebers",
                        "arbeitgeber",
                        show_if_field="fahrzeug",
                        show_if_value="ein Firmenwagen, den ich privat nutzen darf",
                        kinds=IMAGE_OR_PDF,
                        max_files=1,
                        max_size_mb=5,
                    ),
                    _field(
                        "file",
                        "Zulassungsbescheinigung Teil I",
                        "zulassung",
                        kinds=IMAGE_OR_PDF,
                        max_files=2,
                        max_size_mb=5,
                    ),
                    _field(
                        "checkbox",
                        "Ich habe keinen eigenen Stellplatz und keine Garage.",
                        "kein_stellplatz",
                    ),
                    _consent(),
                ],
            ),
        ],
        "retention_days": 365,
    },
    {
        "leistung": "Meldebescheinigung beantragen",
        "title": "Meldebescheinigung beantragen",
        "intro": (
            "<p>Beantragen Sie eine Meldebescheinigung für sich selbst. Für andere Personen "
            "sprechen Sie bitte mit Vollmacht im Bürgerbüro vor.</p>"
        ),
        "confirmation_text": (
            "<p>Wir schicken Ihnen die Bescheinigung in wenigen Tagen per Post oder legen "
            "sie zur Abholung bereit.</p>"
        ),
        "steps": [
            _step("Ihre Angaben", _person(birth_date=True, phone=False)),
            _step(
                "Bescheinigung",
                [
                    _field(
                        "choice",
                        "Art der Bescheinigung",
                        "art",
                        choices=["einfach", "erweitert"],
                        help="Die erweiterte enthält auch frühere Anschriften und den "
                        "Familienstand.",
                    ),
                    _field(
                        "text",
                        "Wofür brauchen Sie die Bescheinigung?",
                        "zweck",
                        required=False,
                        max_length=200,
                        help="Für manche Zwecke (z. B. Rente) ist sie gebührenfrei.",
                    ),
                    _field(
                        "choice",
                        "Zustellung",
                        "zustellung",
                        choices=["per Post an meine Meldeanschrift", "Abholung im Bürgerbüro"],
                    ),
                    _consent(),
                ],
            ),
        ],
        "retention_days": 30,
    },
    {
        "leistung": "Fundsache melden",
        "title": "Fundsache melden",
        "intro": (
            "<p>Sie haben etwas gefunden? Melden Sie den Fund hier; das Fundbüro meldet "
            "sich bei Ihnen.</p>"
        ),
        "confirmation_text": (
            "<p>Danke! Bitte bringen Sie die Fundsache zu den Öffnungszeiten ins Fundbüro, "
            "falls Sie das angegeben haben.</p>"
        ),
        "steps": [
            _step(
                "Der Fund",
                [
                    _field("text", "Was haben Sie gefunden?", "gegenstand", max_length=200),
                    _field(
                        "text",
                        "Beschreibung",
                        "beschreibung",
                        required=False,
                        multiline=True,
                        max_length=1000,
                        help="Farbe, Marke, besondere Merkmale – aber "
                        "keine Inhalte einer Geldbörse.",
                    ),
                    _field("text", "Fundort", "fundort", max_length=200),
                    _field("date", "Funddatum", "funddatum", allowed="past"),
                    _field(
                        "choice",
                        "Wo ist die Fundsache jetzt?",
                        "verbleib",
                        choices=[
                            "Ich bringe sie ins Fundbüro.",
                            "Sie ist noch bei mir.",
                        ],
                    ),
                    _field(
                        "checkbox",
                        "Ich möchte das Eigentum erwerben, wenn sich niemand meldet.",
                        "eigentum",
                        required=False,
                    ),
                    _field(
                        "file",
                        "Foto der Fundsache",
                        "foto",
                        required=False,
                        kinds=["image"],
                        max_files=3,
                        max_size_mb=8,
                    ),
                ],
            ),
            _step(
                "Ihre Kontaktdaten",
                [
                    _field("text", "Vor- und Nachname", "name", max_length=200),
                    _field("email", "E-Mail-Adresse", "email"),
                    _field("phone", "Telefonnummer", "telefon", required=False),
                    _consent(),
                ],
            ),
        ],
        "retention_days": 180,
    },
]


# ---------------------------------------------------------------------------------------
# Vorgänge der Demo
# ---------------------------------------------------------------------------------------

FIRST_NAMES = [
    "Anna", "Lukas", "Sabine", "Mehmet", "Julia", "Thomas", "Olena", "Markus", "Katharina",
    "Stefan", "Leonie", "Ahmet", "Monika", "Jonas", "Petra", "Daniel", "Laura", "Andreas",
    "Sophie", "Michael", "Nadine", "Tobias", "Elif", "Jürgen",
]  # fmt: skip
LAST_NAMES = [
    "Müller", "Schmidt", "Weber", "Yılmaz", "Fischer", "Becker", "Kovalenko", "Hoffmann",
    "Schäfer", "Wagner", "Koch", "Nowak", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
    "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann",
]  # fmt: skip
STREETS = [
    "Goethestraße", "Schillerstraße", "Lindenweg", "Bahnhofstraße", "Kirchstraße",
    "Gartenstraße", "Am Mühlbach", "Friedrichstraße", "Rosenstraße", "Bergstraße",
]  # fmt: skip
DOGS = [
    ("Bella", "Labrador-Mischling"), ("Max", "Border Collie"), ("Luna", "Dackel"),
    ("Balou", "Berner Sennenhund"), ("Emma", "Jack Russell Terrier"),
]  # fmt: skip
FOUND = [
    ("Schlüsselbund mit drei Schlüsseln", "roter Anhänger", "Bushaltestelle am Marktplatz"),
    ("Brille in einem braunen Etui", "Gleitsichtbrille, Metallrahmen", "Stadtpark, Bank am Teich"),
    ("Kinderfahrrad", "blau, 16 Zoll", "Spielplatz an der Schule"),
]  # fmt: skip
PLATES = ["KA-{a} {n}", "RA-{a} {n}", "BAD-{a} {n}"]

# Each case: form (Leistung name), status, days since submission, assigned to staff?,
# events after the submission: ("status", new) | ("note", text) | ("message", text)
CASES: list[dict[str, Any]] = [
    {
        "form": "Hund anmelden",
        "status": "rueckfrage",
        "days": 9,
        "assigned": True,
        "known_token": True,
        "events": [
            ("status", "in_bearbeitung"),
            (
                "note",
                "Geburtsdatum des Hundes und Beginn der Haltung liegen mehr als ein Jahr "
                "auseinander – Zuzug? Bei der Halterin nachfragen.",
            ),
            ("status", "rueckfrage"),
            (
                "message",
                "Guten Tag, vielen Dank für Ihre Anmeldung. Sind Sie mit Ihrem Hund aus einer "
                "anderen Gemeinde zugezogen? Dann nennen Sie uns bitte die Gemeinde, damit "
                "wir die Steuer ab dem richtigen Monat festsetzen können.",
            ),
        ],
    },
    {
        "form": "Sperrmüll anmelden",
        "status": "abgeschlossen",
        "days": 24,
        "assigned": True,
        "events": [
            ("status", "in_bearbeitung"),
            (
                "message",
                "Ihr Sperrmüll wird am Dienstag in der übernächsten Woche abgeholt. Bitte "
                "stellen Sie ihn am Vorabend an den Straßenrand.",
            ),
            ("status", "abgeschlossen"),
        ],
    },
    {
        "form": "Gewerbe anmelden",
        "status": "in_bearbeitung",
        "days": 6,
        "assigned": True,
        "file": ("ausweis", "Personalausweis_Kopie.pdf", "Personalausweis – Kopie"),
        "events": [
            ("status", "in_bearbeitung"),
            ("note", "Tätigkeit ist nicht erlaubnispflichtig. Weiterleitung an IHK vorbereitet."),
        ],
    },
    {
        "form": "Anwohnerparkausweis beantragen",
        "status": "eingegangen",
        "days": 2,
        "assigned": False,
        "file": ("zulassung", "Zulassungsbescheinigung.pdf", "Zulassungsbescheinigung Teil I"),
        "events": [],
    },
    {
        "form": "Meldebescheinigung beantragen",
        "status": "abgeschlossen",
        "days": 15,
        "assigned": True,
        "events": [
            ("status", "in_bearbeitung"),
            ("status", "abgeschlossen"),
            (
                "message",
                "Ihre Meldebescheinigung ist heute mit der Post an Sie unterwegs.",
            ),
        ],
    },
    {
        "form": "Fundsache melden",
        "status": "eingegangen",
        "days": 4,
        "assigned": False,
        "events": [],
    },
    {
        "form": "Anwohnerparkausweis beantragen",
        "status": "abgelehnt",
        "days": 19,
        "assigned": True,
        "file": ("zulassung", "Fahrzeugschein.pdf", "Zulassungsbescheinigung Teil I"),
        "events": [
            ("status", "in_bearbeitung"),
            ("note", "Laut Bauakte gehört zur Wohnung ein Tiefgaragenstellplatz."),
            ("status", "abgelehnt"),
            (
                "message",
                "Leider können wir Ihnen keinen Bewohnerparkausweis ausstellen: Zu Ihrer "
                "Wohnung gehört ein eigener Stellplatz in der Tiefgarage. Gegen diese "
                "Entscheidung können Sie innerhalb eines Monats Widerspruch einlegen.",
            ),
        ],
    },
    {
        "form": "Hund anmelden",
        "status": "eingegangen",
        "days": 0,
        "assigned": False,
        "every_other_town": True,
        "events": [],
    },
]
