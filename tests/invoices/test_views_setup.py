"""Setup screens: Leitweg-IDs (office and Akte), Anordnungsgrenzen and delivery keys – only for
the Rechnungslauf-Verwaltung, only the entries of their own town."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from backoffice.efiles import roles as efiles_roles
from backoffice.invoices.models import ApprovalLimit, DeliveryToken, LeitwegRoute
from backoffice.invoices.models.routing import hash_token
from tests.efiles.factories import akte
from tests.invoices.factories import ADMIN_HOST, approval_limit, route, staff, town_of, unit_in
from tests.services.factories import town

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    return client


def url(name: str, *args) -> str:
    return reverse(f"invoices:{name}", args=args)


def text_of(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def kaemmerei():
    return unit_in("rastatt", name="Kämmerei Rastatt")


@pytest.fixture
def admin(kaemmerei):
    """Rechnungslauf-Verwaltung of Rastatt who also works with the E-Akte."""
    user = staff(kaemmerei, "Rechnungslauf-Verwaltung", first_name="Vera", last_name="Verwaltung")
    clerks, _officers = efiles_roles.setup_town(town_of(kaemmerei))
    user.groups.add(clerks)
    return user


# --- Leitweg-IDs -------------------------------------------------------------------------------
def test_route_list_shows_office_and_akte_of_the_own_town_only(admin, kaemmerei):
    file = akte(kaemmerei, title="Rechnungen Kämmerei 2026")
    route(kaemmerei, "77216043-KA001-12", akte=file, description="Kämmerei")
    route(unit_in("bruchsal"), "77215000-99999-99")
    response = client_for(admin).get(url("route_index"))
    assert response.status_code == 200
    text = text_of(response)
    assert "77216043-KA001-12" in text and "Kämmerei Rastatt" in text
    assert f"{file.aktenzeichen} – Rechnungen Kämmerei 2026" in text
    assert "77215000-99999-99" not in text


def test_add_a_route_with_office_and_akte(admin, kaemmerei):
    file = akte(kaemmerei, title="Rechnungen 2026")
    client = client_for(admin)
    page = client.get(url("route_add"))
    assert page.status_code == 200
    response = client.post(
        url("route_add"),
        {
            "site": town("rastatt").site.pk,
            "leitweg_id": " 77216043-KA001-12 ",
            "org_unit": kaemmerei.pk,
            "akte": file.pk,
            "description": "Kämmerei",
            "active": "on",
        },
    )
    assert response.status_code == 302, text_of(response)
    entry = LeitwegRoute.objects.get(leitweg_id="77216043-KA001-12")
    assert (entry.site, entry.org_unit, entry.akte_id) == (kaemmerei.site, kaemmerei, file.pk)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"leitweg_id": "kein-format!"}, "Leitweg-ID wie"),
        ({"leitweg_id": "77216043-AB001-12"}, "bereits eingetragen"),
        ({"org_unit": "other"}, "Auswahl"),
        ({"akte": "other"}, "Diese Akte kann nicht gewählt werden"),
    ],
)
def test_route_form_errors(admin, kaemmerei, change, message):
    route(unit_in("bruchsal"), "77216043-ab001-12")
    other_unit = unit_in("bruchsal")
    data = {"site": town("rastatt").site.pk, "leitweg_id": "77216043-KA001-12", "active": "on"}
    data.update(change)
    if data.get("org_unit") == "other":
        data["org_unit"] = other_unit.pk
    if data.get("akte") == "other":
        data["akte"] = akte(other_unit).pk
    response = client_for(admin).post(url("route_add"), data)
    assert response.status_code == 200
    assert message in text_of(response)
    assert not LeitwegRoute.objects.filter(leitweg_id="77216043-KA001-12").exists()


def test_edit_and_delete_a_route_other_towns_are_404(admin, kaemmerei):
    own = route(kaemmerei, "77216043-KA001-12")
    foreign = route(unit_in("bruchsal"), "77215000-99999-99")
    client = client_for(admin)
    response = client.post(
        url("route_edit", own.pk),
        {"site": own.site_id, "leitweg_id": "77216043", "org_unit": "", "active": "on"},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.leitweg_id == "77216043" and own.org_unit is None
    for name in ("route_edit", "route_delete"):
        assert client.get(url(name, foreign.pk)).status_code == 404
        assert client.post(url(name, foreign.pk)).status_code == 404
    assert "gelöscht werden" in text_of(client.get(url("route_delete", own.pk)))
    assert client.post(url("route_delete", own.pk)).status_code == 302
    assert not LeitwegRoute.objects.filter(pk=own.pk).exists()
    assert LeitwegRoute.objects.filter(pk=foreign.pk).exists()


# --- Anordnungsgrenzen -----------------------------------------------------------------------
def test_limits_for_people_with_the_order_right(admin, kaemmerei):
    orderer = staff(kaemmerei, "Anordnung", first_name="Anna", last_name="Anordnung")
    checker = staff(kaemmerei, "Sachliche Prüfung")
    foreign_orderer = staff(unit_in("bruchsal"), "Anordnung")
    approval_limit(foreign_orderer, foreign_orderer.organisational_units.first(), "99")
    client = client_for(admin)

    page = BeautifulSoup(client.get(url("limit_add")).content, "html.parser")
    offered = {
        option["value"] for option in page.select("select[name=user] option") if option["value"]
    }
    assert str(orderer.pk) in offered
    assert str(checker.pk) not in offered and str(foreign_orderer.pk) not in offered

    data = {"site": kaemmerei.site_id, "max_amount": "5000.00"}
    assert client.post(url("limit_add"), {**data, "user": checker.pk}).status_code == 200
    assert client.post(url("limit_add"), {**data, "user": orderer.pk}).status_code == 302
    limit = ApprovalLimit.objects.get(user=orderer)
    assert limit.max_amount == Decimal("5000.00") and limit.site == kaemmerei.site
    again = client.post(url("limit_add"), {**data, "user": orderer.pk})
    assert "schon eine Anordnungsgrenze" in text_of(again)

    listing = text_of(client.get(url("limit_index")))
    assert "Anna Anordnung" in listing and "5.000,00 EUR" in listing
    assert foreign_orderer.get_username() not in listing

    edited = client.post(
        url("limit_edit", limit.pk), {**data, "user": orderer.pk, "max_amount": "750"}
    )
    assert edited.status_code == 302
    limit.refresh_from_db()
    assert limit.max_amount == Decimal("750.00")
    foreign = ApprovalLimit.objects.get(user=foreign_orderer)
    assert client.get(url("limit_edit", foreign.pk)).status_code == 404
    assert client.post(url("limit_delete", foreign.pk)).status_code == 404
    assert client.post(url("limit_delete", limit.pk)).status_code == 302
    assert not ApprovalLimit.objects.filter(pk=limit.pk).exists()


# --- delivery keys -----------------------------------------------------------------------------
def test_a_new_key_is_shown_once_and_only_its_hash_is_kept(admin, kaemmerei):
    client = client_for(admin)
    response = client.post(url("token_add"), {"site": kaemmerei.site_id, "name": "OZG-RE"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    secret = soup.select_one("input[data-delivery-secret]")["value"]
    assert "nur dieses eine Mal angezeigt" in text_of(response)
    token = DeliveryToken.objects.get(name="OZG-RE")
    assert token.token_hash == hash_token(secret) and secret not in token.token_hash
    assert token.created_by == admin and token.site == kaemmerei.site and token.active

    listing = client.get(url("token_index"))
    assert f"{secret[:8]}…" in text_of(listing) and secret not in listing.content.decode()
    assert "noch nie" in text_of(listing)
    api = Client().get("/rechnungen/api/rechnungen/1/", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.status_code == 404  # authenticated; no such invoice of the town


def test_revoke_a_key(admin, kaemmerei):
    token = DeliveryToken(site=kaemmerei.site, name="Altsystem")
    secret = token.set_new_token()
    token.save()
    foreign = DeliveryToken(site=town("bruchsal").site, name="Bruchsal")
    foreign.set_new_token()
    foreign.save()
    client = client_for(admin)
    assert "Bruchsal" not in text_of(client.get(url("token_index")))
    assert client.post(url("token_revoke", foreign.pk)).status_code == 404
    assert "widerrufen werden" in text_of(client.get(url("token_revoke", token.pk)))
    assert client.post(url("token_revoke", token.pk)).status_code == 302
    token.refresh_from_db()
    assert not token.active
    assert "widerrufen" in text_of(client.get(url("token_index")))
    api = Client().get("/rechnungen/api/rechnungen/1/", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.status_code == 401


def test_others_may_not_set_up(kaemmerei):
    clerk = staff(kaemmerei, "Rechnungseingang")
    client = client_for(clerk)
    for name in (
        "route_index",
        "route_add",
        "limit_index",
        "limit_add",
        "token_index",
        "token_add",
    ):
        assert client.get(url(name)).status_code in (302, 403), name
    assert client.post(url("token_add"), {"name": "x"}).status_code in (302, 403)
    assert not DeliveryToken.objects.filter(name="x").exists()
