"""Loads the Vereinsportal demo: categories and target groups; in every town (and the
region) the pages "Vereine", "Veranstaltungen" and "Ehrenamt"; per town 8–20 clubs with
their events (dates relative to today), sign-ups, volunteer opportunities, pending
club registrations, a club manager and a moderator login.

Idempotent like the rest of the demo: pages are matched by slug, logins by user name;
clubs and their events are made once (a club whose slug exists is left alone, and so
are its events), opportunities and registrations once per town.

Speed: the test suite seeds the demo every session. Club and event pages are therefore
inserted in bulk, live without a revision, like the service pages
(``services_seed._add_live_children``, here for many parents in one insert); then their
occurrences are inserted in one go from ``vereinsportal.recurrence.expand`` – the rows
``vereinsportal.occurrences.rebuild`` makes when an event is published (a test checks
that ``rebuild`` finds nothing to change). Logins of one town share one password hash
(the same demo password; hashing is deliberately slow).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import secrets
from collections import defaultdict
from decimal import Decimal
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from portal.core.models import TownSettings
from vereinsportal import roles
from vereinsportal.models import (
    Category,
    ClubChronicleEntry,
    ClubIndexPage,
    ClubMembership,
    ClubPage,
    ClubRegistration,
    ClubRole,
    ContactVisibility,
    EventCalendarPage,
    EventOccurrence,
    EventPage,
    LocationKind,
    Signup,
    SignupStatus,
    TargetGroup,
    VolunteerBoardPage,
    VolunteerOpportunity,
)
from vereinsportal.recurrence import expand

from .services_seed import _index
from .vereine_content import (
    CATEGORIES,
    CLUBS,
    FIRST_NAMES,
    FOUNDED_SHIFT,
    LAST_NAMES,
    OPPORTUNITIES,
    PAGE_TEXTS,
    REGION_NAME,
    REGISTRATIONS,
    TARGET_GROUPS,
    TOWNS,
    ClubSpec,
    EventSpec,
    TownPlaces,
)

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
APPROVAL_TOWNS = {"bruchsal"}  # new events wait for the moderators there
REGISTER_COURT = "Amtsgericht Mannheim"
_GERMAN = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "–": "-",
        "„": "",
        "“": "",
    }
)


def club_login(slug: str) -> tuple[str, str]:
    """The demo login of a town's first club (its manager)."""
    return (f"verein.{slug}", f"demo-{slug}")


def moderator_login(slug: str) -> tuple[str, str]:
    """The demo login of a town's club moderators."""
    return (f"vereinsmoderation.{slug}", f"demo-{slug}")


def page_slug(text: str) -> str:
    return slugify(text.translate(_GERMAN))


def seed_vereine(report) -> None:
    """Seed the Vereinsportal; ``report`` is the demo's ``SeedReport`` (logins, pages)."""
    categories, groups = taxonomy()
    today = timezone.localdate()
    region = TownSettings.objects.filter(is_region=True).select_related("site").first()
    if region is not None:
        town_pages(region.site.root_page, REGION_NAME, report)
    towns = TownSettings.objects.filter(is_region=False).select_related("site__root_page")
    for number, town in enumerate(towns.order_by("name")):
        places = TOWNS.get(town.slug)
        if places is None:
            continue
        index, _calendar, _board = town_pages(town.site.root_page, town.name, report)
        roles.setup_town(town)
        clubs = seed_clubs(town, index, places, number, categories, groups, today, report)
        opportunities(town, clubs, categories, groups, today)
        registrations(town, index, number, categories)
        logins(town, clubs, report)
        if town.slug in APPROVAL_TOWNS:
            roles.set_event_approval(town.site, True)


def taxonomy() -> tuple[dict[str, Category], dict[str, TargetGroup]]:
    found = []
    for model, rows in ((Category, CATEGORIES), (TargetGroup, TARGET_GROUPS)):
        existing = {item.slug: item for item in model.objects.all()}
        names = {item.name for item in existing.values()}
        new = [
            model(slug=slug, name=name, sort_order=order)
            for order, (slug, name) in enumerate(rows)
            if slug not in existing and name not in names
        ]
        model.objects.bulk_create(new)
        found.append({item.slug: item for item in model.objects.all()})
    return found[0], found[1]


