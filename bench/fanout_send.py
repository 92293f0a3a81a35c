"""The sender of the fan-out benchmark (``bench/fanout.py``), a process of its own:
``--broadcasts`` new values of datastream ``--datastream``, one after the other as fast
as they are accepted (``--pace`` seconds apart if given).

``--mode layer``: as the intake does – ``sensor_widgets.live.broadcast`` from
synchronous code (``async_to_sync``, one event loop per call) through the channel layer
Django is configured with (env ``CHANNEL_LAYER``). ``--mode direct``: PUBLISH of the same
msgpack group message straight to Redis (for the plain ASGI app).

Starts (Django set up, connections ready to be made), waits for a line on stdin, sends,
prints one JSON list: ``{"value", "sent", "ok", "status"}`` per broadcast (``time.time()``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from types import SimpleNamespace


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=("layer", "direct"), default="layer")
    parser.add_argument("--datastream", type=int, required=True)
    parser.add_argument("--broadcasts", type=int, default=50)
    parser.add_argument("--first-value", type=float, default=1000.0)
    parser.add_argument("--pace", type=float, default=0.0)
    args = parser.parse_args(argv)
    if args.mode == "layer":
        import django

        django.setup()
        from sensor_widgets import live

        def send(value: float, when: dt.datetime) -> None:
            live.broadcast({args.datastream: SimpleNamespace(phenomenon_time=when, result=value)})
    else:
        import msgpack
        import redis

        from sensor_widgets import live

        client = redis.Redis.from_url(os.environ["REDIS_URL"])
        topic = f"{os.environ['CACHE_KEY_PREFIX']}__group__{live.group_name(args.datastream)}"

        def send(value: float, when: dt.datetime) -> None:
            body = {"type": "sensor.value", **live.message(args.datastream, when, value)}
            client.publish(topic, msgpack.packb(body, use_bin_type=True))

    sys.stdin.readline()  # "go"
    sent = []
    for number in range(args.broadcasts):
        value = args.first_value + number
        tick = time.time()
        send(value, dt.datetime.now(dt.UTC).replace(microsecond=0))
        sent.append({"value": value, "sent": tick, "ok": time.time(), "status": 200})
        if args.pace:
            time.sleep(max(0.0, args.pace - (time.time() - tick)))
    print(json.dumps(sent), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
