"""Private services for the fault tests – never the machine's shared ones.

CI and other engineers use PostgreSQL 5432, Redis 6379 and Mosquitto 1883 on this
machine at the same time: a fault test stops, kills and restarts only what it started
itself, on spare ports, in a temporary folder.

- :class:`PrivatePostgres`: ``initdb`` + ``pg_ctl`` (as the ``postgres`` user when the
  tests run as root – PostgreSQL refuses root), restartable with ``-m immediate``;
  it holds a copy of the seeded test database as the template of each test's database.
- :class:`PrivateRedis`: ``redis-server --save ""`` on a spare port.
- the mail server is ``bench/mailsink.py``'s :class:`MailSink` (aiosmtpd), shared with
  the load benchmark: it keeps what it accepted and can hold a message's ``DATA``
  unanswered (the sender is "inside" ``send()``).
- :class:`Processes`: the production processes of ``tests/deploy/stack.py`` (uvicorn
  workers, db_worker, mqtt_intake), each started, killed and restarted on its own.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from tests.deploy.conftest import free_port, listening, wait_for
from tests.deploy.stack import REPO, Stack


# --- PostgreSQL -------------------------------------------------------------------------
def postgres_binaries() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` with initdb and pg_ctl."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    return Path(found[-1]).parent if found else None


class PrivatePostgres:
    """A PostgreSQL cluster of its own in ``root`` on a spare port (trust, loopback)."""

    def __init__(self, root: Path):
        self.bin = postgres_binaries()
        self.root = root
        self.data = root / "data"
        self.port = free_port()
        self.log = root / "postgres.log"

    def _as_postgres(self, args: list[str], **kwargs) -> subprocess.CompletedProcess:
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            args = ["runuser", "-u", "postgres", "--", *args]
        return subprocess.run(args, capture_output=True, text=True, timeout=120, **kwargs)

    def _pg_ctl(self, *args: str) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        result = self._as_postgres([
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
            "-t", "60", "-o", options, *args,
        ])  # fmt: skip
        assert result.returncode == 0, f"pg_ctl {args}: {result.stderr}\n{self.tail()}"

    def init(self) -> None:
        if os.geteuid() == 0:
            postgres = pwd.getpwnam("postgres")
            os.chown(self.root, postgres.pw_uid, postgres.pw_gid)
        result = self._as_postgres([
            str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
            "-E", "UTF8", "--locale=C.UTF-8",
        ])  # fmt: skip
        assert result.returncode == 0, result.stderr
        self.start()

    def start(self) -> None:
        self._pg_ctl("start")

    def restart_immediate(self) -> None:
        """``pg_ctl restart -m immediate``: no checkpoint, every connection cut – as a
        crash; PostgreSQL recovers from its write-ahead log on start."""
        self._pg_ctl("restart", "-m", "immediate")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._pg_ctl("stop", "-m", "immediate")

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def tail(self, lines: int = 20) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def copy_from(self, source_url: str, database: str) -> None:
        """Create ``database`` here with what ``source_url`` holds (pg_dump | pg_restore)."""
        self.execute(f'CREATE DATABASE "{database}"')
        dump = subprocess.Popen(  # noqa: S603 – fixed arguments
            [str(self.bin / "pg_dump"), "-Fc", "--no-owner", "--no-acl", source_url],
            stdout=subprocess.PIPE,
        )
        restore = subprocess.run(
            [str(self.bin / "pg_restore"), "--no-owner", "--no-acl", "-d", self.url(database)],
            stdin=dump.stdout,
            capture_output=True,
            text=True,
            timeout=300,
        )
        dump.stdout.close()
        assert dump.wait(timeout=300) == 0, "pg_dump failed"
        assert restore.returncode == 0, restore.stderr[-3000:]

    def new_database(self, template: str) -> str:
        """A fresh database for one test, copied from ``template``; returns its URL."""
        name = f"rel_{uuid.uuid4().hex[:10]}"
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def execute(self, sql: str, database: str = "postgres") -> None:
        with psycopg.connect(self.url(database), autocommit=True) as connection:
            connection.execute(sql)


def rows(url: str, sql: str, *params) -> list[tuple]:
    """What the database at ``url`` holds (a connection of the test's own)."""
    with psycopg.connect(url, connect_timeout=10) as connection:
        return connection.execute(sql, params).fetchall()


# --- Redis ------------------------------------------------------------------------------
class PrivateRedis:
    def __init__(self, root: Path):
        self.root = root
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    @staticmethod
    def available() -> bool:
        return shutil.which("redis-server") is not None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.root)],
            stdout=open(self.root / "redis.log", "ab"),  # noqa: SIM115 – the server's lifetime
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_for(lambda: listening(self.port), 10, "redis-server läuft")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None


