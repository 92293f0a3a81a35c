"""The LeiKa key (Leistungsschlüssel): 14 digits – Leistungsobjekt (8 digits: group 3,
Leistungsobjekt 5), Verrichtung (3), Verrichtungsdetail (3)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_PATTERN = re.compile(r"^\d{14}$")


def normalise(value: str) -> str:
    """Drop the spaces and dots people type for readability."""
    return re.sub(r"[\s.]", "", value or "")


def validate_leika(value: str) -> None:
    key = normalise(value)
    if not _PATTERN.match(key):
        raise ValidationError(
            _("Der Leistungsschlüssel hat genau 14 Ziffern, z. B. 99115001001000."),
            code="invalid_leika",
        )
    if key[:3] == "000":
        raise ValidationError(
            _("Die Leistungsgruppe (die ersten drei Ziffern) darf nicht 000 sein."),
            code="invalid_leika",
        )


def formatted(value: str) -> str:
    """99115001001000 → "99115001 001 000" (Leistungsobjekt, Verrichtung, Detail)."""
    key = normalise(value)
    if len(key) != 14:
        return value
    return f"{key[:8]} {key[8:11]} {key[11:]}"
