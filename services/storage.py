"""Where citizens' uploads live: a storage outside the public media folder
(``STORAGES["private"]``), served only through permission-checked views."""

from __future__ import annotations

import secrets

from django.core.files.storage import storages


def private_storage():
    return storages["private"]


def case_file_path(instance, filename: str) -> str:
    # never the citizen's file name on disk: it is kept in the database only
    return f"services/cases/{instance.case.submitted_at:%Y/%m}/{secrets.token_hex(16)}"


def draft_file_path(instance, filename: str) -> str:
    return f"services/drafts/{secrets.token_hex(16)}"
