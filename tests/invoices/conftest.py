"""Fixtures of the Rechnungslauf tests: the official XRechnung test suite (86 valid instances)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def testsuite_dir() -> Path:
    return Path(
        os.environ.get("XRECHNUNG_TESTSUITE", REPO.parent / "shared/data/xrechnung-testsuite")
    )


def testsuite_paths() -> list[Path]:
    """All XML instances of the suite, sorted (UBL ``*_ubl.xml``, CII ``*_uncefact.xml``)."""
    return sorted(testsuite_dir().glob("*/*.xml"))


def testsuite_file(name: str) -> Path:
    """One instance by file name, e.g. ``"01.01a-INVOICE_ubl.xml"``."""
    matches = list(testsuite_dir().glob(f"*/{name}"))
    if not matches:
        pytest.skip(f"XRechnung test suite not found ({testsuite_dir()})")
    return matches[0]


@pytest.fixture(scope="session")
def testsuite_files() -> list[Path]:
    paths = testsuite_paths()
    if not paths:
        pytest.skip(f"XRechnung test suite not found ({testsuite_dir()})")
    return paths
