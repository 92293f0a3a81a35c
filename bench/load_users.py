"""The visitors of the load benchmark (bench/load.py): what each kind of user does, as a
browser would – pages fetched, forms parsed from the HTML, filled and sent.

Every visit is a new visitor: a session of its own (cookies, CSRF token) and a loopback
address of its own (``127.x.y.z`` – Linux answers the whole 127/8 on ``lo``), so the
per-address limits of the portal (public POSTs, applications, sign-ups) see 50 people,
not one machine. A visitor thinks between pages (``think``) and fills a form for longer
than the portal's "too fast" trap allows (``FILL_S``), as people do.

Kinds (``KINDS``): ``browse`` (pages of the town), ``search`` (the search page and its
autocomplete), ``submit`` (an online application with a PDF upload, to the confirmation
with its Vorgangsnummer), ``signup`` (an event sign-up), ``sensor`` (a device posting a
batch of readings with its token).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import random
import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

KINDS = ("browse", "search", "submit", "signup", "sensor")
FILL_S = 4.0  # longer than SERVICES_MIN_SUBMIT_SECONDS (3): a person reading the form
REFERENCE = re.compile(r'confirmation-panel__reference">([^<]+)<')
PDF_BYTES = 200 * 1024


class Failure(Exception):
    """An answer a user would see as an error (any 5xx, an unexpected 4xx, no answer)."""


def pdf(size: int = PDF_BYTES) -> bytes:
    head = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n"
    tail = b"\n%%EOF\n"
    return head + b"%" + b"0" * (size - len(head) - len(tail) - 1) + tail


@functools.cache
def png() -> bytes:
    """A photo-sized PNG (noise does not compress: about 190 KB)."""
    import io

    from PIL import Image

    image = Image.frombytes("RGB", (256, 256), random.Random(7).randbytes(256 * 256 * 3))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@dataclass
class Results:
    """Every request's (kind, label, seconds, status) and every failure, thread-safe."""

    requests: list[tuple[str, str, float, int]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    visits: dict[str, int] = field(default_factory=dict)
    references: list[str] = field(default_factory=list)
    uploaded: list[str] = field(default_factory=list)  # references whose form had a file
    applicants: list[str] = field(default_factory=list)  # e-mail addresses of those cases
    signups: list[str] = field(default_factory=list)  # e-mail addresses signed up
    readings: int = 0  # accepted by the intake
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, label: str, seconds: float, status: int) -> None:
        with self.lock:
            self.requests.append((kind, label, seconds, status))

    def fail(self, kind: str, message: str) -> None:
        with self.lock:
            self.failures.append(f"{kind}: {message}"[:600])


class Addresses:
    """Loopback source addresses, a new one per visit (127.1.0.1, 127.1.0.2, …)."""

    def __init__(self) -> None:
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()

    def next(self) -> str:
        with self._lock:
            number = next(self._numbers)
        last = 1 + number % 254  # never .0 or .255
        rest = number // 254
        return f"127.{1 + rest // 256 % 254}.{rest % 256}.{last}"


class _SourceAdapter(HTTPAdapter):
    def __init__(self, source: str):
        self.source = source
        super().__init__(pool_connections=1, pool_maxsize=2, max_retries=0)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


class Visitor:
    """One person's browser for one visit."""

    def __init__(self, kind: str, base: str, host: str, source: str, results: Results):
        self.kind, self.base, self.host, self.results = kind, base, host, results
        self.session = requests.Session()
        self.session.mount("http://", _SourceAdapter(source))
        self.session.headers.update({"Host": host, "Accept-Language": "de"})
        # production cookies are ``__Host-``/Secure: the TLS proxy in front lets them
        # through, ``requests`` would not send them to an http:// address – sent by hand
        self.cookies: dict[str, str] = {}

    def close(self) -> None:
        self.session.close()

    def request(self, label: str, method: str, path: str, expect=(200,), **kwargs):
        headers = kwargs.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        try:
            response = self.session.request(
                method, self.base + path, allow_redirects=False, timeout=60, headers=headers,
                **kwargs,
            )  # fmt: skip
        except requests.RequestException as error:
            self.results.add(self.kind, label, time.perf_counter() - started, 0)
            raise Failure(f"{label} {path}: {type(error).__name__}: {error}") from error
        self.results.add(self.kind, label, time.perf_counter() - started, response.status_code)
        self.cookies.update({cookie.name: cookie.value for cookie in response.cookies})
        self.session.cookies.clear()
        if response.status_code not in expect:
            raise Failure(
                f"{label} {path}: HTTP {response.status_code} {what_went_wrong(response)}"
            )
        return response

    def follow(self, label: str, response):
        """Redirects within the site, as the browser follows them."""
        for _hop in range(5):
            if response.status_code not in (301, 302, 303):
                return response
            location = urlsplit(response.headers["Location"])
            path = location.path + (f"?{location.query}" if location.query else "")
            response = self.request(label, "GET", path, expect=(200, 301, 302, 303))
        raise Failure(f"{label}: more than five redirects")


