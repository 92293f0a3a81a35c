"""Loads the demo: ten sites with German content, editor groups and one login per role.

Idempotent: what exists already (matched by slug or username) is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page, Site

from portal.core.models import TownSettings
from portal.core.towns import create_town, ensure_regional_editors
from portal.pages.models import (
    AccessibilityFeedbackField,
    AccessibilityStatementPage,
    ContentPage,
    EasyLanguagePage,
    IndexPage,
    LegalPage,
)

from . import content
from .efiles_seed import seed_efiles
from .invoices_seed import seed_invoices
from .sensor_seed import seed_sensors
from .services_seed import seed_services
from .showcase import showcase_body
from .translations import repair_translated_trees, translate_demo
from .vereine_seed import seed_vereine

ADMIN_LOGIN = ("admin", "demo-admin")
SHOWCASE_SLUG = "auf-einen-blick"
REGIONAL_EDITOR_LOGIN = ("redaktion.region", "demo-region")


def editor_login(slug: str) -> tuple[str, str]:
    return (f"redaktion.{slug}", f"demo-{slug}")


def caseworker_login(slug: str) -> tuple[str, str]:
    """The demo login of a town's Bürgerservice (case worker)."""
    return (f"buergerservice.{slug}", f"demo-{slug}")


@dataclass
class SeedReport:
    sites: list[tuple[str, str]] = field(default_factory=list)  # (name, url)
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (role, user, password)
    pages_created: int = 0


def stream(blocks: list[tuple[str, object]]) -> list[dict]:
    """Demo content tuples → StreamField raw data."""
    data = []
    for kind, value in blocks:
        if kind == "heading":
            data.append({"type": "heading", "value": {"text": value, "level": "h2", "anchor": ""}})
        elif kind == "paragraph":
            data.append({"type": "paragraph", "value": value})
        elif kind in {"notice", "quote"}:
            data.append({"type": kind, "value": dict(value)})
        else:
            raise ValueError(f"unknown demo block type {kind!r}")
    return data


def _child(parent: Page, slug: str) -> Page | None:
    return parent.get_children().filter(slug=slug).specific().first()


def _add(parent: Page, page: Page, report: SeedReport) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.pages_created += 1
    return page


def _hours_text(hours: list[tuple[str, str]]) -> str:
    return "\n".join(f"{days}: {time}" for days, time in hours)


def _remove_wagtail_welcome_site() -> None:
    """Wagtail's first migration creates a placeholder site; the demo replaces it."""
    for site in Site.objects.filter(hostname="localhost", port=80):
        if not TownSettings.objects.filter(site=site).exists():
            root = site.root_page
            site.delete()
            if root.slug == "home" and root.specific_class is Page:
                root.delete()


def _populate(town: TownSettings, data: dict, report: SeedReport) -> None:
    home = town.site.root_page.specific
    if not home.intro and data.get("intro"):
        home.intro = data["intro"]
        if "body" in data:
            home.body = stream(data["body"])
        home.seo_title = data.get("title", "")
        home.search_description = data["intro"][:300]
        home.save_revision().publish()

    for section in data["sections"]:
        index = _child(home, section["slug"])
        if index is None:
            index = _add(
                home,
                IndexPage(
                    title=section["title"],
                    slug=section["slug"],
                    intro=section["intro"],
                    search_description=section["intro"][:300],
                    show_in_menus=True,
                ),
                report,
            )
        for item in section["pages"]:
            if _child(index, item["slug"]) is None:
                _add(
                    index,
                    ContentPage(
                        title=item["title"],
                        slug=item["slug"],
                        intro=item["intro"],
                        search_description=item["intro"][:300],
                        body=stream(item["body"]),
                    ),
                    report,
                )

    if not town.is_region:
        section = _child(home, data["sections"][0]["slug"])
        if _child(section, SHOWCASE_SLUG) is None:
            pages = {page.slug: page for page in section.get_children().specific()}
            _add(
                section,
                ContentPage(
                    title="Bürgerservice auf einen Blick",
                    slug=SHOWCASE_SLUG,
                    intro=(
                        f"Öffnungszeiten, Anfahrt, Gebühren, Formulare und Antworten auf "
                        f"häufige Fragen rund um das Rathaus {data['name']}."
                    ),
                    search_description=f"Alles Wichtige zum Rathaus {data['name']}.",
                    body=showcase_body(town, data, pages),
                ),
                report,
            )

    legal = [
        ("imprint_page", "impressum", "Impressum", LegalPage, content.impressum),
        ("privacy_page", "datenschutz", "Datenschutzerklärung", LegalPage, content.datenschutz),
        (
            "easy_language_page",
            "leichte-sprache",
            f"{data['name']} in Leichter Sprache",
            EasyLanguagePage,
            content.leichte_sprache,
        ),
    ]
    changed = False
    for attribute, slug, title, model, text in legal:
        page = _child(home, slug)
        if page is None:
            page = _add(home, model(title=title, slug=slug, body=stream(text(data))), report)
        if getattr(town, f"{attribute}_id") is None:
            setattr(town, attribute, page)
            changed = True

    statement = _child(home, "barrierefreiheit")
    if statement is None:
        statement = AccessibilityStatementPage(
            title="Erklärung zur Barrierefreiheit",
            slug="barrierefreiheit",
            body=stream(content.barrierefreiheit(data)),
            form_intro=f"<p>{content.ACCESSIBILITY_FORM_INTRO}</p>",
            thank_you_text=f"<p>{content.ACCESSIBILITY_FORM_THANKS}</p>",
            to_address=data["email"],
            from_address="noreply@redi.example",
            subject="Rückmeldung zur Barrierefreiheit",
        )
        statement.form_fields = [
            AccessibilityFeedbackField(
                sort_order=0, label="Ihr Name", field_type="singleline", required=False
            ),
            AccessibilityFeedbackField(
                sort_order=1,
                label="Ihre E-Mail-Adresse",
                field_type="email",
                required=False,
                help_text="Nur nötig, wenn Sie eine Antwort wünschen.",
            ),
            AccessibilityFeedbackField(
                sort_order=2,
                label="Betroffene Seite (Adresse)",
                field_type="singleline",
                required=False,
            ),
            AccessibilityFeedbackField(
                sort_order=3,
                label="Beschreibung der Barriere",
                field_type="multiline",
                required=True,
                help_text="Was hat nicht funktioniert? Welche Hilfsmittel nutzen Sie?",
            ),
        ]
        _add(home, statement, report)
    if town.accessibility_page_id is None:
        town.accessibility_page = statement
        changed = True
    if changed:
        town.save()


