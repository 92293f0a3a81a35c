"""Every action on a record leaves exactly one audit entry – with who, what and, for
changes, the values before and after."""

from __future__ import annotations

import pytest

from backoffice.efiles import actions
from backoffice.efiles.models import AuditEntry
from tests.efiles.factories import akte, clerk, dokument, unit_in, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    unit = unit_in("gaggenau")
    user = clerk(unit, first_name="Clara", last_name="Clerk")
    record = akte(unit, user=user)
    doc = dokument(record, user=user)
    return user, record, doc


ACTIONS = {
    "view akte": ("view", lambda u, a, d: actions.record_view(u, a)),
    "view dokument": ("view", lambda u, a, d: actions.record_view(u, d)),
    "download": ("download", lambda u, a, d: actions.record_download(u, d.current_version)),
    "change akte": ("change", lambda u, a, d: actions.update_akte(u, a, title="Geändert")),
    "change dokument": ("change", lambda u, a, d: actions.update_dokument(u, d, sender="Amt")),
    "new vorgang": ("create", lambda u, a, d: actions.create_vorgang(u, a, title="Widerspruch")),
    "new dokument": (
        "create",
        lambda u, a, d: actions.add_dokument(u, d.vorgang, title="Anlage", upload=upload()),
    ),
    "new version": ("upload", lambda u, a, d: actions.add_version(u, d, upload(), "v2")),
    "lock": ("lock", lambda u, a, d: actions.check_out(u, d)),
    "close": ("close", lambda u, a, d: actions.close_akte(u, a)),
}


@pytest.mark.parametrize("name", ACTIONS)
def test_action_leaves_exactly_one_entry(setting, name):
    user, record, doc = setting
    expected, run = ACTIONS[name]
    before = AuditEntry.objects.count()
    run(user, record, doc)
    new = AuditEntry.objects.order_by("pk")[before:]
    assert [entry.action for entry in new] == [expected]
    entry = new[0]
    assert entry.user == user and entry.username == user.username
    assert entry.akte_id == record.pk and entry.aktenzeichen == record.aktenzeichen
    assert entry.site_id == record.site_id


def test_check_in_leaves_one_entry_with_the_new_version(setting):
    user, _record, doc = setting
    actions.check_out(user, doc)
    before = AuditEntry.objects.count()
    actions.check_in(user, doc, upload(), "überarbeitet")
    entry = AuditEntry.objects.order_by("pk")[before:]
    assert [e.action for e in entry] == ["unlock"]
    assert entry[0].after["version"] == 2 and entry[0].message == "überarbeitet"


def test_refused_action_leaves_no_entry_and_changes_nothing(setting):
    user, record, doc = setting
    actions.close_akte(user, record)
    before = AuditEntry.objects.count()
    with pytest.raises(actions.RecordError):
        actions.add_version(user, doc, upload())
    assert AuditEntry.objects.count() == before
    assert doc.versions.count() == 1


def test_entries_cannot_be_changed_or_deleted(setting):
    _user, record, _doc = setting
    entry = AuditEntry.objects.filter(akte_id=record.pk).first()
    entry.message = "manipuliert"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(akte_id=record.pk).update(message="x")
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(akte_id=record.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).message == ""
