"""The WebSocket of the live widgets, with Channels' communicator against the real
consumer: host and ids are checked, the latest values come on connect, every stored
value is pushed to the datastream's group.

The consumer reads the database in another thread, so these tests commit
(``transaction=True``); instead of the whole demo they create the three sites they
need – the flush after each test then costs nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from sensor_widgets import live
from sensor_widgets.intake.storage import Stored
from sensor_widgets.routing import websocket_urlpatterns

from .factories import datastream, observe

pytestmark = pytest.mark.django_db(transaction=True)
application = URLRouter(websocket_urlpatterns)


def communicator(ids: str, host: str = "rastatt.localhost:8000") -> WebsocketCommunicator:
    return WebsocketCommunicator(
        application, f"/ws/sensorik/?ds={ids}", headers=[(b"host", host.encode())]
    )


@pytest.fixture
def towns(db):
    """Rastatt, Gaggenau and the regional site (only if the demo is not there)."""
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    from portal.core.models import TownSettings

    if Site.objects.filter(hostname="rastatt.localhost").exists():
        return
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=locale)
    for slug, hostname, region in (
        ("region", "localhost", True),
        ("rastatt", "rastatt.localhost", False),
        ("gaggenau", "gaggenau.localhost", False),
    ):
        home = root.add_child(title=slug, slug=f"home-{slug}", locale=locale)
        site = Site.objects.create(hostname=hostname, port=8000, root_page=home)
        TownSettings.objects.create(
            site=site, slug=slug, name=slug, legal_name=slug, is_region=region
        )


@pytest.fixture
def streams(towns):
    own = datastream("rastatt", name="Pegel Murg", warning_level=300)
    observe(own, [280], start=timezone.now() - dt.timedelta(minutes=5))
    other = datastream("rastatt", name="Pegel Federbach")
    foreign = datastream("gaggenau", name="Pegel Gaggenau")
    hidden = datastream("rastatt", public=False)
    return {"own": own, "other": other, "foreign": foreign, "hidden": hidden}


def test_latest_values_on_connect_then_every_broadcast(streams):
    async_to_sync(_test_latest_values_on_connect_then_every_broadcast)(streams)


async def _test_latest_values_on_connect_then_every_broadcast(streams):
    own, other = streams["own"], streams["other"]
    socket = communicator(f"{own.pk},{other.pk}")
    connected, _code = await socket.connect()
    assert connected
    first = await socket.receive_json_from(timeout=5)
    assert first["datastream"] == own.pk and first["value"] == 280 and first["status"] == "normal"
    assert await socket.receive_nothing(timeout=0.2)  # no value yet for the other one

    time = timezone.now().replace(microsecond=0)
    await sync_to_async(live.broadcast)({other.pk: Stored(1, other.pk, time, 12.5)})
    pushed = await socket.receive_json_from(timeout=5)
    assert pushed == {
        "type": "sensor.value",
        **live.message(other.pk, time, 12.5),
    }
    await socket.disconnect()


def test_value_stored_through_the_intake_reaches_the_page(streams):
    async_to_sync(_test_value_stored_through_the_intake_reaches_the_page)(streams)


async def _test_value_stored_through_the_intake_reaches_the_page(streams):
    own = streams["own"]
    socket = communicator(str(own.pk))
    assert (await socket.connect())[0]
    await socket.receive_json_from(timeout=5)  # the latest value on connect
    await sync_to_async(observe)(own, [333], start=timezone.now() - dt.timedelta(seconds=30))
    pushed = await socket.receive_json_from(timeout=5)
    assert pushed["datastream"] == own.pk and pushed["value"] == 333
    await socket.disconnect()


@pytest.mark.parametrize(
    ("which", "host", "code"),
    [
        ("foreign", "rastatt.localhost:8000", 4404),
        ("hidden", "rastatt.localhost:8000", 4404),
        ("own", "evil.example.org", 4404),
        ("missing", "rastatt.localhost:8000", 4404),
        ("bad", "rastatt.localhost:8000", 4400),
        ("many", "rastatt.localhost:8000", 4400),
        ("empty", "rastatt.localhost:8000", 4400),
    ],
)
def test_refused_sockets(streams, which, host, code):
    special = {
        "missing": "987654",
        "bad": "1,abc",
        "many": ",".join(str(i) for i in range(1, 52)),
        "empty": "",
    }
    ids = special[which] if which in special else f"{streams['own'].pk},{streams[which].pk}"
    connected, close_code = async_to_sync(communicator(ids, host).connect)()
    assert not connected and close_code == code


def test_regional_address_may_follow_every_town(streams):
    async_to_sync(_test_regional_address_may_follow_every_town)(streams)


async def _test_regional_address_may_follow_every_town(streams):
    socket = communicator(f"{streams['own'].pk},{streams['foreign'].pk}", "localhost:8000")
    assert (await socket.connect())[0]
    await socket.disconnect()


def test_groups_are_left_on_disconnect(streams):
    async_to_sync(_test_groups_are_left_on_disconnect)(streams)


async def _test_groups_are_left_on_disconnect(streams):
    own = streams["own"]
    socket = communicator(str(own.pk))
    assert (await socket.connect())[0]
    await socket.receive_json_from(timeout=5)
    await socket.disconnect()
    layer = get_channel_layer()
    if hasattr(layer, "groups"):  # the in-memory layer shows its groups
        assert not layer.groups.get(live.group_name(own.pk))
