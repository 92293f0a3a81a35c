"""Where an invoice goes: the Leitweg-ID (BT-10) → town, office and Akte.

A :class:`~backoffice.invoices.models.LeitwegRoute` holds a full Leitweg-ID
("08216043-RA001-12") or the start of one. A route matches an invoice's Leitweg-ID when it is
the same ID, or when it is a leading part of it that ends at a "-" – so "08216043" (the whole
first segment, the Grobadressierung of the town) matches "08216043-RA001-12", and
"08216043-RA001" matches it as well, but "0821" matches nothing. Of the active routes that
match, the longest wins. Case and surrounding white space do not matter.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q

from .models import LeitwegRoute


def normalise(leitweg_id: str) -> str:
    """``" 08216043-ra001-12 "`` → ``"08216043-RA001-12"`` (for comparing only)."""
    return "".join((leitweg_id or "").split()).upper()


def candidates(leitweg_id: str) -> list[str]:
    """The Leitweg-ID and every leading part of it that ends at a "-", longest first:
    ``"08216043-RA001-12"`` → ``["08216043-RA001-12", "08216043-RA001", "08216043"]``."""
    value = normalise(leitweg_id)
    if not value:
        return []
    parts = value.split("-")
    found = ["-".join(parts[:end]) for end in range(len(parts), 0, -1)]
    return [part for part in found if part and not part.endswith("-")]


def route_for(leitweg_id: str) -> LeitwegRoute | None:
    """The active route for ``leitweg_id`` (exact, else the longest matching start), or None."""
    options = candidates(leitweg_id)
    if not options:
        return None
    query = reduce(or_, (Q(leitweg_id__iexact=option) for option in options))
    routes = LeitwegRoute.objects.filter(query, active=True).select_related(
        "site", "org_unit", "akte"
    )
    ranked = sorted(routes, key=lambda route: len(normalise(route.leitweg_id)), reverse=True)
    return ranked[0] if ranked else None
