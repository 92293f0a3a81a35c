"""Read a UN/CEFACT Cross Industry Invoice (D16B) into the model.

Covers CII as XRechnung 3 and Factur-X / ZUGFeRD 2 (profiles EN16931 and EXTENDED) use it,
following the EN 16931-3-3 binding. Tolerant like the UBL reader: missing optional parts
become ``None`` / ``""`` / ``[]``, values that cannot be read go to ``doc.unreadable``.

CII specifics handled here:
- dates are ``udt:DateTimeString format="102"`` (``YYYYMMDD``);
- ``ram:TaxTotalAmount`` may appear twice – in the invoice currency (BT-110) and in the VAT
  accounting currency (BT-111), told apart by ``currencyID``;
- BT-83 (remittance), BT-90 (creditor id) and BT-89 (mandate) sit outside the payment means
  and are copied into every means;
- EXTENDED sub lines (``ram:ParentLineID``) become :attr:`Line.sub_lines` of their parent.
"""

from __future__ import annotations

import functools

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
    Totals,
    VatBreakdown,
)
from .skonto import parse_skonto
from .xml import (
    ALLOWANCE_CHARGE_TERMS,
    ValueReader,
    compile_path,
    element_text,
    every,
    first,
    raw_text,
)

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
}


@functools.cache
def _q(path: str) -> tuple[str, ...]:
    return compile_path(path, NS)


_ID = _q("ram:ID")[0]
_GLOBAL_ID = _q("ram:GlobalID")[0]
_DATE_STRINGS = tuple(
    _q(name)[0] for name in ("udt:DateTimeString", "qdt:DateTimeString", "udt:DateString")
)


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


def _ids(el: etree._Element | None) -> list[Identifier]:
    """``ram:ID`` and ``ram:GlobalID`` children in document order (BT-29, BT-46, BT-60, BT-71)."""
    if el is None:
        return []
    return [_ident(child) for child in el.iterchildren(_ID, _GLOBAL_ID)]


