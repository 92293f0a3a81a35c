"""XRechnung Skonto lines in the payment terms (BT-20) and the discounts they grant.

XRechnung writes a cash discount as one line of BT-20 each::

    #SKONTO#TAGE=7#PROZENT=2.00#
    #SKONTO#TAGE=14#PROZENT=1.00#BASISBETRAG=123.45#

Every line that starts with ``#`` must follow that grammar (KoSIT's ``XR-SKONTO-REGEX``: days
as digits, percent with exactly two decimals after a point, an optional BASISBETRAG with two
decimals) and must be ended by a line break – also the last one (BR-DE-18). Other text in BT-20
(lines not starting with ``#``) is free prose.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from .model import Skonto

if TYPE_CHECKING:
    from .model import InvoiceDocument

SKONTO_LINE = re.compile(
    r"#SKONTO#TAGE=(?P<days>[0-9]+)#PROZENT=(?P<percent>[0-9]+\.[0-9]{2})"
    r"(?:#BASISBETRAG=(?P<base>-?[0-9]+\.[0-9]{2}))?#"
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CENT = Decimal("0.01")


def parse_skonto(text: str) -> tuple[list[Skonto], list[str]]:
    """Parse the Skonto lines of a BT-20 text.

    Returns ``(terms, malformed)``: the Skonto terms that could be read, in the order written,
    and the raw lines that break BR-DE-18 – a line starting with ``#`` that does not follow the
    grammar, or a Skonto line without the line break that must end it. A correct Skonto line
    missing only its final line break is still read into ``terms`` (its meaning is clear) and
    is listed in ``malformed`` as well, so the rule can report it.
    """
    terms: list[Skonto] = []
    malformed: list[str] = []
    if not text or "#" not in text:
        return terms, malformed
    lines = _LINE_BREAK.split(text)
    last = len(lines) - 1
    for index, line in enumerate(lines):
        normalized = " ".join(line.split())
        if not normalized.startswith("#"):
            continue
        match = SKONTO_LINE.fullmatch(normalized)
        if not match:
            malformed.append(line)
            continue
        base = match["base"]
        terms.append(
            Skonto(
                days=int(match["days"]),
                percent=Decimal(match["percent"]),
                base_amount=Decimal(base) if base is not None else None,
            )
        )
        if index == last:  # no line break after the last Skonto line
            malformed.append(line)
    return terms, malformed


def skonto_terms(doc: InvoiceDocument) -> list[tuple[dt.date, Decimal, Decimal]]:
    """``(last day, percent, discount)`` per Skonto term of ``doc``, earliest first.

    last day = issue date (BT-2) + days; discount = base × percent / 100 rounded half-up to
    cents, base = BASISBETRAG if given, else the amount due (BT-115). Terms without a base are
    left out; without BT-2 the list is empty.
    """
    if doc.issue_date is None:
        return []
    result = []
    for term in doc.skonto:
        base = term.base_amount if term.base_amount is not None else doc.totals.due
        if base is None:
            continue
        try:
            last_day = doc.issue_date + dt.timedelta(days=term.days)
        except OverflowError:
            continue
        discount = (base * term.percent / 100).quantize(_CENT, rounding=ROUND_HALF_UP)
        result.append((last_day, term.percent, discount))
    result.sort(key=lambda item: item[0])
    return result
