"""The validation framework: findings and report, the rule registry and its coverage, the town's
severity policy, the German XSD messages and the generated RULES.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from backoffice.invoices.document.model import InvoiceDocument
from backoffice.invoices.validation import (
    POLICY_NOTE,
    Finding,
    Report,
    apply_policy,
    registry,
    validate,
    validate_document,
)
from backoffice.invoices.validation.catalogue import markdown
from backoffice.invoices.validation.schema import to_finding, validate_schema
from tests.invoices import (
    test_rules_calculation,
    test_rules_codes,
    test_rules_core,
    test_rules_vat,
    test_rules_xrechnung,
)
from tests.invoices.variants import SIMPLE_UBL, VARIANTS, mutate, read, suite_bytes

REPO = Path(__file__).resolve().parents[2]


# --- coverage ----------------------------------------------------------------------------------
def test_every_registered_rule_has_a_failing_and_a_passing_case():
    covered = set()
    for module in (
        test_rules_core,
        test_rules_calculation,
        test_rules_vat,
        test_rules_codes,
        test_rules_xrechnung,
    ):
        covered |= set(module.CASES) | set(getattr(module, "XML_CASES", {}))
    registered = {rule.id for rule in registry.catalogue()}
    assert registered - covered == set()
    assert covered - registered == set()


def test_catalogue_entries_are_complete():
    for rule in registry.catalogue():
        assert rule.text and rule.severity in ("error", "warning")
        assert rule.source in (
            "EN 16931",
            "XRechnung 3.0",
            "KoSIT Leitweg-ID 2.0",
            "re@di-Portal",
        ), rule.id
        assert rule.syntax in (None, "UBL", "CII")
        if rule.id.startswith(("BR-DE-", "BR-DEX-", "BR-TMP-")):
            assert rule.source == "XRechnung 3.0", rule.id
        elif rule.id.startswith("BR-"):
            assert rule.source == "EN 16931", rule.id


def test_rules_md_is_the_generated_catalogue():
    committed = (REPO / "backoffice/invoices/RULES.md").read_text(encoding="utf-8")
    assert committed == markdown(), "regenerate: python -m backoffice.invoices.validation.catalogue"


def test_duplicate_registration_is_refused():
    with pytest.raises(ValueError):
        registry.rule("BR-01", text="x")(lambda doc: ())


# --- findings and report -------------------------------------------------------------------------
def test_finding_round_trip():
    finding = Finding("BR-CO-10", "error", "Die Summe …", "BT-106", "BT-106")
    assert Finding.from_dict(finding.to_dict()) == finding
    assert (
        Finding.from_dict({"rule_id": "X", "severity": "nonsense", "message": "m"}).severity
        == "error"
    )


def test_report_dedupes_by_rule_and_location_errors_first():
    report = Report.merged(
        [Finding("BR-DE-21", "warning", "w"), Finding("BR-02", "error", "a", location="BT-1")],
        [
            Finding("BR-02", "error", "b", location="BT-1"),
            Finding("BR-02", "error", "c", location="BT-2"),
        ],
    )
    assert [(f.rule_id, f.message) for f in report.findings] == [
        ("BR-02", "a"),
        ("BR-02", "c"),
        ("BR-DE-21", "w"),
    ]
    assert not report.ok
    assert len(report.errors) == 2 and len(report.warnings) == 1
    assert Report.from_dict(report.to_dict()).findings == report.findings
    assert Report().ok


# --- policy ------------------------------------------------------------------------------------
def test_wrong_iban_rejects_the_invoice_by_default():
    xml = VARIANTS["IBAN check digits broken"].xml("UBL")
    (finding,) = [f for f in validate(read(xml)).findings if f.rule_id == "BR-DE-19"]
    assert finding.severity == "error"
    assert finding.message.endswith(POLICY_NOTE)


def test_rejecting_warnings_come_from_the_setting(settings):
    settings.INVOICES_REJECTING_WARNINGS = {"BR-DE-21"}
    iban = validate(read(VARIANTS["IBAN check digits broken"].xml("CII")))
    assert iban.ok and iban.rule_ids("warning") == {"BR-DE-19"}
    spec = validate(read(VARIANTS["specification id not XRechnung"].xml("UBL")))
    assert spec.rule_ids("error") == {"BR-DE-21"}


def test_apply_policy_leaves_errors_and_other_warnings_alone():
    findings = [
        Finding("BR-DE-19", "warning", "IBAN"),
        Finding("BR-DE-27", "warning", "Tel"),
        Finding("BR-02", "error", "x"),
    ]
    result = apply_policy(findings, {"BR-DE-19"})
    assert [(f.rule_id, f.severity) for f in result] == [
        ("BR-DE-19", "error"),
        ("BR-DE-27", "warning"),
        ("BR-02", "error"),
    ]


# --- robustness --------------------------------------------------------------------------------
def test_an_empty_document_gives_findings_not_exceptions():
    report = validate_document(InvoiceDocument())
    assert {"BR-01", "BR-02", "BR-16", "BR-DE-15", "BR-DE-1", "BR-CO-18"} <= report.rule_ids(
        "error"
    )
    assert "PRUEFUNG-FEHLGESCHLAGEN" not in report.rule_ids()


def test_a_crashing_rule_becomes_a_warning(monkeypatch):
    rule = registry.get("BR-02")

    def broken(doc):
        raise ZeroDivisionError

    monkeypatch.setitem(
        registry._RULES, "BR-02", registry.Rule(**{**rule.__dict__, "func": broken})
    )
    report = validate_document(InvoiceDocument())
    (finding,) = [f for f in report.findings if f.rule_id == "PRUEFUNG-FEHLGESCHLAGEN"]
    assert finding.severity == "warning" and "BR-02" in finding.message


# --- XML schema --------------------------------------------------------------------------------
CBC = "{urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2}"
CAC = "{urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2}"


@pytest.mark.parametrize(
    ("message", "german"),
    [
        (
            f"Element '{CBC}Foo': This element is not expected. Expected is ( {CBC}ID ).",
            "Zeile 12: Das Element „cbc:Foo“ ist hier nicht erlaubt (erwartet: cbc:ID).",
        ),
        (
            f"Element '{CAC}Party': Missing child element(s). Expected is one of ( "
            f"{CAC}PostalAddress ).",
            "Zeile 12: Im Element „cac:Party“ fehlt ein Pflichtelement (erwartet: "
            "cac:PostalAddress).",
        ),
        (
            f"Element '{CBC}IssueDate': '2026-13-40' is not a valid value of the atomic type "
            "'xs:date'.",
            "Zeile 12: Wert „2026-13-40“ im Element „cbc:IssueDate“ ist ungültig (erwarteter Typ: "
            "xs:date).",
        ),
        (
            f"Element '{CBC}Amount': The attribute 'currencyID' is required but missing.",
            "Zeile 12: Im Element „cbc:Amount“ fehlt das Pflichtattribut „currencyID“.",
        ),
    ],
)
def test_xsd_messages_in_german_with_line_and_original(message, german):
    finding = to_finding(12, message)
    assert finding.rule_id == "XSD" and finding.severity == "error"
    assert finding.message.startswith(german)
    assert finding.message.endswith(")") and "(Element '" in finding.message  # original text kept
    assert finding.location.startswith("Zeile 12")


def test_schema_error_of_a_real_document():
    xml = VARIANTS["element in the wrong place"].xml("UBL")
    findings = validate_schema(read(xml).root)
    assert findings and all(f.rule_id == "XSD" for f in findings)
    assert "Zeile" in findings[0].message and "nicht erlaubt" in findings[0].message


def test_invalid_date_is_a_schema_error():
    from tests.invoices.variants import set_text

    xml = mutate(SIMPLE_UBL, set_text("/ubl:Invoice/cbc:IssueDate", "2026-13-40"))
    report = validate(read(xml), official=False)
    assert "XSD" in report.rule_ids("error")
    assert any("2026-13-40" in f.message for f in report.errors)


def test_valid_document_has_no_schema_findings():
    assert validate_schema(read(suite_bytes(SIMPLE_UBL)).root) == []


def test_code_lists_are_the_ones_of_the_bundled_cen_schematron(capsys):
    from backoffice.invoices.validation.data import _generate

    _generate.main()
    generated = capsys.readouterr().out
    committed = (REPO / "backoffice/invoices/validation/data/codelists.py").read_text(
        encoding="utf-8"
    )
    assert generated == committed
