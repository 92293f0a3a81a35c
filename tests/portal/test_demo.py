"""The demo is loaded idempotently and creates one login per role."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from wagtail.models import Page, Site

from portal.core.models import TownSettings
from portal.demo import content
from portal.demo.seed import seed
from portal.pages.models import IndexPage

pytestmark = pytest.mark.django_db


def test_running_the_demo_setup_again_changes_nothing():
    pages = list(Page.objects.values_list("pk", "title", "latest_revision_id").order_by("pk"))
    sites = list(Site.objects.values_list("pk", "hostname", "port").order_by("pk"))

    report = seed(domain="localhost", port=8000)

    assert report.pages_created == 0
    assert (
        list(Page.objects.values_list("pk", "title", "latest_revision_id").order_by("pk")) == pages
    )
    assert list(Site.objects.values_list("pk", "hostname", "port").order_by("pk")) == sites


def test_every_town_has_home_two_sections_with_three_pages_and_legal_pages():
    for town in TownSettings.objects.filter(is_region=False):
        home = town.site.root_page
        sections = home.get_children().live().in_menu().type(IndexPage)
        assert sections.count() == 2
        for section in sections:
            assert section.get_children().live().count() >= 3
        menu = list(home.get_children().live().in_menu().values_list("slug", flat=True))
        assert menu[-3:] == ["vereine", "veranstaltungen", "ehrenamt"]
        slugs = set(home.get_children().values_list("slug", flat=True))
        assert {"impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"} <= slugs


def test_demo_content_is_specific_to_each_town():
    bodies = [str(t["sections"][1]["pages"][0]["body"]) for t in content.TOWNS]
    assert len(set(bodies)) == len(bodies)
    assert all("lorem" not in b.lower() for b in bodies)


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("admin", "demo-admin"),
        ("redaktion.region", "demo-region"),
        ("redaktion.bruchsal", "demo-bruchsal"),
        ("redaktion.buehl", "demo-buehl"),
    ],
)
def test_demo_logins_work(username, password):
    request = RequestFactory().post("/admin/login/", REMOTE_ADDR="127.0.0.1")
    assert authenticate(request, username=username, password=password) is not None


def test_seed_command_prints_all_sites_and_logins(capsys):
    call_command("seed_demo", port=8000)
    out = capsys.readouterr().out

    assert "http://localhost:8000/" in out
    assert "http://bruchsal.localhost:8000/" in out
    assert "redaktion.stutensee" in out and "demo-stutensee" in out
    assert "http://localhost:8000/admin/" in out
