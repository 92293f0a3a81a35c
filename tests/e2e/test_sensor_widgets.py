"""Sensor widgets in Chromium: a Rastatt page with value tiles, a chart and the alert
banner. A value posted to the HTTP intake while the page is open reaches the tile over
the WebSocket; with the WebSocket blocked the polling fallback brings it. axe clean, no
request to another host, and readable with JavaScript switched off."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import urllib.request
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from portal.demo.server import REPO

from .test_online_application import assert_accessible

pytestmark = pytest.mark.e2e

SETUP = """
import datetime as dt, json
from django.utils import timezone
from tests.sensor_widgets.factories import datastream, device, observe
from tests.sensor_widgets.factories_widgets import content_page, path_of

stream = datastream(
    "rastatt", name="Pegel Murg (Test)", key="water_level_cm", decimals=0,
    warning_level=300, alarm_level=400, alert_title="Hochwasser-Warnung",
    alert_text="Keller räumen, Ufer meiden.",
)
observe(stream, [120, 124, 128], start=timezone.now() - dt.timedelta(minutes=50),
        step=dt.timedelta(minutes=15))
token = device(stream.thing).issue_token()
page = content_page("rastatt", [
    ("sensor_alerts", {"datastreams": [stream.pk]}),
    ("sensor_values", {"title": "Pegel", "datastreams": [stream.pk]}),
    ("sensor_chart", {"title": "Verlauf", "datastream": stream.pk, "range": "24h"}),
    ("sensor_table", {"title": "Alle Messwerte", "datastreams": [stream.pk]}),
    ("sensor_map", {"title": "Messstellen", "datastreams": [stream.pk], "description": "Murg"}),
], slug="e2e-messwerte")
print("RESULT" + json.dumps({"path": path_of(page), "token": token, "id": stream.pk}))
"""


@pytest.fixture(scope="module")
def sensor_page(demo_server, demo_dir):
    """A datastream with a device token and a page with its widgets, in the demo's database."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "REDI_VAR_DIR": str(demo_dir),
        "DATABASE_URL": f"sqlite:///{demo_dir / 'demo.sqlite3'}",
        "REDI_DEMO_PORT": str(demo_server),
    }
    env.pop("REDIS_URL", None)
    done = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "shell", "-c", SETUP],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.split("RESULT", 1)[1])


def post_value(port: int, token: str, value: float) -> dict:
    """What a device does: one observation to the HTTP intake."""
    body = json.dumps(
        {
            "datastream": "water_level_cm",
            "time": dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z"),
            "value": value,
        }
    ).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/sensorik/api/v1/observations",
        data=body,
        headers={
            "Host": f"rastatt.localhost:{port}",  # Python does not resolve *.localhost
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def watch_hosts(page, town: str) -> list[str]:
    foreign: list[str] = []
    own = urlsplit(town).netloc
    page.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).netloc != own else None)
    return foreign


