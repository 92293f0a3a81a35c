"""Loads the E-Akte demo: per town the groups (``backoffice.efiles.roles``), the sample
file plan, the logins ``akten.<slug>`` (Sachbearbeitung) and ``registratur.<slug>``
(Registratur with VS-NfD clearance), the Bürgerservice login as a further clerk, and
12–18 files (``efiles_content``) with processes and documents – real small PDFs whose text
the search finds, some in several versions, one checked out, a few VS-NfD, one
Vertraulich; files closed (zdA) in 2010–2014 whose retention has ended (A, B and V on the
disposal list) and one closed last year.

Everything goes through ``backoffice.efiles.actions`` with the town's clerk as the actor,
so the audit trail reads as if staff had done it. Speed (the tests seed the demo every
session): while a town's files are made, saving does not update the search index one
object at a time and the text extraction is not queued for the commit; instead the text
of each document's newest version is read right away (``tasks.extract_text``) and the
town's files and documents are indexed in bulk – what the worker and the index updates
would have done.

Idempotent: groups and logins are matched by name; a town that has files already gets
no new ones; the sample plan is loaded only into a town without plan units.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify
from fpdf import FPDF
from wagtail.search.backends import get_search_backends_with_name

from backoffice.efiles import actions, aktenzeichen, indexing, roles
from backoffice.efiles.models import Akte, Dokument, PlanUnit
from backoffice.efiles.plan_csv import load_sample_plan
from backoffice.efiles.tasks import extract_text
from portal.core.models import OrganisationalUnit, TownSettings

from . import efiles_content as content
from .services_content import UNITS

#: organisational units (keys of ``services_content.UNITS``) of the demo logins
CLERK_UNITS = ("buergerbuero", "bauamt", "ordnungsamt", "familie")
OFFICER_UNITS = ("buergerbuero",)
RETENTION_OF_CLOSED = 10
logger = logging.getLogger(__name__)


def clerk_login(slug: str) -> tuple[str, str]:
    """The demo login of a town's E-Akte clerk (Sachbearbeitung)."""
    return (f"akten.{slug}", f"demo-{slug}")


def officer_login(slug: str) -> tuple[str, str]:
    """The demo login of a town's records officer (Registratur)."""
    return (f"registratur.{slug}", f"demo-{slug}")


def seed_efiles(report, *, today: dt.date | None = None) -> None:
    """Seed the E-Akte; ``report`` is the demo's ``SeedReport`` (logins)."""
    today = today or timezone.localdate()
    vs_nfd, _confidential = roles.clearance_groups()
    towns = TownSettings.objects.filter(is_region=False).select_related("site")
    for town in towns.order_by("name"):
        clerks, officers = roles.setup_town(town)
        units = _units(town)
        password = _PasswordOf(town)
        clerk = _login(
            town, clerk_login(town.slug), "E-Akte", password, [clerks], CLERK_UNITS, units
        )
        officer = _login(
            town,
            officer_login(town.slug),
            "Registratur",
            password,
            [officers, vs_nfd],
            OFFICER_UNITS,
            units,
        )
        _caseworker_files_too(town, clerks)
        report.logins.append((f"E-Akte {town.name}", *clerk_login(town.slug)))
        report.logins.append((f"Registratur {town.name}", *officer_login(town.slug)))
        _records_settings(town)
        if not PlanUnit.objects.filter(site=town.site).exists():
            load_sample_plan(town.site, user=officer)
        if not Akte.objects.filter(site=town.site).exists():
            _files(town, units, clerk, today)


# --- people -------------------------------------------------------------------------------


def _units(town: TownSettings) -> dict[str, OrganisationalUnit]:
    by_name = {unit.name: unit for unit in OrganisationalUnit.objects.filter(site=town.site)}
    return {key: by_name[value[0]] for key, value in UNITS.items() if value[0] in by_name}


class _PasswordOf:
    """The hash of the town's demo password, computed at most once (hashing is slow): the
    hash of its editor login when that still has the demo password."""

    def __init__(self, town: TownSettings):
        self.town, self.hashed = town, None

    def hash(self, password: str) -> str:
        if self.hashed is None:
            User = get_user_model()
            editor = User.objects.filter(username=f"redaktion.{self.town.slug}").first()
            if editor is not None and editor.check_password(password):
                self.hashed = editor.password
            else:
                user = User()
                user.set_password(password)
                self.hashed = user.password
        return self.hashed


def _login(town, login: tuple[str, str], role: str, password: _PasswordOf, groups, keys, units):
    username, plain = login
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create(
            username=username,
            first_name=role,
            last_name=town.name,
            email=f"{username}@{town.slug}.example",
            password=password.hash(plain),
        )
    user.groups.add(*groups)
    for key in keys:
        units[key].members.add(user)
    return user


def _caseworker_files_too(town: TownSettings, clerks) -> None:
    """The Bürgerservice login files applications into the E-Akte, so it is a clerk too."""
    from .seed import caseworker_login  # seed.py imports this module

    User = get_user_model()
    user = User.objects.filter(username=caseworker_login(town.slug)[0]).first()
    if user is not None:
        user.groups.add(clerks)


