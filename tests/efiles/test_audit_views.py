"""The audit trail (Protokoll) as a records officer reads it: only their towns' entries,
filters, CSV; nobody else gets in; the trail cannot be changed, not even in SQL."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from bs4 import BeautifulSoup
from django.db import DatabaseError, connection, transaction
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from backoffice.efiles import actions, audit
from backoffice.efiles.models import AuditAction, AuditEntry
from tests.efiles.factories import ADMIN_HOST, akte, clerk, dokument, officer, unit_in

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    return client


def url(name: str) -> str:
    return reverse(f"efiles:{name}")


def rows(response) -> list[list[str]]:
    """The table rows as cell texts."""
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in soup.select("table.efiles-audit tbody tr")
    ]


def aktenzeichen_shown(response) -> set[str]:
    return {entry_row[3].split(" ")[0] for entry_row in rows(response)}


@pytest.fixture
def trail():
    """Files in Bruchsal (two units) and Rastatt, each with its audit entries."""
    bau = unit_in("bruchsal", name="Bauamt Bruchsal")
    ordnung = unit_in("bruchsal", name="Ordnungsamt Bruchsal")
    rastatt = unit_in("rastatt", name="Bauamt Rastatt")
    anna = clerk(bau, username="anna.bau")
    otto = clerk(ordnung, username="otto.ordnung")
    rita = clerk(rastatt, username="rita.rastatt")
    bau_file = akte(bau, user=anna, title="Bauantrag Hauptstraße 12")
    actions.update_akte(anna, bau_file, title="Bauantrag Hauptstraße 14")
    doc = dokument(bau_file, user=anna, title="Lageplan")
    actions.check_out(anna, doc)
    ordnung_file = akte(ordnung, user=otto, title="Sondernutzung Marktplatz")
    rastatt_file = akte(rastatt, user=rita, title="Bauantrag Rastatt")
    return {
        "bau": bau,
        "rastatt": rastatt,
        "bau_file": bau_file,
        "ordnung_file": ordnung_file,
        "rastatt_file": rastatt_file,
        "doc": doc,
    }


def test_officer_sees_the_entries_of_their_town_only(trail):
    user = officer(trail["bau"])

    response = client_for(user).get(url("audit_index"))

    shown = aktenzeichen_shown(response)
    # every unit of the town (the officer reads the whole town's trail), no other town
    assert trail["bau_file"].aktenzeichen in shown
    assert trail["ordnung_file"].aktenzeichen in shown
    assert trail["rastatt_file"].aktenzeichen not in response.content.decode()
    assert "Bauantrag Rastatt" not in response.content.decode()


def test_table_shows_time_person_action_object_and_change(trail):
    user = officer(trail["bau"])

    response = client_for(user).get(
        url("audit_index"), {"aktenzeichen": trail["bau_file"].aktenzeichen, "action": "change"}
    )

    (row,) = rows(response)
    entry = AuditEntry.objects.get(akte_id=trail["bau_file"].pk, action=AuditAction.CHANGE)
    assert row[0] == f"{timezone.localtime(entry.timestamp):%d.%m.%Y %H:%M}"
    assert row[1] == "anna.bau"
    assert row[2] == "Geändert"
    assert row[3] == f"{trail['bau_file'].aktenzeichen} Bauantrag Hauptstraße 14 (Akte)"
    assert row[5] == "Titel / Betreff: Bauantrag Hauptstraße 12 → Bauantrag Hauptstraße 14"


def test_filters_person_action_kind_and_dates(trail):
    client = client_for(officer(trail["bau"]))
    index = url("audit_index")

    by_person = rows(client.get(index, {"person": "OTTO"}))
    assert by_person and {r[1] for r in by_person} == {"otto.ordnung"}
    locks = rows(client.get(index, {"action": "lock", "person": "anna"}))
    assert [(r[1], r[2]) for r in locks] == [("anna.bau", "Ausgecheckt")]
    assert "Ausgecheckt von: anna.bau" in locks[0][5]
    documents = rows(client.get(index, {"object_kind": "dokument"}))
    assert documents and all("(Dokument," in r[3] for r in documents)
    today = timezone.localdate()
    assert len(rows(client.get(index, {"date_from": today, "date_to": today}))) >= 5
    yesterday = today - dt.timedelta(days=1)
    response = client.get(index, {"date_to": yesterday})
    assert rows(response) == []
    assert "Keine Protokolleinträge passen zu Ihrer Suche." in response.content.decode()


def test_bad_filters_are_reported_not_an_error(trail):
    client = client_for(officer(trail["bau"]))

    response = client.get(
        url("audit_index"), {"date_from": "2026-05-02", "date_to": "2026-05-01", "action": "x"}
    )

    assert response.status_code == 200
    text = response.content.decode()
    assert "Das Enddatum liegt vor dem Anfangsdatum." in text
    assert client.get(url("audit_index"), {"date_from": "gestern"}).status_code == 200
    assert client.get(url("audit_index"), {"p": "999"}).status_code == 200
    assert client.get(url("audit_export"), {"date_from": "gestern"}).status_code == 200


def test_csv_export_of_the_filtered_entries(trail):
    client = client_for(officer(trail["bau"]))

    response = client.get(url("audit_export"), {"aktenzeichen": trail["bau_file"].aktenzeichen})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="protokoll-')
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert table[0] == [
        "Zeitpunkt",
        "Person",
        "Aktion",
        "Objektart",
        "Objekt-ID",
        "Aktenzeichen",
        "Bezeichnung",
        "Hinweis",
        "Änderung",
    ]
    expected = AuditEntry.objects.filter(aktenzeichen=trail["bau_file"].aktenzeichen).count()
    assert len(table) == 1 + expected
    assert {line[5] for line in table[1:]} == {trail["bau_file"].aktenzeichen}
    assert "Angelegt" in {line[2] for line in table[1:]}
    # the export is not itself an entry of the trail
    assert AuditEntry.objects.filter(aktenzeichen=trail["bau_file"].aktenzeichen).count() == (
        expected
    )


def test_csv_keeps_other_towns_out(trail):
    body = b"".join(
        client_for(officer(trail["bau"])).get(url("audit_export")).streaming_content
    ).decode()

    assert trail["bau_file"].aktenzeichen in body
    assert trail["rastatt_file"].aktenzeichen not in body


@pytest.mark.parametrize("name", ["audit_index", "audit_export"])
def test_clerk_without_view_auditentry_is_turned_away(trail, name):
    user = clerk(trail["bau"])
    assert not user.has_perm("efiles.view_auditentry")

    response = client_for(user).get(url(name))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_no_edit_or_delete_urls_for_the_trail(trail):
    response = client_for(officer(trail["bau"])).get(url("audit_index"))
    soup = BeautifulSoup(response.content, "html.parser")

    table = soup.select_one("table.efiles-audit")
    assert table.select("form") == []
    assert table.select("a") == []


def test_audit_table_partial_for_one_object(trail):
    html = render_to_string(
        "efiles/admin/_audit_table.html", {"entries": audit.entries_for(trail["doc"])}
    )
    soup = BeautifulSoup(html, "html.parser")

    actions_shown = [row.select("td")[2].get_text(strip=True) for row in soup.select("tbody tr")]
    assert actions_shown == ["Ausgecheckt", "Angelegt"]
    assert "Keine Protokolleinträge." in render_to_string(
        "efiles/admin/_audit_table.html", {"entries": []}
    )


# --- append-only ---------------------------------------------------------------------------
def test_entries_refuse_change_and_delete(trail):
    entry = AuditEntry.objects.filter(akte_id=trail["bau_file"].pk).first()
    entry.message = "manipuliert"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(message="x")
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).message == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigger exists on PostgreSQL only")
def test_database_refuses_raw_update_and_delete(trail):
    entry = AuditEntry.objects.filter(akte_id=trail["bau_file"].pk).first()
    table = AuditEntry._meta.db_table
    for sql in (
        f"UPDATE {table} SET message = 'manipuliert' WHERE id = %s",
        f"DELETE FROM {table} WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="Protokolleinträge"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).message == ""
