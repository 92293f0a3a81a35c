"""Django's Redis cache, degrading instead of failing while Redis is away.

Everything this project and Wagtail keep in the cache (site root paths, the chrome, the
search scope, rate-limit counts, sign-in counts) can be recomputed or recounted: when
Redis cannot be reached, a read is a miss, a write is dropped and ``incr`` answers
"no such key" – pages are rendered from the database instead of answering 500. Rate
limits count nothing meanwhile (they fail open for the minutes of an outage). One
warning per half minute says so in the log.

    CACHES = {"default": {"BACKEND": "portal.core.cache.ResilientRedisCache", ...}}
"""

from __future__ import annotations

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
LOG_EVERY = 30.0  # seconds


def _degrading(fallback):
    """Run the method; while Redis is unreachable return ``fallback(*args)`` instead."""

    def decorate(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                self._unreachable(method.__name__, error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _no_such_key(*args, **kwargs):
    raise ValueError("cache not reachable")


class ResilientRedisCache(RedisCache):
    _last_warning = 0.0

    def _unreachable(self, operation: str, error: Exception) -> None:
        now = time.monotonic()
        if now - ResilientRedisCache._last_warning >= LOG_EVERY:
            ResilientRedisCache._last_warning = now
            logger.warning("cache not reachable (%s): %s", operation, error)

    get = _degrading(lambda key, default=None, version=None: default)(RedisCache.get)
    get_many = _degrading(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _degrading(lambda *args, **kwargs: False)(RedisCache.has_key)
    add = _degrading(lambda *args, **kwargs: False)(RedisCache.add)
    set = _degrading(lambda *args, **kwargs: None)(RedisCache.set)
    set_many = _degrading(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    touch = _degrading(lambda *args, **kwargs: False)(RedisCache.touch)
    delete = _degrading(lambda *args, **kwargs: False)(RedisCache.delete)
    delete_many = _degrading(lambda *args, **kwargs: None)(RedisCache.delete_many)
    incr = _degrading(_no_such_key)(RedisCache.incr)
    clear = _degrading(lambda *args, **kwargs: False)(RedisCache.clear)
