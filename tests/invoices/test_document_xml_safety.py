"""Hostile or broken uploads end in a clear German InvoiceFormatError – never in a crash."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from backoffice.invoices.document import InvoiceFormatError, read_invoice
from tests.invoices import conftest as suite

UBL_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">&lol9;</Invoice>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>&xxe;</cbc:ID>
</Invoice>
"""

XXE_PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE Invoice [<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote;]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>
"""

XINCLUDE = b"""<?xml version="1.0"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
  xmlns:xi="http://www.w3.org/2001/XInclude">
  <cbc:ID><xi:include href="file:///etc/passwd" parse="text"/></cbc:ID>
  <cbc:Note><xi:include href="file:///etc/passwd" parse="text"/></cbc:Note>
</Invoice>
"""


def _error(data: bytes, filename: str = "") -> InvoiceFormatError:
    with pytest.raises(InvoiceFormatError) as info:
        read_invoice(data, filename)
    return info.value


def _ubl_sample() -> bytes:
    return suite.testsuite_file("01.01a-INVOICE_ubl.xml").read_bytes()


def test_billion_laughs_is_refused_quickly():
    started = time.perf_counter()
    error = _error(BILLION_LAUGHS)

    assert error.rule_id == "XML-UNSICHER"
    assert "DOCTYPE" in error.message
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("data", [XXE, XXE_PARAMETER_ENTITY], ids=["entity", "parameter-entity"])
def test_external_entities_are_refused_and_never_resolved(data):
    error = _error(data)

    assert error.rule_id == "XML-UNSICHER"
    assert "root:" not in error.message
    assert "/bin/" not in error.message


def test_xinclude_is_not_processed():
    doc = read_invoice(XINCLUDE).document

    assert doc.number == ""
    assert "root:" not in str(doc.to_dict())


def test_a_doctype_without_entities_is_refused_too():
    data = _ubl_sample().replace(
        b'<?xml version="1.0" encoding="UTF-8"?>',
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Invoice>',
        1,
    )
    assert b"<!DOCTYPE Invoice>" in data

    assert _error(data).rule_id == "XML-UNSICHER"


def test_a_malformed_document_with_doctype_counts_as_unsafe():
    assert _error(b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</y>').rule_id == "XML-UNSICHER"


@pytest.mark.parametrize(
    "data",
    [b"Hallo, hier ist meine Rechnung", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", b"{}", b"<a><b></a>"],
    ids=["text", "jpeg", "json", "tag-mismatch"],
)
def test_not_xml_is_not_well_formed(data):
    error = _error(data)

    assert error.rule_id == "XML-WOHLGEFORMT"
    assert "kein wohlgeformtes XML" in error.message
    assert "Zeile 1" in error.message


def test_the_line_of_the_syntax_error_is_named():
    data = _ubl_sample().replace(b"</cbc:ID>", b"</cbc:IDX>", 1)
    line = data[: data.index(b"</cbc:IDX>")].count(b"\n") + 1

    error = _error(data)

    assert error.rule_id == "XML-WOHLGEFORMT"
    assert f"Zeile {line}" in error.message


@pytest.mark.parametrize("data", [b"", b"  \n\t ", b"\xef\xbb\xbf"], ids=["empty", "blank", "bom"])
def test_an_empty_file_is_refused(data):
    error = _error(data)

    assert error.rule_id == "XML-WOHLGEFORMT"
    assert error.message == "Die Datei ist leer."


def test_a_file_over_the_default_limit_of_20_mb_is_refused():
    error = _error(b" " * (20 * 1024 * 1024 + 1))

    assert error.rule_id == "DATEI-ZU-GROSS"
    assert "höchstens 20,0 MB" in error.message


def test_the_limit_comes_from_the_settings(settings):
    settings.INVOICES_MAX_UPLOAD_MB = 0.005
    data = _ubl_sample()
    assert len(data) > 0.005 * 1024 * 1024

    assert _error(data).rule_id == "DATEI-ZU-GROSS"


def test_a_text_node_over_10_mb_is_refused():
    data = b'<Invoice xmlns="' + UBL_NS.encode() + b'">' + b"A" * 10_500_000 + b"</Invoice>"

    error = _error(data)

    assert error.rule_id == "DATEI-ZU-GROSS"
    assert "10 MB" in error.message


def test_excessive_nesting_is_refused():
    data = b"<a>" * 300 + b"</a>" * 300

    assert _error(data).rule_id == "XML-UNSICHER"


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        (b"<html><body>Rechnung</body></html>", "„html“"),
        (b'<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>', "„Order“"),
        (b"<Invoice/>", "Namensraum"),
        (
            b'<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0"/>',
            "ZUGFeRD 1.0",
        ),
    ],
    ids=["html", "ubl-order", "no-namespace", "zugferd-1"],
)
def test_a_wrong_root_element_is_an_unknown_format(data, shown):
    error = _error(data)

    assert error.rule_id == "FORMAT-UNBEKANNT"
    assert shown in error.message
    assert "UBL 2.1" in error.message
    assert "CII" in error.message


def test_a_utf8_bom_is_stripped():
    plain = _ubl_sample()

    result = read_invoice(b"\xef\xbb\xbf" + plain)

    assert result.xml == plain
    assert result.document.number == read_invoice(plain).document.number


def test_a_utf16_document_is_read():
    text = _ubl_sample().decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)

    doc = read_invoice(text.encode("utf-16")).document

    assert doc.number == read_invoice(_ubl_sample()).document.number
    assert doc.seller.name


def test_a_file_named_pdf_that_is_no_pdf_has_no_embedded_invoice():
    error = _error(b"\x00\x01 not a pdf", "rechnung.pdf")

    assert error.rule_id == "PDF-OHNE-XML"
    assert "rechnung.pdf" in error.message


def test_values_that_cannot_be_read_are_recorded_not_raised():
    data = (
        _ubl_sample()
        .replace(
            b"<cbc:IssueDate>2016-04-04</cbc:IssueDate>",
            b"<cbc:IssueDate>2026-13-40</cbc:IssueDate>",
        )
        .replace(
            b'<cbc:PayableAmount currencyID="EUR">', b'<cbc:PayableAmount currencyID="EUR">x', 1
        )
    )
    assert b"2026-13-40" in data

    doc = read_invoice(data).document

    assert doc.issue_date is None
    assert doc.totals.due is None
    assert doc.totals.line_total is not None
    terms = {item.term: item for item in doc.unreadable}
    assert set(terms) == {"BT-2", "BT-115"}
    assert terms["BT-2"].raw == "2026-13-40"
    assert terms["BT-2"].message == (
        "Das Datum „2026-13-40“ ist kein gültiges Datum (erwartet JJJJ-MM-TT)."
    )
    assert "keine gültige Zahl" in terms["BT-115"].message


def test_a_decimal_comma_in_a_line_is_recorded_with_the_line():
    data = _ubl_sample()
    start = data.index(b"<cac:InvoiceLine>")
    head, tail = data[:start], data[start:]
    amount_start = tail.index(b"<cbc:LineExtensionAmount")
    amount_end = tail.index(b"</cbc:LineExtensionAmount>")
    tail = (
        tail[:amount_start] + b'<cbc:LineExtensionAmount currencyID="EUR">12,5' + tail[amount_end:]
    )

    doc = read_invoice(head + tail).document

    (item,) = doc.unreadable
    assert (item.term, item.raw) == ("BT-131", "12,5")
    assert item.message.startswith(f"Position {doc.lines[0].id}: ")
    assert doc.lines[0].net_amount is None
    assert doc.lines[1].net_amount == Decimal(
        read_invoice(_ubl_sample()).document.lines[1].net_amount
    )


def test_a_broken_base64_attachment_is_recorded():
    data = suite.testsuite_file("01.15a-INVOICE_ubl.xml").read_bytes()
    marker = b'filename="01_15_Anhang_01.pdf">'
    position = data.index(marker) + len(marker)
    data = data[:position] + b"!!kein base64!!" + data[position:]

    doc = read_invoice(data).document

    assert doc.attachments[0].content is None
    assert [item.term for item in doc.unreadable] == ["BT-125"]
