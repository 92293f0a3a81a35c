"""The rule registry: every business rule we check, with id, severity, German text and source.

A rule is a function of the normalised invoice
(:class:`~backoffice.invoices.document.model.InvoiceDocument`) that yields what is wrong::

    @rule("BR-CO-10", terms=("BT-106",), text="Die Summe der Nettobeträge …")
    def line_total(doc):
        if …:
            yield "Angegeben: 100.00, berechnet: 99.00."   # a str adds a detail to the rule text
            yield hit("…", location="BG-25[2]")             # or a Hit with location / term

The registry completes the findings (rule id, severity, term, message) and keeps the catalogue
that documents our coverage (:func:`catalogue`,
``python -m backoffice.invoices.validation.catalogue``).
A rule that raises is reported as a warning "PRUEFUNG-FEHLGESCHLAGEN" instead of breaking the
validation: a bug in one rule never turns an upload into a server error.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..document.model import InvoiceDocument, Syntax
from .findings import Finding, Severity

logger = logging.getLogger(__name__)

EN16931 = "EN 16931"
XRECHNUNG = "XRechnung 3.0"
LEITWEG = "KoSIT Leitweg-ID 2.0"


@dataclass(frozen=True)
class Hit:
    """What a rule reports without repeating its id and text (see :func:`hit`)."""

    detail: str = ""
    location: str = ""
    term: str = ""
    message: str = ""


RuleFunc = Callable[..., Iterable["Finding | Hit | str"] | None]


@dataclass(frozen=True)
class Rule:
    """One registered business rule."""

    id: str
    severity: Severity
    text: str  # German rule text (faithful translation of the official one)
    source: str  # "EN 16931" / "XRechnung 3.0" / …
    terms: tuple[str, ...]
    syntax: Syntax | None  # None = both syntaxes
    func: RuleFunc
    when: Callable[[InvoiceDocument], bool] | None = None  # profile condition (e.g. extension only)
    xml: bool = False  # the function also needs the XML root: func(doc, root)
    note: str = ""  # remark for the coverage table

    @property
    def term(self) -> str:
        return self.terms[0] if self.terms else ""

    @property
    def area(self) -> str:
        """The rules module ("core", "calculation", …) – used to group the catalogue."""
        return self.func.__module__.rsplit(".", 1)[-1]

    def applies_to(self, doc: InvoiceDocument, has_xml: bool) -> bool:
        if self.syntax is not None and doc.syntax != self.syntax:
            return False
        if self.xml and not has_xml:
            return False
        return self.when is None or bool(self.when(doc))

    def run(self, doc: InvoiceDocument, root: Any = None) -> list[Finding]:
        """Run the rule and return complete findings."""
        produced = self.func(doc, root) if self.xml else self.func(doc)
        findings: list[Finding] = []
        for item in produced or ():
            findings.append(self.complete(item))
        return findings

    def complete(self, item: Finding | Hit | str) -> Finding:
        if isinstance(item, str):
            return Finding(self.id, self.severity, _join(self.text, item), self.term)
        if isinstance(item, Hit):
            message = item.message or _join(self.text, item.detail)
            return Finding(self.id, self.severity, message, item.term or self.term, item.location)
        return Finding(
            rule_id=item.rule_id or self.id,
            severity=item.severity if item.rule_id else self.severity,
            message=item.message or self.text,
            term=item.term or self.term,
            location=item.location,
        )


_RULES: dict[str, Rule] = {}
_ordered: list[str] = []  # the ids of _RULES in natural order, rebuilt after a registration


def rule(
    rule_id: str,
    severity: Severity = "error",
    terms: tuple[str, ...] = (),
    syntax: Syntax | None = None,
    *,
    text: str,
    source: str | None = None,
    when: Callable[[InvoiceDocument], bool] | None = None,
    xml: bool = False,
    note: str = "",
) -> Callable[[RuleFunc], RuleFunc]:
    """Register the decorated function as business rule ``rule_id``."""

    def register(func: RuleFunc) -> RuleFunc:
        if rule_id in _RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        _ordered.clear()
        _RULES[rule_id] = Rule(
            id=rule_id,
            severity=severity,
            text=text,
            source=source or _default_source(rule_id),
            terms=tuple(terms),
            syntax=syntax,
            func=func,
            when=when,
            xml=xml,
            note=note,
        )
        return func

    return register


def hit(detail: str = "", *, location: str = "", term: str = "", message: str = "") -> Hit:
    """A finding for the registry to complete: ``detail`` is added to the rule text,
    ``message`` replaces it."""
    return Hit(detail=detail, location=location, term=term, message=message)


def _join(text: str, detail: str) -> str:
    detail = (detail or "").strip()
    return f"{text} {detail}" if detail else text


def _default_source(rule_id: str) -> str:
    if re.match(r"BR-(DE|DEX|TMP)-", rule_id):
        return XRECHNUNG
    if rule_id == "LEITWEG-ID":
        return LEITWEG
    return EN16931


# --- access --------------------------------------------------------------------------------
def _load() -> None:
    from . import rules  # noqa: F401  (registers all rule modules)


def get(rule_id: str) -> Rule | None:
    _load()
    return _RULES.get(rule_id)


def all_rules() -> list[Rule]:
    _load()
    if len(_ordered) != len(_RULES):
        _ordered[:] = sorted(_RULES, key=natural_key)
    return [_RULES[rule_id] for rule_id in _ordered]


def catalogue() -> list[Rule]:
    """All covered rules in natural id order (BR-2 before BR-10)."""
    return all_rules()


def german_text(rule_id: str) -> str:
    found = get(rule_id)
    return found.text if found else ""


def natural_key(rule_id: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", rule_id))


def run_rules(doc: InvoiceDocument, root: Any = None) -> list[Finding]:
    """Run every applicable rule on ``doc``; ``root`` (the lxml root) enables XML-level rules."""
    findings: list[Finding] = []
    has_xml = root is not None
    for item in all_rules():
        try:
            if not item.applies_to(doc, has_xml):
                continue
            findings.extend(item.run(doc, root))
        except Exception:  # noqa: BLE001 – a broken rule must not break the upload
            logger.exception("rule %s failed on invoice %r", item.id, doc.number)
            findings.append(
                Finding(
                    "PRUEFUNG-FEHLGESCHLAGEN",
                    "warning",
                    f"Die Regel {item.id} konnte wegen eines internen Fehlers nicht geprüft "
                    "werden; bitte prüfen Sie diesen Punkt von Hand.",
                    item.term,
                    item.id,
                )
            )
    return findings
