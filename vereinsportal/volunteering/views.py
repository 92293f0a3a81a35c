"""Public side of the Ehrenamtsbörse: the board of a town (or the region) with filters
and pages, and an opportunity's detail page with the interest form.

Only active opportunities of live clubs are shown; a town's board shows only its own
site's opportunities (another town's id answers 404), the regional board all towns'.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from ..models import VolunteerBoardPage, VolunteerInterest, VolunteerOpportunity
from ..spam import rejected
from ..towns import scope_site_id, towns_by_site
from .forms import BoardFilterForm, InterestForm
from .mails import send_interest_mails

PER_PAGE = 20
PAGE_PARAM = "seite"
SENT_PARAM = "gesendet"
SESSION_KEY = "vereinsportal_interest_sent"


def visible_opportunities(site_id: int | None) -> QuerySet[VolunteerOpportunity]:
    """What a board of ``site_id`` may show: active, of a live club, of its town
    (``None``, the regional board: of every town)."""
    opportunities = VolunteerOpportunity.objects.filter(active=True, club__live=True)
    if site_id is not None:
        opportunities = opportunities.filter(site_id=site_id)
    return opportunities


def filtered(opportunities: QuerySet, values: dict, towns: dict) -> QuerySet:
    if category := values.get("kategorie"):
        opportunities = opportunities.filter(categories=category)
    if commitment := values.get("zeitaufwand"):
        opportunities = opportunities.filter(time_commitment=commitment)
    if group := values.get("geeignet"):
        opportunities = opportunities.filter(target_groups=group)
    if slug := values.get("stadt"):
        site_ids = [site_id for site_id, town in towns.items() if town.slug == slug]
        opportunities = opportunities.filter(site_id__in=site_ids)
    if query := values.get("q", "").strip():
        for word in query.split()[:8]:
            opportunities = opportunities.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(skills__icontains=word)
                | Q(place__icontains=word)
                | Q(club__title__icontains=word)
            )
    return opportunities


def board(request: HttpRequest, page: VolunteerBoardPage) -> HttpResponse:
    site_id = scope_site_id(page)
    regional = site_id is None
    towns = towns_by_site() if regional else {}
    town_choices = (
        sorted({(town.slug, town.name) for town in towns.values()}, key=lambda item: item[1])
        if regional
        else None
    )
    form = BoardFilterForm(request.GET or None, towns=town_choices)
    values = form.values() if form.is_bound else {}
    opportunities = (
        filtered(visible_opportunities(site_id), values, towns)
        .select_related("club")
        .prefetch_related("categories")
        .order_by("-created_at", "-pk")
    )
    paginator = Paginator(opportunities, PER_PAGE)
    page_obj = paginator.get_page(request.GET.get(PAGE_PARAM))
    items = list(page_obj.object_list)
    for item in items:
        item.town = towns.get(item.site_id)
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "filtered": bool(values),
            "opportunities": items,
            "page_obj": page_obj,
            "page_range": list(paginator.get_elided_page_range(page_obj.number)),
            "ellipsis": Paginator.ELLIPSIS,
            "count": paginator.count,
            "regional": regional,
            "page_param": PAGE_PARAM,
        }
    )
    return TemplateResponse(request, page.get_template(request), context)


def _opportunity_url(request: HttpRequest, page: VolunteerBoardPage, pk: int) -> str:
    return page.get_full_url(request) + page.reverse_subpage("opportunity", args=[pk])


def opportunity(request: HttpRequest, page: VolunteerBoardPage, pk: int) -> HttpResponse:
    site_id = scope_site_id(page)
    found = (
        visible_opportunities(site_id)
        .select_related("club", "site")
        .prefetch_related("categories", "target_groups")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    context = page.get_context(request)
    context.update(
        {
            "opportunity": found,
            "club": found.club,
            "opportunity_town": towns_by_site().get(found.site_id) if site_id is None else None,
        }
    )
    if request.method == "GET" and SENT_PARAM in request.GET:
        if request.session.get(SESSION_KEY) == found.pk:
            return TemplateResponse(request, "vereinsportal/volunteering/thanks.html", context)
        return redirect(request.path)
    spam_message = None
    if request.method == "POST":
        form = InterestForm(request.POST)
        spam_message = rejected(request, "interest")
        if spam_message is None and form.is_valid():
            with transaction.atomic():
                interest: VolunteerInterest = form.save(commit=False)
                interest.opportunity = found
                interest.save()
                send_interest_mails(interest, _opportunity_url(request, page, found.pk))
            request.session[SESSION_KEY] = found.pk
            return redirect(f"{request.path}?{SENT_PARAM}=1")
    else:
        form = InterestForm()
    context.update({"form": form, "spam_message": spam_message})
    return TemplateResponse(
        request,
        "vereinsportal/volunteering/opportunity.html",
        context,
    )
