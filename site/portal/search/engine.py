"""Runs a query over every registered type for one site: hits, kinds, promotions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from . import registry, scope
from .pages import summary

MAX_HITS = 100  # per type: ten pages of results; past that the visitor should refine
OPERATOR = "and"


@dataclass
class Hit:
    searchable: registry.SearchableType
    obj: Any
    kind: registry.Kind
    html: str = ""


@dataclass(frozen=True)
class Promotion:
    """A result an editor pinned for this query ("Empfehlung")."""

    title: str
    url: str
    description: str
    page: Page | None = None


@dataclass
class Outcome:
    hits: list[Hit] = field(default_factory=list)
    capped: bool = False

    @property
    def kinds(self) -> list[tuple[registry.Kind, int]]:
        """Every kind among the hits with its number of hits, the most frequent first."""
        counts = Counter(hit.kind for hit in self.hits)
        return sorted(counts.items(), key=lambda item: (-item[1], str(item[0].label)))

    def of_kind(self, key: str) -> list[Hit]:
        return [hit for hit in self.hits if hit.kind.key == key]


def results(queryset, query: str, backend=None, *, order_by_relevance: bool = True):
    """Wagtail's search over ``queryset``: every word must match, best first.

    ``backend`` (an instance) defaults to ``WAGTAILSEARCH_BACKENDS["default"]``.
    """
    options = {"operator": OPERATOR, "order_by_relevance": order_by_relevance}
    if backend is None:
        return queryset.search(query, **options)
    return backend.search(query, queryset, **options)


def search(site: Site | None, query: str, *, exclude_pages: set[int] | None = None) -> Outcome:
    """The hits of ``query`` (cleaned words) for visitors of ``site``, by relevance per type."""
    outcome = Outcome()
    if not query:
        return outcome
    exclude_pages = exclude_pages or set()
    for searchable in registry.types():
        found = list(results(searchable.queryset(site), query)[: MAX_HITS + 1])
        if len(found) > MAX_HITS:
            outcome.capped = True
            found = found[:MAX_HITS]
        for obj in found:
            if isinstance(obj, Page) and obj.pk in exclude_pages:
                continue
            outcome.hits.append(Hit(searchable, obj, searchable.kind_of(obj)))
    return outcome


def has_hits(site: Site | None, query: str) -> bool:
    return bool(query) and any(
        results(searchable.queryset(site), query, order_by_relevance=False)[:1]
        for searchable in registry.types()
    )


def promotions(request: HttpRequest, site: Site | None, query: str) -> list[Promotion]:
    """Search promotions for ``query`` that visitors of ``site`` may see, in editors' order.

    A promoted page of another town is left out; external links are region-wide.
    """
    normalised = normalise_query_string(query)
    if not normalised:
        return []
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalised).order_by("sort_order", "pk")
    )
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    allowed = (
        {page.pk: page for page in scope.pages(site).filter(pk__in=page_ids).specific()}
        if page_ids
        else {}
    )
    result = []
    for pick in picks:
        if pick.page_id:
            page = allowed.get(pick.page_id)
            if page is not None:
                result.append(
                    Promotion(
                        title=page.title,
                        url=page.get_url(request),
                        description=pick.description or summary(page),
                        page=page,
                    )
                )
        elif pick.external_link_url:
            result.append(
                Promotion(
                    title=pick.external_link_text or pick.external_link_url,
                    url=pick.external_link_url,
                    description=pick.description,
                )
            )
    return result


def render(
    request: HttpRequest, site: Site | None, query: str, words: list[str], hits: Iterable[Hit]
) -> None:
    """Fills ``hit.html`` for the hits shown, loading what each type needs in bulk."""
    by_type: dict[str, list[Hit]] = {}
    for hit in hits:
        by_type.setdefault(hit.searchable.key, []).append(hit)
    for group in by_type.values():
        searchable = group[0].searchable
        objs = searchable.prepared([hit.obj for hit in group])
        for hit, obj in zip(group, objs, strict=True):
            hit.obj = obj
            context = registry.RenderContext(request, site, query, words, hit.kind)
            hit.html = searchable.render(obj, context)