def _user(username: str, password: str, *, group=None, superuser: bool = False, **extra):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        if superuser:
            user = User.objects.create_superuser(username, password=password, **extra)
        else:
            user = User.objects.create_user(username, password=password, **extra)
    if group is not None:
        user.groups.add(group)
    return user


def seed(*, domain: str = "localhost", port: int = 8000) -> SeedReport:
    report = _seed(domain=domain, port=port)
    # Translations after the content is committed: wagtail-localize publishes
    # translated pages when the transaction commits.
    for town in TownSettings.objects.filter(is_region=False).order_by("pk"):
        with transaction.atomic():
            report.pages_created += translate_demo(town)
    repair_translated_trees()
    return report


@transaction.atomic
def _seed(*, domain: str, port: int) -> SeedReport:
    report = SeedReport()
    _remove_wagtail_welcome_site()
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    region_data = content.REGION
    region = create_town(
        slug="region",
        name=region_data["name"],
        legal_name=region_data["legal_name"],
        hostname=domain,
        port=port,
        is_region=True,
        is_default_site=True,
        theme="region",
        tagline="Gemeinsam digital für neun Städte",
        street=region_data["street"],
        postcode=region_data["postcode"],
        city=region_data["city"],
        phone=region_data["phone"],
        email=region_data["email"],
        opening_hours=_hours_text(region_data.get("opening_hours", [])),
    ).settings
    _populate(region, region_data, report)
    report.sites.append((region.name, f"http://{domain}:{port}/"))

    for data in content.TOWNS:
        town = create_town(
            slug=data["slug"],
            name=data["name"],
            legal_name=data["legal_name"],
            hostname=f"{data['slug']}.{domain}",
            port=port,
            tagline=data["tagline"],
            street=data["street"],
            postcode=data["postcode"],
            city=data["city"],
            phone=data["phone"],
            email=data["email"],
            opening_hours=_hours_text(data["opening_hours"]),
        ).settings
        _populate(town, data, report)
        report.sites.append((town.name, f"http://{data['slug']}.{domain}:{port}/"))

    _user(ADMIN_LOGIN[0], ADMIN_LOGIN[1], superuser=True, email="admin@redi.example")
    report.logins.append(("Administration (alle Rechte)", *ADMIN_LOGIN))
    regional = ensure_regional_editors()
    _user(*REGIONAL_EDITOR_LOGIN, group=regional, first_name="Regionale", last_name="Redaktion")
    report.logins.append(("Regionale Redaktion (alle Städte)", *REGIONAL_EDITOR_LOGIN))
    for town in TownSettings.objects.filter(is_region=False).order_by("name"):
        username, password = editor_login(town.slug)
        _user(
            username,
            password,
            group=town.editors_group,
            first_name="Redaktion",
            last_name=town.name,
        )
        report.logins.append((f"Redaktion {town.name}", username, password))
    # Bürgerservice: catalogue, service pages, units, case workers ("Bürgerservice <Stadt>")
    seed_services(report)
    # Vereinsportal: directory, calendar and board per town, clubs, events, club logins
    seed_vereine(report)
    # Sensorik: stations, devices, history, "Messwerte" pages, sensor staff logins
    seed_sensors(report)
    # E-Akte: groups, file plan, records staff logins, files with documents
    seed_efiles(report)
    # Rechnungslauf: groups, Leitweg-ID routes, invoice Akte, logins, invoices in every status
    seed_invoices(report)
    return report
