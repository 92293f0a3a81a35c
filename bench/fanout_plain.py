"""The limit of the fan-out benchmark (``bench/fanout.py``): a plain ASGI app without
Django on uvicorn – one Redis subscription (env ``FANOUT_TOPIC`` on ``REDIS_URL``), each
message JSON-encoded once and sent to every open socket in turn. Sockets get one
snapshot message on connect, as the live widgets' consumer sends.

    FANOUT_TOPIC=… REDIS_URL=… uvicorn bench.fanout_plain:app --loop uvloop --ws websockets
"""

from __future__ import annotations

import asyncio
import json
import os

SNAPSHOT = json.dumps({"type": "snapshot", "value": -1})
sockets: set = set()
_listener: list[asyncio.Task] = []


async def _listen() -> None:
    import msgpack
    from redis.asyncio import Redis

    client = Redis.from_url(os.environ["REDIS_URL"])
    pubsub = client.pubsub()
    await pubsub.subscribe(os.environ["FANOUT_TOPIC"])
    async for message in pubsub.listen():
        if message["type"] != "message":
            continue
        event = {"type": "websocket.send", "text": json.dumps(msgpack.unpackb(message["data"]))}
        for send in list(sockets):
            try:
                await send(event)
            except Exception:  # noqa: BLE001 – a closed socket: the others go on
                sockets.discard(send)


async def app(scope, receive, send) -> None:
    if scope["type"] != "websocket":
        return
    if not _listener:
        _listener.append(asyncio.get_running_loop().create_task(_listen()))
    await receive()  # websocket.connect
    await send({"type": "websocket.accept"})
    await send({"type": "websocket.send", "text": SNAPSHOT})
    sockets.add(send)
    try:
        while (await receive())["type"] != "websocket.disconnect":
            pass
    finally:
        sockets.discard(send)
