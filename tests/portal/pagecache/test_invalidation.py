"""Always correct: whatever a page shows, changing it makes the next visitor see the change."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from tests.conftest import host

pytestmark = pytest.mark.django_db


def home(slug="bruchsal"):
    return Site.objects.get(hostname=host(slug).split(":")[0]).root_page.specific


@pytest.fixture
def cached(page_cache, site_client):
    """Bruchsal's and Rastatt's home pages in the cache."""
    clients = {slug: site_client(slug) for slug in ("bruchsal", "rastatt")}
    for client in clients.values():
        client.get("/")
        assert client.get("/")["X-Page-Cache"] == "HIT"
    return clients


def test_publishing_a_page_refreshes_every_town(cached, django_capture_on_commit_callbacks):
    page = home()
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Willkommen im neuen Bruchsal"
        page.save_revision().publish()
    response = cached["bruchsal"].get("/")
    assert response["X-Page-Cache"] == "MISS"
    assert "Willkommen im neuen Bruchsal" in response.text
    # one generation for the installation: the regional pages list every town
    assert cached["rastatt"].get("/")["X-Page-Cache"] == "MISS"
    assert cached["bruchsal"].get("/")["X-Page-Cache"] == "HIT"


def test_unpublishing_a_child_page_refreshes_its_listing(cached, site_client):
    child = home().get_children().live().first().specific
    path = child.relative_url(child.get_site())
    client = cached["bruchsal"]
    client.get(path)
    assert client.get(path)["X-Page-Cache"] == "HIT"
    child.unpublish()
    assert client.get(path).status_code == 404
    assert client.get("/")["X-Page-Cache"] == "MISS"


def test_moving_a_page_refreshes(cached):
    page = home()
    children = list(page.get_children().live()[:2])
    children[1].move(children[0], pos="left")
    assert cached["bruchsal"].get("/")["X-Page-Cache"] == "MISS"


def test_a_snippet_change_refreshes(cached):
    from blocks.models import Contact

    contact = Contact.objects.first()
    contact.name = contact.name + " (neu)"
    contact.save()
    assert cached["bruchsal"].get("/")["X-Page-Cache"] == "MISS"


def test_a_town_setting_or_theme_change_refreshes(cached):
    from portal.core.models import TownSettings

    settings_row = TownSettings.objects.first()
    settings_row.save()
    assert cached["rastatt"].get("/")["X-Page-Cache"] == "MISS"


def test_an_event_change_refreshes(cached):
    from vereinsportal.models import EventOccurrence

    occurrence = EventOccurrence.objects.first()
    occurrence.save()
    assert cached["bruchsal"].get("/")["X-Page-Cache"] == "MISS"


def test_a_service_text_change_refreshes(cached):
    from services.models import Leistung

    leistung = Leistung.objects.first()
    leistung.save()
    assert cached["bruchsal"].get("/")["X-Page-Cache"] == "MISS"


def test_changes_no_page_shows_keep_the_cache(cached):
    from portal.core.models import OutboxMessage
    from services.models import Case

    Case.objects.first().save()
    OutboxMessage.objects.create(to=["a@example.org"], subject="Ihr Antrag", body="Danke")
    assert cached["bruchsal"].get("/")["X-Page-Cache"] == "HIT"


def test_a_page_rendered_before_a_change_is_not_stored(page_cache, site_client, monkeypatch):
    """A change committed while a page renders: the older page must not be kept."""
    from portal.pagecache import store

    original = store.LocalStore.put

    def put_after_a_change(self, key, entry, seconds):
        self.bump()  # someone published while this page was rendered
        return original(self, key, entry, seconds)

    monkeypatch.setattr(store.LocalStore, "put", put_after_a_change)
    client = site_client("bruchsal")
    client.get("/")
    monkeypatch.setattr(store.LocalStore, "put", original)
    assert client.get("/")["X-Page-Cache"] == "MISS"


def test_the_proxy_is_purged_for_every_town_after_the_commit(
    cached, settings, django_capture_on_commit_callbacks, monkeypatch
):
    purged = []
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    from wagtail.contrib.frontend_cache.backends import HTTPBackend

    monkeypatch.setattr(HTTPBackend, "purge", lambda self, url: purged.append(url))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = home()
        page.save_revision().publish()
    # Wagtail purges the page at once; the whole installation is purged after the commit
    # (a purge before it could let the proxy fetch the old page again)
    before_commit = list(purged)
    roots = {f"http://{host(slug)}/" for slug in ("bruchsal", "rastatt", None)}
    assert not roots <= set(before_commit)
    for callback in callbacks:
        callback()
    assert roots <= set(purged[len(before_commit) :])


def test_invalidate_pages_command_forgets_everything(cached):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("invalidate_pages", stdout=out)
    assert "Seiten-Cache verworfen" in out.getvalue()
    assert cached["bruchsal"].get("/")["X-Page-Cache"] == "MISS"
