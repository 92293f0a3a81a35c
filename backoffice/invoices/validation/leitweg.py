"""The Leitweg-ID (BT-10 in XRechnung): form and check digits per the KoSIT format specification.

A Leitweg-ID addresses the public buyer: ``Grobadressierung-Feinadressierung-Prüfziffer``, e.g.
``08215023-ABT20-38``:

- Grobadressierung: 2 to 12 digits (derived from the official regional key, "99…" = Bund);
- Feinadressierung: optional, up to 30 letters or digits;
- Prüfziffer: two digits after ISO 7064 MOD 97-10 – the ID without hyphens, letters replaced by
  their number (A = 10 … Z = 35), read as one number, leaves remainder 1 when divided by 97.

BR-DE-15 only asks for BT-10 to be present; the form is checked by our own rule "LEITWEG-ID"
(a warning) and used by the routing to find the town and department.
"""

from __future__ import annotations

import re

_FORM = re.compile(r"(?P<coarse>[0-9]{2,12})(?:-(?P<fine>[A-Za-z0-9]{1,30}))?-(?P<check>[0-9]{2})")


def _digits(text: str) -> str:
    return "".join(str(int(char, 36)) for char in text.upper())


def check_digits(coarse: str, fine: str = "") -> str:
    """The two check digits for ``coarse`` (and ``fine``): 98 − (number·100 mod 97)."""
    number = int(_digits(coarse + fine) + "00")
    return f"{98 - number % 97:02d}"


def leitweg_problem(value: str) -> str:
    """Why ``value`` is not a well-formed Leitweg-ID (German), or ``""`` when it is."""
    text = (value or "").strip()
    if not text:
        return "Es ist keine Leitweg-ID angegeben."
    match = _FORM.fullmatch(text)
    if not match:
        return (
            f"„{text}“ hat nicht die Form einer Leitweg-ID (Grobadressierung aus 2 bis 12 "
            "Ziffern, optional Feinadressierung aus bis zu 30 Buchstaben oder Ziffern, "
            "zweistellige Prüfziffer, getrennt durch Bindestriche)."
        )
    expected = check_digits(match["coarse"], match["fine"] or "")
    if match["check"] != expected:
        return f"Die Prüfziffer von „{text}“ ist falsch (erwartet: {expected})."
    return ""


def is_valid_leitweg_id(value: str) -> bool:
    return not leitweg_problem(value)
