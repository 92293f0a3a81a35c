"""The file plan in the admin: everyone who works with files reads their town's plan;
only plan keepers change, import and configure it; another town's plan is not there."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from backoffice.efiles.models import AuditAction, AuditEntry, PlanUnit, RecordSettings
from tests.efiles.factories import ADMIN_HOST, clerk, officer, unit_in
from tests.portal.factories import UserFactory
from tests.services.factories import town

pytestmark = pytest.mark.django_db
HEADER = "Kennzeichen;Bezeichnung;Übergeordnet;Aufbewahrung (Jahre);Aussonderung;Beschreibung;Aktiv"


def assert_denied(response) -> None:
    """Wagtail's "no permission": back to the dashboard with a message."""
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def client_for(user) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    return client


def url(name: str, *args, stadt: str | None = None) -> str:
    address = reverse(f"efiles:{name}", args=args)
    return f"{address}?stadt={stadt}" if stadt else address


@pytest.fixture
def plan():
    """Two units of a test branch in Bruchsal, one in Rastatt."""
    bruchsal, rastatt = town("bruchsal").site, town("rastatt").site
    top = PlanUnit.objects.create(site=bruchsal, code="T9", title="Testbereich Planpflege")
    child = PlanUnit.objects.create(
        site=bruchsal, code="T9.1", title="Testeinheit Kinder", parent=top, active=False
    )
    foreign = PlanUnit.objects.create(site=rastatt, code="T9", title="Rastatter Testbereich")
    return top, child, foreign


@pytest.fixture
def bruchsal_unit():
    return unit_in("bruchsal")


