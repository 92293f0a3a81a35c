"""ZUGFeRD / Factur-X: the invoice XML embedded in a PDF is read like the XML itself."""

from __future__ import annotations

import io

import facturx
import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from backoffice.invoices.document import InvoiceFormatError, read_invoice
from tests.invoices import conftest as suite

ENTITY_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>'
    b'<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:'
    b'CrossIndustryInvoice:100">&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</rsm:CrossIndustryInvoice>'
)


def _plain_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Rechnung - Sichtbeleg")
    return bytes(pdf.output())


def _facturx_pdf(xml: bytes) -> bytes:
    return facturx.generate_from_binary(_plain_pdf(), xml, check_xsd=False)


def _pdf_with_attachment(name: str, content: bytes, user_password: str | None = None) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_plain_pdf())))
    writer.add_attachment(name, content)
    if user_password is not None:
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _error(data: bytes) -> InvoiceFormatError:
    with pytest.raises(InvoiceFormatError) as info:
        read_invoice(data, "rechnung.pdf")
    return info.value


@pytest.mark.parametrize(
    "name",
    ["01.01a-INVOICE_uncefact.xml", "01.15a-INVOICE_uncefact.xml", "04.05a-INVOICE_uncefact.xml"],
)
def test_a_facturx_pdf_gives_the_same_document_as_its_xml(name):
    xml = suite.testsuite_file(name).read_bytes()
    pdf = _facturx_pdf(xml)
    assert pdf.startswith(b"%PDF")

    from_pdf = read_invoice(pdf, "rechnung.pdf")
    from_xml = read_invoice(xml, name)

    assert from_pdf.container == "pdf"
    assert from_pdf.syntax == "CII"
    assert from_pdf.xml == xml
    assert from_pdf.document == from_xml.document
    assert from_pdf.document.to_dict() == from_xml.document.to_dict()


@pytest.mark.parametrize("attachment_name", ["xrechnung.xml", "factur-x.xml", "rechnung"])
def test_ubl_embedded_under_other_names_is_found(attachment_name):
    xml = suite.testsuite_file("01.01a-INVOICE_ubl.xml").read_bytes()

    result = read_invoice(_pdf_with_attachment(attachment_name, xml))

    assert (result.container, result.syntax) == ("pdf", "UBL")
    assert result.document == read_invoice(xml).document


def test_a_plain_pdf_has_no_embedded_invoice():
    error = _error(_plain_pdf())

    assert error.rule_id == "PDF-OHNE-XML"
    assert "keine eingebettete E-Rechnung" in error.message


def test_a_pdf_with_other_attachments_only_has_no_embedded_invoice():
    error = _error(_pdf_with_attachment("notizen.txt", b"Bitte bis Freitag zahlen."))

    assert error.rule_id == "PDF-OHNE-XML"


@pytest.mark.parametrize("keep", [300, 0.5], ids=["header-only", "half"])
def test_a_truncated_pdf_has_no_readable_invoice(keep):
    pdf = _facturx_pdf(suite.testsuite_file("01.01a-INVOICE_uncefact.xml").read_bytes())
    length = keep if isinstance(keep, int) else int(len(pdf) * keep)

    error = _error(pdf[:length])

    assert error.rule_id == "PDF-OHNE-XML"


def test_a_broken_pdf_is_refused():
    error = _error(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF garbage")

    assert error.rule_id == "PDF-OHNE-XML"


def test_an_encrypted_pdf_is_refused_with_its_reason():
    xml = suite.testsuite_file("01.01a-INVOICE_ubl.xml").read_bytes()

    error = _error(_pdf_with_attachment("xrechnung.xml", xml, user_password="geheim"))

    assert error.rule_id == "PDF-OHNE-XML"
    assert "verschlüsselt" in error.message


def test_a_pdf_only_protected_by_an_owner_password_is_read():
    xml = suite.testsuite_file("01.01a-INVOICE_ubl.xml").read_bytes()

    result = read_invoice(_pdf_with_attachment("xrechnung.xml", xml, user_password=""))

    assert result.document.number == read_invoice(xml).document.number


def test_an_entity_bomb_inside_a_pdf_is_refused():
    error = _error(_pdf_with_attachment("factur-x.xml", ENTITY_BOMB))

    assert error.rule_id == "XML-UNSICHER"


def test_embedded_xml_that_is_no_invoice_is_an_unknown_format():
    error = _error(_pdf_with_attachment("factur-x.xml", b"<Bestellung/>"))

    assert error.rule_id == "FORMAT-UNBEKANNT"
