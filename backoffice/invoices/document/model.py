"""The normalised e-invoice: one shape for UBL 2.1 and UN/CEFACT CII, by EN 16931 business terms.

Readers (:mod:`.ubl`, :mod:`.cii`) fill it from XML; the rules
(:mod:`backoffice.invoices.validation`) check it; the Django models keep it as JSON
(:func:`InvoiceDocument.to_dict` / :meth:`InvoiceDocument.from_dict`).

Conventions:
- a term that is absent in the document is ``None`` (text: ``""``; groups: ``None``; repeated
  groups: an empty list) – the rules tell "missing" from "empty" by that;
- amounts, quantities, rates and percentages are :class:`~decimal.Decimal` exactly as written
  (no rounding); dates are :class:`datetime.date`;
- a value the reader could not understand (a date "2026-13-40", an amount "12,5") is recorded
  in :attr:`InvoiceDocument.unreadable` with the business term and the raw text, and the field
  stays ``None``.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Syntax = Literal["UBL", "CII"]


@dataclass
class Address:
    """BG-5 / BG-8 / BG-12 / BG-15: postal address."""

    line1: str = ""  # BT-35 / BT-50 / BT-64 / BT-75
    line2: str = ""  # BT-36 / BT-51 / BT-65 / BT-76
    line3: str = ""  # BT-162 / BT-163 / BT-164 / BT-165
    city: str = ""  # BT-37 / BT-52 / BT-66 / BT-77
    postcode: str = ""  # BT-38 / BT-53 / BT-67 / BT-78
    subdivision: str = ""  # BT-39 / BT-54 / BT-68 / BT-79
    country: str = ""  # BT-40 / BT-55 / BT-69 / BT-80 (ISO 3166-1 alpha-2)


@dataclass
class Contact:
    """BG-6 / BG-9: contact."""

    name: str = ""  # BT-41 / BT-56
    phone: str = ""  # BT-42 / BT-57
    email: str = ""  # BT-43 / BT-58


@dataclass
class Identifier:
    """An identifier with its optional scheme (ISO 6523 ICD, EAS, …)."""

    value: str = ""
    scheme: str = ""


@dataclass
class Party:
    """BG-4 seller / BG-7 buyer."""

    name: str = ""  # BT-27 / BT-44
    trading_name: str = ""  # BT-28 / BT-45
    identifiers: list[Identifier] = field(default_factory=list)  # BT-29 / BT-46
    legal_id: Identifier | None = None  # BT-30 / BT-47
    vat_id: str = ""  # BT-31 / BT-48
    tax_number: str = ""  # BT-32 (seller only, "FC")
    legal_info: str = ""  # BT-33 (seller only)
    electronic_address: Identifier | None = None  # BT-34 / BT-49
    address: Address | None = None  # BG-5 / BG-8
    contact: Contact | None = None  # BG-6 / BG-9


@dataclass
class Payee:
    """BG-10."""

    name: str = ""  # BT-59
    identifier: Identifier | None = None  # BT-60
    legal_id: Identifier | None = None  # BT-61


@dataclass
class TaxRepresentative:
    """BG-11."""

    name: str = ""  # BT-62
    vat_id: str = ""  # BT-63
    address: Address | None = None  # BG-12


@dataclass
class Delivery:
    """BG-13."""

    name: str = ""  # BT-70
    location_id: Identifier | None = None  # BT-71
    date: dt.date | None = None  # BT-72
    address: Address | None = None  # BG-15


@dataclass
class Period:
    """BG-14 / BG-26: invoicing period."""

    start: dt.date | None = None  # BT-73 / BT-134
    end: dt.date | None = None  # BT-74 / BT-135


@dataclass
class CreditTransfer:
    """BG-17."""

    account_id: str = ""  # BT-84 (IBAN for SEPA)
    account_name: str = ""  # BT-85
    bic: str = ""  # BT-86


@dataclass
class Card:
    """BG-18."""

    account_number: str = ""  # BT-87 (last digits only)
    holder: str = ""  # BT-88


@dataclass
class DirectDebit:
    """BG-19."""

    mandate_id: str = ""  # BT-89
    creditor_id: str = ""  # BT-90
    debited_account: str = ""  # BT-91


@dataclass
class PaymentMeans:
    """BG-16 (one per means in the document)."""

    code: str = ""  # BT-81 (UNCL 4461)
    text: str = ""  # BT-82
    remittance: str = ""  # BT-83
    transfers: list[CreditTransfer] = field(default_factory=list)  # BG-17
    card: Card | None = None  # BG-18
    direct_debit: DirectDebit | None = None  # BG-19


@dataclass
class Skonto:
    """One XRechnung Skonto line in BT-20: ``#SKONTO#TAGE=7#PROZENT=2.00#[BASISBETRAG=…#]``."""

    days: int
    percent: Decimal
    base_amount: Decimal | None = None


