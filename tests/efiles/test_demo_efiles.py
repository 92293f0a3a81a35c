"""The E-Akte demo: groups and logins per town, files of the town only, disposal-due files
(A, B, V), searchable PDF text, versions, a checked-out and classified documents."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from backoffice.efiles import access
from backoffice.efiles.models import (
    Akte,
    AkteStatus,
    AuditAction,
    AuditEntry,
    Confidentiality,
    Dokument,
    DokumentVersion,
    PlanUnit,
    TextStatus,
)
from portal.core.models import TownSettings
from portal.demo.efiles_seed import clerk_login, officer_login, seed_efiles
from portal.demo.seed import SeedReport, caseworker_login
from tests.conftest import TOWN_SLUGS
from tests.efiles.factories import ADMIN_HOST
from tests.utils import login as login_with_request

pytestmark = pytest.mark.django_db


def _user(username: str):
    return get_user_model().objects.get(username=username)


def _login(login: tuple[str, str]) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    assert login_with_request(client, login[0], login[1]), login
    return client


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_every_town_has_groups_logins_plan_and_files(slug):
    town = TownSettings.objects.get(slug=slug)
    clerk, officer = _user(clerk_login(slug)[0]), _user(officer_login(slug)[0])
    assert clerk.groups.filter(name=f"E-Akte {town.name}").exists()
    assert officer.groups.filter(name=f"Registratur {town.name}").exists()
    assert officer.groups.filter(name="Ermächtigung VS-NfD").exists()
    assert access.may_edit(clerk) and not access.may_dispose(clerk)
    assert access.may_dispose(officer) and access.may_view_audit(officer)
    assert access.clearance(officer) == Confidentiality.VS_NFD
    assert PlanUnit.objects.filter(site=town.site).count() > 20
    assert 11 <= Akte.objects.filter(site=town.site).count() <= 20
    # the Bürgerservice login files applications into the E-Akte
    assert access.may_edit(_user(caseworker_login(slug)[0]))


@pytest.mark.parametrize("login", [clerk_login("bruchsal"), officer_login("bruchsal")])
def test_demo_logins_sign_in_and_see_their_towns_files_only(login):
    client = _login(login)
    assert client.get("/admin/").status_code == 200
    user = _user(login[0])
    visible = access.akten_for(user)
    bruchsal = TownSettings.objects.get(slug="bruchsal").site
    assert visible.exists()
    assert set(visible.values_list("site_id", flat=True)) == {bruchsal.pk}
    rastatt = Akte.objects.filter(site__hostname__startswith="rastatt").first()
    own = visible.first()
    assert client.get(reverse("efiles:akte_detail", args=[rastatt.pk])).status_code == 404
    assert client.get(reverse("efiles:akte_detail", args=[own.pk])).status_code == 200


def test_clerk_sees_the_list_of_their_files():
    client = _login(clerk_login("bruchsal"))
    response = client.get(reverse("efiles:index"))
    assert response.status_code == 200
    page = response.content.decode()
    # Bruchsal's streets, not Rastatt's
    assert "Bauvoranfrage Aufstockung Bürogebäude Friedrichstraße 3" in page
    assert "Herrenstraße" not in page


def test_confidentiality_in_the_demo():
    clerk, officer = _user(clerk_login("rastatt")[0]), _user(officer_login("rastatt")[0])
    classified = Dokument.objects.filter(
        akte__site__hostname__startswith="rastatt", confidentiality=Confidentiality.VS_NFD
    )
    assert classified.count() >= 2
    assert not access.dokumente_for(clerk).filter(pk__in=classified).exists()
    # the Registratur belongs to the Bürgerbüro: it reads the VS-NfD register file
    assert access.dokumente_for(officer).filter(pk__in=classified).exists()
    personnel = Akte.objects.get(
        site__hostname__startswith="rastatt", confidentiality=Confidentiality.CONFIDENTIAL
    )
    assert not access.akten_for(clerk).filter(pk=personnel.pk).exists()
    assert not access.akten_for(officer).filter(pk=personnel.pk).exists()


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_files_due_for_disposal_are_there_with_a_b_and_v(slug):
    today = timezone.localdate()
    officer = _user(officer_login(slug)[0])
    closed = access.akten_for_disposal(officer).filter(status=AkteStatus.CLOSED)
    due = [akte for akte in closed if akte.retention_ends < today]
    assert {akte.effective_disposal for akte in due} == {"A", "B", "V"}
    assert all(2010 <= akte.closed_on.year <= 2014 for akte in due)
    assert closed.filter(closed_on__year__gte=today.year - 1).exists()  # closed recently


def test_closing_and_creating_are_in_the_audit_trail():
    akte = Akte.objects.filter(
        site__hostname__startswith="bruchsal", status=AkteStatus.CLOSED, disposal="V"
    ).first()
    entries = AuditEntry.objects.filter(akte_id=akte.pk)
    actions = set(entries.values_list("action", flat=True))
    assert {AuditAction.CREATE, AuditAction.CLOSE} <= actions
    assert entries.filter(username=clerk_login("bruchsal")[0]).exists()


def test_pdf_text_is_searchable_and_versions_and_lock_exist():
    found = Dokument.objects.filter(text__icontains="Grundflächenzahl")
    assert found.count() == len(TOWN_SLUGS)
    assert all(doc.text_status == TextStatus.DONE for doc in found)
    assert Dokument.objects.filter(text__icontains="Regenwasserrückhalt").exists()
    rastatt = Dokument.objects.filter(akte__site__hostname__startswith="rastatt")
    assert rastatt.exclude(text_status=TextStatus.DONE).count() == 0
    decision = rastatt.get(title="Baugenehmigung")
    assert decision.versions.count() == 3
    assert "Endfassung" in decision.text  # the newest version's text
    version = decision.versions.get(number=1)
    assert version.content_type == "application/pdf"
    with version.file.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    locked = rastatt.exclude(locked_by=None).get()
    assert locked.locked_by.username == clerk_login("rastatt")[0]
    assert DokumentVersion.objects.filter(dokument__akte__site__hostname__startswith="rastatt")


def test_seed_again_changes_nothing():
    counts = (
        Akte.objects.count(),
        Dokument.objects.count(),
        PlanUnit.objects.count(),
        AuditEntry.objects.count(),
        get_user_model().objects.count(),
        Group.objects.count(),
    )
    report = SeedReport()
    seed_efiles(report)
    assert counts == (
        Akte.objects.count(),
        Dokument.objects.count(),
        PlanUnit.objects.count(),
        AuditEntry.objects.count(),
        get_user_model().objects.count(),
        Group.objects.count(),
    )
    assert ("E-Akte Bruchsal", *clerk_login("bruchsal")) in report.logins
    assert ("Registratur Bruchsal", *officer_login("bruchsal")) in report.logins
