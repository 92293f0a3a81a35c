"""The WebSocket groups: a town host joins only its own town's groups. The consumers read
the demo through ``database_sync_to_async``, which runs on this thread here (thread
sensitive): it uses the test's connection, which it must not close."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from sensor_widgets.models import Datastream
from sensor_widgets.routing import websocket_urlpatterns as sensor_routes
from services.appointments.routing import websocket_urlpatterns as call_routes
from services.models import BookableOffice

from .world import TOWN_A, TOWN_B, town

pytestmark = pytest.mark.django_db
HOST_A = f"{TOWN_A}.localhost:8000".encode()


@pytest.fixture(autouse=True)
def _keep_the_tests_connection(monkeypatch):
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)


async def _connect(application, path: str) -> tuple[bool, int | None]:
    socket = WebsocketCommunicator(application, path, headers=[(b"host", HOST_A)])
    connected, code = await socket.connect(timeout=5)
    if connected:
        await socket.disconnect()
    return connected, code


def connect(routes, path: str) -> tuple[bool, int | None]:
    return async_to_sync(_connect)(URLRouter(routes), path)


def _stream(slug: str) -> Datastream:
    return Datastream.objects.filter(thing__site=town(slug).site, public=True).first()


def test_sensor_live_socket_refuses_another_towns_datastream():
    own, foreign = _stream(TOWN_A), _stream(TOWN_B)
    assert connect(sensor_routes, f"/ws/sensorik/?ds={own.pk}")[0]
    assert connect(sensor_routes, f"/ws/sensorik/?ds={foreign.pk}") == (False, 4404)
    # one foreign id among own ones refuses the whole socket
    assert connect(sensor_routes, f"/ws/sensorik/?ds={own.pk},{foreign.pk}") == (False, 4404)


def test_call_display_socket_refuses_another_towns_office():
    own = BookableOffice.objects.filter(unit__site=town(TOWN_A).site).first()
    foreign = BookableOffice.objects.filter(unit__site=town(TOWN_B).site).first()
    assert connect(call_routes, f"/ws/aufruf/{own.pk}/")[0]
    assert connect(call_routes, f"/ws/aufruf/{foreign.pk}/") == (False, 4404)
