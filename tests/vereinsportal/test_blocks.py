"""The "Veranstaltungen" and "Vereine" blocks on content and home pages."""

import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import Site

from portal.pages.models import ContentPage, HomePage, RegionHomePage
from tests.vereinsportal.factories import (
    calendar_page,
    category,
    club_index,
    club_page,
    event_page,
)
from tests.vereinsportal.factories_clubs import days_ahead, no_clubs_anywhere
from vereinsportal.blocks import ClubsBlock, UpcomingEventsBlock
from vereinsportal.models import EventOccurrence

pytestmark = pytest.mark.django_db


def content_page(town: str, body: list, slug: str = "block-test") -> ContentPage:
    home = Site.objects.get(
        hostname="localhost" if town == "region" else f"{town}.localhost"
    ).root_page
    page = ContentPage(title="Blöcke", slug=slug, body=body)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def render(site_client, town, page) -> str:
    response = site_client(town).get(urlsplit(page.full_url).path)
    assert response.status_code == 200
    return response.content.decode()


def event_titles(html: str) -> list[str]:
    return re.findall(r'class="event-item__title"><a href="[^"]+">([^<]+)</a>', html)


def club_titles(html: str) -> list[str]:
    return re.findall(r'class="club-teaser__title"><a href="[^"]+">([^<]+)</a>', html)


def test_both_blocks_are_offered_on_home_and_content_pages():
    for model in (HomePage, RegionHomePage, ContentPage):
        child_blocks = model._meta.get_field("body").stream_block.child_blocks
        assert isinstance(child_blocks["upcoming_events"], UpcomingEventsBlock)
        assert isinstance(child_blocks["clubs"], ClubsBlock)


@pytest.fixture
def events():
    no_clubs_anywhere()
    category("Musik")
    choir = club_page("bruchsal", "Chorgemeinschaft Bruchsal")
    sports = club_page("bruchsal", "TV Bruchsal")
    bretten = club_page("bretten", "Schachclub Bretten")
    event_page(choir, "Konzert", start=days_ahead(40), categories=["Musik"])
    event_page(choir, "Alter Auftritt", start=days_ahead(-40), categories=["Musik"])
    event_page(sports, "Turnier", start=days_ahead(10, 10), categories=["Sport"])
    event_page(sports, "Training", start=days_ahead(12, 18), recurrence="FREQ=WEEKLY;COUNT=20")
    cancelled = event_page(sports, "Ausgefallen", start=days_ahead(11, 18))
    EventOccurrence.objects.filter(event=cancelled).update(cancelled=True)
    event_page(bretten, "Schachturnier", start=days_ahead(9, 10))
    return {"choir": choir, "sports": sports, "bretten": bretten}


def test_upcoming_events_of_the_town_in_order(site_client, events):
    calendar = calendar_page("bruchsal")
    page = content_page("bruchsal", [("upcoming_events", {"title": "Was los ist", "count": 4})])
    html = render(site_client, "bruchsal", page)
    assert "<h2>Was los ist</h2>" in html
    assert event_titles(html) == ["Turnier", "Training", "Training", "Training"]
    assert "Schachturnier" not in html and "Ausgefallen" not in html
    assert "Alter Auftritt" not in html
    assert f'href="{urlsplit(calendar.full_url).path}"' in html


def test_upcoming_events_of_a_category_or_a_club(site_client, events):
    page = content_page(
        "bruchsal",
        [
            ("upcoming_events", {"title": "Musik", "count": 5, "category": "musik"}),
            ("upcoming_events", {"title": "Chor", "count": 12, "club": events["choir"]}),
        ],
    )
    html = render(site_client, "bruchsal", page)
    music = html[html.index("<h2>Musik</h2>") : html.index("<h2>Chor</h2>")]
    choir = html[html.index("<h2>Chor</h2>") :]
    assert event_titles(music) == ["Konzert"]
    assert event_titles(choir) == ["Konzert"]
    club_path = urlsplit(events["choir"].full_url).path
    assert f'href="{club_path}veranstaltungen/"' in choir


def test_regional_page_shows_every_town_with_its_name(site_client, events):
    page = content_page("region", [("upcoming_events", {"title": "Region", "count": 2})])
    html = render(site_client, "region", page)
    assert event_titles(html) == ["Schachturnier", "Turnier"]
    assert "Schachclub Bretten · Bretten" in html
    assert "TV Bruchsal · Bruchsal" in html


def test_upcoming_events_empty_state(site_client):
    no_clubs_anywhere()
    page = content_page("bruchsal", [("upcoming_events", {"title": "Termine", "count": 3})])
    html = render(site_client, "bruchsal", page)
    assert "Zurzeit sind hier keine Veranstaltungen angekündigt." in html


def test_clubs_block_a_to_z_of_the_town_and_category(site_client):
    no_clubs_anywhere()
    index = club_index("bruchsal")
    club_page("bruchsal", "Zitherfreunde", categories=["Musik"])
    club_page("bruchsal", "Ärztesport", categories=["Sport"])
    club_page("bruchsal", "Bogenschützen", categories=["Sport"])
    club_page("bruchsal", "Entwurf", live=False)
    club_page("bretten", "Anglerverein Bretten")
    page = content_page(
        "bruchsal",
        [
            ("clubs", {"title": "Vereine A–Z", "count": 2, "order": "az"}),
            ("clubs", {"title": "Musik", "count": 6, "order": "random", "category": "musik"}),
            ("clubs", {"title": "Neu", "count": 1, "order": "newest"}),
        ],
    )
    html = render(site_client, "bruchsal", page)
    az = html[html.index("<h2>Vereine A–Z</h2>") : html.index("<h2>Musik</h2>")]
    music = html[html.index("<h2>Musik</h2>") : html.index("<h2>Neu</h2>")]
    newest = html[html.index("<h2>Neu</h2>") :]
    assert club_titles(az) == ["Ärztesport", "Bogenschützen"]
    assert club_titles(music) == ["Zitherfreunde"]
    assert club_titles(newest) == ["Bogenschützen"]
    assert f'href="{urlsplit(index.full_url).path}"' in az


def test_clubs_block_regional_and_empty(site_client):
    no_clubs_anywhere()
    empty = content_page("bruchsal", [("clubs", {"title": "Vereine", "count": 3, "order": "az"})])
    assert "Hier sind noch keine Vereine eingetragen." in render(site_client, "bruchsal", empty)
    club_page("bretten", "Anglerverein Bretten")
    club_page("bruchsal", "TV Bruchsal")
    page = content_page(
        "region", [("clubs", {"title": "Vereine", "count": 5, "order": "az"})], slug="region-test"
    )
    html = render(site_client, "region", page)
    assert club_titles(html) == ["Anglerverein Bretten", "TV Bruchsal"]
    assert '<p class="club-teaser__town">Bretten</p>' in html


def test_block_previews_render_without_a_page():
    no_clubs_anywhere()
    for block in (UpcomingEventsBlock(), ClubsBlock()):
        value = block.get_preview_value()
        html = block.render(value, context=block.get_preview_context(value))
        assert "empty-state" in html
