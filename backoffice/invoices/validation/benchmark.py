"""Measure validation speed on the XRechnung test suite::

    python -m backoffice.invoices.validation.benchmark [--rounds 3] [--workers 2] [SUITE_DIR]

Prints ms per invoice for reading, the XML schema only, the Python rules only, the official CEN
XSLT only (UBL invoices; averaged over all invoices and over UBL ones) and everything, then the
throughput of read + validate with ``--workers`` processes (target: ≥ 50 invoices/s on 2 cores).
"""

from __future__ import annotations

import argparse
import os
import time
from multiprocessing import get_context
from pathlib import Path

DEFAULT_SUITE = Path(os.environ.get("XRECHNUNG_TESTSUITE", "/work/shared/data/xrechnung-testsuite"))


def _load(suite: Path) -> list[bytes]:
    return [path.read_bytes() for path in sorted(suite.glob("*/*.xml"))]


def _warm_up() -> None:
    from . import official, schema

    schema.warm_up()
    official.warm_up()


def _read_and_validate(data: bytes) -> bool:
    from ..document.reader import read_invoice
    from . import validate

    return validate(read_invoice(data)).ok


def _worker(chunk: list[bytes]) -> int:
    return sum(1 for data in chunk if _read_and_validate(data))


def stages(datas: list[bytes], rounds: int) -> dict[str, float]:
    from ..document.reader import read_invoice
    from . import validate
    from .official import official_findings
    from .registry import run_rules
    from .schema import validate_schema

    results = [read_invoice(d) for d in datas]
    ubl = [r for r in results if r.syntax == "UBL"]
    timings: dict[str, float] = {}

    def measure(name: str, items, func) -> None:
        start = time.perf_counter()
        for _ in range(rounds):
            for item in items:
                func(item)
        timings[name] = (time.perf_counter() - start) * 1000 / (rounds * len(items))

    measure("read", datas, read_invoice)
    measure("schema only", results, lambda r: validate_schema(r.root))
    measure("Python rules only", results, lambda r: run_rules(r.document, r.root))
    measure(
        "official XSLT only (per UBL invoice)",
        ubl,
        lambda r: official_findings(r.document, r.root, r.xml),
    )
    timings["official XSLT only (averaged over all)"] = (
        timings["official XSLT only (per UBL invoice)"] * len(ubl) / len(results)
    )
    measure("validate, all stages", results, validate)
    measure("read + validate", datas, _read_and_validate)
    return timings


def throughput(datas: list[bytes], workers: int, rounds: int) -> float:
    """Invoices per second for read + validate with ``workers`` warmed-up processes."""
    chunks = [datas[i::workers] for i in range(workers)] * rounds
    with get_context("fork").Pool(workers, initializer=_warm_up) as pool:
        pool.map(_worker, [datas[:2]] * workers)  # make sure every worker is warm
        start = time.perf_counter()
        pool.map(_worker, chunks, chunksize=1)
        elapsed = time.perf_counter() - start
    return len(datas) * rounds / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", nargs="?", type=Path, default=DEFAULT_SUITE)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    datas = _load(args.suite)
    print(f"{len(datas)} invoices from {args.suite}, {os.cpu_count()} CPUs")
    start = time.perf_counter()
    _warm_up()
    print(f"warm-up (compile XSD + XSLT): {time.perf_counter() - start:.2f} s")
    for name, ms in stages(datas, args.rounds).items():
        print(f"{name:42s} {ms:7.2f} ms/invoice")
    rate = throughput(datas, args.workers, args.rounds)
    print(f"read + validate, {args.workers} processes: {rate:.0f} invoices/s")


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    main()
