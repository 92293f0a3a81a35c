"""Periodic jobs of the Rechnungslauf, run by ``manage.py run_scheduled`` (see
:mod:`portal.core.scheduled`). The reminders run every time but remind about an invoice at
most once a day."""

from __future__ import annotations

from .reminders import send_reminders

JOBS = [send_reminders]
