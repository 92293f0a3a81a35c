"""The citizen's sign-up form (one date of an event) and the club's date selector."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..forms import email_field, name_field, phone_field


def keep_days() -> int:
    return getattr(settings, "VEREINE_SIGNUP_KEEP_DAYS", 30)


class SignupForm(forms.Form):
    name = name_field()
    email = email_field(
        _("Dorthin schicken wir die Bestätigung und den Link zum Abmelden."),
        label=_("E-Mail-Adresse"),
    )
    phone = phone_field(_("Freiwillig – falls der Verein Sie kurzfristig erreichen muss."))
    places = forms.TypedChoiceField(
        label=_("Anzahl Plätze"),
        coerce=int,
        error_messages={
            "required": _("Bitte wählen Sie die Anzahl der Plätze."),
            "invalid_choice": _("Bitte wählen Sie eine Anzahl aus der Liste."),
        },
    )
    note = forms.CharField(
        label=_("Anmerkung"),
        max_length=500,
        required=False,
        help_text=_(
            "Freiwillig – z. B. Namen der weiteren Personen oder eine Frage an den Verein."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("Bitte fassen Sie sich kürzer (höchstens %(limit_value)d Zeichen).")
        },
    )
    consent = forms.BooleanField(
        label=_("Ich bin einverstanden, dass der Verein meine Angaben für diese Anmeldung nutzt."),
        error_messages={
            "required": _("Bitte stimmen Sie zu – sonst können wir Ihre Anmeldung nicht annehmen.")
        },
    )

    def __init__(self, *args, event=None, auto_id="anmeldung_%s", **kwargs):
        super().__init__(*args, auto_id=auto_id, **kwargs)
        maximum = max(1, (event.max_places_per_signup if event else 1) or 1)
        self.fields["places"].choices = [(n, str(n)) for n in range(1, maximum + 1)]
        self.fields["places"].initial = 1
        days = keep_days()
        self.fields["consent"].help_text = ngettext(
            "Nur der Verein sieht Ihre Angaben. Sie werden %(days)d Tag nach dem Termin gelöscht.",
            "Nur der Verein sieht Ihre Angaben. Sie werden %(days)d Tage nach dem Termin gelöscht.",
            days,
        ) % {"days": days}

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Bitte geben Sie Ihren Namen an."))
        return name


class OccurrenceChoiceForm(forms.Form):
    """``?termin=<id>`` on the participant list – the club chooses a date."""

    termin = forms.TypedChoiceField(label=_("Termin"), coerce=int, required=False)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["termin"].choices = list(choices)
