"""The sensor blocks in pages: what a citizen reads without JavaScript."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from portal.pages.models import ContentPage, HomePage, RegionHomePage
from sensor_widgets.blocks import (
    SensorAlertsBlock,
    SensorChartBlock,
    SensorMapBlock,
    SensorTableBlock,
    SensorValuesBlock,
)
from sensor_widgets.models import Datastream

from .factories import datastream, observe
from .factories_widgets import content_page, path_of

pytestmark = pytest.mark.django_db
UTC = dt.UTC


def soup_of(site_client, town: str, page, query: str = "") -> BeautifulSoup:
    response = site_client(town).get(path_of(page) + query)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_all_five_blocks_are_offered_on_home_and_content_pages():
    expected = {
        "sensor_values": SensorValuesBlock,
        "sensor_chart": SensorChartBlock,
        "sensor_map": SensorMapBlock,
        "sensor_table": SensorTableBlock,
        "sensor_alerts": SensorAlertsBlock,
    }
    for model in (HomePage, RegionHomePage, ContentPage):
        child_blocks = model._meta.get_field("body").stream_block.child_blocks
        for name, block_class in expected.items():
            assert isinstance(child_blocks[name], block_class)


def test_tile_shows_value_in_german_with_unit_time_and_status(site_client):
    stream = datastream(
        name="Lufttemperatur Marktplatz",
        unit_symbol="°C",
        decimals=1,
        physical_min=-50,
        physical_max=5000,
    )
    now = timezone.now().replace(microsecond=0)
    observe(stream, [1234.56], start=now - dt.timedelta(minutes=5))
    page = content_page(
        "rastatt", [("sensor_values", {"title": "Wetter", "datastreams": [stream.pk]})]
    )
    soup = soup_of(site_client, "rastatt", page)
    tile = soup.select_one(".sensor-tile")
    assert tile.select_one("h3").get_text() == "Lufttemperatur Marktplatz"
    assert tile.select_one("[data-sensor-value]").get_text() == "1.234,6\u00a0°C"
    assert text(tile.select_one(".sensor-tile__status")) == "Status: normal"
    assert tile.select_one("[data-sensor-ago]").get_text() == "vor 5 Minuten"
    time = tile.select_one("time")
    assert time["datetime"] == (now - dt.timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
    local = timezone.localtime(now - dt.timedelta(minutes=5))
    assert time.get_text() == f"{local:%d.%m.%Y, %H:%M} Uhr"
    # the page opens one socket for its widgets: the script and its settings are there once
    assert len(soup.select("script[src$='sensor_widgets/live.js']")) == 1
    assert soup.select_one("#sensor-widgets-config") is not None


@pytest.mark.parametrize(
    ("values", "direction", "status"),
    [
        ([250], "above", "normal"),
        ([310], "above", "Warnstufe"),
        ([410], "above", "Alarmstufe"),
        ([40], "below", "Alarmstufe"),
    ],
)
def test_status_in_words_by_thresholds(site_client, values, direction, status):
    levels = (300, 400) if direction == "above" else (100, 50)
    stream = datastream(direction=direction, warning_level=levels[0], alarm_level=levels[1])
    observe(stream, values, start=timezone.now() - dt.timedelta(minutes=3))
    page = content_page("rastatt", [("sensor_values", {"title": "P", "datastreams": [stream.pk]})])
    tile = soup_of(site_client, "rastatt", page).select_one(".sensor-tile")
    assert tile.select_one("[data-sensor-status]").get_text() == status


def test_old_value_is_shown_as_no_current_data(site_client):
    stream = datastream(stale_after_minutes=60, warning_level=300)
    observe(stream, [350], start=timezone.now() - dt.timedelta(hours=3))
    never = datastream(name="Neuer Pegel")
    page = content_page(
        "rastatt", [("sensor_values", {"title": "P", "datastreams": [stream.pk, never.pk]})]
    )
    old, empty = soup_of(site_client, "rastatt", page).select(".sensor-tile")
    assert old.select_one("[data-sensor-status]").get_text() == "keine aktuellen Daten"
    assert old.select_one("[data-sensor-value]").get_text() == "350\u00a0cm"  # still readable
    assert old.select_one("[data-sensor-ago]").get_text() == "vor 3 Stunden"
    assert empty.select_one("[data-sensor-value]").get_text() == "kein Wert"
    assert empty.select_one("[data-sensor-ago]").get_text() == "noch kein Messwert"


def test_another_towns_and_hidden_datastreams_are_left_out(site_client):
    own = datastream("rastatt", name="Pegel Murg")
    foreign = datastream("gaggenau", name="Pegel Gaggenau")
    hidden = datastream("rastatt", name="Intern", public=False)
    deleted = datastream("rastatt", name="Gelöscht")
    deleted_pk = deleted.pk
    page = content_page(
        "rastatt",
        [
            (
                "sensor_values",
                {"title": "P", "datastreams": [foreign.pk, own.pk, hidden.pk, deleted_pk]},
            ),
            ("sensor_table", {"title": "Alle", "datastreams": [foreign.pk, own.pk]}),
            ("sensor_chart", {"title": "Fremd", "datastream": foreign.pk, "range": "24h"}),
        ],
    )
    Datastream.objects.filter(pk=deleted_pk).delete()
    soup = soup_of(site_client, "rastatt", page)
    html = str(soup)
    assert [t.get_text() for t in soup.select(".sensor-tile h3")] == ["Pegel Murg"]
    assert [text(th) for th in soup.select(".sensor-table tbody th")] == [
        f"{own.thing.name}: Pegel Murg"
    ]
    assert "Pegel Gaggenau" not in html and "Intern" not in html and "Fremd" not in html
    assert "nicht angezeigt" not in html  # the hint is for the editor's preview only


def test_regional_page_shows_every_towns_datastreams(site_client):
    rastatt = datastream("rastatt", name="Pegel Murg")
    gaggenau = datastream("gaggenau", name="Pegel Gaggenau")
    page = content_page(
        "region",
        [("sensor_values", {"title": "Region", "datastreams": [rastatt.pk, gaggenau.pk]})],
    )
    soup = soup_of(site_client, "region", page)
    assert [t.get_text() for t in soup.select(".sensor-tile h3")] == [
        "Pegel Murg",
        "Pegel Gaggenau",
    ]


def test_empty_states(site_client):
    page = content_page(
        "bretten",
        [
            ("sensor_values", {"title": "Werte", "datastreams": []}),
            ("sensor_table", {"title": "Tabelle", "datastreams": []}),
            ("sensor_map", {"title": "Karte", "datastreams": [], "description": ""}),
            ("sensor_alerts", {"datastreams": []}),
        ],
    )
    Datastream.objects.filter(thing__site__hostname="bretten.localhost").delete()
    soup = soup_of(site_client, "bretten", page)
    states = [p.get_text() for p in soup.select(".empty-state")]
    assert states == [
        "Zurzeit sind hier keine Messwerte verfügbar.",
        "Zurzeit sind hier keine Messwerte verfügbar.",
        "Zurzeit sind hier keine Messstellen verfügbar.",
    ]
    assert soup.select(".sensor-alerts") == []
    assert "openstreetmap.org/export" not in str(soup)


def test_table_of_the_whole_town_with_caption_and_scopes(site_client):
    Datastream.objects.filter(thing__site__hostname="stutensee.localhost").delete()
    a = datastream(
        "stutensee",
        name="Feinstaub PM10",
        unit_symbol="µg/m³",
        unit_name="Mikrogramm je Kubikmeter",
        decimals=1,
    )
    b = datastream("stutensee", name="Lärm", unit_symbol="dB", decimals=0, public=False)
    datastream("bruchsal", name="Anderswo")
    observe(a, [21.24], start=timezone.now() - dt.timedelta(minutes=10))
    page = content_page(
        "stutensee", [("sensor_table", {"title": "Luft in Stutensee", "datastreams": []})]
    )
    soup = soup_of(site_client, "stutensee", page)
    table = soup.select_one(".sensor-table table")
    assert table.caption.get_text() == "Luft in Stutensee"
    assert [th["scope"] for th in table.select("thead th")] == ["col"] * 5
    rows = [[text(cell) for cell in tr.select("th, td")] for tr in table.select("tbody tr")]
    assert len(rows) == 1 and b.name not in str(table)
    assert rows[0][:4] == [f"{a.thing.name}: Feinstaub PM10", "21,2", "µg/m³", "normal"]
    assert table.select_one("tbody th")["scope"] == "row"


def test_chart_renders_the_series_as_a_table_with_thresholds_in_the_caption(site_client):
    stream = datastream(name="Wasserstand Murg", warning_level=300, alarm_level=400, decimals=1)
    hour = timezone.now().astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    start = hour - dt.timedelta(hours=2) + dt.timedelta(minutes=5)
    observe(stream, [100, 110, 120, 130], start=start, step=dt.timedelta(minutes=10))
    observe(stream, [99.96], start=hour - dt.timedelta(minutes=30))
    page = content_page(
        "rastatt", [("sensor_chart", {"title": "Pegel", "datastream": stream.pk, "range": "24h"})]
    )
    soup = soup_of(site_client, "rastatt", page)
    chart = soup.select_one(".sensor-chart")
    caption = chart.select_one("caption").get_text()
    assert "je Stunde in den letzten 24 Stunden" in caption
    assert "Warnstufe ab 300,0\u00a0cm, Alarmstufe ab 400,0\u00a0cm" in caption
    rows = [[text(c) for c in tr.select("th, td")] for tr in chart.select("tbody tr")]
    assert [r[1:] for r in rows] == [["115,0", "100,0", "130,0"], ["100,0", "100,0", "100,0"]]
    first_hour = timezone.localtime(hour - dt.timedelta(hours=2))
    assert rows[0][0] == f"{first_hour:%d.%m.%Y, %H:%M} Uhr"
    assert chart.select_one("details summary").get_text() == "Werte als Tabelle"
    # the range links work without JavaScript
    links = {a.get_text(): a["href"] for a in chart.select(".sensor-chart__ranges a")}
    assert links == {
        "24 Stunden": f"?sensor_range=24h#{chart['id']}",
        "7 Tage": f"?sensor_range=7d#{chart['id']}",
        "1 Jahr": f"?sensor_range=1y#{chart['id']}",
    }
    assert chart.select_one("[aria-current]").get_text() == "24 Stunden"
    assert soup.select("script[src$='uPlot.iife.min.js']")


def test_range_link_renders_the_chosen_range_on_the_server(site_client):
    stream = datastream(name="Wasserstand Murg")
    page = content_page(
        "rastatt", [("sensor_chart", {"title": "Pegel", "datastream": stream.pk, "range": "24h"})]
    )
    soup = soup_of(site_client, "rastatt", page, "?sensor_range=1y")
    chart = soup.select_one(".sensor-chart")
    assert chart.select_one("[aria-current]").get_text() == "1 Jahr"
    assert "je Tag im letzten Jahr" in chart.select_one("caption").get_text()
    assert chart.select_one("thead th").get_text() == "Tag"
    assert "noch keine Werte" in chart.select_one("tbody").get_text()
    bad = soup_of(site_client, "rastatt", page, "?sensor_range=<script>")
    assert bad.select_one(".sensor-chart [aria-current]").get_text() == "24 Stunden"


def test_alert_banner_is_absent_without_alert_and_clear_with_one(site_client):
    stream = datastream(
        name="Wasserstand Murg",
        warning_level=300,
        alarm_level=400,
        alert_title="Hochwasser-Warnung",
        alert_text="Keller räumen, Ufer meiden.",
    )
    quiet = datastream(name="Pegel ohne Schwelle")
    observe(stream, [250], start=timezone.now() - dt.timedelta(minutes=30))
    page = content_page("rastatt", [("sensor_alerts", {"datastreams": [stream.pk, quiet.pk]})])
    soup = soup_of(site_client, "rastatt", page)
    box = soup.select_one(".sensor-alerts")
    assert box.has_attr("hidden") and text(box) == ""  # nothing to read, only the hook
    assert str(quiet.pk) not in box["data-sensor-alerts"].split(",")

    observe(stream, [420], start=timezone.now() - dt.timedelta(minutes=2))
    soup = soup_of(site_client, "rastatt", page)
    alert = soup.select_one(".sensor-alert")
    assert not soup.select_one(".sensor-alerts").has_attr("hidden")
    assert text(alert.select_one("h2")) == "⚠ Hochwasser-Warnung"
    assert text(alert.select_one(".sensor-alert__level")).startswith("Alarmstufe")
    assert "Aktueller Wert: 420 cm" in text(alert) and "Alarmstufe ab 400 cm" in text(alert)
    assert alert.select_one("time")["datetime"]
    assert "Keller räumen, Ufer meiden." in text(alert)


def test_map_lists_sensors_and_loads_nothing_from_openstreetmap_before_consent(site_client):
    Datastream.objects.filter(thing__site__hostname="buehl.localhost").delete()
    stream = datastream("buehl", name="Pegel Bühlot")
    observe(stream, [88], start=timezone.now() - dt.timedelta(minutes=1))
    page = content_page(
        "buehl",
        [("sensor_map", {"title": "Pegel in Bühl", "datastreams": [], "description": "Am Bach."})],
    )
    soup = soup_of(site_client, "buehl", page)
    item = soup.select_one(".sensor-map__item")
    assert "Pegel Bühlot: 88 cm" in text(item)
    figure = soup.select_one(".sensor-map figure[data-consent-embed]")
    assert figure["data-consent-embed"].startswith("https://www.openstreetmap.org/export/embed")
    # no element that would load from another host by itself
    for tag in soup.select("iframe, img, script[src], link[href]"):
        source = tag.get("src") or tag.get("href")
        assert urlsplit(source).hostname in (None, "buehl.localhost"), source


def test_chart_of_a_year_is_read_in_few_queries(site_client, django_assert_max_num_queries):
    from sensor_widgets.blocks import SensorChartBlock

    from .factories_widgets import aggregates, days_back

    stream = datastream()
    now = timezone.now()
    aggregates(stream, "day", days_back(365, now), [float(i % 50) for i in range(365)])
    block = SensorChartBlock()
    value = block.to_python({"title": "Jahr", "datastream": stream.pk, "range": "1y"})
    with django_assert_max_num_queries(3):
        html = block.render(value, context={})
    assert html.count('<tr><th scope="row">') == 365


def test_town_wide_alert_banner_watches_the_towns_datastreams_with_thresholds(site_client):
    Datastream.objects.filter(thing__site__hostname="ettlingen.localhost").delete()
    gauge = datastream("ettlingen", name="Pegel Alb", warning_level=200, alert_title="Hochwasser")
    datastream("ettlingen", name="Temperatur")  # no thresholds: not watched
    elsewhere = datastream("bruchsal", name="Pegel Saalbach", warning_level=10)
    observe(elsewhere, [50], start=timezone.now() - dt.timedelta(minutes=3))
    page = content_page("ettlingen", [("sensor_alerts", {"datastreams": []})])
    box = soup_of(site_client, "ettlingen", page).select_one(".sensor-alerts")
    assert box["data-sensor-alerts"] == str(gauge.pk) and box.has_attr("hidden")
    observe(gauge, [230], start=timezone.now() - dt.timedelta(minutes=1))
    soup = soup_of(site_client, "ettlingen", page)
    assert [text(h) for h in soup.select(".sensor-alert h2")] == ["⚠ Hochwasser"]
    assert "Saalbach" not in str(soup)


def test_editor_preview_says_what_is_left_out():
    from types import SimpleNamespace

    from sensor_widgets.blocks import SensorValuesBlock

    own = datastream("rastatt")
    hidden = datastream("rastatt", public=False)
    page = content_page("rastatt", [])
    block = SensorValuesBlock()
    value = block.to_python({"title": "P", "datastreams": [own.pk, hidden.pk]})
    request = SimpleNamespace(is_preview=True, GET={})
    html = block.render(value, context={"page": page, "request": request})
    assert "Ein gewählter Datenstrom wird nicht angezeigt" in html
    assert html.count('class="sensor-tile ') == 1


@pytest.mark.parametrize("name", ["sensor_values", "sensor_chart"])
def test_block_preview_in_the_editor_shows_a_sample(name):
    from django.contrib.auth import get_user_model
    from django.test import Client

    stream = datastream(name="Beispielpegel")
    observe(stream, [42], start=timezone.now() - dt.timedelta(minutes=5))
    client = Client(HTTP_HOST="localhost:8000")
    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    block = ContentPage.body.field.stream_block.child_blocks[name]
    response = client.get("/admin/block-preview/", {"id": block.definition_prefix})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select("[data-sensor-ds]")
    assert "None" not in soup.main.get_text(" ")
