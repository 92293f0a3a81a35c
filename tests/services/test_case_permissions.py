"""Who may see and change which case: staff of a town only that town's cases (another
town's case is a 404, also for guessed ids), town editors without the case permission
get Wagtail's "no permission", anonymous users the login page. A refused request
changes nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from services.models import CaseEvent, CaseStatus
from tests.services.factories_inbox import (
    add_file,
    admin_client,
    case_in,
    caseworker,
    superuser,
    town_editor,
)

pytestmark = pytest.mark.django_db

ROLES = ["staff_a", "staff_b", "editor", "superuser", "anonymous"]
TOWNS = {"a": "bruchsal", "b": "rastatt"}


def make_user(role: str):
    return {
        "staff_a": lambda: caseworker("bruchsal"),
        "staff_b": lambda: caseworker("rastatt"),
        "editor": lambda: town_editor("bruchsal"),
        "superuser": superuser,
        "anonymous": lambda: None,
    }[role]()


def expected(role: str, town: str) -> str:
    """ "ok", "404", "denied" (Wagtail's redirect to the dashboard) or "login"."""
    if role == "anonymous":
        return "login"
    if role == "editor":
        return "denied"
    if role == "superuser" or role == f"staff_{town}":
        return "ok"
    return "404"


def assert_refused(response, outcome: str) -> None:
    if outcome == "404":
        assert response.status_code == 404
    elif outcome == "denied":
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def snapshot(case) -> tuple:
    case.refresh_from_db()
    return (
        case.status,
        case.assignee_id,
        case.closed_at,
        case.events.count(),
        list(case.events.values_list("kind", "text")),
    )


@pytest.fixture
def setup():
    case_a = case_in("bruchsal", applicant_name="Anna Aal")
    case_b = case_in("rastatt", applicant_name="Bert Brause")
    return {"a": (case_a, add_file(case_a)), "b": (case_b, add_file(case_b))}


@pytest.mark.parametrize("role", ROLES)
def test_list_shows_only_the_own_towns_cases(role, setup):
    user = make_user(role)
    response = admin_client(user).get("/admin/vorgaenge/")
    case_a, case_b = setup["a"][0], setup["b"][0]
    if role in ("editor", "anonymous"):
        assert_refused(response, expected(role, "a"))
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert (case_a.reference in html) == (role in ("staff_a", "superuser"))
    assert (case_b.reference in html) == (role in ("staff_b", "superuser"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("town", ["a", "b"])
@pytest.mark.parametrize("view", ["detail", "download", "export.pdf", "export.json"])
def test_reading_a_case(role, town, view, setup):
    case, case_file = setup[town]
    path = {
        "detail": f"/admin/vorgaenge/{case.pk}/",
        "download": f"/admin/vorgaenge/{case.pk}/dateien/{case_file.pk}/",
        "export.pdf": f"/admin/vorgaenge/{case.pk}/export.pdf",
        "export.json": f"/admin/vorgaenge/{case.pk}/export.json",
    }[view]
    before = case.events.count()
    response = admin_client(make_user(role)).get(path)
    outcome = expected(role, town)
    if outcome == "ok":
        assert response.status_code == 200
        if view != "detail":
            assert response["Content-Disposition"].startswith("attachment")
            assert response["X-Content-Type-Options"] == "nosniff"
            assert case.events.count() == before + 1  # download and export are recorded
        else:
            assert case.reference in response.content.decode()
    else:
        assert_refused(response, outcome)
        assert case.events.count() == before
        assert case.reference.encode() not in response.content


ACTIONS = {
    "assign": lambda user: {"assign-assignee": user.pk if user else ""},
    "status": lambda user: {"status-status": CaseStatus.IN_PROGRESS, "status-message": ""},
    "notiz": lambda user: {"note-text": "Unterlagen vollständig."},
    "nachricht": lambda user: {"message-text": "Bitte senden Sie uns eine Kopie."},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("town", ["a", "b"])
@pytest.mark.parametrize("action", ACTIONS)
def test_changing_a_case(role, town, action, setup, django_capture_on_commit_callbacks):
    case = setup[town][0]
    user = make_user(role)
    path = {
        "assign": f"/admin/vorgaenge/{case.pk}/zuweisen/",
        "status": f"/admin/vorgaenge/{case.pk}/status/",
        "notiz": f"/admin/vorgaenge/{case.pk}/notiz/",
        "nachricht": f"/admin/vorgaenge/{case.pk}/nachricht/",
    }[action]
    before = snapshot(case)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client(user).post(path, ACTIONS[action](user))
    outcome = expected(role, town)
    if outcome == "ok":
        assert response.status_code == 302
        assert response["Location"] == f"/admin/vorgaenge/{case.pk}/"
        assert snapshot(case) != before
    else:
        assert_refused(response, outcome)
        assert snapshot(case) == before
        assert mail.outbox == []


def test_guessed_ids_answer_404_like_other_towns(setup):
    client = admin_client(caseworker("bruchsal"))
    case_a, file_a = setup["a"]
    case_b, file_b = setup["b"]
    missing = case_b.pk + 100000
    assert client.get(f"/admin/vorgaenge/{missing}/").status_code == 404
    # a file of town B through a case of town A is no way round
    assert client.get(f"/admin/vorgaenge/{case_a.pk}/dateien/{file_b.pk}/").status_code == 404
    assert client.get(f"/admin/vorgaenge/{case_a.pk}/dateien/{file_a.pk}/").status_code == 200


def test_staff_without_unit_sees_no_case(setup):
    """The group permission alone is not enough: the unit names the town."""
    user = caseworker("bruchsal")
    user.organisational_units.clear()
    client = admin_client(user)
    response = client.get("/admin/vorgaenge/")
    assert response.status_code == 200
    assert setup["a"][0].reference not in response.content.decode()
    assert client.get(f"/admin/vorgaenge/{setup['a'][0].pk}/").status_code == 404


def test_town_filter_offers_only_own_towns(setup):
    user = caseworker("bruchsal")
    response = admin_client(user).get("/admin/vorgaenge/", {"site": setup["b"][0].site_id})
    assert setup["b"][0].reference not in response.content.decode()


def test_exports_need_the_export_permission(setup):
    user = caseworker("bruchsal")
    group = user.groups.get()
    group.permissions.remove(Permission.objects.get(codename="export_case"))
    user = type(user).objects.get(pk=user.pk)  # forget cached permissions
    case, _file = setup["a"]
    client = admin_client(user)
    before = case.events.count()
    for path in (
        f"/admin/vorgaenge/{case.pk}/export.pdf",
        f"/admin/vorgaenge/{case.pk}/export.json",
        "/admin/vorgaenge/?export=csv",
    ):
        assert_refused(client.get(path), "denied")
    assert case.events.count() == before
    detail = client.get(f"/admin/vorgaenge/{case.pk}/").content.decode()
    assert "export.pdf" not in detail
    assert "export=csv" not in client.get("/admin/vorgaenge/").content.decode()
    # another town's case stays a 404, not a "no permission" that would confirm it exists
    assert client.get(f"/admin/vorgaenge/{setup['b'][0].pk}/export.pdf").status_code == 404


def test_refused_post_records_no_event(setup):
    case = setup["a"][0]
    before = CaseEvent.objects.count()
    admin_client(caseworker("rastatt")).post(
        f"/admin/vorgaenge/{case.pk}/notiz/", {"note-text": "Fremd"}
    )
    assert CaseEvent.objects.count() == before
