"""Public side of the clubs: the directory of a town (or the region) with filters,
search, A–Z and pages; a club's profile page; its contact form.

The directory costs the same number of queries for 5 and for 600 clubs: the ids and
titles of every matching club come in one query (for the count, the A–Z index and the
umlaut-aware order), the shown page's clubs in one more – with categories, logo and
its renditions prefetched – and town names in one.
"""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from portal.core.outbox import queue_mail

from ..models import (
    ClubIndexPage,
    ClubPage,
    ContactVisibility,
    EventOccurrence,
    VolunteerBoardPage,
    VolunteerOpportunity,
)
from ..spam import rejected
from ..towns import scope_site_id, town_of, towns_by_site
from .forms import OTHER_LETTER, ContactForm, DirectoryFilterForm, initial_of, sort_key
from .jsonld import organization_jsonld

PER_PAGE = 24
PAGE_PARAM = "seite"
SENT_PARAM = "gesendet"
SESSION_KEY = "vereinsportal_contact_sent"
LOGO_FILTER = "max-160x160"
PHOTO_FILTERS = ("fill-480x360", "width-1600")
LETTERS = [chr(code) for code in range(ord("A"), ord("Z") + 1)]
UPCOMING_EVENTS = 5


# --- directory ------------------------------------------------------------------------


def visible_clubs(page: ClubIndexPage) -> QuerySet[ClubPage]:
    """The clubs ``page`` lists: live, public, of its town (regional site: all towns)."""
    clubs = ClubPage.objects.live().public()
    site_id = scope_site_id(page)
    if site_id is not None:
        clubs = clubs.filter(town_site_id=site_id)
    return clubs


def filtered(clubs: QuerySet, values: dict, towns: dict) -> QuerySet:
    if category := values.get("kategorie"):
        clubs = clubs.filter(categories=category)
    if group := values.get("zielgruppe"):
        clubs = clubs.filter(target_groups=group)
    if values.get("barrierefrei"):
        clubs = clubs.filter(wheelchair_accessible=True)
    if slug := values.get("stadt"):
        clubs = clubs.filter(town_site_id__in=[pk for pk, t in towns.items() if t.slug == slug])
    if query := values.get("q"):
        for word in query.split()[:8]:
            clubs = clubs.filter(Q(title__icontains=word) | Q(short_description__icontains=word))
    return clubs


def with_list_data(clubs: QuerySet) -> QuerySet:
    """What a directory entry shows, fetched per list, not per club."""
    images = get_image_model().objects.prefetch_renditions(LOGO_FILTER)
    return clubs.select_related(None).prefetch_related(
        "categories", Prefetch("logo", queryset=images)
    )


def _query_string(values: dict, **changes) -> str:
    """The filters as a query string (``changes`` override; None drops a key)."""
    params = {}
    for key, value in {**values, **changes}.items():
        if value in (None, "", False):
            continue
        if hasattr(value, "slug"):
            value = value.slug
        elif value is True:
            value = "1"
        params[key] = value
    return urlencode(params)


def directory(request: HttpRequest, page: ClubIndexPage) -> HttpResponse:
    regional = scope_site_id(page) is None
    towns = towns_by_site() if regional else {}
    town_choices = (
        sorted({(town.slug, town.name) for town in towns.values()}, key=lambda item: item[1])
        if regional
        else None
    )
    form = DirectoryFilterForm(request.GET or None, towns=town_choices)
    values = form.values() if form.is_bound else {}
    letter = values.pop("buchstabe", "")

    rows = filtered(visible_clubs(page), values, towns).distinct().values_list("pk", "title")
    rows = sorted(rows, key=lambda row: (sort_key(row[1]), row[0]))
    by_letter: dict[str, list[int]] = {}
    for pk, title in rows:
        by_letter.setdefault(initial_of(title), []).append(pk)
    ids = by_letter.get(letter, []) if letter else [pk for pk, _title in rows]

    paginator = Paginator(ids, PER_PAGE, allow_empty_first_page=True)
    try:
        page_obj = paginator.page(request.GET.get(PAGE_PARAM) or 1)
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage as error:
        raise Http404(_("Diese Seite des Vereinsverzeichnisses gibt es nicht.")) from error
    shown = list(page_obj.object_list)
    found = with_list_data(ClubPage.objects.filter(pk__in=shown)).in_bulk(shown)
    clubs = [found[pk] for pk in shown if pk in found]
    for club in clubs:
        club.town = towns.get(club.town_site_id)

    base_values = {**values, "buchstabe": letter}
    letter_links = [
        {
            "letter": char,
            "url": "?" + _query_string(values, buchstabe=char) if char in by_letter else "",
            "current": char == letter,
        }
        for char in [*LETTERS, OTHER_LETTER]
        if char != OTHER_LETTER or OTHER_LETTER in by_letter
    ]
    page_links = [
        (
            number,
            "?" + _query_string(base_values, **{PAGE_PARAM: number if number > 1 else None})
            if number != Paginator.ELLIPSIS
            else "",
        )
        for number in paginator.get_elided_page_range(page_obj.number)
    ]
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "filtered": bool(values or letter),
            "letter": letter,
            "letter_links": letter_links,
            "all_letters_url": "?" + _query_string(values) if letter else "",
            "clubs": clubs,
            "count": paginator.count,
            "page_obj": page_obj,
            "page_links": page_links,
            "ellipsis": Paginator.ELLIPSIS,
            "previous_url": dict(page_links).get(page_obj.number - 1, "")
            if page_obj.has_previous()
            else "",
            "next_url": dict(page_links).get(page_obj.number + 1, "")
            if page_obj.has_next()
            else "",
            "regional": regional,
            "register_url": page.get_url(request) + page.reverse_subpage("register"),
        }
    )
    return TemplateResponse(request, page.get_template(request), context)


