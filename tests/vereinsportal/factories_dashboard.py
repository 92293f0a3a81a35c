"""Factories for the club dashboard tests: uploads (images, documents), the town's
editor, a workflow on the town's club directory."""

from __future__ import annotations

import io
import os
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import WorkflowPage

from portal.core.models import TownSettings
from tests.portal.factories import UserFactory
from tests.vereinsportal.factories import club_index, site_of


def image_upload(
    name: str = "bild.png", size: tuple[int, int] = (40, 30), fmt: str = "PNG", noise=False
) -> SimpleUploadedFile:
    if noise:
        image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = Image.new("RGB", size, (200, 30, 30))
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    mime = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp", "GIF": "image/gif"}
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=mime[fmt])


def pdf_upload(name: str = "satzung.pdf", size: int = 0) -> SimpleUploadedFile:
    body = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
    return SimpleUploadedFile(name, body + b"0" * size, content_type="application/pdf")


def docx_upload(name: str = "antrag.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


def town_editor(town: str = "bruchsal"):
    group = TownSettings.for_site(site_of(town)).editors_group
    return UserFactory(groups=[group] if group else None)


def approval_workflow(town: str = "bruchsal") -> None:
    """Require the town's "Veranstaltungsfreigabe" (attached to its club directory)."""
    from vereinsportal.roles import set_event_approval

    club_index(town)
    set_event_approval(site_of(town), True)


def no_approval(town: str = "bruchsal") -> None:
    """Clubs of the town publish directly: no workflow on the club directory."""
    WorkflowPage.objects.filter(page=club_index(town)).delete()
