"""The delivery API: a town's key delivers XRechnung / ZUGFeRD files; every status code of the
documentation, keys of other towns, revoked keys and the status query."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from backoffice.invoices.models import DeliveryToken, Invoice, InvoiceStatus, Source
from tests.invoices import conftest as suite
from tests.invoices.factories import InvoiceFactory, route, unit_in
from tests.services.factories import town

pytestmark = pytest.mark.django_db

UBL = "01.01a-INVOICE_ubl.xml"
LEITWEG = "04011000-12345-03"
URL = "/rechnungen/api/rechnungen/"


def suite_bytes(name: str = UBL) -> bytes:
    return suite.testsuite_file(name).read_bytes()


def key_of(slug: str, **kwargs) -> tuple[DeliveryToken, str]:
    token = DeliveryToken(site=town(slug).site, name=f"Plattform {slug}", **kwargs)
    secret = token.set_new_token()
    token.save()
    return token, secret


@pytest.fixture
def rastatt_key():
    return key_of("rastatt")


def post(data: bytes, secret: str | None, content_type: str = "application/xml", **extra):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
    return Client().post(URL, data=data, content_type=content_type, **headers, **extra)


def test_url_names():
    assert reverse("invoices_api_receive") == URL
    assert reverse("invoices_api_status", args=[5]) == URL + "5/"


def test_201_stores_the_invoice_and_answers_its_location(rastatt_key):
    token, secret = rastatt_key
    response = post(
        suite_bytes(), secret, HTTP_CONTENT_DISPOSITION='attachment; filename="RE-4711.xml"'
    )
    assert response.status_code == 201, response.content
    body = response.json()
    invoice = Invoice.objects.get(pk=body["id"])
    assert body == {
        "id": invoice.pk,
        "status": "eingegangen",
        "number": "123456XX",
        "warnings": body["warnings"],
    }
    assert all(set(w) == {"rule", "message", "term"} for w in body["warnings"])
    assert response["Location"] == f"{URL}{invoice.pk}/"
    assert invoice.site == token.site and invoice.source == Source.API
    assert invoice.original_name == "RE-4711.xml"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_text_xml_pdf_and_multipart_are_accepted(rastatt_key):
    _token, secret = rastatt_key
    assert post(suite_bytes("01.02a-INVOICE_ubl.xml"), secret, "text/xml").status_code == 201
    upload = SimpleUploadedFile("rechnung.xml", suite_bytes("01.03a-INVOICE_ubl.xml"))
    response = Client().post(URL, {"file": upload}, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 201
    assert Invoice.objects.get(pk=response.json()["id"]).original_name == "rechnung.xml"
    from tests.invoices.test_intake import zugferd_pdf

    pdf = zugferd_pdf(suite_bytes("01.01a-INVOICE_uncefact.xml"))
    response = post(pdf, secret, "application/pdf")
    assert response.status_code == 201
    assert Invoice.objects.get(pk=response.json()["id"]).container == "pdf"


def test_422_lists_the_errors_and_stores_nothing(rastatt_key):
    _token, secret = rastatt_key
    before = Invoice.objects.count()
    broken = suite_bytes().replace(
        f"<cbc:BuyerReference>{LEITWEG}</cbc:BuyerReference>".encode(), b""
    )
    response = post(broken, secret)
    assert response.status_code == 422
    body = response.json()
    assert "BR-DE-15" in {error["rule"] for error in body["errors"]}
    assert all(set(error) == {"rule", "message", "term"} for error in body["errors"])
    assert "warnings" in body
    assert post(b"kein XML", secret).json()["errors"][0]["rule"] == "XML-WOHLGEFORMT"
    assert Invoice.objects.count() == before


def test_409_for_a_duplicate_and_for_the_same_file(rastatt_key):
    _token, secret = rastatt_key
    first = post(suite_bytes(), secret).json()["id"]
    same = post(suite_bytes(), secret)
    assert same.status_code == 409
    assert same.json()["duplicate_of"] == first and same.json()["message"]
    other_bytes = post(suite_bytes() + b"<!-- 2 -->", secret)
    assert other_bytes.status_code == 409
    assert other_bytes.json()["duplicate_of"] == first


def test_401_without_or_with_a_wrong_or_revoked_key():
    _token, revoked = key_of("rastatt", active=False)
    for secret in (None, "falsch", revoked):
        response = post(suite_bytes(), secret)
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert response.json()["message"]
    basic = Client().post(
        URL, data=suite_bytes(), content_type="application/xml", HTTP_AUTHORIZATION="Basic eDp5"
    )
    assert basic.status_code == 401


def test_a_key_of_another_town_cannot_deliver_to_a_routed_leitweg_id(rastatt_key):
    route(unit_in("rastatt"), LEITWEG)
    _token, bruchsal_secret = key_of("bruchsal")
    response = post(suite_bytes(), bruchsal_secret)
    assert response.status_code == 422
    assert response.json()["errors"][0]["rule"] == "LEITWEG-ANDERE-STADT"
    assert post(suite_bytes(), rastatt_key[1]).status_code == 201


def test_413_415_405_and_400(rastatt_key, settings):
    _token, secret = rastatt_key
    assert post(b'{"a": 1}', secret, "application/json").status_code == 415
    assert Client().get(URL, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 405
    assert Client().put(URL, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 405
    nothing = Client().post(URL, {"andere": "x"}, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert nothing.status_code == 400
    settings.INVOICES_MAX_UPLOAD_MB = 0.001
    too_large = post(suite_bytes(), secret)
    assert too_large.status_code == 413 and "zu groß" in too_large.json()["message"]
    upload = SimpleUploadedFile("gross.xml", suite_bytes())
    multipart = Client().post(URL, {"file": upload}, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert multipart.status_code == 413


def test_429_when_a_key_sends_too_much(rastatt_key, settings):
    settings.INVOICES_API_RATE = "2/m"
    _token, secret = rastatt_key
    statuses = [post(b"x", secret).status_code for _ in range(3)]
    assert statuses[:2] == [422, 422] and statuses[2] == 429


def test_status_of_the_keys_own_invoices_only(rastatt_key):
    token, secret = rastatt_key
    own = InvoiceFactory(org_unit=unit_in("rastatt"), status=InvoiceStatus.REJECTED)
    own.rejection_notice = "Bitte mit Bestellnummer erneut senden."
    own.save()
    other = InvoiceFactory(org_unit=unit_in("bruchsal"))
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")

    response = client.get(f"{URL}{own.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == own.pk and body["status"] == "zurueckgewiesen"
    assert body["status_label"] == "Zurückgewiesen"
    assert body["rejection_notice"] == "Bitte mit Bestellnummer erneut senden."
    assert body["amount_due"] == "1190.00"
    assert client.get(f"{URL}{other.pk}/").status_code == 404
    assert client.get(f"{URL}999999/").status_code == 404
    assert Client().get(f"{URL}{own.pk}/").status_code == 401
    assert client.post(f"{URL}{own.pk}/").status_code == 405
