"""The intake's public surface: check what arrives, store it once.

    reading = check(datastream, "2026-12-03T10:15:00Z", 142.0)   # or ReadingError
    result = store([reading, ...])   # StoreResult: stored, duplicates, latest

HTTP (``intake.http``), the SensorThings API and the MQTT worker all end here.
"""

from .readings import Reading, ReadingError, check, parse_result, parse_time
from .storage import Stored, StoreResult, store

__all__ = [
    "Reading",
    "ReadingError",
    "StoreResult",
    "Stored",
    "check",
    "parse_result",
    "parse_time",
    "store",
]
