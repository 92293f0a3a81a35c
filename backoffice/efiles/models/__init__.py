from .audit import AuditAction, AuditEntry, ObjectKind
from .plan import AktenzeichenCounter, Disposal, PlanUnit, RecordSettings
from .records import (
    Akte,
    AkteStatus,
    Confidentiality,
    DocumentType,
    Dokument,
    DokumentVersion,
    TextStatus,
    Vorgang,
)

__all__ = [
    "Akte",
    "AkteStatus",
    "AktenzeichenCounter",
    "AuditAction",
    "AuditEntry",
    "Confidentiality",
    "Disposal",
    "DocumentType",
    "Dokument",
    "DokumentVersion",
    "ObjectKind",
    "PlanUnit",
    "RecordSettings",
    "TextStatus",
    "Vorgang",
]
