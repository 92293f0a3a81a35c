"""The repository's nginx files (deploy/nginx/) made runnable in a temporary directory.

``prepare(target, ...)`` copies ``redi.conf`` and its includes below ``target/conf/redi/``,
replaces what an operator replaces – listen ports, worker ports, Varnish's address, the
certificate paths, ``/srv/redi`` – and writes the ``nginx.conf`` around them (``daemon
off``, pid, logs and temporary files inside ``target``). Every replacement must find its
text: when the production file changes shape, the tests say so instead of testing
something else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "deploy" / "nginx"
FILES = ("redi.conf", "redi-app.conf", "redi-proxy.conf", "redi-websocket.conf")
HOSTS = ("localhost", "bruchsal.localhost", "rastatt.localhost")


class ShapeChanged(AssertionError):
    """A text the tests replace is no longer in deploy/nginx/."""


@dataclass
class Ports:
    http: int  # the public port-80 server (redirect)
    https: int  # the public TLS server
    internal: int  # the internal listener (127.0.0.1:8080 in production)
    varnish: int  # where the public server sends pages (Varnish :6081 in production)
    workers: list[int] = field(default_factory=list)  # uvicorn (8001, 8002 in production)


def binaries() -> list[str]:
    """What is missing of nginx and openssl (empty: both there)."""
    return [name for name in ("nginx", "openssl") if not shutil.which(name)]


def certificate(target: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and the demo hosts: ``(cert, key)``."""
    cert, key = target / "cert.pem", target / "key.pem"
    names = ",".join(["IP:127.0.0.1", *(f"DNS:{host}" for host in HOSTS)])
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            f"subjectAltName={names}",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def _replace(text: str, old: str, new: str, file: str) -> str:
    if old not in text:
        raise ShapeChanged(f"deploy/nginx/{file} no longer contains {old!r}")
    return text.replace(old, new)


def prepare(target: Path, ports: Ports, srv: Path) -> Path:
    """Write the runnable configuration; returns the path of its ``nginx.conf``."""
    conf = target / "conf"
    (conf / "redi").mkdir(parents=True, exist_ok=True)
    (target / "logs").mkdir(exist_ok=True)
    cert, key = certificate(target)
    texts = {name: (SOURCE / name).read_text() for name in FILES}
    public = texts["redi.conf"]
    for old, new in [
        ("listen 80 default_server;", f"listen 127.0.0.1:{ports.http} default_server;"),
        ("listen [::]:80 default_server;", ""),
        ("listen 443 ssl http2 default_server;", f"listen 127.0.0.1:{ports.https} ssl http2;"),
        ("listen [::]:443 ssl http2 default_server;", ""),
        ("/etc/ssl/redi/fullchain.pem", str(cert)),
        ("/etc/ssl/redi/privkey.pem", str(key)),
        ("root /srv/redi;", f"root {srv};"),
        ("server 127.0.0.1:6081;", f"server 127.0.0.1:{ports.varnish};"),
    ]:
        public = _replace(public, old, new, "redi.conf")
    app = _replace(
        texts["redi-app.conf"],
        "listen 127.0.0.1:8080;",
        f"listen 127.0.0.1:{ports.internal};",
        "redi-app.conf",
    )
    workers = "\n".join(f"    server 127.0.0.1:{port};" for port in ports.workers)
    app = _replace(
        app, "    server 127.0.0.1:8001 max_fails=3 fail_timeout=5s;\n", "", "redi-app.conf"
    )
    app = _replace(
        app, "    server 127.0.0.1:8002 max_fails=3 fail_timeout=5s;", workers, "redi-app.conf"
    )
    texts.update({"redi.conf": public, "redi-app.conf": app})
    for name, text in texts.items():
        (conf / "redi" / name).write_text(text)
    temp = target / "temp"
    temp.mkdir(exist_ok=True)
    # as root nginx's workers would run as "nobody", who cannot read a private temp dir
    user = "user root;" if os.geteuid() == 0 else ""
    main = conf / "nginx.conf"
    main.write_text(
        f"""{user}
daemon off;
worker_processes 2;
pid {target}/nginx.pid;
error_log {target}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include redi/redi.conf;
}}
"""
    )
    return main


def command(main: Path, *extra: str) -> list[str]:
    """``nginx -p <dir> -c <nginx.conf>`` (plus ``-t`` etc.)."""
    return ["nginx", "-p", str(main.parent.parent), "-c", str(main), *extra]