class _CiiReader:
    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.values = ValueReader()

    # --- building blocks ----------------------------------------------------------------
    def dec(self, el, path, term, where=""):
        return self.values.decimal(_find(el, path), term, where)

    def date(self, el, path, term, where=""):
        """``path`` leads to the element holding ``udt:DateTimeString`` (or the string itself)."""
        holder = _find(el, path)
        if holder is None:
            return None
        string = next(holder.iterchildren(*_DATE_STRINGS), None)
        return self.values.date_102(string if string is not None else holder, term, where)

    def address(self, el: etree._Element | None) -> Address | None:
        if el is None:
            return None
        return Address(
            line1=_t(el, "ram:LineOne"),
            line2=_t(el, "ram:LineTwo"),
            line3=_t(el, "ram:LineThree"),
            city=_t(el, "ram:CityName"),
            postcode=_t(el, "ram:PostcodeCode"),
            subdivision=_t(el, "ram:CountrySubDivisionName"),
            country=_t(el, "ram:CountryID"),
        )

    def contact(self, el: etree._Element | None) -> Contact | None:
        if el is None:
            return None
        return Contact(
            name=_t(el, "ram:PersonName") or _t(el, "ram:DepartmentName"),
            phone=_t(el, "ram:TelephoneUniversalCommunication/ram:CompleteNumber"),
            email=_t(el, "ram:EmailURIUniversalCommunication/ram:URIID"),
        )

    def party(self, el: etree._Element | None) -> Party:
        party = Party()
        if el is None:
            return party
        party.name = _t(el, "ram:Name")
        party.trading_name = _t(el, "ram:SpecifiedLegalOrganization/ram:TradingBusinessName")
        party.identifiers = _ids(el)
        party.legal_id = _ident(_find(el, "ram:SpecifiedLegalOrganization/ram:ID"))
        for reg in _all(el, "ram:SpecifiedTaxRegistration/ram:ID"):
            scheme = (reg.get("schemeID") or "").strip().upper()
            if scheme == "FC":
                party.tax_number = party.tax_number or element_text(reg)
            else:  # "VA" (also tolerate "VAT" / no scheme)
                party.vat_id = party.vat_id or element_text(reg)
        party.legal_info = _t(el, "ram:Description")
        party.electronic_address = _ident(_find(el, "ram:URIUniversalCommunication/ram:URIID"))
        party.address = self.address(_find(el, "ram:PostalTradeAddress"))
        party.contact = self.contact(_find(el, "ram:DefinedTradeContact"))
        return party

    def period(self, el: etree._Element | None, start: str, end: str, where="") -> Period | None:
        if el is None:
            return None
        return Period(
            start=self.date(el, "ram:StartDateTime", start, where),
            end=self.date(el, "ram:EndDateTime", end, where),
        )

    def allowance_charge(self, el: etree._Element, level: str, where="") -> AllowanceCharge:
        is_charge = _t(el, "ram:ChargeIndicator/udt:Indicator").lower() == "true"
        terms = ALLOWANCE_CHARGE_TERMS[(level, is_charge)]
        item = AllowanceCharge(
            is_charge=is_charge,
            amount=self.dec(el, "ram:ActualAmount", terms[0], where),
            base_amount=self.dec(el, "ram:BasisAmount", terms[1], where),
            percentage=self.dec(el, "ram:CalculationPercent", terms[2], where),
            reason=_t(el, "ram:Reason"),
            reason_code=_t(el, "ram:ReasonCode"),
        )
        if level == "doc":
            item.vat_category = _t(el, "ram:CategoryTradeTax/ram:CategoryCode")
            item.vat_rate = self.dec(
                el, "ram:CategoryTradeTax/ram:RateApplicablePercent", terms[3], where
            )
        return item

    # --- document -----------------------------------------------------------------------
    def read(self) -> InvoiceDocument:
        r = self.root
        doc = InvoiceDocument(syntax="CII", kind="Invoice")
        context = _find(r, "rsm:ExchangedDocumentContext")
        doc.process_id = _t(context, "ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID")
        doc.specification_id = _t(context, "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID")
        header = _find(r, "rsm:ExchangedDocument")
        doc.number = _t(header, "ram:ID")
        doc.type_code = _t(header, "ram:TypeCode")
        doc.issue_date = self.date(header, "ram:IssueDateTime", "BT-2")
        doc.notes = [
            Note(subject_code=_t(note, "ram:SubjectCode"), text=_t(note, "ram:Content"))
            for note in _all(header, "ram:IncludedNote")
        ]
        transaction = _find(r, "rsm:SupplyChainTradeTransaction")
        self.agreement(doc, _find(transaction, "ram:ApplicableHeaderTradeAgreement"))
        self.delivery(doc, _find(transaction, "ram:ApplicableHeaderTradeDelivery"))
        self.settlement(doc, _find(transaction, "ram:ApplicableHeaderTradeSettlement"))
        doc.lines = self.lines(_all(transaction, "ram:IncludedSupplyChainTradeLineItem"))
        doc.unreadable = self.values.unreadable
        return doc

    def agreement(self, doc: InvoiceDocument, el: etree._Element | None) -> None:
        if el is None:
            return
        doc.buyer_reference = _t(el, "ram:BuyerReference")
        doc.seller = self.party(_find(el, "ram:SellerTradeParty"))
        doc.buyer = self.party(_find(el, "ram:BuyerTradeParty"))
        rep = _find(el, "ram:SellerTaxRepresentativeTradeParty")
        if rep is not None:
            doc.tax_representative = TaxRepresentative(
                name=_t(rep, "ram:Name"),
                vat_id=_t(rep, "ram:SpecifiedTaxRegistration/ram:ID"),
                address=self.address(_find(rep, "ram:PostalTradeAddress")),
            )
        doc.sales_order_ref = _t(el, "ram:SellerOrderReferencedDocument/ram:IssuerAssignedID")
        doc.order_ref = _t(el, "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID")
        doc.contract_ref = _t(el, "ram:ContractReferencedDocument/ram:IssuerAssignedID")
        doc.project_ref = _t(el, "ram:SpecifiedProcuringProject/ram:ID")
        for ref in _all(el, "ram:AdditionalReferencedDocument"):
            type_code = _t(ref, "ram:TypeCode")
            if type_code == "50":
                doc.tender_ref = doc.tender_ref or _t(ref, "ram:IssuerAssignedID")
            elif type_code == "130":
                if doc.object_id is None:
                    doc.object_id = Identifier(
                        value=_t(ref, "ram:IssuerAssignedID"),
                        scheme=_t(ref, "ram:ReferenceTypeCode"),
                    )
            else:  # 916 "related document" = BG-24
                doc.attachments.append(self.attachment(ref))

    def attachment(self, el: etree._Element) -> Attachment:
        attachment = Attachment(
            id=_t(el, "ram:IssuerAssignedID"),
            description=_t(el, "ram:Name"),
            uri=_t(el, "ram:URIID"),
        )
        binary = _find(el, "ram:AttachmentBinaryObject")
        if binary is not None:
            attachment.mime_code = (binary.get("mimeCode") or "").strip()
            attachment.filename = (binary.get("filename") or "").strip()
            attachment.content = self.values.binary(binary, "BT-125", f"Anhang {attachment.id}")
        return attachment

    def delivery(self, doc: InvoiceDocument, el: etree._Element | None) -> None:
        if el is None:
            return
        ship_to = _find(el, "ram:ShipToTradeParty")
        event = _find(el, "ram:ActualDeliverySupplyChainEvent")
        if ship_to is not None or event is not None:
            location_ids = _ids(ship_to)
            doc.delivery = Delivery(
                name=_t(ship_to, "ram:Name"),
                location_id=location_ids[0] if location_ids else None,
                date=self.date(event, "ram:OccurrenceDateTime", "BT-72"),
                address=self.address(_find(ship_to, "ram:PostalTradeAddress")),
            )
        doc.despatch_advice_ref = _t(
            el, "ram:DespatchAdviceReferencedDocument/ram:IssuerAssignedID"
        )
        doc.receiving_advice_ref = _t(
            el, "ram:ReceivingAdviceReferencedDocument/ram:IssuerAssignedID"
        )

    def settlement(self, doc: InvoiceDocument, el: etree._Element | None) -> None:
        if el is None:
            return
        doc.currency = _t(el, "ram:InvoiceCurrencyCode")
        doc.tax_currency = _t(el, "ram:TaxCurrencyCode")
        payee = _find(el, "ram:PayeeTradeParty")
        if payee is not None:
            payee_ids = _ids(payee)
            doc.payee = Payee(
                name=_t(payee, "ram:Name"),
                identifier=payee_ids[0] if payee_ids else None,
                legal_id=_ident(_find(payee, "ram:SpecifiedLegalOrganization/ram:ID")),
            )
        terms = _all(el, "ram:SpecifiedTradePaymentTerms")
        descriptions = [raw_text(_find(term, "ram:Description")) for term in terms]
        doc.payment_terms = "\n".join(text for text in descriptions if text)
        doc.skonto = parse_skonto(doc.payment_terms)[0]
        for term in terms:
            if doc.due_date is None:
                doc.due_date = self.date(term, "ram:DueDateDateTime", "BT-9")
        mandate_id = next(
            (m for m in (_t(term, "ram:DirectDebitMandateID") for term in terms) if m), ""
        )
        remittance = _t(el, "ram:PaymentReference")
        creditor_id = _t(el, "ram:CreditorReferenceID")
        doc.payment_means = [
            self.payment_means(means, remittance, mandate_id, creditor_id)
            for means in _all(el, "ram:SpecifiedTradeSettlementPaymentMeans")
        ]
        for tax in _all(el, "ram:ApplicableTradeTax"):
            doc.vat_breakdown.append(
                VatBreakdown(
                    taxable_amount=self.dec(tax, "ram:BasisAmount", "BT-116"),
                    tax_amount=self.dec(tax, "ram:CalculatedAmount", "BT-117"),
                    category=_t(tax, "ram:CategoryCode"),
                    rate=self.dec(tax, "ram:RateApplicablePercent", "BT-119"),
                    exemption_reason=_t(tax, "ram:ExemptionReason"),
                    exemption_reason_code=_t(tax, "ram:ExemptionReasonCode"),
                )
            )
            if doc.tax_point_date is None:
                doc.tax_point_date = self.date(tax, "ram:TaxPointDate", "BT-7")
            doc.tax_point_code = doc.tax_point_code or _t(tax, "ram:DueDateTypeCode")
        doc.period = self.period(_find(el, "ram:BillingSpecifiedPeriod"), "BT-73", "BT-74")
        doc.allowances_charges = [
            self.allowance_charge(ac, "doc") for ac in _all(el, "ram:SpecifiedTradeAllowanceCharge")
        ]
        self.totals(doc, _find(el, "ram:SpecifiedTradeSettlementHeaderMonetarySummation"))
        for ref in _all(el, "ram:InvoiceReferencedDocument"):
            doc.preceding_invoices.append(
                PrecedingInvoice(
                    reference=_t(ref, "ram:IssuerAssignedID"),
                    issue_date=self.date(ref, "ram:FormattedIssueDateTime", "BT-26"),
                )
            )
        doc.buyer_accounting_ref = _t(el, "ram:ReceivableSpecifiedTradeAccountingAccount/ram:ID")

    def payment_means(
        self, el: etree._Element, remittance: str, mandate_id: str, creditor_id: str
    ) -> PaymentMeans:
        means = PaymentMeans(
            code=_t(el, "ram:TypeCode"), text=_t(el, "ram:Information"), remittance=remittance
        )
        bic = _t(el, "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID")
        for account in _all(el, "ram:PayeePartyCreditorFinancialAccount"):
            means.transfers.append(
                CreditTransfer(
                    account_id=_t(account, "ram:IBANID") or _t(account, "ram:ProprietaryID"),
                    account_name=_t(account, "ram:AccountName"),
                    bic=bic,
                )
            )
        card = _find(el, "ram:ApplicableTradeSettlementFinancialCard")
        if card is not None:
            means.card = Card(
                account_number=_t(card, "ram:ID"), holder=_t(card, "ram:CardholderName")
            )
        debtor = _find(el, "ram:PayerPartyDebtorFinancialAccount")
        if debtor is not None or (mandate_id and means.code == "59" and not means.transfers):
            means.direct_debit = DirectDebit(
                mandate_id=mandate_id,
                creditor_id=creditor_id,
                debited_account=_t(debtor, "ram:IBANID") or _t(debtor, "ram:ProprietaryID"),
            )
        return means

    def totals(self, doc: InvoiceDocument, el: etree._Element | None) -> None:
        if el is None:
            return
        totals = Totals(
            line_total=self.dec(el, "ram:LineTotalAmount", "BT-106"),
            allowance_total=self.dec(el, "ram:AllowanceTotalAmount", "BT-107"),
            charge_total=self.dec(el, "ram:ChargeTotalAmount", "BT-108"),
            without_vat=self.dec(el, "ram:TaxBasisTotalAmount", "BT-109"),
            with_vat=self.dec(el, "ram:GrandTotalAmount", "BT-112"),
            prepaid=self.dec(el, "ram:TotalPrepaidAmount", "BT-113"),
            rounding=self.dec(el, "ram:RoundingAmount", "BT-114"),
            due=self.dec(el, "ram:DuePayableAmount", "BT-115"),
        )
        for amount in _all(el, "ram:TaxTotalAmount"):
            currency = (amount.get("currencyID") or "").strip()
            in_invoice_currency = not currency or currency == doc.currency
            if totals.vat_total is None and in_invoice_currency:
                totals.vat_total = self.values.decimal(amount, "BT-110")
            elif totals.vat_total_tax_currency is None and (
                currency == doc.tax_currency or totals.vat_total is not None
            ):
                totals.vat_total_tax_currency = self.values.decimal(amount, "BT-111")
            elif totals.vat_total is None:
                totals.vat_total = self.values.decimal(amount, "BT-110")
        doc.totals = totals

    # --- lines --------------------------------------------------------------------------
    def lines(self, elements: list[etree._Element]) -> list[Line]:
        """All lines; EXTENDED lines naming an earlier line as parent become its sub lines."""
        top: list[Line] = []
        by_id: dict[str, Line] = {}
        for index, el in enumerate(elements, 1):
            line_doc = _find(el, "ram:AssociatedDocumentLineDocument")
            line_id = _t(line_doc, "ram:LineID")
            parent_id = _t(line_doc, "ram:ParentLineID")
            parent = by_id.get(parent_id) if parent_id else None
            where = f"Position {line_id or index}"
            line = self.line(el, line_doc, line_id, where)
            (parent.sub_lines if parent is not None else top).append(line)
            if line_id and line_id not in by_id:
                by_id[line_id] = line
        return top

    def line(self, el: etree._Element, line_doc, line_id: str, where: str) -> Line:
        line = Line(id=line_id)
        notes = [_t(note, "ram:Content") for note in _all(line_doc, "ram:IncludedNote")]
        line.note = "\n".join(note for note in notes if note)
        product = _find(el, "ram:SpecifiedTradeProduct")
        if product is not None:
            self.product(product, line)
        agreement = _find(el, "ram:SpecifiedLineTradeAgreement")
        if agreement is not None:
            line.order_line_ref = _t(agreement, "ram:BuyerOrderReferencedDocument/ram:LineID")
            gross = _find(agreement, "ram:GrossPriceProductTradePrice")
            net = _find(agreement, "ram:NetPriceProductTradePrice")
            line.price = self.dec(net, "ram:ChargeAmount", "BT-146", where)
            line.gross_price = self.dec(gross, "ram:ChargeAmount", "BT-148", where)
            line.price_discount = self.dec(
                gross, "ram:AppliedTradeAllowanceCharge/ram:ActualAmount", "BT-147", where
            )
            base_quantity = _find(net, "ram:BasisQuantity")
            if base_quantity is None:
                base_quantity = _find(gross, "ram:BasisQuantity")
            line.base_quantity = self.values.decimal(base_quantity, "BT-149", where)
            if base_quantity is not None:
                line.base_quantity_unit = (base_quantity.get("unitCode") or "").strip()
        quantity = _find(el, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity")
        line.quantity = self.values.decimal(quantity, "BT-129", where)
        line.unit = (quantity.get("unitCode") or "").strip() if quantity is not None else ""
        settlement = _find(el, "ram:SpecifiedLineTradeSettlement")
        if settlement is not None:
            line.vat_category = _t(settlement, "ram:ApplicableTradeTax/ram:CategoryCode")
            line.vat_rate = self.dec(
                settlement, "ram:ApplicableTradeTax/ram:RateApplicablePercent", "BT-152", where
            )
            line.period = self.period(
                _find(settlement, "ram:BillingSpecifiedPeriod"), "BT-134", "BT-135", where
            )
            line.allowances_charges = [
                self.allowance_charge(ac, "line", where)
                for ac in _all(settlement, "ram:SpecifiedTradeAllowanceCharge")
            ]
            line.net_amount = self.dec(
                settlement,
                "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount",
                "BT-131",
                where,
            )
            for ref in _all(settlement, "ram:AdditionalReferencedDocument"):
                if line.object_id is None and _t(ref, "ram:TypeCode") in ("130", ""):
                    line.object_id = Identifier(
                        value=_t(ref, "ram:IssuerAssignedID"),
                        scheme=_t(ref, "ram:ReferenceTypeCode"),
                    )
            line.accounting_ref = _t(
                settlement, "ram:ReceivableSpecifiedTradeAccountingAccount/ram:ID"
            )
        return line

    @staticmethod
    def product(product: etree._Element, line: Line) -> None:
        line.standard_item_id = _ident(_find(product, "ram:GlobalID"))
        line.seller_item_id = _t(product, "ram:SellerAssignedID")
        line.buyer_item_id = _t(product, "ram:BuyerAssignedID")
        line.name = _t(product, "ram:Name")
        line.description = _t(product, "ram:Description")
        line.attributes = [
            ItemAttribute(name=_t(char, "ram:Description"), value=_t(char, "ram:Value"))
            for char in _all(product, "ram:ApplicableProductCharacteristic")
        ]
        line.classification_ids = [
            _ident(code, "listID")
            for code in _all(product, "ram:DesignatedProductClassification/ram:ClassCode")
        ]
        line.origin_country = _t(product, "ram:OriginTradeCountry/ram:ID")


def read_cii(root: etree._Element) -> InvoiceDocument:
    """Read a ``rsm:CrossIndustryInvoice`` root element into an :class:`InvoiceDocument`."""
    return _CiiReader(root).read()
