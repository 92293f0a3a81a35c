"""E-Akte benchmark (issue #9): 10,000 files with 100,000 documents on PostgreSQL; the
list of files and the search as a clerk sees them, and Aktenzeichen allocation by 8
parallel processes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/redi_bench_efiles python bench/efiles.py

Uses the PostgreSQL server of ``DATABASE_URL`` but a database of its own
(``redi_bench_efiles`` unless ``--database``), which it drops and creates. Migrates, sets
up Bruchsal with six units and the sample file plan, inserts the files in bulk
(``bench/efiles_data.py``), indexes them for the database search backend, runs ``VACUUM
ANALYZE`` and then requests, in-process through Django's test client as a clerk of two
units, the list of files (first page, filtered) and the search, ``--runs`` times each
after unmeasured warm-up requests; the same list query as raw SQL is the baseline. Then
``--workers`` processes (each its own connection) create files through
``actions.create_akte`` under one plan unit for ``--seconds``: allocations/s and
duplicates (must be 0). Prints a Markdown table; exits 1 when a target is missed.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "site"))
sys.path.insert(0, str(REPO))

from bench.search import percentile, recreate_database  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/redi_bench_efiles"
HOST = "localhost:8000"
TARGET_P95_MS = 100.0
WARM_UP = 5


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="redi_bench_efiles")
    parser.add_argument("--akten", type=int, default=10_000)
    parser.add_argument("--dokumente", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50, help="measured requests per figure")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--json", help="also write the figures as JSON rows (bench/all.py)")
    return parser.parse_args(argv)


def timed(call, runs: int) -> dict:
    for _ in range(WARM_UP):
        call(0)
    timings = []
    for number in range(runs):
        started = time.perf_counter()
        call(number)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "n": runs,
        "p50": round(percentile(timings, 0.5), 1),
        "p95": round(percentile(timings, 0.95), 1),
        "max": round(max(timings), 1),
    }


def measure_reads(clerk, runs: int) -> tuple[list[tuple[str, dict, bool]], bool]:
    """(label, timings, is judged against the target) per figure."""
    from django.db import connection
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from backoffice.efiles import access
    from backoffice.efiles.models import AkteStatus
    from bench.efiles_data import SEARCH_WORDS

    units = sorted(access.unit_ids_for(clerk))
    client = Client(HTTP_HOST=HOST)
    client.force_login(clerk)
    figures = []
    statuses: set[int] = set()

    def get(path: str, params: dict | None = None):
        response = client.get(path, params or {})
        statuses.add(response.status_code)
        return response

    sql = (
        "SELECT a.id, a.aktenzeichen, a.title, a.status, a.opened_on, p.code, o.name "
        "FROM efiles_akte a JOIN efiles_planunit p ON p.id = a.plan_unit_id "
        "JOIN core_organisationalunit o ON o.id = a.org_unit_id "
        "WHERE a.org_unit_id = ANY(%s) AND a.confidentiality <= 0 "
        "ORDER BY a.opened_on DESC, a.id DESC LIMIT 50"
    )

    def raw(_n):
        with connection.cursor() as cursor:
            cursor.execute(sql, [units])
            cursor.fetchall()

    figures.append(
        ("baseline: raw SQL `SELECT … LIMIT 50` of the clerk's files", timed(raw, runs), False)
    )
    figures.append(
        (
            "queryset `access.akten_for(user)[:50]`",
            timed(
                lambda _n: list(
                    access.akten_for(clerk).select_related("plan_unit", "org_unit")[:50]
                ),
                runs,
            ),
            False,
        )
    )
    try:
        index = reverse("efiles:index")
        figures.append(
            ("list view `/admin/e-akte/`, page 1", timed(lambda _n: get(index), runs), True)
        )
        filtered = {"status": AkteStatus.CLOSED, "org_unit": units[0]}
        figures.append(
            (
                "list view, filtered (status zdA + one unit)",
                timed(lambda _n: get(index, filtered), runs),
                True,
            )
        )
        figures.append(
            (
                "list view, filter text „Bauantrag“, page 3",
                timed(lambda _n: get(index, {"q": "Bauantrag", "p": 3}), runs),
                True,
            )
        )
    except NoReverseMatch:
        print("(the list view is not installed – measured the queryset only)")
    try:
        from backoffice.efiles import search

        figures.append(
            (
                "`search.search(user, word)`",
                timed(lambda n: search.search(clerk, SEARCH_WORDS[n % len(SEARCH_WORDS)]), runs),
                False,
            )
        )
        path = reverse("efiles:search")
        figures.append(
            (
                "search view `/admin/e-akte/suche/?q=…` (14 words in turn)",
                timed(lambda n: get(path, {"q": SEARCH_WORDS[n % len(SEARCH_WORDS)]}), runs),
                True,
            )
        )
    except (ImportError, NoReverseMatch):
        print("(the search is not installed yet – not measured)")
    if statuses != {200}:
        print(f"HTTP statuses: {sorted(statuses)}")
    return figures, statuses == {200} or not statuses


def _allocate(worker: int, ids: tuple[int, int, int], barrier, seconds: float, queue) -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection

    from backoffice.efiles import actions
    from backoffice.efiles.models import PlanUnit
    from portal.core.models import OrganisationalUnit

    plan_unit_id, org_unit_id, user_id = ids
    plan_unit = PlanUnit.objects.select_related("site").get(pk=plan_unit_id)
    org_unit = OrganisationalUnit.objects.get(pk=org_unit_id)
    user = get_user_model().objects.get(pk=user_id)
    made, errors = 0, 0
    barrier.wait()  # all workers set up: start together
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        try:
            actions.create_akte(
                user,
                plan_unit=plan_unit,
                org_unit=org_unit,
                title=f"Parallel angelegt {worker}-{made}",
            )
            made += 1
        except Exception as error:  # counted and reported
            errors += 1
            print(f"worker {worker}: {error!r}")
    connection.close()
    queue.put((made, errors))


def measure_allocation(
    town, clerk, workers: int, seconds: float, task_backend: str = "database"
) -> dict:
    """``task_backend`` "database": the search index is updated by a worker after the
    commit, as in production; "immediate": in the request after the commit, as in the
    demo (modelsearch's PostgreSQL index update averages over every index entry)."""
    from django.db import connections

    from backoffice.efiles.models import Akte, PlanUnit
    from portal.core.models import OrganisationalUnit

    os.environ["TASK_BACKEND"] = task_backend  # read by the spawned workers
    code = {"database": "999.1", "immediate": "999.2"}[task_backend]
    plan_unit = PlanUnit.objects.create(site=town.site, code=code, title="Benchmark")
    org_unit = OrganisationalUnit.objects.filter(members=clerk).first()
    connections.close_all()
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    barrier = context.Barrier(workers)
    ids = (plan_unit.pk, org_unit.pk, clerk.pk)
    processes = [
        context.Process(target=_allocate, args=(n, ids, barrier, seconds, queue))
        for n in range(workers)
    ]
    for process in processes:
        process.start()
    results = [queue.get() for _ in processes]
    for process in processes:
        process.join()
    os.environ["TASK_BACKEND"] = "immediate"
    made = sum(r[0] for r in results)
    errors = sum(r[1] for r in results)
    stored = Akte.objects.filter(plan_unit=plan_unit)
    references = stored.values_list("aktenzeichen", flat=True)
    numbers = sorted(stored.values_list("number", flat=True))
    return {
        "task_backend": task_backend,
        "workers": workers,
        "seconds": seconds,
        "made": made,
        "errors": errors,
        "stored": stored.count(),
        "per_s": round(made / seconds, 1),
        "duplicates": len(references) - len(set(references)),
        "gapless": numbers == list(range(1, len(numbers) + 1)),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if not url.startswith(("postgres://", "postgresql://")):
        print("bench/efiles.py needs DATABASE_URL=postgres://user@host:port/db (PostgreSQL).")
        return 2
    bench_url = recreate_database(url, args.database)
    with tempfile.TemporaryDirectory(prefix="redi-efiles-bench-") as var:
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
        PYTHONPATH=os.pathsep.join([str(REPO / "site"), str(REPO)]),
    )
    for name in ("REDIS_URL", "ELASTICSEARCH_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.efiles_data import bulk_files, setup_town

    rng = random.Random(args.seed)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    town, units, clerk = setup_town()
    made = bulk_files(town, units, args.akten, args.dokumente, rng)
    with connection.cursor() as cursor:  # what autovacuum does in a running database
        cursor.execute("VACUUM ANALYZE")
    figures, http_ok = measure_reads(clerk, args.runs)
    allocations = [
        measure_allocation(town, clerk, args.workers, args.seconds, backend)
        for backend in ("database", "immediate")
    ]

    print("\n## E-Akte on PostgreSQL (in-process, Django test client, warm)\n")
    print(
        f"{made['akten']:,} Akten, {made['vorgaenge']:,} Vorgänge, {made['dokumente']:,} "
        f"Dokumente in one town; the clerk sees {len(units[:2])} of {len(units)} units. "
        f"Setup: migrate {migrated - started:.0f} s, insert {made['insert_s']} s, "
        f"index {made['index_s']} s.\n"
    )
    print("| figure | requests | p50 ms | p95 ms | max ms | target |")
    print("|---|---|---|---|---|---|")
    ok = http_ok
    for label, result, judged in figures:
        target = f"p95 ≤ {TARGET_P95_MS:.0f} ms" if judged else "reference"
        if judged and result["p95"] > TARGET_P95_MS:
            ok, target = False, target + " **missed**"
        print(
            f"| {label} | {result['n']} | {result['p50']} | **{result['p95']}** | "
            f"{result['max']} | {target} |"
        )
    for a in allocations:
        ok = ok and a["duplicates"] == 0 and a["errors"] == 0 and a["stored"] == a["made"]
        print(
            f"\nAktenzeichen allocation (TASK_BACKEND={a['task_backend']}): {a['workers']} "
            f"processes × {a['seconds']:.0f} s through `actions.create_akte` (with its audit "
            f"entry): **{a['per_s']} files/s**, {a['made']} made, {a['stored']} stored, "
            f"{a['duplicates']} duplicates, {a['errors']} errors, numbers 1..n without gaps: "
            f"{a['gapless']}."
        )
    write_json(args.json, "efiles", began, json_rows(made, figures, allocations))
    return 0 if ok else 1


def json_rows(made: dict, figures: list, allocations: list[dict]) -> list[dict]:
    """Figures for bench/all.py: every p95 against the raw SQL of the list, measured in
    the same run (ratio = p95 / raw SQL p95, lower is better), and the allocation."""
    from bench.all import json_row

    size = f"{made['akten']:,} Akten / {made['dokumente']:,} Dokumente"
    baseline = figures[0][1]["p95"] if figures else None
    rows = []
    for number, (label, result, judged) in enumerate(figures):
        rows.append(
            json_row(
                f"{label} p95 ({size})",
                result["p95"],
                "ms",
                target=f"≤ {TARGET_P95_MS:.0f} ms" if judged else None,
                ok=result["p95"] <= TARGET_P95_MS if judged else None,
                reference="raw SQL of the list, same run" if number else None,
                reference_value=baseline if number else None,
                note=f"p50 {result['p50']} ms"
                + ("; ratio = p95 / raw SQL p95: lower is better" if number else ""),
            )
        )
    for a in allocations:
        rows.append(
            json_row(
                f"Aktenzeichen allocation, {a['workers']} processes × {a['seconds']:.0f} s, "
                f"TASK_BACKEND={a['task_backend']}",
                a["per_s"],
                "files/s",
                target="0 duplicates, 0 errors",
                ok=a["duplicates"] == 0 and a["errors"] == 0 and a["stored"] == a["made"],
                note=f"{a['made']} made, {a['stored']} stored, {a['duplicates']} duplicates, "
                f"gapless {a['gapless']}",
            )
        )
    return rows


if __name__ == "__main__":
    sys.exit(main())
