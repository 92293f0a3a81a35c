"""Received invoice files live in the private storage (``STORAGES["private"]``), never under a
public URL; they are served only by the permission-checked views of this app."""

from __future__ import annotations

import secrets

from django.core.files.storage import storages
from django.utils import timezone


def invoice_storage():
    return storages["private"]


def invoice_upload_to(instance, filename: str) -> str:
    # never the sender's file name on disk: it is kept in the database only
    return f"invoices/{timezone.now():%Y/%m}/{secrets.token_hex(16)}"
