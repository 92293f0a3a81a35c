"""Where cached pages live: Redis (shared by every process) or this process's memory.

An entry is one value: a JSON head (status, headers, ETag, generation, time stored), a
newline, the body. The generation is read together with the entry (one ``MGET``): an
entry of an older generation is never served.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from . import conf

logger = logging.getLogger(__name__)

LOCAL_MAX_ENTRIES = 2000


@dataclass(frozen=True)
class Entry:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    etag: str
    generation: int
    stored_at: float

    def dump(self) -> bytes:
        head = {
            "s": self.status,
            "h": self.headers,
            "e": self.etag,
            "g": self.generation,
            "t": self.stored_at,
        }
        return json.dumps(head, separators=(",", ":")).encode() + b"\n" + self.body

    @classmethod
    def load(cls, raw: bytes) -> Entry | None:
        head, sep, body = raw.partition(b"\n")
        if not sep:
            return None
        try:
            data = json.loads(head)
            return cls(
                status=int(data["s"]),
                headers=[(str(k), str(v)) for k, v in data["h"]],
                body=body,
                etag=str(data["e"]),
                generation=int(data["g"]),
                stored_at=float(data["t"]),
            )
        except (ValueError, KeyError, TypeError):
            return None


def page_key(scheme: str, host: str, path: str, query: str) -> str:
    """The same for the middleware and the ASGI front: scheme, host as sent, path, query."""
    raw = f"{scheme}://{host.lower()}{path}?{query}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(raw).hexdigest()[:40]


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


class LocalStore:
    """The embedded default (demo, one process): a bounded LRU dict in memory."""

    def __init__(self) -> None:
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._generation = 0
        self._lock = threading.Lock()

    def generation(self) -> int:
        return self._generation

    def bump(self) -> int:
        with self._lock:
            self._generation += 1
            self._entries.clear()  # nothing of an older generation is served anyway
            return self._generation

    def get(self, key: str) -> tuple[int, Entry | None]:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return self._generation, None
            expires, raw = found
            if expires < time.time():
                del self._entries[key]
                return self._generation, None
            self._entries.move_to_end(key)
            return self._generation, Entry.load(raw)

    async def aget(self, key: str) -> tuple[int, Entry | None]:
        return self.get(key)

    def put(self, key: str, entry: Entry, seconds: int) -> None:
        with self._lock:
            if entry.generation != self._generation:
                return  # rendered before a change: never stored
            self._entries[key] = (time.time() + seconds, entry.dump())
            self._entries.move_to_end(key)
            while len(self._entries) > LOCAL_MAX_ENTRIES:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


class RedisStore:
    """Production: one cache for all workers. The generation is a Redis counter, so a change
    saved in one process is seen by the next request in every other."""

    def __init__(self, url: str, prefix: str) -> None:
        import redis

        self.url = url
        self.generation_key = f"{prefix}:pagecache:generation"
        self.entry_prefix = f"{prefix}:pagecache:page:"
        self._client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self._async: dict[int, object] = {}

    def _key(self, key: str) -> str:
        return self.entry_prefix + key

    def generation(self) -> int:
        return int(self._client.get(self.generation_key) or 0)

    def bump(self) -> int:
        return int(self._client.incr(self.generation_key))

    @staticmethod
    def _parse(values) -> tuple[int, Entry | None]:
        generation = int(values[0] or 0)
        return generation, (Entry.load(values[1]) if values[1] else None)

    def get(self, key: str) -> tuple[int, Entry | None]:
        return self._parse(self._client.mget([self.generation_key, self._key(key)]))

    async def aget(self, key: str) -> tuple[int, Entry | None]:
        client = self._async_client()
        return self._parse(await client.mget([self.generation_key, self._key(key)]))

    def _async_client(self):
        """One asyncio client per event loop (uvicorn: one loop per process)."""
        import redis.asyncio

        loop = asyncio.get_running_loop()
        client = self._async.get(id(loop))
        if client is None:
            client = redis.asyncio.Redis.from_url(
                self.url, socket_timeout=2, socket_connect_timeout=2
            )
            self._async = {id(loop): client}  # an old loop's client is dropped
        return client

    def put(self, key: str, entry: Entry, seconds: int) -> None:
        # stored only if the generation is still the one the page was rendered in: a
        # change committed during rendering must not be hidden by this older page
        self._client.eval(
            "if tonumber(redis.call('GET', KEYS[1]) or '0') == tonumber(ARGV[1]) then "
            "redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3]) end return 0",
            2,
            self.generation_key,
            self._key(key),
            entry.generation,
            entry.dump(),
            seconds,
        )

    def clear(self) -> None:
        for key in self._client.scan_iter(match=self.entry_prefix + "*", count=500):
            self._client.delete(key)


_store: LocalStore | RedisStore | None = None
_store_config: tuple | None = None
_lock = threading.Lock()


def get_store() -> LocalStore | RedisStore:
    """The store of the current settings (tests switch settings; a change makes a new one)."""
    global _store, _store_config
    config = (conf.redis_url(), conf.key_prefix())
    if _store is None or config != _store_config:
        with _lock:
            if _store is None or config != _store_config:
                url, prefix = config
                _store = RedisStore(url, prefix) if url else LocalStore()
                _store_config = config
    return _store
