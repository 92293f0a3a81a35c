"""The answers of an application as people read them: per step for the review page,
as a flat list for the case (``Case.data``) and the confirmation mail."""

from __future__ import annotations

from .specs import StepSpec, all_fields, display, is_visible


def summary(steps: list[StepSpec], answers: dict, files: dict[str, list]) -> list[dict]:
    """``[{"step": StepSpec, "items": [{"key","label","type","value","display"}]}]`` –
    every field that is asked, answered or not."""
    specs = all_fields(steps)
    grouped = []
    for step in steps:
        items = []
        for spec in step.fields:
            if not is_visible(spec, answers, specs):
                continue
            if spec.is_file:
                names = [stored.original_name for stored in files.get(spec.key, [])]
                value = names
                shown = display(spec, None, names)
            else:
                value = answers.get(spec.key)
                shown = display(spec, value)
            items.append(
                {
                    "key": spec.key,
                    "label": spec.label,
                    "type": spec.type,
                    "value": value,
                    "display": shown,
                }
            )
        grouped.append({"step": step, "items": items})
    return grouped


def case_data(steps: list[StepSpec], answers: dict, files: dict[str, list]) -> list[dict]:
    return [item for group in summary(steps, answers, files) for item in group["items"]]


def mask_iban(value: str) -> str:
    """An IBAN for a mail: country, check digits and the last four characters."""
    compact = "".join(str(value or "").split())
    if len(compact) < 10:
        return "****"
    return f"{compact[:4]} **** **** {compact[-4:]}"


def mail_lines(data: list[dict]) -> list[dict]:
    """The case's answers for a mail: IBANs masked, files by name only."""
    lines = []
    for item in data:
        shown = mask_iban(item["value"]) if item["type"] == "iban" and item["value"] else None
        lines.append({"label": item["label"], "display": shown or item["display"]})
    return lines
