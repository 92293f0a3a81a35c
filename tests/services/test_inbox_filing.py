"""'In E-Akte ablegen' on the case page: a caseworker who also works with the E-Akte files
the case's uploads and its PDF summary into one of their open Akten."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from backoffice.efiles import actions, roles
from backoffice.efiles.models import Dokument
from services.models import CaseEvent, CaseEventKind
from tests.efiles.factories import akte, read, unit_in
from tests.services.factories import town
from tests.services.factories_inbox import add_file, admin_client, case_in, caseworker

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    """Caseworker of Bruchsal and E-Akte clerk of their unit."""
    user = caseworker("bruchsal", first_name="Paula", last_name="Prüfer")
    clerks, _officers = roles.setup_town(town("bruchsal"))
    user.groups.add(clerks)
    return user


@pytest.fixture
def file_(staff):
    return akte(staff.organisational_units.first(), user=staff, title="Hundesteuer Allgemein")


@pytest.fixture
def case():
    case = case_in("bruchsal")
    add_file(case, content=b"%PDF-1.4 Impfpass", name="Impfpass.pdf")
    return case


def page(client, case) -> BeautifulSoup:
    response = client.get(f"/admin/vorgaenge/{case.pk}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def post(client, case, **data):
    return client.post(
        f"/admin/vorgaenge/{case.pk}/e-akte/",
        {f"filing-{k}": v for k, v in data.items()},
        follow=True,
    )


def messages(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [li.get_text(" ", strip=True) for li in soup.select(".messages li")]


def notes(case) -> list[str]:
    return list(
        CaseEvent.objects.filter(case=case, kind=CaseEventKind.NOTE).values_list("text", flat=True)
    )


def test_caseworker_files_uploads_and_pdf_into_their_akte(staff, file_, case):
    client = admin_client(staff)
    soup = page(client, case)
    section = soup.find(id="case-filing-section")
    assert section is not None
    assert section.find("input", {"name": "filing-title"})["value"] == f"Antrag {case.reference}"
    labels = [label.get_text(strip=True) for label in section.select("#id_filing-files label")]
    assert labels == ["Antrag als PDF", "Impfpass.pdf"]

    case_file = case.files.get()
    response = post(
        client, case, akte=file_.pk, title="Antrag Hund", files=["pdf", str(case_file.pk)]
    )
    assert response.status_code == 200
    assert any(
        f"In E-Akte {file_.aktenzeichen} abgelegt (2 Dokumente)" in m for m in messages(response)
    )

    documents = Dokument.objects.filter(akte=file_).order_by("pk")
    assert [d.title for d in documents] == [
        f"Antrag Hund – {case.reference}.pdf",
        "Antrag Hund – Impfpass.pdf",
    ]
    assert read(documents[0].current_version).startswith(b"%PDF")
    assert read(documents[1].current_version) == b"%PDF-1.4 Impfpass"
    assert {d.document_type for d in documents} == {"antrag"}
    assert documents[0].vorgang.title == str(case)
    assert notes(case) == [f"In E-Akte {file_.aktenzeichen} abgelegt (2 Dokumente)"]

    section = page(client, case).find(id="case-filing-section")
    assert "Bereits abgelegt in:" in section.get_text()
    filed = [" ".join(li.get_text().split()) for li in section.select(".case-filed li")]
    assert filed == [
        f"{file_.aktenzeichen}: Antrag Hund – {case.reference}.pdf (Version 1)",
        f"{file_.aktenzeichen}: Antrag Hund – Impfpass.pdf (Version 1)",
    ]


def test_caseworker_without_e_akte_rights_sees_no_section(file_, case):
    other = caseworker("bruchsal")
    client = admin_client(other)
    assert page(client, case).find(id="case-filing-section") is None
    response = client.post(
        f"/admin/vorgaenge/{case.pk}/e-akte/",
        {"filing-akte": file_.pk, "filing-title": "x", "filing-files": ["pdf"]},
    )
    assert response.status_code in (302, 403)
    assert not Dokument.objects.filter(akte=file_).exists()


def test_another_towns_akte_is_refused(staff, file_, case):
    bretten = akte(unit_in("bretten"), title="Hundesteuer Bretten")
    response = post(admin_client(staff), case, akte=bretten.pk, title="Antrag", files=["pdf"])
    assert any("nicht gespeichert" in m for m in messages(response))
    soup = BeautifulSoup(response.content, "html.parser")
    error = soup.find(id="case-filing-section").get_text(" ", strip=True)
    assert "Diese Akte kann nicht gewählt werden" in error
    assert "Hundesteuer Bretten" not in error
    assert not Dokument.objects.filter(akte=bretten).exists()
    assert notes(case) == []


def test_closed_akte_and_no_files_are_refused(staff, file_, case):
    client = admin_client(staff)
    response = post(client, case, akte=file_.pk, title="Antrag", files=[])
    assert (
        "mindestens eine Datei"
        in BeautifulSoup(response.content, "html.parser").find(id="case-filing-section").get_text()
    )
    actions.close_akte(staff, file_)
    response = post(client, case, akte=file_.pk, title="Antrag", files=["pdf"])
    assert any(
        "Diese Akte kann nicht gewählt werden" in m or "nicht gespeichert" in m
        for m in messages(response)
    )
    assert not Dokument.objects.filter(akte=file_).exists()
    assert notes(case) == []


def test_records_error_is_shown_and_nothing_stored(staff, file_, case, monkeypatch):
    """The E-Akte refuses after validation (e.g. the Akte was closed meanwhile)."""
    from backoffice.efiles import records

    def refuse(*args, **kwargs):
        raise records.RecordError("Die Akte ist geschlossen (zdA).")

    monkeypatch.setattr(records, "file_into", refuse)
    response = post(admin_client(staff), case, akte=file_.pk, title="Antrag", files=["pdf"])
    assert any("Die Akte ist geschlossen (zdA)." in m for m in messages(response))
    assert notes(case) == []
