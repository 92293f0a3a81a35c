"""Forms of the Ehrenamtsbörse: the board's filters (GET, work without JavaScript), the
citizen's interest form and the club's opportunity form."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..forms import (
    BY_ID,
    EMAIL_ERRORS,
    EMAIL_WIDGET,
    NAME_ERRORS,
    NAME_WIDGET,
    PHONE_WIDGET,
    FilterForm,
)
from ..models import Category, TargetGroup, VolunteerInterest, VolunteerOpportunity
from ..models.volunteering import TimeCommitment

MAX_HOURS_PER_MONTH = 200


def keep_days() -> int:
    return getattr(settings, "VEREINE_INTEREST_KEEP_DAYS", 90)


class BoardFilterForm(FilterForm):
    """``?kategorie=sport&zeitaufwand=weekly&geeignet=familien&stadt=bruchsal&q=…``.
    Unknown values are left out of the filter (and reported next to the field)."""

    q = forms.CharField(label=_("Suchbegriff"), required=False, max_length=200)
    kategorie = forms.ModelChoiceField(
        label=_("Kategorie"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle Kategorien"),
    )
    zeitaufwand = forms.ChoiceField(
        label=_("Zeitaufwand"),
        choices=[("", _("beliebig")), *TimeCommitment.choices],
        required=False,
    )
    geeignet = forms.ModelChoiceField(
        label=_("Geeignet für"),
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle"),
    )
    stadt = forms.ChoiceField(label=_("Stadt"), required=False)

    def __init__(self, *args, towns=None, **kwargs):
        """``towns``: ``[(slug, name)]`` on the regional board, else None (no town filter)."""
        super().__init__(*args, **kwargs)
        if towns is None:
            del self.fields["stadt"]
        else:
            self.fields["stadt"].choices = [("", _("alle Städte")), *towns]


class InterestForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_("Ich bin einverstanden, dass meine Angaben an den Verein weitergegeben werden."),
        error_messages={
            "required": _(
                "Bitte stimmen Sie zu – sonst können wir Ihre Nachricht nicht weitergeben."
            )
        },
    )

    class Meta:
        model = VolunteerInterest
        fields = ["name", "email", "phone", "message"]
        labels = {"email": _("E-Mail-Adresse")}
        help_texts = {
            "phone": _("Freiwillig – falls der Verein Sie anrufen soll."),
            "message": _("Warum interessiert Sie die Aufgabe? Wann hätten Sie Zeit?"),
        }
        error_messages = {
            "name": NAME_ERRORS,
            "email": EMAIL_ERRORS,
            "message": {"required": _("Bitte schreiben Sie dem Verein eine kurze Nachricht.")},
        }
        widgets = {
            "name": forms.TextInput(attrs=NAME_WIDGET),
            "email": forms.EmailInput(attrs=EMAIL_WIDGET),
            "phone": forms.TextInput(attrs=PHONE_WIDGET),
            "message": forms.Textarea(attrs={"rows": 6, "maxlength": 4000}),
        }

    def clean_message(self) -> str:
        message = self.cleaned_data["message"].strip()
        if len(message) > 4000:
            raise forms.ValidationError(_("Bitte fassen Sie sich kürzer (höchstens 4000 Zeichen)."))
        return message

    def retention_text(self) -> str:
        days = keep_days()
        return ngettext(
            "Ihre Angaben erhält nur der Verein, der die Aufgabe anbietet; sie werden nach "
            "%(days)d Tag gelöscht.",
            "Ihre Angaben erhält nur der Verein, der die Aufgabe anbietet; sie werden nach "
            "%(days)d Tagen gelöscht.",
            days,
        ) % {"days": days}


class OpportunityForm(forms.ModelForm):
    class Meta:
        model = VolunteerOpportunity
        field_classes = BY_ID
        fields = [
            "title",
            "description",
            "time_commitment",
            "hours_per_month",
            "skills",
            "place",
            "starts_on",
            "categories",
            "target_groups",
            "active",
        ]
        help_texts = {
            "place": _("z. B. „Sportplatz Nord“ oder „von zu Hause aus“"),
            "starts_on": _("Leer lassen, wenn sofort oder jederzeit."),
            "active": _("Nur sichtbare Angebote erscheinen in der Ehrenamtsbörse."),
        }
        error_messages = {
            "title": {"required": _("Bitte beschreiben Sie die Aufgabe in wenigen Worten.")},
            "description": {"required": _("Bitte beschreiben Sie, was Freiwillige erwartet.")},
            "starts_on": {"invalid": _("Bitte ein Datum angeben, z. B. 01.03.2027.")},
            "hours_per_month": {"invalid": _("Bitte eine ganze Zahl angeben.")},
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "skills": forms.Textarea(attrs={"rows": 4}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "categories": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_on"].input_formats = ["%Y-%m-%d", "%d.%m.%Y"]

    def clean_starts_on(self):
        starts_on = self.cleaned_data.get("starts_on")
        if starts_on and "starts_on" in self.changed_data and starts_on < timezone.localdate():
            raise forms.ValidationError(
                _("Der Beginn liegt in der Vergangenheit. Bitte ein Datum ab heute angeben.")
            )
        return starts_on

    def clean_hours_per_month(self):
        hours = self.cleaned_data.get("hours_per_month")
        if hours is not None and not 1 <= hours <= MAX_HOURS_PER_MONTH:
            raise forms.ValidationError(
                _("Bitte eine Zahl zwischen 1 und %(max)d Stunden angeben.")
                % {"max": MAX_HOURS_PER_MONTH}
            )
        return hours
