"""The Sensorik admin as staff use it: stations with locations, datastreams, devices with
a token shown once, alerts and rejected deliveries – each town only its own."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from sensor_widgets.models import (
    Alert,
    Datastream,
    Device,
    HistoricalLocation,
    IntakeProblem,
    Location,
    Thing,
    hash_token,
)

from .factories import LocationFactory, datastream, device, observe
from .factories_admin import editor, logged_in, sensor_staff, town

pytestmark = pytest.mark.django_db

THING_ADD = "wagtailsnippets_sensor_widgets_thing:add"


def _thing_form(**fields) -> dict:
    data = {
        "site": town("rastatt").site_id,
        "name": "Pegel Federbach",
        "description": "Neuer Pegel am Federbach",
        "public": "on",
        "properties": "{}",
        "new_location_name": "",
        "new_location_latitude": "",
        "new_location_longitude": "",
    }
    data.update(fields)
    return data


def test_staff_create_a_station_with_a_new_location_of_their_town():
    client = logged_in(sensor_staff("rastatt"))
    form = client.get(reverse(THING_ADD)).content.decode()
    assert "Bruchsal" not in form  # only the own town to choose
    response = client.post(
        reverse(THING_ADD),
        _thing_form(
            new_location_name="Federbachbrücke",
            new_location_latitude="48.8702",
            new_location_longitude="8.2311",
        ),
    )
    assert response.status_code == 302
    thing = Thing.objects.get(name="Pegel Federbach")
    assert thing.site_id == town("rastatt").site_id
    location = thing.locations.get()
    assert (location.name, location.site_id) == ("Federbachbrücke", thing.site_id)
    assert HistoricalLocation.objects.filter(thing=thing).count() == 1


def test_a_location_of_another_town_is_refused_and_nothing_is_stored():
    client = logged_in(sensor_staff("rastatt"))
    foreign = LocationFactory(site=town("bruchsal").site, name="Saalbachpark")
    response = client.post(reverse(THING_ADD), _thing_form(locations=[foreign.pk]))
    assert response.status_code == 200
    assert not Thing.objects.filter(name="Pegel Federbach").exists()
    # a new location needs its coordinates
    response = client.post(reverse(THING_ADD), _thing_form(new_location_name="Irgendwo"))
    assert "Breiten- und Längengrad" in response.content.decode()
    assert not Location.objects.filter(name="Irgendwo").exists()


def test_datastream_form_groups_its_fields_and_shows_the_latest_value_read_only():
    stream = datastream(town="rastatt", name="Wasserstand Murg", decimals=0)
    observe(stream, [120, 131])
    client = logged_in(sensor_staff("rastatt"))
    url = reverse("wagtailsnippets_sensor_widgets_datastream:edit", args=[stream.pk])
    html = client.get(url).content.decode()
    for heading in ("Messung", "Gültiger Bereich", "Warnung", "Zuletzt empfangen"):
        assert heading in html
    assert "131 cm" in html
    assert 'name="last_value"' not in html


def test_deleting_a_datastream_names_how_many_values_go_with_it():
    stream = datastream(town="rastatt", name="Wasserstand Testbach")
    observe(stream, [10, 11, 12])
    client = logged_in(sensor_staff("rastatt"))
    url = reverse("wagtailsnippets_sensor_widgets_datastream:delete", args=[stream.pk])
    html = client.get(url).content.decode()
    assert "3 gespeicherte Messwerte" in html
    client.post(url)
    assert not Datastream.objects.filter(pk=stream.pk).exists()


def test_device_form_offers_the_decoders_and_refuses_an_unknown_one():
    thing = datastream(town="rastatt").thing
    client = logged_in(sensor_staff("rastatt"))
    add = reverse("wagtailsnippets_sensor_widgets_device:add")
    assert "water_level" in client.get(add).content.decode()
    data = {"thing": thing.pk, "name": "Pegelsonde", "dev_eui": "70b3d57ed005a1b9"}
    client.post(add, {**data, "decoder": "gibt_es_nicht", "enabled": "on"})
    assert not Device.objects.filter(name="Pegelsonde").exists()
    client.post(add, {**data, "decoder": "water_level", "enabled": "on"})
    assert Device.objects.get(name="Pegelsonde").dev_eui == "70B3D57ED005A1B9"


def test_a_new_token_is_shown_once_and_only_its_hash_is_kept():
    gauge = device(datastream(town="rastatt").thing, name="Pegelsonde Murg")
    client = logged_in(sensor_staff("rastatt"))
    url = reverse("wagtailsnippets_sensor_widgets_device:token", args=[gauge.pk])
    confirm = client.get(url).content.decode()
    assert "Ja, neues Token erzeugen" in confirm
    response = client.post(url)
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    gauge.refresh_from_db()
    token = next(word for word in html.split('"') if word.startswith("sen_") and len(word) > 20)
    assert gauge.token_hash == hash_token(token)
    assert Device.objects.by_token(token) == gauge
    assert "curl" in html and "Authorization: Bearer" in html
    assert token not in client.get(url).content.decode()  # never shown again
    assert (
        token
        not in client.get(
            reverse("wagtailsnippets_sensor_widgets_device:edit", args=[gauge.pk])
        ).content.decode()
    )


def test_tokens_only_for_the_own_towns_devices_and_only_by_sensor_staff():
    foreign = device(datastream(town="bruchsal").thing)
    own = device(datastream(town="rastatt").thing)
    staff = logged_in(sensor_staff("rastatt"))
    url = "wagtailsnippets_sensor_widgets_device:token"
    assert staff.post(reverse(url, args=[foreign.pk])).status_code == 404
    assert logged_in(editor("rastatt")).post(reverse(url, args=[own.pk])).status_code == 302
    foreign.refresh_from_db()
    own.refresh_from_db()
    assert foreign.token_hash is None and own.token_hash is None


def test_device_list_shows_counters_and_the_last_error():
    gauge = device(datastream(town="rastatt").thing, name="Pegelsonde Murg")
    gauge.count_accepted(1234)
    gauge.count_rejected("Wert 5000.0 über dem größten möglichen Wert 1000.0 cm", 3)
    html = (
        logged_in(sensor_staff("rastatt"))
        .get(reverse("wagtailsnippets_sensor_widgets_device:list"))
        .content.decode()
    )
    assert "Pegelsonde Murg" in html
    assert "1.234" in html or "1234" in html
    assert "über dem größten möglichen Wert" in html


def test_alerts_of_the_own_town_only():
    own = datastream(town="rastatt", name="Wasserstand Murg", warning_level=250)
    other = datastream(town="bruchsal", name="Wasserstand Saalbach", warning_level=160)
    for stream, value in ((own, 280), (other, 190)):
        Alert.objects.create(
            datastream=stream, level="warning", started_at=timezone.now(), peak_value=value
        )
    client = logged_in(sensor_staff("rastatt"))
    response = client.get(reverse("sensorik-warnungen:index"), {"offen": "1", "p": "x"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wasserstand Murg" in html and "dauert an" in html
    assert "Wasserstand Saalbach" not in html
    stadt = client.get(reverse("sensorik-warnungen:index"), {"stadt": "abc"})
    assert stadt.status_code == 200


def test_rejected_deliveries_for_sensor_staff_not_for_editors(admin_user):
    IntakeProblem.record("mqtt", "70B3D57ED0FFFFFF", "Unbekanntes Gerät (DevEUI 70B3D57ED0FFFFFF)")
    url = reverse("sensorik-lieferungen:index")
    html = logged_in(sensor_staff("bruchsal")).get(url, {"weg": "mqtt"}).content.decode()
    assert "70B3D57ED0FFFFFF" in html and "Unbekanntes Gerät" in html
    assert logged_in(editor("bruchsal")).get(url).status_code == 302  # no permission
    assert logged_in(admin_user).get(url, {"q": "70B3", "p": "9999"}).status_code == 200


def test_menu_shows_the_sensorik_reports_to_staff():
    html = logged_in(sensor_staff("rastatt")).get(reverse("wagtailadmin_home")).content.decode()
    assert "Warnungen" in html and "Abgewiesene Lieferungen" in html
