"""Periodic jobs of the Sensorik (run by ``manage.py run_scheduled``)."""

from __future__ import annotations

from .retention import delete_old_sensor_data

JOBS = [delete_old_sensor_data]
