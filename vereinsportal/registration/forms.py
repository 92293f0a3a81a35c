"""The public registration form of a new club, and the staff's decision forms."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ..forms import BY_ID
from ..models import Category, ClubIndexPage, ClubPage, ClubRegistration, RegistrationStatus

REGISTER_NUMBER = re.compile(r"^\s*VR\s*(\d{1,7})\s*$", re.IGNORECASE)


def _normalised(name: str) -> str:
    return " ".join(name.split()).casefold()


def duplicate_message(index: ClubIndexPage, club_name: str) -> str | None:
    """A German message if ``club_name`` is taken in the town of ``index``: by a live
    club below it or by a registration still waiting for review."""
    wanted = _normalised(club_name)
    titles = ClubPage.objects.live().descendant_of(index).values_list("title", flat=True)
    if any(_normalised(title) == wanted for title in titles):
        return str(_("Ein Verein mit diesem Namen ist bereits eingetragen."))
    pending = ClubRegistration.objects.filter(
        index_page=index, status=RegistrationStatus.PENDING
    ).values_list("club_name", flat=True)
    if any(_normalised(name) == wanted for name in pending):
        return str(_("Ein Verein mit diesem Namen ist bereits angemeldet und wird geprüft."))
    return None


class RegistrationForm(forms.ModelForm):
    """``indexes``: the club directories a citizen may register with – one (a town's
    own site) or, on the regional site, one per town, chosen with the field "town"."""

    town = forms.ChoiceField(
        label=_("Stadt, in der der Verein aktiv ist"),
        required=True,
        error_messages={"required": _("Bitte wählen Sie die Stadt aus.")},
    )
    register_number = forms.CharField(
        label=_("Vereinsregisternummer"),
        max_length=20,
        required=False,
        help_text=_("Nur bei eingetragenen Vereinen, in der Form „VR 123456“."),
    )
    consent = forms.BooleanField(
        label=_("Ich habe den Datenschutzhinweis gelesen und bin einverstanden."),
        required=True,
        error_messages={
            "required": _("Bitte bestätigen Sie, dass Sie den Datenschutzhinweis gelesen haben.")
        },
    )

    class Meta:
        model = ClubRegistration
        field_classes = BY_ID
        fields = [
            "club_name",
            "short_description",
            "categories",
            "register_court",
            "register_number",
            "contact_name",
            "contact_email",
            "contact_phone",
            "role_in_club",
            "message",
        ]
        widgets = {
            "categories": forms.CheckboxSelectMultiple,
            "short_description": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "message": forms.Textarea(attrs={"rows": 5}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }
        help_texts = {
            "short_description": _("Ein bis zwei Sätze, die im Vereinsverzeichnis erscheinen."),
            "register_court": _("Nur bei eingetragenen Vereinen, z. B. „Amtsgericht Mannheim“."),
            "message": _("Was die Stadt sonst noch wissen sollte."),
        }
        labels = {"categories": _("Bereiche, in denen der Verein aktiv ist")}
        error_messages = {
            "club_name": {"required": _("Bitte geben Sie den Namen des Vereins an.")},
            "short_description": {
                "required": _("Bitte beschreiben Sie den Verein in ein bis zwei Sätzen."),
                "max_length": _("Bitte fassen Sie sich kürzer (höchstens 300 Zeichen)."),
            },
            "categories": {"required": _("Bitte wählen Sie mindestens einen Bereich aus.")},
            "contact_name": {"required": _("Bitte geben Sie Ihren Namen an.")},
            "contact_email": {
                "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
                "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an."),
            },
            "role_in_club": {"required": _("Bitte geben Sie Ihre Funktion im Verein an.")},
        }

    def __init__(
        self,
        *args,
        indexes: dict[str, tuple[str, ClubIndexPage]],
        ask_town: bool = False,
        **kwargs,
    ):
        """``indexes``: town slug → (town name, club directory); ``ask_town``: on the
        regional site, where the citizen chooses the town."""
        super().__init__(*args, **kwargs)
        self.indexes = indexes
        self.fields["categories"].queryset = Category.objects.order_by("sort_order", "name")
        if ask_town:
            self.fields["town"].choices = [
                ("", _("– bitte wählen –")),
                *sorted(
                    ((slug, name) for slug, (name, _page) in indexes.items()), key=lambda c: c[1]
                ),
            ]
            self.order_fields(["town"])
        else:
            del self.fields["town"]

    @property
    def index_page(self) -> ClubIndexPage | None:
        if "town" not in self.fields:
            return next((index for _name, index in self.indexes.values()), None)
        entry = self.indexes.get(self.cleaned_data.get("town") or "")
        return entry[1] if entry else None

    def clean_club_name(self) -> str:
        return " ".join(self.cleaned_data["club_name"].split())

    def clean_register_number(self) -> str:
        value = self.cleaned_data.get("register_number", "").strip()
        if not value:
            return ""
        match = REGISTER_NUMBER.match(value)
        if match is None:
            raise forms.ValidationError(
                _("Bitte die Registernummer in der Form „VR 123456“ angeben.")
            )
        return f"VR {match.group(1)}"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("register_number") and not cleaned.get("register_court", "").strip():
            self.add_error(
                "register_court",
                _("Bitte geben Sie auch das Registergericht an, z. B. „Amtsgericht Mannheim“."),
            )
        index = self.index_page if "town" not in self.errors else None
        name = cleaned.get("club_name")
        if index is not None and name:
            message = duplicate_message(index, name)
            if message:
                self.add_error("club_name", message)
        return cleaned


class RejectForm(forms.Form):
    note = forms.CharField(
        label=_("Begründung (geht an die anmeldende Person)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Bitte begründen Sie die Ablehnung.")},
    )

    def clean_note(self) -> str:
        note = self.cleaned_data["note"].strip()
        if not note:
            raise forms.ValidationError(_("Bitte begründen Sie die Ablehnung."))
        return note


class ApproveForm(forms.Form):
    note = forms.CharField(
        label=_("Notiz (nur intern)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
