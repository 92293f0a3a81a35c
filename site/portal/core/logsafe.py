"""Logging without personal data: an error's message may quote the values it choked on
(PostgreSQL's ``DETAIL: Key (email)=(…)``, an SMTP server's refused recipient), so logs
name the error's type and where it was raised, and ids or reference numbers – never
the message or what a citizen entered."""

from __future__ import annotations

import traceback
from pathlib import Path

FRAMES = 6


def describe_error(error: BaseException) -> str:
    """``module.Type`` of ``error`` (and of its cause) with the innermost frames, e.g.
    ``IntegrityError at submission.py:120 submit <- views.py:277 review``."""
    parts = []
    current: BaseException | None = error
    while current is not None and len(parts) < 3:
        kind = type(current)
        frames = traceback.extract_tb(current.__traceback__)[-FRAMES:]
        where = " <- ".join(
            f"{Path(frame.filename).name}:{frame.lineno} {frame.name}" for frame in reversed(frames)
        )
        parts.append(f"{kind.__module__}.{kind.__qualname__}" + (f" at {where}" if where else ""))
        current = current.__cause__ or current.__context__
    return "; caused by ".join(parts)
