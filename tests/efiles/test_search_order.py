"""Staff search: newest first by default, best match first when asked for relevance."""

from __future__ import annotations

import datetime as dt

import pytest

from backoffice.efiles import search
from tests.efiles.factories import akte, clerk, dokument, unit_in

pytestmark = pytest.mark.django_db


def test_newest_document_first_unless_relevance_is_asked_for(django_capture_on_commit_callbacks):
    unit = unit_in("bretten")
    user = clerk(unit)
    with django_capture_on_commit_callbacks(execute=True):  # the index is written on commit
        record = akte(unit, title="Winterdienst")
        old = dokument(record, title="Streuplan 2019", document_date=dt.date(2019, 11, 2))
        new = dokument(record, title="Streuplan 2025", document_date=dt.date(2025, 11, 3))
        middle = dokument(record, title="Streuplan 2022", document_date=dt.date(2022, 11, 1))
    hits = search.search(user, "Streuplan", kind="dokumente")
    assert [hit.obj for hit in hits] == [new, middle, old]
    by_relevance = search.search(user, "Streuplan", kind="dokumente", by_relevance=True)
    assert {hit.obj for hit in by_relevance} == {new, middle, old}


def test_search_page_offers_the_order(client):
    unit = unit_in("bretten")
    client.force_login(clerk(unit))
    page = client.get("/admin/e-akte/suche/", {"q": "Streuplan", "order": "relevanz"})
    assert page.status_code == 200
    assert 'value="relevanz" selected' in page.content.decode()
