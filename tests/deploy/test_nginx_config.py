"""deploy/nginx/redi.conf, the documented production front, run by a real nginx.

A temporary copy with test ports and a self-signed certificate: ``nginx -t`` passes;
port 80 only redirects to HTTPS; hashed static files are cached for a year; editors'
media are never run as pages; and what the workers are told about the client survives
the way through Varnish's backend, the internal listener – here a small echo server
stands in for the uvicorn workers and the internal listener for Varnish.
"""

from __future__ import annotations

import json
import ssl
import subprocess
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from . import nginx
from .conftest import free_port, listening, required, wait_for


class Echo(BaseHTTPRequestHandler):
    """Answers every request with the headers it arrived with, as JSON."""

    def do_GET(self) -> None:  # noqa: N802 – the name http.server calls
        body = json.dumps({"path": self.path, "headers": dict(self.headers)}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    if missing := nginx.binaries():
        required(f"{', '.join(missing)} not installed (apt-get install nginx-light openssl)")
    target = tmp_path_factory.mktemp("nginx")
    srv = target / "srv"
    for folder, name, text in [
        ("static/css", "portal.0123456789ab.css", "body{}"),
        ("static", "staticfiles.json", "{}"),
        ("media/documents", "plan.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>"),
    ]:
        (srv / folder).mkdir(parents=True, exist_ok=True)
        (srv / folder / name).write_text(text)
    backend = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    internal = free_port()
    ports = nginx.Ports(
        http=free_port(),
        https=free_port(),
        internal=internal,
        varnish=internal,  # no Varnish here: the public server asks the internal listener
        workers=[backend.server_address[1]],
    )
    main = nginx.prepare(target, ports, srv)
    checked = subprocess.run(nginx.command(main, "-t"), capture_output=True, text=True)
    server = subprocess.Popen(nginx.command(main), stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: listening(ports.https) or server.poll() is not None, what="nginx")
        assert server.poll() is None, server.stderr.read()
        yield {"ports": ports, "checked": checked, "cert": target / "cert.pem"}
    finally:
        server.terminate()
        server.wait(timeout=10)
        backend.shutdown()


def get(front, url: str, headers: dict[str, str] | None = None):
    """(status, headers, body) without following redirects, trusting the test certificate."""
    context = ssl.create_default_context(cafile=str(front["cert"]))

    class Stay(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), Stay)
    request = urllib.request.Request(url, headers={"Host": "bruchsal.localhost", **(headers or {})})
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_nginx_accepts_the_production_configuration(front):
    assert front["checked"].returncode == 0, front["checked"].stderr
    assert "test is successful" in front["checked"].stderr


def test_port_80_only_redirects_to_https(front):
    status, headers, _ = get(front, f"http://127.0.0.1:{front['ports'].http}/leben/?seite=2")

    assert status == 301
    assert headers["Location"] == "https://bruchsal.localhost/leben/?seite=2"


def test_hashed_static_files_are_cached_for_a_year_others_briefly(front):
    https = f"https://127.0.0.1:{front['ports'].https}"

    status, headers, body = get(front, f"{https}/static/css/portal.0123456789ab.css")
    assert (status, body) == (200, b"body{}")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Type"] == "text/css"

    status, headers, _ = get(front, f"{https}/static/staticfiles.json")
    assert status == 200 and headers["Cache-Control"] == "max-age=3600"


def test_media_are_never_run_as_a_page(front):
    status, headers, _ = get(
        front, f"https://127.0.0.1:{front['ports'].https}/media/documents/plan.svg"
    )

    assert status == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]


def test_workers_learn_the_client_not_what_it_claims(front):
    """Page requests take the long way (public → Varnish's place → internal → worker)."""
    status, _, body = get(
        front,
        f"https://127.0.0.1:{front['ports'].https}/leben/",
        {"X-Forwarded-For": "203.0.113.66", "X-Forwarded-Proto": "http"},
    )

    assert status == 200
    seen = {k.lower(): v for k, v in json.loads(body)["headers"].items()}
    assert seen["host"] == "bruchsal.localhost"
    assert seen["x-forwarded-proto"] == "https"
    assert seen["x-forwarded-host"] == "bruchsal.localhost"
    assert seen["x-real-ip"] == "127.0.0.1"
    # the public server replaced the claimed address; uvicorn (trusting 127.0.0.1) takes
    # the last address that is not a proxy of ours
    assert "203.0.113.66" not in seen["x-forwarded-for"]


def test_websocket_handshakes_go_straight_to_the_workers(front):
    status, _, body = get(
        front,
        f"https://127.0.0.1:{front['ports'].https}/ws/sensorik/?ds=1",
        {"Upgrade": "websocket", "Connection": "Upgrade"},
    )

    assert status == 200
    sent = json.loads(body)
    seen = {k.lower(): v for k, v in sent["headers"].items()}
    assert sent["path"] == "/ws/sensorik/?ds=1"
    assert seen["upgrade"] == "websocket" and seen["connection"] == "upgrade"
    assert seen["x-forwarded-proto"] == "https"
