"""Loads the Rechnungslauf demo: per town the groups (``backoffice.invoices.roles``), the
Leitweg-ID routes (the town as a whole + one per office), an Akte "Rechnungen <Jahr>" for the
ordered invoices (10 years retention, § 14b UStG), the demo logins and 12–15 invoices in every
status.

Logins (password ``demo-<slug>`` like every demo login; all members of the demo offices):

- ``rechnungseingang.<slug>`` – Rechnungseingang + Rechnungslauf-Verwaltung
- ``sachlich.<slug>`` – Sachliche Prüfung
- ``rechnerisch.<slug>`` – Rechnerische Prüfung
- ``anordnung.<slug>`` – Anordnung, Anordnungsgrenze 5.000 € (also E-Akte clerk: files)
- ``kaemmerei.<slug>`` – Anordnung (Grenze 100.000 €) + Kasse (export), E-Akte clerk

The invoices (``invoices_content``) are real XRechnung files (UBL and CII) received through
:func:`backoffice.invoices.intake.receive` – the real validation – and moved on with
:mod:`backoffice.invoices.workflow` and :mod:`backoffice.invoices.export` by the people above.
Every town gets 12: two just received (one with no office yet), two formally checked (one
losing Skonto tomorrow, one overdue), two "sachlich richtig" (one losing Skonto in 2 days),
two "rechnerisch richtig" (one losing Skonto in 3 days), one above 5.000 € whose first
Anordnung waits for the second signature, one rejected with reason and notice, a credit note
ordered and an invoice ordered and exported in a booking file – both filed into the Akte. The
towns with the full demo (``invoices_content.FULL_TOWNS``) get three more (one formally checked,
one ordered above 5.000 € by the Kämmerei, one more in the booking file). A duplicate sent
again is refused (and not stored). The steps before the Anordnung are dated back to match the
invoice dates.

Speed: filing renders two PDFs per invoice (``visualisation``) – the slowest part – so only
the full towns get more than two filed invoices; the E-Akte documents are read and indexed in
one go at the end of each town, as the E-Akte demo does.

Idempotent: groups, logins, routes and the Akte are matched by name; a town that has
invoices already gets no new ones.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from backoffice.efiles import actions as efiles_actions
from backoffice.efiles import roles as efiles_roles
from backoffice.efiles.models import Akte, Dokument, PlanUnit
from backoffice.efiles.tasks import extract_text
from backoffice.invoices import export, intake, roles, workflow
from backoffice.invoices.models import (
    ApprovalLimit,
    Invoice,
    InvoiceStep,
    LeitwegRoute,
    Source,
)
from portal.core.models import OrganisationalUnit, TownSettings

from . import invoices_content as content
from .efiles_seed import _in_bulk, _index
from .services_content import UNITS

SMALL_LIMIT = 5000
BIG_LIMIT = 100000
RETENTION_YEARS = 10
INVOICE_PLAN = (("Zahlungsverkehr", "Stadtkasse"), ("910", "Zahlungsverkehr"))
ORDER = ["received", "formal", "factual", "arithmetic", "first_order", "ordered", "exported"]
logger = logging.getLogger(__name__)


def login(role: str, slug: str) -> tuple[str, str]:
    """``login("anordnung", "rastatt")`` → ``("anordnung.rastatt", "demo-rastatt")``."""
    return (f"{role}.{slug}", f"demo-{slug}")


#: username prefix → (label, invoice roles, E-Akte clerk, approval limit)
LOGINS = {
    "rechnungseingang": (
        "Rechnungseingang",
        ["Rechnungseingang", "Rechnungslauf-Verwaltung"],
        False,
        None,
    ),
    "sachlich": ("Sachliche Prüfung", ["Sachliche Prüfung"], False, None),
    "rechnerisch": ("Rechnerische Prüfung", ["Rechnerische Prüfung"], False, None),
    "anordnung": ("Anordnung", ["Anordnung"], True, SMALL_LIMIT),
    "kaemmerei": ("Kämmerei", ["Anordnung", "Kasse"], True, BIG_LIMIT),
}


def seed_invoices(report, *, today: dt.date | None = None) -> None:
    """Seed the Rechnungslauf; ``report`` is the demo's ``SeedReport`` (logins)."""
    today = today or timezone.localdate()
    towns = TownSettings.objects.filter(is_region=False).select_related("site").order_by("name")
    for number, town in enumerate(towns):
        if town.slug not in content.MUNICIPALITY_KEYS:
            continue
        units = _units(town)
        if content.FILING_OFFICE not in units:
            logger.warning("Rechnungslauf-Demo: %s hat keine Dienststellen", town.name)
            continue
        people = _people(town, units, report)
        akte = _akte(town, units[content.FILING_OFFICE], people["kaemmerei"], today)
        _routes(town, units, akte)
        if not Invoice.objects.filter(site=town.site).exists():
            _invoices(town, number, people, today)


