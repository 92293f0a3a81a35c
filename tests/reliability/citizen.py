"""A citizen's browser for the fault tests: opens the application form, sends the step
with a PDF, sends the review page and reads the reference number of the done page.

Production cookies are ``Secure`` (``__Host-``); ``requests`` would keep them from an
http:// address, so they are sent by hand – as the TLS proxy in front lets them through
(as ``tests/deploy/test_scale_out.AdminSession`` does).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import requests
from bs4 import BeautifulSoup

from bench.load_users import pdf as pdf_bytes
from bench.submit import Browser

TOWN = "bruchsal.localhost"
SERVICE_PATH = "/rathaus-service/leistungen/zuverlaessigkeit/"

# A one-step application with an upload, below Bruchsal's "Leistungen A–Z".
SETUP_FORM = r"""
from services.models import ApplicationForm, Leistung, ServiceIndexPage, ServicePage
from wagtail.models import Site

site = Site.objects.get(hostname="bruchsal.localhost")
index = ServiceIndexPage.objects.descendant_of(site.root_page).get(slug="leistungen")
fields = [
    {"type": "text", "value": {"label": "Vorname", "key": "vorname", "required": True}},
    {"type": "text", "value": {"label": "Nachname", "key": "nachname", "required": True}},
    {"type": "email", "value": {"label": "E-Mail", "key": "email", "required": True}},
    {"type": "file", "value": {"label": "Nachweis", "key": "nachweis", "required": True,
                               "kinds": ["pdf"], "max_files": 1, "max_size_mb": 2}},
]
form = ApplicationForm.objects.create(
    title="Zuverlässigkeits-Antrag",
    steps=[{"type": "step", "value": {"title": "Angaben", "intro": "", "fields": fields}}],
)
leistung = Leistung.objects.create(name="Zuverlässigkeitsprüfung", volltext="<p>Test</p>")
page = index.add_child(instance=ServicePage(
    title="Zuverlässigkeitsprüfung", slug="zuverlaessigkeit", leistung=leistung,
    application_form=form))
print(page.url_path)
"""

REFERENCE = re.compile(r'confirmation-panel__reference">([A-Z]+-\d{4}-\d{6})<')


@dataclass
class Outcome:
    email: str
    pdf_sha256: str
    reference: str = ""  # shown on a 2xx done page
    failed: str = ""  # what the citizen saw instead
    statuses: list[int] = field(default_factory=list)  # of every answer on the way


@dataclass
class Citizen:
    base: str  # http://127.0.0.1:<worker port>
    email: str
    timeout: float = 30
    cookies: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.session = requests.Session()
        self.pdf = pdf_bytes(64 * 1024 + len(self.email))  # a size of its own
        self.last_submit: tuple[str, dict] | None = None
        self.statuses: list[int] = []

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Host": TOWN}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = self.session.request(
            method, self.base + path, headers=headers, allow_redirects=False,
            timeout=self.timeout, **kwargs,
        )  # fmt: skip
        self.cookies.update({c.name: c.value for c in response.cookies})
        self.session.cookies.clear()
        self.statuses.append(response.status_code)
        return response

    def follow(self, response: requests.Response) -> requests.Response:
        while response.status_code in (301, 302, 303):
            location = response.headers["Location"]
            if "://" in location:
                location = "/" + location.split("://", 1)[1].split("/", 1)[1]
            response = self.request("GET", location)
        return response

    def fill(self, html: str) -> tuple[str, dict, dict]:
        form = Browser.main_form(html)
        data, files = Browser.fill(None, form)  # type: ignore[arg-type] – self is unused
        for name in list(data):
            if "email" in name:
                data[name] = self.email
        files = dict.fromkeys(files, ("nachweis.pdf", self.pdf, "application/pdf"))
        return form.get("action") or "", data, files

    def prepare(self) -> None:
        """Open the form and send its step: the draft waits on the review page."""
        start = self.follow(self.request("GET", SERVICE_PATH + "antrag/"))
        assert start.status_code == 200, (start.status_code, start.text[:500])
        action, data, files = self.fill(start.text)
        step = self.request("POST", self._path(action, start), data=data, files=files)
        assert step.status_code == 302, BeautifulSoup(step.text, "html.parser").get_text()[:2000]
        review = self.follow(step)
        assert review.status_code == 200, review.status_code
        action, data, _files = self.fill(review.text)
        self.last_submit = (self._path(action, review), data)

    def submit(self) -> Outcome:
        """Send the review page; the reference number if the done page shows one."""
        outcome = Outcome(self.email, hashlib.sha256(self.pdf).hexdigest())
        assert self.last_submit is not None
        path, data = self.last_submit
        try:
            sent = self.request("POST", path, data=data)
            if sent.status_code != 302:
                outcome.failed = f"{sent.status_code}"
                return outcome
            done = self.follow(sent)
        except requests.RequestException as error:
            outcome.failed = type(error).__name__
            return outcome
        found = REFERENCE.search(done.text)
        if done.status_code == 200 and found:
            outcome.reference = found.group(1)
        else:
            outcome.failed = f"done page {done.status_code}"
        return outcome

    def apply(self) -> Outcome:
        try:
            self.prepare()
        except (requests.RequestException, AssertionError) as error:
            outcome = Outcome(self.email, "", failed=f"prepare: {type(error).__name__}")
        else:
            outcome = self.submit()
        outcome.statuses = list(self.statuses)
        return outcome

    def _path(self, action: str, response: requests.Response) -> str:
        if action.startswith("/"):
            return action
        path = "/" + response.url.split("://", 1)[-1].split("/", 1)[-1]
        return path if not action else path.rsplit("/", 1)[0] + "/" + action