# --- forms -------------------------------------------------------------------------------


def what_went_wrong(response) -> str:
    """The messages a person would read (the form's error summary and field errors), or
    the start of the page."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.text, "html.parser")
    found = soup.select(".error-summary li, .errorlist li, .signup-errors, .form-field--error")
    if found:
        return " | ".join(" ".join(e.get_text(" ").split())[:160] for e in found[:6])
    return " ".join(soup.get_text(" ").split())[:300]


def main_form(html: str):
    """The page's biggest POST form (the application step, the sign-up)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    forms = [f for f in soup.find_all("form") if (f.get("method") or "").lower() == "post"]
    if not forms:
        return None
    return max(forms, key=lambda f: len(f.find_all(["input", "select", "textarea"])))


def _honeypot(element) -> bool:
    """A field people never see (hidden for screen readers, out of the tab order): what
    only a bot would fill in."""
    return bool(
        element.get("tabindex") == "-1"
        or element.find_parent(attrs={"aria-hidden": "true"})
        or element.find_parent(class_=("hp", "hp-field"))
    )


def _fitting(element, value: str) -> str:
    """What a person types where the field says how long it may be (a postcode)."""
    limit = element.get("maxlength")
    if limit and limit.isdigit() and int(limit) < len(value):
        return "76646"[: int(limit)] if int(limit) <= 5 else value[: int(limit)]
    if element.get("inputmode") in ("numeric", "decimal") and not value.isdigit():
        return "76646" if limit == "5" else "2"
    return value


# what a browser's autofill puts in by the field's ``autocomplete`` token
AUTOFILL = {
    "given-name": "Erika",
    "family-name": "Mustermann",
    "name": "Erika Mustermann",
    "street-address": "Kaiserstraße 66",
    "address-line1": "Kaiserstraße 66",
    "postal-code": "76646",
    "address-level2": "Bruchsal",
    "tel": "07251 79-0",
    "bday": "1980-05-17",
    "organization": "Mustermann GmbH",
}


def _value(element, kind: str, name: str, email: str) -> str:
    token = (element.get("autocomplete") or "").split()[-1:] or [""]
    if kind == "email" or token[0] == "email" or "mail" in name:
        return email
    if token[0] in AUTOFILL:
        return AUTOFILL[token[0]]
    if kind == "tel" or "telefon" in name or "phone" in name:
        return "07251 79-0"
    if "iban" in name:
        return "DE89 3704 0044 0532 0130 00"
    if kind == "date" or "datum" in name:
        if element.get("min"):  # a date still to come: three weeks after the earliest
            earliest = dt.date.fromisoformat(element["min"])
            return (earliest + dt.timedelta(days=21)).isoformat()
        return "1980-05-17"
    if kind == "number" or "anzahl" in name or "places" in name or "plaetze" in name:
        return "1"
    if element.name == "textarea":
        return "Bitte rasch bearbeiten, vielen Dank."
    if "plz" in name or "postleitzahl" in name:
        return "76646"
    return "Erika Mustermann"


YES = {"ja", "yes", "true", "1", "x", "on"}  # a ticked checkbox answers these


def _hidden_by_condition(element, data: list[tuple[str, str]], ticked: set[str]) -> bool:
    """A field shown only for one answer to an earlier one ("nur bei Kampfhunden"): what
    the browser's script hides, and a person leaves alone, unless that answer was given."""
    wrapper = element.find_parent(attrs={"data-show-if-field": True})
    if wrapper is None:
        return False
    key = wrapper["data-show-if-field"]
    wanted = wrapper.get("data-show-if-value", "").strip().casefold()
    if key in ticked:
        return wanted not in YES
    return wanted not in [value.strip().casefold() for name, value in data if name == key]


