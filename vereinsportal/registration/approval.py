"""Deciding a club registration.

Approving creates, in one transaction, the published club page below the town's club
directory, the manager's account (or reuses the account with that e-mail address), the
membership as manager, and queues the mail with the links to set a password and to the
club dashboard. A registration is decided once: a second click changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..models import (
    ClubMembership,
    ClubPage,
    ClubRegistration,
    ClubRole,
    ContactVisibility,
    RegistrationStatus,
)
from . import mails

APPROVE_ACTION = "vereinsportal.registration.approve"
REJECT_ACTION = "vereinsportal.registration.reject"


class DecisionError(ValueError):
    """A decision that cannot be made; the message is German and shown to staff."""


@dataclass
class Approval:
    registration: ClubRegistration
    club: ClubPage
    user: object
    password_url: str


def _locked(registration_id: int) -> ClubRegistration:
    registration = (
        ClubRegistration.objects.select_for_update()
        .select_related("site", "index_page")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        raise DecisionError(_("Diese Anmeldung gibt es nicht mehr."))
    if registration.status != RegistrationStatus.PENDING:
        raise DecisionError(_("Diese Anmeldung ist bereits entschieden."))
    return registration


def _unique_slug(parent, name: str) -> str:
    base = slugify(name)[:200] or "verein"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def _unique_username(email: str) -> str:
    model = get_user_model()
    base = email.strip().lower()[:140]
    username, number = base, 2
    while model.objects.filter(username__iexact=username).exists():
        username = f"{base}-{number}"
        number += 1
    return username


def account_for(registration: ClubRegistration):
    """The user with the registration's e-mail address, created if there is none
    (with an unusable password: the person sets one through the mailed link)."""
    model = get_user_model()
    email = registration.contact_email.strip()
    user = model.objects.filter(email__iexact=email).order_by("pk").first()
    if user is not None:
        return user
    first, _sep, last = registration.contact_name.strip().rpartition(" ")
    user = model(
        username=_unique_username(email),
        email=email,
        first_name=first[:150],
        last_name=(last or registration.contact_name)[:150],
    )
    user.set_unusable_password()
    user.save()
    return user


def _absolute(site, name: str, fallback: str, **kwargs) -> str:
    with translation.override("de"):
        try:
            path = reverse(name, kwargs=kwargs or None)
        except NoReverseMatch:  # the club dashboard is not mounted in this project
            path = fallback
    return site.root_url + path


def password_url(site, user) -> str:
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return _absolute(
        site,
        "vereinsportal:password_reset_confirm",
        f"/verein/passwort/{uidb64}/{token}/",
        uidb64=uidb64,
        token=token,
    )


def dashboard_url(site) -> str:
    return _absolute(site, "vereinsportal:dashboard", "/verein/")


@transaction.atomic
def approve(registration_id: int, *, user, note: str = "") -> Approval:
    registration = _locked(registration_id)
    index = registration.index_page.specific
    club = ClubPage(
        title=registration.club_name,
        slug=_unique_slug(index, registration.club_name),
        short_description=registration.short_description,
        register_court=registration.register_court,
        register_number=registration.register_number,
        contact_name=registration.contact_name,
        contact_email=registration.contact_email,
        contact_visibility=ContactVisibility.NAME,
        town_site=registration.site,
    )
    index.add_child(instance=club)
    club.categories.set(list(registration.categories.all()))
    club.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    club.refresh_from_db()

    manager = account_for(registration)
    membership, created = ClubMembership.objects.get_or_create(
        club=club, user=manager, defaults={"role": ClubRole.MANAGER}
    )
    if not created and membership.role != ClubRole.MANAGER:
        membership.role = ClubRole.MANAGER
        membership.save(update_fields=["role"])

    registration.status = RegistrationStatus.APPROVED
    registration.decided_at = timezone.now()
    registration.decided_by = user
    registration.decision_note = note.strip()
    registration.club = club
    registration.save()

    link = "" if manager.has_usable_password() else password_url(registration.site, manager)
    mails.send_approved_mail(
        registration,
        password_url=link,
        dashboard_url=dashboard_url(registration.site),
        club_url=club.get_full_url(),
    )
    log(instance=registration, action=APPROVE_ACTION, user=user)
    return Approval(registration, club, manager, link)


@transaction.atomic
def reject(registration_id: int, *, user, note: str) -> ClubRegistration:
    note = (note or "").strip()
    if not note:
        raise DecisionError(_("Bitte begründen Sie die Ablehnung."))
    registration = _locked(registration_id)
    registration.status = RegistrationStatus.REJECTED
    registration.decided_at = timezone.now()
    registration.decided_by = user
    registration.decision_note = note
    registration.save()
    mails.send_rejected_mail(registration)
    log(instance=registration, action=REJECT_ACTION, user=user)
    return registration
