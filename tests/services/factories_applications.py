"""Helpers for the tests of the citizen's application flow: a service page with a form,
its URLs, sample files by content and the answers of ``simple_steps()``."""

from __future__ import annotations

import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from services.applications import spam
from services.models import ApplicationDraft, new_token
from tests.services.factories import (
    ApplicationFormFactory,
    CaseFactory,
    OrganisationalUnitFactory,
    ServicePageFactory,
    service_index,
    town,
)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 120

PERSON = {
    "vorname": "Erika",
    "nachname": "Müller",
    "email": "erika@example.org",
    "anschrift_0": "Marktplatz 1",
    "anschrift_1": "76646",
    "anschrift_2": "Bruchsal",
}
DOG = {"hundename": "Bello", "gelistet": "nein", "iban": "", "einwilligung": "on"}


def application_page(slug: str = "bruchsal", form=None, **kwargs):
    """A live service page of the town with an application form."""
    index = service_index(slug)
    return ServicePageFactory(
        parent=index, application_form=form or ApplicationFormFactory(), **kwargs
    )


def base(page) -> str:
    """The page's path on its own site, e.g. ``/leistungen-test-0/leistung-test-0/``."""
    return page.get_url(None, current_site=page.get_site())


def url(page, suffix: str = "") -> str:
    return base(page) + "antrag/" + suffix


def step_url(page, number: int) -> str:
    return url(page, f"schritt/{number}/")


def started(seconds_ago: float = 30) -> dict:
    """The hidden fields of a first step shown ``seconds_ago``."""
    return {spam.TIMESTAMP_FIELD: spam.issue_timestamp(time.time() - seconds_ago)}


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def fill_first_step(client: Client, page, **overrides):
    data = {**PERSON, **started(), **overrides}
    return client.post(step_url(page, 1), data)


def fill_second_step(client: Client, page, files=None, **overrides):
    data = {**DOG, **overrides}
    if files is None:
        files = [upload("haftpflicht.pdf", PDF, "application/pdf")]
    if files:
        data["nachweis"] = files
    return client.post(step_url(page, 2), data)


def complete_form(client: Client, page, **second):
    """Both steps filled in; the draft is ready for review."""
    first = fill_first_step(client, page)
    assert first.status_code == 302, first.content.decode()[:2000]
    response = fill_second_step(client, page, **second)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"].endswith("antrag/pruefen/")
    return response


def draft_of(client: Client, page) -> ApplicationDraft | None:
    draft_id = client.session.get("services_drafts", {}).get(str(page.pk))
    return ApplicationDraft.objects.filter(pk=draft_id).first() if draft_id else None


def tracked_case(slug: str = "bruchsal", **kwargs):
    """A case with a known tracking token, its service page naming an office."""
    site = town(slug).site
    unit = OrganisationalUnitFactory(site=site, email="hundesteuer@bruchsal.example")
    page = ServicePageFactory(parent=service_index(slug), responsible_unit=unit)
    token, token_hash = new_token()
    case = CaseFactory(
        site=site,
        service_page=page,
        service_name="Hund anmelden",
        tracking_token_hash=token_hash,
        **kwargs,
    )
    return case, token
