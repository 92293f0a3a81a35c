"""Load benchmark (issue #12): 50 concurrent mixed users for 60 s against the production
shape – two uvicorn workers behind nginx, the task worker, PostgreSQL and Redis.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/redi python bench/load.py [--json PATH]

Uses the PostgreSQL server of ``DATABASE_URL`` but a database of its own
(``redi_h3_bench_load`` unless ``--database``), which it drops, creates, migrates and seeds
with the demo (nine towns) – and drops at the end (``--keep`` keeps it). Redis:
``--redis-url`` (default db 8) with a key prefix of its own, deleted at the end.

The users (``bench/load_users.py``) are half browsing the town's pages, a fifth searching
(autocomplete + results), a tenth each filling in an online application with a PDF, signing
up for an event and reporting as a sensor device – every visit a new visitor from a
loopback address of its own, thinking between pages (``--think`` seconds on average) and
taking longer than the portal's bot trap to fill a form. Everything is loopback only and
bounded: ``--seconds`` of load, then the users finish their visit (at most 60 s more).

**The reference** measured in the same run: the same visits by ``--users 1`` … one user of
each kind alone, before the load (``--reference-seconds``). The table gives p50/p95/p99 per
kind and overall, under load and alone, and their ratio.

**Targets** (the issue): zero errors – no 5xx, no unexpected 4xx (a 429 is an error: 50
people are not a flood), no connection failure; and what the users were told is stored: every
Vorgangsnummer shown has its case with its file, every sign-up its row, every accepted
reading its observation. Exit 1 when one is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import load_users as users  # noqa: E402
from bench import pages_servers as servers  # noqa: E402
from bench.all import json_row, write_json  # noqa: E402
from bench.mailsink import MailSink  # noqa: E402
from bench.pages import (  # noqa: E402
    database_url,
    delete_redis_keys,
    drop_database,
    setup_portal,
    stamp,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/redi"
DEFAULT_REDIS = "redis://127.0.0.1:6379/8"

# run in the bench database after the demo: what the users can do, as JSON
TARGETS = r"""
import json
from django.utils import timezone
from wagtail.models import Page, Site
from sensor_widgets.models import Datastream, Device
from services.models import ServicePage
from vereinsportal.models import EventOccurrence, EventPage

site = Site.objects.get(hostname=HOST)
root = site.root_page
pages = [
    page.get_url(None, site) for page in
    Page.objects.live().public().descendant_of(root, inclusive=True).specific()
]
pages = [url for url in pages if url and "/en/" not in url][:200]
services = [
    page.get_url(None, site) + page.reverse_subpage("application_start")
    for page in ServicePage.objects.live().descendant_of(root).exclude(application_form=None)
]
now = timezone.now()
events = EventPage.objects.live().descendant_of(root).filter(signup_enabled=True)
# room for everyone who signs up in the run: no limit on the places
events.update(capacity=None)
signups = []
for event in events:
    for occurrence in EventOccurrence.objects.filter(
        event=event, start__gt=now + timezone.timedelta(days=3), cancelled=False
    )[:2]:
        signups.append(
            event.get_url(None, site) + event.reverse_subpage("signup", args=[occurrence.pk])
        )
devices = []
for stream in Datastream.objects.filter(thing__site=site).select_related("thing")[:DEVICES]:
    device = Device.objects.create(thing=stream.thing, name="Lasttest-Gerät")
    low = stream.physical_min if stream.physical_min is not None else 0
    high = stream.physical_max if stream.physical_max is not None else 100
    devices.append({"token": device.issue_token(), "key": stream.key,
                    "low": low + (high - low) * 0.3, "high": low + (high - low) * 0.6,
                    "datastream": stream.pk})
from sensor_widgets.models import Observation
readings = Observation.objects.filter(datastream_id__in=[d["datastream"] for d in devices]).count()
print("TARGETS " + json.dumps({
    "pages": pages, "applications": services, "signups": signups, "devices": devices,
    "readings_before": readings,
}))
"""

# afterwards: is what the users were told stored?
CHECK = r"""
import json
from services.models import Case, CaseFile
from sensor_widgets.models import Observation
from vereinsportal.models import Signup
shown = json.loads(SHOWN)
cases = set(
    Case.objects.filter(reference__in=shown["references"]).values_list("reference", flat=True)
)
with_file = set(
    CaseFile.objects.filter(case__reference__in=shown["uploaded"], size__gt=0)
    .values_list("case__reference", flat=True)
)
signed = set(Signup.objects.filter(email__in=shown["signups"]).values_list("email", flat=True))
readings = Observation.objects.filter(datastream_id__in=shown["datastreams"]).count()
readings -= shown["before"]
print("CHECK " + json.dumps({"cases": len(cases), "with_file": len(with_file),
                             "signups": len(signed), "readings": readings}))
