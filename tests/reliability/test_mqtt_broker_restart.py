"""Fault: the MQTT broker restarted during intake.

``manage.py mqtt_intake`` (production settings) on a private Mosquitto with persistence
(``tests/sensor_widgets/mosquitto-test.conf``); a gateway publishes 2,000 uplinks at QoS 1
from a persistent session while the broker is stopped and started twice. Nothing lost
means: the set of readings in PostgreSQL equals the set sent – each exactly once.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from sensor_widgets import decoders
from sensor_widgets.mqtt import connection
from tests.sensor_widgets.factories_mqtt import PrivateBroker, chirpstack, forget_session
from tests.utils import need

from .sensors import gauge, stored, times
from .services import wait_for

pytestmark = pytest.mark.django_db
COUNT = 2000
RESTARTS = 2


def test_broker_restarts_during_intake_lose_and_double_nothing(processes):
    need(PrivateBroker.available(), "mosquitto is not installed")
    broker = PrivateBroker()
    broker.start()
    processes.mqtt = broker.url
    stream_id, eui, _token = gauge(processes)
    at = times(dt.datetime.now(dt.UTC) - dt.timedelta(hours=1), COUNT)
    encode = decoders.get("water_level").encode
    sent = {
        (moment, float(10 + n % 200)): chirpstack(
            eui,
            payload=encode({"water_level_cm": 10 + n % 200}),
            time=moment,
            prefix=processes.prefix,
        )
        for n, moment in enumerate(at)
    }
    publisher_id = f"redi-reliability-gateway-{processes.client_id}"
    try:
        processes.start("mqtt_intake")
        target = connection.broker(broker.url)
        publisher = connection.client(
            target, publisher_id, protocol=connection.mqtt.MQTTv311, clean_session=False
        )
        publisher.max_inflight_messages_set(100)
        publisher.max_queued_messages_set(0)
        acknowledged: list[int] = []
        publisher.on_publish = lambda *args: acknowledged.append(1)
        publisher.connect_async(target.host, target.port)
        publisher.loop_start()

        def publish_slowly() -> None:
            for number, (topic, payload) in enumerate(sent.values()):
                publisher.publish(topic, payload, qos=1)
                if number % 100 == 99:
                    time.sleep(0.1)

        thread = threading.Thread(target=publish_slowly, daemon=True)
        thread.start()
        for restart in range(1, RESTARTS + 1):
            wait_for(
                lambda r=restart: len(stored(processes, stream_id, at)) >= r * COUNT // 3,
                60,
                f"{restart}/3 gespeichert",
            )
            broker.stop()  # SIGTERM while messages are in flight both ways
            time.sleep(1.0)
            broker.start()
        thread.join(timeout=60)
        wait_for(lambda: len(acknowledged) >= COUNT, 60, "alle Nachrichten quittiert")
        wait_for(lambda: len(stored(processes, stream_id, at)) >= COUNT, 60, "alle gespeichert")
        time.sleep(2)  # redeliveries of what was stored but not yet acknowledged
        publisher.disconnect()
        publisher.loop_stop()
        readings = stored(processes, stream_id, at)
    finally:
        processes.stop()
        forget_session(broker.url, processes.client_id)
        broker.remove()

    assert len(readings) == COUNT  # none twice: (datastream, time) is unique
    assert {(at, value) for at, value in readings} == set(sent)
    print(
        f"\nsent {COUNT} readings over MQTT, broker restarted {RESTARTS}×: {len(readings)} stored"
    )
