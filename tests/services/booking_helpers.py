"""Helpers of the booking tests (citizen flow under /termine/)."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from .factories_appointments import next_weekday

PERSON = {
    "name": "Erika Mustermann",
    "email": "erika@example.org",
    "phone": "",
    "consent": "on",
    "url_homepage": "",
}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(response) -> str:
    return " ".join(soup(response).get_text(" ").split())


def book_path(office, **params) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"/termine/{office.pk}/" + (f"?{query}" if query else "")


def selection(office, persons: int = 1) -> str:
    return f"{office.services.first().pk}:{persons}"


def monday() -> dt.date:
    return next_weekday(0)


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def link_in(body: str, kind: str) -> str:
    match = re.search(rf"https?://\S+/termine/{kind}/\S+/(\?\S+)?", body)
    assert match, body
    return match.group(0)
