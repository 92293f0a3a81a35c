"""Factories of the widget tests: a published content page with sensor blocks, and
hourly/daily aggregates written directly (a year of them, without a year of raw data)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from wagtail.models import Site

from portal.pages.models import ContentPage
from sensor_widgets.models import ObservationAggregate


def content_page(town: str, body: list, slug: str = "messwerte") -> ContentPage:
    """A published content page of ``town`` ("region" for the regional site) whose body
    is ``[(block name, raw value), …]`` – raw as stored: datastreams by id."""
    hostname = "localhost" if town == "region" else f"{town}.localhost"
    home = Site.objects.get(hostname=hostname).root_page
    raw = [{"type": name, "value": value} for name, value in body]
    page = ContentPage(title="Messwerte", slug=slug, body=raw)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def path_of(page) -> str:
    return urlsplit(page.full_url).path


def aggregates(stream, period: str, starts: list[dt.datetime], values: list[float]) -> None:
    """One aggregate per start: four readings around each value (mean = value)."""
    ObservationAggregate.objects.bulk_create(
        ObservationAggregate(
            datastream=stream,
            period=period,
            start=start,
            count=4,
            total=value * 4,
            minimum=value - 1,
            maximum=value + 1,
        )
        for start, value in zip(starts, values, strict=True)
    )


def hours_back(count: int, now: dt.datetime) -> list[dt.datetime]:
    hour = now.astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)
    return [hour - dt.timedelta(hours=count - 1 - i) for i in range(count)]


def days_back(count: int, now: dt.datetime) -> list[dt.datetime]:
    day = now.astimezone(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return [day - dt.timedelta(days=count - 1 - i) for i in range(count)]
