"""Validation of an e-invoice: XML schema, EN 16931 rules, XRechnung rules, official CEN XSLT.

``validate(result)`` takes what :func:`backoffice.invoices.document.reader.read_invoice`
returned and gives a :class:`Report` of :class:`Finding` s (rule id, severity, German message):

1. the XML schema (rule id ``XSD``, :mod:`.schema`);
2. the EN 16931 rules (BR-…, BR-CO-…, BR-CL-…, VAT categories) and
3. the XRechnung 3.0 rules (BR-DE-…, BR-DEX-…, Leitweg-ID form) – Python rules on the model,
   :mod:`.rules`, registered in :mod:`.registry`;
4. for UBL, the official CEN schematron (:mod:`.official`, setting ``INVOICES_OFFICIAL_CEN_RULES``,
   default on): whatever it reports that our rules did not is added – only when the document
   passed the schema and every value could be read (as the KoSIT validator does).

Findings are de-duplicated by ``(rule_id, location)``. Product policy on top: the warnings listed
in ``INVOICES_REJECTING_WARNINGS`` (default ``{"BR-DE-19"}`` – a town cannot pay to a wrong IBAN)
are turned into errors, marked "(von der Stadt als Fehler behandelt)".
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .findings import Finding, Report, Severity

if TYPE_CHECKING:
    from ..document.model import InvoiceDocument
    from ..document.reader import ReadResult

__all__ = ["Finding", "Report", "Severity", "validate", "validate_document"]

logger = logging.getLogger(__name__)

DEFAULT_REJECTING_WARNINGS = frozenset({"BR-DE-19"})
POLICY_NOTE = "(von der Stadt als Fehler behandelt)"


def _setting(name: str, default: Any) -> Any:
    try:
        from django.conf import settings

        if settings.configured:
            return getattr(settings, name, default)
    except ImportError:  # pragma: no cover – Django is always installed here
        pass
    return default


def rejecting_warnings() -> frozenset[str]:
    return frozenset(_setting("INVOICES_REJECTING_WARNINGS", DEFAULT_REJECTING_WARNINGS))


def official_rules_enabled() -> bool:
    return bool(_setting("INVOICES_OFFICIAL_CEN_RULES", True))


def apply_policy(
    findings: Iterable[Finding], rejecting: Iterable[str] | None = None
) -> list[Finding]:
    """Turn the warnings the town rejects on into errors (with a note in the message)."""
    rejecting = rejecting_warnings() if rejecting is None else frozenset(rejecting)
    result = []
    for finding in findings:
        if finding.severity == "warning" and finding.rule_id in rejecting:
            finding = Finding(
                finding.rule_id,
                "error",
                f"{finding.message} {POLICY_NOTE}",
                finding.term,
                finding.location,
            )
        result.append(finding)
    return result


def validate_document(doc: InvoiceDocument, root: Any = None) -> Report:
    """Only the Python rules (EN 16931 + XRechnung) on a document, e.g. one built in a test."""
    from .registry import run_rules

    return Report.merged(apply_policy(run_rules(doc, root)))


def validate(
    result: ReadResult,
    *,
    schema: bool = True,
    rules: bool = True,
    official: bool | None = None,
) -> Report:
    """Validate a read invoice; see the module docstring. Never raises for bad input."""
    from .registry import run_rules
    from .schema import validate_schema

    doc, root = result.document, result.root
    schema_findings = validate_schema(root) if schema else []
    python_findings = run_rules(doc, root) if rules else []
    official_findings: list[Finding] = []
    if official is None:
        official = official_rules_enabled()
    # like the KoSIT validator: the schematron only on a schema-valid document whose values
    # could all be read (Saxon stops with an error on "1e400" or an empty amount)
    if official and result.syntax == "UBL" and _checkable(schema_findings, doc):
        official_findings = _official(
            result, {f.rule_id for f in python_findings} if rules else set()
        )
    findings = apply_policy([*schema_findings, *python_findings, *official_findings])
    return Report.merged(findings)


def _checkable(schema_findings: list[Finding], doc: InvoiceDocument) -> bool:
    return not doc.unreadable and not any(f.severity == "error" for f in schema_findings)


def _official(result: ReadResult, reported: set[str]) -> list[Finding]:
    """Official CEN findings whose rule id our Python rules did not already report."""
    from .official import OfficialRulesUnavailable, official_findings

    try:
        found = official_findings(result.document, result.root, result.xml)
    except OfficialRulesUnavailable:
        logger.warning("official CEN rules unavailable; relying on the Python rules")
        return []
    except Exception:  # noqa: BLE001 – a Saxon problem must not turn an upload into a 500
        logger.exception("official CEN rules failed on invoice %r", result.document.number)
        return []
    return [f for f in found if f.rule_id not in reported]
