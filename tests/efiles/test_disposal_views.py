"""The disposal screens of the records officer (list, assessing, confirmation, package
download) and the xdomea export of a file for staff – through the admin."""

from __future__ import annotations

import io
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import storages
from django.test import Client
from django.urls import reverse

from backoffice.efiles import disposal
from backoffice.efiles.models import Akte, AkteStatus, AuditAction, AuditEntry
from tests.efiles.factories import ADMIN_HOST, akte, clerk, officer, unit_in
from tests.efiles.test_disposal import closed_akte

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    return client


def url(name: str, *args) -> str:
    return reverse(f"efiles:{name}", args=args)


def text_of(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in response.context["messages"]]


@pytest.fixture
def unit():
    return unit_in("stutensee")


@pytest.fixture
def clara(unit):
    return clerk(unit, first_name="Clara", last_name="Clerk")


@pytest.fixture
def otto(unit):
    return officer(unit, first_name="Otto", last_name="Ordnung")


def test_empty_disposal_list(unit, otto):
    # no file of the town is due (the demo has some: take them up again for this test)
    Akte.objects.filter(site=unit.site).update(status=AkteStatus.OPEN, closed_on=None)
    response = client_for(otto).get(url("disposal_index"))
    assert response.status_code == 200
    assert "Derzeit sind keine Akten zur Aussonderung fällig." in text_of(response)


def test_list_shows_the_due_files_of_the_officers_towns_in_three_sections(unit, clara, otto):
    a_file = closed_akte(unit, clara, kind="A", title="Bebauungsplan Nord")
    b_file = closed_akte(unit, clara, kind="B", title="Vereinsförderung")
    v_file = closed_akte(unit, clara, kind="V", title="Parkausweise")
    other_unit = unit_in("bretten")
    foreign = closed_akte(other_unit, clerk(other_unit), kind="V", title="Fremde Akte")
    response = client_for(otto).get(url("disposal_index"))
    soup = BeautifulSoup(response.content, "html.parser")
    text = text_of(response)
    due = sum(len(files) for files in disposal.due(Akte.objects.filter(site=unit.site)).values())
    assert f"{due} Akten sind zur Aussonderung fällig" in text
    for kind, record in (("A", a_file), ("B", b_file), ("V", v_file)):
        section = soup.find(id=f"disposal-{kind}-section")
        assert section is not None and record.aktenzeichen in section.get_text()
    assert "Fremde Akte" not in text and foreign.aktenzeichen not in text
    boxes = {box["value"] for box in soup.select("input[name=akte]")}
    assert {str(a_file.pk), str(v_file.pk)} <= boxes
    assert str(b_file.pk) not in boxes  # B needs a decision first
    assert soup.find("a", href=url("disposal_assess", b_file.pk))
    assert "31.12.2016" in text  # Aufbewahrung bis (closed 2014 + 2 years)


def test_clerks_may_not_open_the_disposal_screens(unit, clara):
    record = closed_akte(unit, clara, kind="B")
    client = client_for(clara)
    # Wagtail's "no permission": back to the dashboard with a message
    assert client.get(url("disposal_index")).status_code in (302, 403)
    assert client.get(url("disposal_assess", record.pk)).status_code in (302, 403)
    response = client.post(url("disposal_approve"), {"akte": [record.pk], "confirm": "1"})
    assert response.status_code in (302, 403)
    assert response.get("Location", "") != url("disposal_index")
    assert Akte.objects.filter(pk=record.pk).exists()


def test_assessing_a_b_file(unit, clara, otto):
    record = closed_akte(unit, clara, kind="B")
    client = client_for(otto)
    page = client.get(url("disposal_assess", record.pk))
    assert page.status_code == 200 and record.aktenzeichen in text_of(page)
    bad = client.post(url("disposal_assess", record.pk), {"decision": "A", "reason": ""})
    assert bad.status_code == 200
    assert "Bitte die Bewertung begründen." in text_of(bad)
    record.refresh_from_db()
    assert record.disposal_decision == ""
    done = client.post(
        url("disposal_assess", record.pk), {"decision": "A", "reason": "Stadtgeschichte"}
    )
    assert done.status_code == 302
    record.refresh_from_db()
    assert record.disposal_decision == "A"
    assert AuditEntry.objects.filter(akte_id=record.pk, action=AuditAction.ASSESS).count() == 1


