"""The file plan (Aktenplan) as CSV: import with per-line checks, export, the sample plan.

Format (UTF-8 with or without BOM, or Windows-1252; separator ``;`` or ``,``)::

    Kennzeichen;Bezeichnung;Übergeordnet;Aufbewahrung (Jahre);Aussonderung;Beschreibung;Aktiv
    0;Allgemeine Verwaltung;;10;B;;ja
    02;Gemeindeorgane und Organisation;0;10;B;;ja

"Übergeordnet" is the code of the parent unit (empty for the top level); the parent may
stand later in the file or already be in the town's plan. An import checks every line
first and changes nothing when one is wrong. Units of the town missing from the file are
left as they are (never deleted).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import audit
from ..models import AuditAction, PlanUnit
from .reading import HEADER, MAX_BYTES, Row, check_plan, read, text_of

SAMPLE_PLAN = Path(__file__).parent.parent / "data" / "aktenplan-muster.csv"


@dataclass
class ImportResult:
    """What an import did – or, with ``errors``, why it did nothing."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    created_codes: list[str] = field(default_factory=list)
    updated_codes: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> str:
        """E.g. "23 neu, 4 geändert, 50 unverändert"."""
        return _("%(created)d neu, %(updated)d geändert, %(unchanged)d unverändert") % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }

    @property
    def missing_message(self) -> str:
        """Units of the town not in the file – they stay as they are."""
        if not self.missing:
            return ""
        shown = ", ".join(self.missing[:20]) + (" …" if len(self.missing) > 20 else "")
        return ngettext(
            "%(count)d Einheit steht nicht in der Datei und bleibt unverändert: %(codes)s",
            "%(count)d Einheiten stehen nicht in der Datei und bleiben unverändert: %(codes)s",
            len(self.missing),
        ) % {"count": len(self.missing), "codes": shown}


class PlanImportError(Exception):
    """The sample plan could not be imported (only raised by :func:`load_sample_plan`)."""


# --- import -----------------------------------------------------------------------------


def _depth(code: str, parent_of: dict[str, str]) -> int:
    depth = 0
    while parent_of.get(code):
        code, depth = parent_of[code], depth + 1
    return depth


def import_plan(
    site, file_or_text: str | bytes | IO, *, user, dry_run: bool = False
) -> ImportResult:
    """Import a CSV plan into ``site``'s file plan; all or nothing.

    ``result.errors`` lists every problem with its line; then nothing has changed. With
    ``dry_run`` the counts are computed and nothing is stored.
    """
    result = ImportResult(dry_run=dry_run)
    try:
        text = text_of(file_or_text)
    except ValueError as error:
        result.errors.append(str(error))
        return result
    rows, errors = read(text)
    if errors:
        result.errors = errors
        return result
    try:
        with transaction.atomic():
            _apply(site, rows, user=user, result=result)
            if result.errors or dry_run:
                transaction.set_rollback(True)
    except IntegrityError:
        result.errors = [
            _("Der Aktenplan wurde gerade von jemand anderem geändert. Bitte erneut importieren.")
        ]
    if result.errors:
        result.created = result.updated = result.unchanged = 0
    return result


def _apply(site, rows: list[Row], *, user, result: ImportResult) -> None:
    # locked: a parallel import of the same town waits for this one
    units = list(PlanUnit.objects.select_for_update(of=("self",)).filter(site=site))
    existing = {unit.code: unit for unit in units}
    code_of = {unit.pk: unit.code for unit in units}
    stored_parent = {unit.code: code_of.get(unit.parent_id, "") for unit in units}
    result.errors = check_plan(rows, stored_parent)
    if result.errors:
        return
    in_file = {row.code for row in rows}
    result.missing = sorted(code for code in existing if code not in in_file)
    parent_of = {**stored_parent}
    parent_of.update({row.code: row.parent for row in rows})
    before: dict[str, dict] = {}
    after: dict[str, dict] = {}
    by_code = dict(existing)
    for row in sorted(rows, key=lambda row: _depth(row.code, parent_of)):
        parent = by_code[row.parent] if row.parent else None
        unit = existing.get(row.code)
        wanted = {**row.values(), "parent_id": parent.pk if parent else None}
        if unit is None:
            unit = PlanUnit.objects.create(site=site, code=row.code, **wanted)
            by_code[row.code] = unit
            result.created += 1
            result.created_codes.append(row.code)
            after[row.code] = {**row.values(), "parent": row.parent}
            continue
        old = {name: getattr(unit, name) for name in wanted}
        if old == wanted:
            result.unchanged += 1
            continue
        for name, value in wanted.items():
            setattr(unit, name, value)
        unit.save(update_fields=[name.removesuffix("_id") for name in wanted])
        result.updated += 1
        result.updated_codes.append(row.code)
        old_values = {**old, "parent": stored_parent[row.code]}
        del old_values["parent_id"]
        new_values = {**row.values(), "parent": row.parent}
        before[row.code], after[row.code] = audit.changes(old_values, new_values)
    top = (
        PlanUnit.objects.filter(site=site, parent=None).order_by("code").first()
        or PlanUnit.objects.filter(site=site).order_by("code").first()
    )
    if top is not None and not result.dry_run:
        audit.record(
            user,
            AuditAction.IMPORT,
            top,
            message=_("Aktenplan importiert: %(summary)s") % {"summary": result.summary},
            before=before,
            after=after,
        )


# --- export and sample ------------------------------------------------------------------


def tree(site) -> list[tuple[PlanUnit, int]]:
    """The town's plan units in tree order (parents before children, by code) with depth."""
    units = list(PlanUnit.objects.filter(site=site).order_by("code"))
    children: dict[int | None, list[PlanUnit]] = {}
    known = {unit.pk for unit in units}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in known else None
        children.setdefault(parent, []).append(unit)
    ordered: list[tuple[PlanUnit, int]] = []
    stack = [(unit, 0) for unit in reversed(children.get(None, []))]
    while stack:
        unit, depth = stack.pop()
        ordered.append((unit, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(unit.pk, [])))
    return ordered


def export_plan(site) -> str:
    """The town's file plan in the import format (``;``-separated, with header)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    codes = dict(PlanUnit.objects.filter(site=site).values_list("pk", "code"))
    for unit, _level in tree(site):
        writer.writerow(
            [
                unit.code,
                unit.title,
                codes.get(unit.parent_id, ""),
                unit.retention_years,
                unit.disposal,
                unit.description,
                "ja" if unit.active else "nein",
            ]
        )
    return out.getvalue()


def load_sample_plan(site, user=None) -> ImportResult:
    """Import the sample plan (``data/aktenplan-muster.csv``) into ``site``'s file plan."""
    result = import_plan(site, SAMPLE_PLAN.read_bytes(), user=user)
    if not result.ok:
        raise PlanImportError("; ".join(result.errors))
    return result


__all__ = [
    "HEADER",
    "MAX_BYTES",
    "ImportResult",
    "PlanImportError",
    "export_plan",
    "import_plan",
    "load_sample_plan",
    "tree",
]
