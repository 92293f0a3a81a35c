"""Form pieces the public forms share: the filter-form behaviour (a wrong value is
ignored, not fatal), the person fields of contact, sign-up and interest forms, with
one wording of their labels and errors, and the multiple choice of categories and target
groups (:class:`ChoicesById`)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

NAME_ERRORS = {"required": _("Bitte geben Sie Ihren Namen an.")}
EMAIL_ERRORS = {
    "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
    "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de."),
}
NAME_WIDGET = {"autocomplete": "name"}
EMAIL_WIDGET = {"autocomplete": "email"}
PHONE_WIDGET = {"autocomplete": "tel", "type": "tel"}
YOUR_NAME = _("Ihr Name")
YOUR_EMAIL = _("Ihre E-Mail-Adresse")


def name_field(label=YOUR_NAME) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=200,
        error_messages=NAME_ERRORS,
        widget=forms.TextInput(attrs=NAME_WIDGET),
    )


def email_field(help_text, label=YOUR_EMAIL) -> forms.EmailField:
    return forms.EmailField(
        label=label,
        max_length=254,
        help_text=help_text,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs=EMAIL_WIDGET),
    )


def phone_field(help_text) -> forms.CharField:
    return forms.CharField(
        label=_("Telefon"),
        max_length=50,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs=PHONE_WIDGET),
    )


class ChoicesById(forms.ModelMultipleChoiceField):
    """Categories, target groups …: an id that is no number of at most 18 digits is refused
    as an invalid choice before it reaches the database (SQLite raises OverflowError for
    ``99999999999999999999``)."""

    def _check_values(self, value):
        for pk in value:
            text = str(pk).strip()
            if not (text.isascii() and text.isdigit() and len(text) <= 18):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": text[:40]},
                )
        return super()._check_values(value)


#: ``Meta.field_classes`` of the model forms with categories and target groups
BY_ID = {"categories": ChoicesById, "target_groups": ChoicesById}


class FilterForm(forms.Form):
    """A GET filter form: ``values()`` gives the valid filters only – a wrong value
    is left out (and shown as an error), never a failed page."""

    def values(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in (None, "", [], False)
        }
