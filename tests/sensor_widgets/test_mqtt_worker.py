"""The MQTT worker against real Mosquitto brokers.

The worker's network runs in paho's thread; the test thread takes in the batches
(``Worker.serve``), so everything it stores is inside the test's transaction and rolled
back – no transactional test, no second demo seed. The broker restart runs a private
Mosquitto from ``mosquitto-test.conf`` (persistence, unlimited queues).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import threading
import uuid

import pytest
from django.core.management import call_command
from django.utils import timezone

from sensor_widgets import decoders
from sensor_widgets.models import IntakeProblem, Observation, Uplink
from sensor_widgets.mqtt import connection
from sensor_widgets.mqtt.worker import Worker

from .factories import datastream, device
from .factories_mqtt import (
    PrivateBroker,
    broker_url,
    chirpstack,
    forget_session,
    gauge,
    new_eui,
    prefix,
    publish,
    reachable,
    serve,
    started,
    topics,
    tts,
    wait_for,
)

pytestmark = pytest.mark.django_db
needs_broker = pytest.mark.skipif(
    not reachable(broker_url()), reason=f"no MQTT broker at {broker_url()}"
)
level = decoders.get("water_level").encode


def stored(stream) -> list[float]:
    return list(
        Observation.objects.filter(datastream=stream)
        .order_by("phenomenon_time")
        .values_list("result", flat=True)
    )


@needs_broker
def test_chirpstack_and_things_stack_uplinks_are_stored_once():
    p = prefix()
    gauge_device, water = gauge()
    air = datastream(
        key="temperature_c",
        unit_symbol="°C",
        unit_name="Grad Celsius",
        physical_min=-40,
        physical_max=60,
        decimals=1,
    )
    box = device(air.thing, dev_eui=new_eui(), decoder="elsys_ers")
    t = timezone.now().replace(microsecond=0) - dt.timedelta(minutes=10)
    minute = dt.timedelta(minutes=1)
    first = chirpstack(
        gauge_device.dev_eui, payload=level({"water_level_cm": 142}), time=t, prefix=p
    )
    third = tts(
        gauge_device.dev_eui, payload=level({"water_level_cm": 144}), time=t + 2 * minute, prefix=p
    )
    messages = [
        first,
        chirpstack(gauge_device.dev_eui, values={"water_level_cm": 143}, time=t + minute, prefix=p),
        third,
        tts(gauge_device.dev_eui, values={"water_level_cm": 145}, time=t + 3 * minute, prefix=p),
        tts(
            box.dev_eui,
            payload=decoders.get("elsys_ers").encode(
                {"temperature_c": 7.5, "humidity_percent": 81}
            ),
            time=t,
            prefix=p,
        ),
        first,  # delivered twice (a network server republishing, a QoS 1 redelivery)
        third,
    ]
    worker = started(broker_url(), p)
    try:
        publish(broker_url(), messages)
        serve(worker, lambda stats: stats.handled >= len(messages))
    finally:
        worker.close()

    assert stored(water) == [142, 143, 144, 145]
    assert stored(air) == [7.5]
    water.refresh_from_db()
    assert (water.last_value, water.last_phenomenon_time) == (145, t + 3 * minute)
    assert Uplink.objects.filter(device=gauge_device).count() == 4
    gauge_device.refresh_from_db()
    box.refresh_from_db()
    assert (gauge_device.accepted_count, gauge_device.rejected_count) == (4, 0)
    assert (box.accepted_count, box.rejected_count) == (1, 0)
    # values the Thing has no datastream for are ignored, and staff get a hint once
    assert box.last_error == "Hinweis: Werte ohne Datenstrom werden ignoriert: humidity_percent"
    assert worker.stats.duplicates == 2 and worker.stats.stored == 5


@needs_broker
def test_bad_payloads_are_counted_for_staff_and_the_worker_goes_on():
    p = prefix()
    sensor, water = gauge()
    eui = sensor.dev_eui
    t = timezone.now().replace(microsecond=0) - dt.timedelta(minutes=5)
    topic, good = chirpstack(eui, payload=level({"water_level_cm": 150}), time=t, prefix=p)
    body = json.loads(good)
    unknown = new_eui()

    def variant(**changes) -> tuple[str, bytes]:
        changed = {**body, "deduplicationId": str(uuid.uuid4()), **changes}
        return topic, json.dumps(changed).encode()

    messages = [
        (f"{p}application/1/device/a/event/up", b"kein JSON"),
        (f"{p}application/1/device/b/event/up", b"[1, 2, 3]"),
        (f"{p}application/1/device/c/event/up", json.dumps({**body, "deviceInfo": {}}).encode()),
        chirpstack(unknown, payload=level({"water_level_cm": 1}), prefix=p),
        variant(data="%%%kein-base64%%%"),
        variant(data="AAE="),  # 2 bytes for the 3-byte water_level layout
        variant(data=None, object={"water_level_cm": float("nan")}),
        variant(data=None, object={"water_level_cm": "hoch"}),
        chirpstack(eui, payload=level({"water_level_cm": 5000}), time=t, prefix=p),  # > 1000
        chirpstack(eui, payload=level({"water_level_cm": 150}), time=t, prefix=p),  # fine
    ]
    worker = started(broker_url(), p)
    try:
        publish(broker_url(), messages)
        serve(worker, lambda stats: stats.handled >= len(messages))
    finally:
        worker.close()

    assert stored(water) == [150]
    problems = dict(
        IntakeProblem.objects.filter(source="mqtt").values_list("identifier", "last_message")
    )
    assert problems[f"{p}application/1/device/a/event/up"] == "Nachricht ist kein gültiges JSON."
    assert problems[f"{p}application/1/device/b/event/up"] == "Nachricht muss ein JSON-Objekt sein."
    assert problems[f"{p}application/1/device/c/event/up"] == "DevEUI fehlt in der Nachricht."
    assert problems[unknown] == (
        f"Unbekanntes Gerät: DevEUI {unknown} ist keinem Gerät zugeordnet."
    )
    sensor.refresh_from_db()
    assert (sensor.accepted_count, sensor.rejected_count) == (1, 5)
    assert sensor.last_error and sensor.last_error_at is not None
    assert worker.stats.rejected == 9 and worker.stats.stored == 1


@needs_broker
def test_the_command_takes_in_what_arrived_while_it_was_away(settings):
    settings.SENSOR_MQTT_SESSION_EXPIRY = 60
    p = prefix()
    sensor, water = gauge()
    client_id = f"redi-test-{uuid.uuid4().hex[:10]}"
    # a first run leaves its persistent session (the subscription) on the broker
    first = Worker(broker_url(), topics=topics(p), client_id=client_id, session_expiry=60)
    first.start()
    assert first.connected.wait(10)
    first.close()
    t = timezone.now().replace(microsecond=0) - dt.timedelta(minutes=30)
    publish(
        broker_url(),
        [
            chirpstack(
                sensor.dev_eui,
                payload=level({"water_level_cm": v}),
                time=t + i * dt.timedelta(minutes=1),
                prefix=p,
            )
            for i, v in enumerate([201, 202, 203])
        ],
    )
    out = io.StringIO()
    try:
        call_command(
            "mqtt_intake",
            url=broker_url(),
            topics=topics(p),
            client_id=client_id,
            once=3,
            stdout=out,
        )
    finally:
        forget_session(broker_url(), client_id)
    assert stored(water) == [201, 202, 203]
    assert "(Sitzung fortgesetzt)" in out.getvalue()
    assert "gespeichert 3" in out.getvalue()


@pytest.mark.skipif(not PrivateBroker.available(), reason="mosquitto is not installed")
def test_broker_restart_during_intake_loses_nothing_and_stores_nothing_twice():
    count = 2000
    broker = PrivateBroker()
    broker.start()
    sensor, water = gauge(physical_max=100000)
    start = timezone.now().replace(microsecond=0) - dt.timedelta(hours=1)
    messages = [
        chirpstack(
            sensor.dev_eui,
            payload=level({"water_level_cm": number}),
            time=start + dt.timedelta(seconds=number),
        )
        for number in range(count)
    ]
    target = connection.broker(broker.url)
    publisher = connection.client(
        target, "redi-test-publisher", protocol=connection.mqtt.MQTTv311, clean_session=False
    )
    publisher.max_inflight_messages_set(100)
    publisher.max_queued_messages_set(0)
    acknowledged = []
    publisher.on_publish = lambda *args: acknowledged.append(1)
    restarted = threading.Event()

    def publish_slowly() -> None:
        for number, (topic, payload) in enumerate(messages):
            publisher.publish(topic, payload, qos=1)
            if number % 100 == 99:
                threading.Event().wait(0.05)

    def restart_broker_midway() -> None:
        wait_for(lambda: worker.stats.stored >= count // 4, timeout=60)
        broker.stop()  # SIGTERM while messages are in flight both ways
        threading.Event().wait(1.0)
        broker.start()
        restarted.set()

    worker = started(broker.url, "", batch_max=200)
    try:
        publisher.connect_async(target.host, target.port)
        publisher.loop_start()
        threads = [
            threading.Thread(target=publish_slowly, daemon=True),
            threading.Thread(target=restart_broker_midway, daemon=True),
        ]
        for thread in threads:
            thread.start()
        serve(worker, lambda stats: stats.stored >= count and restarted.is_set(), timeout=120)
        assert restarted.is_set(), "the broker was not restarted during the intake"
        # let redeliveries of what was committed but not acknowledged arrive, too
        wait_for(lambda: len(acknowledged) >= count, timeout=30)
        serve(worker, lambda stats: False, timeout=2)
    finally:
        worker.close()
        publisher.disconnect()
        publisher.loop_stop()
        broker.remove()

    assert Observation.objects.filter(datastream=water).count() == count
    assert sorted(stored(water)) == list(range(count))
    assert Uplink.objects.filter(device=sensor).count() == count
    sensor.refresh_from_db()
    assert (sensor.accepted_count, sensor.rejected_count) == (count, 0)
    assert sensor.last_error == ""  # no datastream for the battery value: no hint for that
