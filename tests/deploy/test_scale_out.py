"""The scale-out shape, for real: two uvicorn workers behind nginx, the task worker and
the MQTT worker as processes of their own, all on PostgreSQL, Redis and Mosquitto
(tests/deploy/stack.py starts them from the production settings and deploy/nginx/).

One test, because each transactional test empties the database and the next one seeds
the demo again (~75 s). It proves what the issue asks:

a. a reading taken in by the MQTT worker, and one POSTed to worker A, reach browsers'
   sockets on worker A, on worker B and through nginx;
b. a page published in the admin of worker A – a real form post by the town's editor –
   is fresh on worker B and through nginx, although both had it in the page cache;
c. the background tasks that publishing enqueues (search index, reference index) are run
   by the ``db_worker`` process: the new title is found by the town's search.

Locally skipped without PostgreSQL/Redis/Mosquitto (DATABASE_URL, REDIS_URL, MQTT_URL);
with ``CI`` set it fails instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
import random
import re
import ssl
import uuid

import pytest
import requests
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.utils import authenticator_app, current_code

from . import nginx
from .conftest import required, wait_for
from .stack import Stack, database_url

pytestmark = pytest.mark.django_db(transaction=True)
TOWN = "bruchsal.localhost"
EDITOR = ("redaktion.bruchsal", "demo-bruchsal")


@pytest.fixture(scope="module")
def stack(django_db_setup, tmp_path_factory):
    from django.db import connection

    if connection.vendor != "postgresql":
        required("DATABASE_URL must point at PostgreSQL (the workers share the database)")
    for name in ("REDIS_URL", "MQTT_URL"):
        if not os.environ.get(name):
            required(f"{name} is not set (the workers share Redis and the broker)")
    if missing := nginx.binaries():
        required(f"{', '.join(missing)} not installed")
    from tests.sensor_widgets.factories_mqtt import forget_session, reachable

    if not reachable(os.environ["MQTT_URL"]):
        required(f"no MQTT broker at {os.environ['MQTT_URL']}")
    running = Stack(
        root=tmp_path_factory.mktemp("scale-out"),
        database=database_url(connection.settings_dict),
        redis=os.environ["REDIS_URL"],
        mqtt=os.environ["MQTT_URL"],
    )
    try:
        running.start()
        yield running
    finally:
        running.stop()
        forget_session(running.mqtt, running.client_id)


def test_two_workers_behind_nginx_share_live_values_pages_and_tasks(stack, demo_seeded):
    try:
        live_values_reach_sockets_on_every_worker(stack)
        published_page_is_fresh_everywhere_and_tasks_run_in_the_worker(stack)
    except BaseException:
        print(stack.logs())  # shown by pytest for the failed test
        raise


# --- a. live values -------------------------------------------------------------------


def live_values_reach_sockets_on_every_worker(stack: Stack) -> None:
    from sensor_widgets import decoders
    from sensor_widgets.models import Datastream
    from tests.sensor_widgets.factories_mqtt import chirpstack, publish

    stream = Datastream.objects.select_related("thing").get(
        thing__site__hostname=TOWN, key="water_level_cm"
    )
    device = stream.thing.devices.get(decoder="water_level")
    token = device.issue_token()
    by_mqtt, by_http = random.sample(range(20, 90), 2)
    now = timezone.now().replace(microsecond=0)
    uplink = chirpstack(
        device.dev_eui,
        payload=decoders.get("water_level").encode({"water_level_cm": by_mqtt}),
        time=now,
        prefix=stack.prefix,
    )

    def post_to_worker_a() -> requests.Response:
        return requests.post(
            f"http://127.0.0.1:{stack.worker_a}/sensorik/api/v1/observations",
            json={
                "datastream": "water_level_cm",
                "time": _iso(now + dt.timedelta(seconds=1)),
                "value": by_http,
            },
            headers={"Host": TOWN, "Authorization": f"Bearer {token}"},
            timeout=15,
        )

    async def scenario() -> dict[str, list[float]]:
        path = f"/ws/sensorik/?ds={stream.pk}"
        sockets = {
            "worker A": await _socket(f"ws://{TOWN}:{stack.worker_a}{path}", stack.worker_a),
            "worker B": await _socket(f"ws://{TOWN}:{stack.worker_b}{path}", stack.worker_b),
            # least_conn spreads nginx's two sockets over both workers
            "nginx 1": await _socket(f"wss://{TOWN}{path}", stack.ports.https, stack),
            "nginx 2": await _socket(f"wss://{TOWN}{path}", stack.ports.https, stack),
        }
        seen: dict[str, list[float]] = {name: [] for name in sockets}
        readers = [asyncio.create_task(_read(s, seen[n])) for n, s in sockets.items()]
        try:
            await asyncio.to_thread(publish, stack.mqtt, [uplink])
            await _until(lambda: all(by_mqtt in values for values in seen.values()), seen)
            answer = await asyncio.to_thread(post_to_worker_a)
            assert answer.status_code == 200, answer.text
            assert answer.json()["accepted"] == 1
            await _until(lambda: all(by_http in values for values in seen.values()), seen)
        finally:
            for reader in readers:
                reader.cancel()
            for socket in sockets.values():
                await socket.close()
        return seen

    seen = asyncio.run(scenario())

    for name, values in seen.items():
        assert values.index(by_mqtt) < values.index(by_http), (name, values)
    stream.refresh_from_db()
    assert stream.last_value == by_http  # and the database has it


async def _socket(url: str, port: int, stack: Stack | None = None):
    import websockets

    context = None
    if stack is not None:
        context = ssl.create_default_context(cafile=str(stack.root / "nginx" / "cert.pem"))
    socket = await websockets.connect(
        url,
        host="127.0.0.1",
        port=port,
        ssl=context,
        origin=f"{'https' if context else 'http'}://{TOWN}",
        open_timeout=15,
    )
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(socket.recv(), timeout=5)  # the latest value, sent on connect
    return socket


async def _read(socket, values: list[float]) -> None:
    with contextlib.suppress(Exception):
        async for message in socket:
            data = json.loads(message)
            if isinstance(data, dict) and "value" in data:
                values.append(data["value"])


async def _until(condition, seen, timeout: float = 15) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"nach {timeout:.0f} s nicht an allen Sockets: {seen}")
        await asyncio.sleep(0.05)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


# --- b. and c. publishing -------------------------------------------------------------


def published_page_is_fresh_everywhere_and_tasks_run_in_the_worker(stack: Stack) -> None:
    from django_tasks_db.models import DBTaskResult
    from wagtail.models import Site

    from portal.pages.models import IndexPage

    site = Site.objects.get(hostname=TOWN)
    page = IndexPage.objects.descendant_of(site.root_page).get(slug="leben")
    worker_b = f"http://127.0.0.1:{stack.worker_b}"
    via_nginx = f"https://127.0.0.1:{stack.ports.https}"
    cert = str(stack.root / "nginx" / "cert.pem")

    # both have the page in the shared page cache
    for base in (worker_b, via_nginx):
        first, second = _get(base, "/leben/", cert), _get(base, "/leben/", cert)
        assert _h1(first) == _h1(second) == page.title
        if "X-Page-Cache" in first.headers:  # the anonymous page cache (portal.pagecache)
            assert second.headers["X-Page-Cache"] == "HIT", base

    word = f"Stadtfest{uuid.uuid4().hex[:6]}"
    new_title = f"Leben in Bruchsal: {word}"
    enqueued_from = timezone.now()
    _publish_in_admin(f"http://127.0.0.1:{stack.worker_a}", page.pk, new_title)

    # b. fresh on the other worker and through nginx – at once, no waiting for expiry
    fresh = _get(worker_b, "/leben/", cert)
    assert _h1(fresh) == new_title
    assert fresh.headers.get("X-Page-Cache", "MISS") == "MISS"  # rendered anew
    assert _h1(_get(via_nginx, "/leben/", cert)) == new_title

    # c. what publishing enqueued, the db_worker process ran
    tasks = DBTaskResult.objects.filter(enqueued_at__gte=enqueued_from)
    wait_for(
        lambda: tasks.exists() and not tasks.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists(),
        15,
        "der db_worker hat die Aufgaben der Veröffentlichung ausgeführt",
    )
    done = list(tasks.values_list("task_path", "status", "worker_ids", "args_kwargs"))
    assert {status for _, status, _, _ in done} == {"SUCCESSFUL"}, done
    assert all(ids and ids[0].startswith("scale-out-") for _, _, ids, _ in done), done
    assert any(str(page.pk) in json.dumps(arguments) for *_, arguments in done), done
    # … which a citizen notices: the town's search finds the new title
    found = _get(worker_b, f"/suche/?q={word}", cert)
    assert new_title in found.text


def _get(base: str, path: str, cert: str) -> requests.Response:
    response = requests.get(
        f"{base}{path}", headers={"Host": TOWN}, verify=cert, timeout=15, allow_redirects=False
    )
    assert response.status_code == 200, (base, path, response.status_code)
    return response


def _h1(response: requests.Response) -> str:
    return BeautifulSoup(response.text, "html.parser").h1.get_text(strip=True)


class AdminSession:
    """The editor's browser, talking plain HTTP to one worker. Production cookies are
    ``Secure``; ``requests`` would keep them from an http:// address, so they are sent
    by hand – as the TLS proxy in front would let them through."""

    def __init__(self, base: str):
        self.base = base
        self.session = requests.Session()
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Host": TOWN, **kwargs.pop("headers", {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = self.session.request(
            method, f"{self.base}{path}", headers=headers, allow_redirects=False, timeout=30,
            **kwargs,
        )  # fmt: skip
        self.cookies.update({cookie.name: cookie.value for cookie in response.cookies})
        return response

    def form(self, path: str, selector: str) -> list[tuple[str, str]]:
        """What a browser would send of the form at ``selector`` (without its buttons)."""
        response = self.request("GET", path)
        assert response.status_code == 200, (path, response.status_code)
        form = BeautifulSoup(response.text, "html.parser").select_one(selector)
        assert form is not None, f"{selector} not on {path}"
        return form_fields(form)


def form_fields(form) -> list[tuple[str, str]]:
    data: list[tuple[str, str]] = []
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        if element.name == "textarea":
            data.append((name, element.text.removeprefix("\n")))
        elif element.name == "select":
            options = element.find_all("option", selected=True) or element.find_all("option")[:1]
            data += [(name, option.get("value", option.text)) for option in options]
        else:
            kind = (element.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                continue
            if kind in {"checkbox", "radio"}:
                if element.has_attr("checked"):
                    data.append((name, element.get("value", "on")))
                continue
            data.append((name, element.get("value", "")))
    return data


def _production_password(username: str, password: str) -> None:
    """The test settings store passwords with a fast MD5 hasher, which the production
    settings of the workers do not accept: store the editor's with their default."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    hasher = PBKDF2PasswordHasher()
    get_user_model().objects.filter(username=username).update(
        password=hasher.encode(password, hasher.salt())
    )


