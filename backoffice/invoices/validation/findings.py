"""The result of a validation: findings (rule id, severity, German message) and the report.

A :class:`Finding` is what a user sees in the invoice's check list ("BR-CO-10 – Die Summe der
Nettobeträge …") and what the Django models keep as JSON (:meth:`Finding.to_dict`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One violated rule at one place of the invoice."""

    rule_id: str
    severity: Severity
    message: str  # German
    term: str = ""  # business term, e.g. "BT-84"
    location: str = ""  # where: a business-term path ("BG-25[2]/BT-131") or an XPath / line number

    def to_dict(self) -> dict[str, str]:
        return {
            "rule_id": self.rule_id,
            "severity": self.severity,
            "message": self.message,
            "term": self.term,
            "location": self.location,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            rule_id=str(data.get("rule_id", "")),
            severity="warning" if data.get("severity") == "warning" else "error",
            message=str(data.get("message", "")),
            term=str(data.get("term", "") or ""),
            location=str(data.get("location", "") or ""),
        )

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


@dataclass
class Report:
    """All findings of one validation run, errors first."""

    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        """True when nothing rejects the invoice (warnings are allowed)."""
        return not self.errors

    def rule_ids(self, severity: Severity | None = None) -> set[str]:
        return {f.rule_id for f in self.findings if severity is None or f.severity == severity}

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "findings": [f.to_dict() for f in self.findings]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        return cls([Finding.from_dict(item) for item in data.get("findings", [])])

    @classmethod
    def merged(cls, *groups: Iterable[Finding]) -> Report:
        """One report from several finding lists, de-duplicated by ``(rule_id, location)``.

        The first occurrence wins; errors are listed before warnings, otherwise the order
        of discovery is kept.
        """
        seen: set[tuple[str, str]] = set()
        unique: list[Finding] = []
        for group in groups:
            for finding in group:
                key = (finding.rule_id, finding.location)
                if key in seen:
                    continue
                seen.add(key)
                unique.append(finding)
        unique.sort(key=lambda f: 0 if f.severity == "error" else 1)
        return cls(unique)
