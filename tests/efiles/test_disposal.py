"""Retention and disposal on real files: which files are due, assessing B files, destroying
V files (bytes gone, tombstone kept) and transferring A files (xdomea package stored)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile

import pytest
from django.core.files.storage import storages
from django.utils import timezone
from filer.models import File

from backoffice.efiles import access, actions, disposal
from backoffice.efiles.models import (
    Akte,
    AkteStatus,
    AuditAction,
    AuditEntry,
    Dokument,
    DokumentVersion,
    Vorgang,
)
from tests.efiles.factories import (
    PlanUnitFactory,
    akte,
    clerk,
    dokument,
    officer,
    read,
    unit_in,
    upload,
)

pytestmark = pytest.mark.django_db

LONG_AGO = dt.date(2012, 3, 1)


def closed_akte(unit, user, *, kind="V", years=2, closed_on=dt.date(2014, 6, 30), title=None):
    """A file with one document (version 1 and 2), closed on ``closed_on``."""
    plan = PlanUnitFactory(site=unit.site, disposal=kind, retention_years=years)
    record = akte(
        unit, plan_unit=plan, user=user, opened_on=LONG_AGO, title=title or f"{kind}-Akte"
    )
    doc = dokument(record, user=user, title="Bescheid")
    actions.add_version(user, doc, upload(text="zweite Fassung"), "überarbeitet")
    actions.close_akte(user, record, closed_on=closed_on)
    record.refresh_from_db()
    return record


def new_entries(since: int) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(pk__gt=since).order_by("pk"))


def last_pk() -> int:
    entry = AuditEntry.objects.order_by("-pk").first()
    return entry.pk if entry else 0


@pytest.fixture
def unit():
    return unit_in("rastatt")


@pytest.fixture
def clara(unit):
    return clerk(unit, first_name="Clara", last_name="Clerk")


@pytest.fixture
def otto(unit):
    return officer(unit, first_name="Otto", last_name="Ordnung")


def test_due_files_are_grouped_by_disposal_kind(unit, clara):
    a = closed_akte(unit, clara, kind="A")
    b = closed_akte(unit, clara, kind="B")
    b_decided = closed_akte(unit, clara, kind="B")
    Akte.objects.filter(pk=b_decided.pk).update(disposal_decision="V")
    v = closed_akte(unit, clara, kind="V")
    recent = closed_akte(unit, clara, kind="V", years=11)  # kept until 31.12.2025
    still_open = akte(unit, user=clara, opened_on=LONG_AGO)
    groups = disposal.due(Akte.objects.filter(org_unit=unit), today=dt.date(2025, 1, 2))
    assert [x.pk for x in groups["A"]] == [a.pk]
    assert [x.pk for x in groups["B"]] == [b.pk]
    assert sorted(x.pk for x in groups["V"]) == sorted([b_decided.pk, v.pk])
    all_due = {x.pk for group in groups.values() for x in group}
    assert recent.pk not in all_due and still_open.pk not in all_due


def test_retention_runs_from_the_end_of_the_closing_year(unit, clara):
    record = closed_akte(unit, clara, years=2, closed_on=dt.date(2014, 1, 10))
    assert record.retention_ends == dt.date(2016, 12, 31)
    files = Akte.objects.filter(pk=record.pk)
    assert not disposal.due_queryset(files, today=dt.date(2016, 12, 31)).exists()
    assert disposal.due_queryset(files, today=dt.date(2017, 1, 1)).exists()


def test_v_file_is_destroyed_with_its_files_and_leaves_a_tombstone(
    unit, clara, otto, django_capture_on_commit_callbacks
):
    record = closed_akte(unit, clara, kind="V", title="Hundesteuer 2012")
    versions = list(DokumentVersion.objects.filter(dokument__akte=record).select_related("file"))
    assert len(versions) == 2
    paths = [(v.file.file.storage, v.file.file.name) for v in versions]
    assert all(store.exists(name) for store, name in paths)
    file_ids = [v.file_id for v in versions]
    since = last_pk()

    with django_capture_on_commit_callbacks(execute=True):
        report = disposal.approve(otto, [record.pk])

    assert report.destroyed == [record.aktenzeichen] and not report.skipped
    assert not Akte.objects.filter(pk=record.pk).exists()
    assert not Vorgang.objects.filter(akte_id=record.pk).exists()
    assert not Dokument.objects.filter(akte_id=record.pk).exists()
    assert not DokumentVersion.objects.filter(pk__in=[v.pk for v in versions]).exists()
    assert not File.objects.filter(pk__in=file_ids).exists()
    assert not any(store.exists(name) for store, name in paths)  # the bytes are gone
    entries = new_entries(since)
    assert [e.action for e in entries] == [AuditAction.DESTROY]
    tombstone = entries[0]
    assert tombstone.aktenzeichen == record.aktenzeichen and tombstone.akte_id == record.pk
    assert tombstone.username == otto.username
    assert tombstone.before["title"] == "Hundesteuer 2012"
    assert tombstone.before["org_unit"] == unit.name
    assert tombstone.before["dokumente"] == 1 and tombstone.before["versionen"] == 2
    assert tombstone.before["closed_on"] == "2014-06-30"
    # the tombstone survives and stays findable by Aktenzeichen
    assert AuditEntry.objects.filter(aktenzeichen=record.aktenzeichen, action="destroy").exists()


def test_a_file_is_transferred_with_a_stored_xdomea_package(unit, clara, otto):
    record = closed_akte(unit, clara, kind="A")
    doc = record.dokumente.get()
    since = last_pk()

    report = disposal.approve(otto, [record])

    assert report.transferred == [record.aktenzeichen]
    record.refresh_from_db()
    assert record.status == AkteStatus.TRANSFERRED and record.transferred_at is not None
    entries = new_entries(since)
    assert [e.action for e in entries] == [AuditAction.TRANSFER]
    after = entries[0].after
    assert after["package"].startswith(f"efiles/aussonderung/{record.site_id}/")
    assert after["package"].endswith(".zip")
    assert after["filename"].endswith("_Aussonderung.Aussonderung.0503.zip")
    with storages["private"].open(after["package"], "rb") as handle:
        data = handle.read()
    assert hashlib.sha256(data).hexdigest() == after["sha256"]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        assert sum(name.endswith(".xml") for name in names) == 1
        assert len(names) == 3  # message + two versions
    assert disposal.package_of(record).after["package"] == after["package"]
    # the documents stay readable until the archive confirms the import
    assert read(doc.current_version).startswith(b"%PDF")
    storages["private"].delete(after["package"])


def test_b_file_needs_a_decision_then_is_destroyed(
    unit, clara, otto, django_capture_on_commit_callbacks
):
    record = closed_akte(unit, clara, kind="B")
    report = disposal.approve(otto, [record.pk])
    assert report.skipped and "bewertet" in report.skipped[0][1]
    assert Akte.objects.filter(pk=record.pk, status=AkteStatus.CLOSED).exists()

    since = last_pk()
    disposal.assess(otto, record, "V", "Keine bleibende Bedeutung")
    entries = new_entries(since)
    assert [e.action for e in entries] == [AuditAction.ASSESS]
    assert entries[0].before == {"disposal_decision": ""}
    assert "vernichten" in entries[0].after["disposal_decision"]
    assert entries[0].message == "Keine bleibende Bedeutung"

    with django_capture_on_commit_callbacks(execute=True):
        report = disposal.approve(otto, [record.pk])
    assert report.destroyed == [record.aktenzeichen]
    assert not Akte.objects.filter(pk=record.pk).exists()


def test_assess_needs_a_reason_and_a_b_file(unit, clara, otto):
    b_file = closed_akte(unit, clara, kind="B")
    v_file = closed_akte(unit, clara, kind="V")
    since = last_pk()
    with pytest.raises(actions.RecordError, match="begründen"):
        disposal.assess(otto, b_file, "A", "  ")
    with pytest.raises(actions.RecordError, match="archivieren"):
        disposal.assess(otto, b_file, "X", "Grund")
    with pytest.raises(actions.RecordError, match="nicht zur Bewertung"):
        disposal.assess(otto, v_file, "A", "Grund")
    assert new_entries(since) == []
    b_file.refresh_from_db()
    assert b_file.disposal_decision == ""


def test_files_not_due_or_not_closed_are_refused(unit, clara, otto):
    recent = closed_akte(unit, clara, kind="V", closed_on=timezone.localdate())
    still_open = akte(unit, user=clara, opened_on=LONG_AGO)
    since = last_pk()
    report = disposal.approve(otto, [recent.pk, still_open.pk])
    reasons = dict(report.skipped)
    assert "läuft noch bis" in reasons[recent.aktenzeichen]
    assert "nicht geschlossen" in reasons[still_open.aktenzeichen]
    assert report.counts == {"destroyed": 0, "transferred": 0, "skipped": 2}
    assert Akte.objects.filter(pk__in=[recent.pk, still_open.pk]).count() == 2
    assert new_entries(since) == []


def test_other_towns_officer_and_clerks_cannot_dispose(unit, clara):
    record = closed_akte(unit, clara, kind="V")
    stranger = officer(unit_in("bretten"))
    since = last_pk()
    report = disposal.approve(stranger, [record.pk])
    assert report.skipped == [(str(record.pk), "Die Akte wurde nicht gefunden.")]
    assert not access.akten_for_disposal(stranger).filter(pk=record.pk).exists()
    with pytest.raises(actions.RecordError):
        disposal.approve(clara, [record.pk])
    with pytest.raises(actions.RecordError):
        disposal.assess(stranger, record, "V", "Grund")
    assert Akte.objects.filter(pk=record.pk).exists()
    assert new_entries(since) == []