def _authenticator_app(username: str):
    """Production asks everyone in the admin for a second factor: the editor has set up
    an authenticator app."""
    from django.contrib.auth import get_user_model

    return authenticator_app(get_user_model().objects.get(username=username))


def _second_factor(editor: AdminSession, device) -> None:
    """The second step as the editor does it: the sign-in leads to the code page, the
    current six-digit code from the app confirms it."""
    page = editor.request("GET", "/admin/")
    assert page.status_code == 302 and "/admin/zwei-faktor/" in page.headers["Location"]
    verify = page.headers["Location"]
    fields = dict(editor.form(verify, "form[method=post]"))
    fields["code"] = current_code(device)
    response = editor.request("POST", verify, data=fields)
    assert response.status_code == 302, "Zweiter Faktor nicht angenommen"
    assert editor.request("GET", "/admin/").status_code == 200


def _publish_in_admin(base: str, page_id: int, title: str) -> None:
    _production_password(*EDITOR)
    device = _authenticator_app(EDITOR[0])
    editor = AdminSession(base)
    login = dict(editor.form("/admin/login/", "form[method=post]"))
    login.update(username=EDITOR[0], password=EDITOR[1])
    response = editor.request("POST", "/admin/login/", data=login)
    assert response.status_code == 302, "Anmeldung fehlgeschlagen"
    _second_factor(editor, device)

    edit = f"/admin/pages/{page_id}/edit/"
    fields = editor.form(edit, "form#page-edit-form")
    assert ("title", "") not in fields and any(name == "title" for name, _ in fields)
    changed = [(name, title if name == "title" else value) for name, value in fields]
    response = editor.request("POST", edit, data=[*changed, ("action-publish", "action-publish")])
    if response.status_code != 302:
        problems = re.findall(r'class="[^"]*error[^"]*"[^>]*>([^<]+)', response.text)
        raise AssertionError(f"Veröffentlichen fehlgeschlagen ({response.status_code}): {problems}")
