"""Factories and helpers for the Rechnungslauf tests: invoices, staff per role, limits, routes."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from backoffice.invoices import roles
from backoffice.invoices.document.reader import read_invoice
from backoffice.invoices.models import (
    ApprovalLimit,
    Invoice,
    InvoiceStatus,
    LeitwegRoute,
    Source,
)
from tests.invoices.conftest import testsuite_file as suite_file
from tests.portal.factories import UserFactory
from tests.services.factories import OrganisationalUnitFactory, town

ADMIN_HOST = "localhost:8000"
MINIMAL_XML = b'<?xml version="1.0" encoding="UTF-8"?><Invoice/>'


def unit_in(slug: str = "rastatt", **kwargs):
    """A fresh organisational unit (Dienststelle) of the town."""
    settings = town(slug)
    return OrganisationalUnitFactory(site=settings.site, city=settings.city or "Rastatt", **kwargs)


def town_of(unit):
    from portal.core.models import TownSettings

    return TownSettings.objects.get(site=unit.site)


def staff(unit, *roles_: str, **kwargs):
    """A person of ``unit``'s town in the given roles (``"Anordnung"``, ``"Kasse"`` …),
    member of ``unit``."""
    groups = roles.setup_town(town_of(unit))
    user = UserFactory(groups=[groups[role] for role in roles_], **kwargs)
    unit.members.add(user)
    return user


def approval_limit(user, unit, amount) -> ApprovalLimit:
    return ApprovalLimit.objects.create(site=unit.site, user=user, max_amount=Decimal(amount))


def route(unit, leitweg_id: str, **kwargs) -> LeitwegRoute:
    return LeitwegRoute.objects.create(
        site=unit.site, org_unit=unit, leitweg_id=leitweg_id, **kwargs
    )


class InvoiceFactory(factory.django.DjangoModelFactory):
    """An invoice row with plausible values – for workflow, list, deadline and export tests.
    (Intake tests receive real XRechnung files instead.)"""

    org_unit = factory.LazyFunction(unit_in)
    site = factory.LazyAttribute(lambda o: o.org_unit.site)
    status = InvoiceStatus.FORMAL
    source = Source.UPLOAD
    original = factory.LazyFunction(lambda: ContentFile(MINIMAL_XML, name="rechnung.xml"))
    original_name = "rechnung.xml"
    original_sha256 = factory.LazyFunction(lambda: hashlib.sha256(MINIMAL_XML).hexdigest())
    container = "xml"
    syntax = "UBL"
    specification_id = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
    number = factory.Sequence(lambda n: f"RE-2026-{n:05d}")
    issue_date = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=3))
    type_code = "380"
    currency = "EUR"
    leitweg_id = "08216043-RA001-12"
    seller_name = factory.Sequence(lambda n: f"Bauunternehmen Muster {n} GmbH")
    seller_vat_id = factory.Sequence(lambda n: f"DE{123456789 + n}")
    seller_key = factory.LazyAttribute(lambda o: o.seller_vat_id)
    buyer_name = "Stadt Rastatt"
    net_total = Decimal("1000.00")
    vat_total = Decimal("190.00")
    gross_total = Decimal("1190.00")
    amount_due = Decimal("1190.00")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=27))
    creditor_name = factory.LazyAttribute(lambda o: o.seller_name)
    iban = "DE02120300000000202051"
    bic = "BYLADEM1001"
    cost_centre = "1.1.1.0"
    booking_text = factory.LazyAttribute(lambda o: f"Rechnung {o.number}")

    class Meta:
        model = Invoice


def invoice_from_testsuite(name: str, unit=None, *, save: bool = True, **kwargs) -> Invoice:
    """An invoice row built from a test-suite file as intake would store it (document JSON
    without attachment contents; the original file kept)."""
    data = suite_file(name).read_bytes()
    result = read_invoice(data, name)
    doc = result.document
    stored = doc.to_dict()
    for attachment in stored["attachments"]:
        attachment["content"] = None
    values = {
        "original": ContentFile(data, name=name),
        "original_name": name,
        "original_sha256": hashlib.sha256(data).hexdigest(),
        "syntax": result.syntax,
        "document": stored,
        "number": doc.number,
        "issue_date": doc.issue_date,
        "seller_name": doc.seller.name,
        "seller_vat_id": doc.seller.vat_id,
        "seller_key": doc.seller.vat_id or doc.seller.name,
        "net_total": doc.totals.without_vat,
        "vat_total": doc.totals.vat_total,
        "gross_total": doc.totals.with_vat,
        "amount_due": doc.totals.due,
        "iban": doc.iban,
        "leitweg_id": doc.leitweg_id,
        **kwargs,
    }
    if not save:
        return Invoice(**values)
    unit = unit or unit_in("rastatt")
    values.setdefault("org_unit", unit)
    return InvoiceFactory(site=unit.site, **values)
