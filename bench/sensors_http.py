"""HTTP batch ingest load: client threads post batches of readings to
``POST /sensorik/api/v1/observations`` with their device's token, for a fixed time.

Each client owns one device (one datastream) and sends readings one second apart,
starting 30 days back, so nothing it sends is a duplicate; the servers are used in
turn, as a load balancer would. Counts what the servers accepted, per 10-second window.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import threading
import time
from dataclasses import dataclass, field

PATH = "/sensorik/api/v1/observations"
WINDOW_S = 10.0


@dataclass
class Totals:
    sent: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)  # seconds per request
    done: list[tuple[float, int]] = field(default_factory=list)  # (monotonic, accepted)


def batch_body(key: str, start: dt.datetime, offset: int, size: int, rng: random.Random) -> bytes:
    items = [
        {
            "datastream": key,
            "time": (start + dt.timedelta(seconds=offset + n)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "value": round(rng.uniform(100, 800), 1),
        }
        for n in range(size)
    ]
    return json.dumps({"observations": items}).encode()


def post(session, base: str, host: str, token: str, body: bytes):
    return session.post(
        base + PATH,
        data=body,
        headers={
            "Host": host,
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
        },
        timeout=60,
    )


def run(
    bases: list[str],
    host: str,
    streams: list[dict],
    seconds: float,
    batch: int,
    *,
    warm_up: bool = True,
) -> tuple[Totals, float]:
    """Every stream gets a client thread; returns the totals and the measured seconds."""
    import requests

    totals = Totals()
    lock = threading.Lock()
    start_time = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=30)
    offsets = [0] * len(streams)

    def send(number: int, session, measured: bool) -> None:
        stream = streams[number]
        rng = random.Random(number)
        body = batch_body(stream["key"], start_time, offsets[number], batch, rng)
        offsets[number] += batch
        began = time.monotonic()
        try:
            response = post(session, bases[number % len(bases)], host, stream["token"], body)
            answer = response.json() if response.status_code == 200 else None
        except Exception as error:  # reported, the run goes on
            response, answer = None, None
            message = f"{type(error).__name__}: {error}"[:300]
        ended = time.monotonic()
        with lock:
            totals.sent += batch
            totals.requests += 1
            if answer is None:
                status = response.status_code if response is not None else "-"
                text = response.text[:300] if response is not None else message
                totals.errors.append(f"{status}: {text}")
                return
            totals.accepted += answer.get("accepted", 0)
            totals.duplicates += answer.get("duplicates", 0)
            totals.rejected += len(answer.get("rejected", []))
            if measured:
                totals.latencies.append(ended - began)
                totals.done.append((ended, answer.get("accepted", 0)))

    sessions = [requests.Session() for _ in streams]
    if warm_up:
        for number, session in enumerate(sessions):
            send(number, session, measured=False)
    began = time.monotonic()
    deadline = began + seconds

    def client(number: int) -> None:
        while time.monotonic() < deadline:
            send(number, sessions[number], measured=True)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(len(streams))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    elapsed = time.monotonic() - began
    for session in sessions:
        session.close()
    totals.done = [(t - began, n) for t, n in totals.done]
    return totals, elapsed


def window_rates(done: list[tuple[float, int]], elapsed: float) -> list[float]:
    """Observations accepted per second in each full 10-second window."""
    windows = max(1, int(elapsed // WINDOW_S))
    counts = [0] * windows
    for at, accepted in done:
        index = int(at // WINDOW_S)
        if index < windows:
            counts[index] += accepted
    return [count / WINDOW_S for count in counts]
