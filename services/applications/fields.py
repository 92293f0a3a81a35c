"""Django form fields for the form-builder blocks: one ``build_field()`` per block
type, with German messages (text, e-mail, phone, date, number, choice, multiple
choice, checkbox, consent, address, IBAN, files)."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from schwifty import IBAN
from schwifty.exceptions import (
    InvalidChecksumDigits,
    InvalidCountryCode,
    InvalidLength,
    SchwiftyException,
)

from ..form_blocks import FILE_KINDS
from .specs import FieldSpec

TEXT_MAX_LENGTH = 1000
MULTILINE_MAX_LENGTH = 5000
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()/\-]+$")
POSTCODE_PATTERN = re.compile(r"^\d{5}$")


class PhoneField(forms.CharField):
    def validate(self, value) -> None:
        super().validate(value)
        if value in self.empty_values:
            return
        digits = sum(char.isdigit() for char in value)
        if not PHONE_PATTERN.match(value) or digits < 3:
            raise ValidationError(
                _(
                    "Bitte geben Sie eine Telefonnummer an: nur Ziffern, Leerzeichen "
                    "und + / - ( ), z. B. 07251 79-0."
                ),
                code="invalid",
            )


class GermanDecimalField(forms.DecimalField):
    """A number typed the German way ("3,5") or the other ("3.5")."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace(",", ".")
        return super().to_python(value)


class GermanDateField(forms.DateField):
    input_formats = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d. %m. %Y"]

    def __init__(self, *args, allowed: str = "any", **kwargs):
        self.allowed = allowed
        super().__init__(*args, **kwargs)

    def validate(self, value) -> None:
        super().validate(value)
        if value in self.empty_values:
            return
        today = timezone.localdate()
        if value.year < 1900:
            raise ValidationError(_("Bitte prüfen Sie das Jahr."), code="invalid")
        if self.allowed == "past" and value > today:
            raise ValidationError(_("Das Datum darf nicht in der Zukunft liegen."), code="past")
        if self.allowed == "future" and value < today:
            raise ValidationError(
                _("Das Datum darf nicht in der Vergangenheit liegen."), code="future"
            )


class IbanField(forms.CharField):
    """An IBAN, checked with schwifty and normalised to groups of four."""

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        compact = re.sub(r"\s+", "", value).upper()
        try:
            iban = IBAN(compact)
        except InvalidChecksumDigits:
            raise ValidationError(
                _("Die Prüfziffer der IBAN stimmt nicht. Bitte prüfen Sie Ihre Eingabe."),
                code="checksum",
            ) from None
        except InvalidLength:
            raise ValidationError(
                _("Die IBAN hat nicht die richtige Länge (in Deutschland 22 Zeichen)."),
                code="length",
            ) from None
        except InvalidCountryCode:
            raise ValidationError(
                _("Die IBAN muss mit einem Ländercode beginnen, z. B. DE."), code="country"
            ) from None
        except SchwiftyException:
            raise ValidationError(
                _("Das ist keine gültige IBAN. Bitte prüfen Sie Ihre Eingabe."), code="invalid"
            ) from None
        return iban.formatted


class AddressWidget(forms.MultiWidget):
    template_name = "services/applications/widgets/address.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        widgets = [
            forms.TextInput(attrs={"autocomplete": "street-address"}),
            forms.TextInput(
                attrs={"autocomplete": "postal-code", "inputmode": "numeric", "size": "6"}
            ),
            forms.TextInput(attrs={"autocomplete": "address-level2"}),
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, dict):
            return [value.get("street", ""), value.get("postcode", ""), value.get("city", "")]
        return ["", "", ""]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = [_("Straße und Hausnummer"), _("Postleitzahl"), _("Ort")]
        for subwidget, label in zip(context["widget"]["subwidgets"], labels, strict=True):
            subwidget["label"] = label
        return context


class AddressField(forms.MultiValueField):
    """Street, five-digit German postcode and town, stored as a dict."""

    widget = AddressWidget

    def __init__(self, *, required: bool = True, label: str = "", **kwargs):
        incomplete = _("Bitte geben Sie Straße, Postleitzahl und Ort an.")
        fields = (
            forms.CharField(max_length=200, error_messages={"incomplete": incomplete}),
            forms.CharField(max_length=5, error_messages={"incomplete": incomplete}),
            forms.CharField(max_length=100, error_messages={"incomplete": incomplete}),
        )
        super().__init__(
            fields,
            required=required,
            require_all_fields=False,
            label=label,
            error_messages={"required": incomplete, "incomplete": incomplete},
            **kwargs,
        )

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        street, postcode, city = (str(part or "").strip() for part in data_list)
        if not POSTCODE_PATTERN.match(postcode):
            raise ValidationError(
                _("Bitte eine fünfstellige Postleitzahl angeben."), code="postcode"
            )
        return {"street": street, "postcode": postcode, "city": city}


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.Field):
    """Several uploads; checked by ``uploads.py`` (content type, sizes, counts)."""

    widget = MultipleFileInput

    def clean(self, value):
        if not value:
            return []
        return list(value) if isinstance(value, list | tuple) else [value]


def accepted_types(kinds) -> str:
    types = []
    if "pdf" in kinds:
        types += [".pdf", "application/pdf"]
    if "image" in kinds:
        types += [".jpg", ".jpeg", ".png", "image/jpeg", "image/png"]
    return ",".join(types)


