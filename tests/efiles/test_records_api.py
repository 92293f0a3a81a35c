"""The public API other apps use: ``records.file_into`` files documents into an Akte (all
or nothing, checked, audited), ``filed_for`` tells where an object was filed."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from filer.models import File as FilerFile

from backoffice.efiles import actions, records
from backoffice.efiles.models import AuditAction, AuditEntry, Dokument, Vorgang
from tests.efiles.factories import akte, clerk, pdf_bytes, read, unit_in
from tests.services.factories_inbox import case_in, caseworker

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return unit_in("bruchsal")


@pytest.fixture
def anna(unit):
    return clerk(unit, first_name="Anna", last_name="Amtmann")


@pytest.fixture
def file_(unit, anna):
    return akte(unit, user=anna, title="Hundesteuer Allgemein")


@pytest.fixture
def case():
    return case_in("bruchsal", service_name="Hund anmelden")


def stored_bytes(dokument_id: int) -> bytes:
    return read(Dokument.objects.get(pk=dokument_id).current_version)


def test_bytes_tuples_become_documents_with_their_bytes_and_source(file_, case, anna):
    pdf = pdf_bytes("Antrag auf Anmeldung eines Hundes")
    filed = records.file_into(
        case,
        file_,
        "Antrag",
        [("antrag.pdf", pdf), ("impfpass.txt", b"Tollwut 2025")],
        user=anna,
        document_type="antrag",
        sender="Erika Muster",
    )
    assert [doc.title for doc in filed] == ["Antrag – antrag.pdf", "Antrag – impfpass.txt"]
    assert [doc.version for doc in filed] == [1, 1]
    assert filed[0].url == f"/admin/e-akte/dokument/{filed[0].dokument_id}/"
    assert filed[0].aktenzeichen == file_.aktenzeichen
    assert stored_bytes(filed[0].dokument_id) == pdf
    assert stored_bytes(filed[1].dokument_id) == b"Tollwut 2025"
    dokument = Dokument.objects.get(pk=filed[0].dokument_id)
    assert dokument.source == f"services.Case {case}"[:100]
    assert dokument.document_type == "antrag"
    assert dokument.sender == "Erika Muster"
    assert dokument.created_by == anna
    assert dokument.vorgang.title == str(case)
    assert dokument.current_version.content_type == "application/pdf"
    created = AuditEntry.objects.filter(akte_id=file_.pk, action=AuditAction.CREATE)
    assert created.filter(object_kind="dokument").count() == 2
    assert created.filter(object_kind="vorgang").count() == 1


def test_uploaded_files_and_one_file_keeps_the_title(file_, case, anna):
    content = pdf_bytes("Bescheid")  # carries its creation time: keep the exact bytes
    upload = SimpleUploadedFile("Bescheid.pdf", content, "application/pdf")
    filed = records.file_into(case, file_.pk, "Bescheid Hundesteuer", [upload], user=anna)
    assert [doc.title for doc in filed] == ["Bescheid Hundesteuer"]
    assert stored_bytes(filed[0].dokument_id) == content


def test_second_filing_uses_the_same_vorgang(file_, case, anna):
    records.file_into(case, file_, "Antrag", [("a.txt", b"eins")], user=anna)
    records.file_into(case, file_, "Nachweis", [("b.txt", b"zwei")], user=anna)
    assert Vorgang.objects.filter(akte=file_).count() == 1
    custom = records.file_into(
        case, file_, "Vermerk", [("c.txt", b"drei")], user=anna, vorgang_title="Prüfung"
    )
    assert Dokument.objects.get(pk=custom[0].dokument_id).vorgang.title == "Prüfung"


def test_all_or_nothing_when_the_second_file_is_empty(file_, case, anna):
    files_before = FilerFile.objects.count()
    with pytest.raises(records.RecordError) as error:
        records.file_into(case, file_, "Antrag", [("a.pdf", b"%PDF-1.4 x"), ("leer.pdf", b"")])
    assert error.value.message == "Die Datei „leer.pdf“ ist leer."
    assert not Dokument.objects.filter(akte=file_).exists()
    assert not Vorgang.objects.filter(akte=file_).exists()
    assert FilerFile.objects.count() == files_before


def test_nothing_stays_when_a_later_document_fails(file_, case, anna, monkeypatch):
    """A failure after the first document was stored rolls everything back."""
    real = actions.add_dokument
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise actions.RecordError("kaputt")
        return real(*args, **kwargs)

    monkeypatch.setattr(actions, "add_dokument", failing)
    files_before = FilerFile.objects.count()
    with pytest.raises(records.RecordError):
        records.file_into(case, file_, "Antrag", [("a.txt", b"eins"), ("b.txt", b"zwei")])
    assert not Dokument.objects.filter(akte=file_).exists()
    assert FilerFile.objects.count() == files_before


def test_closed_akte_is_refused(file_, case, anna):
    actions.close_akte(anna, file_)
    with pytest.raises(records.RecordError) as error:
        records.file_into(case, file_, "Antrag", [("a.txt", b"eins")], user=anna)
    assert "geschlossen (zdA)" in error.value.message
    assert not Dokument.objects.filter(akte=file_).exists()


def test_no_files_and_no_title_are_refused(file_, case):
    with pytest.raises(records.RecordError, match="mindestens eine Datei"):
        records.file_into(case, file_, "Antrag", [])
    with pytest.raises(records.RecordError, match="Titel"):
        records.file_into(case, file_, "  ", [("a.txt", b"eins")])


def test_users_without_access_are_refused(file_, case):
    with pytest.raises(records.RecordError) as error:
        records.file_into(
            case, file_, "Antrag", [("a.txt", b"eins")], user=clerk(unit_in("bruchsal"))
        )
    assert error.value.message == f"Die Akte „{file_}“ wurde nicht gefunden."
    with pytest.raises(records.RecordError) as error:
        records.file_into(
            case, file_.pk, "Antrag", [("a.txt", b"eins")], user=caseworker("bruchsal")
        )
    assert error.value.message == "Sie dürfen keine Dokumente in der E-Akte ablegen."
    bretten = clerk(unit_in("bretten"))
    with pytest.raises(records.RecordError) as error:
        records.file_into(case, file_.aktenzeichen, "Antrag", [("a.txt", b"x")], user=bretten)
    assert error.value.message == f"Die Akte „{file_.aktenzeichen}“ wurde nicht gefunden."
    assert not Dokument.objects.filter(akte=file_).exists()


def test_akte_by_aktenzeichen_in_the_town_of_the_object(file_, case, anna):
    filed = records.file_into(case, file_.aktenzeichen, "Antrag", [("a.txt", b"x")], user=anna)
    assert filed[0].akte_id == file_.pk
    with pytest.raises(records.RecordError, match="nicht gefunden"):
        records.file_into(case, "999.9/9999/1999", "Antrag", [("a.txt", b"x")])
    elsewhere = case_in("bretten")
    with pytest.raises(records.RecordError, match="nicht gefunden"):
        records.file_into(elsewhere, file_.aktenzeichen, "Antrag", [("a.txt", b"x")])
    with pytest.raises(records.RecordError, match="anderen Stadt"):
        records.file_into(elsewhere, file_.pk, "Antrag", [("a.txt", b"x")])


def test_filed_for_lists_the_documents_of_the_object(file_, case, anna):
    assert records.filed_for(case) == []
    filed = records.file_into(case, file_, "Antrag", [("a.txt", b"x"), ("b.txt", b"y")])
    records.file_into(case_in("bruchsal"), file_, "Anderer", [("c.txt", b"z")])
    found = records.filed_for(case)
    assert [doc.dokument_id for doc in found] == [doc.dokument_id for doc in filed]
    assert found[0].aktenzeichen == file_.aktenzeichen
    assert found[0].akte_url == f"/admin/e-akte/{file_.pk}/"
    assert records.filed_for(case, user=anna) == found
    assert records.filed_for(case, user=clerk(unit_in("bruchsal"))) == []


def test_helpers_for_choosers(file_, anna, unit):
    closed = akte(unit, user=anna, title="Alt")
    actions.close_akte(anna, closed)
    assert list(records.open_akten_for(anna)) == [file_]
    assert records.akte_label(file_.pk) == f"{file_.aktenzeichen} – Hundesteuer Allgemein"
    assert records.akte_label(0) == ""
    assert records.akte_url(file_.pk) == f"/admin/e-akte/{file_.pk}/"
    assert records.may_file(anna)
    assert not records.may_file(caseworker("bruchsal"))
