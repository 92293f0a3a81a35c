"""Search in the E-Akte for staff: Akten by Aktenzeichen, title and description; Dokumente by
title, sender, recipient, full text and their file's Aktenzeichen and title.

Only what the user may open is searched: the querysets come from ``access`` and are handed
to Wagtail's search backend (``queryset.search``) – the database backend (PostgreSQL full
text search with the German configuration, SQLite FTS) or Elasticsearch, whichever the
settings chose. Both models are indexed through their ``search_fields``.

An input that looks like an Aktenzeichen ("020.1/0007/2026") first finds the files whose
Aktenzeichen begins with it (and their documents), before the full-text hits.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from django.db import DatabaseError
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from modelsearch.backends.base import FilterError
from wagtail.search.backends import get_search_backend

from . import access
from .models import Akte, Dokument

logger = logging.getLogger(__name__)

Kind = Literal["akten", "dokumente"]
KINDS: dict[str, str] = {"akten": _("Akten"), "dokumente": _("Dokumente")}
MAX_QUERY = 200  # characters looked at; longer input is cut
MAX_WORDS = 10
LIMIT = 200  # hits per kind; past that the user should refine the query
SNIPPET_LENGTH = 240
WORD = re.compile(r"\w+", re.UNICODE)
AKTENZEICHEN_LIKE = re.compile(r"^(?=.*\d)(?=.*[/.])[\w./\- ]{2,60}$", re.UNICODE)


def words(raw: object) -> list[str]:
    """The words of a query (letters and digits only) – no backend sees query syntax."""
    if not isinstance(raw, str):
        return []
    found = [w.strip("_") for w in WORD.findall(raw[:MAX_QUERY])]
    return [w for w in found if w][:MAX_WORDS]


def aktenzeichen_prefix(raw: object) -> str | None:
    """The input as the beginning of an Aktenzeichen, if it looks like one."""
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    return text if AKTENZEICHEN_LIKE.match(text) else None


@dataclass
class Hit:
    """One result: an Akte or a Dokument, with what the result list shows."""

    obj: Akte | Dokument
    words: list[str] = field(default_factory=list)
    text: str | None = None  # the text the snippet comes from (loaded for shown hits)

    @property
    def is_akte(self) -> bool:
        return isinstance(self.obj, Akte)

    @property
    def kind(self) -> str:
        return "akte" if self.is_akte else "dokument"

    @property
    def akte(self) -> Akte:
        return self.obj if self.is_akte else self.obj.akte

    @property
    def aktenzeichen(self) -> str:
        return self.akte.aktenzeichen

    @property
    def title(self) -> str:
        return self.obj.title

    @property
    def type_label(self) -> str:
        return str(_("Akte")) if self.is_akte else str(self.obj.get_document_type_display())

    @property
    def date(self) -> dt.date:
        return self.obj.opened_on if self.is_akte else self.obj.document_date

    @property
    def snippet(self) -> SafeString:
        if self.text is None:
            prepare([self])
        return highlight(self.text or "", self.words)


def prepare(hits: Iterable[Hit]) -> None:
    """Load the texts for the snippets of ``hits`` in two queries (not one per hit)."""
    hits = [hit for hit in hits if hit.text is None]
    for model, column in ((Akte, "description"), (Dokument, "text")):
        group = [hit for hit in hits if isinstance(hit.obj, model)]
        if group:
            texts = dict(
                model.objects.filter(pk__in=[h.obj.pk for h in group]).values_list("pk", column)
            )
            for hit in group:
                hit.text = texts.get(hit.obj.pk) or ""


def _pattern(query_words: Iterable[str]) -> re.Pattern[str] | None:
    """Whole words beginning with a query word (or, for longer words, with its first
    letters – "Baugenehmigung" also marks "Baugenehmigungen", "Anträge" "Antrag")."""
    beginnings: set[str] = set()
    for word in query_words:
        word = word.lower()
        beginnings.add(word)
        if len(word) > 5:
            beginnings.add(word[: max(5, len(word) - 3)])
    if not beginnings:
        return None
    alternatives = "|".join(re.escape(b) for b in sorted(beginnings, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def highlight(text: str, query_words: Iterable[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """About ``length`` characters of ``text`` around the first hit, escaped, hits in <mark>."""
    text = " ".join(text.split())
    if not text:
        return mark_safe("")
    regex = _pattern(query_words)
    matches = list(regex.finditer(text)) if regex else []
    first = matches[0].start() if matches else 0
    start = max(0, first - length // 3)
    end = min(len(text), start + length)
    start = max(0, end - length)
    if start > 0:  # begin at a word
        space = text.find(" ", start, first if matches else start + 30)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > max(start + length // 2, first) else end
    parts = ["… " if start > 0 else ""]
    position = start
    for match in matches:
        if match.start() < position or match.end() > end:
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:end]))
    if end < len(text):
        parts.append(" …")
    return mark_safe("".join(parts))  # noqa: S308 – every piece of text is escaped above


def _full_text(queryset, query: str, limit: int, *, by_relevance: bool = False) -> list:
    """Wagtail's search over ``queryset`` (every word must match): newest first, or best
    first with ``by_relevance``. Ranking costs: on PostgreSQL with 100,000 documents it
    takes the query from ~15 ms to ~115 ms (bench/README.md), so staff get the newest
    first unless they ask for relevance. The models' querysets are not
    ``SearchableQuerySetMixin``s, so the backend is asked directly."""
    try:
        backend = get_search_backend()
        results = backend.search(query, queryset, operator="and", order_by_relevance=by_relevance)
        return list(results[:limit])
    except (FilterError, DatabaseError, ValueError):
        # a query the backend could not take must not become a 500; the log tells why
        logger.exception("E-Akte-Suche fehlgeschlagen: %r", query)
        return []


def _merge(first: Iterable, then: Iterable, limit: int) -> list:
    seen, merged = set(), []
    for obj in [*first, *then]:
        if obj.pk not in seen:
            seen.add(obj.pk)
            merged.append(obj)
    return merged[:limit]


def search_akten(user, query: str, *, limit: int = LIMIT, by_relevance: bool = False) -> list[Akte]:
    """The user's files matching ``query``: Aktenzeichen prefix first, then full text."""
    akten = access.akten_for(user).select_related("org_unit", "plan_unit")
    prefix = aktenzeichen_prefix(query)
    exact = (
        list(akten.filter(aktenzeichen__istartswith=prefix).order_by("aktenzeichen")[:limit])
        if prefix
        else []
    )
    text = " ".join(words(query))
    newest = akten.defer("description").order_by("-opened_on", "-id")
    found = _full_text(newest, text, limit, by_relevance=by_relevance) if text else []
    return _merge(exact, found, limit)