@dataclass
class AllowanceCharge:
    """BG-20 / BG-21 (document level) and BG-27 / BG-28 (line level)."""

    is_charge: bool = False
    amount: Decimal | None = None  # BT-92 / BT-99 / BT-136 / BT-141
    base_amount: Decimal | None = None  # BT-93 / BT-100 / BT-137 / BT-142
    percentage: Decimal | None = None  # BT-94 / BT-101 / BT-138 / BT-143
    vat_category: str = ""  # BT-95 / BT-102 (document level only)
    vat_rate: Decimal | None = None  # BT-96 / BT-103 (document level only)
    reason: str = ""  # BT-97 / BT-104 / BT-139 / BT-144
    reason_code: str = ""  # BT-98 / BT-105 / BT-140 / BT-145


@dataclass
class VatBreakdown:
    """BG-23."""

    taxable_amount: Decimal | None = None  # BT-116
    tax_amount: Decimal | None = None  # BT-117
    category: str = ""  # BT-118 (UNCL 5305 subset: S, Z, E, AE, K, G, O, L, M)
    rate: Decimal | None = None  # BT-119
    exemption_reason: str = ""  # BT-120
    exemption_reason_code: str = ""  # BT-121


@dataclass
class Totals:
    """BG-22 document totals."""

    line_total: Decimal | None = None  # BT-106
    allowance_total: Decimal | None = None  # BT-107
    charge_total: Decimal | None = None  # BT-108
    without_vat: Decimal | None = None  # BT-109
    vat_total: Decimal | None = None  # BT-110 (in the invoice currency)
    vat_total_tax_currency: Decimal | None = None  # BT-111 (in BT-6)
    with_vat: Decimal | None = None  # BT-112
    prepaid: Decimal | None = None  # BT-113
    rounding: Decimal | None = None  # BT-114
    due: Decimal | None = None  # BT-115


@dataclass
class ThirdPartyPayment:
    """BG-DEX-09 (XRechnung extension): amounts paid by third parties."""

    type_id: str = ""  # BT-DEX-001
    amount: Decimal | None = None  # BT-DEX-002
    description: str = ""  # BT-DEX-003


@dataclass
class ItemAttribute:
    """BG-32."""

    name: str = ""  # BT-160
    value: str = ""  # BT-161


@dataclass
class Line:
    """BG-25 invoice line (and BG-DEX-01 sub invoice lines in :attr:`sub_lines`)."""

    id: str = ""  # BT-126
    note: str = ""  # BT-127
    object_id: Identifier | None = None  # BT-128
    quantity: Decimal | None = None  # BT-129
    unit: str = ""  # BT-130 (UN/ECE Rec 20/21)
    net_amount: Decimal | None = None  # BT-131
    order_line_ref: str = ""  # BT-132
    accounting_ref: str = ""  # BT-133
    period: Period | None = None  # BG-26
    allowances_charges: list[AllowanceCharge] = field(default_factory=list)  # BG-27 / BG-28
    price: Decimal | None = None  # BT-146 item net price
    price_discount: Decimal | None = None  # BT-147
    gross_price: Decimal | None = None  # BT-148
    base_quantity: Decimal | None = None  # BT-149
    base_quantity_unit: str = ""  # BT-150
    vat_category: str = ""  # BT-151
    vat_rate: Decimal | None = None  # BT-152
    name: str = ""  # BT-153
    description: str = ""  # BT-154
    seller_item_id: str = ""  # BT-155
    buyer_item_id: str = ""  # BT-156
    standard_item_id: Identifier | None = None  # BT-157
    classification_ids: list[Identifier] = field(default_factory=list)  # BT-158 (scheme = list id)
    origin_country: str = ""  # BT-159
    attributes: list[ItemAttribute] = field(default_factory=list)  # BG-32
    sub_lines: list[Line] = field(default_factory=list)  # BG-DEX-01 (extension)


@dataclass
class Attachment:
    """BG-24 additional supporting document."""

    id: str = ""  # BT-122
    description: str = ""  # BT-123
    uri: str = ""  # BT-124
    content: bytes | None = None  # BT-125 (decoded)
    mime_code: str = ""  # BT-125-1
    filename: str = ""  # BT-125-2


@dataclass
class Note:
    """BG-1."""

    subject_code: str = ""  # BT-21
    text: str = ""  # BT-22


@dataclass
class PrecedingInvoice:
    """BG-3."""

    reference: str = ""  # BT-25
    issue_date: dt.date | None = None  # BT-26


