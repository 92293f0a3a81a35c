"""Vereinsportal benchmark (issue #7): one town with 640 clubs and 5,000 events on
PostgreSQL; latency and query counts of the calendar, the club directory, a club page
and the town's iCalendar feed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/redi python bench/vereine.py

Uses the PostgreSQL server of ``DATABASE_URL`` but a database of its own
(``redi_bench_vereine`` unless ``--database``), which it drops and creates. Migrates,
creates the town Bruchsal with its "Vereine", "Veranstaltungen" and "Ehrenamt" pages,
inserts the clubs and events in bulk (live pages without revisions, as the demo does;
``--recurring`` of the events weekly until a year from today) and their occurrences
(``portal.demo.vereine_seed.bulk_occurrences``: ``vereinsportal.recurrence.expand`` per
event, one bulk insert – what ``occurrences.rebuild`` stores, checked on a sample), runs
``VACUUM ANALYZE`` and then requests each page in-process with Django's test client
against the town's host name.
There is no page cache: every request renders and queries afresh (the small per-site
caches of menu and town settings are warm, as in a running server). Prints a Markdown
table, writes ``bench/results/vereine.json`` and exits 1 when a target is missed.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "site"))
sys.path.insert(0, str(REPO))

from bench.search import percentile, recreate_database  # noqa: E402

CLUBS = 640
EVENTS = 5_000
RECURRING = 500
RUNS = 100
WARM_UP = 5
FEED_RUNS = 10
TARGET_PAGE_P95_MS = 100.0
TARGET_FEED_S = 1.0
HOST = "bruchsal.localhost:8000"
RESULTS = REPO / "bench" / "results" / "vereine.json"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/redi_bench_vereine"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="redi_bench_vereine")
    parser.add_argument("--clubs", type=int, default=CLUBS)
    parser.add_argument("--events", type=int, default=EVENTS)
    parser.add_argument("--recurring", type=int, default=RECURRING)
    parser.add_argument("--runs", type=int, default=RUNS, help="measured requests per page")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", default=str(RESULTS))
    parser.add_argument("--json", help="also write the figures as JSON rows (bench/all.py)")
    return parser.parse_args(argv)


# --- seeding -----------------------------------------------------------------------------


def seed(args: argparse.Namespace, rng: random.Random) -> dict:
    """The town, its pages, clubs, events and occurrences; returns what was made."""
    from django.db import transaction
    from django.utils import timezone

    from portal.core.towns import create_town
    from portal.demo.seed import SeedReport
    from portal.demo.vereine_content import CLUBS as TEMPLATES
    from portal.demo.vereine_content import TOWNS
    from portal.demo.vereine_seed import (
        add_live_children,
        bulk_occurrences,
        fill_in,
        link_many,
        new_club,
        new_event,
        page_slug,
        taxonomy,
        town_pages,
    )
    from vereinsportal import roles
    from vereinsportal.models import ClubPage, EventPage

    town = create_town(
        slug="bruchsal",
        name="Bruchsal",
        hostname="bruchsal.localhost",
        port=8000,
        street="Kaiserstraße 66",
        postcode="76646",
        city="Bruchsal",
    ).settings
    report = SeedReport()
    places = TOWNS["bruchsal"]
    today = timezone.localdate()
    now = timezone.now()
    timings = {}
    began = time.perf_counter()
    with transaction.atomic():
        categories, groups = taxonomy()
        index, calendar, _board = town_pages(town.site.root_page, town.name, report)
        roles.setup_town(town)
        clubs, specs = [], []
        for number in range(args.clubs):
            spec = TEMPLATES[number % len(TEMPLATES)]
            district = places.districts[number % len(places.districts)]
            title = f"{fill_in(spec.name, town, places, district, spec.founded)} {number + 1}"
            clubs.append(
                new_club(
                    spec, town, places, district, spec.founded, title, page_slug(title), rng, now
                )
            )
            specs.append(spec)
        add_live_children([(index, clubs)])
        link_many(
            ClubPage,
            "categories",
            [
                (c.pk, categories[s].pk)
                for c, spec in zip(clubs, specs, strict=True)
                for s in spec.categories
            ],
        )
        link_many(
            ClubPage,
            "target_groups",
            [
                (c.pk, groups[s].pk)
                for c, spec in zip(clubs, specs, strict=True)
                for s in spec.target_groups
            ],
        )
        timings["clubs_s"] = time.perf_counter() - began

        every_spec = [event for spec in TEMPLATES for event in spec.events]
        singles = [event for event in every_spec if event.kind == "single"]
        by_club: dict[int, list] = {}
        event_specs = []
        for number in range(args.events):
            club = clubs[number % len(clubs)]
            recurring = number < args.recurring
            template = rng.choice(every_spec if recurring else singles)
            template = _variant(template, recurring, rng)
            event = new_event(template, club, town, places, today, now)
            event.slug = f"{event.slug}-{number + 1}"
            event.club_id = club.pk
            by_club.setdefault(club.pk, []).append(event)
            event_specs.append((event, template))
        add_live_children([(club, by_club.get(club.pk, [])) for club in clubs])
        link_many(
            EventPage,
            "categories",
            [(e.pk, categories[s].pk) for e, spec in event_specs for s in spec.categories],
        )
        timings["events_s"] = time.perf_counter() - began - timings["clubs_s"]
        events = [event for event, _spec in event_specs]
        occurrences = bulk_occurrences(events)
        timings["occurrences_s"] = time.perf_counter() - began - sum(timings.values())
    return {
        "calendar": calendar,
        "index": index,
        "clubs": clubs,
        "events": events,
        "recurring": sum(1 for event in events if event.recurrence),
        "occurrences": occurrences,
        "timings": timings,
    }


def _variant(template, recurring: bool, rng: random.Random):
    """``template`` as a weekly event (recurring) or a single one within the next year
    (a sixth of them in the past: the archive)."""
    from dataclasses import replace

    if recurring:
        return replace(template, kind="weekly", weekday=rng.randrange(7), all_day=False)
    hour = rng.choice(["09:00", "10:30", "14:00", "15:00", "18:00", "19:30"])
    return replace(
        template,
        kind="single",
        days=rng.randint(-60, 300),
        time=hour,
        all_day=False,
        status=rng.choices(["scheduled", "cancelled", "postponed"], [94, 3, 3])[0],
    )


def check_rebuild_agrees(events: list, rng: random.Random) -> bool:
    """``rebuild`` on a sample changes none of the bulk-made rows."""
    from vereinsportal.models import EventOccurrence
    from vereinsportal.occurrences import rebuild

    sample = [event for event in events if event.recurrence][:10] + rng.sample(events, 10)
    for event in sample:
        before = sorted(
            EventOccurrence.objects.filter(event=event).values_list("pk", "start", "end")
        )
        rebuild(event)
        after = sorted(
            EventOccurrence.objects.filter(event=event).values_list("pk", "start", "end")
        )
        if before != after:
            return False
    return True


# --- measuring ---------------------------------------------------------------------------


def pages(made: dict) -> list[tuple[str, str, str]]:
    """(key, label, path) of the measured pages."""
    from django.utils import timezone

    calendar = made["calendar"].get_url_parts()[2]
    directory = made["index"].get_url_parts()[2]
    today = timezone.localdate()
    club = made["clubs"][len(made["clubs"]) // 2]
    club_path = f"{directory}{club.slug}/"
    return [
        ("calendar", "calendar list, first page", calendar),
        (
            "calendar_filtered",
            "calendar, category Sport + free of charge",
            f"{calendar}?kategorie=sport&kostenlos=on",
        ),
        ("month", "month grid (this month)", f"{calendar}monat/{today.year}/{today.month}/"),
        ("directory", "club directory, first page", directory),
        ("directory_category", "club directory, category Musik", f"{directory}?kategorie=musik"),
        ("directory_search", "club directory, search „Musikverein“", f"{directory}?q=Musikverein"),
        ("club", "club page", club_path),
    ]


def count_queries(client, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        client.get(path)
    return len(context.captured_queries)


def measure_page(client, path: str, runs: int) -> dict:
    statuses = set()
    for _ in range(WARM_UP):
        statuses.add(client.get(path).status_code)
    timings = []
    size = 0
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        statuses.add(response.status_code)
        size = len(response.content)
    return {
        "path": path,
        "requests": runs,
        "p50_ms": round(percentile(timings, 0.5), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "p99_ms": round(percentile(timings, 0.99), 1),
        "mean_ms": round(statistics.fmean(timings), 1),
        "queries": count_queries(client, path),
        "statuses": sorted(statuses),
        "kb": round(size / 1024, 1),
    }


def feed_path(client, calendar_path: str) -> str:
    """The town feed as the calendar page links it (``rel="alternate"``,
    ``type="text/calendar"``); the page's ``kalender.ics`` if it links none."""
    html = client.get(calendar_path).content.decode()
    for tag in re.findall(r"<link\b[^>]*>", html):
        if "text/calendar" in tag and re.search(r"rel=[\"']?alternate", tag):
            href = re.search(r"href=[\"']([^\"']+)", tag)
            if href:
                return urlsplit(unescape(href.group(1))).path
    return f"{calendar_path}kalender.ics"


