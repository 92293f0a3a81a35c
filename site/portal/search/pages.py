"""Pages as searchable type: each page type is a kind of result of its own."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from . import registry, scope
from .highlight import highlight, pattern

KEY = "seiten"
BODY_TEXT_LIMIT = 10_000


def page_kind(page: Page) -> registry.Kind:
    model = page.specific_class or Page
    return registry.Kind(model._meta.model_name, model._meta.verbose_name)


def prepare(pages: list[Page]) -> list[Page]:
    """The specific pages (intro, search description) in one query per page type."""
    specific = {p.pk: p for p in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
    return [specific.get(p.pk, p) for p in pages]


def summary(page: Page) -> str:
    """The text a result shows: the search description, else the page's introduction."""
    return page.search_description or getattr(page, "intro", "") or ""


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in {"type", "id", "level", "anchor", "kind"}:
                yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def body_text(page: Page) -> str:
    """The plain text of the page's blocks, from the stored data (nothing is rendered)."""
    body = getattr(page, "body", None)
    raw = getattr(body, "raw_data", None)
    if raw is None:
        return ""
    text = " ".join(_strings(list(raw)))[:BODY_TEXT_LIMIT]
    return html.unescape(strip_tags(text.replace("<", " <")))


def snippet_text(page: Page, words: list[str]) -> str:
    """The summary, or if only the body holds the words, the body around them."""
    text = summary(page)
    regex = pattern(words)
    if regex is None or regex.search(text):
        return text
    body = body_text(page)
    return body if regex.search(body) else text


def render(page: Page, context: registry.RenderContext) -> str:
    return render_to_string(
        "search/results/page.html",
        {
            "page": page,
            "url": page.get_url(context.request),
            "snippet": highlight(snippet_text(page, context.words), context.words),
            "kind": context.kind,
            "regional": not scope.is_own(page, context.site),
        },
    )


#: What the result list needs of every hit; the ten shown are loaded in full (prepare).
LISTED_FIELDS = ("id", "title", "path", "depth", "content_type", "url_path", "locale")


def for_site(site: Site | None):
    return scope.pages(site).only(*LISTED_FIELDS)


def register() -> None:
    registry.register(
        registry.SearchableType(
            key=KEY,
            label=_("Seiten"),
            queryset=for_site,
            render=render,
            kind=page_kind,
            prepare=prepare,
            order=0,
        )
    )
