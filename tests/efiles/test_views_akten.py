"""The records UI for files: the list (only one's own files), a file's page, creating,
editing, closing (zdA) and reopening – through the admin, as staff use it."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from backoffice.efiles import actions
from backoffice.efiles.models import (
    Akte,
    AkteStatus,
    AuditAction,
    AuditEntry,
    Confidentiality,
    Vorgang,
)
from tests.efiles.factories import (
    ADMIN_HOST,
    PlanUnitFactory,
    akte,
    clerk,
    dokument,
    officer,
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


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in response.context["messages"]]


def facts(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        term.get_text(strip=True): term.find_next_sibling("dd").get_text(" ", strip=True)
        for term in soup.select(".efiles-facts dt")
    }


@pytest.fixture
def bau():
    return unit_in("bruchsal", name="Bauamt Bruchsal")


@pytest.fixture
def plan(bau):
    return PlanUnitFactory(site=bau.site, code="632.1", title="Baugenehmigungen")


@pytest.fixture
def user(bau):
    return clerk(bau, first_name="Carla", last_name="Clerk")


# --- the list ------------------------------------------------------------------------------
def test_list_shows_only_the_users_files(bau, plan, user):
    own = akte(bau, plan_unit=plan, title="Bauantrag Hauptstraße 12")
    secret = akte(bau, plan_unit=plan, title="Geheimsache", confidentiality=2)
    other_unit = akte(unit_in("bruchsal", name="Ordnungsamt Test"), title="Gaststättenerlaubnis")
    other_town = akte(unit_in("rastatt", name="Bauamt Rastatt"), title="Bauantrag Rastatt")
    response = client_for(user).get(url("index"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in soup.select("table.efiles-table tbody tr")
    ]
    assert rows == [
        [
            own.aktenzeichen,
            "Bauantrag Hauptstraße 12",
            "Bauamt Bruchsal",
            "632.1 Baugenehmigungen",
            "Status: In Bearbeitung",
            timezone.localdate().strftime("%d.%m.%Y"),
        ]
    ]
    link = soup.find("a", string=own.aktenzeichen)
    assert link["href"] == url("akte_detail", own.pk)
    page = text_of(response)
    for hidden in (secret, other_unit, other_town):
        assert hidden.aktenzeichen not in page


def test_list_filters_by_text_and_status_newest_first(bau, plan, user):
    first = akte(bau, plan_unit=plan, title="Bauantrag Hauptstraße 12")
    second = akte(bau, plan_unit=plan, title="Abrissgenehmigung Bahnhof")
    third = akte(bau, plan_unit=plan, title="Bauantrag Kirchweg 3")
    actions.close_akte(user, third)
    client = client_for(user)

    def shown(**params) -> list[str]:
        response = client.get(url("index"), params)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        return [row.select_one("td a").get_text() for row in soup.select("tbody tr")]

    assert shown() == [third.aktenzeichen, second.aktenzeichen, first.aktenzeichen]
    assert shown(q="bauantrag") == [third.aktenzeichen, first.aktenzeichen]
    assert shown(q=second.aktenzeichen) == [second.aktenzeichen]
    assert shown(status="zda") == [third.aktenzeichen]
    assert shown(plan_unit=plan.pk, status="offen") == [second.aktenzeichen, first.aktenzeichen]
    assert shown(q="nichts dergleichen") == []
    # a unit of another town is not a choice: the list stays unfiltered, no error page
    other = unit_in("rastatt")
    assert first.aktenzeichen in shown(org_unit=other.pk, p="x")


def test_empty_list_offers_a_new_file_to_clerks_only(bau):
    response = client_for(clerk(bau)).get(url("index"))
    assert "Sie haben noch keine Akten." in text_of(response)
    assert BeautifulSoup(response.content, "html.parser").find("a", href=url("akte_add"))
    response = client_for(officer(bau)).get(url("index"))
    assert response.status_code == 200
    assert not BeautifulSoup(response.content, "html.parser").find("a", href=url("akte_add"))


def test_list_paginates_with_a_fixed_number_of_queries(
    bau, plan, user, django_assert_max_num_queries
):
    for number in range(55):
        akte(bau, plan_unit=plan, title=f"Akte {number}")
    client = client_for(user)
    client.get(url("index"))  # warm up session and permission caches
    with django_assert_max_num_queries(25):
        response = client.get(url("index"))
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select("tbody tr")) == 50
    response = client.get(url("index"), {"p": 2})
    assert len(BeautifulSoup(response.content, "html.parser").select("tbody tr")) == 5


def test_people_without_efiles_rights_are_turned_away(bau):
    from tests.portal.factories import UserFactory

    editor = UserFactory(is_staff=True)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = client_for(editor).get(url("index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


# --- a file's page -------------------------------------------------------------------------
def test_detail_shows_metadata_processes_and_documents_within_clearance(bau, plan, user):
    record = akte(bau, plan_unit=plan, user=user, title="Bauantrag Hauptstraße 12")
    dokument(record, user=user, title="Bauantrag")
    dokument(record, user=user, title="Stellungnahme Polizei", confidentiality=1)
    response = client_for(user).get(url("akte_detail", record.pk))
    assert response.status_code == 200
    shown = facts(response)
    assert shown["Aktenzeichen"] == record.aktenzeichen
    assert shown["Betreff"] == "Bauantrag Hauptstraße 12"
    assert shown["Stelle"] == "Bauamt Bruchsal"
    assert shown["Aktenplan"] == "632.1 Baugenehmigungen"
    assert shown["Schutzstufe"] == "Offen"
    assert shown["Status"] == "Status: In Bearbeitung"
    assert shown["zdA am"] == "–"
    assert shown["Aussonderungsart"] == "B – bewerten"
    page = text_of(response)
    assert f"{record.aktenzeichen}-1 Antrag" in page
    assert "Bauantrag" in page
    assert "Stellungnahme Polizei" not in page
    for label in ("Vorgang anlegen", "Dokument hinzufügen", "Bearbeiten", "zdA schließen"):
        assert label in page


def test_opening_a_file_is_recorded_once(bau, plan, user):
    record = akte(bau, plan_unit=plan, user=user)
    response = client_for(user).get(url("akte_detail", record.pk))
    assert response.status_code == 200
    views = AuditEntry.objects.filter(akte_id=record.pk, action=AuditAction.VIEW)
    assert [(entry.user, entry.object_kind) for entry in views] == [(user, "akte")]
    assert "Angesehen" in text_of(response)  # the Protokoll section shows it


@pytest.mark.parametrize("case", ["other unit", "other town", "confidential", "no such id"])
def test_files_the_user_may_not_see_do_not_exist(bau, user, case):
    record = {
        "other unit": lambda: akte(unit_in("bruchsal")),
        "other town": lambda: akte(unit_in("rastatt")),
        "confidential": lambda: akte(bau, confidentiality=Confidentiality.VS_NFD),
        "no such id": lambda: Akte(pk=987654321),
    }[case]()
    client = client_for(user)
    for name in ("akte_detail", "akte_edit", "vorgang_add"):
        assert client.get(url(name, record.pk)).status_code == 404, name
    assert client.post(url("akte_close", record.pk), {}).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.VIEW, user=user).exists()


# --- creating and editing ---------------------------------------------------------------------
def test_create_akte_shows_its_aktenzeichen(bau, plan, user):
    response = client_for(user).post(
        url("akte_add"),
        {
            "plan_unit": plan.pk,
            "org_unit": bau.pk,
            "title": "Bauvoranfrage Lindenweg 4",
            "description": "",
            "confidentiality": "0",
        },
        follow=True,
    )
    assert response.status_code == 200
    created = Akte.objects.get(title="Bauvoranfrage Lindenweg 4")
    assert created.aktenzeichen.startswith("632.1")
    assert (created.org_unit, created.created_by) == (bau, user)
    assert response.redirect_chain[-1][0] == url("akte_detail", created.pk)
    assert facts(response)["Aktenzeichen"] == created.aktenzeichen
    assert f"Die Akte {created.aktenzeichen} „Bauvoranfrage Lindenweg 4“ wurde angelegt." in (
        messages_of(response)
    )


def test_create_akte_refuses_what_the_user_may_not_choose(bau, plan, user):
    foreign_plan = PlanUnitFactory(site=unit_in("rastatt").site)
    inactive = PlanUnitFactory(site=bau.site, active=False)
    client = client_for(user)
    for plan_unit, level in ((foreign_plan, 0), (inactive, 0), (plan, 2)):
        response = client.post(
            url("akte_add"),
            {"plan_unit": plan_unit.pk, "org_unit": bau.pk, "title": "X", "confidentiality": level},
        )
        assert response.status_code == 200
        assert response.context["form"].errors
    response = client.post(url("akte_add"), {"plan_unit": plan.pk, "org_unit": bau.pk})
    assert "Bitte ausfüllen." in text_of(response)
    assert "Die Änderung wurde nicht gespeichert." in " ".join(messages_of(response))
    assert not Akte.objects.filter(org_unit=bau).exists()


def test_edit_akte_changes_metadata_and_closed_file_is_read_only(bau, plan, user):
    record = akte(bau, plan_unit=plan, user=user, title="Alt")
    client = client_for(user)
    response = client.get(url("akte_edit", record.pk))
    assert response.status_code == 200
    response = client.post(
        url("akte_edit", record.pk),
        {"title": "Neu", "description": "Mehr", "org_unit": bau.pk, "confidentiality": 0},
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.title, record.description) == ("Neu", "Mehr")
    actions.close_akte(user, record)
    response = client.get(url("akte_edit", record.pk), follow=True)
    assert response.redirect_chain[-1][0] == url("akte_detail", record.pk)
    assert any("ist geschlossen (zdA)" in message for message in messages_of(response))
    response = client.post(
        url("akte_edit", record.pk),
        {"title": "Noch neuer", "org_unit": bau.pk, "confidentiality": 0},
    )
    assert "ist geschlossen (zdA)" in text_of(response)
    record.refresh_from_db()
    assert record.title == "Neu"
    assert "zdA schließen" not in text_of(client.get(url("akte_detail", record.pk)))


def test_vorgang_add_and_edit(bau, plan, user):
    record = akte(bau, plan_unit=plan, user=user)
    client = client_for(user)
    response = client.post(url("vorgang_add", record.pk), {"title": "Widerspruch"}, follow=True)
    vorgang = Vorgang.objects.get(akte=record)
    assert f"{record.aktenzeichen}-1 Widerspruch" in text_of(response)
    response = client.post(url("vorgang_edit", vorgang.pk), {"title": "Widerspruch Nachbar"})
    assert response.status_code == 302
    vorgang.refresh_from_db()
    assert vorgang.title == "Widerspruch Nachbar"
    response = client.post(url("vorgang_add", record.pk), {"title": ""})
    assert "Bitte ausfüllen." in text_of(response)
    assert record.vorgaenge.count() == 1


def test_readers_may_not_change_files(bau, plan):
    reader = officer(bau)  # view_akte, not change_akte
    record = akte(bau, plan_unit=plan)
    client = client_for(reader)
    assert client.get(url("akte_detail", record.pk)).status_code == 200
    for name, data in (("vorgang_add", {"title": "X"}), ("akte_edit", {"title": "X"})):
        response = client.post(url(name, record.pk), data)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(url("akte_add")).status_code == 302
    assert not record.vorgaenge.exists()


# --- closing and reopening ----------------------------------------------------------------------
def test_close_needs_confirmation_and_sets_the_date(bau, plan, user):
    record = akte(bau, plan_unit=plan, user=user, opened_on=dt.date(2020, 3, 1))
    client = client_for(user)
    response = client.post(url("akte_close", record.pk), {"close-closed_on": "2024-06-30"})
    assert response.status_code == 200
    assert "Bitte bestätigen Sie, dass die Akte geschlossen wird." in text_of(response)
    record.refresh_from_db()
    assert record.status == AkteStatus.OPEN
    response = client.post(
        url("akte_close", record.pk),
        {"close-closed_on": "2024-06-30", "close-confirm": "on"},
        follow=True,
    )
    record.refresh_from_db()
    assert (record.status, record.closed_on) == (AkteStatus.CLOSED, dt.date(2024, 6, 30))
    shown = facts(response)
    assert shown["zdA am"] == "30.06.2024"
    assert shown["Aufbewahrung bis"] == "31.12.2034"
    assert "Vorgang anlegen" not in text_of(response)


def test_close_refused_by_actions_keeps_the_file_open(bau, plan, user):
    record = akte(bau, plan_unit=plan, user=user, opened_on=dt.date(2024, 3, 1))
    response = client_for(user).post(
        url("akte_close", record.pk),
        {"close-closed_on": "2024-01-01", "close-confirm": "on"},
    )
    assert response.status_code == 200
    assert "Das Datum zdA liegt vor dem Anlagedatum der Akte." in text_of(response)
    record.refresh_from_db()
    assert record.status == AkteStatus.OPEN


def test_reopen_by_records_officer_with_reason(bau, plan, user):
    record = akte(bau, plan_unit=plan, user=user)
    actions.close_akte(user, record)
    # a clerk sees no reopen form and may not post it
    assert "Wieder aufnehmen" not in text_of(client_for(user).get(url("akte_detail", record.pk)))
    response = client_for(user).post(url("akte_reopen", record.pk), {"reopen-reason": "x"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == AkteStatus.CLOSED

    records_officer = officer(bau)
    client = client_for(records_officer)
    assert "Wieder aufnehmen" in text_of(client.get(url("akte_detail", record.pk)))
    response = client.post(url("akte_reopen", record.pk), {"reopen-reason": " "})
    assert "Bitte einen Grund für die Wiederaufnahme angeben." in text_of(response)
    response = client.post(
        url("akte_reopen", record.pk), {"reopen-reason": "Nachtrag"}, follow=True
    )
    record.refresh_from_db()
    assert record.status == AkteStatus.OPEN
    entry = AuditEntry.objects.get(akte_id=record.pk, action=AuditAction.REOPEN)
    assert (entry.user, entry.message) == (records_officer, "Nachtrag")
