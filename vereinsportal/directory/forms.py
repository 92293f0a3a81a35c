"""Forms of the club directory: the filters (a GET form that works without JavaScript)
and the contact form of a club page."""

from __future__ import annotations

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from ..forms import FilterForm, email_field, name_field
from ..models import Category, TargetGroup

MAX_QUERY = 100
OTHER_LETTER = "#"


def sort_key(title: str) -> str:
    """German-friendly sort key: umlauts as their base letter (Ä → A), ß → ss, no case."""
    decomposed = unicodedata.normalize("NFKD", title.replace("ß", "ss"))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def initial_of(title: str) -> str:
    """The letter a club is listed under in the A–Z index (``#`` for digits and signs)."""
    for char in sort_key(title.strip()):
        if char.isalnum():
            letter = char.upper()
            return letter if "A" <= letter <= "Z" else OTHER_LETTER
    return OTHER_LETTER


class DirectoryFilterForm(FilterForm):
    """``?q=…&kategorie=sport&stadt=bruchsal&zielgruppe=familien&barrierefrei=1&buchstabe=B``.
    A value that makes no sense is left out of the filter, never an error page."""

    q = forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY}),
    )
    kategorie = forms.ModelChoiceField(
        label=_("Kategorie"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle Kategorien"),
    )
    stadt = forms.ChoiceField(label=_("Stadt"), required=False)
    zielgruppe = forms.ModelChoiceField(
        label=_("Zielgruppe"),
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle Zielgruppen"),
    )
    barrierefrei = forms.BooleanField(
        label=_("Nur Vereine mit barrierefreiem Treffpunkt"), required=False
    )
    buchstabe = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, towns: list[tuple[str, str]] | None = None, **kwargs):
        """``towns``: ``[(slug, name)]`` in the regional directory, else None (no town filter)."""
        super().__init__(*args, **kwargs)
        if towns is None:
            del self.fields["stadt"]
        else:
            self.fields["stadt"].choices = [("", _("alle Städte")), *towns]

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data.get("q", "").split())[:MAX_QUERY]

    def clean_barrierefrei(self) -> bool:
        """Only "1", "on", "true" or "ja" mean yes – other words do not switch it on."""
        raw = str(self.data.get(self.add_prefix("barrierefrei"), "")).strip().lower()
        return raw in {"1", "on", "true", "ja"}

    def clean_buchstabe(self) -> str:
        value = self.cleaned_data.get("buchstabe", "").strip()
        if not value:
            return ""
        if value == OTHER_LETTER:
            return OTHER_LETTER
        letter = sort_key(value).upper()
        if len(letter) != 1 or not ("A" <= letter <= "Z"):
            raise forms.ValidationError(_("Bitte einen Buchstaben von A bis Z wählen."))
        return letter


class ContactForm(forms.Form):
    """A message to a club. It is mailed to the club and not stored."""

    name = name_field()
    email = email_field(_("Der Verein antwortet Ihnen an diese Adresse."))
    subject = forms.CharField(
        label=_("Betreff"),
        max_length=200,
        error_messages={
            "required": _("Bitte geben Sie einen Betreff an."),
            "max_length": _("Der Betreff darf höchstens %(limit_value)d Zeichen lang sein."),
        },
    )
    message = forms.CharField(
        label=_("Ihre Nachricht"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Bitte schreiben Sie eine Nachricht."),
            "max_length": _("Die Nachricht darf höchstens %(limit_value)d Zeichen lang sein."),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass mein Name, meine E-Mail-Adresse und meine Nachricht "
            "an den Verein weitergegeben werden."
        ),
        error_messages={
            "required": _(
                "Bitte stimmen Sie der Weitergabe zu – sonst können wir Ihre Nachricht nicht "
                "an den Verein senden."
            )
        },
    )

    def clean_subject(self) -> str:
        return " ".join(self.cleaned_data["subject"].split())
