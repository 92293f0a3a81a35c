"""The Redis store: what one worker process stores or invalidates, every other sees."""

from __future__ import annotations

import asyncio
import time

import pytest

from portal.pagecache import store

pytestmark = pytest.mark.django_db


def entry(generation: int, body: bytes = b"<html>Bruchsal</html>") -> store.Entry:
    return store.Entry(
        status=200,
        headers=[("Content-Type", "text/html; charset=utf-8")],
        body=body,
        etag=store.etag_of(body),
        generation=generation,
        stored_at=time.time(),
    )


def test_two_workers_share_pages_and_generation(redis_page_cache):
    one = redis_page_cache
    other = store.RedisStore(one.url, one.generation_key.split(":pagecache:")[0])
    generation = other.generation()
    one.put("home", entry(generation), 60)
    found_generation, found = other.get("home")
    assert found_generation == generation
    assert found.body == b"<html>Bruchsal</html>"
    assert found.headers == [("Content-Type", "text/html; charset=utf-8")]
    one.bump()
    new_generation, still_there = other.get("home")
    assert new_generation == generation + 1
    assert still_there.generation != new_generation  # never served


def test_a_page_of_an_older_generation_is_not_stored(redis_page_cache):
    generation = redis_page_cache.generation()
    redis_page_cache.bump()
    redis_page_cache.put("late", entry(generation), 60)
    assert redis_page_cache.get("late")[1] is None


def test_entries_expire(redis_page_cache):
    redis_page_cache.put("short", entry(redis_page_cache.generation()), 1)
    ttl = redis_page_cache._client.ttl(redis_page_cache._key("short"))
    assert 0 < ttl <= 1


def test_async_reads_from_several_event_loops(redis_page_cache):
    redis_page_cache.put("home", entry(redis_page_cache.generation()), 60)
    for _ in range(2):  # a new loop each time, as tests and management commands do
        generation, found = asyncio.run(redis_page_cache.aget("home"))
        assert found.body == b"<html>Bruchsal</html>"


def test_pages_through_the_middleware_on_redis(redis_page_cache, site_client):
    client = site_client("bruchsal")
    assert client.get("/")["X-Page-Cache"] == "MISS"
    assert client.get("/")["X-Page-Cache"] == "HIT"
