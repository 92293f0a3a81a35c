from __future__ import annotations

import os
import uuid

import pytest
from django.test import override_settings

from portal.pagecache import store


@pytest.fixture
def page_cache(settings):
    """The page cache switched on, in this process's memory, empty."""
    with override_settings(
        PAGE_CACHE_ENABLED=True,
        PAGE_CACHE_REDIS_URL=None,
        PAGE_CACHE_KEY_PREFIX=f"test-{uuid.uuid4().hex[:8]}",
    ):
        store.get_store().clear()
        yield store.get_store()
        store.get_store().clear()


@pytest.fixture
def redis_page_cache(settings):
    """The page cache on the real Redis of REDIS_URL (as every worker in production)."""
    from tests.utils import need

    url = os.environ.get("REDIS_URL")
    need(bool(url), "REDIS_URL not set: the Redis page store needs a Redis server")
    prefix = f"test-pagecache-{uuid.uuid4().hex[:8]}"
    with override_settings(
        PAGE_CACHE_ENABLED=True, PAGE_CACHE_REDIS_URL=url, PAGE_CACHE_KEY_PREFIX=prefix
    ):
        current = store.get_store()
        yield current
        current.clear()
        current._client.delete(current.generation_key)
