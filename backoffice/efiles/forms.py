"""Forms of the records UI. They only read and check input; ``actions`` decides whether a
change is allowed and makes it (its ``RecordError`` becomes a form error)."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import OrganisationalUnit

from . import access
from .models import Akte, AkteStatus, Confidentiality, DocumentType, PlanUnit

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
REQUIRED = {"required": _("Bitte ausfüllen.")}
FILE_ERRORS = {
    "required": _("Bitte eine Datei auswählen."),
    "empty": _("Die ausgewählte Datei ist leer."),
    "invalid": _("Die Datei wurde nicht richtig übertragen. Bitte erneut auswählen."),
}
DATE_ERRORS = {
    "required": _("Bitte ein Datum angeben."),
    "invalid": _("Bitte ein gültiges Datum angeben (TT.MM.JJJJ)."),
}


def confidentiality_choices(user) -> list[tuple[int, str]]:
    """The levels ``user`` may give: up to their own clearance."""
    level = access.clearance(user)
    return [(value, label) for value, label in Confidentiality.choices if value <= level]


def org_units_for(user, site_id: int | None = None) -> QuerySet[OrganisationalUnit]:
    """The organisational units the user belongs to (all for superusers), in their towns."""
    units = OrganisationalUnit.objects.select_related("site").order_by("site_id", "name")
    if not user.is_superuser:
        units = units.filter(members=user)
        site_ids = access.site_ids_for(user)
        if site_ids is not None:
            units = units.filter(site_id__in=site_ids)
    if site_id is not None:
        units = units.filter(site_id=site_id)
    return units


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.site.site_name})"


class PlanUnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.code} {obj.title}"


class ConfidentialityField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Schutzstufe"))
        kwargs.setdefault("coerce", int)
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("Diese Schutzstufe können Sie nicht vergeben.")},
        )
        super().__init__(**kwargs)


class AkteEditForm(forms.Form):
    """Metadata of an existing file."""

    title = forms.CharField(label=_("Betreff"), max_length=255, error_messages=REQUIRED)
    description = forms.CharField(
        label=_("Beschreibung"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    org_unit = UnitChoiceField(
        label=_("Federführende Stelle"),
        queryset=OrganisationalUnit.objects.none(),
        error_messages={
            "required": _("Bitte die federführende Stelle wählen."),
            "invalid_choice": _("Bitte eine Stelle wählen, der Sie angehören."),
        },
    )
    confidentiality = ConfidentialityField()

    def __init__(self, *args, user, akte: Akte | None = None, **kwargs):
        if akte is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": akte.title,
                    "description": akte.description,
                    "org_unit": akte.org_unit_id,
                    "confidentiality": akte.confidentiality,
                },
            )
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["org_unit"].queryset = org_units_for(
            user, akte.site_id if akte is not None else None
        )
        self.fields["confidentiality"].choices = confidentiality_choices(user)


class AkteForm(AkteEditForm):
    """A new file: where in the file plan, which unit keeps it."""

    plan_unit = PlanUnitChoiceField(
        label=_("Aktenplaneinheit"),
        queryset=PlanUnit.objects.none(),
        error_messages={
            "required": _("Bitte eine Aktenplaneinheit wählen."),
            "invalid_choice": _("Diese Aktenplaneinheit steht nicht zur Auswahl."),
        },
    )
    field_order = ["plan_unit", "org_unit", "title", "description", "confidentiality"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["plan_unit"].queryset = (
            access.plan_units_for(user).filter(active=True).order_by("site_id", "code")
        )
        units = self.fields["org_unit"].queryset
        if len(units) == 1:
            self.fields["org_unit"].initial = units[0].pk

    def clean(self):
        data = super().clean()
        plan_unit, org_unit = data.get("plan_unit"), data.get("org_unit")
        if plan_unit and org_unit and plan_unit.site_id != org_unit.site_id:
            self.add_error(
                "org_unit", _("Stelle und Aktenplaneinheit gehören zu verschiedenen Städten.")
            )
        return data


class CloseForm(forms.Form):
    prefix = "close"

    closed_on = forms.DateField(
        label=_("Datum zdA"), widget=DATE_WIDGET, error_messages=DATE_ERRORS
    )
    confirm = forms.BooleanField(
        label=_("Ja, die Akte schließen. Danach kann sie nicht mehr geändert werden."),
        error_messages={"required": _("Bitte bestätigen Sie, dass die Akte geschlossen wird.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["closed_on"].initial = timezone.localdate()


class ReopenForm(forms.Form):
    prefix = "reopen"

    reason = forms.CharField(
        label=_("Grund der Wiederaufnahme"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Bitte einen Grund für die Wiederaufnahme angeben.")},
    )


class VorgangForm(forms.Form):
    title = forms.CharField(label=_("Betreff"), max_length=255, error_messages=REQUIRED)
    description = forms.CharField(
        label=_("Beschreibung"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class DokumentEditForm(forms.Form):
    """The metadata of a document."""

    title = forms.CharField(label=_("Titel"), max_length=255, error_messages=REQUIRED)
    document_type = forms.ChoiceField(
        label=_("Dokumenttyp"), choices=DocumentType.choices, initial=DocumentType.OTHER
    )
    document_date = forms.DateField(
        label=_("Datum des Schriftstücks"), widget=DATE_WIDGET, error_messages=DATE_ERRORS
    )
    sender = forms.CharField(label=_("Absender"), max_length=255, required=False)
    recipient = forms.CharField(label=_("Empfänger"), max_length=255, required=False)
    confidentiality = ConfidentialityField()

    def __init__(self, *args, user, dokument=None, **kwargs):
        if dokument is not None:
            kwargs.setdefault(
                "initial",
                {
                    name: getattr(dokument, name)
                    for name in (
                        "title",
                        "document_type",
                        "document_date",
                        "sender",
                        "recipient",
                        "confidentiality",
                    )
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["confidentiality"].choices = confidentiality_choices(user)
        self.fields["document_date"].initial = timezone.localdate


class DokumentForm(DokumentEditForm):
    """A new document with its first version."""

    file = forms.FileField(label=_("Datei"), error_messages=FILE_ERRORS)
    comment = forms.CharField(label=_("Kommentar zur Version"), max_length=500, required=False)

    def __init__(self, *args, user, akte: Akte | None = None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        if akte is not None and "confidentiality" not in self.initial:
            self.fields["confidentiality"].initial = min(
                akte.confidentiality, access.clearance(user)
            )


class VersionForm(forms.Form):
    prefix = "version"

    file = forms.FileField(label=_("Datei"), error_messages=FILE_ERRORS)
    comment = forms.CharField(label=_("Kommentar"), max_length=500, required=False)


class CheckinForm(forms.Form):
    prefix = "checkin"

    file = forms.FileField(
        label=_("Neue Version (optional)"), required=False, error_messages=FILE_ERRORS
    )
    comment = forms.CharField(label=_("Kommentar"), max_length=500, required=False)


class AkteFilterForm(forms.Form):
    """The filters of the list of files (GET)."""

    q = forms.CharField(label=_("Aktenzeichen oder Betreff"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("alle"))] + AkteStatus.choices
    )
    plan_unit = PlanUnitChoiceField(
        label=_("Aktenplaneinheit"),
        required=False,
        queryset=PlanUnit.objects.none(),
        empty_label=_("alle"),
    )
    org_unit = UnitChoiceField(
        label=_("Stelle"),
        required=False,
        queryset=OrganisationalUnit.objects.none(),
        empty_label=_("alle"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan_unit"].queryset = access.plan_units_for(user).order_by("site_id", "code")
        self.fields["org_unit"].queryset = org_units_for(user)

    def has_filters(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())

    def filter(self, akten: QuerySet[Akte]) -> QuerySet[Akte]:
        data = self.cleaned_data
        if data.get("q"):
            text = data["q"].strip()
            akten = akten.filter(Q(aktenzeichen__icontains=text) | Q(title__icontains=text))
        if data.get("status"):
            akten = akten.filter(status=data["status"])
        if data.get("plan_unit"):
            akten = akten.filter(plan_unit=data["plan_unit"])
        if data.get("org_unit"):
            akten = akten.filter(org_unit=data["org_unit"])
        return akten
