"""Versions, locks, closing (zdA) and the audit entry every action leaves – through the
actions every view and the public API use."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from backoffice.efiles import actions
from backoffice.efiles.models import (
    Akte,
    AkteStatus,
    AuditAction,
    AuditEntry,
    Dokument,
    DokumentVersion,
    TextStatus,
)
from tests.efiles.factories import (
    PlanUnitFactory,
    akte,
    clerk,
    dokument,
    pdf_bytes,
    read,
    unit_in,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return unit_in("bruchsal")


@pytest.fixture
def anna(unit):
    return clerk(unit, first_name="Anna", last_name="Amtmann")


@pytest.fixture
def bert(unit):
    return clerk(unit, first_name="Bert", last_name="Bauer")


def entries(obj_akte) -> list[str]:
    return list(
        AuditEntry.objects.filter(akte_id=obj_akte.pk)
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_new_akte_gets_the_next_aktenzeichen_of_its_plan_unit(unit, anna):
    plan = PlanUnitFactory(site=unit.site, code="799.31", retention_years=30, disposal="A")
    first = akte(unit, plan_unit=plan, user=anna)
    second = akte(unit, plan_unit=plan, user=anna, title="Zweiter Bauantrag")
    year = timezone.localdate().year
    assert first.aktenzeichen == f"799.31/0001/{year}"
    assert second.aktenzeichen == f"799.31/0002/{year}"
    # retention and disposal are taken from the plan unit
    assert (second.retention_years, second.disposal) == (30, "A")
    assert entries(first) == [AuditAction.CREATE]
    entry = AuditEntry.objects.get(akte_id=first.pk)
    assert entry.username == anna.username
    assert entry.after["aktenzeichen"] == first.aktenzeichen


def test_akte_needs_a_title_and_an_active_plan_unit(unit, anna):
    with pytest.raises(actions.RecordError, match="Betreff"):
        akte(unit, user=anna, title="  ")
    inactive = PlanUnitFactory(site=unit.site, active=False)
    with pytest.raises(actions.RecordError, match="keine neuen Akten"):
        akte(unit, plan_unit=inactive, user=anna)
    assert not Akte.objects.filter(org_unit=unit).exists()


def test_unit_and_plan_of_different_towns_are_refused(unit, anna):
    other_plan = PlanUnitFactory(site=unit_in("rastatt").site)
    with pytest.raises(actions.RecordError, match="verschiedenen Städten"):
        akte(unit, plan_unit=other_plan, user=anna)


def test_every_upload_is_a_new_version_and_old_versions_stay(unit, anna):
    record = akte(unit, user=anna)
    first_pdf, second_pdf = pdf_bytes("Erste Fassung"), pdf_bytes("Zweite Fassung")
    doc = dokument(record, user=anna, content=first_pdf)
    second = actions.add_version(anna, doc, upload(second_pdf), "Korrektur")
    versions = list(doc.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert second.comment == "Korrektur" and second.created_by == anna
    # the PDFs carry their creation time: compare with exactly the bytes uploaded
    assert read(versions[0]) == first_pdf
    assert read(versions[1]) == second_pdf
    assert (
        versions[0].file.folder == versions[1].file.folder == Akte.objects.get(pk=record.pk).folder
    )
    assert not versions[0].file.is_public
    entry = AuditEntry.objects.filter(object_kind="dokument", object_id=doc.pk).first()
    assert (entry.action, entry.before, entry.after["version"]) == ("upload", {"version": 1}, 2)


def test_text_is_read_after_the_upload_commits(unit, anna, django_capture_on_commit_callbacks):
    record = akte(unit, user=anna)
    with django_capture_on_commit_callbacks(execute=True):
        doc = dokument(record, user=anna, content=pdf_bytes("Baugenehmigung Dachgaube Kirchstraße"))
    doc.refresh_from_db()
    assert doc.text_status == TextStatus.DONE
    assert "Dachgaube" in doc.text


def test_checked_out_document_gets_no_version_from_someone_else(unit, anna, bert):
    record = akte(unit, user=anna)
    doc = dokument(record, user=anna)
    actions.check_out(anna, doc)
    with pytest.raises(actions.RecordError, match="von Anna Amtmann ausgecheckt"):
        actions.add_version(bert, doc, upload())
    with pytest.raises(actions.RecordError, match="ausgecheckt"):
        actions.check_out(bert, doc)
    with pytest.raises(actions.RecordError):
        actions.check_in(bert, doc)
    assert doc.versions.count() == 1
    # the holder may upload and check in with a new version
    actions.check_in(anna, doc, upload(pdf_bytes("überarbeitet")), "fertig")
    doc.refresh_from_db()
    assert doc.locked_by is None and doc.versions.count() == 2
    actions.add_version(bert, doc, upload())
    assert doc.versions.count() == 3
    kinds = list(
        AuditEntry.objects.filter(object_kind="dokument", object_id=doc.pk)
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert kinds == ["create", "lock", "unlock", "upload"]


def test_forced_check_in_names_whose_lock_was_released(unit, anna, bert):
    doc = dokument(akte(unit, user=anna), user=anna)
    actions.check_out(anna, doc)
    actions.check_in(bert, doc, force=True)
    entry = AuditEntry.objects.filter(object_kind="dokument", object_id=doc.pk).first()
    assert entry.action == "unlock"
    assert "Sperre von Anna Amtmann aufgehoben" in entry.message


def test_closed_akte_is_read_only(unit, anna):
    record = akte(unit, user=anna)
    doc = dokument(record, user=anna)
    vorgang = doc.vorgang
    actions.close_akte(anna, record, dt.date.today())
    record.refresh_from_db()
    assert record.status == AkteStatus.CLOSED
    assert record.retention_ends == dt.date(dt.date.today().year + record.retention_years, 12, 31)
    message = f"Die Akte {record.aktenzeichen} ist geschlossen (zdA)"
    with pytest.raises(actions.RecordError, match=message.replace("(", r"\(").replace(")", r"\)")):
        actions.add_version(anna, doc, upload())
    for attempt in (
        lambda: actions.add_dokument(anna, vorgang, title="Nachtrag", upload=upload()),
        lambda: actions.create_vorgang(anna, record, title="Neu"),
        lambda: actions.update_akte(anna, record, title="Anders"),
        lambda: actions.check_out(anna, doc),
    ):
        with pytest.raises(actions.RecordError):
            attempt()
    assert DokumentVersion.objects.filter(dokument__akte=record).count() == 1
    assert Dokument.objects.filter(akte=record).count() == 1
    assert entries(record).count("close") == 1


def test_akte_with_a_checked_out_document_cannot_be_closed(unit, anna):
    record = akte(unit, user=anna)
    doc = dokument(record, user=anna, title="Entwurf Bescheid")
    actions.check_out(anna, doc)
    with pytest.raises(actions.RecordError, match="Entwurf Bescheid"):
        actions.close_akte(anna, record)
    record.refresh_from_db()
    assert record.status == AkteStatus.OPEN


def test_closing_date_must_be_plausible(unit, anna):
    record = akte(unit, user=anna, opened_on=dt.date(2024, 3, 1))
    with pytest.raises(actions.RecordError, match="vor dem Anlagedatum"):
        actions.close_akte(anna, record, dt.date(2024, 2, 1))
    with pytest.raises(actions.RecordError, match="Zukunft"):
        actions.close_akte(anna, record, dt.date.today() + dt.timedelta(days=3))


def test_reopening_needs_a_reason_and_is_recorded(unit, anna):
    record = akte(unit, user=anna)
    actions.close_akte(anna, record)
    with pytest.raises(actions.RecordError, match="Grund"):
        actions.reopen_akte(anna, record, "")
    actions.reopen_akte(anna, record, "Widerspruch eingegangen")
    record.refresh_from_db()
    assert record.status == AkteStatus.OPEN and record.closed_on is None
    assert AuditEntry.objects.filter(akte_id=record.pk).first().message == "Widerspruch eingegangen"


def test_metadata_change_records_before_and_after_of_changed_fields_only(unit, anna):
    record = akte(unit, user=anna, title="Alt")
    actions.update_akte(anna, record, title="Neu", description="")
    entry = AuditEntry.objects.filter(akte_id=record.pk).first()
    assert (entry.action, entry.before, entry.after) == (
        "change",
        {"title": "Alt"},
        {"title": "Neu"},
    )
    # saving the same values leaves no entry
    actions.update_akte(anna, record, title="Neu")
    assert entries(record) == ["create", "change"]


def test_empty_and_too_large_uploads_are_refused(unit, anna, settings):
    record = akte(unit, user=anna)
    vorgang = actions.create_vorgang(anna, record, title="Antrag")
    with pytest.raises(actions.RecordError, match="leer"):
        actions.add_dokument(anna, vorgang, title="Leer", upload=upload(b"", name="leer.pdf"))
    settings.EFILES_MAX_UPLOAD_MB = 1
    with pytest.raises(actions.RecordError, match="höchstens 1 MB"):
        actions.add_dokument(anna, vorgang, title="Groß", upload=upload(b"x" * (1024 * 1024 + 1)))
    assert not vorgang.dokumente.exists()


def test_vorgang_numbers_count_per_akte(unit, anna):
    record = akte(unit, user=anna)
    first = actions.create_vorgang(anna, record, title="Antrag")
    second = actions.create_vorgang(anna, record, title="Widerspruch")
    assert (first.number, second.number) == (1, 2)
    assert second.reference == f"{record.aktenzeichen}-2"


def test_changed_pattern_never_repeats_an_aktenzeichen(unit, anna):
    from backoffice.efiles.aktenzeichen import settings_for

    plan = PlanUnitFactory(site=unit.site, code="101")
    records = settings_for(unit.site)
    records.aktenzeichen_pattern = "{plan}-{nummer}"
    records.save()
    first = akte(unit, plan_unit=plan, user=anna)
    # a pattern with the year counts per year – its first number would repeat "101-1"
    records.aktenzeichen_pattern = "{plan}-{nummer}{jahr2}"
    records.save()
    Akte.objects.filter(pk=first.pk).update(aktenzeichen=f"101-1{first.year % 100:02d}")
    second = akte(unit, plan_unit=plan, user=anna)
    assert second.aktenzeichen == f"101-2{first.year % 100:02d}"