def test_approving_asks_for_confirmation_then_disposes(
    unit, clara, otto, django_capture_on_commit_callbacks
):
    a_file = closed_akte(unit, clara, kind="A")
    v_files = [closed_akte(unit, clara, kind="V") for _ in range(2)]
    ids = [a_file.pk, *(v.pk for v in v_files)]
    client = client_for(otto)

    confirm = client.post(url("disposal_approve"), {"akte": ids})
    text = text_of(confirm)
    assert confirm.status_code == 200
    assert "2 Akten werden vernichtet – das kann nicht rückgängig gemacht werden." in text
    assert "1 Akte wird an das Archiv abgegeben." in text
    assert Akte.objects.filter(pk__in=ids).count() == 3  # nothing happened yet

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url("disposal_approve"), {"akte": ids, "confirm": "1"}, follow=True)
    messages = " ".join(messages_of(done))
    assert "2 Akte(n) vernichtet" in messages and "1 Akte(n) an das Archiv abgegeben" in messages
    assert not Akte.objects.filter(pk__in=[v.pk for v in v_files]).exists()
    a_file.refresh_from_db()
    assert a_file.status == AkteStatus.TRANSFERRED
    storages["private"].delete(disposal.package_of(a_file).after["package"])


def test_other_towns_files_cannot_be_approved_or_assessed(unit, clara):
    record = closed_akte(unit, clara, kind="B")
    stranger = officer(unit_in("buehl"))
    client = client_for(stranger)
    assert client.get(url("disposal_assess", record.pk)).status_code == 404
    assert client.get(url("disposal_assess", 999999999)).status_code == 404
    response = client.post(url("disposal_approve"), {"akte": [record.pk, "x"]}, follow=True)
    assert "nicht gefunden" in " ".join(messages_of(response))
    client.post(url("disposal_approve"), {"akte": [record.pk], "confirm": "1"})
    assert Akte.objects.filter(pk=record.pk, status=AkteStatus.CLOSED).exists()


def test_nothing_selected(otto):
    response = client_for(otto).post(url("disposal_approve"), {}, follow=True)
    assert "Bitte mindestens eine Akte auswählen." in messages_of(response)


def test_package_of_a_transferred_file_can_be_downloaded_by_officers_only(unit, clara, otto):
    record = closed_akte(unit, clara, kind="A")
    client = client_for(otto)
    assert client.get(url("disposal_package", record.pk)).status_code == 404  # not transferred
    disposal.approve(otto, [record.pk])
    entry = disposal.package_of(record)
    response = client.get(url("disposal_package", record.pk))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    with storages["private"].open(entry.after["package"], "rb") as handle:
        assert body == handle.read()
    assert entry.after["filename"] in response["Content-Disposition"]
    assert zipfile.ZipFile(io.BytesIO(body)).testzip() is None
    assert (
        client_for(officer(unit_in("bruchsal"))).get(url("disposal_package", record.pk)).status_code
        == 404
    )
    denied = client_for(clara).get(url("disposal_package", record.pk))
    assert denied.status_code in (302, 403) and not getattr(denied, "streaming", False)
    storages["private"].delete(entry.after["package"])


def test_staff_export_a_visible_file_as_xdomea(unit, clara):
    record = akte(unit, user=clara, title="Offene Akte")
    response = client_for(clara).get(url("akte_export", record.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "_Aussonderung.Aussonderung.0503.zip" in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        assert any(name.endswith(".xml") for name in package.namelist())
    entries = AuditEntry.objects.filter(akte_id=record.pk, action=AuditAction.EXPORT)
    assert entries.count() == 1 and entries.get().username == clara.username
    stranger = clerk(unit_in("gaggenau"))
    assert client_for(stranger).get(url("akte_export", record.pk)).status_code == 404
    assert client_for(clara).get(url("akte_export", 987654321)).status_code == 404
