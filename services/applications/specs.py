"""What an application form asks, read from its blocks (``services.form_blocks``):
steps and fields as plain specs, the conditions between fields, and how answers are
stored (JSON in the draft and the case) and shown (review page, case, mail).

Conditions: a field with ``show_if_field``/``show_if_value`` is asked only when the
earlier field has that value (conditions may chain).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ..form_blocks import field_key

YES_VALUES = {"ja", "yes", "true", "1", "x", "on"}


@dataclass(frozen=True)
class FieldSpec:
    """One field of an application form, read from its block."""

    key: str
    type: str
    label: str
    step: int
    help_text: str = ""
    required: bool = True
    show_if_field: str = ""
    show_if_value: str = ""
    options: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def is_conditional(self) -> bool:
        return bool(self.show_if_field)

    @property
    def is_file(self) -> bool:
        return self.type == "file"


@dataclass
class StepSpec:
    index: int  # 0-based
    title: str
    intro: str
    fields: list[FieldSpec]

    @property
    def number(self) -> int:
        return self.index + 1


def form_steps(application_form) -> list[StepSpec]:
    """The steps of an application form with their field specs."""
    steps = []
    for index, step in enumerate(application_form.steps):
        specs = []
        for child in step.value["fields"]:
            value = child.value
            specs.append(
                FieldSpec(
                    key=field_key(value),
                    type=child.block_type,
                    label=str(value.get("label") or ""),
                    step=index,
                    help_text=str(value.get("help_text") or ""),
                    required=True if child.block_type == "consent" else bool(value.get("required")),
                    show_if_field=str(value.get("show_if_field") or "").strip(),
                    show_if_value=str(value.get("show_if_value") or "").strip(),
                    options=dict(value),
                )
            )
        steps.append(
            StepSpec(
                index=index,
                title=str(step.value.get("title") or ""),
                intro=str(step.value.get("intro") or ""),
                fields=specs,
            )
        )
    return steps


def all_fields(steps: list[StepSpec]) -> dict[str, FieldSpec]:
    return {spec.key: spec for step in steps for spec in step.fields}


# --- conditions ---------------------------------------------------------------------
def value_matches(value, expected: str) -> bool:
    """Whether an answer equals the value a condition asks for (case-insensitive;
    "ja"/"nein" for checkboxes, any of the answers of a multiple choice)."""
    expected = (expected or "").strip().casefold()
    if isinstance(value, bool):
        return (expected in YES_VALUES) if value else (expected not in YES_VALUES)
    if isinstance(value, list | tuple):
        return any(str(item).strip().casefold() == expected for item in value)
    if value is None:
        return False
    return str(value).strip().casefold() == expected


def is_visible(spec: FieldSpec, answers: dict, specs: dict[str, FieldSpec]) -> bool:
    """Whether a field is asked, given the answers so far (conditions may chain)."""
    seen: set[str] = set()
    current = spec
    while current.is_conditional:
        if current.key in seen:
            return False
        seen.add(current.key)
        controlling = specs.get(current.show_if_field)
        if controlling is None:
            return False
        if not value_matches(answers.get(controlling.key), current.show_if_value):
            return False
        current = controlling
    return True


def condition_hint(spec: FieldSpec, specs: dict[str, FieldSpec]) -> str:
    controlling = specs.get(spec.show_if_field)
    label = controlling.label if controlling else spec.show_if_field
    if controlling is not None and controlling.type == "checkbox":
        if spec.show_if_value.casefold() in YES_VALUES:
            return _("Nur ausfüllen, wenn „%(label)s“ angekreuzt ist.") % {"label": label}
        return _("Nur ausfüllen, wenn „%(label)s“ nicht angekreuzt ist.") % {"label": label}
    return _("Nur ausfüllen, wenn bei „%(label)s“ „%(value)s“ angegeben ist.") % {
        "label": label,
        "value": spec.show_if_value,
    }


# --- values -------------------------------------------------------------------------
def is_empty(spec: FieldSpec, value) -> bool:
    if spec.type in {"checkbox", "consent"}:
        return not value
    return value in (None, "", [], {})


def to_storage(spec: FieldSpec, value):
    """A cleaned value as JSON for the draft and the case."""
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return value


def to_initial(spec: FieldSpec, stored):
    """A stored value as the form field's initial value."""
    if stored is None:
        return None
    if spec.type == "number":
        return str(stored).replace(".", ",")
    return stored


def display(spec: FieldSpec, stored, file_names: list[str] | None = None) -> str:
    """An answer as people read it (review page, case, confirmation mail)."""
    kind = spec.type
    if kind == "file":
        return ", ".join(file_names or []) or _("keine Datei")
    if kind == "checkbox":
        return _("ja") if stored else _("nein")
    if kind == "consent":
        return _("erteilt") if stored else _("nicht erteilt")
    if stored in (None, "", [], {}):
        return _("keine Angabe")
    if kind == "date":
        try:
            return datetime.date.fromisoformat(stored).strftime("%d.%m.%Y")
        except (TypeError, ValueError):
            return str(stored)
    if kind == "number":
        try:
            return str(Decimal(str(stored))).replace(".", ",")
        except InvalidOperation:
            return str(stored)
    if kind == "address" and isinstance(stored, dict):
        return f"{stored.get('street', '')}, {stored.get('postcode', '')} {stored.get('city', '')}"
    if isinstance(stored, list):
        return ", ".join(str(item) for item in stored)
    return str(stored)
