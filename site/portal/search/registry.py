"""The kinds of things the search finds. Pages are registered by this app (``pages.py``);
later apps add theirs – services, clubs, events – in their ``AppConfig.ready()``::

    from portal.search.registry import SearchableType, register

    register(
        SearchableType(
            key="leistungen",
            label=_("Leistungen"),
            queryset=lambda site: Service.objects.for_site(site),  # an Indexed model
            render=lambda service, context: render_to_string(
                "services/search_result.html", {"service": service, **context.as_dict()}
            ),
        )
    )

``queryset(site)`` returns what visitors of ``site`` may find (the town's own items and
the region's, nothing of another town); the search runs Wagtail's ``.search()`` on it.
``render(obj, context)`` returns the HTML of one result (inside its ``<li>``); use
``portal.search.highlight.highlight(text, context.words)`` for the snippet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.functional import Promise
from wagtail.models import Site

Label = str | Promise


@dataclass(frozen=True)
class Kind:
    """What a result is, as the filter and the result list name it ("Inhaltsseite")."""

    key: str
    label: Label = field(compare=False)  # kinds are the same by key; labels may be lazy


@dataclass(frozen=True)
class RenderContext:
    request: HttpRequest
    site: Site | None
    query: str
    words: list[str]
    kind: Kind

    def as_dict(self) -> dict[str, Any]:
        return {
            "request": self.request,
            "site": self.site,
            "query": self.query,
            "words": self.words,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class SearchableType:
    key: str
    label: Label
    queryset: Callable[[Site | None], QuerySet]
    render: Callable[[Any, RenderContext], str]
    #: The kind of one result, if a type has several (pages: the page type); by
    #: default the type itself.
    kind: Callable[[Any], Kind] | None = None
    #: Loads what ``render`` needs for the results shown (pages: the specific page).
    prepare: Callable[[list[Any]], list[Any]] | None = None
    order: int = 100

    def kind_of(self, obj: Any) -> Kind:
        return self.kind(obj) if self.kind else Kind(self.key, self.label)

    def prepared(self, objs: list[Any]) -> list[Any]:
        return self.prepare(objs) if self.prepare else objs


_types: dict[str, SearchableType] = {}


def register(searchable: SearchableType) -> SearchableType:
    """Adds (or replaces, by key) a searchable type."""
    _types[searchable.key] = searchable
    return searchable


def unregister(key: str) -> None:
    _types.pop(key, None)


def get(key: str) -> SearchableType | None:
    return _types.get(key)


def types() -> list[SearchableType]:
    """Every registered type, in display order."""
    return sorted(_types.values(), key=lambda t: (t.order, t.key))