@dataclass
class Unreadable:
    """A value in the document that could not be read (see module docstring)."""

    term: str  # e.g. "BT-2"
    raw: str
    message: str  # German, e.g. "Das Datum „2026-13-40“ ist kein gültiges Datum."


@dataclass
class InvoiceDocument:
    """One invoice or credit note, by EN 16931 business terms."""

    syntax: Syntax = "UBL"
    kind: Literal["Invoice", "CreditNote"] = "Invoice"  # UBL root element; CII is always "Invoice"
    number: str = ""  # BT-1
    issue_date: dt.date | None = None  # BT-2
    type_code: str = ""  # BT-3 (UNCL 1001 subset)
    currency: str = ""  # BT-5
    tax_currency: str = ""  # BT-6
    tax_point_date: dt.date | None = None  # BT-7
    tax_point_code: str = ""  # BT-8
    due_date: dt.date | None = None  # BT-9
    buyer_reference: str = ""  # BT-10 (the Leitweg-ID in XRechnung)
    project_ref: str = ""  # BT-11
    contract_ref: str = ""  # BT-12
    order_ref: str = ""  # BT-13
    sales_order_ref: str = ""  # BT-14
    receiving_advice_ref: str = ""  # BT-15
    despatch_advice_ref: str = ""  # BT-16
    tender_ref: str = ""  # BT-17
    object_id: Identifier | None = None  # BT-18
    buyer_accounting_ref: str = ""  # BT-19
    payment_terms: str = ""  # BT-20 (full text, Skonto lines included)
    skonto: list[Skonto] = field(default_factory=list)  # parsed from BT-20
    notes: list[Note] = field(default_factory=list)  # BG-1
    process_id: str = ""  # BT-23
    specification_id: str = ""  # BT-24
    preceding_invoices: list[PrecedingInvoice] = field(default_factory=list)  # BG-3
    seller: Party = field(default_factory=Party)  # BG-4
    buyer: Party = field(default_factory=Party)  # BG-7
    payee: Payee | None = None  # BG-10
    tax_representative: TaxRepresentative | None = None  # BG-11
    delivery: Delivery | None = None  # BG-13
    period: Period | None = None  # BG-14
    payment_means: list[PaymentMeans] = field(default_factory=list)  # BG-16
    allowances_charges: list[AllowanceCharge] = field(default_factory=list)  # BG-20 / BG-21
    totals: Totals = field(default_factory=Totals)  # BG-22
    vat_breakdown: list[VatBreakdown] = field(default_factory=list)  # BG-23
    attachments: list[Attachment] = field(default_factory=list)  # BG-24
    lines: list[Line] = field(default_factory=list)  # BG-25
    third_party_payments: list[ThirdPartyPayment] = field(default_factory=list)  # BG-DEX-09
    unreadable: list[Unreadable] = field(default_factory=list)

    # --- derived values the product uses -------------------------------------------------
    @property
    def leitweg_id(self) -> str:
        return self.buyer_reference.strip()

    @property
    def is_credit_note(self) -> bool:
        return self.kind == "CreditNote" or self.type_code in {"381", "396", "532"}

    @property
    def iban(self) -> str:
        """The first credit-transfer account (BT-84), without spaces."""
        for means in self.payment_means:
            for transfer in means.transfers:
                if transfer.account_id:
                    return transfer.account_id.replace(" ", "").upper()
        return ""

    @property
    def creditor_name(self) -> str:
        """Who gets the money: the payee (BG-10) if named, else the seller."""
        if self.payee and self.payee.name:
            return self.payee.name
        return self.seller.name

    def skonto_terms(self) -> list[tuple[dt.date, Decimal, Decimal]]:
        """``(last day, percent, discount amount)`` per Skonto line, earliest first.

        The base is BASISBETRAG when given, else the amount due (BT-115); the discount is
        rounded to cents. Needs BT-2; empty without it.
        """
        from .skonto import skonto_terms

        return skonto_terms(self)

    # --- JSON ------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (Decimal → str, date → ISO, bytes → base64)."""
        return _encode(dataclasses.asdict(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> InvoiceDocument:
        return _decode(cls, data)


# --- JSON helpers ------------------------------------------------------------------------------
def _encode(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _encode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    return value


def _decode(cls, data: Any):
    import typing

    if data is None:
        return None
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        kwargs[f.name] = _decode_value(hints[f.name], data[f.name])
    return cls(**kwargs)


def _decode_value(hint, value):
    import types
    import typing

    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode_value(args[0], value)
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_decode_value(item, v) for v in value]
    if origin is Literal:
        return value
    if dataclasses.is_dataclass(hint):
        return _decode(hint, value)
    if hint is Decimal:
        return Decimal(value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if hint is bytes:
        return base64.b64decode(value["base64"])
    return value
