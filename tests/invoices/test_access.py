"""Who reaches which invoice view: nobody without the Rechnungslauf, nobody outside the
invoice's town or office (404 – also for guessed ids and for every download and action)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from backoffice.invoices.models import Invoice, InvoiceStatus
from tests.invoices.factories import ADMIN_HOST, InvoiceFactory, staff, unit_in
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

OBJECT_GETS = ["detail", "pdf", "original", "approval_record"]
ACTIONS = ["formal", "factual", "arithmetic", "order", "reject", "assign", "booking", "comment"]


def client_for(user=None) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    if user is not None:
        client.force_login(user)
    return client


def urls_of(invoice) -> list[tuple[str, str]]:
    gets = [("get", reverse(f"invoices:{name}", args=[invoice.pk])) for name in OBJECT_GETS]
    gets.append(("get", reverse("invoices:attachment", args=[invoice.pk, 0])))
    posts = [("post", reverse(f"invoices:{name}", args=[invoice.pk])) for name in ACTIONS]
    return gets + posts


@pytest.fixture
def unit():
    return unit_in("gaggenau", name="Ordnungsamt Gaggenau")


@pytest.fixture
def invoice(unit):
    return InvoiceFactory(org_unit=unit, status=InvoiceStatus.RECEIVED)


def test_anonymous_goes_to_the_login(invoice):
    client = client_for()
    for method, url in urls_of(invoice) + [("get", "/admin/rechnungen/")]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert "/admin/login/" in response["Location"]


def test_staff_without_the_rechnungslauf_are_refused(invoice):
    from django.contrib.auth.models import Group, Permission

    editor = UserFactory()
    group = Group.objects.create(name="Nur Admin-Zugang")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client = client_for(editor)
    for method, url in urls_of(invoice) + [
        ("get", "/admin/rechnungen/"),
        ("get", "/admin/rechnungen/fristen/"),
    ]:
        response = getattr(client, method)(url)
        assert response.status_code in (302, 403), url
    assert Invoice.objects.get(pk=invoice.pk).steps.count() == 0


def test_other_town_gets_404_for_everything(invoice):
    stranger = staff(unit_in("bretten"), "Rechnungseingang", "Sachliche Prüfung", "Anordnung")
    client = client_for(stranger)
    for method, url in urls_of(invoice):
        assert getattr(client, method)(url).status_code == 404, url
    assert Invoice.objects.get(pk=invoice.pk).status == InvoiceStatus.RECEIVED


def test_other_office_of_the_same_town_gets_404(invoice):
    neighbour = staff(unit_in("gaggenau", name="Kulturamt"), "Sachliche Prüfung")
    client = client_for(neighbour)
    for method, url in urls_of(invoice):
        assert getattr(client, method)(url).status_code == 404, url


def test_office_members_and_town_wide_roles_see_it(unit, invoice):
    member = staff(unit, "Sachliche Prüfung")
    eingang = staff(unit_in("gaggenau", name="Kämmerei Gaggenau"), "Rechnungseingang")
    kasse = staff(unit_in("gaggenau", name="Stadtkasse Gaggenau"), "Kasse")
    detail = reverse("invoices:detail", args=[invoice.pk])
    for user in (member, eingang, kasse):
        response = client_for(user).get(detail)
        assert response.status_code == 200
        assert invoice.number in response.content.decode()
        assert invoice.seller_name in response.content.decode()


def test_superusers_see_every_town(invoice):
    admin = UserFactory(is_superuser=True, is_staff=True)
    response = client_for(admin).get(reverse("invoices:detail", args=[invoice.pk]))
    assert response.status_code == 200
    assert invoice.number in response.content.decode()


def test_guessed_attachment_index_and_missing_original_are_404(unit, invoice):
    member = staff(unit, "Sachliche Prüfung")
    client = client_for(member)
    # the factory's original is a stub, not a readable invoice
    assert client.get(reverse("invoices:attachment", args=[invoice.pk, 0])).status_code == 404
    invoice.original.delete(save=True)
    assert client.get(reverse("invoices:original", args=[invoice.pk])).status_code == 404
