"""Runs the demo server in a separate process on a free port, with its own SQLite
database seeded exactly as `make demo` does. Used by the browser tests and benchmarks."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
# Debian's Chromium, headless, kept from reaching the internet on its own
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """REDI_CHROMIUM, else Debian's chromium package, else None."""
    candidates = [os.environ.get("REDI_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"]
    return next((c for c in candidates if c and Path(c).exists()), None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def demo_server(var: Path, *, debug: bool = True) -> Iterator[int]:
    """Yields the port of a running demo server whose data lives in ``var``."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "true" if debug else "false",
        "REDI_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var / 'demo.sqlite3'}",
        "REDI_DEMO_PORT": str(port),
        # the browser journeys send far more forms from one address than a person would
        "PUBLIC_POST_RATE": os.environ.get("PUBLIC_POST_RATE", "5000/h"),
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, str(REPO / "manage.py")]
    # S603: our own manage.py with fixed arguments
    subprocess.run([*manage, "demo", "--no-serve"], env=env, check=True, capture_output=True)  # noqa: S603
    with open(var / "server.log", "w") as log:
        server = subprocess.Popen(  # noqa: S603 – our own manage.py
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise RuntimeError((var / "server.log").read_text()) from None
                    time.sleep(0.3)
            yield port
        finally:
            server.terminate()
            server.wait(timeout=10)
