"""Fault: the same sensor message or API request replayed.

Production processes on a private database and a private Mosquitto: an HTTP batch of
readings POSTed again and again (sequentially and ten at once, on two workers), and one
uplink published three times over MQTT. Each reading is stored once.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import requests

from sensor_widgets import decoders
from tests.sensor_widgets.factories_mqtt import PrivateBroker, chirpstack, forget_session, publish
from tests.utils import need

from .citizen import TOWN
from .sensors import gauge, stored, times
from .services import rows, wait_for

pytestmark = pytest.mark.django_db


def test_replayed_requests_and_messages_are_stored_once(processes):
    need(PrivateBroker.available(), "mosquitto is not installed")
    broker = PrivateBroker()
    broker.start()
    processes.mqtt = broker.url
    try:
        processes.start("worker-a")
        processes.start("worker-b")
        processes.start("mqtt_intake")
        stream_id, eui, token = gauge(processes)
        at = times(dt.datetime.now(dt.UTC) - dt.timedelta(minutes=30), 6)
        batch = [
            {"datastream": "water_level_cm", "time": moment.isoformat(), "value": 300 + n}
            for n, moment in enumerate(at[:5])
        ]

        def post(port: int) -> requests.Response:
            return requests.post(
                f"http://127.0.0.1:{port}/sensorik/api/v1/observations",
                json=batch,
                headers={"Host": TOWN, "Authorization": f"Bearer {token}"},
                timeout=30,
            )

        answers = [post(processes.worker_a) for _ in range(3)]
        threads = [
            threading.Thread(
                target=lambda n=n: answers.append(post(processes.ports.workers[n % 2]))
            )
            for n in range(10)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert [a.status_code for a in answers] == [200] * 13, [a.text for a in answers]
        assert sum(a.json()["accepted"] for a in answers) == 5  # the first; the rest: known
        assert sum(a.json()["duplicates"] for a in answers) == 12 * 5

        uplink = chirpstack(
            eui,
            payload=decoders.get("water_level").encode({"water_level_cm": 144}),
            time=at[5],
            prefix=processes.prefix,
        )
        publish(broker.url, [uplink, uplink, uplink])
        wait_for(lambda: len(stored(processes, stream_id, at)) >= 6, 30, "Uplink gespeichert")
        processes.run("shell", "--no-imports", "-c", "print()")  # let the intake go on a bit
        readings = sorted(stored(processes, stream_id, at))
        uplinks = rows(
            processes.database,
            "SELECT count(*) FROM sensor_widgets_uplink u JOIN sensor_widgets_device d "
            "ON d.id = u.device_id WHERE d.dev_eui = %s",
            eui,
        )
    finally:
        processes.stop()
        forget_session(broker.url, processes.client_id)
        broker.remove()

    assert [value for _, value in readings] == [300, 301, 302, 303, 304, 144]
    assert uplinks == [(1,)]
    print(
        f"\n13 POSTs of one 5-reading batch: {[a.json()['accepted'] for a in answers]} accepted; "
        f"1 uplink published 3×: {len(readings)} readings stored, {uplinks[0][0]} uplink"
    )
