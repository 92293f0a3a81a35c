"""The Akte chooser: the modal lists only the user's open files; a form with
``AkteChooserField`` refuses any other id (another town's file, a closed one)."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from django import forms

from backoffice.efiles import actions, records
from tests.efiles.factories import ADMIN_HOST, akte, clerk, unit_in
from tests.services.factories_inbox import admin_client, caseworker

pytestmark = pytest.mark.django_db
CHOOSER = "/admin/e-akte-auswahl/"


@pytest.fixture
def unit():
    return unit_in("bruchsal")


@pytest.fixture
def anna(unit):
    return clerk(unit)


@pytest.fixture
def files(unit, anna):
    own = akte(unit, user=anna, title="Hundesteuer Allgemein")
    closed = akte(unit, user=anna, title="Hundesteuer 2019")
    actions.close_akte(anna, closed)
    colleague = akte(unit_in("bruchsal"), title="Fremde Stelle")
    bretten = akte(unit_in("bretten"), title="Hundesteuer Bretten")
    return {"own": own, "closed": closed, "colleague": colleague, "bretten": bretten}


def listed(response) -> list[str]:
    html = json.loads(response.content)["html"]
    soup = BeautifulSoup(html, "html.parser")
    return [row.get_text(" ", strip=True) for row in soup.select("tbody tr")]


def test_chooser_lists_only_the_users_open_files(anna, files, unit):
    response = admin_client(anna).get(CHOOSER, HTTP_HOST=ADMIN_HOST)
    assert response.status_code == 200
    rows = listed(response)
    assert len(rows) == 1
    own = files["own"]
    assert own.aktenzeichen in rows[0]
    assert "Hundesteuer Allgemein" in rows[0]
    assert unit.name in rows[0]


def test_chooser_search_by_aktenzeichen_and_title(anna, unit, files):
    other = akte(unit, user=anna, title="Baugenehmigung Hauptstraße")
    client = admin_client(anna)
    response = client.get(f"{CHOOSER}results/", {"q": "haupt"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = [row.get_text(" ", strip=True) for row in soup.select("tbody tr")]
    assert len(rows) == 1 and other.aktenzeichen in rows[0]
    response = client.get(f"{CHOOSER}results/", {"q": files["own"].aktenzeichen})
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select("tbody tr")) == 1


def test_choosing_gives_aktenzeichen_and_betreff_only_for_own_open_files(anna, files):
    client = admin_client(anna)
    response = client.get(f"{CHOOSER}chosen/{files['own'].pk}/")
    result = json.loads(response.content)["result"]
    assert result["title"] == f"{files['own'].aktenzeichen} – Hundesteuer Allgemein"
    for name in ("closed", "colleague", "bretten"):
        assert client.get(f"{CHOOSER}chosen/{files[name].pk}/").status_code == 404
    assert client.get(f"{CHOOSER}chosen/abc/").status_code == 404
    assert client.get(f"{CHOOSER}create/").status_code == 404


def test_chooser_needs_e_akte_rights():
    response = admin_client(caseworker("bruchsal")).get(CHOOSER)
    assert response.status_code in (302, 403)


class FilingForm(forms.Form):
    akte = records.AkteChooserField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["akte"].set_user(user)


def test_field_accepts_own_open_file_and_rejects_any_other(anna, files):
    form = FilingForm({"akte": str(files["own"].pk)}, user=anna)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["akte"] == files["own"]
    for name in ("closed", "colleague", "bretten"):
        form = FilingForm({"akte": str(files[name].pk)}, user=anna)
        assert not form.is_valid()
        assert "Diese Akte kann nicht gewählt werden" in form.errors["akte"][0]
    form = FilingForm({}, user=anna)
    assert form.errors["akte"] == ["Bitte wählen Sie eine Akte aus."]


def test_widget_does_not_show_another_towns_file(anna, files):
    form = FilingForm({"akte": str(files["bretten"].pk)}, user=anna)
    html = str(form["akte"])
    assert "Hundesteuer Bretten" not in html
    assert files["bretten"].aktenzeichen not in html
    own = FilingForm({"akte": str(files["own"].pk)}, user=anna)
    assert "Hundesteuer Allgemein" in str(own["akte"])
