from .cases import (
    CLOSED_STATUSES,
    TRANSITIONS,
    ApplicationDraft,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseFile,
    CaseSequence,
    CaseStatus,
    DraftFile,
    hash_token,
    new_token,
)
from .catalogue import Lebenslage, Leistung
from .forms import ApplicationForm
from .pages import ServiceIndexPage, ServicePage

__all__ = [
    "CLOSED_STATUSES",
    "TRANSITIONS",
    "ApplicationDraft",
    "ApplicationForm",
    "Case",
    "CaseEvent",
    "CaseEventKind",
    "CaseFile",
    "CaseSequence",
    "CaseStatus",
    "DraftFile",
    "Lebenslage",
    "Leistung",
    "ServiceIndexPage",
    "ServicePage",
    "hash_token",
    "new_token",
]
