"""The export screens as the Kasse uses them: the list of ordered invoices (preselected, sum,
format), creating the booking file, the earlier files and their download – only one's town."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from backoffice.invoices import export
from backoffice.invoices.models import ExportBatch, Invoice, InvoiceStatus
from tests.invoices.factories import ADMIN_HOST, InvoiceFactory, staff, unit_in

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    return client


def url(name: str, *args) -> str:
    return reverse(f"invoices:{name}", args=args)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def text_of(response) -> str:
    return soup(response).get_text(" ", strip=True)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def unit():
    """An office of Rastatt – whose demo invoices waiting for export are taken away, so the
    list shows only the test's own (rolled back after the test)."""
    unit = unit_in("rastatt", name="Tiefbauamt Rastatt")
    Invoice.objects.filter(site=unit.site, status=InvoiceStatus.ORDERED).delete()
    return unit


@pytest.fixture
def demo_batches() -> set[int]:
    """The booking files of the demo (every town has one)."""
    return set(ExportBatch.objects.values_list("pk", flat=True))


def new_batches(demo_batches):
    return ExportBatch.objects.exclude(pk__in=demo_batches)


@pytest.fixture
def kasse(unit):
    return staff(unit, "Kasse", first_name="Kai", last_name="Kasse")


def ordered(unit, **kwargs) -> Invoice:
    kwargs.setdefault("status", InvoiceStatus.ORDERED)
    return InvoiceFactory(org_unit=unit, **kwargs)


@pytest.fixture
def invoices(unit):
    return [
        ordered(unit, number="RA-1", amount_due=Decimal("1190.00"), seller_name="Bau Eins GmbH"),
        ordered(unit, number="RA-2", amount_due=Decimal("238.50"), seller_name="Büro Zwei KG"),
    ]


# --- the list -------------------------------------------------------------------------------
def test_list_shows_ordered_invoices_preselected_with_sum_and_formats(kasse, unit, invoices):
    ordered(unit, number="RA-OPEN", status=InvoiceStatus.ARITHMETIC)
    ordered(unit_in("bruchsal"), number="BR-1")

    response = client_for(kasse).get(url("export"))

    assert response.status_code == 200
    page = soup(response)
    boxes = page.select("input[type=checkbox][name=invoice]")
    assert sorted(int(box["value"]) for box in boxes) == sorted(i.pk for i in invoices)
    assert all(box.has_attr("checked") for box in boxes)
    text = text_of(response)
    assert "RA-1" in text and "RA-2" in text
    assert "RA-OPEN" not in text and "BR-1" not in text
    assert "1.428,50" in page.select_one("#invoices-export-total").get_text()
    assert [radio["value"] for radio in page.select("input[name=format]")] == ["csv", "json"]
    assert page.select_one("button[type=submit]").get_text(strip=True) == "Buchungsdatei erstellen"
    assert "Tiefbauamt Rastatt" in text


def test_empty_state(kasse):
    response = client_for(kasse).get(url("export"))
    assert response.status_code == 200
    assert "keine angeordneten Rechnungen" in text_of(response)
    assert not soup(response).select("input[name=invoice]")


def test_credit_note_is_marked_and_counted_negative(kasse, unit):
    ordered(unit, number="RA-1", amount_due=Decimal("100.00"))
    ordered(unit, number="GS-1", amount_due=Decimal("40.00"), type_code="381")
    response = client_for(kasse).get(url("export"))
    assert "Gutschrift" in text_of(response)
    assert "60,00" in soup(response).select_one("#invoices-export-total").get_text()


def test_person_of_two_towns_chooses_the_town(unit):
    other = unit_in("bruchsal", name="Kämmerei Bruchsal")
    Invoice.objects.filter(site=other.site, status=InvoiceStatus.ORDERED).delete()  # the demo's
    both = staff(unit, "Kasse")
    other.members.add(both)
    ordered(unit, number="RA-1")
    br = ordered(other, number="BR-1")
    client = client_for(both)

    first = client.get(url("export"))  # the towns in alphabetical order: Bruchsal first
    assert "BR-1" in text_of(first) and "RA-1" not in text_of(first)
    links = [a.get_text(" ", strip=True) for a in soup(first).select(".invoices-export-towns a")]
    assert links == ["Bruchsal (1 Rechnung)", "Rastatt (1 Rechnung)"]
    second = client.get(url("export") + f"?stadt={unit.site_id}")
    assert "RA-1" in text_of(second) and "BR-1" not in text_of(second)

    client.post(url("export"), {"invoice": [br.pk], "format": "csv", "stadt": other.site_id})
    assert Invoice.objects.get(pk=br.pk).status == InvoiceStatus.EXPORTED


# --- creating the file ---------------------------------------------------------------------------
def test_creating_the_file_leads_to_the_download(kasse, invoices, demo_batches):
    client = client_for(kasse)
    response = client.post(
        url("export"), {"invoice": [i.pk for i in invoices], "format": "csv"}, follow=True
    )

    [batch] = list(new_batches(demo_batches))
    assert response.redirect_chain[-1][0] == f"{url('export_batches')}?neu={batch.pk}"
    assert any(batch.filename in m and "2 Rechnung" in m for m in messages_of(response))
    new = soup(response).select_one(".invoices-export-new")
    assert "1.428,50" in new.get_text()
    link = new.select_one("a[download]")["href"]
    assert link == url("export_download", batch.pk)

    download = client.get(link)
    assert download.status_code == 200
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert download["Content-Disposition"] == f'attachment; filename="{batch.filename}"'
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download.content.startswith(b"\xef\xbb\xbfrechnung_id;kreditor;")
    assert download.content == batch.content.encode("utf-8")
    assert client.get(link).content == download.content  # the same file again
    for invoice in invoices:
        invoice.refresh_from_db()
        assert invoice.status == InvoiceStatus.EXPORTED


