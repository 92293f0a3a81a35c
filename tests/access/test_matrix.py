"""The permission matrix (ASVS V8): every admin and club-dashboard URL with an object
argument × role × object. Another town's or another club's object answers 404 – not
403, not the object; anonymous visitors are sent to the sign-in; the role that works on
an object of its own town gets it."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from . import table, world
from .routes import routes_with_arguments
from .world import FOREIGN, OTHER_CLUB, OWN, ROLES, TOWN_A

pytestmark = pytest.mark.django_db
CLUB_HOST = f"{TOWN_A}.localhost:8000"
# what the regional editor works on in every town (Wagtail's own permissions decide)
REGIONAL_TARGETS = {"page", "page_in_workflow", "form_page", "image", "document"}
REGIONAL_TARGETS |= {"town_settings", "collection", "redirect"}
REGIONAL_TARGETS |= {target for target in world.FINDERS if target.startswith("snippet:")}
# signed in, but without access to the Wagtail admin: the admin asks them to sign in
NO_ADMIN = {"club manager"}


def _classified():
    for route in routes_with_arguments():
        yield route, table.classify(route)


SCOPED = [(route, entry) for route, entry in _classified() if isinstance(entry, table.Scoped)]
GLOBAL = [(route, entry) for route, entry in _classified() if isinstance(entry, table.Global)]
MATRIX = [
    pytest.param(route, entry, role, id=f"{route.key} | {role}")
    for route, entry in SCOPED
    for role in ROLES
]


def url_of(route, arguments: dict) -> str:
    params = [p for p in route.params if not p.startswith("#")]
    missing = [p for p in params if p not in arguments]
    assert not missing, f"{route.key}: the finder gives no {missing}"
    try:
        return reverse(route.key, kwargs={p: arguments[p] for p in params})
    except NoReverseMatch as error:  # several patterns share the name: this one's route
        raise AssertionError(f"{route.key}: cannot build {route.route}") from error


def request(client, url: str, entry: table.Scoped):
    extra = {"HTTP_HOST": CLUB_HOST} if entry.area == "club" else {}
    if entry.post:
        return client.post(url, {}, **extra)
    response = client.get(url, **extra)
    if response.status_code == 405:  # POST-only: an empty body
        response = client.post(url, {}, **extra)
    return response


def _is_login(response) -> bool:
    location = response.get("Location", "")
    return response.status_code == 302 and ("login" in location or "anmelden" in location)


def _refused_for_the_area(client, route, entry, arguments, response) -> bool:
    """A role without the permission for a whole area (e.g. an editor in *Vorgänge*) is
    refused before any object is looked up: the same answer as for an id that does not
    exist, so nothing about the object is told."""
    if response.status_code not in (302, 403):
        return False
    missing = {
        key: 999_999 if isinstance(value, int) else value for key, value in arguments.items()
    }
    again = request(client, url_of(route, missing), entry)
    return (again.status_code, again.get("Location")) == (
        response.status_code,
        response.get("Location"),
    )


@pytest.mark.parametrize(("route", "entry", "role"), MATRIX)
def test_matrix(route, entry, role, login):
    client = login(role)
    scopes = [FOREIGN, OTHER_CLUB] if entry.area == "club" else [FOREIGN]
    if role in entry.owners:
        scopes.append(OWN)
    problems = []
    for scope in scopes:
        if role == "regional admin" and entry.area == "club":
            continue  # the superuser is no club member: nothing to compare
        arguments = world.arguments(entry.target, scope)
        url = url_of(route, arguments)
        response = request(client, url, entry)
        status = response.status_code
        seen = f"{route.key} as {role}, object of {scope} ({url}): {status}"
        if status >= 500:
            problems.append(f"server error – {seen}")
        elif role in NO_ADMIN and entry.area == "admin":
            if not (_is_login(response) or status == 404):
                problems.append(f"expected the sign-in or 404 – {seen}")
        elif ROLES[role] is None:
            if not _is_login(response):
                problems.append(f"expected the sign-in – {seen} {response.get('Location', '')}")
        elif role == "regional admin":
            if entry.superuser_sees and status in (403, 404):
                problems.append(f"the finder's object is not there – {seen}")
        elif role == "regional editor" and entry.target in REGIONAL_TARGETS:
            if role in entry.owners and status in (403, 404):
                problems.append(f"expected the object – {seen}")
        elif scope in (FOREIGN, OTHER_CLUB):
            if status != 404 and not _refused_for_the_area(
                client, route, entry, arguments, response
            ):
                problems.append(f"expected 404 – {seen}")
        elif status not in (200, 302) or _is_login(response):
            problems.append(f"expected the object (200/302) – {seen}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("route", "entry"), [pytest.param(r, e, id=r.key) for r, e in GLOBAL])
def test_region_wide_administration_is_refused_to_town_roles(route, entry, login):
    """Users, sites, workflows, Django's admin: a login redirect or a refusal, never a page."""
    names = {"app_label": "auth", "model_name": "user", "action_name": "x", "pk": 1}
    arguments = {p: names.get(p, 1) for p in route.params if not p.startswith("#")}
    try:
        # a named pattern (unnamed ones are keyed by their route, e.g. Django admin's)
        url = reverse(route.key, kwargs=arguments) if "/" not in route.key else None
    except NoReverseMatch:
        url = None
    if url is None:
        pytest.skip(f"{route.route}: no URL to build (Django admin's own patterns)")
    problems = []
    for role, username in ROLES.items():
        if role == "regional admin":
            continue
        if role == "regional editor" and route.key.startswith("wagtail_localize:"):
            continue  # translations of pages: the regional editor edits every town's pages
        response = login(role).get(url)
        if response.status_code == 200 or response.status_code >= 500:
            problems.append(f"{route.key} as {role}: {response.status_code} ({url})")
        if username is None and not _is_login(response):
            problems.append(f"{route.key} anonymous: expected the sign-in ({url})")
    assert not problems, "\n".join(problems)
