"""Fuzzing the invoice intake (:func:`backoffice.invoices.intake.receive`): hostile XML, broken
values and random mutations of real XRechnung files.

Whatever comes in, the intake answers with an :class:`IntakeResult`: either the invoice is
stored (row and original file) or it is refused with German findings and nothing is stored.
Never an exception, never a reader or validator bug swallowed into "Prüfung fehlgeschlagen"
(they are logged – the tests fail on any error in the log), never the content of a local
file in a message or a stored value, and every file is answered within a few seconds.
"""

from __future__ import annotations

import io
import logging
import re
import time
from contextlib import contextmanager

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter

from backoffice.invoices.intake import CHECK_FAILED, receive
from backoffice.invoices.models import Invoice, Source
from tests.fuzz.conftest import examples
from tests.invoices.test_intake import stored_files
from tests.invoices.test_intake import suite_bytes as sample
from tests.services.factories import town

pytestmark = pytest.mark.django_db

UBL = "01.01a-INVOICE_ubl.xml"
CII = "01.01a-INVOICE_uncefact.xml"
UBL_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CBC_NS = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
SECONDS = 5  # per file, on a shared 2-core machine
PASSWD_MARKERS = ("root:x:0:0", "/bin/bash", "/usr/sbin/nologin", "daemon:x:")


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def logged_errors():
    """The ERROR records of the invoice package while the block runs (a swallowed bug)."""
    handler = _Errors()
    logger = logging.getLogger("backoffice.invoices")
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


def deliver(data: bytes, filename: str = "rechnung.xml"):
    """Receive ``data`` for Rastatt and check what holds for any file; returns the result."""
    site = town("rastatt").site
    before_rows, before_files = Invoice.objects.count(), sorted(stored_files())
    started = time.perf_counter()
    with logged_errors() as errors:
        result = receive(data, filename, source=Source.UPLOAD, site=site)
    elapsed = time.perf_counter() - started

    assert elapsed < SECONDS, f"{elapsed:.1f} s for one file"
    assert not errors, [record.getMessage() for record in errors]
    assert CHECK_FAILED not in {finding.rule_id for finding in result.findings}
    shown = result.message + " ".join(finding.message for finding in result.findings)
    assert not any(marker in shown for marker in PASSWD_MARKERS)
    if result.accepted:
        invoice = Invoice.objects.get(pk=result.invoice.pk)
        assert invoice.original.read() == data
        assert not any(marker in str(invoice.document) for marker in PASSWD_MARKERS)
        assert Invoice.objects.count() == before_rows + 1
    else:
        assert result.errors, result.message
        assert all(finding.message.strip() for finding in result.errors)
        assert result.message.startswith(("Abgelehnt", "Mögliche Dublette"))
        assert Invoice.objects.count() == before_rows
        assert sorted(stored_files()) == before_files
    return result


def refused(data: bytes, filename: str = "rechnung.xml"):
    result = deliver(data, filename)
    assert not result.accepted
    return result


# --- hostile files ------------------------------------------------------------------------
def _doctype(subset: str, body: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE Invoice [{subset}]>\n'
        f'<Invoice xmlns="{UBL_NS}" xmlns:cbc="{CBC_NS}">{body}</Invoice>'
    ).encode()


def _declared(encoding: str) -> bytes:
    return f'<?xml version="1.0" encoding="{encoding}"?><Invoice xmlns="{UBL_NS}"/>'.encode()


LAUGHS = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
    for n in range(1, 10)
)
QUADRATIC = f'<!ENTITY a "{"a" * 50_000}">'
HOSTILE = {
    "xxe-file": _doctype(
        '<!ENTITY xxe SYSTEM "file:///etc/passwd">',
        "<cbc:ID>&xxe;</cbc:ID><cbc:Note>&xxe;</cbc:Note>",
    ),
    "xxe-http": _doctype('<!ENTITY xxe SYSTEM "http://127.0.0.1:1/">', "<cbc:ID>&xxe;</cbc:ID>"),
    "xxe-parameter": _doctype(
        '<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote;', "<cbc:ID>1</cbc:ID>"
    ),
    "xxe-external-dtd": (
        b'<?xml version="1.0"?>\n<!DOCTYPE Invoice SYSTEM "http://127.0.0.1:1/invoice.dtd">\n'
        b'<Invoice xmlns="' + UBL_NS.encode() + b'"/>'
    ),
    "billion-laughs": _doctype(LAUGHS, "<cbc:ID>&lol9;</cbc:ID>"),
    "quadratic-blowup": _doctype(QUADRATIC, "<cbc:ID>" + "&a;" * 20_000 + "</cbc:ID>"),
    "xinclude": (
        f'<Invoice xmlns="{UBL_NS}" xmlns:cbc="{CBC_NS}" '
        'xmlns:xi="http://www.w3.org/2001/XInclude">'
        '<cbc:ID><xi:include href="file:///etc/passwd" parse="text"/></cbc:ID></Invoice>'
    ).encode(),
    "deep-nesting": b"<Invoice>" + b"<a>" * 5000 + b"</a>" * 5000 + b"</Invoice>",
    "deep-nesting-in-note": (
        f'<Invoice xmlns="{UBL_NS}" xmlns:cbc="{CBC_NS}"><cbc:Note>'.encode()
        + b"<a>" * 250
        + b"x"
        + b"</a>" * 250
        + b"</cbc:Note></Invoice>"
    ),
    "many-attributes": (
        f'<Invoice xmlns="{UBL_NS}" '.encode()
        + b" ".join(b'a%d="x"' % n for n in range(30_000))
        + b"/>"
    ),
    "latin-1-as-utf-8": f'<?xml version="1.0" encoding="UTF-8"?><Invoice xmlns="{UBL_NS}">'.encode()
    + "Müller Straße".encode("latin-1")
    + b"</Invoice>",
    "unknown-encoding": _declared("x-bogus"),
    "utf-16-declared-utf-8-given": _declared("UTF-16"),
    "ebcdic-declared": _declared("EBCDIC-DE-273+euro"),
    "nul-bytes": b"\x00" * 100,
    "lone-surrogate-bytes": f'<Invoice xmlns="{UBL_NS}">'.encode() + b"\xed\xa0\x80</Invoice>",
    "processing-instruction": (
        f'<?xml-stylesheet href="file:///etc/passwd"?><Invoice xmlns="{UBL_NS}"/>'.encode()
    ),
}


@pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_file_is_refused_with_a_german_finding(data):
    refused(data)


@pytest.mark.parametrize("name", ["xxe-file", "billion-laughs", "deep-nesting"])
def test_a_hostile_xml_in_a_pdf_is_refused(name):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_attachment("factur-x.xml", HOSTILE[name])
    buffer = io.BytesIO()
    writer.write(buffer)

    result = refused(buffer.getvalue(), "rechnung.pdf")

    assert result.errors[0].rule_id in {"XML-UNSICHER", "XML-WOHLGEFORMT", "FORMAT-UNBEKANNT"}


def test_entities_are_refused_as_unsafe():
    for name in ("xxe-file", "xxe-http", "xxe-parameter", "billion-laughs", "quadratic-blowup"):
        assert refused(HOSTILE[name]).errors[0].rule_id == "XML-UNSICHER", name


# --- numbers ------------------------------------------------------------------------------
HUGE_NUMBERS = [
    "1e400",
    "1E+999999999",
    "9" * 10_000,
    "9" * 10_000 + "." + "9" * 10_000,
    "0." + "0" * 5_000 + "1",
    "NaN",
    "sNaN",
    "-NaN",
    "Infinity",
    "-Infinity",
    "-0",
    "-0.00",
    "+0",
    "1" + "0" * 16,
    "99999999999999999.99",
    "-99999999999999999.99",
    "0.000000000000000000000000000001",
    "١٢٣",  # Arabic-Indic digits
    "１２３",  # full-width digits
    "1_000",
    " 12 ",
    "",
]
AMOUNT = re.compile(rb'(<cbc:(\w+Amount) currencyID="EUR">)([^<]*)(</cbc:\2>)')
QUANTITY = re.compile(rb"(<cbc:(InvoicedQuantity|BaseQuantity|Percent)[^>]*>)([^<]*)(</cbc:\2>)")


def with_values(data: bytes, pattern: re.Pattern, value: str, every: bool) -> bytes:
    replacement = lambda match: match[1] + value.encode() + match[4]  # noqa: E731
    return pattern.sub(replacement, data, count=0 if every else 1)


@pytest.mark.parametrize("value", HUGE_NUMBERS, ids=lambda value: value[:20] or "empty")
def test_odd_numbers_in_every_amount_and_quantity(value):
    data = with_values(sample(UBL), AMOUNT, value, every=True)
    data = with_values(data, QUANTITY, value, every=True)

    deliver(data)


@given(
    name=st.sampled_from([UBL, CII]),
    value=st.sampled_from(HUGE_NUMBERS)
    | st.decimals(allow_nan=True, allow_infinity=True).map(str)
    | st.floats().map(repr)
    | st.integers(min_value=-(10**60), max_value=10**60).map(str),
    which=st.integers(min_value=0, max_value=40),
)
@settings(max_examples=examples(30))
def test_one_odd_number_anywhere(name, value, which):
    data = sample(name)
    spots = list(re.finditer(rb">(-?\d+(?:\.\d+)?)</", data))
    spot = spots[which % len(spots)]
    deliver(data[: spot.start(1)] + value.encode() + data[spot.end(1) :])


# --- random mutations of real files -------------------------------------------------------
TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    max_size=40,
) | st.sampled_from(["", "&amp;", "<![CDATA[x]]>", "]]>", "\u202e", "\ufeff", "💶" * 50])


@st.composite
def mutated(draw) -> bytes:
    data = bytearray(sample(draw(st.sampled_from([UBL, CII]))))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        kind = draw(st.sampled_from(["text", "delete", "duplicate", "bytes", "truncate"]))
        texts = [m.span(1) for m in re.finditer(rb">([^<>]+)</", data)]
        elements = [m.span() for m in re.finditer(rb"<(\w+:\w+)[^>]*>[^<]*</\1>", data)]
        if kind == "text" and texts:
            start, end = draw(st.sampled_from(texts))
            value = draw(TEXT).replace("&", "&amp;").replace("<", "&lt;")
            data[start:end] = value.encode()
        elif kind == "delete" and elements:
            start, end = draw(st.sampled_from(elements))
            del data[start:end]
        elif kind == "duplicate" and elements:
            start, end = draw(st.sampled_from(elements))
            data[end:end] = data[start:end] * draw(st.integers(min_value=1, max_value=50))
        elif kind == "bytes":
            at = draw(st.integers(min_value=0, max_value=len(data)))
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "truncate":
            del data[draw(st.integers(min_value=0, max_value=len(data))) :]
    return bytes(data)


@given(data=mutated())
@settings(max_examples=examples(60))
def test_a_mutated_invoice_is_stored_or_refused_cleanly(data):
    deliver(data)


@given(data=st.binary(max_size=2_000))
@settings(max_examples=examples(25))
@example(data=b"%PDF-1.7\n" + b"\x00" * 100)
@example(data=b"\xef\xbb\xbf<")
@example(data=b"\xff\xfe<\x00")
def test_random_bytes_are_refused(data):
    if data:
        refused(data, "rechnung.xml")
        refused(data, "rechnung.pdf")
