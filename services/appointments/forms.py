"""Forms of the citizen's booking: the details of the person booking."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class DetailsForm(forms.Form):
    """The chosen start time and who comes; ``times`` are the free starts ("HH:MM")."""

    zeit = forms.ChoiceField(
        label=_("Uhrzeit"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie eine Uhrzeit."),
            "invalid_choice": _(
                "Diese Uhrzeit ist nicht (mehr) frei. Bitte wählen Sie eine andere Uhrzeit."
            ),
        },
    )
    name = forms.CharField(
        label=_("Vor- und Nachname"),
        max_length=200,
        error_messages={"required": _("Bitte geben Sie Ihren Namen an.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Telefon (freiwillig)"),
        max_length=50,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    consent = forms.BooleanField(
        label=_("Ich bin mit der Speicherung meiner Angaben für diesen Termin einverstanden."),
        error_messages={
            "required": _("Bitte stimmen Sie der Speicherung Ihrer Angaben für den Termin zu.")
        },
    )

    def __init__(self, *args, times: list[str] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["zeit"].choices = [(value, value) for value in times]
        for name, field in self.fields.items():
            if name != "zeit" and self.is_bound and name in self.errors:
                field.widget.attrs["aria-invalid"] = "true"
