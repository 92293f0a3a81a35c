"""Writing the audit trail: every view, download, change, lock, close and disposal leaves
exactly one entry, written in the same transaction as the change it records."""

from __future__ import annotations

from typing import Any

from .models import Akte, AuditAction, AuditEntry, Dokument, ObjectKind, PlanUnit, Vorgang

KIND_OF = {Akte: ObjectKind.AKTE, Vorgang: ObjectKind.VORGANG, Dokument: ObjectKind.DOKUMENT}


def _akte_of(obj) -> Akte | None:
    if isinstance(obj, Akte):
        return obj
    if isinstance(obj, (Vorgang, Dokument)):
        return obj.akte
    return None


def snapshot(obj, fields: list[str]) -> dict[str, Any]:
    """The values of ``fields`` as shown to people (choices by label, objects by name)."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if getattr(field, "choices", None):
            values[name] = str(getattr(obj, f"get_{name}_display")())
        elif field.is_relation:
            related = getattr(obj, name)
            values[name] = str(related) if related is not None else ""
        else:
            values[name] = getattr(obj, name)
    return values


def record(
    user,
    action: str,
    obj,
    *,
    message: str = "",
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:
    """One audit entry for ``action`` on ``obj`` (an Akte, Vorgang, Dokument or PlanUnit)."""
    akte = _akte_of(obj)
    if isinstance(obj, PlanUnit):
        kind, site_id = ObjectKind.PLAN, obj.site_id
    else:
        kind, site_id = KIND_OF[type(obj)], akte.site_id
    authenticated = user is not None and user.is_authenticated
    return AuditEntry.objects.create(
        site_id=site_id,
        user=user if authenticated else None,
        username=user.get_username() if authenticated else "System",
        action=action,
        object_kind=kind,
        object_id=obj.pk,
        akte_id=akte.pk if akte else None,
        aktenzeichen=akte.aktenzeichen if akte else "",
        label=str(obj)[:255],
        message=message[:500],
        before=before or {},
        after=after or {},
    )


def changes(before: dict, after: dict) -> tuple[dict, dict]:
    """Only the fields that differ."""
    keys = [key for key in after if before.get(key) != after.get(key)]
    return {key: before.get(key) for key in keys}, {key: after[key] for key in keys}


def entries_for(obj):
    """The audit entries of one object, newest first (for the object's history tab)."""
    if isinstance(obj, Akte):
        return AuditEntry.objects.filter(akte_id=obj.pk)
    kind = ObjectKind.PLAN if isinstance(obj, PlanUnit) else KIND_OF[type(obj)]
    return AuditEntry.objects.filter(object_kind=kind, object_id=obj.pk)


__all__ = ["AuditAction", "changes", "entries_for", "record", "snapshot"]