# --- the processes under test -------------------------------------------------------------
@dataclass
class Processes(Stack):
    """The production processes of :class:`tests.deploy.stack.Stack`, started one by one
    against private services: ``start_web()``, ``start("db_worker")``, ``kill(name)``."""

    static_root: Path | None = None
    mail: str = "smtp://127.0.0.1:25"
    extra_env: dict[str, str] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        env = {
            **super().env(),
            "EMAIL_URL": self.mail,
            # a burst of test clients from one address is no attack
            "PUBLIC_POST_RATE": "100000/h",
            "SERVICES_SUBMIT_RATE": "100000/h",
            "SERVICES_MIN_SUBMIT_SECONDS": "0",
            **self.extra_env,
        }
        if self.static_root is not None:
            env["STATIC_ROOT"] = str(self.static_root)
        return env

    def manage(self) -> list[str]:
        return [sys.executable, str(REPO / "manage.py")]

    def start(self, name: str) -> subprocess.Popen:  # type: ignore[override]
        commands = {
            "db_worker": [
                *self.manage(), "db_worker", "--no-startup-delay", "--interval", "0.2",
                "--worker-id", f"reliability-{uuid.uuid4().hex[:8]}",
            ],
            "mqtt_intake": [*self.manage(), "mqtt_intake"],
        }  # fmt: skip
        if name.startswith("worker-"):
            port = self.ports.workers[ord(name[-1]) - ord("a")]
            process = self._start(name, [
                str(Path(sys.executable).with_name("uvicorn")), "portal.asgi:application",
                "--host", "127.0.0.1", "--port", str(port), "--no-access-log",
                "--loop", "uvloop", "--http", "httptools", "--ws", "websockets",
            ])  # fmt: skip
            wait_for(lambda: listening(port) or self.died(name), 60, f"{name} läuft")
            assert not self.died(name), self.logs()
            return process
        process = self._start(name, commands[name])
        if name == "mqtt_intake":
            wait_for(
                lambda: "verbunden mit" in self.log(name) or self.died(name),
                30,
                "mqtt_intake ist mit dem Broker verbunden",
            )
            assert not self.died(name), self.logs()
        return process

    def _start(self, name: str, args: list[str]) -> subprocess.Popen:
        if name in self.running:  # a restart: keep the earlier log
            log_path = self.root / f"{name}.log"
            previous = log_path.read_text(errors="replace") if log_path.exists() else ""
            (self.root / f"{name}.before.log").write_text(previous)
        return super()._start(name, args)

    def kill(self, name: str) -> None:
        """SIGKILL: no clean-up, no goodbye – as the OOM killer or a power cut."""
        process = self.running[name]
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def run(self, *args: str, timeout: float = 120) -> str:
        """``manage.py *args`` with the same environment; its output (must succeed)."""
        result = subprocess.run(
            [*self.manage(), *args],
            env=self.env(),
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
        return result.stdout

    def shell(self, code: str) -> str:
        """The last line ``manage.py shell -c code`` printed."""
        return self.run("shell", "--no-imports", "-c", code).strip().splitlines()[-1]
