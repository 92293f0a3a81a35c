"""Loads the Bürgerservice demo: Lebenslagen, regional Leistungen and application forms;
per town its code, organisational units, "Leistungen A–Z" with one page per Leistung,
a case worker login and a handful of cases.

Idempotent like the rest of the demo: what exists (matched by name, slug or username)
is left as it is; a town's cases are made once (recognised by the known tracking token).

Speed: the test suite seeds the demo every session, and this adds ~500 pages. New
Leistungen, units and service pages are therefore inserted in bulk – service pages the
way a fixture is loaded (tree rows in one insert, then each page's own row raw, so no
per-save signals) – and then entered in the search index and Wagtail's reference index
in one batch per model, which is what saving each would have done. They are live
without a revision: their first edit in the admin makes the first one.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends_with_name

from portal.core.models import OrganisationalUnit, TownSettings
from portal.core.towns import ensure_regional_editors
from portal.pages.models import IndexPage
from services.form_blocks import validate_steps
from services.models import (
    ApplicationForm,
    Lebenslage,
    Leistung,
    ServiceIndexPage,
    ServicePage,
)
from services.roles import setup_regional_editors, setup_town
from services.sections import SECTIONS

from .services_appointments import seed_appointments
from .services_cases import _GERMAN, seed_cases
from .services_content import (
    INDEX_INTRO,
    LEBENSLAGEN,
    LEISTUNGEN,
    MON_FRI,
    TOWN_SERVICES,
    UNIT_ACCESS,
    UNITS,
)
from .services_forms import FORMS

logger = logging.getLogger(__name__)

SECTION_SLUG = "rathaus-service"
INDEX_SLUG = "leistungen"


def service_slug(name: str) -> str:
    """A German-style page slug: "Übermittlungssperre einrichten" →
    "uebermittlungssperre-einrichten"."""
    return slugify(name.translate(_GERMAN))


def seed_services(report) -> None:
    """Seed the Bürgerservice; ``report`` is the demo's ``SeedReport`` (logins, pages)."""
    setup_regional_editors(ensure_regional_editors())
    leistungen = _leistungen(_lebenslagen())
    forms = _forms()
    towns = TownSettings.objects.filter(is_region=False).select_related(
        "site__root_page", "editors_group"
    )
    for position, town in enumerate(towns.order_by("name")):
        flavour = TOWN_SERVICES.get(town.slug, {})
        if not town.code and flavour.get("code"):
            town.code = flavour["code"]
            town.save(update_fields=["code"])
        caseworkers = setup_town(town)
        units = _units(town, flavour)
        seed_appointments(town, units)
        index = _service_index(town, report)
        pages = _service_pages(index, leistungen, units, forms, flavour, report)
        staff = _staff(town, caseworkers, units, report)
        seed_cases(town, position, pages, forms, staff)


# --- the regional catalogue -----------------------------------------------------------


def _lebenslagen() -> dict[str, Lebenslage]:
    situations = list(Lebenslage.objects.all())
    existing = {situation.slug: situation for situation in situations}
    by_name = {situation.name: situation for situation in situations}
    for order, (slug, name, description) in enumerate(LEBENSLAGEN):
        if slug not in existing:
            existing[slug] = by_name.get(name) or Lebenslage.objects.create(
                slug=slug, name=name, description=description, sort_order=order
            )
    return existing


def _leistungen(lebenslagen: dict[str, Lebenslage]) -> dict[str, Leistung]:
    existing = {leistung.name: leistung for leistung in Leistung.objects.all()}
    now = timezone.now()
    new = [
        Leistung(
            name=data["name"],
            leika_key=data["leika_key"],
            teaser=data["teaser"],
            synonyms=data["synonyms"],
            live=True,
            first_published_at=now,
            last_published_at=now,
            **data["sections"],
        )
        for data in LEISTUNGEN
        if data["name"] not in existing
    ]
    Leistung.objects.bulk_create(new)
    situations = {data["name"]: data["lebenslagen"] for data in LEISTUNGEN}
    Through = Leistung.lebenslagen.through
    Through.objects.bulk_create(
        Through(leistung_id=leistung.pk, lebenslage_id=lebenslagen[slug].pk)
        for leistung in new
        for slug in situations[leistung.name]
    )
    _index(Leistung, new)
    return existing | {leistung.name: leistung for leistung in new}


