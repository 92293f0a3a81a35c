"""Helpers for the API tests: what a client gets, and what the database holds per town."""

from __future__ import annotations

from django.test import Client
from wagtail.models import Page

from portal.core.models import TownSettings

API = "/api/v2"


def get_json(client: Client, path: str, status: int = 200, **params) -> dict:
    """GET an API path, check the status and that the answer is JSON; return it."""
    response = client.get(f"{API}{path}", params)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def all_items(client: Client, path: str, **params) -> list[dict]:
    """Every item of a listing, page by page (50 at a time, the maximum)."""
    items: list[dict] = []
    while True:
        data = get_json(client, path, limit=50, offset=len(items), **params)
        items += data["items"]
        if len(items) >= data["meta"]["total_count"] or not data["items"]:
            return items


def town(slug: str) -> TownSettings:
    return TownSettings.objects.select_related("site__root_page", "collection").get(slug=slug)


def town_page_ids(slug: str) -> set[int]:
    """Live pages of a town's site, in every language."""
    root = town(slug).site.root_page
    ids: set[int] = set()
    for home in Page.objects.filter(translation_key=root.translation_key):
        ids |= set(
            Page.objects.descendant_of(home, inclusive=True).live().values_list("id", flat=True)
        )
    return ids