def _records_settings(town: TownSettings) -> None:
    settings = aktenzeichen.settings_for(town.site)
    if not settings.town_code and town.code:
        settings.town_code = town.code[:10]
        settings.save(update_fields=["town_code"])


# --- files --------------------------------------------------------------------------------


def _plan_unit(site, plan, cache: dict) -> PlanUnit:
    """The first active leaf of the town's plan whose title holds one of the words, or the
    fallback unit (created when missing)."""
    words, (code, title, retention, disposal) = plan
    key = (site.pk, words)
    if key not in cache:
        leaves = list(
            PlanUnit.objects.filter(site=site, active=True, children=None).order_by("code")
        )
        found = next(
            (unit for word in words for unit in leaves if word.casefold() in unit.title.casefold()),
            None,
        )
        if found is None:
            found, _created = PlanUnit.objects.get_or_create(
                site=site,
                code=code,
                defaults={"title": title, "retention_years": retention, "disposal": disposal},
            )
        cache[key] = found
    return cache[key]


@contextmanager
def _in_bulk(queued: list) -> Iterator[None]:
    """Saving neither indexes Akten and Dokumente one by one nor queues the text
    extraction for the commit; ``queued`` collects the versions to read instead."""
    original = actions.enqueue_extraction
    actions.enqueue_extraction = queued.append
    try:
        with indexing.paused():
            yield
    finally:
        actions.enqueue_extraction = original


def _index(model, objects: list) -> None:
    """What saving each of ``objects`` would have done for the search index."""
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, objects)
        except Exception:
            if not backend.catch_indexing_errors:
                raise
            logger.exception("Indexing the demo's %s in %r failed", model.__name__, name)


def _files(town: TownSettings, units: dict, clerk, today: dt.date) -> None:
    queued: list = []
    with _in_bulk(queued):
        _make_files(town, units, clerk, today)
        newest = {version.dokument_id: version.pk for version in queued}  # in upload order
        for version_id in newest.values():
            extract_text.call(version_id)  # what the worker does after the commit
    _index(Akte, list(Akte.objects.filter(site=town.site)))
    _index(Dokument, list(Dokument.objects.filter(akte__site=town.site).select_related("akte")))


def _make_files(town: TownSettings, units: dict, clerk, today: dt.date) -> None:
    full = town.slug in content.FULL_TOWNS
    streets = content.STREETS.get(town.slug, ("Hauptstraße", "Bahnhofstraße", "Schulstraße"))
    plans: dict = {}
    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    for template in content.files(today):
        if not (full or template.core):
            continue
        context = {
            "stadt": town.name,
            "plz": town.postcode,
            "jahr": template.opened.year,
            "strasse": streets[0],
            "strasse2": streets[1],
            "strasse3": streets[2],
        }
        confidential = template.confidentiality > 1
        actor = admin if confidential and admin is not None else clerk
        akte = actions.create_akte(
            actor,
            plan_unit=_plan_unit(town.site, template.plan, plans),
            org_unit=units[template.unit],
            title=template.title.format(**context),
            description=template.description.format(**context),
            confidentiality=template.confidentiality,
            opened_on=template.opened,
        )
        day = template.opened
        for proc in template.procs:
            vorgang = actions.create_vorgang(actor, akte, title=proc.title.format(**context))
            for doc in proc.docs:
                day = min(day + dt.timedelta(days=9), template.closed or today)
                _document(actor, vorgang, doc, context, day, town)
        if template.closed is not None:
            if template.disposal:
                actions.update_akte(
                    actor,
                    akte,
                    retention_years=RETENTION_OF_CLOSED,
                    disposal=template.disposal,
                )
            actions.close_akte(actor, akte, closed_on=template.closed)


def _document(user, vorgang, doc, context: dict, day: dt.date, town: TownSettings) -> None:
    text = doc.text.format(**context)
    title = doc.title.format(**context)
    filename = f"{slugify(title)[:60] or 'dokument'}.pdf"
    header = f"Stadt {town.name} · {day:%d.%m.%Y}"
    extra = {}
    if doc.confidentiality is not None:
        extra["confidentiality"] = doc.confidentiality
    dokument = actions.add_dokument(
        user,
        vorgang,
        title=title,
        upload=_pdf(filename, header, title, text),
        document_type=doc.kind,
        document_date=day,
        sender=doc.sender.format(**context),
        recipient=doc.recipient.format(**context),
        comment="Eingang" if doc.sender else "",
        **extra,
    )
    for addition, comment in doc.versions:
        text = f"{text}\n\n{addition}"
        actions.add_version(user, dokument, _pdf(filename, header, title, text), comment=comment)
    if doc.checked_out:
        actions.check_out(user, dokument)


def _pdf(filename: str, header: str, title: str, text: str) -> SimpleUploadedFile:
    """A small one-page letter as a real PDF (its text readable by pypdf)."""
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"  # umlauts, „“, – and €
    pdf.add_page()
    pdf.set_font("helvetica", size=9)
    pdf.cell(0, 6, header, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", style="B", size=13)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, text)
    return SimpleUploadedFile(filename, bytes(pdf.output()), content_type="application/pdf")
