"""New views cannot skip the matrix: every URL pattern with an argument is in table.py."""

from __future__ import annotations

from . import table
from .routes import routes_with_arguments


def test_every_url_with_an_argument_is_classified():
    unclassified = [
        f"{route.key}  ({route.route})"
        for route in routes_with_arguments()
        if table.classify(route) is None
    ]
    assert not unclassified, (
        "URL patterns with an object argument that tests/access/table.py does not "
        "classify – add them to the matrix (or exempt them with a reason):\n  "
        + "\n  ".join(unclassified)
    )


def test_the_table_names_no_vanished_url():
    """An entry for a URL name that is gone would let the matrix look bigger than it is."""
    keys = {route.key for route in routes_with_arguments()}
    stale = [
        key
        for key in (
            *table._PAGE,
            *table._PAGE_WORKFLOW,
            *table._IMAGE,
            *table._DOCUMENT,
            *table._BACKOFFICE,
            *table._CLUB,
            *table._EXEMPT,
        )
        if key not in keys
    ]
    assert not stale, f"table.py names URLs that no longer exist: {stale}"