def file_help(spec: FieldSpec) -> str:
    kinds = spec.options.get("kinds") or ["pdf", "image"]
    names = ", ".join(str(label) for key, label in FILE_KINDS if key in kinds)
    return _("Erlaubt: %(kinds)s; höchstens %(count)s Datei(en), je bis %(size)s MB.") % {
        "kinds": names,
        "count": spec.options.get("max_files") or 1,
        "size": spec.options.get("max_size_mb") or 10,
    }


def required_message(spec: FieldSpec) -> str:
    label = spec.label
    messages = {
        "choice": _("Bitte wählen Sie bei „%(label)s“ eine Antwort."),
        "multiple_choice": _("Bitte wählen Sie bei „%(label)s“ mindestens eine Antwort."),
        "checkbox": _("Bitte kreuzen Sie „%(label)s“ an."),
        "consent": _("Bitte stimmen Sie der Einwilligung zu, um den Antrag zu stellen."),
        "address": _("Bitte geben Sie Straße, Postleitzahl und Ort an."),
        "file": _("Bitte laden Sie bei „%(label)s“ mindestens eine Datei hoch."),
    }
    message = messages.get(spec.type, _("Bitte geben Sie „%(label)s“ an."))
    return message % {"label": label} if "%(label)s" in message else message


def build_field(spec: FieldSpec, *, required: bool) -> forms.Field:
    """The Django form field of one block."""
    options = spec.options
    errors = {"required": required_message(spec)}
    common = {"label": spec.label, "required": required, "help_text": spec.help_text}
    too_long = _("Bitte höchstens %(limit_value)d Zeichen eingeben (jetzt %(show_value)d).")
    kind = spec.type
    if kind == "text":
        multiline = bool(options.get("multiline"))
        max_length = options.get("max_length") or (
            MULTILINE_MAX_LENGTH if multiline else TEXT_MAX_LENGTH
        )
        widget = forms.Textarea(attrs={"rows": 5}) if multiline else forms.TextInput()
        autocomplete = {
            "vorname": "given-name",
            "nachname": "family-name",
            "name": "name",
        }.get(spec.key)
        if autocomplete:
            widget.attrs["autocomplete"] = autocomplete
        return forms.CharField(
            max_length=max_length,
            widget=widget,
            error_messages={**errors, "max_length": too_long},
            **common,
        )
    if kind == "email":
        return forms.EmailField(
            max_length=254,
            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
            error_messages={
                **errors,
                "invalid": _(
                    "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de."
                ),
                "max_length": too_long,
            },
            **common,
        )
    if kind == "phone":
        return PhoneField(
            max_length=40,
            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            error_messages={**errors, "max_length": too_long},
            **common,
        )
    if kind == "date":
        allowed = options.get("allowed") or "any"
        # the browser's date picker offers only what the field accepts
        attrs = {"type": "date"}
        if allowed in ("past", "future"):
            attrs["max" if allowed == "past" else "min"] = timezone.localdate().isoformat()
        return GermanDateField(
            allowed=allowed,
            widget=forms.DateInput(attrs=attrs, format="%Y-%m-%d"),
            error_messages={
                **errors,
                "invalid": _("Bitte geben Sie ein gültiges Datum an, z. B. 31.12.2025."),
            },
            **common,
        )
    if kind == "number":
        return GermanDecimalField(
            min_value=options.get("min_value"),
            max_value=options.get("max_value"),
            max_digits=15,
            decimal_places=4,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            error_messages={
                **errors,
                "invalid": _("Bitte geben Sie eine Zahl an, z. B. 3 oder 2,5."),
                "min_value": _("Bitte geben Sie mindestens %(limit_value)s an."),
                "max_value": _("Bitte geben Sie höchstens %(limit_value)s an."),
                "max_digits": _("Die Zahl ist zu lang."),
                "max_decimal_places": _("Bitte höchstens %(max)s Nachkommastellen angeben."),
                "max_whole_digits": _("Die Zahl ist zu groß."),
            },
            **common,
        )
    if kind in {"choice", "multiple_choice"}:
        choices = [(str(choice), str(choice)) for choice in options.get("choices") or []]
        invalid = _("Bitte wählen Sie eine der angebotenen Antworten.")
        if kind == "choice":
            return forms.ChoiceField(
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={**errors, "invalid_choice": invalid},
                **common,
            )
        return forms.MultipleChoiceField(
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages={**errors, "invalid_choice": invalid, "invalid_list": invalid},
            **common,
        )
    if kind in {"checkbox", "consent"}:
        boolean = forms.BooleanField(error_messages=errors, **common)
        if kind == "consent":
            boolean.label = _("Ich stimme zu.")
        return boolean
    if kind == "address":
        return AddressField(required=required, label=spec.label, help_text=spec.help_text)
    if kind == "iban":
        return IbanField(
            max_length=50,
            widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            error_messages=errors,
            **common,
        )
    if kind == "file":
        kinds = options.get("kinds") or ["pdf", "image"]
        help_text = " ".join(filter(None, [spec.help_text, file_help(spec)]))
        return MultipleFileField(
            label=spec.label,
            required=False,  # counted against the stored files by uploads.py
            help_text=help_text,
            widget=MultipleFileInput(attrs={"accept": accepted_types(kinds)}),
        )
    raise ValueError(f"unknown field type {kind!r}")