def test_clerk_reads_the_plan_of_their_town_without_edit_links(plan, bruchsal_unit):
    top, child, foreign = plan
    response = client_for(clerk(bruchsal_unit)).get(url("plan_index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Testbereich Planpflege" in html and "Testeinheit Kinder" in html
    assert "inaktiv" in html
    assert "Rastatter Testbereich" not in html
    assert url("plan_edit", top.pk) not in html
    assert "CSV importieren" not in html


def test_officer_sees_edit_links(plan, bruchsal_unit):
    top, _child, _foreign = plan
    html = client_for(officer(bruchsal_unit)).get(url("plan_index")).content.decode()
    assert url("plan_edit", top.pk) in html
    assert "CSV importieren" in html


def test_anonymous_gets_the_login_and_others_no_permission(plan):
    response = Client(HTTP_HOST=ADMIN_HOST).get(url("plan_index"))
    assert response["Location"].startswith("/admin/login/")
    response = client_for(_admin_only_user()).get(url("plan_index"))
    assert_denied(response)
    assert_denied(client_for(_admin_only_user()).get(url("plan_export")))


def _admin_only_user():
    from django.contrib.auth.models import Permission

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_other_town_in_query_is_not_found(plan, bruchsal_unit):
    client = client_for(clerk(bruchsal_unit))
    assert client.get(url("plan_index", stadt="rastatt")).status_code == 404
    assert client.get(url("plan_export", stadt="rastatt")).status_code == 404


def test_superuser_chooses_the_town(plan):
    client = client_for(UserFactory(is_superuser=True, is_staff=True))
    html = client.get(url("plan_index", stadt="rastatt")).content.decode()
    assert "Rastatter Testbereich" in html and "Testbereich Planpflege" not in html
    assert '<select id="plan-town" name="stadt">' in html


@pytest.mark.parametrize(
    "name, method",
    [
        ("plan_add", "get"),
        ("plan_add", "post"),
        ("plan_import", "get"),
        ("plan_import", "post"),
        ("settings_edit", "get"),
        ("settings_edit", "post"),
    ],
)
def test_only_plan_keepers_change_the_plan(plan, bruchsal_unit, name, method):
    client = client_for(clerk(bruchsal_unit))
    assert_denied(getattr(client, method)(url(name), {"code": "T9.2", "title": "Neu"}))
    assert not PlanUnit.objects.filter(code="T9.2").exists()


def test_clerk_cannot_edit_a_unit(plan, bruchsal_unit):
    top, _child, _foreign = plan
    client = client_for(clerk(bruchsal_unit))
    assert_denied(client.post(url("plan_edit", top.pk), {"title": "X"}))
    top.refresh_from_db()
    assert top.title == "Testbereich Planpflege"


def test_officer_cannot_open_another_towns_unit(plan, bruchsal_unit):
    _top, _child, foreign = plan
    client = client_for(officer(bruchsal_unit))
    assert client.get(url("plan_edit", foreign.pk)).status_code == 404
    assert client.post(url("plan_edit", foreign.pk), {"title": "X"}).status_code == 404
    assert client.get(url("plan_edit", 999999999)).status_code == 404


def unit_data(unit, **changes) -> dict:
    data = {
        "code": unit.code,
        "title": unit.title,
        "parent": unit.parent_id or "",
        "description": unit.description,
        "retention_years": unit.retention_years,
        "disposal": unit.disposal,
    }
    if unit.active:
        data["active"] = "on"
    data.update(changes)
    return data


def test_officer_edits_a_unit_and_the_change_is_audited(plan, bruchsal_unit):
    top, _child, _foreign = plan
    user = officer(bruchsal_unit)
    response = client_for(user).post(
        url("plan_edit", top.pk), unit_data(top, title="Testbereich neu", retention_years=30)
    )
    assert response.status_code == 302
    top.refresh_from_db()
    assert (top.title, top.retention_years) == ("Testbereich neu", 30)
    entry = AuditEntry.objects.get(object_kind="plan", object_id=top.pk, action=AuditAction.CHANGE)
    assert entry.user == user
    assert entry.before == {"title": "Testbereich Planpflege", "retention_years": 10}
    assert entry.after == {"title": "Testbereich neu", "retention_years": 30}


def test_unit_cannot_move_below_itself(plan, bruchsal_unit):
    top, child, _foreign = plan
    response = client_for(officer(bruchsal_unit)).post(
        url("plan_edit", top.pk), unit_data(top, parent=child.pk)
    )
    assert response.status_code == 200
    assert "Diese Einheit steht nicht zur Auswahl." in response.content.decode()
    top.refresh_from_db()
    assert top.parent is None


def test_officer_adds_a_unit_below_a_parent(plan, bruchsal_unit):
    top, _child, _foreign = plan
    client = client_for(officer(bruchsal_unit))
    form = client.get(url("plan_add", stadt="bruchsal") + f"&parent={top.pk}")
    assert form.status_code == 200
    assert f'<option value="{top.pk}" selected>' in form.content.decode()
    data = {"code": "T9.2", "title": "Zweite Einheit", "parent": top.pk}
    data |= {"retention_years": 5, "disposal": "V", "active": "on"}
    response = client.post(url("plan_add", stadt="bruchsal"), data)
    assert response.status_code == 302
    unit = PlanUnit.objects.get(site=top.site, code="T9.2")
    assert unit.parent == top and unit.disposal == "V"
    assert AuditEntry.objects.filter(object_id=unit.pk, action=AuditAction.CREATE).exists()


def test_duplicate_or_bad_code_is_shown_and_nothing_stored(plan, bruchsal_unit):
    client = client_for(officer(bruchsal_unit))
    data = {"code": "T9", "title": "Doppelt", "retention_years": 5, "disposal": "V"}
    response = client.post(url("plan_add"), data)
    assert response.status_code == 200
    assert "Das Kennzeichen „T9“ gibt es in diesem Aktenplan schon." in response.content.decode()
    response = client.post(url("plan_add"), data | {"code": "T 9", "retention_years": 500})
    html = response.content.decode()
    assert "Aktenplankennzeichen aus Ziffern und Buchstaben" in html
    assert "200" in html
    assert PlanUnit.objects.filter(code__in=["T9", "T 9"], title="Doppelt").count() == 0


def upload(text: str, encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile("plan.csv", text.encode(encoding), content_type="text/csv")


def test_import_with_errors_lists_them_per_line_and_stores_nothing(plan, bruchsal_unit):
    client = client_for(officer(bruchsal_unit))
    text = f"{HEADER}\nT8;Gut;;10;B;;ja\nT8.1;Schlecht;T8;10;X;;ja\nT8.2;;T7;10;A;;ja\n"
    response = client.post(url("plan_import"), {"town": "bruchsal", "file": upload(text)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Es wurde nichts importiert" in html
    assert "Zeile 3: Aussonderung „X“ unbekannt – erlaubt sind A, B, V." in html
    assert "Zeile 4: Bezeichnung fehlt." in html
    assert not PlanUnit.objects.filter(code__startswith="T8").exists()


def test_import_succeeds_with_summary(plan, bruchsal_unit):
    top, _child, _foreign = plan
    user = officer(bruchsal_unit)
    client = client_for(user)
    text = f"{HEADER}\nT9;Testbereich Planpflege;;10;B;;ja\nT9.5;Importiert;T9;7;A;;nein\n"
    response = client.post(
        url("plan_import"), {"town": "bruchsal", "file": upload(text, "cp1252")}, follow=True
    )
    html = response.content.decode()
    assert "Aktenplan von Bruchsal importiert: 1 neu, 0 geändert, 1 unverändert." in html
    assert "stehen nicht in der Datei und bleiben unverändert" in html
    imported = PlanUnit.objects.get(site=top.site, code="T9.5")
    assert imported.parent == top and imported.active is False
    assert AuditEntry.objects.filter(site=top.site, action=AuditAction.IMPORT, user=user).exists()


def test_import_dry_run_stores_nothing(plan, bruchsal_unit):
    client = client_for(officer(bruchsal_unit))
    text = f"{HEADER}\nT7;Nur geprüft;;10;B;;ja\n"
    response = client.post(
        url("plan_import"), {"town": "bruchsal", "file": upload(text), "dry_run": "on"}
    )
    assert "Probelauf" in response.content.decode()
    assert not PlanUnit.objects.filter(code="T7").exists()


def test_import_into_another_town_is_refused(plan, bruchsal_unit):
    client = client_for(officer(bruchsal_unit))
    text = f"{HEADER}\nT6;Fremd;;10;B;;ja\n"
    response = client.post(url("plan_import"), {"town": "rastatt", "file": upload(text)})
    assert response.status_code == 200
    assert not PlanUnit.objects.filter(code="T6").exists()


def test_export_downloads_the_towns_plan(plan, bruchsal_unit):
    response = client_for(clerk(bruchsal_unit)).get(url("plan_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="aktenplan-bruchsal.csv"'
    body = response.content.decode("utf-8-sig")
    assert body.splitlines()[0] == HEADER
    assert "T9.1;Testeinheit Kinder;T9;10;B;;nein" in body.splitlines()
    assert "Rastatter" not in body


def test_settings_show_an_example_and_save_a_valid_pattern(plan, bruchsal_unit):
    client = client_for(officer(bruchsal_unit))
    html = client.get(url("settings_edit")).content.decode()
    assert "z. B. " in html
    response = client.post(
        url("settings_edit"),
        {"aktenzeichen_pattern": "{stadt}-{plan}/{nummer:05}/{jahr2}", "town_code": "BR"},
    )
    assert response.status_code == 302
    records = RecordSettings.objects.get(site=town("bruchsal").site)
    assert (records.aktenzeichen_pattern, records.town_code) == (
        "{stadt}-{plan}/{nummer:05}/{jahr2}",
        "BR",
    )


@pytest.mark.parametrize(
    "pattern, message",
    [
        ("{plan}/{az}", "Unbekannter Platzhalter: {az}."),
        ("{plan}/{jahr}", "Das Muster braucht {nummer}"),
        ("{plan/{nummer}", "Das Muster ist nicht lesbar: Jede „{“ braucht eine schließende „}“"),
        ("{plan!r}/{nummer}", "ohne Zusätze"),
    ],
)
def test_settings_reject_a_bad_pattern(plan, bruchsal_unit, pattern, message):
    records = RecordSettings.objects.get_or_create(site=town("bruchsal").site)[0]
    old = records.aktenzeichen_pattern
    response = client_for(officer(bruchsal_unit)).post(
        url("settings_edit"), {"aktenzeichen_pattern": pattern, "town_code": "BR"}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    records.refresh_from_db()
    assert records.aktenzeichen_pattern == old


def test_settings_preview_does_not_save(plan, bruchsal_unit):
    records = RecordSettings.objects.get_or_create(site=town("bruchsal").site)[0]
    old = records.aktenzeichen_pattern
    response = client_for(officer(bruchsal_unit)).post(
        url("settings_edit"),
        {"aktenzeichen_pattern": "VORSCHAU-{plan}-{nummer:04}", "town_code": "", "preview": "1"},
    )
    assert response.status_code == 200
    assert "z. B. VORSCHAU-" in response.content.decode()
    assert "-0007" in response.content.decode()
    records.refresh_from_db()
    assert records.aktenzeichen_pattern == old
