"""The WebSocket clients of ``bench/fanout.py``: ``bench/sensors_ws.py`` as it is, but the
result is printed (and the process ends) as soon as every socket has its values –
``sensors_ws.main`` prints only after a line on stdin, because ``asyncio.run`` waits for
the thread that reads stdin. Same arguments as ``bench/sensors_ws.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sensors_ws  # noqa: E402


async def run(args: argparse.Namespace) -> None:
    result = await sensors_ws.main_async(args)
    print(json.dumps(result), flush=True)
    os._exit(0)  # not waiting for the stdin reader thread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--expect", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=180)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
