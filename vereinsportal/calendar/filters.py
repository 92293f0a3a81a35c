"""The filter form of the calendar (a GET form that works without JavaScript) and how
its values narrow the occurrences."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ..forms import FilterForm
from ..models import Category, ClubPage, EventPage
from ..recurrence import BERLIN

MAX_RANGE_DAYS = 3 * 366


class CalendarFilterForm(FilterForm):
    von = forms.DateField(
        label=_("Von"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Bitte ein Datum wie 2026-12-03 angeben.")},
    )
    bis = forms.DateField(
        label=_("Bis"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Bitte ein Datum wie 2026-12-31 angeben.")},
    )
    kategorie = forms.ChoiceField(label=_("Kategorie"), required=False)
    verein = forms.TypedChoiceField(label=_("Verein"), required=False, coerce=int, empty_value=None)
    stadt = forms.ChoiceField(label=_("Stadt"), required=False)
    kostenlos = forms.BooleanField(
        label=_("Nur Veranstaltungen mit freiem Eintritt"), required=False
    )
    barrierefrei = forms.BooleanField(label=_("Nur barrierefrei zugängliche"), required=False)

    def __init__(self, *args, site_id: int | None, towns: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kategorie"].choices = [("", _("alle Kategorien"))] + list(
            Category.objects.values_list("slug", "name")
        )
        clubs = ClubPage.objects.live().order_by("title")
        if site_id is not None:
            clubs = clubs.filter(town_site_id=site_id)
        self.fields["verein"].choices = [("", _("alle Vereine"))] + list(
            clubs.values_list("pk", "title")
        )
        if towns:
            self.fields["stadt"].choices = [("", _("alle Städte"))] + sorted(
                {(town.slug, town.name) for town in towns.values()}, key=lambda item: item[1]
            )
        else:
            del self.fields["stadt"]
        for name in ("von", "bis"):
            self.fields[name].widget.attrs["aria-describedby"] = "filter-datumshinweis"

    def clean(self):
        data = super().clean()
        start, end = data.get("von"), data.get("bis")
        if start and end and end < start:
            self.add_error("bis", _("„Bis“ darf nicht vor „Von“ liegen."))
        elif start and end and (end - start).days > MAX_RANGE_DAYS:
            self.add_error("bis", _("Bitte höchstens drei Jahre auf einmal wählen."))
        return data


def apply(occurrences: QuerySet, values: dict, towns: dict | None = None) -> QuerySet:
    """Narrow ``occurrences`` (EventOccurrence) by the form values (no join per item)."""
    if start := values.get("von"):
        occurrences = occurrences.filter(
            end__gte=dt.datetime.combine(start, dt.time(), tzinfo=BERLIN)
        )
    if end := values.get("bis"):
        occurrences = occurrences.filter(
            start__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=BERLIN)
        )
    if slug := values.get("kategorie"):
        occurrences = occurrences.filter(
            event_id__in=EventPage.categories.through.objects.filter(category__slug=slug).values(
                "eventpage_id"
            )
        )
    if club := values.get("verein"):
        occurrences = occurrences.filter(club_id=club)
    if slug := values.get("stadt"):
        site_ids = [site_id for site_id, town in (towns or {}).items() if town.slug == slug]
        occurrences = occurrences.filter(site_id__in=site_ids)
    if values.get("kostenlos"):
        occurrences = occurrences.filter(is_free=True)
    if values.get("barrierefrei"):
        occurrences = occurrences.filter(wheelchair_accessible=True)
    return occurrences