def search_dokumente(
    user, query: str, *, limit: int = LIMIT, by_relevance: bool = False
) -> list[Dokument]:
    """The user's documents matching ``query`` (also by their file's Aktenzeichen)."""
    dokumente = access.dokumente_for(user).select_related("akte").defer("text", "akte__description")
    prefix = aktenzeichen_prefix(query)
    exact = (
        list(
            dokumente.filter(akte__aktenzeichen__istartswith=prefix).order_by(
                "akte__aktenzeichen", "vorgang_id", "document_date", "pk"
            )[:limit]
        )
        if prefix
        else []
    )
    text = " ".join(words(query))
    newest = dokumente.order_by("-document_date", "-id")
    found = _full_text(newest, text, limit, by_relevance=by_relevance) if text else []
    return _merge(exact, found, limit)


def search(
    user,
    query: str,
    *,
    kind: Kind | None = None,
    limit: int = LIMIT,
    by_relevance: bool = False,
) -> list[Hit]:
    """What ``user`` may see that matches ``query``: Akten first, then Dokumente (each by
    Aktenzeichen prefix, then newest first or by relevance); ``kind`` restricts to one of
    them. At most ``limit`` hits per kind; nothing for an empty query or one without words."""
    if not isinstance(query, str) or not access.may_view(user):
        return []
    query = query[:MAX_QUERY].replace("\x00", "")
    if not words(query) and not aktenzeichen_prefix(query):
        return []
    query_words = words(query)
    hits: list[Hit] = []
    if kind in (None, "akten"):
        hits += [
            Hit(akte, query_words)
            for akte in search_akten(user, query, limit=limit, by_relevance=by_relevance)
        ]
    if kind in (None, "dokumente"):
        hits += [
            Hit(doc, query_words)
            for doc in search_dokumente(user, query, limit=limit, by_relevance=by_relevance)
        ]
    return hits


__all__ = ["KINDS", "Hit", "highlight", "prepare", "search", "search_akten", "search_dokumente"]