def fill(form, email: str) -> tuple[list[tuple[str, str]], dict]:
    """What a person fills in: every field with a plausible value, the consent ticked,
    the first offered choice, a PDF for a file field, the honeypot left empty."""
    data: list[tuple[str, str]] = []
    files: dict = {}
    radios: set[str] = set()
    ticked: set[str] = set()
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        kind = (element.get("type") or element.name).lower()
        if kind in ("submit", "button", "reset", "image"):
            continue
        if kind != "hidden" and _hidden_by_condition(element, data, ticked):
            continue
        if kind == "hidden":
            data.append((name, element.get("value", "")))
        elif _honeypot(element):
            data.append((name, ""))
        elif kind == "file":
            accept = element.get("accept") or ""
            if accept and "pdf" not in accept:  # photos only: a photo of the document
                files[name] = ("foto.png", png(), "image/png")
            else:
                files[name] = ("nachweis.pdf", pdf(), "application/pdf")
        elif kind == "radio":
            if name not in radios:
                radios.add(name)
                data.append((name, element.get("value", "on")))
        elif kind == "checkbox":
            data.append((name, element.get("value", "on")))
            ticked.add(name)
        elif element.name == "select":
            options = [o for o in element.find_all("option") if o.get("value")]
            if options:
                data.append((name, options[0]["value"]))
        elif element.get("value"):
            data.append((name, element["value"]))
        else:
            data.append((name, _fitting(element, _value(element, kind, name.lower(), email))))
    forward = [
        b
        for b in form.find_all("button")
        if b.get("name") and (b.get("type") or "submit") == "submit"
    ]
    for button in forward:
        if (button.get("value") or "") not in ("back", "save", "zurueck", "speichern"):
            data.append((button["name"], button.get("value", "")))
            break
    return data, files


def action_of(form, current: str) -> str:
    action = form.get("action") or ""
    if action.startswith("/"):
        return action
    if "://" in action:
        parts = urlsplit(action)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return current


# --- what the users do -------------------------------------------------------------------


@dataclass
class Targets:
    """What the portal offers (bench/load.py reads it from the seeded database)."""

    pages: list[str]
    search_terms: list[str]
    search_path: str
    autocomplete_path: str
    applications: list[str]  # ".../antrag/" of service pages with an online form
    signups: list[str]  # sign-up pages of open event dates
    devices: list[dict]  # {"token", "key", "low", "high"}
    intake_path: str = "/sensorik/api/v1/observations"


