"""The admin view of requests under Art. 15 and 17 GDPR ("Auskunft und Löschung
personenbezogener Daten"), beside the command ``redi personal_data``: staff enter an
e-mail address, see per kind of data how much every app holds, download it as JSON
(the answer to an access request) or erase it after a confirmation page.

The registry searches every town: only superusers and holders of
``core.handle_personal_data_requests`` (regional data protection staff) may use it.
The pages send the address in POST bodies only – never in a URL, where access logs
and the browser history would keep it (the confirmation page also answers a GET, which
never erases).
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages as django_messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.messages import render as render_message
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import personal_data

PERMISSION = "core.handle_personal_data_requests"
URL_NAMESPACE = "personal_data"


def may_handle_requests(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(PERMISSION))
    )


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-Mail-Adresse der Person"),
        max_length=254,
        error_messages={
            "required": gettext_lazy("Bitte geben Sie die E-Mail-Adresse der Person ein."),
            "invalid": gettext_lazy(
                "Das ist keine gültige E-Mail-Adresse. Bitte prüfen Sie die Eingabe "
                "(z. B. erika.muster@example.org)."
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class PersonalDataView(WagtailAdminTemplateMixin, TemplateView):
    """Base: the permission, no caching (the pages show personal data)."""

    header_icon = "user"
    page_title = gettext_lazy("Auskunft und Löschung personenbezogener Daten")

    def dispatch(self, request, *args, **kwargs):
        if not may_handle_requests(request.user):
            raise PermissionDenied
        response = super().dispatch(request, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "index_url": reverse(f"{URL_NAMESPACE}:index"),
                "download_url": reverse(f"{URL_NAMESPACE}:download"),
                "erase_url": reverse(f"{URL_NAMESPACE}:erase"),
            }
        )
        return context


class IndexView(PersonalDataView):
    """The form; after sending it, how many items every app holds about the person."""

    template_name = "core/personal_data/index.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=EmailForm()))

    def post(self, request, *args, **kwargs):
        form = EmailForm(request.POST)
        context = {"form": form}
        if form.is_valid():
            found = personal_data.export(form.cleaned_data["email"])
            context.update(
                {
                    "email": found["email"],
                    "counts": personal_data.found_counts(found, with_empty=True),
                    "anything": bool(found["data"]),
                }
            )
        return self.render_to_response(self.get_context_data(**context))


class EraseView(PersonalDataView):
    """GET or POST without ``confirm``: what will be erased. POST with ``confirm``:
    erase in one transaction, the summary as a message, back to the form."""

    template_name = "core/personal_data/erase_confirm.html"
    page_title = gettext_lazy("Personenbezogene Daten löschen")

    def get(self, request, *args, **kwargs):
        return self.confirmation(EmailForm(request.GET or None))

    def post(self, request, *args, **kwargs):
        form = EmailForm(request.POST)
        if not form.is_valid() or request.POST.get("confirm") != "yes":
            return self.confirmation(form)
        summary = personal_data.summarise(personal_data.erase(form.cleaned_data["email"]))
        personal_data.log_erasure(summary, by=f"admin user {request.user.pk}")
        detail = ""
        if summary.lines:
            detail = format_html(
                "<ul>{}</ul>",
                format_html_join("", "<li>{}</li>", ((line,) for line in summary.lines)),
            )
        django_messages.success(request, render_message(summary.total_line, None, detail=detail))
        return redirect(f"{URL_NAMESPACE}:index")

    def confirmation(self, form: EmailForm) -> HttpResponse:
        if not form.is_bound:
            return redirect(f"{URL_NAMESPACE}:index")
        context = {"form": form}
        if form.is_valid():
            found = personal_data.export(form.cleaned_data["email"])
            context.update({"email": found["email"], "counts": personal_data.found_counts(found)})
        return self.render_to_response(self.get_context_data(**context))


@never_cache
def download(request: HttpRequest) -> HttpResponse:
    """The export as a JSON file (POST: the address stays out of the URL)."""
    if not may_handle_requests(request.user):
        raise PermissionDenied
    form = EmailForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return redirect(f"{URL_NAMESPACE}:index")
    found = personal_data.export(form.cleaned_data["email"])
    response = HttpResponse(
        json.dumps(found, ensure_ascii=False, indent=2) + "\n",
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="auskunft-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


def urlpatterns() -> list:
    return [
        path("", IndexView.as_view(), name="index"),
        path("herunterladen/", download, name="download"),
        path("loeschen/", EraseView.as_view(), name="erase"),
    ]
