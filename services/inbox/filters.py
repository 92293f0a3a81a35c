"""Filters of the case inbox: service, status, date received, assignee and town – every
choice limited to what the user may see."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from ..models import Case, CaseStatus
from ..workflow import display_name
from .access import site_ids_for, sites_for, staff_of

OPEN = "offen"
ASSIGNED_TO_ME = "mir"
ASSIGNED_TO_NOBODY = "niemand"


class CaseFilterSet(WagtailFilterSet):
    service = django_filters.ChoiceFilter(
        label=_("Leistung"), field_name="service_name", empty_label=_("Alle")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_status",
        choices=[(OPEN, _("Alle offenen")), *CaseStatus.choices],
        empty_label=_("Alle"),
        widget=forms.RadioSelect,
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("Eingegangen am"), widget=DateRangePickerWidget
    )
    assignee = django_filters.ChoiceFilter(
        label=_("Bearbeitet von"), method="filter_assignee", empty_label=_("Alle")
    )
    site = django_filters.ModelChoiceFilter(
        label=_("Stadt"), queryset=lambda request: sites_for(request.user), empty_label=_("Alle")
    )

    class Meta:
        model = Case
        fields: list[str] = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = request.user
        site_ids = site_ids_for(user)
        visible = Case.objects.for_sites(site_ids)
        names = visible.order_by("service_name").values_list("service_name", flat=True).distinct()
        self.filters["service"].extra["choices"] = [(name, name) for name in names]
        colleagues = [(str(u.pk), display_name(u)) for u in staff_of(site_ids) if u.pk != user.pk]
        self.filters["assignee"].extra["choices"] = [
            (ASSIGNED_TO_ME, _("Mir zugewiesen")),
            (ASSIGNED_TO_NOBODY, _("Niemandem zugewiesen")),
            *colleagues,
        ]
        if site_ids is not None and len(site_ids) < 2:
            del self.filters["site"]

    def filter_status(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        if value == OPEN:
            return queryset.open()
        return queryset.filter(status=value)

    def filter_assignee(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        if value == ASSIGNED_TO_ME:
            return queryset.filter(assignee=self.request.user)
        if value == ASSIGNED_TO_NOBODY:
            return queryset.filter(assignee__isnull=True)
        return queryset.filter(assignee_id=int(value))
