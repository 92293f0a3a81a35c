"""The Bürgerservice's providers for ``portal.core.personal_data`` (access and erasure
requests): cases, application drafts, appointment bookings – found by e-mail address.

Erasure anonymises closed cases (the reference, service and dates stay for statistics)
and past bookings, deletes drafts with their files; an open case and an upcoming
appointment are kept and reported – they must be finished or cancelled first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone

from portal.core.personal_data import Erasure, register

from . import retention
from .models import CLOSED_STATUSES, ApplicationDraft, Booking, BookingStatus, Case, DraftFile

UPCOMING = (BookingStatus.PENDING, BookingStatus.CONFIRMED)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


class Cases:
    key = "services.cases"
    label = "Online-Anträge (Vorgänge)"

    def _cases(self, email: str):
        return Case.objects.filter(applicant_email__iexact=email, anonymised_at=None)

    def export(self, email: str) -> list[dict[str, Any]]:
        return [
            {
                "reference": case.reference,
                "town": case.site.site_name,
                "service": case.service_name,
                "status": case.get_status_display(),
                "submitted_at": _iso(case.submitted_at),
                "closed_at": _iso(case.closed_at),
                "applicant_name": case.applicant_name,
                "applicant_email": case.applicant_email,
                "answers": {
                    str(item.get("label", item.get("key"))): item.get("display", item.get("value"))
                    for item in case.data
                },
                "files": list(case.files.values_list("original_name", flat=True)),
                "messages": list(case.events.exclude(text="").values_list("text", flat=True)),
            }
            for case in self._cases(email).select_related("site").order_by("submitted_at")
        ]

    def erase(self, email: str) -> Erasure:
        result = Erasure()
        now = timezone.now()
        for case in self._cases(email).select_for_update():
            if case.status in CLOSED_STATUSES:
                retention.anonymise(case, now)
                result.erased += 1
            else:
                result.kept += 1
                result.reasons.append(f"{case.reference}: noch in Bearbeitung")
        return result


class Drafts:
    key = "services.drafts"
    label = "Angefangene Online-Anträge"

    def _drafts(self, email: str):
        return ApplicationDraft.objects.filter(email__iexact=email)

    def export(self, email: str) -> list[dict[str, Any]]:
        return [
            {
                "form": str(draft.form),
                "answers": draft.data,
                "files": list(draft.files.values_list("original_name", flat=True)),
                "created_at": _iso(draft.created_at),
                "expires_at": _iso(draft.expires_at),
            }
            for draft in self._drafts(email).select_related("form").order_by("pk")
        ]

    def erase(self, email: str) -> Erasure:
        drafts = list(self._drafts(email).values_list("pk", flat=True))
        files = DraftFile.objects.filter(draft__in=drafts)
        retention._remove_files_after_commit(retention._file_names(files))
        files.delete()
        ApplicationDraft.objects.filter(pk__in=drafts).delete()
        return Erasure(erased=len(drafts))


class Bookings:
    key = "services.bookings"
    label = "Termine"

    def _bookings(self, email: str):
        return Booking.objects.filter(email__iexact=email, anonymised_at=None)

    def export(self, email: str) -> list[dict[str, Any]]:
        return [
            {
                "office": str(booking.office),
                "start": _iso(booking.start),
                "end": _iso(booking.end),
                "services": [item.get("name") for item in booking.services],
                "status": booking.get_status_display(),
                "name": booking.name,
                "email": booking.email,
                "phone": booking.phone,
                "booked_at": _iso(booking.created_at),
            }
            for booking in self._bookings(email).select_related("office__unit").order_by("start")
        ]

    def erase(self, email: str) -> Erasure:
        now = timezone.now()
        upcoming = self._bookings(email).filter(status__in=UPCOMING, end__gte=now)
        result = Erasure(kept=upcoming.count())
        if result.kept:
            result.reasons.append("bevorstehende Termine: bitte zuerst absagen")
        result.erased = (
            self._bookings(email)
            .exclude(pk__in=upcoming.values("pk"))
            .update(name="", email="", phone="", anonymised_at=now)
        )
        return result


def register_providers() -> None:
    for provider in (Cases(), Drafts(), Bookings()):
        register(provider)
