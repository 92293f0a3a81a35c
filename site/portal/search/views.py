"""The search page of a town and its autocomplete endpoint."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Site

from portal.pagecache import policy as page_cache

from . import engine, query, scope, suggest

PAGE_SIZE = 10
AUTOCOMPLETE_LIMIT = 8
AUTOCOMPLETE_MIN_LENGTH = 2


def _url(**params: str | int) -> str:
    return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None, 1)})


def _page(items: list, number: str | None):
    paginator = Paginator(items, PAGE_SIZE)
    try:
        return paginator.page(number or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    page_cache.allow(request)  # the same for every anonymous visitor (counts only misses)
    site = Site.find_for_request(request)
    raw = request.GET.get("q", "")
    shown = query.echo(raw)
    words = query.words(raw)
    cleaned = " ".join(words)
    selected = request.GET.get("typ", "")
    context: dict = {
        "query": shown,
        "searched": bool(shown),
        "words": words,
        "selected_kind": "",
        "hits": None,
        "total": 0,
        "kinds": [],
        "promotions": [],
        "suggestion": None,
        "suggestion_url": "",
        "capped": False,
    }
    if cleaned:
        promotions = engine.promotions(request, site, shown)
        promoted_pages = {p.page.pk for p in promotions if p.page is not None}
        outcome = engine.search(site, cleaned, exclude_pages=promoted_pages)
        kinds = outcome.kinds
        if selected not in {kind.key for kind, _count in kinds}:
            selected = ""
        hits = outcome.of_kind(selected) if selected else outcome.hits
        page_obj = _page(hits, request.GET.get("seite"))
        engine.render(request, site, cleaned, words, page_obj.object_list)
        if page_obj.number == 1 and not selected:
            Query.get(shown).add_hit()
        context.update(
            selected_kind=selected,
            hits=page_obj,
            total=len(hits) + (len(promotions) if not selected else 0),
            promotions=promotions if page_obj.number == 1 and not selected else [],
            capped=outcome.capped,
            all_url=_url(q=shown),
            all_count=len(outcome.hits) + len(promotions),
            kinds=[
                {
                    "kind": kind,
                    "count": count,
                    "url": _url(q=shown, typ=kind.key),
                    "selected": kind.key == selected,
                }
                for kind, count in kinds
            ],
            previous_url=(
                _url(q=shown, typ=selected, seite=page_obj.previous_page_number())
                if page_obj.has_previous()
                else ""
            ),
            next_url=(
                _url(q=shown, typ=selected, seite=page_obj.next_page_number())
                if page_obj.has_next()
                else ""
            ),
            page_urls=[
                (number, _url(q=shown, typ=selected, seite=number))
                for number in page_obj.paginator.get_elided_page_range(
                    page_obj.number, on_each_side=2, on_ends=1
                )
            ],
        )
        if not hits and not promotions:
            better = suggest.better_spelling(site, words)
            if better and engine.has_hits(site, query.clean(better)):
                context.update(suggestion=better, suggestion_url=_url(q=better))
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def autocomplete(request: HttpRequest) -> JsonResponse:
    """Up to eight page titles of the site and the region for what was typed so far.

    ``?q=`` with at least two characters; more than one ``q`` or an overlong one gets
    a 400 with a message, anything else that finds nothing an empty list.
    Answers are kept in the page cache: typing the same letters again costs no query.
    """
    page_cache.allow(request)
    values = request.GET.getlist("q")
    if len(values) > 1:
        return JsonResponse({"error": _("Bitte nur einen Suchbegriff angeben.")}, status=400)
    raw = values[0] if values else ""
    if len(raw) > query.MAX_LENGTH:
        return JsonResponse(
            {"error": _("Der Suchbegriff ist zu lang (höchstens 100 Zeichen).")}, status=400
        )
    cleaned = query.clean(raw)
    if len(cleaned) < AUTOCOMPLETE_MIN_LENGTH:
        return JsonResponse([], safe=False)
    site = Site.find_for_request(request)
    titles: list[str] = []
    for page in scope.pages(site).autocomplete(cleaned)[: AUTOCOMPLETE_LIMIT * 3]:
        if page.title not in titles:
            titles.append(page.title)
        if len(titles) == AUTOCOMPLETE_LIMIT:
            break
    return JsonResponse(titles, safe=False)
