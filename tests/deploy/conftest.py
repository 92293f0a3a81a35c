"""What the deployment tests need: nginx and openssl (both tests), PostgreSQL, Redis and
Mosquitto (the scale-out test). Missing locally: skipped with the reason; in CI (``CI``
set): a failure – there the deployment shape must be proven, not silently left out."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable

import pytest


def required(missing: str) -> None:
    """Skip locally, fail in CI."""
    if os.environ.get("CI"):
        pytest.fail(f"CI: {missing}")
    pytest.skip(missing)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition: Callable[[], object], timeout: float = 15, what: str = "") -> object:
    """Poll ``condition`` until it returns something true (bounded: ``timeout`` seconds)."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"nach {timeout:.0f} s nicht eingetreten: {what}")
        time.sleep(0.1)


def listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False
