"""Periodic jobs of the Bürgerservice (run by ``manage.py run_scheduled``)."""

from __future__ import annotations

from .retention import apply_retention


def run_retention() -> str:
    """Delete or anonymise cases whose retention period has ended; remove old drafts."""
    counts = apply_retention()
    return (
        f"Aufbewahrung: {counts['deleted']} Vorgang/Vorgänge gelöscht, "
        f"{counts['anonymised']} anonymisiert, {counts['drafts']} Antragsentwurf/-entwürfe entfernt"
    )


JOBS = [run_retention]


def run_appointment_jobs() -> str:
    """Appointment reminders, expiry of unconfirmed bookings, deleting personal data."""
    from .appointments.jobs import run_all

    return run_all()


JOBS.append(run_appointment_jobs)
