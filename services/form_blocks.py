"""The blocks editors build application forms with: steps of fields.

Every field has a label, an optional technical name (``key``; derived from the label
when empty), a help text, required/optional and an optional condition: it is shown
only when an earlier field has a given value. ``applications/fields.py`` turns these
blocks into Django form fields.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

FILE_KINDS = [
    ("pdf", _("PDF-Dokumente")),
    ("image", _("Fotos und Scans (JPEG, PNG)")),
]


def field_key(value) -> str:
    """The technical name of a field block value."""
    return (value.get("key") or slugify(value.get("label") or "")).replace("-", "_")[:60]


class FieldBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Bezeichnung"), max_length=200)
    key = blocks.CharBlock(
        label=_("Technischer Name"),
        required=False,
        max_length=60,
        help_text=_("Leer lassen: wird aus der Bezeichnung gebildet. Für Bedingungen und Exporte."),
    )
    help_text = blocks.CharBlock(label=_("Hilfetext"), required=False, max_length=300)
    required = blocks.BooleanBlock(label=_("Pflichtfeld"), required=False, default=True)
    show_if_field = blocks.CharBlock(
        label=_("Nur anzeigen, wenn Feld …"),
        required=False,
        max_length=60,
        help_text=_("Technischer Name eines früheren Feldes (leer: immer anzeigen)."),
    )
    show_if_value = blocks.CharBlock(
        label=_("… diesen Wert hat"),
        required=False,
        max_length=200,
        help_text=_("Bei Ankreuzfeldern „ja“; bei Auswahlfeldern die Antwort."),
    )

    class Meta:
        icon = "form"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("show_if_field")) != bool(value.get("show_if_value")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "show_if_value": ValidationError(
                        _("Für eine Bedingung bitte Feld und Wert angeben (oder beides leer).")
                    )
                }
            )
        return value


class TextFieldBlock(FieldBlock):
    multiline = blocks.BooleanBlock(label=_("Mehrzeilig"), required=False)
    max_length = blocks.IntegerBlock(
        label=_("Höchstzahl Zeichen"), required=False, min_value=1, max_value=10000
    )

    class Meta:
        label = _("Text")
        icon = "pilcrow"


class EmailFieldBlock(FieldBlock):
    class Meta:
        label = _("E-Mail-Adresse")
        icon = "mail"


class PhoneFieldBlock(FieldBlock):
    class Meta:
        label = _("Telefonnummer")
        icon = "mobile-alt"


class DateFieldBlock(FieldBlock):
    allowed = blocks.ChoiceBlock(
        label=_("Erlaubte Daten"),
        choices=[
            ("any", _("beliebig")),
            ("past", _("nur Vergangenheit")),
            ("future", _("nur Zukunft")),
        ],
        default="any",
    )

    class Meta:
        label = _("Datum")
        icon = "date"


class NumberFieldBlock(FieldBlock):
    min_value = blocks.DecimalBlock(label=_("Kleinster Wert"), required=False)
    max_value = blocks.DecimalBlock(label=_("Größter Wert"), required=False)

    class Meta:
        label = _("Zahl")
        icon = "order"


class ChoiceFieldBlock(FieldBlock):
    choices = blocks.ListBlock(
        blocks.CharBlock(max_length=200), label=_("Antwortmöglichkeiten"), min_num=2
    )

    class Meta:
        label = _("Auswahl (eine Antwort)")
        icon = "radio-full"


class MultipleChoiceFieldBlock(FieldBlock):
    choices = blocks.ListBlock(
        blocks.CharBlock(max_length=200), label=_("Antwortmöglichkeiten"), min_num=2
    )

    class Meta:
        label = _("Mehrfachauswahl")
        icon = "tasks"


class CheckboxFieldBlock(FieldBlock):
    class Meta:
        label = _("Ankreuzfeld (ja/nein)")
        icon = "tick-inverse"


class ConsentFieldBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Bezeichnung"), max_length=200, default=_("Einwilligung"))
    key = blocks.CharBlock(label=_("Technischer Name"), required=False, max_length=60)
    text = blocks.RichTextBlock(
        label=_("Text der Einwilligung"), features=["bold", "italic", "link"]
    )

    class Meta:
        label = _("Einwilligung")
        icon = "doc-full"


class AddressFieldBlock(FieldBlock):
    class Meta:
        label = _("Anschrift (Straße, PLZ, Ort)")
        icon = "home"


class IbanFieldBlock(FieldBlock):
    class Meta:
        label = _("IBAN")
        icon = "doc-empty"


class FileFieldBlock(FieldBlock):
    kinds = blocks.MultipleChoiceBlock(
        label=_("Erlaubte Dateiarten"), choices=FILE_KINDS, default=["pdf", "image"]
    )
    max_files = blocks.IntegerBlock(
        label=_("Höchstzahl Dateien"), default=3, min_value=1, max_value=10
    )
    max_size_mb = blocks.IntegerBlock(
        label=_("Größe je Datei höchstens (MB)"), default=10, min_value=1, max_value=20
    )

    class Meta:
        label = _("Datei-Upload")
        icon = "upload"


class FieldsBlock(blocks.StreamBlock):
    text = TextFieldBlock()
    email = EmailFieldBlock()
    phone = PhoneFieldBlock()
    date = DateFieldBlock()
    number = NumberFieldBlock()
    choice = ChoiceFieldBlock()
    multiple_choice = MultipleChoiceFieldBlock()
    checkbox = CheckboxFieldBlock()
    consent = ConsentFieldBlock()
    address = AddressFieldBlock()
    iban = IbanFieldBlock()
    file = FileFieldBlock()

    class Meta:
        label = _("Felder")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift des Schritts"), max_length=120)
    intro = blocks.TextBlock(label=_("Einleitung"), required=False)
    fields = FieldsBlock()

    class Meta:
        icon = "list-ol"
        label = _("Schritt")


def validate_steps(stream_value) -> None:
    """Keys unique across the form; conditions refer to an earlier field."""
    seen: set[str] = set()
    for step in stream_value:
        for field in step.value["fields"]:
            key = field_key(field.value)
            if not key:
                raise ValidationError(_("Jedes Feld braucht eine Bezeichnung."))
            if key in seen:
                raise ValidationError(
                    _("Der technische Name „%(key)s“ kommt mehrfach vor.") % {"key": key}
                )
            condition = field.value.get("show_if_field")
            if condition and condition not in seen:
                raise ValidationError(
                    _(
                        "Die Bedingung des Feldes „%(label)s“ verweist auf „%(key)s“, "
                        "das kein früheres Feld ist."
                    )
                    % {"label": field.value.get("label"), "key": condition}
                )
            seen.add(key)