"""

SEARCH_TERMS = [
    "Personalausweis",
    "Reisepass",
    "Wohnsitz anmelden",
    "Müll",
    "Hund",
    "Bauantrag",
    "Standesamt",
    "Führungszeugnis",
    "Parkausweis",
    "Verein",
    "Sport",
    "Musik",
    "Pegel",
    "Öffnungszeiten",
    "Kita",
    "Gewerbe",
    "Sperrmüll",
    "Fischereischein",
    "Ehrenamt",
]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="redi_h3_bench_load")
    parser.add_argument("--redis-url", default=DEFAULT_REDIS)
    parser.add_argument("--town", default="bruchsal", help="town slug: Host <slug>.localhost")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--reference-seconds", type=float, default=20)
    parser.add_argument("--think", type=float, default=2.0, help="mean think time (s)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn processes")
    parser.add_argument("--json", help="write the rows (bench JSON contract) to this file")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument("--reuse", action="store_true", help="use the database when it exists")
    parser.add_argument("--keep-tmp", action="store_true", help="keep the temp dir (logs)")
    parser.add_argument(
        "--quick", action="store_true", help="20 s of load, 10 s of reference (make bench)"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.seconds, args.reference_seconds = (
            min(args.seconds, 20),
            min(args.reference_seconds, 10),
        )
    return args


def _interrupt(signum, frame):  # SIGTERM ends the run like Ctrl-C: through `finally`
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if not url.startswith(("postgres://", "postgresql://")):
        print("bench/load.py needs DATABASE_URL=postgres://… (PostgreSQL).", file=sys.stderr)
        return 2
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        print("nginx is missing (apt-get install nginx-light).", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="redi-bench-load-"))
    prefix = f"redi-bench-load-{os.getpid()}-{int(time.time())}"
    processes = servers.Processes()
    signal.signal(signal.SIGTERM, _interrupt)
    mails = MailSink()  # the town's mail server: every confirmation mail arrives here
    mails.start()
    try:
        return run(args, url, tmp, prefix, processes, mails)
    except KeyboardInterrupt:
        print("interrupted – stopping the servers", file=sys.stderr)
        return 130
    finally:
        processes.stop_all()
        mails.stop()
        delete_redis_keys(args.redis_url, prefix)
        if not args.keep:
            drop_database(url, args.database)
        if args.keep_tmp:
            print(f"temp dir kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def shell(processes, env: dict, var: Path, script: str, marker: str) -> dict:
    """``manage.py shell -c`` in the bench's environment; the JSON after ``marker``."""
    log = var / f"{marker.lower()}.log"
    servers.manage(processes, env, "shell", "-c", script, cwd=var, log=log)
    for line in reversed(log.read_text().splitlines()):
        if line.startswith(marker + " "):
            return json.loads(line.split(" ", 1)[1])
    raise RuntimeError(f"{marker}: no answer\n{log.read_text()[-2000:]}")


def setup(args, url: str, env: dict, var: Path, processes) -> None:
    """Static files into this run's directory (the workers read their manifest), the
    database as the page benchmark makes it: dropped, migrated, the demo seeded."""
    servers.manage(
        processes, env, "collectstatic", "--noinput", "-v0", cwd=var, log=var / "setup.log"
    )
    setup_portal(args, url, env, var, processes)
    stamp("database ready, static files collected")


def targets_of(args, env, var, processes, devices: int) -> tuple[int, users.Targets]:
    """What the users can do in the town; and how many readings its devices have."""
    host = f"{args.town}.localhost"
    script = TARGETS.replace("HOST", repr(host)).replace("DEVICES", str(devices))
    found = shell(processes, env, var, script, "TARGETS")
    for what in ("pages", "applications", "signups", "devices"):
        if not found[what]:
            raise RuntimeError(f"the demo of {host} has no {what} for the load users")
    return found["readings_before"], users.Targets(
        pages=found["pages"],
        search_terms=SEARCH_TERMS,
        search_path="/suche/",
        autocomplete_path="/suche/vorschlaege/",
        applications=found["applications"],
        signups=found["signups"],
        devices=found["devices"],
    )


def drive(kinds: list[str], targets, base: str, host: str, seconds: float, think: float,
          seed: int) -> tuple[users.Results, float]:  # fmt: skip
    """``kinds`` users at once for ``seconds``; returns the results and the seconds the
    users took (each finishes the visit it is in; bounded by the request timeouts)."""
    results = users.Results()
    scenario = users.Scenario(targets, results, think, seed)
    addresses = users.Addresses()
    started = time.monotonic()
    stop = started + seconds
    threads = [
        threading.Thread(
            target=users.user, args=(kind, scenario, base, host, addresses, stop), daemon=True
        )
        for kind in kinds
    ]
    for number, thread in enumerate(threads):
        thread.start()
        time.sleep(min(0.05, seconds / 100))  # people arrive, not all in one millisecond
        if number == 0:
            scenario.rng.shuffle(targets.pages)
    for thread in threads:
        thread.join(timeout=seconds + 120)
    return results, time.monotonic() - started


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    if len(ordered) == 1:
        return {"p50": ordered[0] * 1000, "p95": ordered[0] * 1000, "p99": ordered[0] * 1000}
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"p50": cuts[49] * 1000, "p95": cuts[94] * 1000, "p99": cuts[98] * 1000}


