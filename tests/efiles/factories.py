"""Factories and helpers for the E-Akte tests: plan units, files with documents, staff."""

from __future__ import annotations

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF

from backoffice.efiles import actions, roles
from backoffice.efiles.models import Confidentiality, Disposal, PlanUnit
from tests.portal.factories import UserFactory
from tests.services.factories import OrganisationalUnitFactory, town

ADMIN_HOST = "localhost:8000"


def pdf_bytes(text: str = "Bescheid über die Baugenehmigung") -> bytes:
    """A real one-page PDF whose text pypdf can read."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def upload(content: bytes | None = None, name: str = "Schreiben.pdf", text: str | None = None):
    if content is None:
        content = pdf_bytes(text or "Schreiben an die Stadtverwaltung")
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def text_upload(text: str, name: str = "Vermerk.txt"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


class PlanUnitFactory(factory.django.DjangoModelFactory):
    site = factory.LazyFunction(lambda: town("bruchsal").site)
    code = factory.Sequence(lambda n: f"9{n:03d}")
    title = factory.Sequence(lambda n: f"Aktenplaneinheit {n}")
    retention_years = 10
    disposal = Disposal.ASSESS

    class Meta:
        model = PlanUnit


def unit_in(slug: str = "bruchsal", **kwargs):
    """A fresh organisational unit of the town."""
    settings = town(slug)
    return OrganisationalUnitFactory(site=settings.site, city=settings.city or "Bruchsal", **kwargs)


def clerk(unit, *, clearance: int = Confidentiality.OPEN, **kwargs):
    """A Sachbearbeiter(in) of ``unit``'s town, member of ``unit``, with ``clearance``."""
    clerks, _officers = roles.setup_town(town_of(unit))
    groups = [clerks, *_clearance_groups(clearance)]
    user = UserFactory(groups=groups, **kwargs)
    unit.members.add(user)
    return user


def officer(unit, *, clearance: int = Confidentiality.OPEN, **kwargs):
    """A records officer (Registratur) of ``unit``'s town, member of ``unit``."""
    _clerks, officers = roles.setup_town(town_of(unit))
    user = UserFactory(groups=[officers, *_clearance_groups(clearance)], **kwargs)
    unit.members.add(user)
    return user


def _clearance_groups(level: int) -> list:
    vs_nfd, confidential = roles.clearance_groups()
    return {0: [], 1: [vs_nfd], 2: [confidential]}[int(level)]


def town_of(unit):
    from portal.core.models import TownSettings

    return TownSettings.objects.get(site=unit.site)


def akte(unit, *, plan_unit=None, user=None, title="Bauantrag Hauptstraße 12", **kwargs):
    """An open Akte of ``unit`` (through the real action, so it has its Aktenzeichen)."""
    plan_unit = plan_unit or PlanUnitFactory(site=unit.site)
    return actions.create_akte(user, plan_unit=plan_unit, org_unit=unit, title=title, **kwargs)


def dokument(akte_, *, user=None, title="Antrag", content: bytes | None = None, **kwargs):
    """A document (version 1) in the Akte's first Vorgang (created if missing)."""
    vorgang = akte_.vorgaenge.first() or actions.create_vorgang(user, akte_, title="Antrag")
    return actions.add_dokument(
        user, vorgang, title=title, upload=upload(content, name=f"{title}.pdf"), **kwargs
    )


def read(version) -> bytes:
    with version.file.file.open("rb") as handle:
        return handle.read()


__all__ = [
    "ADMIN_HOST",
    "PlanUnitFactory",
    "akte",
    "clerk",
    "dokument",
    "officer",
    "pdf_bytes",
    "read",
    "text_upload",
    "unit_in",
    "upload",
]
