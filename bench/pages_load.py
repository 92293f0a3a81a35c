"""Load and probes of the page benchmark (bench/pages.py): wrk runs and their parsed
output, single requests to check headers, and the SQL transaction counter of PostgreSQL.

wrk is the load generator because it is the one nginx's own figure (the limit) is
measured with: a Python client on two shared cores would measure itself.
"""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Run:
    """One wrk run: throughput, latency percentiles (ms) and what went wrong."""

    url: str
    connections: int
    seconds: float
    requests: int = 0
    per_s: float = 0.0
    latency_ms: dict = field(default_factory=dict)
    non_2xx: int = 0
    socket_errors: int = 0
    output: str = ""

    @property
    def clean(self) -> bool:
        return self.requests > 0 and self.non_2xx == 0 and self.socket_errors == 0

    def problems(self) -> str:
        parts = []
        if self.non_2xx:
            parts.append(f"{self.non_2xx} non-2xx/3xx responses")
        if self.socket_errors:
            parts.append(f"{self.socket_errors} socket errors")
        return ", ".join(parts)


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse(output: str, run: Run) -> Run:
    run.output = output
    match = re.search(r"(\d+) requests in", output)
    run.requests = int(match.group(1)) if match else 0
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    run.per_s = float(match.group(1)) if match else 0.0
    match = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    run.non_2xx = int(match.group(1)) if match else 0
    match = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    # read errors are how wrk counts servers closing kept-alive connections: counted too
    run.socket_errors = sum(int(n) for n in match.groups()) if match else 0
    match = re.search(r"Latency\s+([\d.]+\w+)\s+([\d.]+\w+)\s+([\d.]+\w+)", output)
    if match:
        run.latency_ms["mean"] = _ms(match.group(1))
        run.latency_ms["max"] = _ms(match.group(3))
    for percent, value in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+\w+)\s*$", output, re.M):
        run.latency_ms[f"p{percent}"] = _ms(value)
    return run


def wrk(
    url: str,
    host: str | None,
    *,
    connections: int,
    seconds: float,
    threads: int = 2,
    latency: bool = False,
) -> Run:
    """``wrk -t<threads> -c<connections> -d<seconds>s [--latency] -H 'Host: …' <url>``."""
    command = [shutil.which("wrk") or "/usr/bin/wrk", f"-t{threads}", f"-c{connections}"]
    command += [f"-d{seconds:g}s", "--timeout", "10s"]
    if latency:
        command.append("--latency")
    if host:
        command += ["-H", f"Host: {host}"]
    done = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    if done.returncode:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    return parse(done.stdout, Run(url=url, connections=connections, seconds=seconds))


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes


def fetch(port: int, path: str, host: str) -> Response:
    """One GET as a browser without cookies sends it (header names lower-cased)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host, "Accept": "text/html"})
        answer = connection.getresponse()
        body = answer.read()
        headers = {k.lower(): v for k, v in answer.getheaders()}
        return Response(answer.status, headers, body)
    finally:
        connection.close()


def fetch_until(port: int, path: str, host: str, header: str, value: str, tries: int = 5):
    """Requests until ``header`` reads ``value`` (a cache fills on the first request);
    returns the last response either way."""
    for _ in range(tries):
        response = fetch(port, path, host)
        if response.headers.get(header, "").upper().startswith(value):
            return response
        time.sleep(0.2)
    return response


# --- SQL on the database server ---------------------------------------------------------

# PostgreSQL 15 backends report their counters when they go idle, at most once a second
# and at the latest after 10 s (PGSTAT_IDLE_INTERVAL): a reading is complete once no
# backend of the database has worked for that long.
STATS_SETTLE_S = 11.0


def transactions(admin_url: str, database: str) -> int:
    """xact_commit + xact_rollback of ``database`` – read over a connection to another
    database, so that the reading itself is not counted. In autocommit (Django's default)
    every query is a transaction of its own, so the difference counts queries."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        row = connection.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s",
            [database],
        ).fetchone()
    return int(row[0])
