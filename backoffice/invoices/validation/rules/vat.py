"""EN 16931 VAT category rules: BR-S, BR-Z, BR-E, BR-AE, BR-IC, BR-G, BR-O, BR-AF, BR-AG, BR-B.

Each category has the same ten rules (‑01 … ‑10): breakdown present, seller/buyer VAT
identifiers, rates on lines / allowances / charges, taxable and tax amount of the breakdown,
exemption reason. The CEN schematron 1.3.16 calls the IGIC and IPSI rules BR-AF-… and BR-AG-…
(formerly BR-IG-… / BR-IP-…); we use its ids so that our findings match the official ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ...document.model import AllowanceCharge, InvoiceDocument
from ..registry import hit, rule
from ._util import ZERO, allowances, blank, charges, fmt, norm, round2, total


@dataclass(frozen=True)
class Category:
    code: str
    prefix: str
    name: str  # German, with the code
    english: str
    at_least_one: bool  # -01: "at least one" (S, L, M) instead of "exactly one" breakdown
    rate: str  # -05/-06/-07: "positive", "zero", "none", "nonnegative"
    with_tax: bool  # -08/-09: tax is computed from a rate (S, L, M); else the tax is 0
    needs_reason: bool  # -10: exemption reason required (True) or forbidden (False)


CATEGORIES = [
    Category("S", "BR-S", "Normalsatz („S“)", "Standard rated", True, "positive", True, False),
    Category("Z", "BR-Z", "Nullsatz („Z“)", "Zero rated", False, "zero", False, False),
    Category("E", "BR-E", "Steuerbefreit („E“)", "Exempt from VAT", False, "zero", False, True),
    Category(
        "AE",
        "BR-AE",
        "Umkehrung der Steuerschuldnerschaft („AE“)",
        "Reverse charge",
        False,
        "zero",
        False,
        True,
    ),
    Category(
        "K",
        "BR-IC",
        "Innergemeinschaftliche Lieferung („K“)",
        "Intra-community supply",
        False,
        "zero",
        False,
        True,
    ),
    Category(
        "G",
        "BR-G",
        "Ausfuhr außerhalb der EU („G“)",
        "Export outside the EU",
        False,
        "zero",
        False,
        True,
    ),
    Category(
        "O", "BR-O", "Nicht steuerbar („O“)", "Not subject to VAT", False, "none", False, True
    ),
    Category(
        "L", "BR-AF", "IGIC, Kanarische Inseln („L“)", "IGIC", True, "nonnegative", True, False
    ),
    Category(
        "M", "BR-AG", "IPSI, Ceuta und Melilla („M“)", "IPSI", True, "nonnegative", True, False
    ),
]


def _cat(value: str) -> str:
    return norm(value)


def _lines(doc: InvoiceDocument, code: str):
    return [line for line in doc.lines if _cat(line.vat_category) == code]


def _acs(items: list[AllowanceCharge], code: str) -> list[AllowanceCharge]:
    return [ac for ac in items if _cat(ac.vat_category) == code]


def _breakdowns(doc: InvoiceDocument, code: str):
    return [
        (n, vat) for n, vat in enumerate(doc.vat_breakdown, start=1) if _cat(vat.category) == code
    ]


# --- who must (not) be identified --------------------------------------------------------------
def _seller_any_tax_id(doc: InvoiceDocument) -> bool:
    """BT-31, BT-32 or BT-63."""
    rep = doc.tax_representative
    return bool(
        (doc.seller.vat_id or "").strip()
        or (doc.seller.tax_number or "").strip()
        or (rep is not None and (rep.vat_id or "").strip())
    )


def _seller_vat_id(doc: InvoiceDocument) -> bool:
    """BT-31 or BT-63 (the VAT identifiers only)."""
    rep = doc.tax_representative
    return bool(
        (doc.seller.vat_id or "").strip() or (rep is not None and (rep.vat_id or "").strip())
    )


def _buyer_vat_or_legal(doc: InvoiceDocument) -> bool:
    legal = doc.buyer.legal_id
    return bool((doc.buyer.vat_id or "").strip() or (legal is not None and legal.value.strip()))


def _no_vat_ids(doc: InvoiceDocument) -> bool:
    rep = doc.tax_representative
    return not (
        (doc.seller.vat_id or "").strip()
        or (rep is not None and (rep.vat_id or "").strip())
        or (doc.buyer.vat_id or "").strip()
    )


_IDENTIFIED: dict[str, tuple[Callable[[InvoiceDocument], bool], str]] = {
    "S": (
        _seller_any_tax_id,
        "die USt-IdNr. des Verkäufers (BT-31), seine Steuernummer (BT-32) und/oder die USt-IdNr. "
        "seines Steuervertreters (BT-63) enthalten",
    ),
    "Z": (_seller_any_tax_id, ""),
    "E": (_seller_any_tax_id, ""),
    "L": (_seller_any_tax_id, ""),
    "M": (_seller_any_tax_id, ""),
    "AE": (
        lambda d: _seller_any_tax_id(d) and _buyer_vat_or_legal(d),
        "die USt-IdNr. des Verkäufers (BT-31), seine Steuernummer (BT-32) und/oder die USt-IdNr. "
        "seines Steuervertreters (BT-63) sowie die USt-IdNr. des Käufers (BT-48) und/oder seine "
        "Registernummer (BT-47) enthalten",
    ),
    "K": (
        lambda d: _seller_vat_id(d) and bool((d.buyer.vat_id or "").strip()),
        "die USt-IdNr. des Verkäufers (BT-31) oder seines Steuervertreters (BT-63) sowie die "
        "USt-IdNr. des Käufers (BT-48) enthalten",
    ),
    "G": (
        _seller_vat_id,
        "die USt-IdNr. des Verkäufers (BT-31) oder seines Steuervertreters (BT-63) enthalten",
    ),
    "O": (
        _no_vat_ids,
        "weder die USt-IdNr. des Verkäufers (BT-31) noch die seines Steuervertreters (BT-63) noch "
        "die des Käufers (BT-48) enthalten",
    ),
}


def _identified_text(code: str) -> str:
    text = _IDENTIFIED[code][1]
    return text or _IDENTIFIED["S"][1]


_RATE_TEXT = {
    "positive": "größer als null sein",
    "zero": "0 (null) sein",
    "none": "nicht angegeben sein",
    "nonnegative": "0 (null) oder größer sein",
}


def _rate_ok(kind: str, rate: Decimal | None) -> bool:
    if kind == "none":
        return rate is None
    if rate is None:
        return False
    if kind == "positive":
        return rate > ZERO
    if kind == "zero":
        return rate == ZERO
    return rate >= ZERO


# --- the ten rules, registered per category ---------------------------------------------------
def _register(cat: Category) -> None:  # noqa: C901 – one closure per rule, kept together
    p, name, code = cat.prefix, cat.name, cat.code

    def add(number: int, terms: tuple[str, ...], text: str, func) -> None:
        rule_id = f"{p}-{number:02d}"
        func.__name__ = f"check_{rule_id.replace('-', '_').lower()}"
        func.__module__ = __name__
        rule(rule_id, terms=terms, text=text)(func)

    # -01 breakdown for the category
    how_many = "mindestens eine" if cat.at_least_one else "genau eine"

    def breakdown_present(doc: InvoiceDocument):
        used = bool(_lines(doc, code) or _acs(doc.allowances_charges, code))
        count = len(_breakdowns(doc, code))
        if cat.at_least_one:
            if used and count == 0:
                yield hit(
                    f"Es gibt keine Aufschlüsselung der Kategorie „{code}“.", location="BG-23"
                )
            elif not used and count:
                yield hit(
                    f"Es gibt eine Aufschlüsselung „{code}“, aber keine Position, keinen Nachlass "
                    "und keinen Zuschlag dieser Kategorie.",
                    location="BG-23",
                )
        elif (used or count) and count != 1:
            yield hit(
                f"Gefunden: {count} Aufschlüsselungen der Kategorie „{code}“.", location="BG-23"
            )

    add(
        1,
        ("BT-118",),
        "Enthält eine Rechnung eine Position (BG-25), einen Nachlass (BG-20) oder einen Zuschlag "
        f"(BG-21) mit dem Umsatzsteuer-Kategoriecode {name}, muss die Aufschlüsselung der "
        f"Umsatzsteuer (BG-23) {how_many} Kategorie {name} (BT-118) enthalten.",
        breakdown_present,
    )

    # -02 / -03 / -04 identifiers
    check, _ = _IDENTIFIED[code]
    must = _identified_text(code)
    for number, what, _term, items in (
        (
            2,
            "eine Position (BG-25) mit dem Kategoriecode (BT-151)",
            "BT-151",
            lambda d: _lines(d, code),
        ),
        (
            3,
            "einen Nachlass auf Dokumentebene (BG-20) mit dem Kategoriecode (BT-95)",
            "BT-95",
            lambda d: _acs(allowances(d), code),
        ),
        (
            4,
            "einen Zuschlag auf Dokumentebene (BG-21) mit dem Kategoriecode (BT-102)",
            "BT-102",
            lambda d: _acs(charges(d), code),
        ),
    ):

        def identified(doc: InvoiceDocument, items=items):
            if items(doc) and not check(doc):
                yield hit(location="BG-4")

        add(
            number, ("BT-31",), f"Enthält eine Rechnung {what} {name}, muss sie {must}.", identified
        )

    # -05 / -06 / -07 rates
    rate_text = _RATE_TEXT[cat.rate]

    def line_rates(doc: InvoiceDocument):
        for number, line in enumerate(doc.lines, start=1):
            if _cat(line.vat_category) == code and not _rate_ok(cat.rate, line.vat_rate):
                ident = (line.id or "").strip() or str(number)
                yield hit(
                    f"Betrifft Position „{ident}“ (Satz: {fmt(line.vat_rate)}).",
                    location=f"BG-25[{number}]",
                )

    add(
        5,
        ("BT-152",),
        f"In einer Rechnungsposition (BG-25) mit dem Kategoriecode (BT-151) {name} muss der "
        f"Umsatzsteuersatz (BT-152) {rate_text}.",
        line_rates,
    )
    for number, group, what, term in (
        (
            6,
            "BG-20",
            "einem Nachlass auf Dokumentebene (BG-20) mit dem Kategoriecode (BT-95)",
            "BT-96",
        ),
        (
            7,
            "BG-21",
            "einem Zuschlag auf Dokumentebene (BG-21) mit dem Kategoriecode (BT-102)",
            "BT-103",
        ),
    ):
        charge = group == "BG-21"

        def ac_rates(doc: InvoiceDocument, charge=charge, group=group):
            items = charges(doc) if charge else allowances(doc)
            for n, ac in enumerate(items, start=1):
                if _cat(ac.vat_category) == code and not _rate_ok(cat.rate, ac.vat_rate):
                    yield hit(f"Satz: {fmt(ac.vat_rate)}.", location=f"{group}[{n}]")

        add(
            number,
            (term,),
            f"In {what} {name} muss der Umsatzsteuersatz ({term}) {rate_text}.",
            ac_rates,
        )

    # -08 taxable amount
    def taxable(doc: InvoiceDocument):
        for n, vat in _breakdowns(doc, code):
            if vat.taxable_amount is None:
                continue  # BR-45
            if cat.with_tax:
                if vat.rate is None:
                    continue  # BR-48
                rate = vat.rate
                lines = [ln for ln in _lines(doc, code) if ln.vat_rate == rate]
                acs = [ac for ac in _acs(doc.allowances_charges, code) if ac.vat_rate == rate]
                if code == "S" and not (lines or acs):
                    yield hit(
                        "Keine Position, kein Nachlass und kein Zuschlag hat den Satz "
                        f"{fmt(rate)} %.",
                        location=f"BG-23[{n}]",
                    )
                    continue
                expected = _net(lines, acs)
                if not (vat.taxable_amount - 1 < expected < vat.taxable_amount + 1):
                    yield hit(_mismatch(vat.taxable_amount, expected), location=f"BG-23[{n}]")
                continue
            lines, acs = _lines(doc, code), _acs(doc.allowances_charges, code)
            if doc.syntax == "CII":  # CII binding: rounded sums, ±1 tolerance
                expected = _net(lines, acs, rounded=True)
                ok = vat.taxable_amount - 1 <= expected < vat.taxable_amount + 1
            else:
                expected = _net(lines, acs)
                ok = vat.taxable_amount == expected
            if not ok:
                yield hit(_mismatch(vat.taxable_amount, expected), location=f"BG-23[{n}]")

    if cat.with_tax:
        text8 = (
            f"Für jeden Steuersatz (BT-119) der Kategorie {name} muss der Steuerbasisbetrag "
            "(BT-116) der Summe der Positions-Nettobeträge (BT-131) zuzüglich der Zuschläge "
            "(BT-99) abzüglich der Nachlässe (BT-92) auf Dokumentebene dieser Kategorie mit "
            "diesem Steuersatz entsprechen."
        )
    else:
        text8 = (
            f"In einer Aufschlüsselung (BG-23) der Kategorie {name} muss der Steuerbasisbetrag "
            "(BT-116) der Summe der Positions-Nettobeträge (BT-131) abzüglich der Nachlässe "
            "(BT-92) zuzüglich der Zuschläge (BT-99) auf Dokumentebene dieser Kategorie "
            "entsprechen."
        )
    add(8, ("BT-116",), text8, taxable)

    # -09 tax amount
    def tax_amount(doc: InvoiceDocument):
        for n, vat in _breakdowns(doc, code):
            tax = vat.tax_amount
            if tax is None:
                continue  # BR-46
            if cat.with_tax:
                if vat.taxable_amount is None:
                    continue  # BR-45
                if vat.rate is None:  # the schematron fails here too (no rate, no product)
                    yield hit("Der Steuersatz (BT-119) fehlt.", location=f"BG-23[{n}]")
                    continue
                expected = round2(abs(vat.taxable_amount) * (vat.rate / 100))
                if not (abs(tax) - 1 < expected < abs(tax) + 1):
                    yield hit(_mismatch(tax, expected), location=f"BG-23[{n}]")
            elif tax != ZERO:
                yield hit(_mismatch(tax, ZERO), location=f"BG-23[{n}]")

    if cat.with_tax:
        text9 = (
            f"Der Steuerbetrag (BT-117) einer Aufschlüsselung der Kategorie {name} muss dem "
            "Steuerbasisbetrag (BT-116) multipliziert mit dem Steuersatz (BT-119) entsprechen."
        )
    else:
        text9 = (
            f"Der Steuerbetrag (BT-117) einer Aufschlüsselung der Kategorie {name} muss 0 (null) "
            "sein."
        )
    add(9, ("BT-117",), text9, tax_amount)

    # -10 exemption reason
    def reason(doc: InvoiceDocument):
        for n, vat in _breakdowns(doc, code):
            has = not blank(vat.exemption_reason) or not blank(vat.exemption_reason_code)
            if has != cat.needs_reason:
                yield hit(location=f"BG-23[{n}]")

    if cat.needs_reason:
        text10 = (
            f"Eine Aufschlüsselung (BG-23) der Kategorie {name} muss einen Befreiungsgrund als "
            "Code (BT-121) oder als Text (BT-120) enthalten."
        )
    else:
        text10 = (
            f"Eine Aufschlüsselung (BG-23) der Kategorie {name} darf weder einen "
            "Befreiungsgrund-Code (BT-121) noch einen Befreiungsgrund (BT-120) enthalten."
        )
    add(10, ("BT-120",), text10, reason)


def _net(lines, acs: list[AllowanceCharge], rounded: bool = False) -> Decimal:
    line_sum = total(line.net_amount for line in lines)
    charge_sum = total(ac.amount for ac in acs if ac.is_charge)
    allowance_sum = total(ac.amount for ac in acs if not ac.is_charge)
    if rounded:
        return round2(line_sum) + round2(charge_sum) - round2(allowance_sum)
    return line_sum + charge_sum - allowance_sum


def _mismatch(stated: Decimal | None, expected: Decimal) -> str:
    return f"Angegeben: {fmt(stated)}, berechnet: {fmt(expected)}."


for _category in CATEGORIES:
    _register(_category)


# --- special rules of K (intra-community supply) and O (not subject to VAT) ---------------------
def _has_breakdown(doc: InvoiceDocument, code: str) -> bool:
    return bool(_breakdowns(doc, code))


@rule(
    "BR-IC-11",
    terms=("BT-72",),
    text="Enthält eine Rechnung eine Aufschlüsselung der Kategorie Innergemeinschaftliche "
    "Lieferung („K“), darf das tatsächliche Lieferdatum (BT-72) oder der Abrechnungszeitraum "
    "(BG-14) nicht leer sein.",
)
def ic_delivery_date(doc: InvoiceDocument):
    if not _has_breakdown(doc, "K"):
        return
    delivered = doc.delivery is not None and doc.delivery.date is not None
    period = doc.period is not None and (doc.period.start or doc.period.end)
    if doc.syntax == "UBL" and not blank(doc.tax_point_code):
        period = True  # cac:InvoicePeriod/* – the period holds BT-8
    if not (delivered or period):
        yield hit(location="BG-13")


@rule(
    "BR-IC-12",
    terms=("BT-80",),
    text="Enthält eine Rechnung eine Aufschlüsselung der Kategorie Innergemeinschaftliche "
    "Lieferung („K“), darf der Ländercode der Lieferanschrift (BT-80) nicht leer sein.",
)
def ic_delivery_country(doc: InvoiceDocument):
    if not _has_breakdown(doc, "K"):
        return
    address = doc.delivery.address if doc.delivery else None
    if address is None or len((address.country or "").strip()) < 2:
        yield hit(location="BG-15")


@rule(
    "BR-O-11",
    terms=("BT-118",),
    text="Enthält eine Rechnung eine Aufschlüsselung der Kategorie Nicht steuerbar („O“), darf "
    "sie keine weiteren Aufschlüsselungen der Umsatzsteuer (BG-23) enthalten.",
)
def o_only_breakdown(doc: InvoiceDocument):
    if _has_breakdown(doc, "O") and any(_cat(v.category) != "O" for v in doc.vat_breakdown):
        yield hit(location="BG-23")


@rule(
    "BR-O-12",
    terms=("BT-151",),
    text="Enthält eine Rechnung eine Aufschlüsselung der Kategorie Nicht steuerbar („O“), darf "
    "sie keine Position (BG-25) mit einem anderen Kategoriecode (BT-151) enthalten.",
)
def o_only_lines(doc: InvoiceDocument):
    if _has_breakdown(doc, "O"):
        for number, line in enumerate(doc.lines, start=1):
            if _cat(line.vat_category) != "O":
                yield hit(location=f"BG-25[{number}]")


@rule(
    "BR-O-13",
    terms=("BT-95",),
    text="Enthält eine Rechnung eine Aufschlüsselung der Kategorie Nicht steuerbar („O“), darf "
    "sie keinen Nachlass auf Dokumentebene (BG-20) mit einem anderen Kategoriecode (BT-95) "
    "enthalten.",
)
def o_only_allowances(doc: InvoiceDocument):
    if _has_breakdown(doc, "O"):
        for number, ac in enumerate(allowances(doc), start=1):
            if _cat(ac.vat_category) != "O":
                yield hit(location=f"BG-20[{number}]")


@rule(
    "BR-O-14",
    terms=("BT-102",),
    text="Enthält eine Rechnung eine Aufschlüsselung der Kategorie Nicht steuerbar („O“), darf "
    "sie keinen Zuschlag auf Dokumentebene (BG-21) mit einem anderen Kategoriecode (BT-102) "
    "enthalten.",
)
def o_only_charges(doc: InvoiceDocument):
    if _has_breakdown(doc, "O"):
        for number, ac in enumerate(charges(doc), start=1):
            if _cat(ac.vat_category) != "O":
                yield hit(location=f"BG-21[{number}]")


# --- split payment (Italy) ----------------------------------------------------------------------
def _uses(doc: InvoiceDocument, code: str) -> bool:
    return bool(_lines(doc, code) or _acs(doc.allowances_charges, code) or _breakdowns(doc, code))


def _countries(doc: InvoiceDocument) -> list[str]:
    found = []
    for address in (
        doc.seller.address,
        doc.buyer.address,
        doc.tax_representative.address if doc.tax_representative else None,
        doc.delivery.address if doc.delivery else None,
    ):
        if address is not None and (address.country or "").strip():
            found.append(address.country.strip())
    found.extend(
        line.origin_country.strip() for line in doc.lines if (line.origin_country or "").strip()
    )
    return found


@rule(
    "BR-B-01",
    terms=("BT-151",),
    text="Eine Rechnung mit dem Umsatzsteuer-Kategoriecode „Split payment“ („B“) muss eine "
    "inländische italienische Rechnung sein.",
)
def split_payment_italy(doc: InvoiceDocument):
    if _uses(doc, "B") and any(country != "IT" for country in _countries(doc)):
        yield hit(location="BG-23")


@rule(
    "BR-B-02",
    terms=("BT-151",),
    text="Eine Rechnung mit einer Position, einem Nachlass oder einem Zuschlag der Kategorie "
    "„Split payment“ („B“) darf keine Position, keinen Nachlass und keinen Zuschlag der Kategorie "
    "Normalsatz („S“) enthalten.",
)
def split_payment_not_standard(doc: InvoiceDocument):
    if _uses(doc, "B") and _uses(doc, "S"):
        yield hit(location="BG-23")
