"""WebSocket fan-out clients: ``python bench/sensors_ws.py --count 500 …`` opens that many
sockets to the live endpoint of the widgets (``/ws/sensorik/?ds=<id>``), as pages of the
town do (Host and Origin of the town), prints ``READY <open> <failed>`` once all are open
and have had their first message (the latest values the consumer sends on connect), then
notes the arrival time (``time.time()``, one clock for all processes of the machine) of
every message until it has seen ``--expect`` new values per socket, or ``--timeout``
seconds passed, or a line arrives on stdin; then prints one JSON line
``{"open": n, "failed": n, "arrivals": {"<value>": [times…]}}``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import time


def values_in(text: str) -> list[float]:
    """The ``value`` of every datastream update in a message, whatever its envelope
    (one object, a list, or an object holding a list)."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    found: list[float] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "value" in item and isinstance(item["value"], int | float):
                found.append(float(item["value"]))
            stack.extend(v for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            stack.extend(item)
    return found


async def client(args: argparse.Namespace, number: int, arrivals: dict, state: dict) -> None:
    import websockets

    _host, _, port = args.host.partition(":")
    try:
        async with state["limit"]:  # 20 handshakes at a time, as pages trickle in
            socket = await websockets.connect(
                f"ws://{args.host}{args.path}",
                host="127.0.0.1",
                port=int(port or 80),
                origin=f"http://{args.host}",
                open_timeout=60,
                ping_interval=None,
                max_queue=None,
            )
    except Exception as error:  # counted; the others go on
        state["failed"].append(f"{type(error).__name__}: {error}"[:200])
        _check_ready(args, state)
        return
    try:
        with contextlib.suppress(TimeoutError):  # the latest values sent on connect
            await asyncio.wait_for(socket.recv(), timeout=10)
        state["opened"].append(number)
        _check_ready(args, state)
        seen = 0
        while not state["done"].is_set() and seen < args.expect:
            try:
                message = await asyncio.wait_for(socket.recv(), timeout=1.0)
            except TimeoutError:
                continue
            now = time.time()
            for value in values_in(message):
                arrivals.setdefault(value, []).append(now)
                seen += 1
    except Exception as error:
        state["dropped"].append(f"{type(error).__name__}: {error}"[:200])
    finally:
        await socket.close()


def _check_ready(args: argparse.Namespace, state: dict) -> None:
    if len(state["opened"]) + len(state["failed"]) == args.count:
        state["ready"].set()


async def main_async(args: argparse.Namespace) -> dict:
    arrivals: dict[float, list[float]] = {}
    state = {
        "opened": [],
        "failed": [],
        "dropped": [],
        "ready": asyncio.Event(),
        "done": asyncio.Event(),
        "limit": asyncio.Semaphore(20),
    }
    tasks = [asyncio.create_task(client(args, n, arrivals, state)) for n in range(args.count)]
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(state["ready"].wait(), timeout=180)
    print(f"READY {len(state['opened'])} {len(state['failed'])}", flush=True)
    stop = asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    gathered = asyncio.gather(*tasks)
    await asyncio.wait([stop, gathered], timeout=args.timeout, return_when="FIRST_COMPLETED")
    state["done"].set()
    await asyncio.wait(tasks, timeout=10)
    return {
        "open": len(state["opened"]),
        "failed": len(state["failed"]),
        "dropped": len(state["dropped"]),
        "errors": (state["failed"] + state["dropped"])[:5],
        "arrivals": {str(value): times for value, times in arrivals.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", required=True, help="town host:port the pages are served on")
    parser.add_argument("--path", required=True, help="e.g. /ws/sensorik/?ds=5")
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--expect", type=int, default=20, help="new values per socket")
    parser.add_argument("--timeout", type=float, default=180)
    args = parser.parse_args(argv)
    result = asyncio.run(main_async(args))
    print(json.dumps(result), flush=True)
    os._exit(0)  # the stdin reader thread may still wait


if __name__ == "__main__":
    sys.exit(main())
