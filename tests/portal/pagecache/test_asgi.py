"""Hits under ASGI are answered in front of Django: the same key as the middleware's,
the same answer, and nothing personal."""

from __future__ import annotations

import asyncio

import pytest

from portal.pagecache.asgi import PageCacheApp

pytestmark = pytest.mark.django_db


class Django:
    """Stands for the Django application behind the front: records being reached."""

    def __init__(self):
        self.calls = 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"from django"})


def request(app, *, method="GET", path="/", query=b"", headers=()):
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "root_path": "",
        "query_string": query,
        "scheme": "http",
        "headers": [(b"host", b"bruchsal.localhost:8000"), *headers],
    }
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = sent[0]
    return start["status"], dict(start["headers"]), b"".join(m.get("body", b"") for m in sent[1:])


@pytest.fixture
def stored_home(page_cache, site_client):
    response = site_client("bruchsal").get("/")
    assert response["X-Page-Cache"] == "MISS"
    return response


def test_a_stored_page_is_served_without_django(stored_home):
    django = Django()
    status, headers, body = request(PageCacheApp(django))
    assert django.calls == 0
    assert status == 200
    assert body == stored_home.content
    assert headers[b"x-page-cache"] == b"HIT"
    assert headers[b"etag"].decode() == stored_home["ETag"]
    assert headers[b"content-type"] == b"text/html; charset=utf-8"
    assert headers[b"content-length"] == str(len(body)).encode()
    assert headers[b"cache-control"] == b"public, max-age=0, s-maxage=600"


def test_conditional_and_head_requests(stored_home):
    django = Django()
    status, headers, body = request(
        PageCacheApp(django), headers=[(b"if-none-match", stored_home["ETag"].encode())]
    )
    assert (status, body) == (304, b"")
    status, headers, body = request(PageCacheApp(django), method="HEAD")
    assert (status, body) == (200, b"")
    assert django.calls == 0


@pytest.mark.parametrize(
    "headers",
    [
        [(b"cookie", b"csrftoken=abc; sessionid=xyz")],
        [(b"cookie", b"messages=abc")],
        [(b"authorization", b"Bearer secret")],
    ],
)
def test_visitors_with_a_session_message_or_credentials_reach_django(stored_home, headers):
    django = Django()
    assert request(PageCacheApp(django), headers=headers)[2] == b"from django"
    assert django.calls == 1


def test_other_cookies_still_get_the_page(stored_home):
    django = Django()
    status, headers, body = request(
        PageCacheApp(django), headers=[(b"cookie", b"csrftoken=abc; consent=1")]
    )
    assert headers[b"x-page-cache"] == b"HIT"
    assert django.calls == 0


def test_misses_posts_and_other_paths_reach_django(stored_home):
    django = Django()
    request(PageCacheApp(django), path="/rathaus-service/")
    request(PageCacheApp(django), method="POST")
    request(PageCacheApp(django), query=b"q=1")
    assert django.calls == 3


def test_a_change_makes_the_stored_page_unservable(stored_home, page_cache):
    page_cache.bump()
    django = Django()
    request(PageCacheApp(django))
    assert django.calls == 1


def test_switched_off_everything_reaches_django(stored_home, settings):
    settings.PAGE_CACHE_ENABLED = False
    django = Django()
    request(PageCacheApp(django))
    assert django.calls == 1
