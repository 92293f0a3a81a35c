"""Online-application benchmark (issue #5): a 10-field form with one 1 MB upload, sent by
8 concurrent clients to the portal on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/redi python bench/submit.py

Uses the PostgreSQL server of ``DATABASE_URL`` but a database of its own
(``redi_submit_bench`` unless ``--database`` says otherwise), which it drops and creates.
Sets up one town (Bruchsal) with a service page and the benchmark form, starts the ASGI
server the portal runs on (Daphne; ``--processes`` of them, the clients spread over them
as a load balancer would) with ``TASK_BACKEND=database`` (mails are queued, as in
production), and lets ``--clients`` threads each fill in the form like a browser: open
the form, send the step with the upload, send the review page. Measures every request;
"submit" is the final POST that stores the case. Afterwards it checks in the database
that every application became exactly one case with its 1 MB file. Prints Markdown.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "site"))
sys.path.insert(0, str(REPO))

from bench.load_users import main_form  # noqa: E402
from bench.load_users import pdf as pdf_bytes  # noqa: E402
from bench.search import recreate_database  # noqa: E402
from portal.demo.server import free_port  # noqa: E402

UPLOAD_BYTES = 1024 * 1024
SERVICE_URL = "/leistungen/bench-antrag/"
HOST = "bruchsal.localhost"

SETUP = r"""
from wagtail.models import Page
from portal.core.towns import create_town
from services.models import ApplicationForm, Leistung, ServiceIndexPage, ServicePage

town = create_town(slug="bruchsal", name="Bruchsal", hostname="bruchsal.localhost",
                   port=PORT, is_default_site=True).settings
town.code = "BRU"
town.save()
fields = [
    {"type": "text", "value": {"label": "Vorname", "key": "vorname", "required": True}},
    {"type": "text", "value": {"label": "Nachname", "key": "nachname", "required": True}},
    {"type": "email", "value": {"label": "E-Mail", "key": "email", "required": True}},
    {"type": "phone", "value": {"label": "Telefon", "key": "telefon", "required": True}},
    {"type": "date", "value": {"label": "Geburtsdatum", "key": "geburtsdatum",
                               "required": True, "allowed": "past"}},
    {"type": "number", "value": {"label": "Anzahl", "key": "anzahl", "required": True}},
    {"type": "choice", "value": {"label": "Art", "key": "art", "required": True,
                                 "choices": ["einfach", "erweitert"]}},
    {"type": "text", "value": {"label": "Anmerkung", "key": "anmerkung", "required": True,
                               "multiline": True}},
    {"type": "consent", "value": {"label": "Einwilligung", "key": "einwilligung",
                                  "text": "<p>Ich bin einverstanden.</p>"}},
    {"type": "file", "value": {"label": "Nachweis", "key": "nachweis", "required": True,
                               "kinds": ["pdf"], "max_files": 1, "max_size_mb": 2}},
]
form = ApplicationForm.objects.create(
    title="Benchmark-Antrag",
    steps=[{"type": "step", "value": {"title": "Angaben", "intro": "", "fields": fields}}],
)
home = town.site.root_page
index = home.add_child(instance=ServiceIndexPage(title="Leistungen", slug="leistungen"))
leistung = Leistung.objects.create(name="Benchmark-Leistung", volltext="<p>Test</p>")
index.add_child(instance=ServicePage(title="Benchmark", slug="bench-antrag", leistung=leistung,
                                     application_form=form))
