"""The kinds of things the search finds. Pages are registered by this app (``pages.py``);
later apps add theirs – services, clubs, events.

A domain app must not import ``portal`` (see DESIGN.md, "Layers"), so it describes its
kinds in a module ``search_types.py`` of its own, found at start-up::

    # services/search_types.py
    SEARCHABLE_TYPES = [
        {
            "key": "leistungen",                       # the value of ?typ=
            "label": _("Leistungen"),                  # filter and result label
            "queryset": lambda site: Service.objects.for_site(site),  # an Indexed model
            "render": lambda service, context: render_to_string(
                "services/search_result.html", {"service": service, **context.as_dict()}
            ),
        }
    ]

Code that may depend on ``portal`` calls :func:`register` with a
:class:`SearchableType` (or the same dictionary) instead.

``queryset(site)`` returns what visitors of ``site`` may find (the town's own items and
the region's, nothing of another town); the search runs Wagtail's ``.search()`` on it.
``render(obj, context)`` returns the HTML of one result (inside its ``<li>``); the
context has ``request``, ``site``, ``query``, ``words`` and ``kind``. The words can be
marked with ``portal.search.highlight.highlight(text, words)``.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
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


def register(searchable: SearchableType | Mapping[str, Any]) -> SearchableType:
    """Adds (or replaces, by key) a searchable type."""
    if not isinstance(searchable, SearchableType):
        searchable = SearchableType(**searchable)
    _types[searchable.key] = searchable
    return searchable


def discover(module_name: str = "search_types") -> list[SearchableType]:
    """Registers the ``SEARCHABLE_TYPES`` of every installed app's ``search_types.py``."""
    found = []
    for app_config in apps.get_app_configs():
        name = f"{app_config.name}.{module_name}"
        if importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        found.extend(register(item) for item in getattr(module, "SEARCHABLE_TYPES", []))
    return found


def unregister(key: str) -> None:
    _types.pop(key, None)


def get(key: str) -> SearchableType | None:
    return _types.get(key)


def types() -> list[SearchableType]:
    """Every registered type, in display order."""
    return sorted(_types.values(), key=lambda t: (t.order, t.key))