# --- club page ------------------------------------------------------------------------


def upcoming_occurrences(club: ClubPage, limit: int = UPCOMING_EVENTS) -> list[EventOccurrence]:
    return list(
        EventOccurrence.objects.filter(
            club=club, end__gte=timezone.now(), event__live=True, cancelled=False
        )
        .select_related("event")
        .order_by("start", "event_id")[:limit]
    )


def volunteer_board_of(club: ClubPage) -> VolunteerBoardPage | None:
    """The Ehrenamtsbörse of the club's town (None if the town has none)."""
    site = club.town_site or club.get_site()
    if site is None:
        return None
    return VolunteerBoardPage.objects.live().descendant_of(site.root_page).first()


def _public_contact(club: ClubPage) -> dict:
    visibility = club.contact_visibility
    return {
        "name": club.contact_name if visibility != ContactVisibility.FORM_ONLY else "",
        "phone": club.contact_phone
        if visibility in (ContactVisibility.NAME_PHONE, ContactVisibility.ALL)
        else "",
        "email": club.contact_email if visibility == ContactVisibility.ALL else "",
    }


def _register_entry(club: ClubPage) -> str:
    return ", ".join(part for part in (club.register_court, club.register_number) if part)


def club_profile(request: HttpRequest, club: ClubPage) -> HttpResponse:
    images = get_image_model().objects.prefetch_renditions(*PHOTO_FILTERS)
    photos = list(club.photos.select_related(None).prefetch_related(Prefetch("image", images)))
    downloads = list(club.downloads.select_related("file"))
    chronicle = sorted(club.chronicle.all(), key=lambda entry: (entry.year, entry.sort_order or 0))
    opportunities = list(VolunteerOpportunity.objects.filter(club=club, active=True))
    board = volunteer_board_of(club) if opportunities else None
    board_url = board.get_url(request) if board else ""
    for opportunity in opportunities:
        opportunity.url = f"{board_url}{opportunity.pk}/" if board_url else ""
    contact = _public_contact(club)
    map_context = None
    if club.latitude is not None and club.longitude is not None:
        from blocks.embeds import osm_links

        map_context = {
            "value": {
                "title": _("Treffpunkt von %(club)s") % {"club": club.title},
                "description": ", ".join(
                    part
                    for part in (club.place_name, club.street, f"{club.postcode} {club.city}")
                    if part.strip()
                ),
            },
            **osm_links(club.latitude, club.longitude, 16),
        }
    club_url = club.get_url(request)
    context = club.get_context(request)
    context.update(
        {
            "club": club,
            "photos": photos,
            "downloads": downloads,
            "chronicle": chronicle,
            "categories": list(club.categories.all()),
            "target_groups": list(club.target_groups.all()),
            "occurrences": upcoming_occurrences(club),
            "opportunities": opportunities,
            "board": board,
            "contact": contact,
            "register_entry": _register_entry(club),
            "map": map_context,
            "contact_url": club_url + club.reverse_subpage("contact"),
            "events_url": club_url + club.reverse_subpage("events"),
            "feed_url": club_url + "kalender.ics",
            "jsonld": organization_jsonld(club, request, contact),
            "club_town": town_of(club),
        }
    )
    return TemplateResponse(request, club.get_template(request), context)


# --- contact form ---------------------------------------------------------------------


def _send_contact_mails(club: ClubPage, data: dict, club_url: str, town) -> None:
    context = {"club": club, "data": data, "club_url": club_url, "town": town}
    queue_mail(
        [club.contact_email],
        _("Nachricht über das Vereinsportal: %(subject)s") % {"subject": data["subject"]},
        render_to_string("vereinsportal/directory/mail/to_club.txt", context).strip() + "\n",
        reply_to=data["email"],
    )
    queue_mail(
        [data["email"]],
        _("Ihre Nachricht an %(club)s ist angekommen") % {"club": club.title},
        render_to_string("vereinsportal/directory/mail/to_sender.txt", context).strip() + "\n",
    )


def club_contact(request: HttpRequest, club: ClubPage) -> HttpResponse:
    context = club.get_context(request)
    context.update({"club": club, "club_town": town_of(club)})
    if request.method == "GET" and SENT_PARAM in request.GET:
        if request.session.get(SESSION_KEY) == club.pk:
            return TemplateResponse(request, "vereinsportal/club_contact_sent.html", context)
        return redirect(request.path)
    spam_message = None
    if request.method == "POST":
        form = ContactForm(request.POST)
        spam_message = rejected(request, "contact")
        if spam_message is None and form.is_valid():
            with transaction.atomic():
                _send_contact_mails(
                    club, form.cleaned_data, club.get_full_url(request), context["club_town"]
                )
            request.session[SESSION_KEY] = club.pk
            return redirect(f"{request.path}?{SENT_PARAM}=1")
    else:
        form = ContactForm()
    context.update({"form": form, "spam_message": spam_message})
    return TemplateResponse(request, "vereinsportal/club_contact.html", context)
