"""All 86 valid instances of the official XRechnung test suite pass ``validate()`` without an error.

Warnings are allowed; the only ones are LEITWEG-ID (our check of the Leitweg-ID form) for the six
instances whose BT-10 is a placeholder or has wrong check digits.
"""

from __future__ import annotations

import pytest

from backoffice.invoices.document.reader import read_invoice
from backoffice.invoices.validation import validate
from tests.invoices.conftest import testsuite_paths as suite_paths

EXPECTED_WARNINGS = {
    "04.05a-INVOICE_uncefact.xml": {"LEITWEG-ID"},  # BT-10 "Leitweg-ID"
    "05.01a-INVOICE_ubl.xml": {"LEITWEG-ID"},  # 04011000-12345-34: check digits 03
    "01.06a-INVOICE_ubl.xml": {"LEITWEG-ID"},
    "01.06a-INVOICE_uncefact.xml": {"LEITWEG-ID"},
    "01.07a-INVOICE_ubl.xml": {"LEITWEG-ID"},
    "01.07a-INVOICE_uncefact.xml": {"LEITWEG-ID"},
}


def test_the_suite_is_complete(testsuite_files):
    assert len(testsuite_files) == 86
    assert len([p for p in testsuite_files if p.name.endswith("_ubl.xml")]) == 45
    assert len([p for p in testsuite_files if p.name.endswith("_uncefact.xml")]) == 41


@pytest.mark.parametrize("path", suite_paths(), ids=lambda p: p.name)
def test_instance_is_valid(path):
    result = read_invoice(path.read_bytes(), path.name)
    report = validate(result)
    assert report.ok, [f"{f.rule_id}: {f.message}" for f in report.errors]
    assert report.rule_ids("warning") == EXPECTED_WARNINGS.get(path.name, set())


@pytest.mark.parametrize("path", suite_paths()[:6], ids=lambda p: p.name)
def test_each_stage_alone_is_clean(path):
    result = read_invoice(path.read_bytes(), path.name)
    assert validate(result, rules=False, official=False).findings == []
    assert validate(result, schema=False, official=False).ok