def summary(results: users.Results) -> dict[str, dict]:
    """Per kind and overall: requests, errors, latency percentiles (ms)."""
    table: dict[str, dict] = {}
    for kind in (*users.KINDS, "all"):
        rows = [r for r in results.requests if kind == "all" or r[0] == kind]
        failures = [f for f in results.failures if kind == "all" or f.startswith(kind + ":")]
        table[kind] = {
            "requests": len(rows),
            "visits": sum(results.visits.values())
            if kind == "all"
            else results.visits.get(kind, 0),
            "errors": len(failures),
            **percentiles([seconds for _k, _l, seconds, _s in rows]),
        }
    return table


def mails_to(mails: MailSink, addresses: list[str], seconds: float = 90) -> set[str]:
    """Which of ``addresses`` got a mail – waiting (bounded) for the task worker to send
    what the users' last visits queued."""
    wanted = set(addresses)
    deadline = time.monotonic() + seconds
    while True:
        got = {to for mail in list(mails.accepted) for to in mail.to} & wanted
        if got == wanted or time.monotonic() > deadline:
            return got
        time.sleep(0.5)


def run(args, url: str, tmp: Path, prefix: str, processes, mails: MailSink) -> int:
    started = dt.datetime.now(dt.UTC)
    clock = time.monotonic()
    load_start = os.getloadavg()[0]
    var = tmp / "var"
    var.mkdir()
    front = servers.free_port()
    workers = [servers.free_port() for _ in range(args.workers)]
    env = servers.app_env(
        database_url(url, args.database), args.redis_url, prefix, var,
        TASK_BACKEND="database", EMAIL_URL=mails.url, DATABASE_POOL_SIZE="8",
    )  # fmt: skip
    env["BENCH_FRONT_PORT"] = str(front)
    host = f"{args.town}.localhost"
    stamp(f"setting up in {tmp} (database {args.database}, Redis {args.redis_url})")
    setup(args, url, env, var, processes)
    kinds = users.mix(args.users)
    before, targets = targets_of(args, env, var, processes, devices=kinds.count("sensor") * 2)
    setup_s = time.monotonic() - clock

    for number, port in enumerate(workers):
        processes.start(
            f"app-{number}", servers.uvicorn_command("portal.asgi:application", port),
            env=env, cwd=var, log_dir=tmp,
        )  # fmt: skip
    processes.start(
        "db_worker",
        [sys.executable, str(REPO / "manage.py"), "db_worker", "--no-startup-delay",
         "--interval", "0.5", "--worker-id", f"bench-load-{os.getpid()}"],
        env=env, cwd=var, log_dir=tmp,
    )  # fmt: skip
    conf = servers.nginx_conf(tmp, servers.free_port(), tmp, {front: workers})
    servers.start_nginx(processes, tmp, conf)
    for port in workers:
        servers.wait_http(port, "/healthz", host, processes)
    servers.wait_http(front, "/healthz", host, processes)
    base = f"http://127.0.0.1:{front}"
    for path in targets.pages[:20]:  # the first visitor of each page after a deploy
        users.Visitor("warm", base, host, "127.0.0.1", users.Results()).request(
            "warm", "GET", path, expect=(200, 301, 302)
        )
    stamp(f"servers up (setup {setup_s:.0f} s): {len(workers)} workers behind nginx :{front}")

    reference, reference_s = drive(
        list(users.KINDS), targets, base, host, args.reference_seconds, args.think, seed=1
    )
    stamp(f"reference (one user of each kind): {len(reference.requests)} requests")
    processes.check_alive()
    cpu_before = processes.cpu_seconds("app-")
    loaded, loaded_s = drive(kinds, targets, base, host, args.seconds, args.think, seed=2)
    cpu_s = processes.cpu_seconds("app-") - cpu_before
    stamp(f"load ({len(kinds)} users): {len(loaded.requests)} requests in {loaded_s:.0f} s")
    processes.check_alive()

    shown = {
        "references": reference.references + loaded.references,
        "signups": reference.signups + loaded.signups,
        "uploaded": reference.uploaded + loaded.uploaded,
        "datastreams": [device["datastream"] for device in targets.devices],
        "before": before,
    }
    people = reference.applicants + loaded.applicants + shown["signups"]
    mailed = mails_to(mails, people)
    stored = shell(processes, env, var, CHECK.replace("SHOWN", repr(json.dumps(shown))), "CHECK")
    stored["mailed"], stored["people"] = len(mailed), len(set(people))
    context = {
        "started": started.isoformat(timespec="seconds"),
        "load_start": load_start,
        "load_end": os.getloadavg()[0],
        "setup_s": setup_s,
        "total_s": time.monotonic() - clock,
        "users": len(kinds),
        "mix": {kind: kinds.count(kind) for kind in users.KINDS},
        "seconds": loaded_s,
        "cpu_s": cpu_s,
        "think": args.think,
    }
    rows = report(summary(loaded), summary(reference), loaded, reference, stored, context)
    write_json(args.json, "load", started, rows)
    return 1 if any(row["ok"] is False for row in rows) else 0


