"""Town staff review club registrations in the Wagtail admin: approve (club page, account,
membership, mail with the password link) or reject (with a reason) – only for their town."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from wagtail.models import ModelLogEntry

from tests.portal.factories import UserFactory
from tests.vereinsportal.factories import club_index, site_of
from tests.vereinsportal.factories_registration import mails_to, moderator, registration
from vereinsportal.models import (
    ClubMembership,
    ClubPage,
    ClubRegistration,
    ClubRole,
    ContactVisibility,
    RegistrationStatus,
)
from vereinsportal.registration.approval import APPROVE_ACTION

pytestmark = pytest.mark.django_db
User = get_user_model()


def admin_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def detail(item) -> str:
    return f"/admin/vereine/anmeldungen/{item.pk}/"


def approve(client, item, note=""):
    return client.post(detail(item), {"action": "approve", "note": note}, follow=True)


def test_moderator_approves_club_page_account_membership_and_mail(site_client):
    staff = moderator("bruchsal")
    item = registration(
        "bruchsal",
        "Boulefreunde am Schloss",
        contact_email="erika@boule.example",
        categories=["Sport", "Senioren"],
    )
    client = admin_client(staff)

    page = client.get(detail(item))
    assert page.status_code == 200
    assert "Boulefreunde am Schloss" in page.content.decode()
    response = approve(client, item)

    assert response.status_code == 200
    assert "ist freigegeben" in response.content.decode()
    item.refresh_from_db()
    assert item.status == RegistrationStatus.APPROVED
    assert item.decided_by == staff and item.decided_at is not None
    club = ClubPage.objects.get(pk=item.club_id)
    assert club.live
    assert club.get_parent().pk == club_index("bruchsal").pk
    assert club.town_site == site_of("bruchsal")
    assert club.title == "Boulefreunde am Schloss"
    assert club.short_description == item.short_description
    assert (club.register_court, club.register_number) == ("Amtsgericht Mannheim", "VR 123456")
    assert (club.contact_name, club.contact_email) == ("Erika Mustermann", "erika@boule.example")
    assert club.contact_visibility == ContactVisibility.NAME
    assert {c.name for c in club.categories.all()} == {"Sport", "Senioren"}
    # the public sees the club page
    assert site_client("bruchsal").get(club.url).status_code == 200

    user = User.objects.get(email="erika@boule.example")
    assert not user.has_usable_password()
    assert ClubMembership.objects.get(club=club, user=user).role == ClubRole.MANAGER

    approved = [m for m in mails_to("erika@boule.example") if "freigeschaltet" in m.subject]
    assert len(approved) == 1
    body = approved[0].body
    assert club.full_url in body
    assert "http://bruchsal.localhost:8000/verein/" in body
    link = re.search(r"http://bruchsal\.localhost:8000(/verein/passwort/[^/\s]+/[^/\s]+/)", body)
    assert link, body

    # the link works: the person sets a password and can use it
    citizen = site_client("bruchsal")
    form = citizen.get(link.group(1), follow=True)
    assert form.status_code == 200
    assert 'name="new_password1"' in form.content.decode()
    done = citizen.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link.group(1),
        {"new_password1": "Boule-am-Schloss-2026", "new_password2": "Boule-am-Schloss-2026"},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Boule-am-Schloss-2026")


def test_existing_account_is_reused_without_password_link():
    staff = moderator("bruchsal")
    existing = UserFactory(email="Vorstand@Boule.example")
    item = registration("bruchsal", contact_email="vorstand@boule.example")

    approve(admin_client(staff), item)

    item.refresh_from_db()
    assert User.objects.filter(email__iexact="vorstand@boule.example").count() == 1
    membership = ClubMembership.objects.get(user=existing)
    assert membership.club_id == item.club_id and membership.role == ClubRole.MANAGER
    [mail] = [m for m in mails_to("vorstand@boule.example") if "freigeschaltet" in m.subject]
    assert "/verein/passwort/" not in mail.body
    assert "bestehenden Zugang" in mail.body


def test_second_approve_changes_nothing():
    staff = moderator("bruchsal")
    item = registration("bruchsal", "Kegelclub Alle Neune")
    client = admin_client(staff)
    approve(client, item)

    again = approve(client, item)

    assert again.status_code == 200
    assert "bereits entschieden" in again.content.decode()
    assert ClubPage.objects.filter(title="Kegelclub Alle Neune").count() == 1
    # the decision is in Wagtail's audit log, once
    entries = ModelLogEntry.objects.filter(object_id=str(item.pk), action=APPROVE_ACTION)
    assert [entry.user_id for entry in entries] == [staff.pk]
    assert len([m for m in mails_to(item.contact_email) if "freigeschaltet" in m.subject]) == 1


def test_moderator_of_another_town_gets_404():
    item = registration("bruchsal", "Boulefreunde Untergrombach")
    other = admin_client(moderator("ettlingen"))

    assert other.get(detail(item)).status_code == 404
    assert other.post(detail(item), {"action": "approve"}).status_code == 404
    assert other.post(detail(item), {"action": "reject", "note": "Nein"}).status_code == 404
    listing = other.get("/admin/vereine/anmeldungen/")
    assert listing.status_code == 200
    assert "Boulefreunde Untergrombach" not in listing.content.decode()
    item.refresh_from_db()
    assert item.status == RegistrationStatus.PENDING
    assert not ClubPage.objects.filter(title="Boulefreunde Untergrombach").exists()


def test_user_without_review_permission_is_refused():
    item = registration("bruchsal")
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = admin_client(editor).get(detail(item))
    assert response.status_code in (302, 403)
    assert ClubRegistration.objects.get(pk=item.pk).status == RegistrationStatus.PENDING


def test_reject_needs_a_note_then_mails_the_reason():
    staff = moderator("bruchsal")
    item = registration("bruchsal", "Verein ohne Sitz")
    client = admin_client(staff)

    missing = client.post(detail(item), {"action": "reject", "note": "   "}, follow=True)
    assert "Bitte begründen Sie die Ablehnung." in missing.content.decode()
    item.refresh_from_db()
    assert item.status == RegistrationStatus.PENDING

    client.post(
        detail(item), {"action": "reject", "note": "Der Verein hat seinen Sitz in Karlsruhe."}
    )
    item.refresh_from_db()
    assert item.status == RegistrationStatus.REJECTED
    assert item.decided_by == staff
    assert item.club_id is None
    [mail] = [m for m in mails_to(item.contact_email) if "nicht in das" in m.body]
    assert "Der Verein hat seinen Sitz in Karlsruhe." in mail.body
    assert not ClubPage.objects.filter(title="Verein ohne Sitz").exists()
    # decided: approving afterwards does nothing
    assert "bereits entschieden" in approve(client, item).content.decode()
    assert not ClubPage.objects.filter(title="Verein ohne Sitz").exists()


def test_list_shows_pending_first_and_filters_by_status():
    staff = moderator("bruchsal")
    client = admin_client(staff)
    decided = registration("bruchsal", "Zuerst angemeldet")
    client.post(detail(decided), {"action": "reject", "note": "Doppelt."}, follow=True)
    registration("bruchsal", "Später angemeldet")

    html = client.get("/admin/vereine/anmeldungen/").content.decode()
    assert html.index("Später angemeldet") < html.index("Zuerst angemeldet")

    rejected = client.get("/admin/vereine/anmeldungen/?status=rejected").content.decode()
    assert "Zuerst angemeldet" in rejected and "Später angemeldet" not in rejected
    pending = client.get("/admin/vereine/anmeldungen/?status=pending").content.decode()
    assert "Später angemeldet" in pending and "Zuerst angemeldet" not in pending


def test_menu_shows_the_number_of_pending_registrations():
    staff = moderator("gaggenau")
    ClubRegistration.objects.filter(site=site_of("gaggenau")).delete()
    registration("gaggenau")
    registration("gaggenau")
    registration("bruchsal")  # another town: not counted
    html = admin_client(staff).get("/admin/").content.decode()
    assert "Vereinsanmeldungen (2 offen)" in html


def test_decided_registrations_are_deleted_after_the_keep_period():
    from datetime import timedelta

    from django.utils import timezone

    from vereinsportal.registration.jobs import delete_decided_registrations

    ClubRegistration.objects.exclude(status=RegistrationStatus.PENDING).delete()  # the demo's
    old = registration("bruchsal", "Alt entschieden")
    recent = registration("bruchsal", "Neu entschieden")
    waiting = registration("bruchsal", "Wartet noch")
    ClubRegistration.objects.filter(pk=old.pk).update(
        status=RegistrationStatus.REJECTED, decided_at=timezone.now() - timedelta(days=91)
    )
    ClubRegistration.objects.filter(pk=recent.pk).update(
        status=RegistrationStatus.REJECTED, decided_at=timezone.now() - timedelta(days=89)
    )
    ClubRegistration.objects.filter(pk=waiting.pk).update(
        created_at=timezone.now() - timedelta(days=400)
    )

    message = delete_decided_registrations()

    assert "1 entschiedene Anmeldung" in message
    assert not ClubRegistration.objects.filter(pk=old.pk).exists()
    assert ClubRegistration.objects.filter(pk__in=[recent.pk, waiting.pk]).count() == 2


def test_membership_listing_shows_only_the_towns_clubs():
    from tests.vereinsportal.factories import club_manager, club_page

    ours = club_page("bruchsal", "Tennisclub Blau-Weiß")
    theirs = club_page("ettlingen", "Tennisclub Rot-Gold")
    club_manager(ours, email="blau@tennis.example")
    club_manager(theirs, email="rot@tennis.example")

    html = admin_client(moderator("bruchsal")).get("/admin/vereine/zugaenge/?q=Tennisclub")
    text = html.content.decode()
    assert html.status_code == 200
    assert "Tennisclub Blau-Weiß" in text and "blau@tennis.example" in text
    assert "Tennisclub Rot-Gold" not in text and "rot@tennis.example" not in text
