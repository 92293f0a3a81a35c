"""The production shape on this machine, for tests/deploy/test_scale_out.py.

Two uvicorn workers (production settings, ports of their own), nginx from the repo's
files (``tests/deploy/nginx.py``), ``manage.py db_worker`` and ``manage.py mqtt_intake``
(a client id and topic prefix of their own) – all on the test database, the machine's
Redis (a cache prefix of their own) and Mosquitto. Every process writes a log in the
temporary directory; :meth:`Stack.logs` gives their tails for a failure report; every
process is ended by its own handle in :meth:`Stack.stop`.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from . import nginx
from .conftest import free_port, listening, wait_for

REPO = Path(__file__).resolve().parents[2]
TOPIC = "application/+/device/+/event/up"


def database_url(settings_dict: dict) -> str:
    """The URL of the database the test process uses (the test database)."""
    user = quote(settings_dict.get("USER") or "")
    password = quote(settings_dict.get("PASSWORD") or "")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{settings_dict['NAME']}"


@dataclass
class Stack:
    root: Path
    database: str  # URL
    redis: str
    mqtt: str
    ports: nginx.Ports = field(init=False)
    prefix: str = field(default_factory=lambda: f"redi-scale-{uuid.uuid4().hex[:10]}/")
    client_id: str = field(default_factory=lambda: f"redi-scale-{uuid.uuid4().hex[:10]}")
    running: dict[str, subprocess.Popen] = field(default_factory=dict)

    def __post_init__(self) -> None:
        internal = free_port()
        self.ports = nginx.Ports(
            http=free_port(),
            https=free_port(),
            internal=internal,
            varnish=internal,  # no Varnish in this test: pages go to the internal listener
            workers=[free_port(), free_port()],
        )
        self.srv = self.root / "srv"  # STATIC_ROOT and MEDIA_ROOT below it, as /srv/redi

    @property
    def worker_a(self) -> int:
        return self.ports.workers[0]

    @property
    def worker_b(self) -> int:
        return self.ports.workers[1]

    def env(self) -> dict[str, str]:
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
        return {
            **keep,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "PYTHONUNBUFFERED": "1",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": ".localhost,localhost,127.0.0.1",
            "DATABASE_URL": self.database,
            "DATABASE_POOL_SIZE": "4",
            "REDIS_URL": self.redis,
            "CACHE_KEY_PREFIX": self.prefix.strip("/"),
            "EMAIL_URL": "smtp://127.0.0.1:25",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "SECURE_HSTS_PRELOAD": "false",
            "TASK_BACKEND": "database",
            "MQTT_URL": self.mqtt,
            "SENSOR_MQTT_TOPICS": f"{self.prefix}{TOPIC}",
            "SENSOR_MQTT_CLIENT_ID": self.client_id,
            "SENSOR_MQTT_SESSION_EXPIRY": "60",
            "SENSOR_STA_MQTT": "false",
            "STATIC_ROOT": str(self.srv / "static"),
            "MEDIA_ROOT": str(self.srv / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.root / "private"),
            "REDI_VAR_DIR": str(self.root / "var"),
            "LOG_LEVEL": "WARNING",
        }

    def _start(self, name: str, args: list[str]) -> subprocess.Popen:
        log = open(self.root / f"{name}.log", "w")  # noqa: SIM115 – the process's lifetime
        process = subprocess.Popen(
            args, env=self.env(), cwd=REPO, stdout=log, stderr=subprocess.STDOUT
        )
        self.running[name] = process
        return process

    def start(self) -> None:
        manage = [sys.executable, str(REPO / "manage.py")]
        (self.root / "var").mkdir(exist_ok=True)
        # the workers read ManifestStaticFilesStorage's manifest once: collectstatic first;
        # meanwhile the processes that need no static files start
        statics = self._start("collectstatic", [*manage, "collectstatic", "--noinput", "-v0"])
        self._start("db_worker", [
            *manage, "db_worker", "--no-startup-delay", "--interval", "0.2",
            "--worker-id", f"scale-out-{uuid.uuid4().hex[:8]}",
        ])  # fmt: skip
        self._start("mqtt_intake", [*manage, "mqtt_intake"])
        main = nginx.prepare(self.root / "nginx", self.ports, self.srv)
        self._start("nginx", nginx.command(main))
        assert statics.wait(timeout=120) == 0, self.logs()
        for name, port in (("worker-a", self.worker_a), ("worker-b", self.worker_b)):
            self._start(name, [
                str(Path(sys.executable).with_name("uvicorn")), "portal.asgi:application",
                "--host", "127.0.0.1", "--port", str(port), "--no-access-log",
                "--loop", "uvloop", "--http", "httptools", "--ws", "websockets",
            ])  # fmt: skip
        for name, port in [
            ("worker-a", self.worker_a),
            ("worker-b", self.worker_b),
            ("nginx", self.ports.https),
        ]:
            wait_for(lambda p=port, n=name: listening(p) or self.died(n), 60, f"{name} läuft")
            assert not self.died(name), self.logs()
        wait_for(
            lambda: "verbunden mit" in self.log("mqtt_intake") or self.died("mqtt_intake"),
            30,
            "mqtt_intake ist mit dem Broker verbunden",
        )
        assert not self.died("mqtt_intake") and not self.died("db_worker"), self.logs()

    def died(self, name: str) -> bool:
        return self.running[name].poll() is not None

    def log(self, name: str) -> str:
        path = self.root / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def logs(self, lines: int = 40) -> str:
        """The tail of every process's log (nginx: its error log)."""
        parts = []
        for name in self.running:
            text = self.log(name)
            if name == "nginx":
                error_log = self.root / "nginx" / "logs" / "error.log"
                text += error_log.read_text(errors="replace") if error_log.exists() else ""
            tail = "\n".join(text.splitlines()[-lines:])
            parts.append(f"--- {name} ---\n{tail}")
        return "\n".join(parts)

    def stop(self) -> None:
        """SIGTERM to each, in reverse order of start; SIGKILL after 10 s."""
        for process in reversed(list(self.running.values())):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.running.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
