"""A minimal Redis subscriber connection (RESP2 over asyncio streams).

Why not redis-py's ``PubSub``: it reconnects and resubscribes on its own inside
``get_message`` and hides the subscribe confirmations. The hub needs both in its own
hands – it waits for the confirmation of a group's SUBSCRIBE before ``group_add``
returns (so a message published right after reaches the new member), and it decides
itself when to reconnect and what to subscribe again.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from urllib.parse import unquote, urlsplit


class RespError(ConnectionError):
    """Redis answered with an error or something this client does not understand."""


def address_of(host: str | dict) -> str:
    """The URL of a ``hosts`` entry (a URL, or a channels-redis style ``{"address": …}``)."""
    if isinstance(host, dict):
        return host["address"]
    return host


def _command(*parts: str | bytes) -> bytes:
    out = [b"*%d\r\n" % len(parts)]
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        out.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(out)


class SubscriberConnection:
    """One TCP (or unix/TLS) connection in subscribe mode."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, url: str, name: str = "", timeout: float = 2.0) -> SubscriberConnection:
        """Connects (and authenticates); ``name`` is shown by Redis's CLIENT LIST."""
        parts = urlsplit(url)
        if parts.scheme == "unix":
            opening = asyncio.open_unix_connection(parts.path)
        elif parts.scheme in ("redis", "rediss"):
            context = ssl.create_default_context() if parts.scheme == "rediss" else None
            opening = asyncio.open_connection(
                parts.hostname or "127.0.0.1", parts.port or 6379, ssl=context
            )
        else:
            raise ValueError(f"unsupported Redis URL scheme: {parts.scheme!r}")
        reader, writer = await asyncio.wait_for(opening, timeout)
        connection = cls(reader, writer)
        if parts.password:
            credentials = [unquote(parts.password)]
            if parts.username:
                credentials.insert(0, unquote(parts.username))
            connection.write("AUTH", *credentials)
            reply = await asyncio.wait_for(connection.read(), timeout)
            if isinstance(reply, RespError):
                connection.close()
                raise reply
        if name:
            connection.write("CLIENT", "SETNAME", name)
            reply = await asyncio.wait_for(connection.read(), timeout)
            if isinstance(reply, RespError):
                connection.close()
                raise reply
        return connection

    def write(self, *parts: str | bytes) -> None:
        self.writer.write(_command(*parts))

    async def read(self):
        """The next reply or push: bytes, int, list, None or a RespError (not raised)."""
        line = await self.reader.readuntil(b"\r\n")
        kind, rest = line[:1], line[1:-2]
        if kind == b"*":
            count = int(rest)
            return None if count < 0 else [await self.read() for _ in range(count)]
        if kind == b"$":
            size = int(rest)
            if size < 0:
                return None
            return (await self.reader.readexactly(size + 2))[:-2]
        if kind == b":":
            return int(rest)
        if kind == b"+":
            return rest
        if kind == b"-":
            return RespError(rest.decode(errors="replace"))
        raise RespError(f"unexpected reply from Redis: {line[:40]!r}")

    def close(self) -> None:
        self.writer.close()

    async def aclose(self) -> None:
        self.writer.close()
        with contextlib.suppress(OSError):
            await self.writer.wait_closed()
