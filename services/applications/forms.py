"""The small forms around an application: e-mail for "save and continue later",
the citizen's reply on the tracking page, and "Link verloren?"."""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

EMAIL_ERRORS = {
    "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
    "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de."),
}
REPLY_MAX_LENGTH = 5000


class SaveForm(forms.Form):
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        max_length=254,
        help_text=_("Wir senden Ihnen einen Link, mit dem Sie den Antrag fortsetzen können."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=EMAIL_ERRORS,
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Ihre Antwort"),
        max_length=REPLY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Höchstens 5000 Zeichen."),
        error_messages={
            "required": _("Bitte schreiben Sie Ihre Antwort."),
            "max_length": _(
                "Bitte höchstens %(limit_value)d Zeichen eingeben (jetzt %(show_value)d)."
            ),
        },
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Bitte schreiben Sie Ihre Antwort."))
        return text


class LostLinkForm(forms.Form):
    reference = forms.CharField(
        label=_("Vorgangsnummer"),
        max_length=30,
        help_text=_("Steht in Ihrer Eingangsbestätigung, z. B. BRU-2026-000123."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Bitte geben Sie die Vorgangsnummer an.")},
    )
    email = forms.EmailField(
        label=_("E-Mail-Adresse aus dem Antrag"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=EMAIL_ERRORS,
    )

    def clean_reference(self) -> str:
        return "".join(self.cleaned_data["reference"].split()).upper()


def error_summary(form: forms.Form | None, extra: list[str] | tuple = ()) -> list[dict]:
    """Every error of a form for the summary at the top: ``{"text", "href"}``; field
    errors link to their field."""
    items = [{"text": str(message), "href": ""} for message in extra]
    if form is None or not form.is_bound:
        return items
    for message in form.non_field_errors():
        items.append({"text": str(message), "href": ""})
    for name in form.fields:  # in the order of the form, not of validation
        errors = form.errors.get(name)
        if not errors or name == NON_FIELD_ERRORS:
            continue
        bound = form[name]
        spec = getattr(form, "field_specs", {}).get(name)
        label = spec.label if spec is not None else bound.label
        # groups of inputs (radio buttons, address) have no single label target
        target = bound.id_for_label or f"{bound.auto_id}_0"
        for message in errors:
            items.append({"text": f"{label}: {message}", "href": f"#{target}"})
    return items
