"""The normalised document survives the trip through JSON (how the Django models store it)."""

from __future__ import annotations

import json

import pytest

from backoffice.invoices.document import InvoiceDocument, read_invoice
from tests.invoices import conftest as suite

PATHS = suite.testsuite_paths()


@pytest.mark.parametrize("path", PATHS, ids=[path.name for path in PATHS])
def test_to_dict_from_dict_round_trip(path):
    doc = read_invoice(path.read_bytes()).document

    stored = json.loads(json.dumps(doc.to_dict()))
    restored = InvoiceDocument.from_dict(stored)

    assert restored == doc
    assert restored.to_dict() == stored


def test_round_trip_keeps_sub_lines_attachments_and_skonto():
    def read(name: str) -> InvoiceDocument:
        return read_invoice(suite.testsuite_file(name).read_bytes()).document

    def trip(doc: InvoiceDocument) -> InvoiceDocument:
        return InvoiceDocument.from_dict(json.loads(json.dumps(doc.to_dict())))

    sub_lines = trip(read("04.01a-INVOICE_ubl.xml"))
    assert sub_lines.lines[0].sub_lines[0].sub_lines[0].id == "1 1 1"

    attachment = trip(read("01.15a-INVOICE_uncefact.xml")).attachments[0]
    assert isinstance(attachment.content, bytes)
    assert attachment.content.startswith(b"%PDF")

    skonto = trip(read("01.10a-INVOICE_ubl.xml"))
    assert skonto.skonto_terms() == read("01.10a-INVOICE_ubl.xml").skonto_terms()
