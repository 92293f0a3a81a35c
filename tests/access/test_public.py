"""Public interfaces, per town host: another town's page, image, document, datastream,
office or invoice answers 404 – as a wrong id does; a tracking token of another case,
or a wrong one, answers 404 as well."""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from backoffice.invoices.models import DeliveryToken, Invoice
from sensor_widgets.models import Datastream
from services.models import BookableOffice, Case, CaseEvent

from .world import TOWN_A, TOWN_B, town

pytestmark = pytest.mark.django_db
HOST_A = f"{TOWN_A}.localhost:8000"


def host_client() -> Client:
    return Client(HTTP_HOST=HOST_A)


def _page(slug):
    return Page.objects.child_of(town(slug).site.root_page).live().public().first()


def _media(model, slug):
    collection = town(slug).collection
    return model.objects.filter(collection__path__startswith=collection.path).first()


API = {
    "pages": lambda slug: _page(slug),
    "images": lambda slug: _media(get_image_model(), slug),
    "documents": lambda slug: _media(get_document_model(), slug),
}


@pytest.mark.parametrize("endpoint", API)
def test_api_answers_404_for_another_towns_object(endpoint):
    own, foreign = API[endpoint](TOWN_A), API[endpoint](TOWN_B)
    client = host_client()
    assert client.get(f"/api/v2/{endpoint}/{own.pk}/").status_code == 200
    response = client.get(f"/api/v2/{endpoint}/{foreign.pk}/")
    assert response.status_code == 404, f"{endpoint} of {TOWN_B} on {HOST_A}"
    assert str(foreign.title) not in response.content.decode()


def test_chart_data_of_another_towns_datastream_is_not_found():
    own = Datastream.objects.filter(thing__site=town(TOWN_A).site, public=True).first()
    foreign = Datastream.objects.filter(thing__site=town(TOWN_B).site, public=True).first()
    client = host_client()
    assert client.get(f"/sensorik/verlauf/{own.pk}/").status_code == 200
    assert client.get(f"/sensorik/verlauf/{foreign.pk}/").status_code == 404


@pytest.mark.parametrize("path", ["/termine/{}/", "/aufruf/{}/", "/aufruf/{}/stand.json"])
def test_booking_and_call_display_of_another_towns_office_are_not_found(path):
    own = BookableOffice.objects.filter(unit__site=town(TOWN_A).site).first()
    foreign = BookableOffice.objects.filter(unit__site=town(TOWN_B).site).first()
    client = host_client()
    assert client.get(path.format(own.pk)).status_code == 200
    assert client.get(path.format(foreign.pk)).status_code == 404


def test_citizen_tracking_page_only_with_the_cases_own_token_on_its_town():
    client = host_client()
    own = client.get(f"/vorgang/demo-{TOWN_A}-vorgang/")
    assert own.status_code == 200
    foreign_cases = Case.objects.filter(site=town(TOWN_B).site)
    # the token of a case of another town, on this town's host and on its own
    response = client.get(f"/vorgang/demo-{TOWN_B}-vorgang/")
    assert response.status_code == 404
    assert not any(case.reference in response.content.decode() for case in foreign_cases)
    # a wrong token, and one a letter off
    assert client.get("/vorgang/kein-gueltiges-token/").status_code == 404
    assert client.get(f"/vorgang/demo-{TOWN_A}-vorganx/").status_code == 404
    # replying to another town's case is refused the same way, nothing stored
    before = CaseEvent.objects.filter(case__in=foreign_cases).count()
    response = client.post(f"/vorgang/demo-{TOWN_B}-vorgang/", {"message": "Hallo"})
    assert response.status_code == 404
    assert CaseEvent.objects.filter(case__in=foreign_cases).count() == before


@pytest.mark.parametrize(
    "path",
    [
        "/termine/bestaetigen/falsch/",
        "/termine/verwalten/falsch/",
        "/verein/abmelden/falsch/",
        "/verein/einladung/falsch/",
    ],
)
def test_wrong_tokens_are_not_found(path):
    assert host_client().get(path).status_code == 404


def test_invoice_api_key_of_one_town_does_not_see_another_towns_invoice():
    token = DeliveryToken(site=town(TOWN_A).site, name="OZG-RE")
    secret = token.set_new_token()
    token.save()
    own = Invoice.objects.filter(site=town(TOWN_A).site).first()
    foreign = Invoice.objects.filter(site=town(TOWN_B).site).first()
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert client.get(f"/rechnungen/api/rechnungen/{own.pk}/").status_code == 200
    response = client.get(f"/rechnungen/api/rechnungen/{foreign.pk}/")
    assert response.status_code == 404
    assert foreign.seller_name not in response.content.decode()
