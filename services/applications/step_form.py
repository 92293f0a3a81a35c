"""The Django form of one step of an application.

If a condition depends on a field of an earlier step, it is decided when the form is
built (the field is left out or asked normally); on the same step the field is shown
with a hint "Nur ausfüllen, wenn …" (JavaScript hides it) and is required only when
the condition holds. Values of fields whose condition does not hold are dropped.
"""

from __future__ import annotations

from django import forms

from .fields import MultipleFileField, build_field, file_help, required_message
from .specs import (
    FieldSpec,
    StepSpec,
    condition_hint,
    is_empty,
    is_visible,
    to_storage,
)

# how a field is laid out in the template
FIELDSET_TYPES = {"choice", "multiple_choice", "address", "consent"}


class StepForm(forms.Form):
    """The fields of one step. ``answers`` are those stored so far (all steps)."""

    def __init__(self, step: StepSpec, specs: dict[str, FieldSpec], answers: dict, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step
        self.specs = specs
        self.answers = answers
        self.field_specs: dict[str, FieldSpec] = {}
        self.live_conditions: set[str] = set()  # decided by a field on this step
        self.dropped: set[str] = set()
        step_keys = {spec.key for spec in step.fields}
        for spec in step.fields:
            required = spec.required
            if spec.is_conditional:
                if self._controlled_here(spec, step_keys):
                    self.live_conditions.add(spec.key)
                    required = False
                elif not is_visible(spec, answers, specs):
                    self.dropped.add(spec.key)
                    continue
            self.fields[spec.key] = build_field(spec, required=required)
            self.field_specs[spec.key] = spec
            if spec.key in self.live_conditions:
                hint = condition_hint(spec, specs)
                self.fields[spec.key].help_text = " ".join(
                    filter(None, [str(self.fields[spec.key].help_text or ""), hint])
                )

    def _controlled_here(self, spec: FieldSpec, step_keys: set[str]) -> bool:
        current, seen = spec, set()
        while current is not None and current.is_conditional and current.key not in seen:
            seen.add(current.key)
            if current.show_if_field in step_keys:
                return True
            current = self.specs.get(current.show_if_field)
        return False

    def clean(self):
        data = super().clean()
        answers = {**self.answers, **data}
        for key in [spec.key for spec in self.step.fields if spec.key in self.live_conditions]:
            spec = self.field_specs[key]
            if is_visible(spec, answers, self.specs):
                missing = spec.required and not spec.is_file and is_empty(spec, data.get(key))
                if missing and key not in self._errors:
                    self.add_error(key, required_message(spec))
            else:
                self._errors.pop(key, None)
                data.pop(key, None)
                answers.pop(key, None)
                self.dropped.add(key)
        return data

    def visible_file_specs(self) -> list[FieldSpec]:
        """File fields asked on this step after cleaning (conditions applied)."""
        return [
            spec
            for key, spec in self.field_specs.items()
            if spec.is_file and key not in self.dropped
        ]

    def values(self) -> dict:
        """The valid answers of this step as JSON (call after ``is_valid()``)."""
        cleaned = getattr(self, "cleaned_data", {})
        return {
            key: to_storage(spec, cleaned[key])
            for key, spec in self.field_specs.items()
            if key in cleaned and not spec.is_file and key not in self.dropped
        }

    def rows(self, files_by_key: dict[str, list] | None = None) -> list[dict]:
        """What the template needs per field."""
        rows = []
        for key, spec in self.field_specs.items():
            bound = self[key]
            auto_id = bound.auto_id
            if spec.type == "consent":
                described = [f"{auto_id}_text"]
                if bound.errors:
                    described.append(f"{auto_id}_error")
                bound.field.widget.attrs["aria-describedby"] = " ".join(described)
            rows.append(
                {
                    "field": bound,
                    "spec": spec,
                    "layout": (
                        "fieldset"
                        if spec.type in FIELDSET_TYPES
                        else "checkbox"
                        if spec.type == "checkbox"
                        else "input"
                    ),
                    "help": " ".join(
                        filter(None, [spec.help_text, file_help(spec) if spec.is_file else ""])
                    ),
                    "hint": condition_hint(spec, self.specs) if key in self.live_conditions else "",
                    "files": (files_by_key or {}).get(key, []),
                    "consent_text": spec.options.get("text") if spec.type == "consent" else "",
                }
            )
        return rows


def raw_values(form: StepForm) -> dict:
    """What was typed, as initial values (to show it again without validating)."""
    values = {}
    for key, bound in form.fields.items():
        if isinstance(bound, MultipleFileField):
            continue
        widget = bound.widget
        values[key] = widget.value_from_datadict(form.data, form.files, form.add_prefix(key))
    return values