def _child(parent: Page, slug: str) -> Page | None:
    return parent.get_children().filter(slug=slug).specific().first()


def town_pages(home: Page, name: str, report) -> tuple[Page, Page, Page]:
    """The directory, calendar and board below ``home`` (inserted live if missing)."""
    now = timezone.now()
    pages, new = [], []
    for slug, model in (
        ("vereine", ClubIndexPage),
        ("veranstaltungen", EventCalendarPage),
        ("ehrenamt", VolunteerBoardPage),
    ):
        page = _child(home, slug)
        if page is None:
            title, intro = PAGE_TEXTS[slug]
            intro = intro.format(name=name)
            page = model(
                title=title,
                slug=slug,
                intro=intro,
                search_description=intro[:300],
                show_in_menus=True,
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
            new.append(page)
        pages.append(page)
    add_live_children([(home, new)])
    report.pages_created += len(new)
    return pages[0], pages[1], pages[2]


# --- bulk page insertion -----------------------------------------------------------------


def add_live_children(groups: list[tuple[Page, list[Page]]]) -> None:
    """Append the unsaved live pages of each ``(parent, pages)`` to their parent.

    What ``add_child`` does for each, in bulk: tree position, URL path, locale and the
    shared ``wagtailcore_page`` rows in one insert for all parents; each page's own row
    raw (as loading a fixture does); then the search and reference indexes per type.
    The pages' many-to-many rows are the caller's business.
    """
    groups = [(parent, pages) for parent, pages in groups if pages]
    if not groups:
        return
    every = []
    for parent, pages in groups:
        last = parent.get_last_child() if parent.numchild else None
        step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        for number, page in enumerate(pages, start=step + 1):
            page.depth = parent.depth + 1
            page.path = Page._get_path(parent.path, page.depth, number)
            page.numchild = 0
            page.locale_id = parent.locale_id
            page.draft_title = page.title
            page.set_url_path(parent)
            every.append(page)
    fields = [field.attname for field in Page._meta.concrete_fields if field.attname != "id"]
    rows = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in fields}) for page in every],
        batch_size=500,
    )
    by_type = defaultdict(list)
    for page, row in zip(every, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page.save_base(raw=True, force_insert=True)
        by_type[type(page)].append(page)
    for parent, pages in groups:
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        parent.numchild += len(pages)
    for model, pages in by_type.items():
        _index(model, pages)


def bulk_occurrences(events: list[EventPage]) -> int:
    """What ``occurrences.rebuild`` stores for each of the new live ``events``, in one
    bulk insert; returns the number of rows."""
    rows = [
        EventOccurrence(
            event_id=event.pk,
            site_id=event.town_site_id,
            club_id=event.club_id,
            start=start,
            end=end,
            all_day=event.all_day,
            is_free=event.is_free,
            wheelchair_accessible=event.wheelchair_accessible,
        )
        for event in events
        for start, end in expand(event)
    ]
    EventOccurrence.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def link_many(model, field: str, pairs: list[tuple[int, int]]) -> None:
    """Rows of ``model.<field>``'s through table: (page id, related id) pairs."""
    relation = model._meta.get_field(field)
    through = relation.remote_field.through
    source = relation.m2m_field_name()
    target = relation.m2m_reverse_field_name()
    through.objects.bulk_create(
        [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in pairs],
        ignore_conflicts=True,
    )


# --- clubs and events --------------------------------------------------------------------


def town_clubs(places: TownPlaces, number: int) -> list[ClubSpec]:
    """The templates a town gets: the first eight (they carry the events every town
    shows), then the others rotated by the town's number, so small towns differ."""
    rest = CLUBS[8:]
    shift = (number * 3) % len(rest)
    return (CLUBS[:8] + rest[shift:] + rest[:shift])[: places.clubs]


def fill_in(text: str, town: TownSettings, places: TownPlaces, district: str, founded: int):
    return text.format(town=town.name, district=district, church=places.church, founded=founded)


def seed_clubs(town, index, places, number, categories, groups, today, report) -> list:
    """The town's clubs (new ones with events, sign-ups and chronicle); returns
    ``(template, club)`` of every demo club of the town, in the order of the templates."""
    existing = {page.slug: page for page in ClubPage.objects.child_of(index)}
    now = timezone.now()
    rng = random.Random(f"vereine-{town.slug}")  # noqa: S311 – repeatable demo data
    chosen: list[tuple[ClubSpec, ClubPage]] = []
    new: list[tuple[ClubSpec, ClubPage]] = []
    for position, spec in enumerate(town_clubs(places, number)):
        district = places.districts[position % len(places.districts)]
        founded = spec.founded + (FOUNDED_SHIFT[town.slug] if "{founded}" in spec.name else 0)
        title = fill_in(spec.name, town, places, district, founded)
        slug = page_slug(title)
        if slug in existing:
            chosen.append((spec, existing[slug]))
            continue
        club = new_club(spec, town, places, district, founded, title, slug, rng, now)
        chosen.append((spec, club))
        new.append((spec, club))
    if new:
        events_of = {
            club.slug: [new_event(e, club, town, places, today, now) for e in spec.events]
            for spec, club in new
        }
        add_live_children([(index, [club for _spec, club in new])])
        link_many(
            ClubPage,
            "categories",
            [(club.pk, categories[slug].pk) for spec, club in new for slug in spec.categories],
        )
        link_many(
            ClubPage,
            "target_groups",
            [(club.pk, groups[slug].pk) for spec, club in new for slug in spec.target_groups],
        )
        ClubChronicleEntry.objects.bulk_create(
            ClubChronicleEntry(club=club, year=year, text=text, sort_order=order)
            for spec, club in new
            for order, (year, text) in enumerate(_chronicle(club, spec))
        )
        pairs = [(club, events_of[club.slug]) for _spec, club in new]
        for club, events in pairs:
            for event in events:
                event.club_id = club.pk
        add_live_children(pairs)
        events = [
            (event_spec, event)
            for spec, club in new
            for event_spec, event in zip(spec.events, events_of[club.slug], strict=True)
        ]
        link_many(
            EventPage,
            "categories",
            [(event.pk, categories[slug].pk) for spec, event in events for slug in spec.categories],
        )
        link_many(
            EventPage,
            "target_groups",
            [(event.pk, groups[slug].pk) for spec, event in events for slug in spec.target_groups],
        )
        bulk_occurrences([event for _spec, event in events])
        for spec, event in events:
            if spec.signup:
                _signups(event, spec, rng, today)
        report.pages_created += len(new) + len(events)
    return chosen


def new_club(spec, town, places, district, founded, title, slug, rng, now) -> ClubPage:
    lat, lon = places.centre
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    place = fill_in(spec.place, town, places, district, founded)
    visibility = rng.choice(
        [
            ContactVisibility.NAME,
            ContactVisibility.NAME_PHONE,
            ContactVisibility.FORM_ONLY,
            ContactVisibility.NAME,
        ]
    )
    return ClubPage(
        title=title,
        slug=slug,
        town_site_id=town.site_id,
        short_description=spec.short,
        search_description=spec.short[:300],
        description=f"<p>{spec.about}</p>",
        place_name=place,
        street=f"{rng.choice(places.streets)} {rng.randint(1, 60)}",
        postcode=places.postcode,
        city=town.name,
        latitude=round(lat + rng.uniform(-0.012, 0.012), 5),
        longitude=round(lon + rng.uniform(-0.015, 0.015), 5),
        wheelchair_accessible=spec.accessible,
        accessibility_notes=(
            "Stufenloser Zugang, barrierefreie Toilette im Erdgeschoss." if spec.accessible else ""
        ),
        contact_name=f"{first} {last}",
        contact_email=f"kontakt@{spec.key}-{town.slug}.example",
        contact_phone=f"0{rng.randint(7200, 7299)} {rng.randint(10000, 99999)}",
        contact_visibility=visibility,
        website=f"https://www.{spec.key}-{town.slug}.example/",
        membership_info=(
            "<p>Kommen Sie zu einem Schnuppertermin vorbei oder schreiben Sie uns über das "
            "Kontaktformular – den Aufnahmeantrag schicken wir Ihnen gern zu.</p>"
        ),
        fees=spec.fees,
        founded=founded,
        register_court=REGISTER_COURT,
        register_number=f"VR {rng.randint(200000, 299999)}",
        live=True,
        first_published_at=now,
        last_published_at=now,
    )


def _chronicle(club: ClubPage, spec: ClubSpec) -> list[tuple[int, str]]:
    return [
        (club.founded, f"Gründung als „{club.title.removesuffix(' e. V.')}“."),
        (club.founded + 50, "Eintragung ins Vereinsregister beim Amtsgericht."),
        (2019, "Neuer Internetauftritt und erste Online-Anmeldungen."),
    ]


def _local(day: dt.date, time: str) -> dt.datetime:
    hour, minute = (int(part) for part in time.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def _until(today: dt.date) -> str:
    return (today + dt.timedelta(days=365)).strftime("%Y%m%d")


def timing(spec: EventSpec, today: dt.date) -> tuple[dt.datetime, dt.datetime, str]:
    """Start, end and RRULE of ``spec`` relative to ``today``."""
    if spec.kind == "weekly":
        day = today - dt.timedelta(days=28)
        day += dt.timedelta(days=(spec.weekday - day.weekday()) % 7)
        rule = f"FREQ=WEEKLY;BYDAY={WEEKDAYS[spec.weekday]};UNTIL={_until(today)}"
    elif spec.kind == "monthly":
        rule = f"FREQ=MONTHLY;BYDAY={spec.byday};UNTIL={_until(today)}"
        anchor = dt.datetime.combine(today - dt.timedelta(days=62), dt.time())
        day = rrulestr(rule.split(";UNTIL")[0], dtstart=anchor)[0].date()
    elif spec.kind == "yearly":
        day = today + dt.timedelta(days=spec.days)
        day += dt.timedelta(days=(5 - day.weekday()) % 7)
        rule = "FREQ=YEARLY;COUNT=3"
    else:
        day = today + dt.timedelta(days=spec.days)
        rule = ""
    if spec.all_day:
        start = dt.datetime.combine(day, dt.time(), tzinfo=BERLIN)
        return start, start + dt.timedelta(hours=23, minutes=59), rule
    start = _local(day, spec.time)
    return start, start + dt.timedelta(minutes=spec.minutes), rule


def new_event(spec: EventSpec, club: ClubPage, town, places, today, now) -> EventPage:
    start, end, rule = timing(spec, today)
    fields = {}
    if spec.location:
        fields = {
            "location_kind": LocationKind.ADDRESS,
            "location_name": spec.location.format(church=places.church),
            "street": places.streets[0] + " 1",
            "postcode": places.postcode,
            "city": town.name,
        }
    return EventPage(
        title=spec.title,
        slug=page_slug(spec.title),
        town_site_id=town.site_id,
        teaser=spec.teaser,
        search_description=spec.teaser[:300],
        description=f"<p>{spec.description or spec.teaser}</p>",
        start=start,
        end=end,
        all_day=spec.all_day,
        recurrence=rule,
        status=spec.status,
        status_note=spec.status_note,
        is_free=spec.is_free,
        price=spec.price,
        price_amount=Decimal(spec.price_amount) if spec.price_amount else None,
        wheelchair_accessible=spec.accessible,
        accessibility_notes="Stufenloser Zugang." if spec.accessible else "",
        signup_enabled=bool(spec.signup),
        capacity=spec.capacity,
        waiting_list=True,
        max_places_per_signup=4,
        live=True,
        first_published_at=now,
        last_published_at=now,
        **fields,
    )


def _token_hash() -> str:
    return hashlib.sha256(secrets.token_urlsafe(32).encode()).hexdigest()


def _signups(event: EventPage, spec: EventSpec, rng: random.Random, today) -> None:
    """Some sign-ups for the first coming date: a few places taken ("open"), or every
    place and two on the waiting list ("full")."""
    occurrence = (
        EventOccurrence.objects.filter(event=event, start__date__gte=today)
        .order_by("start")
        .first()
    )
    if occurrence is None or not event.capacity:
        return
    goal = event.capacity if spec.signup == "full" else event.capacity // 2 + 1
    people, taken = [], 0
    while taken < goal:
        places = min(rng.choice([1, 1, 2, 3]), goal - taken)
        people.append((places, SignupStatus.CONFIRMED))
        taken += places
    if spec.signup == "full":
        people += [(1, SignupStatus.WAITING), (2, SignupStatus.WAITING)]
    rows = []
    for number, (places, status) in enumerate(people):
        first, last = FIRST_NAMES[(number * 7) % 20], LAST_NAMES[(number * 3 + 5) % 20]
        rows.append(
            Signup(
                occurrence=occurrence,
                name=f"{first} {last}",
                email=f"{first}.{last}{number}@example.org".lower().translate(_GERMAN),
                places=places,
                status=status,
                token_hash=_token_hash(),
            )
        )
    Signup.objects.bulk_create(rows)


# --- volunteering, registrations, logins ---------------------------------------------------


def opportunities(town, clubs, categories, groups, today) -> None:
    """Up to four opportunities of the town's clubs (once per town)."""
    if VolunteerOpportunity.objects.filter(site=town.site).exists():
        return
    by_key = {spec.key: club for spec, club in clubs}
    made = 0
    for key, data in OPPORTUNITIES.items():
        club = by_key.get(key)
        if club is None or made >= 4:
            continue
        opportunity = VolunteerOpportunity.objects.create(
            club=club,
            site=town.site,
            title=data["title"],
            description=data["description"],
            time_commitment=data["time_commitment"],
            hours_per_month=data["hours_per_month"],
            skills=data["skills"],
            place=f"{club.place_name}, {club.street}",
            starts_on=today + dt.timedelta(days=14 * (made + 1)),
        )
        opportunity.categories.set([categories[slug] for slug in data["categories"]])
        opportunity.target_groups.set([groups[slug] for slug in data["target_groups"]])
        made += 1


def registrations(town, index, number: int, categories) -> None:
    if ClubRegistration.objects.filter(site=town.site).exists():
        return
    for position, (name, cats, short, contact, role) in enumerate(REGISTRATIONS):
        if position == 1 and number % 2:
            break
        registration = ClubRegistration.objects.create(
            site=town.site,
            index_page=index,
            club_name=name.format(town=town.name),
            short_description=short,
            contact_name=contact,
            contact_email=f"{page_slug(contact).replace('-', '.')}@example.org",
            role_in_club=role,
            message="Wir würden uns freuen, bald im Vereinsverzeichnis zu stehen.",
        )
        registration.categories.set([categories[slug] for slug in cats])


def _user(username: str, password_hash: str, **extra):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username, **extra)
        user.password = password_hash
        user.save(update_fields=["password"])
    return user


def logins(town, clubs: list[tuple[ClubSpec, ClubPage]], report) -> None:
    club_user, password = club_login(town.slug)
    moderator, moderator_password = moderator_login(town.slug)
    User = get_user_model()
    existing = set(
        User.objects.filter(username__in=[club_user, moderator]).values_list("username", flat=True)
    )
    needed = {
        secret
        for name, secret in ((club_user, password), (moderator, moderator_password))
        if name not in existing
    }
    hashes = {secret: make_password(secret) for secret in needed}  # same password: once
    if clubs:
        club = clubs[0][1]
        user = _user(
            club_user,
            hashes.get(password, ""),
            first_name="Vereinsverwaltung",
            last_name=club.title[:150],
            email=f"{club_user}@{town.slug}.example",
        )
        ClubMembership.objects.get_or_create(
            club=club, user=user, defaults={"role": ClubRole.MANAGER}
        )
        report.logins.append((f"Verein {club.title}", club_user, password))
    user = _user(
        moderator,
        hashes.get(moderator_password, ""),
        first_name="Vereinsmoderation",
        last_name=town.name,
        email=f"{moderator}@{town.slug}.example",
    )
    user.groups.add(roles.moderators_group(town))
    report.logins.append((f"Vereinsmoderation {town.name}", moderator, moderator_password))
