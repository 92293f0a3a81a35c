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
import hashlib
import io
import itertools
import logging
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends_with_name

from portal.core.models import OrganisationalUnit, TownSettings
from portal.core.towns import ensure_regional_editors
from portal.pages.models import IndexPage
from services.applications.specs import form_steps
from services.applications.submission import applicant, next_number, reference_for
from services.applications.summary import case_data
from services.form_blocks import validate_steps
from services.models import (
    ApplicationForm,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseFile,
    CaseStatus,
    Lebenslage,
    Leistung,
    ServiceIndexPage,
    ServicePage,
    hash_token,
    new_token,
)
from services.roles import setup_regional_editors, setup_town
from services.sections import SECTIONS

from .services_content import (
    INDEX_INTRO,
    LEBENSLAGEN,
    LEISTUNGEN,
    MON_FRI,
    TOWN_SERVICES,
    UNIT_ACCESS,
    UNITS,
)
from .services_forms import CASES, DOGS, FIRST_NAMES, FORMS, FOUND, LAST_NAMES, PLATES, STREETS

logger = logging.getLogger(__name__)

SECTION_SLUG = "rathaus-service"
INDEX_SLUG = "leistungen"
DEMO_IBAN = "DE89 3704 0044 0532 0130 00"  # the well-known example IBAN, valid checksum
_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def service_slug(name: str) -> str:
    """A German-style page slug: "Übermittlungssperre einrichten" →
    "uebermittlungssperre-einrichten"."""
    return slugify(name.translate(_GERMAN))


def demo_tracking_token(slug: str) -> str:
    """The tracking token of the one case per town the README links to."""
    return f"demo-{slug}-vorgang"


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
        index = _service_index(town, report)
        pages = _service_pages(index, leistungen, units, forms, flavour, report)
        staff = _staff(town, caseworkers, units, report)
        _cases(town, position, pages, forms, staff)


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


# --- demo cases -------------------------------------------------------------------------


@dataclass
class Person:
    first: str
    last: str
    street: str
    postcode: str
    city: str
    phone: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def email(self) -> str:
        local = f"{self.first}.{self.last}".lower().translate(_GERMAN)
        return f"{local.replace('ı', 'i')}@example.org"

    @property
    def address(self) -> dict[str, str]:
        return {"street": self.street, "postcode": self.postcode, "city": self.city}


def _answers(form: str, person: Person, submitted: dt.date, variant: int) -> dict[str, Any]:
    """The citizen's answers by field key, stored as a submission stores them."""
    answers: dict[str, Any] = {
        "vorname": person.first,
        "nachname": person.last,
        "name": person.name,
        "anschrift": person.address,
        "email": person.email,
        "telefon": person.phone,
        "einwilligung": True,
        "geburtsdatum": dt.date(1958 + (variant * 7) % 40, 1 + variant % 12, 3 + variant % 25),
    }
    if form == "Hund anmelden":
        dog, breed = DOGS[variant % len(DOGS)]
        debit = variant % 2 == 0
        answers |= {
            "hundename": dog,
            "rasse": breed,
            "geburtsdatum_hund": submitted.replace(year=submitted.year - 3, day=1),
            "haltung_seit": submitted - dt.timedelta(days=10),
            "anzahl_hunde": "1",
            "gelistet": "nein",
            "lastschrift": debit,
            "iban": DEMO_IBAN if debit else None,
        }
    elif form == "Sperrmüll anmelden":
        answers |= {
            "gegenstaende": ["Möbel", "Matratzen und Lattenroste", "Teppiche und Bodenbeläge"][
                : 1 + variant % 3
            ],
            "menge": str(2 + variant % 3),
            "wunschtermin": submitted + dt.timedelta(days=21),
            "standort": "Vor der Garage, links neben der Einfahrt",
        }
    elif form == "Gewerbe anmelden":
        answers |= {
            "betrieb": f"Fahrradwerkstatt {person.last}",
            "rechtsform": "Einzelunternehmen",
            "taetigkeit": "Reparatur und Verkauf von Fahrrädern und Zubehör",
            "betriebsstaette": person.address,
            "beginn": submitted + dt.timedelta(days=14),
            "beschaeftigte": str(variant % 3),
            "nebenerwerb": variant % 2 == 1,
        }
    elif form == "Anwohnerparkausweis beantragen":
        letters = "".join(chr(65 + (variant * k) % 26) for k in (3, 7))
        answers |= {
            "kennzeichen": PLATES[variant % len(PLATES)].format(a=letters, n=100 + variant * 37),
            "fahrzeug": "auf mich zugelassen",
            "kein_stellplatz": True,
        }
    elif form == "Meldebescheinigung beantragen":
        answers |= {
            "art": "erweitert" if variant % 2 else "einfach",
            "zweck": "Vorlage beim Arbeitgeber",
            "zustellung": "per Post an meine Meldeanschrift",
        }
    elif form == "Fundsache melden":
        thing, description, place = FOUND[variant % len(FOUND)]
        answers |= {
            "gegenstand": thing,
            "beschreibung": description,
            "fundort": place,
            "funddatum": submitted - dt.timedelta(days=1),
            "verbleib": "Ich bringe sie ins Fundbüro.",
            "eigentum": True,
        }
    return {
        key: value.isoformat() if isinstance(value, dt.date) else value
        for key, value in answers.items()
    }


