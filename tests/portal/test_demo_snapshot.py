"""The copy of the seeded demo that transactional tests get back (tests/demo_snapshot.py)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page, Site

from tests import demo_snapshot


def _counts(name=None) -> dict[str, int]:
    """Rows per table of the project's models – or, with ``_copy_name``, of their copies."""
    name = name or connection.ops.quote_name
    with connection.cursor() as cursor:
        counts = {}
        for table in demo_snapshot._tables():
            cursor.execute(f"SELECT COUNT(*) FROM {name(table)}")
            counts[table] = cursor.fetchone()[0]
        return counts


@pytest.mark.django_db(transaction=True)
def test_restore_brings_back_every_row_and_new_rows_get_fresh_ids(demo_seeded):
    seeded = _counts(demo_snapshot._copy_name)
    assert seeded["auth_user"] > 10 and seeded["wagtailcore_page"] > 100

    # what a transactional test does when it ends: empty every table, then Django's
    # post-migrate handlers create content types and permissions anew
    call_command("flush", interactive=False, verbosity=0)
    assert not Site.objects.exists() and not Page.objects.exists()
    assert _counts() != seeded

    demo_snapshot.restore()

    assert _counts() == seeded
    assert Site.objects.filter(hostname="bruchsal.localhost").exists()
    assert get_user_model().objects.filter(username="redaktion.bruchsal").exists()
    highest = get_user_model().objects.order_by("-pk").values_list("pk", flat=True).first()
    assert get_user_model().objects.create_user("neu.nach.wiederherstellung").pk > highest
