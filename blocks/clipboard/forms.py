"""Forms of the clipboard: which block to copy, where to paste."""

from __future__ import annotations

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .operations import BlockInfo, StreamFieldInfo

START = "start"
END = "end"


class CopyForm(forms.Form):
    """Picks one block of the listed page by field and index (and checks its id, so a page
    changed in the meantime does not copy the wrong block)."""

    field_name = forms.CharField(max_length=255)
    index = forms.IntegerField(min_value=0)
    block_id = forms.CharField(max_length=64, required=False)

    def __init__(self, *args, blocks: list[BlockInfo], **kwargs):
        super().__init__(*args, **kwargs)
        self.blocks = blocks
        self.block: BlockInfo | None = None

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            raise forms.ValidationError(_("Dieser Block konnte nicht kopiert werden."))
        block = next(
            (
                b
                for b in self.blocks
                if b.field_name == cleaned["field_name"] and b.index == cleaned["index"]
            ),
            None,
        )
        if block is None or (cleaned.get("block_id") and block.id != cleaned["block_id"]):
            raise forms.ValidationError(
                _("Diesen Block gibt es nicht mehr. Die Seite wurde inzwischen geändert.")
            )
        self.block = block
        return cleaned


class PasteForm(forms.Form):
    """Target StreamField and position for one clipboard item."""

    field_name = forms.ChoiceField(label=_("Feld"))
    position = forms.ChoiceField(
        label=_("Position"),
        error_messages={"invalid_choice": _("Bitte eine der angebotenen Positionen wählen.")},
    )

    def __init__(
        self,
        *args,
        fields: list[StreamFieldInfo],
        blocks: list[BlockInfo],
        block_type: str = "",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.stream_fields = fields
        self.blocks = blocks
        self.fields["field_name"].choices = [(f.name, f.label) for f in fields]
        self.fields["field_name"].error_messages["invalid_choice"] = _(
            "Bitte eines der angebotenen Felder wählen."
        )
        self.fields["position"].choices = self._position_choices()
        accepting = [f.name for f in fields if block_type in f.stream_block.child_blocks]
        self.initial.setdefault("field_name", (accepting or [f.name for f in fields] or [""])[0])
        self.initial.setdefault("position", END)

    def _position_choices(self) -> list:
        choices: list = [(START, _("am Anfang")), (END, _("am Ende"))]
        for field in self.stream_fields:
            options = [
                (
                    f"{field.name}:{block.position}",
                    _("nach Block %(number)s: %(label)s – %(summary)s")
                    % {
                        "number": block.position,
                        "label": block.label,
                        "summary": Truncator(block.summary).chars(60) or "…",
                    },
                )
                for block in self.blocks
                if block.field_name == field.name
            ]
            if len(self.stream_fields) > 1:
                if options:
                    choices.append((field.label, options))
            else:
                choices.extend(options)
        return choices

    def clean(self):
        cleaned = super().clean()
        field_name, position = cleaned.get("field_name"), cleaned.get("position")
        if not field_name or not position:
            return cleaned
        count = sum(1 for b in self.blocks if b.field_name == field_name)
        if position == START:
            cleaned["index"] = 0
        elif position == END:
            cleaned["index"] = count
        else:
            position_field, _sep, number = position.rpartition(":")
            if position_field != field_name:
                label = next((f.label for f in self.stream_fields if f.name == position_field), "")
                self.add_error(
                    "position",
                    _("Diese Position liegt im Feld „%(field)s“, nicht im gewählten Feld.")
                    % {"field": label or position_field},
                )
                return cleaned
            if not number.isdigit() or not 1 <= int(number) <= count:
                self.add_error("position", _("Bitte eine der angebotenen Positionen wählen."))
                return cleaned
            cleaned["index"] = int(number)
        return cleaned
