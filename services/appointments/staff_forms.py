"""Forms of the staff's appointment views: blocking time and booking by phone."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import ACTIVE_BOOKING_STATUSES, BookableOffice, Booking
from . import slots


def local(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=slots.zone())


class AccessibleErrorsMixin:
    """Fields with errors are marked invalid and point to their message."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{self[name].auto_id}-errors"


class BlockForm(AccessibleErrorsMixin, forms.Form):
    """Block a counter (or all) from – to; warns when bookings are affected."""

    counter = forms.ChoiceField(label=gettext_lazy("Schalter"))
    day = forms.DateField(
        label=gettext_lazy("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    start_time = forms.TimeField(
        label=gettext_lazy("Von (Uhrzeit)"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    end_time = forms.TimeField(
        label=gettext_lazy("Bis (Uhrzeit)"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    reason = forms.CharField(label=gettext_lazy("Grund"), max_length=200, required=False)
    confirm_overlap = forms.BooleanField(
        label=gettext_lazy("Trotzdem sperren (die gebuchten Termine bleiben bestehen)"),
        required=False,
    )

    def __init__(self, *args, office: BookableOffice, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.office = office
        self.counters = {str(c.pk): c for c in office.counters.all()}
        self.fields["counter"].choices = [("", _("Alle Schalter"))] + [
            (pk, counter.name) for pk, counter in self.counters.items()
        ]
        self.fields["counter"].required = False
        self.affected = 0

    def clean(self):
        data = super().clean()
        day, start, end = data.get("day"), data.get("start_time"), data.get("end_time")
        if day is None or start is None or end is None:
            return data
        if end <= start:
            self.add_error("end_time", _("Das Ende muss nach dem Beginn liegen."))
            return data
        data["start"], data["end"] = local(day, start), local(day, end)
        data["counter_obj"] = self.counters.get(data.get("counter") or "")
        bookings = Booking.objects.filter(
            office=self.office,
            status__in=ACTIVE_BOOKING_STATUSES,
            start__lt=data["end"],
            end__gt=data["start"],
        )
        if data["counter_obj"] is not None:
            bookings = bookings.filter(counter=data["counter_obj"])
        self.affected = bookings.count()
        if self.affected and not data.get("confirm_overlap"):
            self.add_error(
                "confirm_overlap",
                _(
                    "In dieser Zeit gibt es %(count)d gebuchte Termine. Sie werden nicht "
                    "abgesagt. Bitte bestätigen Sie, dass Sie trotzdem sperren möchten."
                )
                % {"count": self.affected},
            )
        return data


class PhoneBookingForm(AccessibleErrorsMixin, forms.Form):
    """Services and persons, a day, then a free time and the contact of the citizen."""

    day = forms.DateField(
        label=gettext_lazy("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    start = forms.ChoiceField(label=gettext_lazy("Freie Zeit"), required=False)
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200, required=False)
    phone = forms.CharField(label=gettext_lazy("Telefon"), max_length=50, required=False)
    email = forms.EmailField(label=gettext_lazy("E-Mail"), required=False)

    def __init__(self, *args, office: BookableOffice, booking: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.office = office
        self.booking = booking
        self.services = list(office.services.select_related("leistung"))
        self.person_fields = []
        for service in self.services:
            name = f"persons_{service.pk}"
            self.fields[name] = forms.IntegerField(
                label=_("%(service)s: Personen") % {"service": service.leistung.name},
                min_value=0,
                max_value=service.max_persons,
                initial=0,
                required=False,
            )
            self.person_fields.append(name)
        self.free_starts: list[dt.datetime] = []
        self.fields["start"].choices = self.start_choices()
        if not booking:
            # only searching: a time chosen for another day or services is simply ignored
            self.fields["start"].validate = lambda value: None

    def start_choices(self) -> list[tuple[str, str]]:
        """The free times for the selected services on the selected day (from the data)."""
        if not self.is_bound:
            return []
        day_field = self.fields["day"]
        try:
            day = day_field.clean(day_field.widget.value_from_datadict(self.data, {}, "day"))
            selections = self.selections_from(self.data)
        except forms.ValidationError:
            return []
        if not selections or day is None:
            return []
        calendar = slots.Calendar(self.office, day, day)
        self.free_starts = calendar.free_starts(day, slots.duration(selections))
        return [(s.isoformat(), f"{s.astimezone(slots.zone()):%H:%M}") for s in self.free_starts]

    def selections_from(self, data) -> list[slots.Selection]:
        selections = []
        for service in self.services:
            field = self.fields[f"persons_{service.pk}"]
            persons = field.clean(data.get(f"persons_{service.pk}") or 0) or 0
            if persons:
                selections.append(slots.Selection(service, persons))
        return selections

    def person_boundfields(self):
        return [self[name] for name in self.person_fields]

    def clean(self):
        data = super().clean()
        selections = [
            slots.Selection(service, data.get(f"persons_{service.pk}") or 0)
            for service in self.services
            if data.get(f"persons_{service.pk}")
        ]
        if not selections:
            raise forms.ValidationError(
                _("Bitte wählen Sie mindestens eine Leistung mit einer Personenzahl.")
            )
        data["selections"] = selections
        if not self.booking:
            return data
        if not data.get("start"):
            self.add_error("start", _("Bitte wählen Sie eine freie Zeit."))
        else:
            data["start_moment"] = dt.datetime.fromisoformat(data["start"])
        if not (data.get("name") or "").strip():
            self.add_error("name", _("Bitte geben Sie den Namen an."))
        if not data.get("phone") and not data.get("email") and "email" not in self.errors:
            self.add_error("phone", _("Bitte geben Sie eine Telefonnummer oder E-Mail an."))
        return data