def measure_feed(client, path: str) -> dict:
    timings, statuses, body = [], set(), b""
    client.get(path)
    for _ in range(FEED_RUNS):
        started = time.perf_counter()
        response = client.get(path)
        timings.append(time.perf_counter() - started)
        statuses.add(response.status_code)
        body = response.content
    return {
        "path": path,
        "requests": FEED_RUNS,
        "median_s": round(statistics.median(timings), 3),
        "max_s": round(max(timings), 3),
        "queries": count_queries(client, path),
        "statuses": sorted(statuses),
        "kb": round(len(body) / 1024, 1),
        "vevents": body.count(b"BEGIN:VEVENT"),
        # VTIMEZONE has rules of its own (daylight saving time): count the events' only
        "rrules": body.partition(b"BEGIN:VEVENT")[2].count(b"\nRRULE:"),
    }


# --- main --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if not url.startswith(("postgres://", "postgresql://")):
        print("bench/vereine.py needs DATABASE_URL=postgres://user@host:port/db (PostgreSQL).")
        return 2
    bench_url = recreate_database(url, args.database)
    with tempfile.TemporaryDirectory(prefix="redi-vereine-bench-") as var:
        return run(args, bench_url, var)


def run(args: argparse.Namespace, bench_url: str, var: str) -> int:
    from bench.all import now, write_json

    began = now()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DEBUG="false",
        DATABASE_URL=bench_url,
        REDI_VAR_DIR=var,
        TASK_BACKEND="immediate",
        LOG_LEVEL="WARNING",
        PAGE_CACHE="false",  # uncached, as issue #7 asks: every request renders
    )
    for name in ("REDIS_URL", "ELASTICSEARCH_URL"):
        os.environ.pop(name, None)

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    page_caches = [name for name in settings.MIDDLEWARE if "cache" in name.lower()]
    rng = random.Random(args.seed)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    made = seed(args, rng)
    seeded = time.perf_counter()
    with connection.cursor() as cursor:  # what autovacuum does in a running database
        cursor.execute("VACUUM ANALYZE")
    rebuild_agrees = check_rebuild_agrees(made["events"], rng)

    client = Client(HTTP_HOST=HOST)
    results = {}
    for key, label, path in pages(made):
        results[key] = {"label": label, **measure_page(client, path, args.runs)}
    feed = measure_feed(client, feed_path(client, pages(made)[0][2]))

    page_ok = all(
        r["p95_ms"] <= TARGET_PAGE_P95_MS and r["statuses"] == [200] for r in results.values()
    )
    feed_ok = feed["max_s"] <= TARGET_FEED_S and feed["statuses"] == [200]
    summary = {
        "date": dt.date.today().isoformat(),
        "database": "postgresql",
        "clubs": len(made["clubs"]),
        "events": len(made["events"]),
        "recurring_events": made["recurring"],
        "occurrences": made["occurrences"],
        "setup_s": {
            "migrate": round(migrated - started, 1),
            "seed": round(seeded - migrated, 1),
            **{k: round(v, 1) for k, v in made["timings"].items()},
        },
        "rebuild_agrees_with_bulk": rebuild_agrees,
        "page_cache_middleware": page_caches,
        "targets": {"page_p95_ms": TARGET_PAGE_P95_MS, "feed_s": TARGET_FEED_S},
        "pages": results,
        "feed": feed,
        "ok": page_ok and feed_ok and rebuild_agrees,
    }
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")

    print("\n## Vereinsportal on PostgreSQL (in-process, Django test client, uncached)\n")
    print(
        f"One town: {summary['clubs']} clubs, {summary['events']} events "
        f"({summary['recurring_events']} weekly for a year), {summary['occurrences']} "
        f"occurrences. Setup: migrate {summary['setup_s']['migrate']} s, seed "
        f"{summary['setup_s']['seed']} s. `rebuild` agrees with the bulk rows: {rebuild_agrees}."
    )
    print(f"Page-cache middleware: {page_caches or 'none'}.\n")
    print("| page | requests | p50 ms | p95 ms | p99 ms | queries | KB | HTTP |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results.values():
        print(
            f"| {r['label']} (`{r['path']}`) | {r['requests']} | {r['p50_ms']} | "
            f"**{r['p95_ms']}** | {r['p99_ms']} | {r['queries']} | {r['kb']} | "
            f"{','.join(map(str, r['statuses']))} |"
        )
    print(
        f"| iCal feed of all events (`{feed['path']}`) | {feed['requests']} | "
        f"median {feed['median_s'] * 1000:.0f} | max **{feed['max_s'] * 1000:.0f}** | | "
        f"{feed['queries']} | {feed['kb']} | {','.join(map(str, feed['statuses']))} |"
    )
    print(
        f"\nFeed: {feed['vevents']} VEVENTs, {feed['rrules']} with RRULE. Targets: pages "
        f"p95 ≤ {TARGET_PAGE_P95_MS:.0f} ms, feed ≤ {TARGET_FEED_S:.0f} s. "
        f"Results: {output.relative_to(REPO) if output.is_relative_to(REPO) else output}."
    )
    write_json(args.json, "vereine", began, json_rows(summary))
    return 0 if summary["ok"] else 1


def json_rows(summary: dict) -> list[dict]:
    """Figures for bench/all.py: p95 per page, the feed, the bulk rows' check."""
    from bench.all import json_row

    rows = [
        json_row(
            f"{r['label']} p95, uncached ({summary['clubs']} clubs, {summary['events']:,} events)",
            r["p95_ms"],
            "ms",
            target=f"≤ {TARGET_PAGE_P95_MS:.0f} ms",
            ok=r["p95_ms"] <= TARGET_PAGE_P95_MS and r["statuses"] == [200],
            note=f"p50 {r['p50_ms']} ms, {r['queries']} queries, {r['kb']} KB, "
            f"HTTP {r['statuses']}",
        )
        for r in summary["pages"].values()
    ]
    feed = summary["feed"]
    rows.append(
        json_row(
            f"iCalendar feed of all {feed['vevents']:,} events, slowest of {feed['requests']}",
            feed["max_s"],
            "s",
            target=f"≤ {TARGET_FEED_S:.0f} s",
            ok=feed["max_s"] <= TARGET_FEED_S and feed["statuses"] == [200],
            note=f"median {feed['median_s']} s, {feed['kb']} KB, {feed['queries']} queries",
        )
    )
    rows.append(
        json_row(
            "occurrences inserted in bulk = what `occurrences.rebuild` stores (sample)",
            summary["occurrences"],
            "occurrences",
            target="agree",
            ok=summary["rebuild_agrees_with_bulk"],
        )
    )
    return rows


if __name__ == "__main__":
    sys.exit(main())
