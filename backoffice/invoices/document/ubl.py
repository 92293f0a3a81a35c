"""Read a UBL 2.1 Invoice or CreditNote (XRechnung 3 / EN 16931 syntax binding) into the model.

Tolerant by design: a missing optional part becomes ``None`` / ``""`` / ``[]``, a value that
cannot be understood goes to ``doc.unreadable``; the rules decide what is wrong. Paths follow
the EN 16931-3-2 UBL binding; the XRechnung extension adds sub invoice lines
(``cac:SubInvoiceLine`` / ``cac:SubCreditNoteLine``, BG-DEX-01) and third-party payments
(``cac:PrepaidPayment``, BG-DEX-09).
"""

from __future__ import annotations

import functools
import re

from lxml import etree

from .model import (
    Address,
    AllowanceCharge,
    Attachment,
    Card,
    Contact,
    CreditTransfer,
    Delivery,
    DirectDebit,
    Identifier,
    InvoiceDocument,
    ItemAttribute,
    Line,
    Note,
    Party,
    Payee,
    PaymentMeans,
    Period,
    PrecedingInvoice,
    TaxRepresentative,
    ThirdPartyPayment,
    Totals,
    VatBreakdown,
)
from .skonto import parse_skonto
from .xml import (
    ALLOWANCE_CHARGE_TERMS,
    ROOTS,
    ValueReader,
    compile_path,
    element_text,
    every,
    first,
    raw_text,
)

NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}
_NOTE_CODE = re.compile(r"#([A-Z]{3})#(.*)", re.DOTALL)


@functools.cache
def _q(path: str) -> tuple[str, ...]:
    return compile_path(path, NS)


def _find(el: etree._Element | None, path: str) -> etree._Element | None:
    return first(el, _q(path))


def _all(el: etree._Element | None, path: str) -> list[etree._Element]:
    return every(el, _q(path))


def _t(el: etree._Element | None, path: str) -> str:
    return element_text(first(el, _q(path)))


def _ident(el: etree._Element | None, scheme_attr: str = "schemeID") -> Identifier | None:
    if el is None:
        return None
    return Identifier(value=element_text(el), scheme=(el.get(scheme_attr) or "").strip())


