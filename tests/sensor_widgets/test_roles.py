"""Sensor staff per town: their group, their rights, and only their town in the admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.core.models import TownSettings
from portal.core.towns import create_town
from sensor_widgets import roles

from .factories import LocationFactory, datastream, device
from .factories_admin import editor, logged_in, sensor_staff, town

pytestmark = pytest.mark.django_db


def test_every_town_has_a_sensor_staff_group_with_the_managing_rights():
    roles.setup_all_towns()
    for settings in TownSettings.objects.filter(is_region=False):
        group = Group.objects.get(name=f"Sensorik {settings.name}")
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert {"access_admin", "add_thing", "change_datastream", "delete_device"} <= codenames
        assert {"view_location", "view_sensor", "view_observedproperty"} <= codenames
        assert "change_sensor" not in codenames  # sensor types are region-wide
    assert not Group.objects.filter(name="Sensorik re@di").exists()


def test_a_new_town_gets_its_sensor_staff_and_its_editors_may_place_widgets(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        result = create_town(slug="malsch", name="Malsch", hostname="malsch.localhost")
    assert Group.objects.filter(name="Sensorik Malsch").exists()
    assert result.settings.editors_group.permissions.filter(codename="view_datastream").exists()


def test_town_editors_may_view_datastreams_but_not_manage_sensors():
    user = editor("rastatt")
    assert user.has_perm("sensor_widgets.view_datastream")
    assert not user.has_perm("sensor_widgets.change_device")


def test_sensor_site_ids_follow_the_staff_group_and_the_editable_pages(admin_user):
    staff = sensor_staff("rastatt")
    assert roles.sensor_site_ids(staff) == {town("rastatt").site_id}
    assert roles.sensor_site_ids(editor("bruchsal")) == {town("bruchsal").site_id}
    assert roles.sensor_site_ids(admin_user) is None


def _objects(slug: str) -> dict:
    stream = datastream(town=slug)
    return {
        "thing": stream.thing,
        "datastream": stream,
        "device": device(stream.thing),
        "location": LocationFactory(site=town(slug).site),
    }


@pytest.mark.parametrize("model", ["thing", "datastream", "device", "location"])
@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage"])
def test_staff_of_rastatt_reach_rastatt_objects_and_never_bruchsal_ones(model, view):
    client = logged_in(sensor_staff("rastatt"))
    own, other = _objects("rastatt")[model], _objects("bruchsal")[model]
    name = f"wagtailsnippets_sensor_widgets_{model}:{view}"
    assert client.get(reverse(name, args=[own.pk])).status_code == 200
    assert client.get(reverse(name, args=[other.pk])).status_code == 404


@pytest.mark.parametrize("model", ["thing", "datastream", "device", "location"])
def test_lists_show_only_the_own_town_and_foreign_deletion_changes_nothing(model):
    client = logged_in(sensor_staff("rastatt"))
    own, other = _objects("rastatt")[model], _objects("bruchsal")[model]
    html = client.get(reverse(f"wagtailsnippets_sensor_widgets_{model}:list")).content.decode()
    assert str(own.name) in html
    assert str(other.name) not in html
    client.post(reverse(f"wagtailsnippets_sensor_widgets_{model}:delete", args=[other.pk]))
    assert type(other).objects.filter(pk=other.pk).exists()


def test_editors_choose_only_their_towns_datastreams_for_their_pages():
    own, other = datastream(town="bruchsal"), datastream(town="rastatt")
    client = logged_in(editor("bruchsal"))
    response = client.get(reverse("wagtailsnippetchoosers_sensor_widgets_datastream:choose"))
    assert response.status_code == 200
    html = response.json()["html"]
    assert own.name in html
    assert other.name not in html
