"""WebSocket Origin check (issue #12, ASVS V3/V17): only pages of the portal's own hosts
may open the live sockets (sensor values, call display) – a page elsewhere cannot read
them through a visitor's browser."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator

from portal.asgi import application
from tests.sensor_widgets.factories import datastream
from tests.sensor_widgets.test_live import towns  # noqa: F401 – fixture

pytestmark = pytest.mark.django_db(transaction=True)
SOCKETS = application.application_mapping["websocket"]
PATHS = ["/ws/sensorik/?ds=1", "/ws/aufruf/1/"]


def opens(path: str, origin: bytes | None, host: bytes = b"rastatt.localhost:8000") -> bool:
    headers = [(b"host", host)] + ([(b"origin", origin)] if origin else [])

    async def attempt() -> bool:
        communicator = WebsocketCommunicator(SOCKETS, path, headers=headers)
        connected, _ = await communicator.connect(timeout=5)
        await communicator.disconnect()
        return connected

    return async_to_sync(attempt)()


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    "origin", [b"https://evil.example", b"http://rastatt.localhost.evil.example:8000", None]
)
def test_a_socket_from_another_origin_is_refused(path, origin):
    assert not opens(path, origin)


def test_a_page_of_the_town_opens_its_socket(towns):  # noqa: F811
    stream = datastream("rastatt", name="Pegel Murg")

    assert opens(f"/ws/sensorik/?ds={stream.pk}", b"http://rastatt.localhost:8000")
    assert not opens(f"/ws/sensorik/?ds={stream.pk}", b"https://evil.example")
