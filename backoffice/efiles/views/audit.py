"""The audit trail (Protokoll) of the E-Akte for records officers: search the entries of
their towns by Aktenzeichen, person, action, object kind and date, page through them and
download the filtered entries as CSV. Needs ``access.may_view_audit``. The trail is
read-only: there is no view to change or delete an entry.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import access
from ..models import AuditAction, AuditEntry, ObjectKind

PER_PAGE = 50
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {"invalid": gettext_lazy("Bitte ein gültiges Datum angeben (TT.MM.JJJJ).")}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class AuditFilterForm(forms.Form):
    aktenzeichen = forms.CharField(
        label=gettext_lazy("Aktenzeichen"),
        required=False,
        max_length=60,
        help_text=gettext_lazy("oder sein Anfang"),
    )
    person = forms.CharField(label=gettext_lazy("Person"), required=False, max_length=150)
    action = forms.ChoiceField(
        label=gettext_lazy("Aktion"),
        required=False,
        choices=[("", gettext_lazy("alle")), *AuditAction.choices],
    )
    object_kind = forms.ChoiceField(
        label=gettext_lazy("Objektart"),
        required=False,
        choices=[("", gettext_lazy("alle")), *ObjectKind.choices],
    )
    date_from = forms.DateField(
        label=gettext_lazy("Von"), required=False, widget=DATE_WIDGET, error_messages=DATE_ERRORS
    )
    date_to = forms.DateField(
        label=gettext_lazy("Bis"), required=False, widget=DATE_WIDGET, error_messages=DATE_ERRORS
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("Das Enddatum liegt vor dem Anfangsdatum."))
        return data

    def has_filters(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())

    def filter(self, entries: QuerySet[AuditEntry]) -> QuerySet[AuditEntry]:
        data = self.cleaned_data
        if data.get("aktenzeichen"):
            entries = entries.filter(aktenzeichen__istartswith=data["aktenzeichen"].strip())
        if data.get("person"):
            entries = entries.filter(username__icontains=data["person"].strip())
        if data.get("action"):
            entries = entries.filter(action=data["action"])
        if data.get("object_kind"):
            entries = entries.filter(object_kind=data["object_kind"])
        if data.get("date_from"):
            entries = entries.filter(timestamp__gte=_start_of(data["date_from"]))
        if data.get("date_to"):
            entries = entries.filter(timestamp__lt=_start_of(data["date_to"] + dt.timedelta(1)))
        return entries


def _start_of(day: dt.date) -> dt.datetime:
    """Midnight of ``day`` in the local time zone (so the timestamp index is used)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def entries_for(user) -> QuerySet[AuditEntry]:
    """The audit entries of the towns in which ``user`` may read the trail."""
    return AuditEntry.objects.for_sites(access.site_ids_for(user, access.VIEW_AUDIT))


class AuditMixin:
    def dispatch(self, request, *args, **kwargs):
        if not access.may_view_audit(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def filter_form(self) -> AuditFilterForm:
        return AuditFilterForm(self.request.GET or None)

    def get_queryset(self) -> QuerySet[AuditEntry]:
        entries = entries_for(self.request.user)
        form = self.filter_form
        if form.is_bound and form.is_valid():
            entries = form.filter(entries)
        return entries.order_by("-timestamp", "-pk")


class AuditIndexView(AuditMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "efiles/admin/audit_index.html"
    page_title = gettext_lazy("Protokoll der E-Akte")
    header_icon = "history"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Protokoll")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filter_form
        paginator = WagtailPaginator(self.get_queryset(), PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            {
                "filter_form": form,
                "is_filtering": form.is_bound and form.has_filters(),
                "entries": page.object_list,
                "page_obj": page,
                "paginator": paginator,
                "elided_page_range": paginator.get_elided_page_range(page.number),
                "export_query": query.urlencode() if form.is_bound and form.is_valid() else "",
            }
        )
        return context


def _cell(value) -> str:
    """Keep spreadsheet programs from running a value as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _changes(before: dict, after: dict) -> str:
    keys = [*after, *(key for key in before if key not in after)]
    return "; ".join(f"{key}: {before.get(key, '')} → {after.get(key, '')}" for key in keys)


def csv_headings() -> list[str]:
    return [
        _("Zeitpunkt"),
        _("Person"),
        _("Aktion"),
        _("Objektart"),
        _("Objekt-ID"),
        _("Aktenzeichen"),
        _("Bezeichnung"),
        _("Hinweis"),
        _("Änderung"),
    ]


def csv_row(entry: AuditEntry) -> list[str]:
    return [
        f"{timezone.localtime(entry.timestamp):%d.%m.%Y %H:%M:%S}",
        entry.username,
        str(entry.get_action_display()),
        str(entry.get_object_kind_display()),
        str(entry.object_id),
        entry.aktenzeichen,
        entry.label,
        entry.message,
        _changes(entry.before or {}, entry.after or {}),
    ]


class _Line:
    def write(self, value: str) -> str:
        return value


def entries_csv(entries: Iterable[AuditEntry]) -> Iterator[str]:
    """UTF-8 with BOM, ";" separated – as German spreadsheet programs expect."""
    writer = csv.writer(_Line(), delimiter=";")
    yield "\ufeff" + writer.writerow(csv_headings())
    for entry in entries:
        yield writer.writerow([_cell(value) for value in csv_row(entry)])


class AuditExportView(AuditIndexView):
    """The filtered entries as CSV (invalid filters: the search page with the errors)."""

    def get(self, request, *args, **kwargs):
        form = self.filter_form
        if form.is_bound and not form.is_valid():
            return super().get(request, *args, **kwargs)
        response = StreamingHttpResponse(
            entries_csv(self.get_queryset().iterator(chunk_size=2000)),
            content_type="text/csv; charset=utf-8",
        )
        filename = f"protokoll-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


urlpatterns = [
    path("protokoll/", AuditIndexView.as_view(), name="audit_index"),
    path("protokoll/export.csv", AuditExportView.as_view(), name="audit_export"),
]
