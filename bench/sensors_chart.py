"""Chart block render: the ``sensor_chart`` block of a content page (area D's
``SensorChartBlock``) rendered in-process from a datastream with a year of hourly and
daily aggregates, as the page would render it: the stored block value turned into the
block's value (which fetches the datastream) and rendered with the page and a request of
the town in the context. A fresh request each time (nothing remembered between renders).
Counts the SQL queries of one render."""

from __future__ import annotations

import statistics
import time


def chart_block():
    from portal.pages.streams import domain_blocks

    for name, block in domain_blocks():
        if name == "sensor_chart":
            return block
    raise LookupError("no sensor_chart block in portal.pages.streams.domain_blocks()")


def measure(datastream_id: int, page_id: int, host: str, ranges: list[str], runs: int) -> dict:
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    from .search import percentile

    block = chart_block()
    page = Page.objects.get(pk=page_id).specific
    factory = RequestFactory()

    def render(range_key: str) -> str:
        request = factory.get(page.url or "/", HTTP_HOST=host)
        value = block.to_python(
            {"title": "Pegel Murg", "datastream": datastream_id, "range": range_key}
        )
        return str(block.render(value, context={"page": page, "request": request}))

    results = {}
    for range_key in ranges:
        html = ""
        for _ in range(5):  # warm-up: templates compiled, connection open
            html = render(range_key)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            render(range_key)
            timings.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            render(range_key)
        results[range_key] = {
            "renders": runs,
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(percentile(timings, 0.95), 1),
            "max_ms": round(max(timings), 1),
            "queries": len(queries.captured_queries),
            "kb": round(len(html.encode()) / 1024, 1),
            "table_rows": html.count("<tr") - 1,
        }
    return results
