"""The page cache as a visitor meets it: the second anonymous request of a page is served
from the cache without a query; nothing personal is ever stored."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page, Site

from tests.conftest import host

pytestmark = pytest.mark.django_db


def town_home(slug: str = "bruchsal") -> Page:
    return Site.objects.get(hostname=host(slug).split(":")[0]).root_page.specific


def test_second_anonymous_request_is_a_hit_without_sql(
    page_cache, site_client, django_assert_num_queries
):
    client = site_client("bruchsal")
    first = client.get("/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "MISS"
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=600"
    assert first["ETag"].startswith('"')
    assert "Accept-Language" not in first.get("Vary", "")
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second["X-Page-Cache"] == "HIT"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]
    assert town_home().title.encode() in second.content


def test_revalidation_with_the_etag_answers_304(page_cache, site_client):
    client = site_client("bruchsal")
    etag = client.get("/")["ETag"]
    again = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert again.content == b""
    assert client.get("/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_towns_and_paths_are_cached_apart(page_cache, site_client):
    bruchsal = site_client("bruchsal").get("/")
    rastatt = site_client("rastatt").get("/")
    assert rastatt["X-Page-Cache"] == "MISS"
    assert town_home("rastatt").title.encode() in rastatt.content
    assert bruchsal.content != rastatt.content
    english = site_client("bruchsal").get("/en/")
    assert english.status_code in {200, 302, 404}
    assert english.get("X-Page-Cache") != "HIT"


def test_a_logged_in_editor_is_never_served_nor_stored(page_cache, site_client):
    site_client("bruchsal").get("/")  # stored for anonymous visitors
    editor = get_user_model().objects.get(username="redaktion.bruchsal")
    client = site_client("bruchsal", Client())
    client.force_login(editor)
    response = client.get("/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    # what the editor saw was not stored for others either
    assert site_client("bruchsal").get("/")["X-Page-Cache"] == "HIT"


def test_a_pending_message_bypasses_the_cache(page_cache, site_client):
    site_client("bruchsal").get("/")
    client = site_client("bruchsal")
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get("/")


def test_a_page_with_a_form_token_is_not_stored(page_cache, site_client):
    from vereinsportal.models import EventPage

    for event in EventPage.objects.live().filter(signup_enabled=True):
        site = event.get_site()
        client = Client(HTTP_HOST=f"{site.hostname}:{site.port}")
        response = client.get(event.relative_url(site))
        if b"csrfmiddlewaretoken" in response.content:
            break
    else:
        pytest.fail("the demo has no event page with a sign-up form")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")
    assert response.cookies  # the visitor's own CSRF token
    assert "X-Page-Cache" not in client.get(event.relative_url(site))


def test_views_outside_wagtail_pages_are_not_stored(page_cache, site_client):
    client = site_client("bruchsal")
    response = client.get("/healthz")
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in client.get("/healthz")


def test_the_search_page_is_cached_and_refreshed(page_cache, site_client):
    client = site_client("bruchsal")
    first = client.get("/suche/", {"q": "Bürgerbüro"})
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "MISS"
    assert client.get("/suche/", {"q": "Bürgerbüro"})["X-Page-Cache"] == "HIT"
    assert client.get("/suche/", {"q": "Rathaus"})["X-Page-Cache"] == "MISS"


def test_switched_off_nothing_is_stored(site_client, settings):
    settings.PAGE_CACHE_ENABLED = False
    client = site_client("bruchsal")
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")


def test_head_is_answered_from_the_cache_without_body(page_cache, site_client):
    client = site_client("bruchsal")
    client.get("/")
    head = client.head("/")
    assert head["X-Page-Cache"] == "HIT"
    assert head.content == b""


def test_a_page_with_live_sensor_values_is_kept_one_minute(page_cache, site_client):
    from portal.demo import sensor_content

    page = Page.objects.live().descendant_of(town_home()).get(slug=sensor_content.PAGE_SLUG)
    site = page.get_site()
    client = Client(HTTP_HOST=f"{site.hostname}:{site.port}")
    response = client.get(page.relative_url(site))
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