# --- people -------------------------------------------------------------------------------------
def _units(town: TownSettings) -> dict[str, OrganisationalUnit]:
    by_name = {unit.name: unit for unit in OrganisationalUnit.objects.filter(site=town.site)}
    return {key: by_name[UNITS[key][0]] for key in content.OFFICES if UNITS[key][0] in by_name}


def _people(town: TownSettings, units: dict, report) -> dict:
    groups = roles.setup_town(town)
    clerks, _officers = efiles_roles.setup_town(town)
    User = get_user_model()
    hashed = None
    people = {}
    for prefix, (label, role_names, files, limit) in LOGINS.items():
        username, password = login(prefix, town.slug)
        user = User.objects.filter(username=username).first()
        if user is None:
            hashed = hashed or make_password(password)  # one (slow) hash per town
            user = User.objects.create(
                username=username,
                first_name=label,
                last_name=town.name,
                email=f"{username}@{town.slug}.example",
                password=hashed,
            )
        user.groups.add(*[groups[name] for name in role_names], *([clerks] if files else []))
        for unit in units.values():
            unit.members.add(user)
        if limit is not None:
            ApprovalLimit.objects.get_or_create(
                site=town.site, user=user, defaults={"max_amount": limit}
            )
        report.logins.append((f"{label} {town.name}", username, password))
        people[prefix] = user
    return people


# --- where invoices go ---------------------------------------------------------------------------
def _plan_unit(town: TownSettings) -> PlanUnit:
    """The plan unit "Zahlungsverkehr" of the town's file plan (created when missing)."""
    leaves = PlanUnit.objects.filter(site=town.site, active=True, children=None).order_by("code")
    for word in INVOICE_PLAN[0]:
        found = next((unit for unit in leaves if word.casefold() in unit.title.casefold()), None)
        if found is not None:
            return found
    code, title = INVOICE_PLAN[1]
    found, _created = PlanUnit.objects.get_or_create(
        site=town.site, code=code, defaults={"title": title, "retention_years": RETENTION_YEARS}
    )
    return found


def _akte(town: TownSettings, unit: OrganisationalUnit, actor, today: dt.date) -> Akte:
    title = f"Rechnungen {today.year}"
    akte = Akte.objects.filter(site=town.site, title=title).order_by("pk").first()
    if akte is None:
        akte = efiles_actions.create_akte(
            actor,
            plan_unit=_plan_unit(town),
            org_unit=unit,
            title=title,
            description=(
                "Angeordnete Rechnungen mit Sichtfassung und Prüf- und Anordnungsvermerk "
                "(Ablage aus dem Rechnungslauf; Aufbewahrung 10 Jahre nach § 14b UStG)."
            ),
            opened_on=dt.date(today.year, 1, 2),
        )
    if akte.retention_years < RETENTION_YEARS and akte.is_open:
        akte = efiles_actions.update_akte(actor, akte, retention_years=RETENTION_YEARS)
    return akte


def _routes(town: TownSettings, units: dict, akte: Akte) -> None:
    wanted = [(content.route_id(town.slug), None, f"Stadt {town.name} (alle Dienststellen)")]
    wanted += [
        (content.route_id(town.slug, key), units[key], units[key].name)
        for key in content.OFFICES
        if key in units
    ]
    for leitweg_id, unit, description in wanted:
        LeitwegRoute.objects.get_or_create(
            leitweg_id=leitweg_id,
            defaults={
                "site": town.site,
                "org_unit": unit,
                "akte": akte,
                "description": description,
            },
        )


