"""Demo content of the Rechnungslauf: suppliers of the region, the towns' Leitweg-IDs and the
invoices each town receives (written as XRechnung 3.0 files by :mod:`.invoices_xml`).

The suppliers are invented but plausible: addresses in Mittelbaden and the Kraichgau, VAT ids
with a correct check digit (ISO 7064 MOD 11,10 as the Bundeszentralamt für Steuern computes
it), IBANs of real bank codes of the region whose check digits schwifty computes – so the
invoices pass the validation for real (BR-DE-19 rejects a wrong IBAN).

Leitweg-IDs: Grobadressierung = the town's official municipality key (AGS), Feinadressierung
= the office ("60BAU" – Amt 60 Bauen), check digits after ISO 7064 MOD 97-10.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .invoices_xml import Buyer, InvoiceData, Item, Supplier, cii, ubl

#: the official municipality key (Amtlicher Gemeindeschlüssel) per town – the Grobadressierung
MUNICIPALITY_KEYS = {
    "baden-baden": "08211000",
    "bretten": "08215009",
    "bruchsal": "08215007",
    "buehl": "08216008",
    "ettlingen": "08215017",
    "gaggenau": "08216013",
    "rastatt": "08216043",
    "rheinstetten": "08215108",
    "stutensee": "08215111",
}

#: offices that receive invoices: key of ``services_content.UNITS`` → Feinadressierung
OFFICES = {
    "bauamt": "60BAU",
    "ordnungsamt": "32ORD",
    "buergerbuero": "33BB",
    "steueramt": "20KAE",
    "umwelt": "67UMW",
    "familie": "51FAM",
}
#: the office whose Akte takes the invoices (the Kämmerei's Steueramt)
FILING_OFFICE = "steueramt"
#: towns with all demo invoices; the others get the core ones (every status, fewer filed –
#: filing renders two PDFs per invoice, the slowest part of the demo)
FULL_TOWNS = ("rastatt", "bruchsal")


# --- check digits --------------------------------------------------------------------------------
def leitweg_check_digits(coarse: str, fine: str = "") -> str:
    """ISO 7064 MOD 97-10 over the Leitweg-ID without hyphens (letters A=10 … Z=35)."""
    digits = "".join(str(int(char, 36)) for char in (coarse + fine).upper())
    return f"{98 - int(digits + '00') % 97:02d}"


def leitweg_id(slug: str, office: str | None = None) -> str:
    """The full Leitweg-ID of a town (``office=None``: the town as a whole)."""
    coarse = MUNICIPALITY_KEYS[slug]
    fine = OFFICES[office] if office else ""
    middle = f"-{fine}" if fine else ""
    return f"{coarse}{middle}-{leitweg_check_digits(coarse, fine)}"


def route_id(slug: str, office: str | None = None) -> str:
    """The start of the Leitweg-IDs a route catches: ``08216043`` or ``08216043-60BAU``."""
    coarse = MUNICIPALITY_KEYS[slug]
    return f"{coarse}-{OFFICES[office]}" if office else coarse


# --- suppliers -----------------------------------------------------------------------------------
SUPPLIERS = {
    supplier.key: supplier
    for supplier in [
        Supplier(
            "bau",
            "Bauunternehmung Gebr. Hörth GmbH & Co. KG",
            "Bauunternehmen",
            "Industriestraße 14",
            "76437",
            "Rastatt",
            "14325876",
            "HRA 530412, Amtsgericht Mannheim",
            "66550070",
            "3456789",
            "Jürgen Hörth",
            "+49 7222 90310",
            "rechnung@hoerth-bau.example",
        ),
        Supplier(
            "tiefbau",
            "Murgtal Tiefbau GmbH",
            "Bauunternehmen",
            "Hauptstraße 88",
            "76571",
            "Gaggenau",
            "21874309",
            "HRB 702311, Amtsgericht Mannheim",
            "66250030",
            "50123456",
            "Sabine Kühn",
            "+49 7225 98120",
            "buchhaltung@murgtal-tiefbau.example",
        ),
        Supplier(
            "buero",
            "Bürobedarf Kraichgau GmbH",
            "Büromaterial",
            "Am Mantel 3",
            "76646",
            "Bruchsal",
            "26310745",
            "HRB 240778, Amtsgericht Mannheim",
            "66350036",
            "22334455",
            "Petra Walz",
            "+49 7251 300450",
            "e-rechnung@buerobedarf-kraichgau.example",
        ),
        Supplier(
            "energie",
            "Energieversorgung Mittelbaden GmbH",
            "Energie",
            "Lichtenauer Straße 7",
            "77815",
            "Bühl",
            "31902264",
            "HRB 220915, Amtsgericht Mannheim",
            "66291400",
            "1122334",
            "Kundenservice Geschäftskunden",
            "+49 7223 94400",
            "geschaeftskunden@ev-mittelbaden.example",
        ),
        Supplier(
            "reinigung",
            "Glanzwerk Gebäudereinigung GmbH",
            "Reinigung",
            "Rheinstraße 40",
            "76185",
            "Karlsruhe",
            "35117620",
            "HRB 713840, Amtsgericht Mannheim",
            "66090800",
            "8123456",
            "Mehmet Yıldız",
            "+49 721 5694120",
            "rechnungen@glanzwerk.example",
        ),
        Supplier(
            "it",
            "Hardtwald IT-Service GmbH",
            "IT-Dienstleister",
            "Blankenlocher Straße 21",
            "76297",
            "Stutensee",
            "28455031",
            "HRB 736102, Amtsgericht Mannheim",
            "66190000",
            "4711000",
            "Daniel Ochs",
            "+49 7244 70890",
            "faktura@hardtwald-it.example",
        ),
        Supplier(
            "ingenieur",
            "Ingenieurbüro Weber + Partner PartG mbB",
            "Ingenieurbüro",
            "Lange Straße 9",
            "76530",
            "Baden-Baden",
            "40226718",
            "PR 700118, Amtsgericht Mannheim",
            "66070004",
            "1234567",
            "Dipl.-Ing. Claudia Weber",
            "+49 7221 39770",
            "buero@weber-partner.example",
        ),
        Supplier(
            "gruen",
            "Grünpflege Ortenau-Bühler Seite GmbH",
            "Garten- und Landschaftsbau",
            "Vimbucher Straße 52",
            "77815",
            "Bühl",
            "19883452",
            "HRB 221467, Amtsgericht Mannheim",
            "66291400",
            "2233445",
            "Thomas Bühler",
            "+49 7223 80560",
            "info@gruenpflege-buehl.example",
        ),
        Supplier(
            "buch",
            "Buchhandlung am Marktplatz Ettlingen e. K.",
            "Buchhandlung",
            "Marktplatz 11",
            "76275",
            "Ettlingen",
            "12078833",
            "HRA 710233, Amtsgericht Mannheim",
            "66050101",
            "1012345678",
            "Ute Lang",
            "+49 7243 12480",
            "bestellung@buchhandlung-ettlingen.example",
        ),
    ]
}


# --- what each town receives ---------------------------------------------------------------------
@dataclass
class Scenario:
    """One invoice of the demo and how far it gets: ``target`` is "received", "formal",
    "factual", "arithmetic", "first_order", "rejected", "ordered" or "exported"."""

    key: str
    data: InvoiceData
    office: str | None
    target: str
    syntax: str = "UBL"
    source: str = "upload"
    rejection: tuple[str, str] | None = None  # (reason, notice to the seller)
    core: bool = True  # False: only in the towns with the full demo (FULL_TOWNS)

    @property
    def xml(self) -> bytes:
        return cii(self.data) if self.syntax == "CII" else ubl(self.data)

    @property
    def filename(self) -> str:
        return self.data.filename


def _d(value: str) -> Decimal:
    return Decimal(value)


def scenarios(town, number: int, today: dt.date) -> list[Scenario]:
    """The invoices of ``town`` (``TownSettings``; ``number``: its position, varies amounts
    and numbers a little). Dates relative to ``today``: some lose Skonto in 1–3 days, one is
    overdue, one is above the Anordnung limit of 5.000 €."""
    slug = town.slug
    buyer = Buyer(
        name=town.legal_name or f"Stadt {town.name}",
        street=town.street or "Marktplatz 1",
        postcode=town.postcode or "76437",
        city=town.city or town.name,
        email=town.email or f"rechnungseingang@{slug}.example",
    )
    code = (town.code or slug[:3]).upper()
    n = number + 1
    year = today.year

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    def invoice(key, supplier, office, days_ago, items, **extra) -> InvoiceData:
        return InvoiceData(
            number=extra.pop("number"),
            issue_date=ago(days_ago),
            seller=SUPPLIERS[supplier],
            buyer=buyer,
            leitweg_id=leitweg_id(slug, office),
            items=items,
            **extra,
        )

    s = _d(str(n))  # a small factor per town
    return [
        Scenario(
            "received_office",
            invoice(
                "received_office",
                "buero",
                "buergerbuero",
                2,
                [
                    Item(
                        "Kopierpapier A4, 80 g/m², 500 Blatt",
                        _d("40") + s * 5,
                        "H87",
                        _d("4.89"),
                        _d("19"),
                    ),
                    Item("Toner HP 59A schwarz", _d("3"), "H87", _d("128.40"), _d("19")),
                    Item("Ordner A4, 8 cm, blau", _d("24"), "H87", _d("2.35"), _d("19")),
                ],
                number=f"BK-{year}-{4100 + n * 7}",
                skonto=[(10, _d("3.00"))],
                order_ref=f"{code}-BB-{year}-{31 + n}",
            ),
            "buergerbuero",
            "received",
        ),
        Scenario(
            "received_no_office",
            invoice(
                "received_no_office",
                "energie",
                None,
                3,
                [
                    Item(
                        "Strom Verwaltungsgebäude, Arbeitspreis",
                        _d("18450") + s * 310,
                        "KWH",
                        _d("0.2480"),
                        _d("19"),
                    ),
                    Item("Grundpreis", _d("1"), "MON", _d("18.90"), _d("19")),
                ],
                number=f"EVM-{year}-{880000 + n * 1337}",
                period=(ago(35), ago(5)),
                due_days=14,
                note="Abschlagsrechnung Strom, Vertragskonto 4400" + str(1700 + n),
            ),
            None,
            "received",
            syntax="CII",
            source="api",
        ),
        Scenario(
            "formal_skonto_1",
            invoice(
                "formal_skonto_1",
                "it",
                "buergerbuero",
                13,
                [
                    Item(
                        "Wartung Aufrufanlage Bürgerbüro, Quartal",
                        _d("1"),
                        "LS",
                        _d("480.00"),
                        _d("19"),
                    ),
                    Item("Technikereinsatz vor Ort", _d("3.5"), "HUR", _d("96.00"), _d("19")),
                ],
                number=f"HIT-{year}-{200 + n * 11}",
                skonto=[(14, _d("2.00"))],
                cost_centre=f"1.1.2.0-{5431 + n}",
            ),
            "buergerbuero",
            "formal",
        ),
        Scenario(
            "formal_overdue",
            invoice(
                "formal_overdue",
                "reinigung",
                "familie",
                45,
                [
                    Item(
                        "Unterhaltsreinigung Kindertagesstätte, Monat",
                        _d("1"),
                        "MON",
                        _d("1840.00") + s * 40,
                        _d("19"),
                    ),
                    Item("Glasreinigung", _d("212"), "MTK", _d("1.85"), _d("19")),
                ],
                number=f"GW-{year}-{1500 + n * 13}",
                order_ref=f"{code}-FAM-{year}-07",
            ),
            "familie",
            "formal",
        ),
        Scenario(
            "factual_skonto_2",
            invoice(
                "factual_skonto_2",
                "bau",
                "bauamt",
                8,
                [
                    Item(
                        "Pflasterarbeiten Schulhof, Betonpflaster",
                        _d("86"),
                        "MTK",
                        _d("38.50"),
                        _d("19"),
                    ),
                    Item("Bordsteine setzen", _d("42"), "MTR", _d("24.90"), _d("19")),
                    Item("Baustelleneinrichtung", _d("1"), "LS", _d("350.00"), _d("19")),
                ],
                number=f"{year}-{3300 + n * 17}",
                skonto=[(10, _d("2.00")), (20, _d("1.00"))],
                order_ref=f"{code}-60-{year}-112",
                cost_centre="2.1.1.0-5221",
            ),
            "bauamt",
            "factual",
        ),
        Scenario(
            "factual",
            invoice(
                "factual",
                "gruen",
                "umwelt",
                6,
                [
                    Item("Heckenschnitt Stadtgarten", _d("14"), "HUR", _d("52.00"), _d("19")),
                    Item(
                        "Stauden und Gehölze, Nachpflanzung",
                        _d("60") + s,
                        "H87",
                        _d("6.40"),
                        _d("7"),
                    ),
                    Item("Rindenmulch, lose", _d("4"), "MTQ", _d("48.00"), _d("7")),
                ],
                number=f"GP-{year}-{700 + n * 3}",
                skonto=[(14, _d("3.00"))],
            ),
            "umwelt",
            "factual",
            syntax="CII",
        ),
        Scenario(
            "arithmetic_skonto_3",
            invoice(
                "arithmetic_skonto_3",
                "ingenieur",
                "bauamt",
                11,
                [
                    Item(
                        "Tragwerksplanung Sanierung Turnhalle, Leistungsphase 3",
                        _d("1"),
                        "LS",
                        _d("2860.00") + s * 20,
                        _d("19"),
                    ),
                    Item("Ortstermine und Protokolle", _d("4"), "HUR", _d("112.00"), _d("19")),
                ],
                number=f"WP-{year}-{110 + n}",
                skonto=[(14, _d("3.00"))],
                order_ref=f"{code}-60-{year}-087",
                cost_centre="2.1.3.0-4711",
            ),
            "bauamt",
            "arithmetic",
        ),
        Scenario(
            "arithmetic",
            invoice(
                "arithmetic",
                "it",
                "ordnungsamt",
                7,
                [
                    Item(
                        "Lizenz Fachverfahren Gewerbe, Jahresmiete",
                        _d("1"),
                        "LS",
                        _d("1980.00"),
                        _d("19"),
                    ),
                    Item("Update-Schulung online", _d("2"), "HUR", _d("96.00"), _d("19")),
                ],
                number=f"HIT-{year}-{180 + n * 11}",
                order_ref=f"{code}-32-{year}-052",
                period=(dt.date(year, 1, 1), dt.date(year, 12, 31)),
            ),
            "ordnungsamt",
            "arithmetic",
            syntax="CII",
        ),
        Scenario(
            "first_order",
            invoice(
                "first_order",
                "tiefbau",
                "bauamt",
                9,
                [
                    Item(
                        "Erneuerung Regenwasserkanal DN 400",
                        _d("64"),
                        "MTR",
                        _d("268.00"),
                        _d("19"),
                    ),
                    Item("Schachtbauwerk, Fertigteil", _d("3"), "H87", _d("1450.00"), _d("19")),
                    Item(
                        "Oberflächenwiederherstellung Asphalt",
                        _d("120") + s * 4,
                        "MTK",
                        _d("42.50"),
                        _d("19"),
                    ),
                ],
                number=f"MT-{year}-{5000 + n * 21}",
                skonto=[(21, _d("2.00"))],
                order_ref=f"{code}-60-{year}-054",
                cost_centre="5.4.1.0-5111",
                note="Abschlagsrechnung Nr. 2 nach VOB/B",
            ),
            "bauamt",
            "first_order",
        ),
        Scenario(
            "rejected",
            invoice(
                "rejected",
                "buero",
                "ordnungsamt",
                12,
                [
                    Item(
                        "Aktenvernichter Sicherheitsstufe P-4",
                        _d("2"),
                        "H87",
                        _d("389.00"),
                        _d("19"),
                    )
                ],
                number=f"BK-{year}-{4000 + n * 5}",
            ),
            "ordnungsamt",
            "rejected",
            rejection=(
                "Nicht bestellt: Das Ordnungsamt hat keine Aktenvernichter bestellt, eine "
                "Bestellnummer fehlt.",
                "Sehr geehrte Damen und Herren, Ihre Rechnung können wir nicht bearbeiten: "
                "Wir haben die berechneten Aktenvernichter nicht bei Ihnen bestellt. Bitte "
                "prüfen Sie den Vorgang; eine Bestellnummer unserer Stadt ist anzugeben.",
            ),
        ),
        Scenario(
            "formal_books",
            invoice(
                "formal_books",
                "buch",
                "familie",
                16,
                [
                    Item(
                        "Bilderbücher für die Stadtbibliothek, Kinderabteilung",
                        _d("18"),
                        "H87",
                        _d("14.95"),
                        _d("7"),
                    ),
                    Item("Sachbücher Jugend", _d("12"), "H87", _d("19.99"), _d("7")),
                    Item("Folieren und Einarbeiten", _d("30"), "H87", _d("1.20"), _d("19")),
                ],
                number=f"{year}/{10400 + n * 9}",
                order_ref=f"{code}-51-{year}-019",
                cost_centre="2.5.2.0-4270",
            ),
            "familie",
            "formal",
            core=False,
        ),
        Scenario(
            "ordered_credit_note",
            invoice(
                "ordered_credit_note",
                "buero",
                "buergerbuero",
                5,
                [
                    Item(
                        "Gutschrift Rücksendung Toner HP 59A",
                        _d("1"),
                        "H87",
                        _d("128.40"),
                        _d("19"),
                    )
                ],
                number=f"GS-{year}-{300 + n}",
                type_code="381",
                due_days=14,
                preceding=f"BK-{year}-{3900 + n * 7}",
                note="Gutschrift zur Rechnung " + f"BK-{year}-{3900 + n * 7}",
            ),
            "buergerbuero",
            "ordered",
            syntax="CII",
        ),
        Scenario(
            "ordered_energy",
            invoice(
                "ordered_energy",
                "energie",
                "steueramt",
                20,
                [
                    Item(
                        "Erdgas Rathaus, Arbeitspreis",
                        _d("41200") + s * 500,
                        "KWH",
                        _d("0.1390"),
                        _d("19"),
                    ),
                    Item("Grundpreis", _d("1"), "MON", _d("24.50"), _d("19")),
                ],
                number=f"EVM-{year}-{870000 + n * 1201}",
                period=(ago(50), ago(21)),
            ),
            "steueramt",
            "ordered",
            source="api",
            core=False,
        ),
        Scenario(
            "exported_cleaning",
            invoice(
                "exported_cleaning",
                "reinigung",
                "buergerbuero",
                24,
                [
                    Item(
                        "Unterhaltsreinigung Rathaus, Monat",
                        _d("1"),
                        "MON",
                        _d("2140.00"),
                        _d("19"),
                    )
                ],
                number=f"GW-{year}-{1400 + n * 13}",
                skonto=[(30, _d("2.00"))],
                cost_centre="1.1.3.0-4241",
            ),
            "buergerbuero",
            "exported",
        ),
        Scenario(
            "exported_it",
            invoice(
                "exported_it",
                "it",
                "ordnungsamt",
                22,
                [
                    Item("Notebook 14 Zoll, Außendienst", _d("2"), "H87", _d("1149.00"), _d("19")),
                    Item("Einrichtung und Übergabe", _d("2"), "HUR", _d("96.00"), _d("19")),
                ],
                number=f"HIT-{year}-{150 + n * 11}",
                order_ref=f"{code}-32-{year}-041",
            ),
            "ordnungsamt",
            "exported",
            syntax="CII",
            core=False,
        ),
    ]


def duplicate_of(scenario: Scenario) -> bytes:
    """The same invoice (same seller, same number) sent again with another note – other bytes,
    so it is caught as a duplicate, not as the same file."""
    data = InvoiceData(**{**scenario.data.__dict__, "note": "Erneute Zusendung"})
    return cii(data) if scenario.syntax == "CII" else ubl(data)
