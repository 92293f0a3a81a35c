"""The official CEN EN 16931 UBL rules (XSLT via Saxon) against the suite and our variants.

- all 45 UBL instances pass the official XSLT, except the two documented XRechnung deviations
  (05.01a: BR-CO-16 replaced by BR-DEX-09; 02.01a-cvd: BR-CL-13 for the list id "CVD");
- for every UBL variant the official XSLT reports the same EN 16931 rule id as our Python rule,
  and our Python rules report exactly the EN 16931 rule ids the XSLT reports (faithfulness).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from backoffice.invoices.document.reader import read_invoice
from backoffice.invoices.validation import validate
from backoffice.invoices.validation.official import official_findings, run_official
from backoffice.invoices.validation.registry import run_rules
from tests.invoices.conftest import testsuite_paths as suite_paths
from tests.invoices.variants import VARIANTS, read, suite_bytes, variant_params

UBL_PATHS = [p for p in suite_paths() if p.name.endswith("_ubl.xml")]
DOCUMENTED = {
    "05.01a-INVOICE_ubl.xml": {"BR-CO-16"},
    "02.01a-cvd_INVOICE_ubl.xml": {"BR-CL-13"},
}
UBL_VARIANTS = [name for name, syntax in variant_params() if syntax == "UBL"]


def _en16931(rule_ids) -> set[str]:
    return {
        r
        for r in rule_ids
        if r.startswith("BR-") and not r.startswith(("BR-DE-", "BR-DEX-", "BR-TMP-"))
    }


@pytest.mark.parametrize("path", UBL_PATHS, ids=lambda p: p.name)
def test_ubl_instance_passes_the_official_rules(path):
    result = read_invoice(path.read_bytes(), path.name)
    raw = run_official(result.root, result.xml)
    assert {f.rule_id for f in raw if f.severity == "error"} == DOCUMENTED.get(path.name, set())
    assert not [
        f
        for f in official_findings(result.document, result.root, result.xml)
        if f.severity == "error"
    ]


@pytest.mark.parametrize("name", UBL_VARIANTS)
def test_official_rules_report_what_our_rules_report(name):
    variant = VARIANTS[name]
    result = read(variant.xml("UBL"))
    official = {f.rule_id for f in run_official(result.root, result.xml)}
    ours = {f.rule_id for f in run_rules(result.document, result.root)}
    assert _en16931(variant.rules) <= official
    assert _en16931(variant.rules) <= ours
    if (
        name != "unknown currency"
    ):  # BR-CO-15 counts TaxAmount by currencyID, which our model does not keep
        assert _en16931(ours) == _en16931(official)


def test_official_findings_carry_our_german_text():
    result = read(VARIANTS["line amount changed"].xml("UBL"))
    (finding,) = [f for f in run_official(result.root, result.xml) if f.rule_id == "BR-CO-10"]
    assert finding.message.startswith("Die Summe der Nettobeträge")
    assert finding.location.startswith("/")


def test_rules_we_do_not_have_keep_the_official_english_text():
    result = read(VARIANTS["three decimals in a line amount"].xml("UBL"))
    (finding,) = [f for f in run_official(result.root, result.xml) if f.rule_id == "UBL-DT-01"]
    assert finding.message.startswith("(EN 16931) ")


def test_setting_switches_the_official_rules_off(settings):
    xml = VARIANTS["three decimals in a line amount"].xml("UBL")
    assert "UBL-DT-01" in validate(read(xml)).rule_ids()
    settings.INVOICES_OFFICIAL_CEN_RULES = False
    assert "UBL-DT-01" not in validate(read(xml)).rule_ids()


def test_extension_warnings_about_extension_elements_are_dropped():
    result = read(suite_bytes("04.01a-INVOICE_ubl.xml"))
    assert "UBL-CR-646" in {f.rule_id for f in run_official(result.root, result.xml)}
    assert validate(result).findings == []


def test_cii_documents_are_not_sent_to_the_ubl_xslt(monkeypatch):
    import backoffice.invoices.validation.official as official

    def fail(*args, **kwargs):
        raise AssertionError("UBL XSLT called for CII")

    monkeypatch.setattr(official, "official_findings", fail)
    assert validate(read(suite_bytes("01.01a-INVOICE_uncefact.xml"))).ok


def test_saxon_failure_falls_back_to_the_python_rules(monkeypatch):
    import backoffice.invoices.validation.official as official

    def broken(*args, **kwargs):
        raise RuntimeError("saxon crashed")

    monkeypatch.setattr(official, "official_findings", broken)
    report = validate(read(VARIANTS["line amount changed"].xml("UBL")))
    assert report.rule_ids("error") == {"BR-CO-10"}


def test_official_rules_from_several_threads():
    datas = [suite_bytes(p.name) for p in UBL_PATHS[:8]]

    def run(data: bytes) -> list[str]:
        result = read_invoice(data)
        return sorted(f.rule_id for f in run_official(result.root, result.xml))

    expected = [run(data) for data in datas]
    with ThreadPoolExecutor(4) as pool:
        for _ in range(2):
            assert list(pool.map(run, datas)) == expected


def test_non_utf8_document_is_passed_correctly():
    text = suite_bytes("01.01a-INVOICE_ubl.xml").decode("utf-8")
    latin = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode(
        "iso-8859-1", errors="replace"
    )
    result = read_invoice(latin)
    assert {
        f.rule_id for f in run_official(result.root, result.xml) if f.severity == "error"
    } == set()