def demo_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF (grey, small) standing in for a citizen's upload."""
    page = PILImage.new("L", (595, 842), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle([40, 40, 555, 802], outline=120, width=2)
    draw.text((60, 70), title, fill=0)
    for number, line in enumerate(lines):
        draw.text((60, 120 + number * 24), line, fill=40)
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=72)
    return buffer.getvalue()


def _people(position: int, town: TownSettings):
    """Fictitious applicants living in the town, different in each town."""
    for number in itertools.count():
        first = FIRST_NAMES[(position * 5 + number * 7) % len(FIRST_NAMES)]
        last = LAST_NAMES[(position * 11 + number * 5) % len(LAST_NAMES)]
        street = f"{STREETS[(position + number * 3) % len(STREETS)]} {3 + (number * 7) % 40}"
        phone = f"0151 {2340000 + position * 1000 + number * 137}"
        yield Person(first, last, street, town.postcode, town.city, phone)


def _cases(
    town: TownSettings,
    position: int,
    pages: dict[str, ServicePage],
    forms: dict[str, ApplicationForm],
    staff,
) -> None:
    """The town's demo cases, numbered and stored as real submissions are."""
    known = hash_token(demo_tracking_token(town.slug))
    if Case.objects.filter(tracking_token_hash=known).exists():
        return
    now = timezone.now()
    specs = [spec for spec in CASES if not (spec.get("every_other_town") and position % 2)]
    # oldest first: numbers are given out in the order applications come in
    timed = []
    for number, spec in enumerate(specs):
        hours = spec["days"] * 24 + 1 + (position * 3 + number * 5) % 7
        timed.append((now - dt.timedelta(hours=hours), spec))
    timed.sort(key=lambda item: item[0])
    people = _people(position, town)
    events: list[tuple[CaseEvent, dt.datetime]] = []
    for variant, (submitted_at, spec) in enumerate(timed, start=position):
        page = pages[spec["form"]]
        form = forms[spec["form"]]
        person = next(people)
        year = timezone.localtime(submitted_at).year
        number = next_number(town.site, year)
        files = {}
        if spec.get("file"):
            files[spec["file"][0]] = [SimpleNamespace(original_name=spec["file"][1])]
        answers = _answers(spec["form"], person, timezone.localdate(submitted_at), variant)
        data = case_data(form_steps(form), answers, files)
        email, name = applicant(data)
        case = Case.objects.create(
            site=town.site,
            reference=reference_for(town.site, year, number),
            year=year,
            number=number,
            service_page=page,
            service_name=page.title,
            form=form,
            status=spec["status"],
            assignee=staff if spec["assigned"] else None,
            data=data,
            applicant_email=email,
            applicant_name=name,
            language="de",
            tracking_token_hash=known if spec.get("known_token") else new_token()[1],
            submitted_at=submitted_at,
            retention_days=page.retention_days,
            retention_action=page.retention_action,
        )
        events += _history(case, spec, staff, now)
        if spec.get("file"):
            _attach(case, spec["file"], person)
    CaseEvent.objects.bulk_create([event for event, _at in events])
    for event, at in events:
        event.created_at = at
    CaseEvent.objects.bulk_update([event for event, _at in events], ["created_at"])


def _history(
    case: Case, spec: dict, staff, now: dt.datetime
) -> list[tuple[CaseEvent, dt.datetime]]:
    """The events of a case (not yet saved) with their times; sets ``closed_at``."""
    steps = spec["events"]
    step = (now - case.submitted_at) / (len(steps) + 2)
    history = [(CaseEvent(case=case, kind=CaseEventKind.SUBMITTED), case.submitted_at)]
    if spec["assigned"]:
        name = (staff.get_full_name() or staff.get_username())[:200]
        assigned = CaseEvent(case=case, actor=staff, kind=CaseEventKind.ASSIGNED, new_value=name)
        history.append((assigned, case.submitted_at + step / 2))
    times = [case.submitted_at + step * (number + 1) for number in range(len(steps))]
    status = CaseStatus.RECEIVED.value
    for (kind, value), at in zip(steps, times, strict=True):
        if kind == "status":
            event = CaseEvent(
                case=case, actor=staff, kind=CaseEventKind.STATUS, old_value=status, new_value=value
            )
            status = value
            if value in (CaseStatus.COMPLETED, CaseStatus.REJECTED):
                case.closed_at = at
        elif kind == "note":
            event = CaseEvent(case=case, actor=staff, kind=CaseEventKind.NOTE, text=value)
        else:
            event = CaseEvent(
                case=case,
                actor=staff,
                kind=CaseEventKind.MESSAGE,
                text=value,
                visible_to_citizen=True,
            )
        history.append((event, at))
    if status != spec["status"]:
        raise ValueError(f"demo case {spec['form']}: events end in {status}, not {spec['status']}")
    if case.closed_at:
        case.delete_after = case.closed_at + dt.timedelta(days=case.retention_days)
    case.updated_at = history[-1][1]
    Case.objects.filter(pk=case.pk).update(
        closed_at=case.closed_at, delete_after=case.delete_after, updated_at=case.updated_at
    )
    return history


def _attach(case: Case, file_spec: tuple[str, str, str], person: Person) -> None:
    key, name, title = file_spec
    content = demo_pdf(
        f"{title} (Muster)",
        [
            "Demo-Dokument – keine echten Daten",
            person.name,
            f"{person.street}, {person.postcode} {person.city}",
            f"Vorgang {case.reference}",
        ],
    )
    upload = CaseFile(
        case=case,
        field_key=key,
        original_name=name,
        content_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    upload.file.save(name, ContentFile(content), save=True)
