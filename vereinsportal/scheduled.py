"""Periodic jobs of the Vereinsportal (run by ``manage.py run_scheduled``): each area
adds its callables to ``JOBS`` in its own ``jobs.py``."""

from __future__ import annotations

import importlib

JOBS = []
for _area in ("calendar", "signups", "volunteering", "registration", "dashboard"):
    try:
        JOBS += importlib.import_module(f"vereinsportal.{_area}.jobs").JOBS
    except ModuleNotFoundError as error:  # an area without jobs yet
        if error.name != f"vereinsportal.{_area}.jobs":
            raise
