"""Rules of the XRechnung 3.0 *extension* (BR-DEX-…: sub invoice lines, third-party payments) and
of XRechnung-CVD (Clean Vehicles Directive, BR-DE-CVD-…). They run only for documents whose BT-24
names that flavour; BR-DEX-01/04…08 (code lists) live in :mod:`.codes`, BR-DEX-09 in
:mod:`.calculation`.
"""

from __future__ import annotations

from ...document.model import InvoiceDocument, Line
from ..profiles import is_cvd, is_extension
from ..registry import hit, rule
from ._util import blank, decimals, indexed_lines, line_label, total


# --- extension (BR-DEX) ---------------------------------------------------------------------------
def _sub_sum_problems(line: Line, label: str):
    if line.sub_lines:
        expected = total(sub.net_amount for sub in line.sub_lines)
        if line.net_amount != expected:
            yield label
        for sub in line.sub_lines:
            yield from _sub_sum_problems(sub, f"Unterposition „{sub.id}“")


@rule(
    "BR-DEX-02",
    "warning",
    terms=("BT-131",),
    syntax="UBL",
    when=is_extension,
    text="Der Nettobetrag (BT-131) einer Rechnungsposition (BG-25) oder Unterposition (BG-DEX-01) "
    "soll der Summe der Nettobeträge (BT-131) der direkt darunterliegenden Unterpositionen "
    "entsprechen.",
)
def sub_line_sums(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        for label in _sub_sum_problems(line, line_label(line, location)):
            yield hit(f"Betrifft {label}.", location=location)


def _all_sub_lines(lines: list[Line]):
    for line in lines:
        for sub in line.sub_lines:
            yield sub
            yield from _all_sub_lines([sub])


@rule(
    "BR-DEX-03",
    terms=("BT-151",),
    syntax="UBL",
    when=is_extension,
    text="Eine Unterposition (BG-DEX-01) muss genau eine Umsatzsteuer-Information (BG-DEX-06) "
    "enthalten.",
)
def sub_line_vat(doc: InvoiceDocument):
    for sub in _all_sub_lines(doc.lines):
        if blank(sub.vat_category):
            yield hit(f"Betrifft Unterposition „{sub.id}“.", location=f"BG-DEX-01[{sub.id}]")


def _third_party_rule(rule_id: str, term: str, text: str, broken) -> None:
    def check(doc: InvoiceDocument):
        for number, payment in enumerate(doc.third_party_payments, start=1):
            if broken(payment):
                yield hit(location=f"BG-DEX-09[{number}]")

    check.__name__ = f"check_{rule_id.replace('-', '_').lower()}"
    check.__module__ = __name__
    rule(rule_id, terms=(term,), syntax="UBL", when=is_extension, text=text)(check)


_third_party_rule(
    "BR-DEX-10",
    "BT-DEX-001",
    "Die Art der Zahlung Dritter (BT-DEX-001) muss übermittelt werden, wenn die Gruppe Zahlung "
    "Dritter (BG-DEX-09) übermittelt wird.",
    lambda p: blank(p.type_id),
)
_third_party_rule(
    "BR-DEX-11",
    "BT-DEX-002",
    "Der Betrag der Zahlung Dritter (BT-DEX-002) muss übermittelt werden, wenn die Gruppe Zahlung "
    "Dritter (BG-DEX-09) übermittelt wird.",
    lambda p: p.amount is None,
)
_third_party_rule(
    "BR-DEX-12",
    "BT-DEX-003",
    "Die Beschreibung der Zahlung Dritter (BT-DEX-003) muss übermittelt werden, wenn die Gruppe "
    "Zahlung Dritter (BG-DEX-09) übermittelt wird.",
    lambda p: blank(p.description),
)
_third_party_rule(
    "BR-DEX-13",
    "BT-DEX-002",
    "Der Betrag der Zahlung Dritter (BT-DEX-002) darf höchstens zwei Nachkommastellen haben.",
    lambda p: p.amount is not None and decimals(p.amount) > 2,
)


@rule(
    "BR-DEX-14",
    terms=("BT-DEX-002",),
    syntax="UBL",
    when=is_extension,
    xml=True,
    text="Die Währung des Betrags der Zahlung Dritter (BT-DEX-002) muss der Rechnungswährung "
    "(BT-5) entsprechen.",
)
def third_party_currency(doc: InvoiceDocument, root):
    cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    for number, payment in enumerate(root.findall(f"{{{cac}}}PrepaidPayment"), start=1):
        amount = payment.find(f"{{{cbc}}}PaidAmount")
        if amount is not None and (amount.get("currencyID") or "") != doc.currency:
            yield hit(
                f"Angegeben: „{amount.get('currencyID') or ''}“.", location=f"BG-DEX-09[{number}]"
            )


# --- CVD (Clean Vehicles Directive) -------------------------------------------------------------
@rule(
    "BR-DE-CVD-01",
    terms=("BT-12",),
    when=is_cvd,
    text="Die Vertragsnummer (BT-12) muss übermittelt werden.",
)
def cvd_contract(doc: InvoiceDocument):
    if blank(doc.contract_ref):
        yield hit(location="BT-12")


@rule(
    "BR-DE-CVD-02",
    terms=("BT-17",),
    when=is_cvd,
    text="Die Kennung der Ausschreibung oder des Loses (BT-17) muss übermittelt werden.",
)
def cvd_tender(doc: InvoiceDocument):
    if blank(doc.tender_ref):
        yield hit(location="BT-17")


def _cvd_class(line: Line) -> int:
    return sum(1 for ident in line.classification_ids if ident.scheme == "CVD")


def _cva(line: Line) -> int:
    return sum(1 for attribute in line.attributes if attribute.name == "cva")


@rule(
    "BR-DE-CVD-03",
    terms=("BT-158",),
    when=is_cvd,
    text="Eine Rechnung muss mindestens eine Rechnungsposition (BG-25) enthalten, deren "
    "Artikelklassifizierung (BT-158) das Schema „CVD“ hat und deren Artikeleigenschaft (BT-160) "
    "„cva“ heißt.",
)
def cvd_vehicle_line(doc: InvoiceDocument):
    if not any(_cvd_class(line) and _cva(line) for line in doc.lines):
        yield hit(location="BG-25")


@rule(
    "BR-DE-CVD-06-a",
    terms=("BT-160",),
    when=is_cvd,
    text="Hat eine Artikelklassifizierung (BT-158) das Schema „CVD“, muss dieselbe "
    "Rechnungsposition genau eine Artikeleigenschaft (BT-160) „cva“ enthalten.",
)
def cvd_attribute(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        if _cvd_class(line) and _cva(line) != 1:
            yield hit(f"Betrifft {line_label(line, location)}.", location=location)


@rule(
    "BR-DE-CVD-06-b",
    terms=("BT-158",),
    when=is_cvd,
    text="Hat eine Artikeleigenschaft (BT-160) den Namen „cva“, muss dieselbe Rechnungsposition "
    "genau eine Artikelklassifizierung (BT-158) mit dem Schema „CVD“ enthalten.",
)
def cvd_class(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        if _cva(line) and _cvd_class(line) != 1:
            yield hit(f"Betrifft {line_label(line, location)}.", location=location)
