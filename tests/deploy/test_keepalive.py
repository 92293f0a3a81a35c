"""Keep-alive between nginx and what is behind it: nginx must let an idle upstream
connection go before the other side does. Otherwise a request nginx sends on a
connection the worker is closing at that moment fails – found by ``bench/load.py`` as
502s on sign-ups and applications (a POST is not retried on another worker)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
UVICORN_DEFAULT_KEEP_ALIVE = 5  # seconds, uvicorn's --timeout-keep-alive default
VARNISH_DEFAULT_TIMEOUT_IDLE = 5  # seconds, varnishd's timeout_idle default


def upstreams(text: str) -> dict[str, str]:
    return dict(re.findall(r"upstream\s+(\w+)\s*\{([^}]*)\}", text))


def seconds(block: str, directive: str) -> float | None:
    found = re.search(rf"^\s*{directive}\s+(\d+)(s|ms)?;", block, re.MULTILINE)
    if not found:
        return None
    value = float(found.group(1))
    return value / 1000 if found.group(2) == "ms" else value


def uvicorn_keep_alive() -> float:
    unit = (REPO / "deploy/systemd/redi-asgi@.service").read_text()
    found = re.search(r"--timeout-keep-alive[ =](\d+)", unit)
    return float(found.group(1)) if found else UVICORN_DEFAULT_KEEP_ALIVE


@pytest.mark.parametrize(
    ("conf", "upstream", "behind"),
    [
        ("redi-app.conf", "redi_asgi", "uvicorn"),
        ("redi.conf", "redi_varnish", "varnish"),
    ],
)
def test_nginx_closes_idle_upstream_connections_first(conf, upstream, behind):
    block = upstreams((REPO / "deploy/nginx" / conf).read_text())[upstream]
    assert re.search(r"^\s*keepalive\s+\d+;", block, re.MULTILINE)  # connections are kept
    limit = uvicorn_keep_alive() if behind == "uvicorn" else VARNISH_DEFAULT_TIMEOUT_IDLE
    timeout = seconds(block, "keepalive_timeout")
    assert timeout is not None, f"{upstream}: keepalive_timeout missing (nginx default 60 s)"
    assert timeout < limit


def test_the_benchmarks_nginx_follows_the_same_rule():
    from bench import pages_servers

    conf = pages_servers.nginx_conf(Path("/tmp"), 1, Path("/tmp"), {2: [3, 4]})
    block = upstreams(conf)["up_2"]
    assert seconds(block, "keepalive_timeout") < UVICORN_DEFAULT_KEEP_ALIVE
