"""Servers of the page benchmark (bench/pages.py): uvicorn workers, nginx, Varnish and the
bare Wagtail starter project – all started from a temp directory and stopped by handle.

Kept apart from the measuring so that every process the benchmark starts is visible in one
place: ``Processes.stop_all`` in the caller's ``finally`` ends them, also on Ctrl-C.
"""

from __future__ import annotations

import http.client
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
VCL = REPO / "deploy" / "varnish" / "redi.vcl"
# used only while deploy/varnish/redi.vcl does not exist yet (the report says so)
FALLBACK_VCL = """vcl 4.1;
backend default { .host = "127.0.0.1"; .port = "8080"; }
sub vcl_deliver {
    if (obj.hits > 0) { set resp.http.X-Cache = "HIT"; } else { set resp.http.X-Cache = "MISS"; }
}
"""


class Processes:
    """Every process the benchmark starts, ended by its own handle (never by name)."""

    def __init__(self) -> None:
        self.running: list[subprocess.Popen] = []

    def start(self, name: str, command: list[str], *, env: dict, cwd: Path, log_dir: Path):
        log = open(log_dir / f"{name}.log", "w")  # noqa: SIM115 – lives as long as the process
        process = subprocess.Popen(
            command,
            env=env,
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        process.bench_name = name  # type: ignore[attr-defined]
        process.bench_log = log_dir / f"{name}.log"  # type: ignore[attr-defined]
        self.running.append(process)
        return process

    def run(self, command: list[str], *, env: dict, cwd: Path, log: Path) -> int:
        """Runs a setup command to its end, tracked like a server so that Ctrl-C (or a
        failure elsewhere) ends it too; appends its output to ``log``."""
        with open(log, "a") as out:
            out.write(f"\n$ {' '.join(command)}\n")
            out.flush()
            process = subprocess.Popen(
                command,
                env=env,
                cwd=cwd,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
            process.bench_name = (
                f"setup: {Path(command[1] if len(command) > 1 else command[0]).name}"  # type: ignore[attr-defined]
            )
            process.bench_log = log  # type: ignore[attr-defined]
            self.running.append(process)
            try:
                return process.wait()
            finally:
                if process in self.running:
                    self.running.remove(process)

    def stop(self, process: subprocess.Popen, wait: float = 10) -> None:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if process in self.running:
            self.running.remove(process)

    def stop_all(self) -> None:
        for process in list(reversed(self.running)):
            try:
                self.stop(process)
            except Exception as error:  # keep stopping the others
                print(f"could not stop {process.args[0]}: {error}", file=sys.stderr)

    def check_alive(self) -> None:
        """Raises with the log's tail when a server died (a bad config, a port taken)."""
        for process in self.running:
            if process.poll() is not None:
                tail = process.bench_log.read_text(errors="replace")[-3000:]
                raise RuntimeError(f"{process.bench_name} exited ({process.returncode}):\n{tail}")

    def cpu_seconds(self, prefix: str) -> float:
        """User + system CPU of the running processes whose name starts with ``prefix``
        (from /proc): CPU per request is what a loaded machine changes least."""
        ticks = 0
        for process in self.running:
            if process.bench_name.startswith(prefix) and process.poll() is None:
                fields = Path(f"/proc/{process.pid}/stat").read_text().rpartition(")")[2].split()
                ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_env(database_url: str, redis_url: str, prefix: str, var: Path, **extra: str) -> dict:
    """The contract's production environment (portal.settings.production) for one run."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": ".localhost,localhost,127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "EMAIL_URL": "smtp://127.0.0.1:25",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_HSTS_PRELOAD": "false",
        "CACHE_KEY_PREFIX": prefix,
        "REDI_VAR_DIR": str(var),
        "STATIC_ROOT": str(var / "static"),
        "MEDIA_ROOT": str(var / "media"),
        "LOG_LEVEL": "WARNING",
        "TASK_BACKEND": "immediate",
        **extra,
    }
    for name in ("ELASTICSEARCH_URL", "MQTT_URL", "FRONTEND_CACHE_URL", "PAGE_CACHE"):
        if name not in extra:
            env.pop(name, None)
    return env


def manage(processes: Processes, env: dict, *args: str, cwd: Path, log: Path) -> None:
    """``manage.py <args>`` in a subprocess; its output goes to ``log`` (shown on failure)."""
    command = [sys.executable, str(REPO / "manage.py"), *args]
    if processes.run(command, env=env, cwd=cwd, log=log):
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{log.read_text()[-3000:]}")


def uvicorn_command(app: str, port: int) -> list[str]:
    """The contract's production worker: one uvicorn process per port."""
    return [
        str(VENV_BIN / "uvicorn"),
        app,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-access-log",
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--ws",
        "websockets",
    ]


def wait_http(port: int, path: str, host: str, processes: Processes, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while True:
        processes.check_alive()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path, headers={"Host": host})
            status = connection.getresponse().status
            connection.close()
            if status < 500:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"nothing answers on port {port} ({path}, Host {host})")
        time.sleep(0.3)


# --- nginx ------------------------------------------------------------------------------


def nginx_conf(tmp: Path, static_port: int, static_root: Path, proxies: dict) -> str:
    """A tiny nginx config: one listener serving the saved page from disk (the limit),
    and one listener per ``proxies`` entry ``{port: [backend ports]}`` – an upstream that
    balances across the backends with keep-alive connections (the production shape)."""
    upstreams, servers = [], []
    for port, backends in proxies.items():
        members = "".join(f"        server 127.0.0.1:{b};\n" for b in backends)
        upstreams.append(
            f"    upstream up_{port} {{\n{members}        keepalive 64;\n"
            "        keepalive_timeout 4s;\n    }\n"  # before uvicorn's 5 s (redi-app.conf)
        )
        servers.append(
            f"""    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://up_{port};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
"""
        )
    return f"""worker_processes auto;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    default_type text/html;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{static_port};
        root {static_root};
        location = / {{ try_files /index.html =404; }}
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
{"".join(upstreams)}{"".join(servers)}}}
"""


def start_nginx(processes: Processes, tmp: Path, conf: str) -> subprocess.Popen:
    """nginx as root lets its workers run as ``nobody``: the temp dir must be readable."""
    path = tmp / "nginx.conf"
    path.write_text(conf)
    for directory in (tmp, *tmp.parents):
        if directory == Path("/tmp") or directory == Path("/"):
            break
        directory.chmod(0o755)
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    return processes.start(
        "nginx",
        [binary, "-p", str(tmp), "-c", str(path), "-e", str(tmp / "nginx-error.log")],
        env=dict(os.environ),
        cwd=tmp,
        log_dir=tmp,
    )


# --- Varnish ----------------------------------------------------------------------------


def vcl_text(backend_port: int) -> tuple[str, str]:
    """deploy/varnish/redi.vcl with its backend port replaced (the contract), and where
    it came from."""
    if VCL.exists():
        text = VCL.read_text()
        if '.port = "8080";' not in text:
            raise RuntimeError(f'{VCL} has no `.port = "8080";` backend to point elsewhere')
        return text.replace('.port = "8080";', f'.port = "{backend_port}";'), str(
            VCL.relative_to(REPO)
        )
    return FALLBACK_VCL.replace('"8080"', f'"{backend_port}"'), "fallback VCL (no redi.vcl)"


def start_varnish(processes: Processes, tmp: Path, port: int, vcl: str) -> subprocess.Popen:
    path = tmp / "redi.vcl"
    path.write_text(vcl)
    binary = shutil.which("varnishd") or "/usr/sbin/varnishd"
    command = [binary, "-F", "-a", f"127.0.0.1:{port}", "-f", str(path), "-n", str(tmp / "vn")]
    command += ["-s", "malloc,256m", "-p", "thread_pool_min=50"]
    return processes.start("varnish", command, env=dict(os.environ), cwd=tmp, log_dir=tmp)


# --- the bare Wagtail starter (the reference page of the same run) ------------------------

STARTER_ASGI = """import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "starter.settings.production")
application = get_asgi_application()
"""


def setup_starter(processes: Processes, directory: Path) -> dict:
    """``wagtail start starter`` from the installed wagtail, DEBUG off (its production
    settings), SQLite, migrated, static files collected; an asgi module written when the
    template has none. Returns the environment its workers run with."""
    directory.mkdir(parents=True)
    log = directory / "setup.log"
    with open(log, "w") as out:
        subprocess.run(
            [str(VENV_BIN / "wagtail"), "start", "starter", str(directory)],
            check=True,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    settings = directory / "starter" / "settings"
    (settings / "local.py").write_text(
        f'SECRET_KEY = "{secrets.token_urlsafe(48)}"\nALLOWED_HOSTS = ["*"]\n'
    )
    if not (directory / "starter" / "asgi.py").exists():
        (directory / "starter" / "asgi.py").write_text(STARTER_ASGI)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    env["DJANGO_SETTINGS_MODULE"] = "starter.settings.production"
    env["PYTHONPATH"] = str(directory)
    for args in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        command = [sys.executable, "manage.py", *args, "-v0"]
        if processes.run(command, env=env, cwd=directory, log=log):
            raise RuntimeError(f"starter: manage.py {args[0]} failed:\n{log.read_text()[-3000:]}")
    return env
