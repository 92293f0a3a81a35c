"""Tests of the block clipboard (blocks.clipboard). Small shared helpers live here."""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from portal.core.models import TownSettings
from tests.portal.factories import ContentPageFactory


def user(username: str):
    return get_user_model().objects.get(username=username)


def login(username: str) -> Client:
    client = Client(HTTP_HOST="localhost:8000")
    client.force_login(user(username))
    return client


def town_root(slug: str) -> Page:
    return TownSettings.objects.select_related("site__root_page").get(slug=slug).site.root_page


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2", "anchor": ""}}


def notice(title: str, text: str) -> dict:
    return {"type": "notice", "value": {"kind": "warning", "title": title, "text": text}}


def content_page(slug: str = "bruchsal", body: list | None = None, **kwargs):
    kwargs.setdefault("parent", town_root(slug))
    if body is not None:
        kwargs["body"] = body
    return ContentPageFactory(**kwargs)


def copy_url(page) -> str:
    return reverse("block_clipboard:copy", args=[page.pk])


def paste_url(page) -> str:
    return reverse("block_clipboard:paste", args=[page.pk])


def paste_item_url(page, item) -> str:
    return reverse("block_clipboard:paste_item", args=[page.pk, item.pk])


def text_of(response) -> str:
    """What a user reads on the page, whitespace collapsed."""
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.get_text(" ").split())


def copy_block(client: Client, page, index: int, field_name: str = "body"):
    return client.post(copy_url(page), {"field_name": field_name, "index": index}, follow=True)
