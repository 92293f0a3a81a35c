"""Fault: Redis stopped while pages and widgets are served.

A uvicorn worker (production settings) on a private Redis – page cache, Django's cache,
rate limits and the live channel layer all live there. Redis is stopped:

- public pages (home, the sensor page, a service page, the search) still answer 200 –
  rendered, no longer cached; a visitor's form post (start of an application) works;
- the sensor intake stores a reading, and the widgets' polling endpoint (what live.js
  asks while its socket is gone) shows it;
- Redis is back (same port): a new socket gets the latest values on connect and the
  next reading live – the widgets reconnect.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import random

import pytest
import requests

from .citizen import SERVICE_PATH, TOWN, Citizen
from .sensors import gauge
from .services import rows

pytestmark = pytest.mark.django_db
PAGES = ["/", "/leben/messwerte/", SERVICE_PATH, "/suche/?q=Antrag"]


def test_pages_widgets_and_intake_survive_a_redis_outage(processes, redis):
    processes.start("worker-a")
    base = f"http://127.0.0.1:{processes.worker_a}"
    stream_id, _eui, token = gauge(processes)
    now = dt.datetime.now(dt.UTC).replace(microsecond=500_000)  # not the demo's times

    def get(path: str) -> requests.Response:
        return requests.get(base + path, headers={"Host": TOWN}, timeout=30)

    def send(value: float, at: dt.datetime) -> requests.Response:
        return requests.post(
            f"{base}/sensorik/api/v1/observations",
            json={"datastream": "water_level_cm", "time": at.isoformat(), "value": value},
            headers={"Host": TOWN, "Authorization": f"Bearer {token}"},
            timeout=30,
        )

    def polled() -> float | None:
        answer = get(f"/sensorik/werte/?ds={stream_id}")
        assert answer.status_code == 200, answer.text[:500]
        return answer.json()[0]["value"]

    for path in PAGES:  # warm: pages in the page cache
        assert [get(path).status_code for _ in range(2)] == [200, 200], path

    redis.stop()
    statuses = {path: get(path).status_code for path in PAGES}
    assert statuses == dict.fromkeys(PAGES, 200), (statuses, processes.logs())
    assert "messwerte" in get("/leben/messwerte/").text
    # a visitor's POST (the first step of an application) – no 500 for a missing cache
    citizen = Citizen(base, "ohne-redis@example.org")
    citizen.prepare()
    assert citizen.submit().reference
    # intake unaffected: stored, and the polling endpoint shows it
    during = random.randint(100, 199)
    answer = send(during, now - dt.timedelta(seconds=20))
    assert answer.status_code == 200, (answer.text, processes.logs())
    assert answer.json()["accepted"] == 1
    assert polled() == during
    assert rows(
        processes.database,
        "SELECT count(*) FROM sensor_widgets_observation WHERE datastream_id = %s AND result = %s",
        int(stream_id),
        during,
    ) == [(1,)]
    # a socket while Redis is away: closed or opened – never a hanging page; live.js polls
    socket_during = asyncio.run(_socket_outcome(processes.worker_a, stream_id))

    redis.start()  # the same port: the workers find it again on their own
    after = random.randint(200, 299)
    seen = asyncio.run(
        _live(processes.worker_a, stream_id, lambda: send(after, now - dt.timedelta(seconds=10)))
    )
    assert during in seen[:1] or polled() == during  # latest value on connect
    assert after in seen, (seen, processes.logs())
    assert polled() == after
    print(
        f"\nRedis down: {statuses}; intake stored {during}; socket during outage: "
        f"{socket_during}; after restart the socket saw {seen}"
    )


async def _connect(port: int, stream_id: str):
    import websockets

    return await websockets.connect(
        f"ws://{TOWN}:{port}/ws/sensorik/?ds={stream_id}",
        host="127.0.0.1",
        port=port,
        origin=f"http://{TOWN}",
        open_timeout=10,
    )


async def _socket_outcome(port: int, stream_id: str) -> str:
    try:
        socket = await asyncio.wait_for(_connect(port, stream_id), 15)
    except Exception as error:  # noqa: BLE001 – what the browser would see
        return f"refused ({type(error).__name__})"
    try:
        first = await asyncio.wait_for(socket.recv(), 5)
        return f"opened, latest value sent: {json.loads(first)!r:.60}"
    except Exception as error:  # noqa: BLE001
        return f"opened, then {type(error).__name__}"
    finally:
        await socket.close()


async def _live(port: int, stream_id: str, send) -> list[float]:
    socket = await _connect(port, stream_id)
    seen: list[float] = []

    async def read() -> None:
        with contextlib.suppress(Exception):
            async for message in socket:
                data = json.loads(message)
                for item in data if isinstance(data, list) else [data]:
                    if isinstance(item, dict) and "value" in item:
                        seen.append(item["value"])

    reader = asyncio.create_task(read())
    await asyncio.sleep(1.0)  # subscribed
    answer = await asyncio.to_thread(send)
    assert answer.status_code == 200, answer.text
    for _ in range(100):
        if len(seen) >= 2:
            break
        await asyncio.sleep(0.1)
    reader.cancel()
    await socket.close()
    return seen