class Scenario:
    def __init__(self, targets: Targets, results: Results, think: float, seed: int):
        self.targets, self.results, self.think = targets, results, think
        self.rng = random.Random(seed)
        self._mail = itertools.count(1)
        self._run = secrets.token_hex(3)  # a run on a reused database: new people
        self._lock = threading.Lock()
        # every device sends readings one second apart from its own start: no duplicates
        self._clock = {
            device["token"]: dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=2)
            for device in targets.devices
        }

    def pause(self, stop: float, seconds: float | None = None, *, finish: bool = False) -> None:
        """Thinking (random, ends with the run) or filling in a form (``finish``: the
        whole time, also when the run ends meanwhile – the visit is completed)."""
        wait = self.rng.expovariate(1 / self.think) if seconds is None else seconds
        time.sleep(wait if finish else max(0.0, min(wait, stop - time.monotonic())))

    def email(self, prefix: str) -> str:
        with self._lock:
            return f"{prefix}-{self._run}-{next(self._mail)}@last.example.org"

    def browse(self, visitor: Visitor, stop: float) -> None:
        for path in self.rng.sample(self.targets.pages, k=min(4, len(self.targets.pages))):
            visitor.follow("Seite", visitor.request("Seite", "GET", path, expect=(200, 301, 302)))
            if time.monotonic() >= stop:
                return
            self.pause(stop)

    def search(self, visitor: Visitor, stop: float) -> None:
        term = self.rng.choice(self.targets.search_terms)
        for length in (3, len(term)):
            visitor.request(
                "Autovervollständigung",
                "GET",
                self.targets.autocomplete_path,
                params={"q": term[:length]},
            )
        visitor.request("Suche", "GET", self.targets.search_path, params={"q": term})
        self.pause(stop)
        visitor.request("Suche", "GET", self.targets.search_path, params={"q": term, "page": 2})

    def submit(self, visitor: Visitor, stop: float) -> None:
        path = self.rng.choice(self.targets.applications)
        opened = visitor.request("Antrag öffnen", "GET", path, expect=(200, 302))
        response = visitor.follow("Antrag öffnen", opened)
        email = self.email("antrag")
        uploads = False
        for _step in range(10):
            form = main_form(response.text)
            if form is None:
                raise Failure(f"kein Formular auf {response.url}")
            current = urlsplit(response.url).path
            data, files = fill(form, email)
            uploads = uploads or bool(files)
            self.pause(stop, FILL_S, finish=True)
            sent = visitor.request(
                "Antragsschritt", "POST", action_of(form, current), expect=(302,),
                data=data, files=files or None,
            )  # fmt: skip
            response = visitor.follow("Antragsschritt", sent)
            match = REFERENCE.search(response.text)
            if match:
                with self.results.lock:
                    self.results.references.append(match.group(1).strip())
                    self.results.applicants.append(email)
                    if uploads:
                        self.results.uploaded.append(match.group(1).strip())
                return
        raise Failure(f"{path}: nach zehn Schritten keine Vorgangsnummer")

    def signup(self, visitor: Visitor, stop: float) -> None:
        path = self.rng.choice(self.targets.signups)
        response = visitor.request("Anmeldung öffnen", "GET", path)
        form = main_form(response.text)
        if form is None:
            raise Failure(f"kein Anmeldeformular auf {path}")
        email = self.email("anmeldung")
        data, _files = fill(form, email)
        self.pause(stop, FILL_S, finish=True)
        sent = visitor.request("Anmelden", "POST", action_of(form, path), expect=(302,), data=data)
        visitor.follow("Anmelden", sent)
        with self.results.lock:
            self.results.signups.append(email)

    def sensor(self, visitor: Visitor, stop: float) -> None:
        device = self.rng.choice(self.targets.devices)
        with self._lock:
            start = self._clock[device["token"]]
            self._clock[device["token"]] = start + dt.timedelta(seconds=10)
        body = {
            "observations": [
                {
                    "datastream": device["key"],
                    "time": (start + dt.timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "value": round(self.rng.uniform(device["low"], device["high"]), 1),
                }
                for n in range(10)
            ]
        }
        response = visitor.request(
            "Messwerte", "POST", self.targets.intake_path, data=json.dumps(body),
            headers={"Authorization": f"Bearer {device['token']}",
                     "Content-Type": "application/json"},
        )  # fmt: skip
        answer = response.json()
        if answer.get("rejected"):
            raise Failure(f"Messwerte abgelehnt: {answer['rejected'][:2]}")
        with self.results.lock:
            self.results.readings += answer.get("accepted", 0)
        self.pause(stop, 1.0)  # a device reports about once a second


def user(kind: str, scenario: Scenario, base: str, host: str, addresses: Addresses,
         stop: float) -> None:  # fmt: skip
    """One of the concurrent users: visit after visit until ``stop``; a device (sensor)
    keeps its connection, people come anew each visit."""
    results = scenario.results
    visitor = None
    while time.monotonic() < stop:
        if visitor is None or kind != "sensor":
            visitor = Visitor(kind, base, host, addresses.next(), results)
        try:
            getattr(scenario, kind)(visitor, stop)
            with results.lock:
                results.visits[kind] = results.visits.get(kind, 0) + 1
        except Failure as failure:
            results.fail(kind, str(failure))
        except Exception as error:  # a bug of the bench must show, not end the thread
            results.fail(kind, f"{type(error).__name__}: {error}")
        finally:
            if kind != "sensor":
                visitor.close()
        if kind != "sensor":
            scenario.pause(stop)
    if visitor is not None:
        visitor.close()


def mix(users: int) -> list[str]:
    """The share of each kind among ``users``: half browse, a fifth search, a tenth
    each submit, sign up and report as a sensor (at least one of each)."""
    shares = {"browse": 0.5, "search": 0.2, "submit": 0.1, "signup": 0.1, "sensor": 0.1}
    counts = {kind: max(1, round(users * share)) for kind, share in shares.items()}
    counts["browse"] += users - sum(counts.values())
    return [kind for kind in KINDS for _ in range(counts[kind])]