def _forms() -> dict[str, ApplicationForm]:
    """The regional forms by the name of their Leistung."""
    existing = {form.title: form for form in ApplicationForm.objects.filter(site=None)}
    forms = {}
    for data in FORMS:
        form = existing.get(data["title"])
        if form is None:
            form = ApplicationForm(
                site=None,
                title=data["title"],
                intro=data["intro"],
                steps=data["steps"],
                confirmation_text=data["confirmation_text"],
            )
            validate_steps(form.steps)
            form.save()
        forms[data["leistung"]] = form
    return forms


# --- per town ---------------------------------------------------------------------------


def _next_date(today: dt.date, month: int, day: int) -> dt.date:
    date = dt.date(today.year, month, day)
    return date if date >= today else date.replace(year=today.year + 1)


def _next_weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _hours(key: str, flavour: dict) -> list[dict]:
    """StreamField data of a unit's structured opening hours."""
    periods = [
        {"weekdays": list(days), "opens": opens, "closes": closes}
        for days, opens, closes in UNITS[key][6]
    ]
    today = timezone.localdate()
    exceptions = [
        {"date": _next_date(today, 12, 24).isoformat(), "closed": True, "note": "Heiligabend"},
        {"date": _next_date(today, 12, 31).isoformat(), "closed": True, "note": "Silvester"},
    ]
    if key == "buergerbuero":
        long_day = flavour.get("long_day", "3")
        periods = [
            {"weekdays": MON_FRI, "opens": "08:00", "closes": "12:30"},
            {"weekdays": [long_day], "opens": "14:00", "closes": "18:00"},
        ]
        if flavour.get("saturday"):
            periods.append({"weekdays": ["5"], "opens": "09:00", "closes": "12:00"})
        exceptions.append(
            {
                "date": _next_weekday(today + dt.timedelta(days=17)).isoformat(),
                "closed": False,
                "opens": "08:00",
                "closes": "10:00",
                "note": "Personalversammlung – nur bis 10 Uhr geöffnet",
            }
        )
    exceptions.sort(key=lambda exception: exception["date"])
    return [
        {
            "type": "hours",
            "value": {
                "title": "Öffnungszeiten",
                "periods": periods,
                "exceptions": exceptions,
                "closed_on_holidays": True,
            },
        }
    ]


def _phone(town: TownSettings, extension: str) -> str:
    """The unit's extension on the town's switchboard: 07251 79-0 → 07251 79-100."""
    base, dash, _rest = town.phone.rpartition("-")
    return f"{base}-{extension}" if dash else f"{town.phone} {extension}".strip()


def _units(town: TownSettings, flavour: dict) -> dict[str, OrganisationalUnit]:
    units = {unit.name: unit for unit in OrganisationalUnit.objects.filter(site=town.site)}
    new = []
    for key, (name, parent, description, extension, mailbox, building, _h, note) in UNITS.items():
        if name in units:
            continue
        step_free, toilet, loop, parking = UNIT_ACCESS[key]
        new.append(
            OrganisationalUnit(
                site=town.site,
                name=name,
                parent_name=parent,
                description=description,
                street=town.street,
                postcode=town.postcode,
                city=town.city,
                building=building,
                phone=_phone(town, extension),
                email=f"{mailbox}@{town.slug}.example",
                opening_hours=_hours(key, flavour),
                step_free_access=step_free,
                accessible_toilet=toilet,
                hearing_loop=loop,
                disabled_parking=parking,
                accessibility_note=note,
            )
        )
    OrganisationalUnit.objects.bulk_create(new)
    _index(OrganisationalUnit, new)
    units |= {unit.name: unit for unit in new}
    return {key: units[UNITS[key][0]] for key in UNITS}


def _index(model, objects: list) -> None:
    """What saving each of ``objects`` would have done for search and references."""
    if not objects:
        return
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, objects)
        except Exception:
            if not backend.catch_indexing_errors:
                raise
            logger.exception("Indexing the demo's %s in %r failed", model.__name__, name)
    _reference_index(objects)