def report(load: dict, alone: dict, loaded, reference, stored: dict, context: dict) -> list[dict]:
    print()
    print(
        f"## Load: {context['users']} concurrent users for {context['seconds']:.0f} s "
        f"({', '.join(f'{n} {k}' for k, n in context['mix'].items())}; think "
        f"{context['think']:.1f} s)"
    )
    print()
    print("| kind | visits | requests | errors | p50 ms | p95 ms | p99 ms | p99 alone ms | ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    for kind in (*users.KINDS, "all"):
        row, ref = load[kind], alone[kind]
        ratio = row["p99"] / ref["p99"] if row.get("p99") and ref.get("p99") else None
        print(
            f"| {kind} | {row['visits']} | {row['requests']} | {row['errors']} | "
            f"{row.get('p50', 0):.0f} | {row.get('p95', 0):.0f} | {row.get('p99', 0):.0f} | "
            f"{ref.get('p99', 0):.0f} | {f'{ratio:.1f}×' if ratio else '–'} |"
        )
    requests_per_s = load["all"]["requests"] / context["seconds"] if context["seconds"] else 0
    cpu_ms = context["cpu_s"] * 1000 / load["all"]["requests"] if load["all"]["requests"] else 0
    references = len(set(loaded.references + reference.references))
    uploaded = len(set(loaded.uploaded + reference.uploaded))
    signups = len(set(loaded.signups + reference.signups))
    readings = loaded.readings + reference.readings
    print()
    print(
        f"{requests_per_s:.1f} requests/s; workers' CPU {cpu_ms:.1f} ms per request; "
        f"machine load {context['load_start']:.1f} → {context['load_end']:.1f}; setup "
        f"{context['setup_s']:.0f} s, all {context['total_s']:.0f} s."
    )
    print(
        f"Stored: {stored['cases']}/{references} Vorgangsnummern shown have their case "
        f"({stored['with_file']}/{uploaded} with the uploaded file), "
        f"{stored['signups']}/{signups} sign-ups, "
        f"{stored['readings']}/{readings} readings accepted; {stored['mailed']}/"
        f"{stored['people']} people got their confirmation mail."
    )
    errors = loaded.failures + reference.failures
    if errors:
        print("\nErrors (first 10):")
        for failure in errors[:12]:
            print(f"- {failure}")
    p99, p99_alone = load["all"].get("p99"), alone["all"].get("p99")
    rows = [
        json_row("errors (5xx, unexpected 4xx, no answer)", len(errors), "", target="0",
                 ok=not errors),
        json_row("p99 latency, 50 users", p99, "ms", reference="one user of each kind alone",
                 reference_value=p99_alone, note="lower is better; ratio = under load / alone"),
        json_row("p50 latency, 50 users", load["all"].get("p50"), "ms",
                 reference="one user of each kind alone", reference_value=alone["all"].get("p50"),
                 note="lower is better"),
        json_row("requests per second", requests_per_s, "req/s"),
        json_row("workers' CPU per request", cpu_ms, "ms"),
        json_row("cases stored of Vorgangsnummern shown", stored["cases"], "",
                 reference="shown", reference_value=references,
                 ok=stored["cases"] == references and stored["with_file"] == uploaded,
                 note=f"{stored['with_file']}/{uploaded} with their uploaded file"),
        json_row("sign-ups stored of confirmed", stored["signups"], "", reference="confirmed",
                 reference_value=signups, ok=stored["signups"] == signups),
        json_row("readings stored of accepted", stored["readings"], "", reference="accepted",
                 reference_value=readings, ok=stored["readings"] == readings),
        json_row("confirmation mails of people who submitted or signed up", stored["mailed"],
                 "", reference="people", reference_value=stored["people"],
                 ok=stored["mailed"] == stored["people"]),
        json_row("visits", load["all"]["visits"], "",
                 ok=all(load[k]["visits"] for k in users.KINDS),
                 note=", ".join(f"{k} {load[k]['visits']}" for k in users.KINDS)),
    ]  # fmt: skip
    return rows


if __name__ == "__main__":
    sys.exit(main())
