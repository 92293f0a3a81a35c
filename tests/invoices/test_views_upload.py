"""The upload page: without JavaScript (all files in one form post → a result page) and the
script's JSON endpoint (one file per request); who may upload, for which town."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from backoffice.invoices.models import Invoice, Source
from tests.invoices import conftest as suite
from tests.invoices.factories import ADMIN_HOST, route, staff, unit_in
from tests.services.factories import town

pytestmark = pytest.mark.django_db

UBL = "01.01a-INVOICE_ubl.xml"
LEITWEG = "04011000-12345-03"


def client_for(user) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    return client


def url(name: str) -> str:
    return reverse(f"invoices:{name}")


def upload(name: str = UBL, data: bytes | None = None, filename: str | None = None):
    content = data if data is not None else suite.testsuite_file(name).read_bytes()
    return SimpleUploadedFile(filename or name, content, content_type="application/xml")


def text_of(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def eingang():
    return unit_in("rastatt", name="Rechnungseingang Rastatt")


@pytest.fixture
def clerk(eingang):
    return staff(eingang, "Rechnungseingang")


def test_the_page_offers_a_multiple_file_input_and_the_script(clerk):
    response = client_for(clerk).get(url("upload"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.select_one("input[type=file][name=files]")
    assert field is not None and field.has_attr("multiple")
    assert soup.find("label", attrs={"for": field["id"]})
    form = soup.select_one("form[data-invoice-upload]")
    assert form["enctype"] == "multipart/form-data" and form["data-upload-url"] == url(
        "upload_file"
    )
    assert soup.select_one("input[name=csrfmiddlewaretoken]")
    assert any("invoices/upload.js" in tag.get("src", "") for tag in soup.select("script"))
    assert "Stadt: Rastatt" in text_of(response)  # one town: no choice
    assert soup.select_one("select[name=site]") is None


def test_without_javascript_every_file_gets_a_result(clerk, eingang):
    route(eingang, LEITWEG)
    broken = upload(data=b"<Invoice>", filename="kaputt.xml")
    response = client_for(clerk).post(
        url("upload"), {"files": [upload(), broken], "site": town("rastatt").site.pk}
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = soup.select(".invoice-upload-results > li")
    assert [row["data-outcome"] for row in rows] == ["accepted", "rejected"]
    invoice = Invoice.objects.get(original_name=UBL)
    accepted = rows[0].get_text(" ", strip=True)
    assert "Angenommen" in accepted and "123456XX" in accepted and "336,90 EUR" in accepted
    assert "Rechnungseingang Rastatt" in accepted
    assert invoice.received_by == clerk and invoice.source == Source.UPLOAD
    assert "XML-WOHLGEFORMT" in rows[1].get_text(" ", strip=True)
    assert "2 Dateien: 1 angenommen, 1 nicht übernommen." in text_of(response)


def test_without_javascript_a_duplicate_can_be_taken_with_the_button(clerk):
    client = client_for(clerk)
    client.post(url("upload"), {"files": [upload()]})
    again = upload(data=suite.testsuite_file(UBL).read_bytes() + b"<!-- 2 -->", filename="neu.xml")
    response = client.post(url("upload"), {"files": [again]})
    soup = BeautifulSoup(response.content, "html.parser")
    row = soup.select_one(".invoice-upload-results > li")
    assert row["data-outcome"] == "duplicate"
    assert "noch keiner Dienststelle zugeordnet" not in row.get_text()
    button = row.find("button", string=lambda s: s and "Trotzdem als Dublette übernehmen" in s)
    retry = button.find_parent("form").select_one("input[name=retry]")["value"]

    taken = client.post(url("upload"), {"retry": retry})
    taken_row = BeautifulSoup(taken.content, "html.parser").select_one(
        ".invoice-upload-results > li"
    )
    assert taken_row["data-outcome"] == "accepted"
    assert "noch keiner Dienststelle zugeordnet" in taken_row.get_text()
    assert Invoice.objects.get(original_name="neu.xml").duplicate_of is not None
    # the kept file is gone after use, and nobody else could have used it
    assert "nicht mehr vor" in text_of(client.post(url("upload"), {"retry": retry}))


def test_the_retry_key_is_only_for_the_uploader(clerk, eingang):
    client = client_for(clerk)
    client.post(url("upload"), {"files": [upload()]})
    again = upload(data=suite.testsuite_file(UBL).read_bytes() + b"<!-- 2 -->", filename="neu.xml")
    soup = BeautifulSoup(client.post(url("upload"), {"files": [again]}).content, "html.parser")
    retry = soup.select_one("input[name=retry]")["value"]
    colleague = staff(eingang, "Rechnungseingang")
    response = client_for(colleague).post(url("upload"), {"retry": retry})
    assert "nicht mehr vor" in text_of(response)
    assert not Invoice.objects.filter(original_name="neu.xml").exists()


def test_without_files_the_page_says_so(clerk):
    response = client_for(clerk).post(url("upload"), {})
    assert response.status_code == 400
    assert "mindestens eine Datei" in text_of(response)


def test_json_endpoint_answers_one_row_per_file(clerk):
    client = client_for(clerk)
    response = client.post(url("upload_file"), {"file": upload()})
    assert response.status_code == 200
    body = response.json()
    assert body["outcome"] == "accepted" and body["label"] == "Angenommen"
    invoice = Invoice.objects.get(pk=body["invoice"]["id"])
    assert body["invoice"]["number"] == "123456XX" and body["invoice"]["amount"] == "336,90"
    assert body["invoice"]["office"] == ""
    assert "noch keiner Dienststelle zugeordnet" in body["html"]
    assert invoice.received_by == clerk

    duplicate = client.post(
        url("upload_file"),
        {
            "file": upload(
                data=suite.testsuite_file(UBL).read_bytes() + b"<!---->", filename="b.xml"
            )
        },
    ).json()
    assert duplicate["outcome"] == "duplicate" and duplicate["duplicate_of"]["id"] == invoice.pk
    assert "data-accept-duplicate" in duplicate["html"]
    assert duplicate["findings"][0]["rule"] == "DUBLETTE"
    taken = client.post(
        url("upload_file"),
        {
            "file": upload(
                data=suite.testsuite_file(UBL).read_bytes() + b"<!---->", filename="b.xml"
            ),
            "accept_duplicate": "1",
        },
    ).json()
    assert taken["outcome"] == "accepted"

    rejected = client.post(url("upload_file"), {"file": upload(data=b"nein", filename="x.xml")})
    assert rejected.status_code == 200
    assert rejected.json()["outcome"] == "rejected"
    assert rejected.json()["findings"][0]["rule"] == "XML-WOHLGEFORMT"


def test_json_endpoint_400_without_file_and_405_for_get(clerk):
    client = client_for(clerk)
    response = client.post(url("upload_file"), {})
    assert response.status_code == 400 and response.json()["message"]
    assert client.get(url("upload_file")).status_code == 405


def test_several_towns_choose_one_and_routes_of_others_are_refused(eingang):
    bruchsal_unit = unit_in("bruchsal")
    clerk = staff(eingang, "Rechnungseingang")
    bruchsal_unit.members.add(clerk)
    route(unit_in("rastatt"), LEITWEG)
    client = client_for(clerk)
    soup = BeautifulSoup(client.get(url("upload")).content, "html.parser")
    options = [option.get_text() for option in soup.select("select[name=site] option")]
    assert options == ["Bruchsal", "Rastatt"]

    assert client.post(url("upload_file"), {"file": upload()}).status_code == 400  # no town
    other = client.post(
        url("upload_file"), {"file": upload(), "site": town("bruchsal").site.pk}
    ).json()
    assert other["outcome"] == "rejected" and other["findings"][0]["rule"] == "LEITWEG-ANDERE-STADT"
    foreign = client.post(url("upload_file"), {"file": upload(), "site": town("ettlingen").site.pk})
    assert foreign.status_code == 400
    own = client.post(url("upload_file"), {"file": upload(), "site": town("rastatt").site.pk})
    assert own.json()["outcome"] == "accepted"


def test_others_may_not_upload(eingang):
    for user in (staff(eingang, "Sachliche Prüfung"), staff(eingang, "Kasse")):
        client = client_for(user)
        response = client.get(url("upload"))
        assert response.status_code in (302, 403)
        answer = client.post(url("upload_file"), {"file": upload()})
        assert answer.status_code == 403
    assert not Invoice.objects.filter(original_name=UBL).exists()
    anonymous = Client(HTTP_HOST=ADMIN_HOST).get(url("upload"))
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]


def test_a_file_over_the_limit_is_refused_before_reading(clerk, settings):
    settings.INVOICES_MAX_UPLOAD_MB = 0.001
    body = client_for(clerk).post(url("upload_file"), {"file": upload()}).json()
    assert body["outcome"] == "rejected" and body["findings"][0]["rule"] == "DATEI-ZU-GROSS"
