"""Forms of the file plan admin: one plan unit, the CSV import, the Aktenzeichen settings."""

from __future__ import annotations

import re
import string

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ... import aktenzeichen, plan_csv
from ...models import PlanUnit, RecordSettings

TOWN_CODE = re.compile(r"^[0-9A-Za-zÄÖÜäöü.\-]*$")
UNIT_FIELDS = ["code", "title", "parent", "description", "retention_years", "disposal", "active"]


class PlanUnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.code} {obj.title}"


class PlanUnitForm(forms.ModelForm):
    parent = PlanUnitChoiceField(
        label=gettext_lazy("Übergeordnete Einheit"),
        queryset=PlanUnit.objects.none(),
        required=False,
        empty_label=gettext_lazy("– oberste Ebene –"),
        error_messages={"invalid_choice": gettext_lazy("Diese Einheit steht nicht zur Auswahl.")},
    )

    class Meta:
        model = PlanUnit
        fields = UNIT_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "code": {"required": gettext_lazy("Bitte ein Kennzeichen angeben.")},
            "title": {"required": gettext_lazy("Bitte eine Bezeichnung angeben.")},
            "retention_years": {
                "required": gettext_lazy("Bitte die Aufbewahrungsfrist in Jahren angeben."),
                "invalid": gettext_lazy("Bitte eine ganze Zahl von Jahren angeben."),
            },
        }

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        units = PlanUnit.objects.filter(site=site).order_by("code")
        if self.instance.pk:
            units = units.exclude(pk__in=_subtree(self.instance))
        self.fields["parent"].queryset = units
        self.fields["retention_years"].widget.attrs.update(min=0, max=200)
        self.fields["code"].widget.attrs["autocomplete"] = "off"
        if self.instance.pk:
            self.fields["code"].help_text = _(
                "Bestehende Aktenzeichen behalten das bisherige Kennzeichen."
            )
            self.fields["retention_years"].help_text = _(
                "Gilt für neue Akten; bestehende Akten behalten ihre Frist."
            )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        taken = PlanUnit.objects.filter(site=self.site, code=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("Das Kennzeichen „%(code)s“ gibt es in diesem Aktenplan schon.") % {"code": code}
            )
        return code


def _subtree(unit: PlanUnit) -> set[int]:
    """``unit`` and everything below it (not allowed as its own parent)."""
    children: dict[int, list[int]] = {}
    for pk, parent_id in PlanUnit.objects.filter(site_id=unit.site_id).values_list(
        "pk", "parent_id"
    ):
        children.setdefault(parent_id, []).append(pk)
    found, todo = set(), [unit.pk]
    while todo:
        pk = todo.pop()
        if pk not in found:
            found.add(pk)
            todo.extend(children.get(pk, []))
    return found


class ImportForm(forms.Form):
    town = forms.ChoiceField(label=gettext_lazy("Stadt"))
    file = forms.FileField(
        label=gettext_lazy("CSV-Datei"),
        error_messages={
            "required": gettext_lazy("Bitte eine CSV-Datei auswählen."),
            "empty": gettext_lazy("Die ausgewählte Datei ist leer."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Nur prüfen, nichts übernehmen"), required=False
    )

    def __init__(self, *args, towns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].choices = [(town.slug, town.name) for town in towns]
        if len(towns) == 1:
            self.fields["town"].widget = forms.HiddenInput()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > plan_csv.MAX_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist zu groß (höchstens %(mb)d MB).")
                % {"mb": plan_csv.MAX_BYTES // (1024 * 1024)}
            )
        return upload


class RecordSettingsForm(forms.ModelForm):
    class Meta:
        model = RecordSettings
        fields = ["aktenzeichen_pattern", "town_code"]
        error_messages = {
            "aktenzeichen_pattern": {"required": gettext_lazy("Bitte ein Muster angeben.")}
        }

    def __init__(self, *args, sample_code: str, longest_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.sample_code, self.longest_code = sample_code, longest_code
        self.fields["aktenzeichen_pattern"].widget.attrs.update(
            {"autocomplete": "off", "spellcheck": "false", "data-aktenzeichen-pattern": ""}
        )
        self.fields["town_code"].widget.attrs["data-aktenzeichen-town"] = ""

    def clean_aktenzeichen_pattern(self) -> str:
        """The model's check, with a plain German message for stray braces."""
        pattern = self.cleaned_data["aktenzeichen_pattern"].strip()
        try:
            aktenzeichen.validate_pattern(pattern)
        except forms.ValidationError as error:
            if getattr(error, "code", None) == "syntax":
                raise forms.ValidationError(
                    _(
                        "Das Muster ist nicht lesbar: Jede „{“ braucht eine schließende „}“, "
                        "und geschweifte Klammern stehen nur um Platzhalter wie {plan}."
                    ),
                    code="syntax",
                ) from None
            raise
        if any(conversion for *_rest, conversion in string.Formatter().parse(pattern)):
            raise forms.ValidationError(
                _("Platzhalter ohne Zusätze wie „!r“ angeben, z. B. {plan}."), code="conversion"
            )
        return pattern

    def clean_town_code(self) -> str:
        town_code = self.cleaned_data["town_code"].strip()
        if not TOWN_CODE.match(town_code):
            raise forms.ValidationError(
                _("Für das Kürzel nur Buchstaben, Ziffern, Punkt und Bindestrich verwenden.")
            )
        return town_code

    def clean(self):
        data = super().clean()
        pattern = data.get("aktenzeichen_pattern")
        if pattern and "aktenzeichen_pattern" not in self.errors:
            longest = render_example(pattern, self.longest_code, data.get("town_code", ""), 999999)
            if len(longest) > aktenzeichen.MAX_LENGTH:
                self.add_error(
                    "aktenzeichen_pattern",
                    _(
                        "Mit dem längsten Kennzeichen des Aktenplans würde das Aktenzeichen "
                        "länger als %(max)d Zeichen: %(example)s"
                    )
                    % {"max": aktenzeichen.MAX_LENGTH, "example": longest},
                )
        return data

    def example(self) -> str:
        pattern = (
            self.data.get("aktenzeichen_pattern")
            if self.is_bound
            else self.initial.get("aktenzeichen_pattern", self.instance.aktenzeichen_pattern)
        )
        town_code = (
            self.data.get("town_code", "")
            if self.is_bound
            else self.initial.get("town_code", self.instance.town_code)
        )
        try:
            aktenzeichen.validate_pattern(pattern or "")
        except forms.ValidationError:
            return ""
        return render_example(pattern, self.sample_code, town_code or "", 7)


def render_example(pattern: str, code: str, town_code: str, number: int) -> str:
    year = timezone.localdate().year
    return aktenzeichen.render(pattern, plan=code, nummer=number, jahr=year, stadt=town_code)