def test_only_the_checked_invoices_go_into_the_file_as_json(kasse, invoices, demo_batches):
    first, second = invoices
    client_for(kasse).post(url("export"), {"invoice": [second.pk], "format": "json"})
    [batch] = list(new_batches(demo_batches))
    assert batch.format == "json"
    assert [row["referenz"] for row in json.loads(batch.content)["buchungen"]] == ["RA-2"]
    assert Invoice.objects.get(pk=first.pk).status == InvoiceStatus.ORDERED
    download = client_for(kasse).get(url("export_download", batch.pk))
    assert download["Content-Type"] == "application/json; charset=utf-8"


def test_nothing_checked_gives_a_message(kasse, invoices, demo_batches):
    response = client_for(kasse).post(url("export"), {"format": "csv"}, follow=True)
    assert any("mindestens eine" in m for m in messages_of(response))
    assert not new_batches(demo_batches).exists()


def test_exporting_twice_is_refused_with_a_message(kasse, invoices, demo_batches):
    client = client_for(kasse)
    ids = [i.pk for i in invoices]
    client.post(url("export"), {"invoice": ids, "format": "csv"})
    response = client.post(url("export"), {"invoice": ids, "format": "csv"}, follow=True)
    assert any("bereits exportiert" in m for m in messages_of(response))
    assert new_batches(demo_batches).count() == 1


def test_invoice_of_another_town_cannot_be_smuggled_in(kasse, invoices, demo_batches):
    foreign = ordered(unit_in("bruchsal"))
    response = client_for(kasse).post(
        url("export"), {"invoice": [invoices[0].pk, foreign.pk], "format": "csv"}, follow=True
    )
    assert any("nicht zu Ihrer Stadt" in m for m in messages_of(response))
    assert not new_batches(demo_batches).exists()
    assert Invoice.objects.get(pk=foreign.pk).status == InvoiceStatus.ORDERED


def test_bad_input_gives_a_message_not_an_error(kasse, invoices, demo_batches):
    client = client_for(kasse)
    for data in (
        {"invoice": ["x"], "format": "csv"},
        {"invoice": [invoices[0].pk], "format": "pdf"},
        {"invoice": [invoices[0].pk], "format": "csv", "stadt": "999999"},
    ):
        response = client.post(url("export"), data, follow=True)
        assert response.status_code == 200
        assert messages_of(response)
    assert not new_batches(demo_batches).exists()


# --- earlier files ------------------------------------------------------------------------------
def test_earlier_files_show_count_sum_who_and_when(kasse, invoices):
    batch = export.export(kasse, invoices, "csv")
    other_town = export.export(
        staff(unit_in("bruchsal"), "Kasse"), [ordered(unit_in("bruchsal"))], "csv"
    )

    response = client_for(kasse).get(url("export_batches"))

    assert response.status_code == 200
    rows = soup(response).select("table tbody tr")
    assert len(rows) == ExportBatch.objects.filter(site=batch.site).count()  # the demo's too
    cells = [cell.get_text(" ", strip=True) for cell in rows[0].select("td")]  # newest first
    assert cells[0] == batch.filename
    assert cells[1] == "Rastatt"
    assert cells[3] == "Kai Kasse"
    assert cells[4] == "2"
    assert cells[5] == "1.428,50 EUR"
    assert other_town.filename not in text_of(response)


def test_no_files_yet():
    bruchsal = unit_in("bruchsal")
    Invoice.objects.filter(site=bruchsal.site).update(export_batch=None)  # the demo's file …
    ExportBatch.objects.filter(site=bruchsal.site).delete()  # … gone (rolled back)
    newcomer = staff(bruchsal, "Kasse")
    response = client_for(newcomer).get(url("export_batches"))
    assert "noch keine Buchungsdateien" in text_of(response)


def test_download_of_another_towns_file_is_not_found(kasse):
    other = export.export(
        staff(unit_in("bruchsal"), "Kasse"), [ordered(unit_in("bruchsal"))], "csv"
    )
    assert client_for(kasse).get(url("export_download", other.pk)).status_code == 404
    assert client_for(kasse).get(url("export_download", 999_999_999)).status_code == 404


# --- who may ------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["Anordnung", "Rechnungseingang", "Sachliche Prüfung"])
def test_only_the_kasse_may_export(unit, invoices, role):
    batch = export.export(staff(unit, "Kasse"), [invoices[0]], "csv")
    client = client_for(staff(unit, role))
    for target in (url("export"), url("export_batches"), url("export_download", batch.pk)):
        response = client.get(target)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), target
    client.post(url("export"), {"invoice": [invoices[1].pk], "format": "csv"})
    assert Invoice.objects.get(pk=invoices[1].pk).status == InvoiceStatus.ORDERED


def test_anonymous_is_sent_to_the_login(invoices):
    response = Client(HTTP_HOST=ADMIN_HOST).get(url("export"))
    assert response.status_code == 302
    assert "login" in response["Location"]