def test_tile_chart_and_banner_update_live_over_the_websocket(demo_server, sensor_page, browser):
    town = f"http://rastatt.localhost:{demo_server}"
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    foreign = watch_hosts(page, town)
    frames: list[str] = []
    with page.expect_websocket() as socket_info:
        page.goto(town + sensor_page["path"])
    socket = socket_info.value
    socket.on("framereceived", lambda payload: frames.append(str(payload)))
    assert urlsplit(socket.url).path == "/ws/sensorik/"

    tile = page.locator(f".sensor-tile[data-sensor-ds='{sensor_page['id']}']")
    expect(tile.locator("[data-sensor-value]")).to_have_text(re.compile(r"^128\s+cm$"))
    expect(tile.locator("[data-sensor-status]")).to_have_text("normal")
    expect(page.locator(".sensor-alert")).to_have_count(0)  # no alert: nothing shown
    expect(page.locator(".sensor-chart__plot canvas")).to_have_count(1)  # uPlot drew
    assert_accessible(page)

    answer = post_value(demo_server, sensor_page["token"], 345)
    assert answer["accepted"] == 1
    expect(tile.locator("[data-sensor-value]")).to_have_text(
        re.compile(r"^345\s+cm$"), timeout=3000
    )
    expect(tile.locator("[data-sensor-status]")).to_have_text("Warnstufe")
    expect(tile.locator("[data-sensor-ago]")).to_have_text("gerade eben")
    row = page.locator(f".sensor-table tr[data-sensor-ds='{sensor_page['id']}']")
    expect(row.locator("[data-sensor-number]")).to_have_text("345")
    assert any('"value": 345' in frame or '"value":345' in frame for frame in frames)
    # the banner appears by itself, announced as an alert
    banner = page.locator(".sensor-alert")
    expect(banner).to_contain_text("Hochwasser-Warnung")
    expect(banner).to_contain_text("Warnstufe")
    expect(banner).to_contain_text("Keller räumen, Ufer meiden.")
    expect(banner).to_have_attribute("role", "alert")
    # the status change is told to screen readers too
    expect(page.locator("[aria-live='polite']")).to_contain_text("Warnstufe")
    assert_accessible(page)

    # the chart switches its range in place, links and table included
    chart = page.locator(".sensor-chart")
    chart.get_by_role("link", name="7 Tage").click()
    expect(chart.get_by_role("link", name="7 Tage")).to_have_attribute("aria-current", "true")
    expect(chart.locator("caption")).to_contain_text("in den letzten 7 Tagen")
    assert "sensor_range=7d" in page.url
    assert foreign == []
    context.close()


def test_polling_brings_the_value_when_the_websocket_is_blocked(demo_server, sensor_page, browser):
    town = f"http://rastatt.localhost:{demo_server}"
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    foreign = watch_hosts(page, town)
    page.route_web_socket(re.compile(r"/ws/sensorik/"), lambda socket: socket.close(code=1011))
    page.clock.install()
    polls: list[str] = []
    page.on("request", lambda r: polls.append(r.url) if "/sensorik/werte/" in r.url else None)
    page.goto(town + sensor_page["path"])
    tile = page.locator(f".sensor-tile[data-sensor-ds='{sensor_page['id']}']")
    expect(tile.locator("[data-sensor-value]")).not_to_have_text("")
    page.wait_for_function("window.rediSensorLive !== undefined")
    page.wait_for_timeout(500)
    assert polls, "the page did not fall back to polling"

    post_value(demo_server, sensor_page["token"], 410)
    page.clock.fast_forward("00:31")  # the next poll (SENSOR_POLL_SECONDS = 30)
    expect(tile.locator("[data-sensor-value]")).to_have_text(
        re.compile(r"^410\s+cm$"), timeout=5000
    )
    expect(tile.locator("[data-sensor-status]")).to_have_text("Alarmstufe")
    assert foreign == []
    context.close()


def test_page_is_readable_without_javascript(demo_server, sensor_page, browser):
    town = f"http://rastatt.localhost:{demo_server}"
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    foreign = watch_hosts(page, town)
    page.goto(town + sensor_page["path"])
    tile = page.locator(f".sensor-tile[data-sensor-ds='{sensor_page['id']}']")
    expect(tile.locator("[data-sensor-value]")).to_have_text(re.compile(r"^\d+\s+cm$"))
    expect(tile.locator("[data-sensor-status]")).not_to_be_empty()
    # the map is a list; OpenStreetMap only after consent (the button needs JavaScript)
    expect(page.locator(".sensor-map__item")).to_contain_text("Pegel Murg (Test)")
    expect(page.locator(".consent-embed__load")).to_be_hidden()
    chart = page.locator(".sensor-chart")
    chart.locator("summary").click()
    expect(chart.get_by_role("table")).to_be_visible()
    expect(chart.locator("caption")).to_contain_text("Warnstufe ab 300")
    chart.get_by_role("link", name="1 Jahr").click()
    expect(page.locator(".sensor-chart caption")).to_contain_text("im letzten Jahr")
    expect(page.locator(".sensor-chart").get_by_role("link", name="1 Jahr")).to_have_attribute(
        "aria-current", "true"
    )
    assert foreign == []
    context.close()
