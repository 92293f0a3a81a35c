"""Aktenzeichen: formed from a per-town pattern, allocated without duplicates.

The pattern uses named placeholders: ``{plan}`` (code of the plan unit), ``{nummer}``
(serial number per plan unit, and per year when the pattern holds a year; with a width
as ``{nummer:04}``), ``{jahr}`` / ``{jahr2}`` and ``{stadt}`` (the town's short code).
"""

from __future__ import annotations

import string

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

DEFAULT_PATTERN = "{plan}/{nummer:04}/{jahr}"
PLACEHOLDERS = {"plan", "nummer", "jahr", "jahr2", "stadt"}
REQUIRED = {"plan", "nummer"}
MAX_LENGTH = 60
SAMPLE = {"plan": "020.10", "nummer": 123, "jahr": 2026, "jahr2": "26", "stadt": "RA"}


def _fields(pattern: str) -> list[tuple[str, str]]:
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError:
        raise ValidationError(
            _(
                "Das Muster ist nicht lesbar: Jede „{“ braucht eine schließende „}“, und "
                "geschweifte Klammern stehen nur um Platzhalter wie {plan}."
            ),
            code="syntax",
        ) from None
    if any(conversion for *_rest, conversion in parsed):
        raise ValidationError(
            _("Platzhalter ohne Zusätze wie „!r“ angeben, z. B. {plan}."), code="conversion"
        )
    return [(name, spec) for _literal, name, spec, _conversion in parsed if name is not None]


def validate_pattern(pattern: str) -> None:
    """Raise a ValidationError with a German message unless ``pattern`` is usable."""
    fields = _fields(pattern)
    names = {name for name, _spec in fields}
    unknown = sorted(names - PLACEHOLDERS)
    if unknown:
        raise ValidationError(
            _(
                "Unbekannter Platzhalter: %(names)s. Erlaubt sind {plan}, {nummer}, {jahr}, "
                "{jahr2} und {stadt}."
            )
            % {"names": ", ".join("{" + name + "}" for name in unknown)},
            code="unknown",
        )
    missing = sorted(REQUIRED - names)
    if missing:
        raise ValidationError(
            _("Das Muster braucht %(names)s, damit jedes Aktenzeichen eindeutig ist.")
            % {"names": _(" und ").join("{" + name + "}" for name in missing)},
            code="missing",
        )
    for name, spec in fields:
        if spec and name != "nummer":
            raise ValidationError(
                _("Eine Formatangabe wie „:04“ ist nur bei {nummer} möglich."), code="spec"
            )
        if name == "nummer" and spec and not spec.isdigit():
            raise ValidationError(
                _("Bei {nummer} ist nur eine Stellenzahl möglich, z. B. {nummer:04}."),
                code="spec",
            )
    if len(render(pattern, **SAMPLE)) > MAX_LENGTH:
        raise ValidationError(
            _("Aktenzeichen nach diesem Muster würden länger als %(max)d Zeichen.")
            % {"max": MAX_LENGTH},
            code="length",
        )


def uses_year(pattern: str) -> bool:
    return any(name in ("jahr", "jahr2") for name, _spec in _fields(pattern))


def render(
    pattern: str, *, plan: str, nummer: int, jahr: int, jahr2: str = "", stadt: str = ""
) -> str:
    return pattern.format(
        plan=plan, nummer=nummer, jahr=jahr, jahr2=jahr2 or f"{jahr % 100:02d}", stadt=stadt
    )


def settings_for(site):
    from .models import RecordSettings

    settings, _created = RecordSettings.objects.get_or_create(site=site)
    return settings


def allocate(unit, year: int) -> tuple[int, str]:
    """The next serial number and Aktenzeichen for a new file under ``unit``.

    Call inside the transaction that saves the Akte: the counter row stays locked
    (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's IMMEDIATE transactions serialise
    writers) until it commits, so parallel creations wait for each other. The unique
    constraint on (town, Aktenzeichen) is the last line of defence.
    """
    from .models import AktenzeichenCounter

    records = settings_for(unit.site)
    pattern = records.aktenzeichen_pattern
    counter_year = year if uses_year(pattern) else 0
    counters = AktenzeichenCounter.objects.select_for_update()
    counter = counters.filter(unit=unit, year=counter_year).first()
    if counter is None:
        try:
            with transaction.atomic():
                AktenzeichenCounter.objects.create(unit=unit, year=counter_year)
        except IntegrityError:
            pass  # a parallel creation made it first
        counter = counters.get(unit=unit, year=counter_year)
    from .models import Akte

    while True:
        # skips numbers already taken – possible after the pattern was changed
        counter.last_number += 1
        reference = render(
            pattern, plan=unit.code, nummer=counter.last_number, jahr=year, stadt=records.town_code
        )
        if not Akte.objects.filter(site_id=unit.site_id, aktenzeichen=reference).exists():
            break
    counter.save(update_fields=["last_number"])
    return counter.last_number, reference