# --- invoices ------------------------------------------------------------------------------------
def _invoices(town: TownSettings, number: int, people: dict, today: dt.date) -> None:
    """Receive and move the town's invoices; the E-Akte documents of the filed ones are
    read and indexed in one go afterwards (as the E-Akte demo does)."""
    queued: list = []
    with _in_bulk(queued):
        _receive_and_move(town, number, people, today)
        newest = {version.dokument_id: version.pk for version in queued}
        for version_id in newest.values():
            extract_text.call(version_id)  # what the worker does after the commit
    filed = Dokument.objects.filter(pk__in=newest).select_related("akte")
    _index(Dokument, list(filed))


def _receive_and_move(town: TownSettings, number: int, people: dict, today: dt.date) -> None:
    eingang = people["rechnungseingang"]
    to_export = []
    first_factual = None
    full = town.slug in content.FULL_TOWNS
    for scenario in content.scenarios(town, number, today):
        if not (full or scenario.core):
            continue
        result = intake.receive(
            scenario.xml,
            scenario.filename,
            source=Source.API if scenario.source == "api" else Source.UPLOAD,
            user=None if scenario.source == "api" else eingang,
            site=town.site,
        )
        if not result.accepted:
            logger.warning(
                "Rechnungslauf-Demo %s: %s nicht angenommen: %s",
                town.name,
                scenario.key,
                "; ".join(f"{f.rule_id} {f.message}" for f in result.errors) or result.message,
            )
            continue
        invoice = result.invoice
        _move(invoice, scenario, people)
        if scenario.target == "exported":
            to_export.append(invoice)
        if scenario.target == "factual" and first_factual is None:
            first_factual = scenario
    if to_export:
        export.export(people["kaemmerei"], to_export, "csv", site=town.site)
    if first_factual is not None:
        _duplicate_refused(town, first_factual, eingang)


def _move(invoice: Invoice, scenario: content.Scenario, people: dict) -> None:
    """Take ``invoice`` along the approval path as far as ``scenario.target``; the steps
    before the Anordnung are dated back (a day apart from the day after the invoice date),
    the Anordnung, filing and export happen today."""
    clock = _Clock(scenario.data.issue_date)
    clock.stamp(invoice, received=True)
    target = scenario.target
    if target == "rejected":
        reason, notice = scenario.rejection
        workflow.reject(invoice, people["rechnungseingang"], reason, notice)
        clock.stamp(invoice)
        return
    reached = ORDER.index(target)
    if reached >= ORDER.index("formal"):
        workflow.formal_check(invoice, people["rechnungseingang"], "Bestellung liegt vor.")
        clock.stamp(invoice)
    if reached >= ORDER.index("factual"):
        workflow.confirm_factual(
            invoice, people["sachlich"], "Leistung vollständig und mangelfrei erbracht."
        )
        clock.stamp(invoice)
    if reached >= ORDER.index("arithmetic"):
        workflow.confirm_arithmetic(invoice, people["rechnerisch"], "Preise laut Angebot.")
        clock.stamp(invoice)
    if target == "first_order":
        workflow.order(invoice, people["anordnung"])
    elif reached >= ORDER.index("ordered"):
        small = workflow.order_amount(invoice) <= SMALL_LIMIT
        workflow.order(invoice, people["anordnung" if small else "kaemmerei"])


class _Clock:
    """Back-dated times for the steps of one invoice: the day after the invoice date at nine,
    then a day (and an hour) later each – never later than a few minutes ago."""

    def __init__(self, issue_date: dt.date):
        self.start = timezone.make_aware(
            dt.datetime.combine(issue_date + dt.timedelta(days=1), dt.time(9))
        )
        self.count = 0

    def stamp(self, invoice: Invoice, *, received: bool = False) -> None:
        at = min(
            self.start + dt.timedelta(days=self.count, hours=self.count),
            timezone.now() - dt.timedelta(minutes=10 - self.count),
        )
        self.count += 1
        step = invoice.steps.order_by("-pk").first()
        if step is not None:
            InvoiceStep.objects.filter(pk=step.pk).update(at=at)
        if received:
            Invoice.objects.filter(pk=invoice.pk).update(received_at=at)
            invoice.received_at = at


def _duplicate_refused(town: TownSettings, scenario: content.Scenario, user) -> None:
    result = intake.receive(
        content.duplicate_of(scenario),
        f"nochmals-{scenario.filename}",
        source=Source.UPLOAD,
        user=user,
        site=town.site,
    )
    if result.accepted:  # pragma: no cover - the duplicate check is tested in the intake
        logger.warning("Rechnungslauf-Demo %s: Dublette wurde angenommen", town.name)
