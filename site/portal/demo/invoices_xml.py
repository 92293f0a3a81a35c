"""A small writer of XRechnung 3.0 files for the demo: the invoice data (seller, buyer, lines,
Skonto terms) and its UBL 2.1 ``Invoice`` and UN/CEFACT ``CrossIndustryInvoice`` form, built
with lxml – our own code, no template.

Totals are computed the way EN 16931 wants them (line = quantity × price rounded to cents,
VAT per rate on the sum of its lines, rounded to cents), so BR-CO-10 … BR-CO-17 hold; the
Skonto lines of BT-20 follow the XRechnung syntax (each ended by a line break, BR-DE-18).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from lxml import etree
from schwifty import IBAN

CENT = Decimal("0.01")
XRECHNUNG = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
PEPPOL = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"


def vat_id(eight_digits: str) -> str:
    """A German USt-IdNr. with its check digit (ISO 7064 MOD 11,10)."""
    product = 10
    for char in eight_digits:
        total = (int(char) + product) % 10 or 10
        product = (2 * total) % 11
    check = (11 - product) % 10
    return f"DE{eight_digits}{check}"


# --- the seller ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Supplier:
    key: str
    name: str
    kind: str
    street: str
    postcode: str
    city: str
    vat_digits: str
    register: str
    bank_code: str
    account: str
    contact: str
    phone: str
    email: str

    @property
    def vat_id(self) -> str:
        return vat_id(self.vat_digits)

    @cached_property
    def _iban(self) -> IBAN:
        return IBAN.generate("DE", bank_code=self.bank_code, account_code=self.account)

    @property
    def iban(self) -> str:
        return str(self._iban.compact)

    @property
    def bic(self) -> str:
        return str(self._iban.bic or "")


# --- the invoice data ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Item:
    name: str
    quantity: Decimal
    unit: str  # UN/ECE Rec 20: H87 Stück, HUR Stunde, KWH, MTK m², MON Monat, LS pauschal
    price: Decimal
    vat: Decimal  # 19 or 7
    description: str = ""

    @property
    def net(self) -> Decimal:
        return (self.quantity * self.price).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Buyer:
    name: str
    street: str
    postcode: str
    city: str
    email: str


@dataclass
class InvoiceData:
    """One invoice (or credit note, type 381) with everything the writer puts into the XML."""

    number: str
    issue_date: dt.date
    seller: Supplier
    buyer: Buyer
    leitweg_id: str
    items: list[Item]
    type_code: str = "380"
    due_days: int = 30
    skonto: list[tuple[int, Decimal]] = field(default_factory=list)  # (days, percent)
    order_ref: str = ""
    cost_centre: str = ""  # BT-19
    note: str = ""
    period: tuple[dt.date, dt.date] | None = None
    preceding: str = ""  # BT-25: the invoice a credit note refers to

    @property
    def due_date(self) -> dt.date:
        return self.issue_date + dt.timedelta(days=self.due_days)

    @property
    def line_total(self) -> Decimal:
        return sum((item.net for item in self.items), Decimal("0.00"))

    @property
    def breakdown(self) -> list[tuple[Decimal, Decimal, Decimal]]:
        """``(rate, taxable amount, tax amount)`` per VAT rate, highest rate first."""
        rates = sorted({item.vat for item in self.items}, reverse=True)
        result = []
        for rate in rates:
            base = sum((item.net for item in self.items if item.vat == rate), Decimal("0.00"))
            tax = (base * rate / 100).quantize(CENT, rounding=ROUND_HALF_UP)
            result.append((rate, base, tax))
        return result

    @property
    def vat_total(self) -> Decimal:
        return sum((tax for _rate, _base, tax in self.breakdown), Decimal("0.00"))

    @property
    def gross(self) -> Decimal:
        return self.line_total + self.vat_total

    @property
    def payment_terms(self) -> str:
        """BT-20: the Skonto lines (XRechnung syntax, each ended by a line break) + prose."""
        lines = [f"#SKONTO#TAGE={days}#PROZENT={percent:.2f}#" for days, percent in self.skonto]
        prose = f"Zahlbar innerhalb von {self.due_days} Tagen ohne Abzug."
        if self.skonto:
            days, percent = self.skonto[0]
            prose = (
                f"Bei Zahlung innerhalb von {days} Tagen {_de(percent)} % Skonto, "
                f"innerhalb von {self.due_days} Tagen netto."
            )
        return "\n".join([*lines, prose])

    @property
    def filename(self) -> str:
        stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in self.number)
        return f"{self.seller.key}-{stem}.xml"


def _de(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",").removesuffix(",00")


def _amount(value: Decimal) -> str:
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):f}"


def _number(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# --- UBL 2.1 -------------------------------------------------------------------------------------
UBL_NS = {
    "Invoice": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}


class _Builder:
    """``b.el(parent, "cbc:ID", "text", attr=…)`` with namespace prefixes."""

    def __init__(self, namespaces: dict[str, str]):
        self.ns = namespaces

    def qname(self, name: str) -> str:
        prefix, local = name.split(":")
        return f"{{{self.ns[prefix]}}}{local}"

    def el(self, parent, name: str, text=None, **attrs):
        element = etree.SubElement(parent, self.qname(name))
        if text is not None:
            element.text = str(text)
        for key, value in attrs.items():
            element.set(key, str(value))
        return element


def ubl(data: InvoiceData) -> bytes:
    """The invoice as XRechnung 3.0 UBL 2.1 ``Invoice``."""
    b = _Builder({"cac": UBL_NS["cac"], "cbc": UBL_NS["cbc"]})
    root = etree.Element(
        f"{{{UBL_NS['Invoice']}}}Invoice",
        nsmap={"ubl": UBL_NS["Invoice"], "cac": UBL_NS["cac"], "cbc": UBL_NS["cbc"]},
    )
    b.el(root, "cbc:CustomizationID", XRECHNUNG)
    b.el(root, "cbc:ProfileID", PEPPOL)
    b.el(root, "cbc:ID", data.number)
    b.el(root, "cbc:IssueDate", data.issue_date.isoformat())
    b.el(root, "cbc:DueDate", data.due_date.isoformat())
    b.el(root, "cbc:InvoiceTypeCode", data.type_code)
    if data.note:
        b.el(root, "cbc:Note", data.note)
    b.el(root, "cbc:DocumentCurrencyCode", "EUR")
    if data.cost_centre:
        b.el(root, "cbc:AccountingCost", data.cost_centre)
    b.el(root, "cbc:BuyerReference", data.leitweg_id)
    if data.period:
        period = b.el(root, "cac:InvoicePeriod")
        b.el(period, "cbc:StartDate", data.period[0].isoformat())
        b.el(period, "cbc:EndDate", data.period[1].isoformat())
    if data.order_ref:
        b.el(b.el(root, "cac:OrderReference"), "cbc:ID", data.order_ref)
    if data.preceding:
        reference = b.el(b.el(root, "cac:BillingReference"), "cac:InvoiceDocumentReference")
        b.el(reference, "cbc:ID", data.preceding)

    seller = b.el(b.el(root, "cac:AccountingSupplierParty"), "cac:Party")
    b.el(seller, "cbc:EndpointID", data.seller.email, schemeID="EM")
    _ubl_address(b, seller, data.seller.street, data.seller.postcode, data.seller.city)
    tax_scheme = b.el(seller, "cac:PartyTaxScheme")
    b.el(tax_scheme, "cbc:CompanyID", data.seller.vat_id)
    b.el(b.el(tax_scheme, "cac:TaxScheme"), "cbc:ID", "VAT")
    legal = b.el(seller, "cac:PartyLegalEntity")
    b.el(legal, "cbc:RegistrationName", data.seller.name)
    b.el(legal, "cbc:CompanyLegalForm", data.seller.register)
    contact = b.el(seller, "cac:Contact")
    b.el(contact, "cbc:Name", data.seller.contact)
    b.el(contact, "cbc:Telephone", data.seller.phone)
    b.el(contact, "cbc:ElectronicMail", data.seller.email)

    buyer = b.el(b.el(root, "cac:AccountingCustomerParty"), "cac:Party")
    b.el(buyer, "cbc:EndpointID", data.leitweg_id, schemeID="0204")
    _ubl_address(b, buyer, data.buyer.street, data.buyer.postcode, data.buyer.city)
    b.el(b.el(buyer, "cac:PartyLegalEntity"), "cbc:RegistrationName", data.buyer.name)
    buyer_contact = b.el(buyer, "cac:Contact")
    b.el(buyer_contact, "cbc:ElectronicMail", data.buyer.email)

    means = b.el(root, "cac:PaymentMeans")
    b.el(means, "cbc:PaymentMeansCode", "58")
    b.el(means, "cbc:PaymentID", data.number)
    account = b.el(means, "cac:PayeeFinancialAccount")
    b.el(account, "cbc:ID", data.seller.iban)
    b.el(account, "cbc:Name", data.seller.name)
    if data.seller.bic:
        b.el(b.el(account, "cac:FinancialInstitutionBranch"), "cbc:ID", data.seller.bic)
    b.el(b.el(root, "cac:PaymentTerms"), "cbc:Note", data.payment_terms + "\n")

    tax_total = b.el(root, "cac:TaxTotal")
    b.el(tax_total, "cbc:TaxAmount", _amount(data.vat_total), currencyID="EUR")
    for rate, base, tax in data.breakdown:
        subtotal = b.el(tax_total, "cac:TaxSubtotal")
        b.el(subtotal, "cbc:TaxableAmount", _amount(base), currencyID="EUR")
        b.el(subtotal, "cbc:TaxAmount", _amount(tax), currencyID="EUR")
        _ubl_category(b, subtotal, "cac:TaxCategory", rate)

    totals = b.el(root, "cac:LegalMonetaryTotal")
    b.el(totals, "cbc:LineExtensionAmount", _amount(data.line_total), currencyID="EUR")
    b.el(totals, "cbc:TaxExclusiveAmount", _amount(data.line_total), currencyID="EUR")
    b.el(totals, "cbc:TaxInclusiveAmount", _amount(data.gross), currencyID="EUR")
    b.el(totals, "cbc:PayableAmount", _amount(data.gross), currencyID="EUR")

    for number, item in enumerate(data.items, start=1):
        line = b.el(root, "cac:InvoiceLine")
        b.el(line, "cbc:ID", number)
        b.el(line, "cbc:InvoicedQuantity", _number(item.quantity), unitCode=item.unit)
        b.el(line, "cbc:LineExtensionAmount", _amount(item.net), currencyID="EUR")
        product = b.el(line, "cac:Item")
        if item.description:
            b.el(product, "cbc:Description", item.description)
        b.el(product, "cbc:Name", item.name)
        _ubl_category(b, product, "cac:ClassifiedTaxCategory", item.vat)
        b.el(b.el(line, "cac:Price"), "cbc:PriceAmount", _amount(item.price), currencyID="EUR")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _ubl_address(b: _Builder, party, street: str, postcode: str, city: str) -> None:
    address = b.el(party, "cac:PostalAddress")
    b.el(address, "cbc:StreetName", street)
    b.el(address, "cbc:CityName", city)
    b.el(address, "cbc:PostalZone", postcode)
    b.el(b.el(address, "cac:Country"), "cbc:IdentificationCode", "DE")


def _ubl_category(b: _Builder, parent, name: str, rate: Decimal) -> None:
    category = b.el(parent, name)
    b.el(category, "cbc:ID", "S")
    b.el(category, "cbc:Percent", _number(rate))
    b.el(b.el(category, "cac:TaxScheme"), "cbc:ID", "VAT")


# --- UN/CEFACT CII -------------------------------------------------------------------------------
CII_NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}


def cii(data: InvoiceData) -> bytes:
    """The invoice as XRechnung 3.0 UN/CEFACT ``CrossIndustryInvoice``."""
    b = _Builder(CII_NS)
    root = etree.Element(b.qname("rsm:CrossIndustryInvoice"), nsmap=CII_NS)
    context = b.el(root, "rsm:ExchangedDocumentContext")
    b.el(b.el(context, "ram:BusinessProcessSpecifiedDocumentContextParameter"), "ram:ID", PEPPOL)
    b.el(b.el(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", XRECHNUNG)
    document = b.el(root, "rsm:ExchangedDocument")
    b.el(document, "ram:ID", data.number)
    b.el(document, "ram:TypeCode", data.type_code)
    _cii_date(b, b.el(document, "ram:IssueDateTime"), data.issue_date)
    if data.note:
        b.el(b.el(document, "ram:IncludedNote"), "ram:Content", data.note)

    transaction = b.el(root, "rsm:SupplyChainTradeTransaction")
    for number, item in enumerate(data.items, start=1):
        line = b.el(transaction, "ram:IncludedSupplyChainTradeLineItem")
        b.el(b.el(line, "ram:AssociatedDocumentLineDocument"), "ram:LineID", number)
        product = b.el(line, "ram:SpecifiedTradeProduct")
        b.el(product, "ram:Name", item.name)
        if item.description:
            b.el(product, "ram:Description", item.description)
        agreement = b.el(line, "ram:SpecifiedLineTradeAgreement")
        price = b.el(agreement, "ram:NetPriceProductTradePrice")
        b.el(price, "ram:ChargeAmount", _amount(item.price))
        delivery = b.el(line, "ram:SpecifiedLineTradeDelivery")
        b.el(delivery, "ram:BilledQuantity", _number(item.quantity), unitCode=item.unit)
        settlement = b.el(line, "ram:SpecifiedLineTradeSettlement")
        tax = b.el(settlement, "ram:ApplicableTradeTax")
        b.el(tax, "ram:TypeCode", "VAT")
        b.el(tax, "ram:CategoryCode", "S")
        b.el(tax, "ram:RateApplicablePercent", _number(item.vat))
        summation = b.el(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation")
        b.el(summation, "ram:LineTotalAmount", _amount(item.net))

    agreement = b.el(transaction, "ram:ApplicableHeaderTradeAgreement")
    b.el(agreement, "ram:BuyerReference", data.leitweg_id)
    seller = b.el(agreement, "ram:SellerTradeParty")
    b.el(seller, "ram:Name", data.seller.name)
    b.el(seller, "ram:Description", data.seller.register)
    contact = b.el(seller, "ram:DefinedTradeContact")
    b.el(contact, "ram:PersonName", data.seller.contact)
    b.el(
        b.el(contact, "ram:TelephoneUniversalCommunication"),
        "ram:CompleteNumber",
        data.seller.phone,
    )
    b.el(b.el(contact, "ram:EmailURIUniversalCommunication"), "ram:URIID", data.seller.email)
    _cii_address(b, seller, data.seller.street, data.seller.postcode, data.seller.city)
    b.el(
        b.el(seller, "ram:URIUniversalCommunication"), "ram:URIID", data.seller.email, schemeID="EM"
    )
    b.el(b.el(seller, "ram:SpecifiedTaxRegistration"), "ram:ID", data.seller.vat_id, schemeID="VA")
    buyer = b.el(agreement, "ram:BuyerTradeParty")
    b.el(buyer, "ram:Name", data.buyer.name)
    _cii_address(b, buyer, data.buyer.street, data.buyer.postcode, data.buyer.city)
    b.el(
        b.el(buyer, "ram:URIUniversalCommunication"), "ram:URIID", data.leitweg_id, schemeID="0204"
    )
    if data.order_ref:
        b.el(
            b.el(agreement, "ram:BuyerOrderReferencedDocument"),
            "ram:IssuerAssignedID",
            data.order_ref,
        )

    delivery = b.el(transaction, "ram:ApplicableHeaderTradeDelivery")
    if data.period is None:
        event = b.el(delivery, "ram:ActualDeliverySupplyChainEvent")
        _cii_date(b, b.el(event, "ram:OccurrenceDateTime"), data.issue_date)

    settlement = b.el(transaction, "ram:ApplicableHeaderTradeSettlement")
    b.el(settlement, "ram:PaymentReference", data.number)
    b.el(settlement, "ram:InvoiceCurrencyCode", "EUR")
    means = b.el(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
    b.el(means, "ram:TypeCode", "58")
    account = b.el(means, "ram:PayeePartyCreditorFinancialAccount")
    b.el(account, "ram:IBANID", data.seller.iban)
    b.el(account, "ram:AccountName", data.seller.name)
    if data.seller.bic:
        institution = b.el(means, "ram:PayeeSpecifiedCreditorFinancialInstitution")
        b.el(institution, "ram:BICID", data.seller.bic)
    for rate, base, tax_amount in data.breakdown:
        tax = b.el(settlement, "ram:ApplicableTradeTax")
        b.el(tax, "ram:CalculatedAmount", _amount(tax_amount))
        b.el(tax, "ram:TypeCode", "VAT")
        b.el(tax, "ram:BasisAmount", _amount(base))
        b.el(tax, "ram:CategoryCode", "S")
        b.el(tax, "ram:RateApplicablePercent", _number(rate))
    if data.period:
        period = b.el(settlement, "ram:BillingSpecifiedPeriod")
        _cii_date(b, b.el(period, "ram:StartDateTime"), data.period[0])
        _cii_date(b, b.el(period, "ram:EndDateTime"), data.period[1])
    terms = b.el(settlement, "ram:SpecifiedTradePaymentTerms")
    b.el(terms, "ram:Description", data.payment_terms + "\n")
    _cii_date(b, b.el(terms, "ram:DueDateDateTime"), data.due_date)
    summation = b.el(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    b.el(summation, "ram:LineTotalAmount", _amount(data.line_total))
    b.el(summation, "ram:TaxBasisTotalAmount", _amount(data.line_total))
    b.el(summation, "ram:TaxTotalAmount", _amount(data.vat_total), currencyID="EUR")
    b.el(summation, "ram:GrandTotalAmount", _amount(data.gross))
    b.el(summation, "ram:DuePayableAmount", _amount(data.gross))
    if data.preceding:
        reference = b.el(settlement, "ram:InvoiceReferencedDocument")
        b.el(reference, "ram:IssuerAssignedID", data.preceding)
    if data.cost_centre:
        account = b.el(settlement, "ram:ReceivableSpecifiedTradeAccountingAccount")
        b.el(account, "ram:ID", data.cost_centre)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _cii_date(b: _Builder, parent, value: dt.date) -> None:
    b.el(parent, "udt:DateTimeString", value.strftime("%Y%m%d"), format="102")


def _cii_address(b: _Builder, party, street: str, postcode: str, city: str) -> None:
    address = b.el(party, "ram:PostalTradeAddress")
    b.el(address, "ram:PostcodeCode", postcode)
    b.el(address, "ram:LineOne", street)
    b.el(address, "ram:CityName", city)
    b.el(address, "ram:CountryID", "DE")