print("ok")
"""

COUNT = r"""
from services.models import Case, CaseFile
from django.db.models import Count
cases = Case.objects.count()
files = CaseFile.objects.filter(size=SIZE).count()
dupes = Case.objects.values("reference").annotate(n=Count("pk")).filter(n__gt=1).count()
print(cases, files, dupes)
"""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--database", default="redi_submit_bench")
    parser.add_argument("--json", help="also write the figures as JSON rows (bench/all.py)")
    return parser.parse_args(argv)


class Browser:
    """A citizen's browser: a session, forms parsed from the HTML, filled, sent."""

    def __init__(self, base: str) -> None:
        import requests

        self.base = base
        self.session = requests.Session()
        self.session.headers["Host"] = HOST
        self.timings: list[tuple[str, float]] = []

    def request(self, label: str, method: str, url: str, **kwargs):
        started = time.perf_counter()
        response = self.session.request(method, self.base + url, allow_redirects=False, **kwargs)
        self.timings.append((label, time.perf_counter() - started))
        if response.status_code >= 400:
            raise RuntimeError(f"{label}: {response.status_code} {url}\n{response.text[:2000]}")
        return response

    def follow(self, label: str, response):
        while response.status_code in (301, 302, 303):
            location = response.headers["Location"]
            location = (
                location.split(HOST, 1)[-1].split(":", 1)[-1] if "://" in location else location
            )
            if not location.startswith("/"):
                location = "/" + location.split("/", 1)[-1]
            response = self.request(label, "GET", location)
        return response

    main_form = staticmethod(main_form)  # the page's biggest POST form (bench/load_users.py)

    def fill(self, form) -> tuple[dict, dict]:
        data: dict[str, list[str] | str] = {}
        files: dict = {}
        for field in form.find_all(["input", "select", "textarea"]):
            name = field.get("name")
            if not name:
                continue
            kind = (field.get("type") or field.name).lower()
            if kind == "hidden":
                data[name] = field.get("value", "")
            elif kind in ("submit", "button"):
                continue
            elif "leer" in (field.get("aria-label") or "") or field.find_parent(class_="hp"):
                data[name] = ""
            elif kind == "file":
                files[name] = ("nachweis.pdf", pdf_bytes(UPLOAD_BYTES), "application/pdf")
            elif kind == "email":
                data[name] = "bench@example.org"
            elif kind == "tel" or "telefon" in name:
                data[name] = "07251 79-0"
            elif kind == "date" or "datum" in name:
                data[name] = "1980-05-17"
            elif kind == "number" or "anzahl" in name:
                data[name] = "2"
            elif kind == "radio":
                data.setdefault(name, field.get("value"))
            elif kind == "checkbox":
                data[name] = field.get("value", "on")
            elif field.name == "select":
                option = next(o for o in field.find_all("option") if o.get("value"))
                data[name] = option["value"]
            elif field.name == "textarea":
                data[name] = "Bitte rasch bearbeiten, vielen Dank."
            elif name in ("url_homepage",):
                data[name] = ""
            else:
                data[name] = "Erika Benchmark"
        submit = next(
            (
                b
                for b in form.find_all("button")
                if b.get("name")
                and (b.get("value") or "") not in ("back", "save", "zurueck")
                and (b.get("type") or "submit") == "submit"
            ),
            None,
        )
        if submit is not None and submit.get("value") in (
            None,
            "next",
            "submit",
            "send",
            "weiter",
            "absenden",
        ):
            data[submit["name"]] = submit.get("value", "")
        return data, files

    def apply(self) -> None:
        response = self.follow(
            "Formular öffnen", self.request("Formular öffnen", "GET", SERVICE_URL + "antrag/")
        )
        form = self.main_form(response.text)
        data, files = self.fill(form)
        action = form.get("action") or response.url.split(HOST, 1)[-1].split(":", 1)[-1]
        step = self.request(
            "Schritt mit Upload", "POST", self._path(action, response), data=data, files=files
        )
        if step.status_code != 302:
            raise RuntimeError(f"step not accepted:\n{step.text[:3000]}")
        review = self.follow("Prüfseite", step)
        form = self.main_form(review.text)
        data, _files = self.fill(form)
        sent = self.request("Absenden", "POST", self._path(form.get("action"), review), data=data)
        if sent.status_code != 302:
            raise RuntimeError(f"submission not accepted:\n{sent.text[:3000]}")
        self.follow("Bestätigung", sent)

    def _path(self, action: str | None, response) -> str:
        if action and action.startswith("/"):
            return action
        path = "/" + response.url.split("://", 1)[-1].split("/", 1)[-1]
        return path if not action else path.rsplit("/", 1)[0] + "/" + action


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    from bench.all import now, write_json

    args = parse_args(argv)
    began = now()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        print("DATABASE_URL must point at PostgreSQL (see bench/README.md).", file=sys.stderr)
        return 2
    database_url = recreate_database(url, args.database)
    var = Path(tempfile.mkdtemp(prefix="redi-submit-bench-"))
    ports = [free_port() for _ in range(args.processes)]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "REDI_VAR_DIR": str(var),
        "TASK_BACKEND": "database",
        "SERVICES_SUBMIT_RATE": "1000000/h",
        "SERVICES_MIN_SUBMIT_SECONDS": "0",
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, str(REPO / "manage.py")]
    subprocess.run([*manage, "migrate", "--verbosity", "0"], env=env, check=True)
    setup = SETUP.replace("PORT", str(ports[0]))
    subprocess.run(
        [*manage, "shell", "--no-imports", "-c", setup], env=env, check=True, capture_output=True
    )
    servers = []
    log = open(var / "server.log", "w")  # noqa: SIM115 – open for the servers' lifetime
    try:
        for port in ports:
            servers.append(
                subprocess.Popen(
                    [
                        str(Path(sys.executable).parent / "daphne"),
                        "-b",
                        "127.0.0.1",
                        "-p",
                        str(port),
                        "portal.asgi:application",
                    ],
                    env={**env, "PYTHONPATH": f"{REPO / 'site'}:{REPO}"},
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        _wait_for(ports)
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        # warm-up: one application per client, not measured
        for number in range(args.clients):
            Browser(bases[number % len(bases)]).apply()
        timings: list[tuple[str, float]] = []
        errors: list[str] = []
        lock = threading.Lock()
        remaining = [args.applications]

        def client(number: int) -> None:
            while True:
                with lock:
                    if remaining[0] == 0:
                        return
                    remaining[0] -= 1
                browser = Browser(bases[number % len(bases)])
                try:
                    browser.apply()
                except Exception as error:  # reported below
                    with lock:
                        errors.append(str(error)[:500])
                with lock:
                    timings.extend(browser.timings)

        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
        log.close()
    counted = subprocess.run(
        [*manage, "shell", "--no-imports", "-c", COUNT.replace("SIZE", str(UPLOAD_BYTES))],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    cases, files, dupes = (int(x) for x in counted[-3:])
    report(args, timings, elapsed, errors, cases, files, dupes)
    write_json(
        args.json, "submit", began, json_rows(args, timings, elapsed, errors, cases, files, dupes)
    )
    return 1 if errors or cases != args.applications + args.clients or dupes else 0


def json_rows(args, timings, elapsed, errors, cases, files, dupes) -> list[dict]:
    """Figures for bench/all.py; the issue names no reference and no speed target."""
    from bench.all import json_row

    done = args.applications - len(errors)
    expected = args.applications + args.clients
    submits = [t * 1000 for name, t in timings if name == "Absenden"]
    shape = f"{args.clients} clients, {args.processes} Daphne processes"
    return [
        json_row(
            f"online applications (10 fields + 1 MB upload, 5 requests each), {shape}",
            done / elapsed,
            "applications/s",
            note="the issue names no reference: reported as measured",
        ),
        json_row(
            "final submit (case, file, outbox mail in one transaction) p99",
            percentile(submits, 0.99) if submits else None,
            "ms",
        ),
        json_row(
            "every application stored once with its file",
            cases,
            "cases",
            target=f"= {expected} sent, 0 duplicates, 0 errors",
            ok=not errors and cases == expected and not dupes,
            note=f"{files} files of 1 MB, {dupes} duplicate references, {len(errors)} errors",
        ),
    ]


def _wait_for(ports: list[int]) -> None:
    import urllib.request

    deadline = time.monotonic() + 60
    for port in ports:
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"server on {port} did not start") from None
                time.sleep(0.3)


def report(args, timings, elapsed, errors, cases, files, dupes) -> None:
    done = args.applications - len(errors)
    print(
        f"## Online applications (issue #5): {args.clients} clients, {args.processes} "
        f"Daphne process(es), PostgreSQL\n"
    )
    print(
        f"{done} applications in {elapsed:.1f} s = **{done / elapsed:.1f} applications/s** "
        f"(each: open form, step with 10 fields and a 1 MB PDF, review, submit)\n"
    )
    print("| request | n | median ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|")
    for label in ["Formular öffnen", "Schritt mit Upload", "Prüfseite", "Absenden", "Bestätigung"]:
        values = [t * 1000 for name, t in timings if name == label]
        if values:
            print(
                f"| {label} | {len(values)} | {statistics.median(values):.0f} | "
                f"{percentile(values, 0.95):.0f} | {percentile(values, 0.99):.0f} |"
            )
    print(
        f"\nStored: {cases} cases (expected {args.applications + args.clients} incl. warm-up), "
        f"{files} files of 1 MB, {dupes} duplicate references, {len(errors)} errors."
    )
    for error in errors[:5]:
        print(f"- {error}")


if __name__ == "__main__":
    sys.exit(main())
