"""A case's history as plain entries, for the case page and the exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from ..models import Case, CaseEvent, CaseEventKind
from ..workflow import display_name, status_label

HINTS = {
    CaseEventKind.NOTE: _("intern – nur für Mitarbeitende"),
    CaseEventKind.MESSAGE: _("an die antragstellende Person gesendet"),
    CaseEventKind.REPLY: _("von der antragstellenden Person"),
}


@dataclass(frozen=True)
class Entry:
    at: datetime
    kind: str
    kind_label: str
    actor: str
    old: str
    new: str
    text: str
    visible_to_citizen: bool
    hint: str

    @property
    def is_internal(self) -> bool:
        return self.kind == CaseEventKind.NOTE

    @property
    def change(self) -> str:
        """What changed, in words: "alt → neu", whom it was assigned to, which file."""
        if self.kind == CaseEventKind.ASSIGNED:
            if self.old and self.new:
                return f"{self.old} → {self.new}"
            if self.new:
                return str(_("zugewiesen an %(name)s") % {"name": self.new})
            return str(_("Zuweisung aufgehoben (vorher: %(name)s)") % {"name": self.old})
        if self.kind == CaseEventKind.EXPORTED and self.new:
            return str(_("Format: %(format)s") % {"format": self.new.upper()})
        if self.kind == CaseEventKind.DOWNLOADED and self.new:
            return str(_("Datei: %(name)s") % {"name": self.new})
        if self.old and self.new:
            return f"{self.old} → {self.new}"
        return self.new or self.old


def _value(event: CaseEvent, value: str) -> str:
    return status_label(value) if event.kind == CaseEventKind.STATUS else value


def entries(case: Case) -> list[Entry]:
    """Every event of the case, oldest first."""
    events = case.events.select_related("actor").order_by("created_at", "pk")
    result = []
    for event in events:
        if event.actor_id:
            actor = display_name(event.actor)
        elif event.kind == CaseEventKind.REPLY or event.kind == CaseEventKind.SUBMITTED:
            actor = str(_("antragstellende Person"))
        else:
            actor = str(_("System"))
        result.append(
            Entry(
                at=event.created_at,
                kind=event.kind,
                kind_label=str(event.get_kind_display()),
                actor=actor,
                old=_value(event, event.old_value),
                new=_value(event, event.new_value),
                text=event.text,
                visible_to_citizen=event.visible_to_citizen,
                hint=str(HINTS.get(event.kind, "")),
            )
        )
    return result
