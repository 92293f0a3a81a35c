"""Fixtures of the Rechnungslauf tests: the official XRechnung test suite (86 valid instances)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CANDIDATES = (
    REPO.parent / "shared/data/xrechnung-testsuite",
    Path("/work/shared/data/xrechnung-testsuite"),
)


def testsuite_dir() -> Path:
    """``$XRECHNUNG_TESTSUITE``, else the project's shared data folder beside the checkout."""
    if os.environ.get("XRECHNUNG_TESTSUITE"):
        return Path(os.environ["XRECHNUNG_TESTSUITE"])
    for candidate in CANDIDATES:
        if candidate.is_dir():
            return candidate
    return CANDIDATES[0]


def _missing(message: str):
    # CI sets REDI_REQUIRE_TESTSUITE=1: there a missing suite is a failure, never a skip
    if os.environ.get("REDI_REQUIRE_TESTSUITE"):
        pytest.fail(message)
    pytest.skip(message)


def testsuite_paths() -> list[Path]:
    """All XML instances of the suite, sorted (UBL ``*_ubl.xml``, CII ``*_uncefact.xml``)."""
    return sorted(testsuite_dir().glob("*/*.xml"))


def testsuite_file(name: str) -> Path:
    """One instance by file name, e.g. ``"01.01a-INVOICE_ubl.xml"``."""
    matches = list(testsuite_dir().glob(f"*/{name}"))
    if not matches:
        _missing(f"XRechnung test suite not found ({testsuite_dir()})")
    return matches[0]


@pytest.fixture(scope="session")
def testsuite_files() -> list[Path]:
    paths = testsuite_paths()
    if not paths:
        _missing(f"XRechnung test suite not found ({testsuite_dir()})")
    return paths
