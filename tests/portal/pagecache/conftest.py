from __future__ import annotations

import os
import uuid

import pytest

from portal.pagecache import store


@pytest.fixture
def page_cache(settings):
    """The page cache switched on, in this process's memory, empty. Through pytest-django's
    ``settings`` only: mixed with ``override_settings``, a test that also changes
    ``settings`` would leave the page cache switched on for every later test."""
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_REDIS_URL = None
    settings.PAGE_CACHE_KEY_PREFIX = f"test-{uuid.uuid4().hex[:8]}"
    store.get_store().clear()
    yield store.get_store()
    store.get_store().clear()


@pytest.fixture
def redis_page_cache(settings):
    """The page cache on the real Redis of REDIS_URL (as every worker in production)."""
    from tests.utils import need

    url = os.environ.get("REDIS_URL")
    need(bool(url), "REDIS_URL not set: the Redis page store needs a Redis server")
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_REDIS_URL = url
    settings.PAGE_CACHE_KEY_PREFIX = f"test-pagecache-{uuid.uuid4().hex[:8]}"
    current = store.get_store()
    yield current
    current.clear()
    current._client.delete(current.generation_key)
