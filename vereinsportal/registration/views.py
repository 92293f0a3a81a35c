"""A citizen registers a new club: ``<Stadt>/vereine/registrieren/`` (route of the
ClubIndexPage). On the regional site the form asks for the town. Valid data is stored
as a pending ClubRegistration, the citizen and the town's moderators get a mail, and
the browser is sent on to the thanks page (POST/redirect/GET)."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from portal.core.models import TownSettings

from ..models import ClubIndexPage, ClubRegistration
from ..roles import club_index_of
from ..spam import rejected
from ..towns import scope_site_id
from .forms import RegistrationForm
from .jobs import keep_days
from .mails import send_received_mails

SENT_PARAM = "gesendet"
SESSION_KEY = "vereinsportal_registration_sent"


def target_indexes(page: ClubIndexPage) -> dict[str, tuple[str, ClubIndexPage]]:
    """Where a registration on ``page`` can go: town slug → (name, club directory)."""
    site_id = scope_site_id(page)
    towns = TownSettings.objects.filter(is_region=False).select_related("site", "site__root_page")
    if site_id is not None:
        towns = towns.filter(site_id=site_id)
        return {town.slug: (town.name, page) for town in towns}
    indexes = {}
    for town in towns.order_by("name"):
        index = club_index_of(town.site)
        if index is not None and index.live:
            indexes[town.slug] = (town.name, index)
    return indexes


def register(request: HttpRequest, page: ClubIndexPage) -> HttpResponse:
    context = page.get_context(request)
    if request.method == "GET" and SENT_PARAM in request.GET:
        sent = request.session.get(SESSION_KEY)
        if not sent:
            return redirect(request.path)
        context["registration"] = sent
        return TemplateResponse(request, "vereinsportal/registration/thanks.html", context)

    indexes = target_indexes(page)
    regional = scope_site_id(page) is None
    spam_message = None
    if request.method == "POST":
        form = RegistrationForm(request.POST, indexes=indexes, ask_town=regional)
        spam_message = rejected(request, "registration")
        if spam_message is None and form.is_valid() and form.index_page is not None:
            index = form.index_page
            with transaction.atomic():
                registration: ClubRegistration = form.save(commit=False)
                registration.index_page = index
                registration.site = index.get_site()
                registration.save()
                form.save_m2m()
                send_received_mails(registration)
            request.session[SESSION_KEY] = {
                "club_name": registration.club_name,
                "email": registration.contact_email,
                "town": str(registration.site.site_name),
            }
            return redirect(f"{request.path}?{SENT_PARAM}=1")
    else:
        form = RegistrationForm(indexes=indexes, ask_town=regional)
    context.update(
        {
            "form": form,
            "spam_message": spam_message,
            "regional": regional,
            "no_towns": not indexes,
            "keep_days": keep_days(),
        }
    )
    return TemplateResponse(request, "vereinsportal/registration/form.html", context)
