"""The sections of a service description, after the FIM Stammtext (Leistungsbeschreibung).

One list, used by the regional description, the town page's overrides, the template
and the editor's overview of what a town has overridden.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    key: str
    label: str | Promise

    @property
    def override_field(self) -> str:
        return f"{self.key}_override"


SECTIONS: list[Section] = [
    Section("volltext", _("Beschreibung")),
    Section("voraussetzungen", _("Voraussetzungen")),
    Section("unterlagen", _("Erforderliche Unterlagen")),
    Section("kosten", _("Kosten")),
    Section("fristen", _("Fristen")),
    Section("bearbeitungsdauer", _("Bearbeitungsdauer")),
    Section("verfahrensablauf", _("Verfahrensablauf")),
    Section("rechtsgrundlage", _("Rechtsgrundlage")),
    Section("hinweise", _("Hinweise")),
    Section("formulare", _("Formulare")),
]
SECTION_KEYS = [section.key for section in SECTIONS]
