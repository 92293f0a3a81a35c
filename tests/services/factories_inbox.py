"""Helpers for the case inbox tests: clients for the roles, cases with files."""

from __future__ import annotations

import hashlib

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client

from services.models import Case, CaseFile
from tests.portal.factories import UserFactory
from tests.services.factories import CaseFactory, caseworker, town

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ADMIN_HOST = "localhost:8000"


def admin_client(user) -> Client:
    """A client logged in as ``user`` (or anonymous with None) on the admin host."""
    client = Client(HTTP_HOST=ADMIN_HOST)
    if user is not None:
        client.force_login(user)
    return client


def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


def town_editor(slug: str = "bruchsal"):
    """The demo's editor of the town: may edit pages, not work on cases."""
    return get_user_model().objects.get(username=f"redaktion.{slug}")


def case_in(slug: str = "bruchsal", **kwargs) -> Case:
    return CaseFactory(site=town(slug).site, **kwargs)


def add_file(case: Case, content: bytes = PDF_BYTES, name: str = "Nachweis.pdf") -> CaseFile:
    return CaseFile.objects.create(
        case=case,
        field_key="nachweis",
        original_name=name,
        file=ContentFile(content, name="x.pdf"),
        content_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )


__all__ = ["add_file", "admin_client", "case_in", "caseworker", "superuser", "town_editor"]