def _reference_index(objects: list) -> None:
    """``ReferenceIndex.create_or_update_for_object`` for new objects, in one insert."""
    rows = []
    for instance in objects:
        models = [type(instance), *instance._meta.get_parent_list()]
        content_type = ContentType.objects.get_for_model(models[0], for_concrete_model=False)
        base_content_type = ContentType.objects.get_for_model(models[-1], for_concrete_model=False)
        references = set(ReferenceIndex._extract_references_from_object(instance))
        rows += [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=instance.pk,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for to_content_type_id, to_object_id, model_path, content_path in references
        ]
    ReferenceIndex.objects.bulk_create(rows)


def _add_live_children(parent: Page, pages: list[Page]) -> None:
    """Append ``pages`` (unsaved, live, all of one type) as children of ``parent``.

    What ``add_child`` does for each, in bulk: tree position, URL path, locale, the
    shared ``wagtailcore_page`` rows in one insert; each page's own row is inserted raw
    (``save_base(raw=True)``, as loading a fixture does), then both indexes are updated.
    """
    if not pages:
        return
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    for number, page in enumerate(pages, start=step + 1):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, number)
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.set_url_path(parent)
    fields = [field.attname for field in Page._meta.concrete_fields if field.attname != "id"]
    rows = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in fields}) for page in pages]
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    _index(type(pages[0]), pages)


def _child(parent: Page, slug: str) -> Page | None:
    return parent.get_children().filter(slug=slug).specific().first()


def _service_index(town: TownSettings, report) -> ServiceIndexPage:
    home = town.site.root_page
    section = _child(home, SECTION_SLUG)
    if section is None:
        section = IndexPage(
            title="Rathaus & Service",
            slug=SECTION_SLUG,
            intro=f"Die Dienstleistungen der Stadtverwaltung {town.name}.",
            show_in_menus=True,
        )
        home.add_child(instance=section)
        section.save_revision().publish()
        report.pages_created += 1
    index = _child(section, INDEX_SLUG)
    if index is None:
        intro = INDEX_INTRO.format(name=town.name)
        index = ServiceIndexPage(
            title="Leistungen A–Z",
            slug=INDEX_SLUG,
            intro=intro,
            search_description=intro[:300],
            show_in_menus=True,
        )
        section.add_child(instance=index)
        index.save_revision().publish()
        report.pages_created += 1
    return index


def _service_pages(
    index: ServiceIndexPage,
    leistungen: dict[str, Leistung],
    units: dict[str, OrganisationalUnit],
    forms: dict[str, ApplicationForm],
    flavour: dict,
    report,
) -> dict[str, ServicePage]:
    """One live page per Leistung (without revision: the page is its own first state)."""
    existing = set(index.get_children().values_list("slug", flat=True))
    overrides: dict[str, dict[str, str]] = {}
    for name, section, html in flavour.get("overrides", []):
        overrides.setdefault(name, {})[f"{section}_override"] = html
    notes = dict(flavour.get("notes", []))
    retention = {data["leistung"]: data["retention_days"] for data in FORMS}
    override_fields = {section.override_field for section in SECTIONS}
    now = timezone.now()
    new = []
    for data in LEISTUNGEN:
        slug = service_slug(data["name"])
        if slug in existing:
            continue
        own = overrides.get(data["name"], {})
        if not set(own) <= override_fields:
            raise ValueError(f"unknown sections in the overrides of {data['name']}: {own}")
        new.append(
            ServicePage(
                title=data["name"],
                slug=slug,
                leistung=leistungen[data["name"]],
                responsible_unit=units[data["unit"]],
                application_form=forms.get(data["name"]),
                retention_days=retention.get(data["name"], 90),
                town_notes=notes.get(data["name"], ""),
                search_description=data["teaser"][:300],
                live=True,
                first_published_at=now,
                last_published_at=now,
                **own,
            )
        )
    _add_live_children(index, new)
    report.pages_created += len(new)
    pages = ServicePage.objects.child_of(index).select_related("leistung")
    return {page.leistung.name: page for page in pages}


def _staff(town: TownSettings, group, units: dict[str, OrganisationalUnit], report):
    from .seed import caseworker_login  # seed.py imports this module

    username, password = caseworker_login(town.slug)
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username,
            password=password,
            first_name="Bürgerservice",
            last_name=town.name,
            email=f"{username}@{town.slug}.example",
        )
    user.groups.add(group)
    units["buergerbuero"].members.add(user)
    units["steueramt"].members.add(user)
    report.logins.append((f"Bürgerservice {town.name}", username, password))
    return user