class _UblReader:
    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.values = ValueReader()
        self.kind = ROOTS[root.tag][1] if root.tag in ROOTS else "Invoice"
        self.credit = self.kind == "CreditNote"

    # --- building blocks ----------------------------------------------------------------
    def dec(self, el, path, term, where=""):
        return self.values.decimal(_find(el, path), term, where)

    def date(self, el, path, term, where=""):
        return self.values.iso_date(_find(el, path), term, where)

    def address(self, el: etree._Element | None) -> Address | None:
        if el is None:
            return None
        return Address(
            line1=_t(el, "cbc:StreetName"),
            line2=_t(el, "cbc:AdditionalStreetName"),
            line3=_t(el, "cac:AddressLine/cbc:Line"),
            city=_t(el, "cbc:CityName"),
            postcode=_t(el, "cbc:PostalZone"),
            subdivision=_t(el, "cbc:CountrySubentity"),
            country=_t(el, "cac:Country/cbc:IdentificationCode"),
        )

    def contact(self, el: etree._Element | None) -> Contact | None:
        if el is None:
            return None
        return Contact(
            name=_t(el, "cbc:Name"),
            phone=_t(el, "cbc:Telephone"),
            email=_t(el, "cbc:ElectronicMail"),
        )

    def party(self, el: etree._Element | None) -> Party:
        party = Party()
        if el is None:
            return party
        party.name = _t(el, "cac:PartyLegalEntity/cbc:RegistrationName")
        party.trading_name = _t(el, "cac:PartyName/cbc:Name")
        for id_el in _all(el, "cac:PartyIdentification/cbc:ID"):
            ident = _ident(id_el)
            if ident.scheme.upper() != "SEPA":  # BT-90, read with the direct debit
                party.identifiers.append(ident)
        party.legal_id = _ident(_find(el, "cac:PartyLegalEntity/cbc:CompanyID"))
        for scheme in _all(el, "cac:PartyTaxScheme"):
            company_id = _t(scheme, "cbc:CompanyID")
            if _t(scheme, "cac:TaxScheme/cbc:ID").upper() == "VAT":
                party.vat_id = party.vat_id or company_id
            else:
                party.tax_number = party.tax_number or company_id
        party.legal_info = _t(el, "cac:PartyLegalEntity/cbc:CompanyLegalForm")
        party.electronic_address = _ident(_find(el, "cbc:EndpointID"))
        party.address = self.address(_find(el, "cac:PostalAddress"))
        party.contact = self.contact(_find(el, "cac:Contact"))
        return party

    def period(self, el: etree._Element | None, start: str, end: str, where="") -> Period | None:
        if el is None:
            return None
        return Period(
            start=self.date(el, "cbc:StartDate", start, where),
            end=self.date(el, "cbc:EndDate", end, where),
        )

    def allowance_charge(self, el: etree._Element, level: str, where="") -> AllowanceCharge:
        is_charge = _t(el, "cbc:ChargeIndicator").lower() == "true"
        terms = ALLOWANCE_CHARGE_TERMS[(level, is_charge)]
        item = AllowanceCharge(
            is_charge=is_charge,
            amount=self.dec(el, "cbc:Amount", terms[0], where),
            base_amount=self.dec(el, "cbc:BaseAmount", terms[1], where),
            percentage=self.dec(el, "cbc:MultiplierFactorNumeric", terms[2], where),
            reason=_t(el, "cbc:AllowanceChargeReason"),
            reason_code=_t(el, "cbc:AllowanceChargeReasonCode"),
        )
        if level == "doc":
            item.vat_category = _t(el, "cac:TaxCategory/cbc:ID")
            item.vat_rate = self.dec(el, "cac:TaxCategory/cbc:Percent", terms[3], where)
        return item

    # --- document -----------------------------------------------------------------------
    def read(self) -> InvoiceDocument:
        r = self.root
        doc = InvoiceDocument(syntax="UBL", kind=self.kind)
        doc.number = _t(r, "cbc:ID")
        doc.issue_date = self.date(r, "cbc:IssueDate", "BT-2")
        doc.type_code = _t(r, "cbc:CreditNoteTypeCode" if self.credit else "cbc:InvoiceTypeCode")
        doc.currency = _t(r, "cbc:DocumentCurrencyCode")
        doc.tax_currency = _t(r, "cbc:TaxCurrencyCode")
        doc.tax_point_date = self.date(r, "cbc:TaxPointDate", "BT-7")
        doc.tax_point_code = _t(r, "cac:InvoicePeriod/cbc:DescriptionCode")
        doc.due_date = self.date(r, "cbc:DueDate", "BT-9")
        if doc.due_date is None:  # CreditNote: BT-9 lives in the payment means
            doc.due_date = self.date(r, "cac:PaymentMeans/cbc:PaymentDueDate", "BT-9")
        doc.buyer_reference = _t(r, "cbc:BuyerReference")
        doc.project_ref = _t(r, "cac:ProjectReference/cbc:ID")
        doc.contract_ref = _t(r, "cac:ContractDocumentReference/cbc:ID")
        doc.order_ref = _t(r, "cac:OrderReference/cbc:ID")
        doc.sales_order_ref = _t(r, "cac:OrderReference/cbc:SalesOrderID")
        doc.receiving_advice_ref = _t(r, "cac:ReceiptDocumentReference/cbc:ID")
        doc.despatch_advice_ref = _t(r, "cac:DespatchDocumentReference/cbc:ID")
        doc.tender_ref = _t(r, "cac:OriginatorDocumentReference/cbc:ID")
        doc.buyer_accounting_ref = _t(r, "cbc:AccountingCost")
        terms = [raw_text(note) for note in _all(r, "cac:PaymentTerms/cbc:Note")]
        doc.payment_terms = "\n".join(terms)
        doc.skonto = parse_skonto(doc.payment_terms)[0]
        doc.notes = [self.note(el) for el in _all(r, "cbc:Note")]
        doc.process_id = _t(r, "cbc:ProfileID")
        doc.specification_id = _t(r, "cbc:CustomizationID")
        for ref in _all(r, "cac:BillingReference/cac:InvoiceDocumentReference"):
            doc.preceding_invoices.append(
                PrecedingInvoice(
                    reference=_t(ref, "cbc:ID"),
                    issue_date=self.date(ref, "cbc:IssueDate", "BT-26"),
                )
            )
        self.document_references(doc)

        seller_el = _find(r, "cac:AccountingSupplierParty/cac:Party")
        doc.seller = self.party(seller_el)
        doc.buyer = self.party(_find(r, "cac:AccountingCustomerParty/cac:Party"))
        payee_el = _find(r, "cac:PayeeParty")
        doc.payee = self.payee(payee_el)
        doc.tax_representative = self.tax_representative(_find(r, "cac:TaxRepresentativeParty"))
        doc.delivery = self.delivery(_find(r, "cac:Delivery"))
        doc.period = self.period(_find(r, "cac:InvoicePeriod"), "BT-73", "BT-74")

        creditor_id = self.creditor_id(seller_el, payee_el)
        doc.payment_means = [
            self.payment_means(el, creditor_id) for el in _all(r, "cac:PaymentMeans")
        ]
        doc.allowances_charges = [
            self.allowance_charge(el, "doc") for el in _all(r, "cac:AllowanceCharge")
        ]
        self.totals(doc)
        line_tag = "cac:CreditNoteLine" if self.credit else "cac:InvoiceLine"
        doc.lines = [self.line(el, f"Position {i}") for i, el in enumerate(_all(r, line_tag), 1)]
        for el in _all(r, "cac:PrepaidPayment"):
            doc.third_party_payments.append(
                ThirdPartyPayment(
                    type_id=_t(el, "cbc:ID"),
                    amount=self.dec(el, "cbc:PaidAmount", "BT-DEX-002"),
                    description=_t(el, "cbc:InstructionID"),
                )
            )
        doc.unreadable = self.values.unreadable
        return doc

    def note(self, el: etree._Element) -> Note:
        text = element_text(el)
        match = _NOTE_CODE.fullmatch(text)
        if match:
            return Note(subject_code=match[1], text=match[2].strip())
        return Note(text=text)

    def document_references(self, doc: InvoiceDocument) -> None:
        """BT-18 (type 130), BT-11 in a CreditNote (type 50) and the attachments (BG-24)."""
        for el in _all(self.root, "cac:AdditionalDocumentReference"):
            type_code = _t(el, "cbc:DocumentTypeCode")
            if type_code == "130":
                if doc.object_id is None:
                    doc.object_id = _ident(_find(el, "cbc:ID"))
                continue
            if type_code == "50" and self.credit:
                doc.project_ref = doc.project_ref or _t(el, "cbc:ID")
                continue
            doc.attachments.append(self.attachment(el))

    def attachment(self, el: etree._Element) -> Attachment:
        attachment = Attachment(
            id=_t(el, "cbc:ID"),
            description=_t(el, "cbc:DocumentDescription"),
            uri=_t(el, "cac:Attachment/cac:ExternalReference/cbc:URI"),
        )
        binary = _find(el, "cac:Attachment/cbc:EmbeddedDocumentBinaryObject")
        if binary is not None:
            attachment.mime_code = (binary.get("mimeCode") or "").strip()
            attachment.filename = (binary.get("filename") or "").strip()
            attachment.content = self.values.binary(binary, "BT-125", f"Anhang {attachment.id}")
        return attachment

    def payee(self, el: etree._Element | None) -> Payee | None:
        if el is None:
            return None
        ident = None
        for id_el in _all(el, "cac:PartyIdentification/cbc:ID"):
            candidate = _ident(id_el)
            if candidate.scheme.upper() != "SEPA":
                ident = candidate
                break
        return Payee(
            name=_t(el, "cac:PartyName/cbc:Name"),
            identifier=ident,
            legal_id=_ident(_find(el, "cac:PartyLegalEntity/cbc:CompanyID")),
        )

    def tax_representative(self, el: etree._Element | None) -> TaxRepresentative | None:
        if el is None:
            return None
        return TaxRepresentative(
            name=_t(el, "cac:PartyName/cbc:Name"),
            vat_id=_t(el, "cac:PartyTaxScheme/cbc:CompanyID"),
            address=self.address(_find(el, "cac:PostalAddress")),
        )

    def delivery(self, el: etree._Element | None) -> Delivery | None:
        if el is None:
            return None
        return Delivery(
            name=_t(el, "cac:DeliveryParty/cac:PartyName/cbc:Name"),
            location_id=_ident(_find(el, "cac:DeliveryLocation/cbc:ID")),
            date=self.date(el, "cbc:ActualDeliveryDate", "BT-72"),
            address=self.address(_find(el, "cac:DeliveryLocation/cac:Address")),
        )

    @staticmethod
    def creditor_id(seller: etree._Element | None, payee: etree._Element | None) -> str:
        """BT-90: the seller's or payee's party identifier with scheme SEPA."""
        for party in (payee, seller):
            for id_el in _all(party, "cac:PartyIdentification/cbc:ID"):
                if (id_el.get("schemeID") or "").strip().upper() == "SEPA":
                    return element_text(id_el)
        return ""

    def payment_means(self, el: etree._Element, creditor_id: str) -> PaymentMeans:
        code_el = _find(el, "cbc:PaymentMeansCode")
        means = PaymentMeans(
            code=element_text(code_el),
            text=(code_el.get("name") or "").strip() if code_el is not None else "",
            remittance=_t(el, "cbc:PaymentID"),
        )
        for account in _all(el, "cac:PayeeFinancialAccount"):
            means.transfers.append(
                CreditTransfer(
                    account_id=_t(account, "cbc:ID"),
                    account_name=_t(account, "cbc:Name"),
                    bic=_t(account, "cac:FinancialInstitutionBranch/cbc:ID"),
                )
            )
        card = _find(el, "cac:CardAccount")
        if card is not None:
            means.card = Card(
                account_number=_t(card, "cbc:PrimaryAccountNumberID"),
                holder=_t(card, "cbc:HolderName"),
            )
        mandate = _find(el, "cac:PaymentMandate")
        if mandate is not None:
            means.direct_debit = DirectDebit(
                mandate_id=_t(mandate, "cbc:ID"),
                creditor_id=creditor_id,
                debited_account=_t(mandate, "cac:PayerFinancialAccount/cbc:ID"),
            )
        return means

    def totals(self, doc: InvoiceDocument) -> None:
        m = _find(self.root, "cac:LegalMonetaryTotal")
        totals = Totals(
            line_total=self.dec(m, "cbc:LineExtensionAmount", "BT-106"),
            allowance_total=self.dec(m, "cbc:AllowanceTotalAmount", "BT-107"),
            charge_total=self.dec(m, "cbc:ChargeTotalAmount", "BT-108"),
            without_vat=self.dec(m, "cbc:TaxExclusiveAmount", "BT-109"),
            with_vat=self.dec(m, "cbc:TaxInclusiveAmount", "BT-112"),
            prepaid=self.dec(m, "cbc:PrepaidAmount", "BT-113"),
            rounding=self.dec(m, "cbc:PayableRoundingAmount", "BT-114"),
            due=self.dec(m, "cbc:PayableAmount", "BT-115"),
        )
        for tax_total in _all(self.root, "cac:TaxTotal"):
            amount_el = _find(tax_total, "cbc:TaxAmount")
            if amount_el is not None:
                currency = (amount_el.get("currencyID") or "").strip()
                if _is_tax_currency_total(totals, currency, doc.currency, doc.tax_currency):
                    totals.vat_total_tax_currency = self.values.decimal(amount_el, "BT-111")
                else:
                    totals.vat_total = self.values.decimal(amount_el, "BT-110")
            for sub in _all(tax_total, "cac:TaxSubtotal"):
                doc.vat_breakdown.append(
                    VatBreakdown(
                        taxable_amount=self.dec(sub, "cbc:TaxableAmount", "BT-116"),
                        tax_amount=self.dec(sub, "cbc:TaxAmount", "BT-117"),
                        category=_t(sub, "cac:TaxCategory/cbc:ID"),
                        rate=self.dec(sub, "cac:TaxCategory/cbc:Percent", "BT-119"),
                        exemption_reason=_t(sub, "cac:TaxCategory/cbc:TaxExemptionReason"),
                        exemption_reason_code=_t(sub, "cac:TaxCategory/cbc:TaxExemptionReasonCode"),
                    )
                )
        doc.totals = totals

    # --- lines --------------------------------------------------------------------------
    def line(self, el: etree._Element, where: str) -> Line:
        line = Line(id=_t(el, "cbc:ID"))
        if line.id:
            where = f"Position {line.id}" if where.startswith("Position") else where
        quantity_el = _find(el, "cbc:CreditedQuantity" if self.credit else "cbc:InvoicedQuantity")
        line.note = _t(el, "cbc:Note")
        line.object_id = self.line_object_id(el)
        line.quantity = self.values.decimal(quantity_el, "BT-129", where)
        line.unit = (quantity_el.get("unitCode") or "").strip() if quantity_el is not None else ""
        line.net_amount = self.dec(el, "cbc:LineExtensionAmount", "BT-131", where)
        line.order_line_ref = _t(el, "cac:OrderLineReference/cbc:LineID")
        line.accounting_ref = _t(el, "cbc:AccountingCost")
        line.period = self.period(_find(el, "cac:InvoicePeriod"), "BT-134", "BT-135", where)
        line.allowances_charges = [
            self.allowance_charge(ac, "line", where) for ac in _all(el, "cac:AllowanceCharge")
        ]
        price = _find(el, "cac:Price")
        if price is not None:
            line.price = self.dec(price, "cbc:PriceAmount", "BT-146", where)
            line.price_discount = self.dec(price, "cac:AllowanceCharge/cbc:Amount", "BT-147", where)
            line.gross_price = self.dec(
                price, "cac:AllowanceCharge/cbc:BaseAmount", "BT-148", where
            )
            base_quantity = _find(price, "cbc:BaseQuantity")
            line.base_quantity = self.values.decimal(base_quantity, "BT-149", where)
            if base_quantity is not None:
                line.base_quantity_unit = (base_quantity.get("unitCode") or "").strip()
        item = _find(el, "cac:Item")
        if item is not None:
            self.item(item, line, where)
        sub_tag = "cac:SubCreditNoteLine" if self.credit else "cac:SubInvoiceLine"
        line.sub_lines = [
            self.line(sub, f"Unterposition {_t(sub, 'cbc:ID') or i} von {where}")
            for i, sub in enumerate(_all(el, sub_tag), 1)
        ]
        return line

    @staticmethod
    def line_object_id(el: etree._Element) -> Identifier | None:
        refs = _all(el, "cac:DocumentReference")
        for ref in refs:
            if _t(ref, "cbc:DocumentTypeCode") == "130":
                return _ident(_find(ref, "cbc:ID"))
        return _ident(_find(refs[0], "cbc:ID")) if refs else None

    def item(self, item: etree._Element, line: Line, where: str) -> None:
        line.name = _t(item, "cbc:Name")
        line.description = _t(item, "cbc:Description")
        line.seller_item_id = _t(item, "cac:SellersItemIdentification/cbc:ID")
        line.buyer_item_id = _t(item, "cac:BuyersItemIdentification/cbc:ID")
        line.standard_item_id = _ident(_find(item, "cac:StandardItemIdentification/cbc:ID"))
        line.classification_ids = [
            _ident(code, "listID")
            for code in _all(item, "cac:CommodityClassification/cbc:ItemClassificationCode")
        ]
        line.origin_country = _t(item, "cac:OriginCountry/cbc:IdentificationCode")
        line.vat_category = _t(item, "cac:ClassifiedTaxCategory/cbc:ID")
        line.vat_rate = self.dec(item, "cac:ClassifiedTaxCategory/cbc:Percent", "BT-152", where)
        line.attributes = [
            ItemAttribute(name=_t(prop, "cbc:Name"), value=_t(prop, "cbc:Value"))
            for prop in _all(item, "cac:AdditionalItemProperty")
        ]


def _is_tax_currency_total(totals: Totals, currency: str, doc_cur: str, tax_cur: str) -> bool:
    """Whether a tax total amount is BT-111 (in the VAT accounting currency) rather than BT-110.

    The first amount in the invoice currency (or without a currency) is BT-110; an amount in
    the tax currency (BT-6) is BT-111, and so is a second amount once BT-110 is taken.
    """
    if totals.vat_total is None and (not currency or currency == doc_cur):
        return False
    if tax_cur and currency == tax_cur and totals.vat_total_tax_currency is None:
        return True
    return totals.vat_total is not None


def read_ubl(root: etree._Element) -> InvoiceDocument:
    """Read a UBL ``Invoice`` or ``CreditNote`` root element into an :class:`InvoiceDocument`."""
    return _UblReader(root).read()
