"""The records UI for documents: adding, versions (earlier ones stay downloadable),
check-out/check-in, closed files, downloads – and nothing of another town or above one's
clearance, not even by guessing ids or download URLs."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from backoffice.efiles import actions
from backoffice.efiles.models import (
    AuditAction,
    AuditEntry,
    Confidentiality,
    Dokument,
    DokumentVersion,
    TextStatus,
)
from tests.efiles.factories import (
    ADMIN_HOST,
    PlanUnitFactory,
    akte,
    clerk,
    dokument,
    officer,
    pdf_bytes,
    read,
    text_upload,
    unit_in,
)

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    return client


def url(name: str, *args) -> str:
    return reverse(f"efiles:{name}", args=args)


def text_of(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def version_rows(response) -> list[list[str]]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in soup.select("tr.efiles-version")
    ]


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def bau():
    return unit_in("bruchsal", name="Bauamt Bruchsal")


@pytest.fixture
def user(bau):
    return clerk(bau, first_name="Anna", last_name="Arndt")


@pytest.fixture
def record(bau, user):
    return akte(bau, plan_unit=PlanUnitFactory(site=bau.site, code="632.1"), user=user)


@pytest.fixture
def doc(record, user):
    return dokument(record, user=user, title="Bauantrag", content=pdf_bytes("Version eins"))


def test_add_dokument_stores_version_one(record, user):
    vorgang = actions.create_vorgang(user, record, title="Antrag")
    client = client_for(user)
    assert client.get(url("dokument_add", vorgang.pk)).status_code == 200
    response = client.post(
        url("dokument_add", vorgang.pk),
        {
            "title": "Lageplan",
            "document_type": "plan",
            "document_date": "2026-02-03",
            "sender": "Architekturbüro Weber",
            "recipient": "",
            "confidentiality": "0",
            "file": text_upload("Lageplan Flurstück 12", name="lageplan.txt"),
            "comment": "Eingang per Post",
        },
        follow=True,
    )
    created = Dokument.objects.get(title="Lageplan")
    assert response.redirect_chain[-1][0] == url("dokument_detail", created.pk)
    assert (created.document_type, created.sender) == ("plan", "Architekturbüro Weber")
    assert str(created.document_date) == "2026-02-03"
    rows = version_rows(response)
    assert len(rows) == 1
    assert rows[0][0].startswith("1")
    assert rows[0][1] == "lageplan.txt"
    assert rows[0][3] == "Anna Arndt"
    assert rows[0][5] == "Eingang per Post"


def test_add_dokument_without_file_or_above_clearance_is_refused(record, user):
    vorgang = actions.create_vorgang(user, record, title="Antrag")
    data = {"title": "Lageplan", "document_type": "plan", "document_date": "2026-02-03"}
    response = client_for(user).post(
        url("dokument_add", vorgang.pk), {**data, "confidentiality": 0}
    )
    assert "Bitte eine Datei auswählen." in text_of(response)
    response = client_for(user).post(
        url("dokument_add", vorgang.pk),
        {**data, "confidentiality": 2, "file": text_upload("x")},
    )
    assert "Diese Schutzstufe können Sie nicht vergeben." in text_of(response)
    assert not Dokument.objects.filter(vorgang=vorgang).exists()


def test_new_version_is_shown_and_version_one_stays_downloadable(doc, user):
    original = read(doc.current_version)
    client = client_for(user)
    new_content = pdf_bytes("Version zwei")
    response = client.post(
        url("dokument_upload", doc.pk),
        {
            "version-file": SimpleUploadedFile("Bauantrag-v2.pdf", new_content),
            "version-comment": "Unterschrift ergänzt",
        },
        follow=True,
    )
    assert response.status_code == 200
    rows = version_rows(response)
    assert [row[0] for row in rows] == ["2 aktuell", "1"]
    assert rows[0][1:2] + rows[0][5:] == ["Bauantrag-v2.pdf", "Unterschrift ergänzt"]
    first = client.get(url("download", doc.pk, 1))
    assert first.status_code == 200
    assert body(first) == original
    second = client.get(url("download", doc.pk, 2))
    assert body(second) == new_content
    assert second["Content-Type"] == "application/pdf"
    assert second["X-Content-Type-Options"] == "nosniff"
    assert {"private", "no-store"} <= set(second["Cache-Control"].replace(" ", "").split(","))
    assert second["Content-Disposition"] == 'attachment; filename="Bauantrag-v2.pdf"'
    assert client.get(url("download", doc.pk, 3)).status_code == 404


def test_checked_out_by_a_then_upload_by_b_is_refused(bau, doc, user):
    colleague = clerk(bau, first_name="Bernd", last_name="Bauer")
    response = client_for(user).post(url("dokument_checkout", doc.pk), follow=True)
    assert "ausgecheckt von Anna Arndt" in text_of(response)
    client = client_for(colleague)
    response = client.get(url("dokument_detail", doc.pk))
    assert "ausgecheckt von Anna Arndt" in text_of(response)
    soup = BeautifulSoup(response.content, "html.parser")
    assert not soup.select(f'form[action="{url("dokument_checkin", doc.pk)}"]')
    response = client.post(
        url("dokument_upload", doc.pk),
        {"version-file": SimpleUploadedFile("neu.pdf", pdf_bytes("neu")), "version-comment": ""},
    )
    assert response.status_code == 200
    assert "„Bauantrag“ ist seit" in text_of(response)
    assert "von Anna Arndt ausgecheckt" in text_of(response)
    assert DokumentVersion.objects.filter(dokument=doc).count() == 1
    # nor may B check it in
    client.post(url("dokument_checkin", doc.pk), {"checkin-comment": ""})
    doc.refresh_from_db()
    assert doc.locked_by == user


def test_check_in_with_a_new_version_releases_the_lock(doc, user):
    client = client_for(user)
    client.post(url("dokument_checkout", doc.pk))
    response = client.post(
        url("dokument_checkin", doc.pk),
        {
            "checkin-file": SimpleUploadedFile("Bauantrag.pdf", pdf_bytes("überarbeitet")),
            "checkin-comment": "überarbeitet",
        },
        follow=True,
    )
    doc.refresh_from_db()
    assert doc.locked_by is None
    assert doc.current_version.number == 2
    assert "„Bauantrag“ wurde mit einer neuen Version eingecheckt." in text_of(response)
    assert "frei" in text_of(response)


def test_records_officer_releases_someone_elses_lock(bau, doc, user):
    actions.check_out(user, doc)
    colleague = clerk(bau)
    # a colleague cannot force it
    response = client_for(colleague).post(url("dokument_checkin", doc.pk), {"force": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    doc.refresh_from_db()
    assert doc.locked_by == user
    records_officer = officer(bau)
    client = client_for(records_officer)
    assert "Sperre aufheben" in text_of(client.get(url("dokument_detail", doc.pk)))
    response = client.post(
        url("dokument_checkin", doc.pk),
        {"force": "1", "checkin-comment": "Urlaub"},
        follow=True,
    )
    doc.refresh_from_db()
    assert doc.locked_by is None
    entry = AuditEntry.objects.filter(object_id=doc.pk, action=AuditAction.UNLOCK).get()
    assert entry.user == records_officer
    assert entry.message.startswith("Sperre von Anna Arndt aufgehoben.")


def test_closed_akte_refuses_upload_with_the_zda_message(record, doc, user):
    actions.close_akte(user, record)
    client = client_for(user)
    page = text_of(client.get(url("dokument_detail", doc.pk)))
    assert "Neue Version hochladen" not in page
    assert "Die Akte ist geschlossen" in page
    response = client.post(
        url("dokument_upload", doc.pk),
        {"version-file": SimpleUploadedFile("neu.pdf", pdf_bytes("neu"))},
    )
    assert response.status_code == 200
    message = f"Die Akte {record.aktenzeichen} ist geschlossen (zdA) und kann nicht mehr geändert"
    assert message in text_of(response)
    assert doc.versions.count() == 1
    response = client.post(url("dokument_checkout", doc.pk))
    assert message in text_of(response)
    doc.refresh_from_db()
    assert doc.locked_by is None
    # reading and downloading still work
    assert client.get(url("download", doc.pk, 1)).status_code == 200


def test_edit_metadata(doc, user):
    client = client_for(user)
    assert client.get(url("dokument_edit", doc.pk)).status_code == 200
    response = client.post(
        url("dokument_edit", doc.pk),
        {
            "title": "Bauantrag (vollständig)",
            "document_type": "antrag",
            "document_date": "2026-01-10",
            "sender": "Familie Müller",
            "recipient": "Bauamt",
            "confidentiality": "0",
        },
        follow=True,
    )
    doc.refresh_from_db()
    assert (doc.title, doc.sender, doc.document_type) == (
        "Bauantrag (vollständig)",
        "Familie Müller",
        "antrag",
    )
    assert "Familie Müller" in text_of(response)
    entry = AuditEntry.objects.get(object_id=doc.pk, action=AuditAction.CHANGE)
    assert entry.after["sender"] == "Familie Müller"


def test_view_and_download_leave_exactly_one_audit_entry_each(doc, user):
    client = client_for(user)
    assert client.get(url("dokument_detail", doc.pk)).status_code == 200
    body(client.get(url("download", doc.pk, 1)))
    entries = AuditEntry.objects.filter(object_kind="dokument", object_id=doc.pk)
    views = entries.filter(action=AuditAction.VIEW)
    downloads = entries.filter(action=AuditAction.DOWNLOAD)
    assert [entry.user for entry in views] == [user]
    assert [(entry.user, entry.after) for entry in downloads] == [
        (user, {"version": 1, "filename": "Bauantrag.pdf"})
    ]


def test_text_status_is_shown(record, user):
    with_text = dokument(record, user=user, title="Vermerk")
    Dokument.objects.filter(pk=with_text.pk).update(text_status=TextStatus.DONE)
    response = client_for(user).get(url("dokument_detail", with_text.pk))
    assert "Volltext vorhanden" in text_of(response)


@pytest.mark.parametrize("case", ["other unit", "other town", "above clearance"])
def test_documents_the_user_may_not_see_do_not_exist(bau, user, case):
    if case == "above clearance":
        visible_file = akte(bau)
        hidden = dokument(visible_file, title="Vertraulich", confidentiality=Confidentiality.VS_NFD)
    else:
        unit = unit_in("bruchsal" if case == "other unit" else "rastatt")
        hidden = dokument(akte(unit), title="Fremd")
    client = client_for(user)
    for name in ("dokument_detail", "dokument_edit"):
        assert client.get(url(name, hidden.pk)).status_code == 404
    assert client.get(url("download", hidden.pk, 1)).status_code == 404
    for name in ("dokument_upload", "dokument_checkout", "dokument_checkin"):
        assert client.post(url(name, hidden.pk), {}).status_code == 404
    assert client.get(url("dokument_add", hidden.vorgang_id)).status_code in (
        (200,) if case == "above clearance" else (404,)
    )
    assert not AuditEntry.objects.filter(user=user, object_id=hidden.pk).exists()
    hidden.refresh_from_db()
    assert hidden.locked_by is None
