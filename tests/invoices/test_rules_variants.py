"""Variants of real test-suite instances (one business error each, see ``variants.py``): the
expected rule id is reported in BOTH syntaxes, as error or warning as the rule set says."""

from __future__ import annotations

import re

import pytest

from tests.invoices.variants import VARIANTS, report, variant_params

ENGLISH = re.compile(r"\b(shall|must|MUST|should)\b")


@pytest.mark.parametrize(("name", "syntax"), variant_params())
def test_variant_is_reported(name, syntax):
    variant = VARIANTS[name]
    result = report(variant.xml(syntax))
    assert variant.rules <= result.rule_ids("error"), [
        f"{f.rule_id}: {f.message}" for f in result.findings
    ]
    assert variant.warnings <= result.rule_ids("warning")
    assert result.ok == (not variant.rules)


@pytest.mark.parametrize(("name", "syntax"), variant_params())
def test_messages_of_our_rules_are_german(name, syntax):
    result = report(VARIANTS[name].xml(syntax))
    for finding in result.findings:
        if (
            finding.rule_id in VARIANTS[name].rules | VARIANTS[name].warnings
            and finding.rule_id != "XSD"
        ):
            assert not ENGLISH.search(finding.message), finding.message


def test_most_variants_exist_in_both_syntaxes():
    both = [v for v in VARIANTS.values() if v.ubl and v.cii]
    assert len(both) >= len(VARIANTS) - 2


def test_one_finding_per_rule_and_place_after_merging_with_the_official_rules():
    result = report(VARIANTS["line amount changed"].xml("UBL"))
    assert [f.rule_id for f in result.findings].count("BR-CO-10") == 1
