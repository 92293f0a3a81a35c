"""The Bürgerservice demo: regional catalogue, every town's service pages, units, forms,
case workers and cases – as the session's seeded demo stores them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.files.storage import storages
from django.test import RequestFactory
from wagtail.models import Page, ReferenceIndex

from portal.core.models import OrganisationalUnit, TownSettings
from portal.core.permissions import staff_site_ids
from portal.demo.seed import seed
from portal.demo.services_cases import demo_tracking_token
from portal.demo.services_forms import FORMS
from services.form_blocks import FieldsBlock, validate_steps
from services.leika import validate_leika
from services.models import (
    ApplicationForm,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseFile,
    CaseSequence,
    CaseStatus,
    Lebenslage,
    Leistung,
    ServiceIndexPage,
    ServicePage,
    hash_token,
)
from services.roles import CASE_PERMISSION, caseworkers_group_name
from tests.conftest import TOWN_SLUGS

pytestmark = pytest.mark.django_db

CODES = {
    "baden-baden": "BAD",
    "bretten": "BRE",
    "bruchsal": "BRU",
    "buehl": "BUE",
    "ettlingen": "ETT",
    "gaggenau": "GAG",
    "rastatt": "RAS",
    "rheinstetten": "RHE",
    "stutensee": "STU",
}


def town(slug: str) -> TownSettings:
    return TownSettings.objects.select_related("site").get(slug=slug)


def index_of(slug: str) -> ServiceIndexPage:
    return ServiceIndexPage.objects.descendant_of(town(slug).site.root_page).get()


def service_page(slug: str, name: str) -> ServicePage:
    return ServicePage.objects.child_of(index_of(slug)).get(leistung__name=name)


# --- regional catalogue -------------------------------------------------------------------


def test_at_least_40_live_leistungen_with_valid_leika_keys_synonyms_and_sections():
    leistungen = list(Leistung.objects.filter(live=True).prefetch_related("lebenslagen"))

    assert len(leistungen) >= 40
    for leistung in leistungen:
        validate_leika(leistung.leika_key)  # raises for a bad key
        assert len(leistung.leika_key) == 14
        assert leistung.teaser and leistung.synonyms.strip(), leistung
        assert leistung.lebenslagen.all(), leistung
    with_six_sections = [
        leistung
        for leistung in leistungen
        if sum(bool(getattr(leistung, key)) for key in SECTION_KEYS) >= 6
    ]
    assert len(with_six_sections) >= 0.8 * len(leistungen)
    assert len({leistung.leika_key for leistung in leistungen}) == len(leistungen)


SECTION_KEYS = [
    "volltext",
    "voraussetzungen",
    "unterlagen",
    "kosten",
    "fristen",
    "bearbeitungsdauer",
    "verfahrensablauf",
    "rechtsgrundlage",
    "hinweise",
    "formulare",
]


def test_dog_registration_is_described_with_its_synonyms_and_law():
    leistung = Leistung.objects.get(name="Hund anmelden")

    assert {"Hundesteuer", "Hundemarke", "Vierbeiner", "Haustier"} <= set(
        leistung.synonyms.splitlines()
    )
    assert "Kommunalabgabengesetz" in leistung.rechtsgrundlage
    assert leistung.kosten.startswith("<p>")
    assert "lorem" not in leistung.volltext.lower()
    assert set(leistung.lebenslagen.values_list("slug", flat=True)) >= {"hund", "steuern"}


def test_every_leistung_passes_model_validation():
    for leistung in Leistung.objects.all():
        leistung.full_clean()


def test_lebenslagen_cover_the_life_situations():
    names = set(Lebenslage.objects.values_list("name", flat=True))

    assert len(names) >= 12
    assert {"Umzug", "Geburt", "Hochzeit und Lebenspartnerschaft", "Todesfall"} <= names
    assert not Lebenslage.objects.filter(description="").exists()
    assert not Lebenslage.objects.filter(leistungen=None).exists()


# --- towns ----------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_every_town_has_a_live_index_with_a_live_page_per_leistung(slug):
    index = index_of(slug)
    pages = ServicePage.objects.child_of(index)

    assert index.live and index.slug == "leistungen"
    assert index.get_parent().slug == "rathaus-service"
    assert pages.live().count() >= 40
    assert pages.count() == Leistung.objects.count()
    assert not pages.filter(responsible_unit=None).exists()
    assert not pages.exclude(responsible_unit__site=town(slug).site).exists()
    page = pages.get(leistung__name="Übermittlungssperre einrichten")
    assert page.slug == "uebermittlungssperre-einrichten"
    assert page.url_path.endswith("/rathaus-service/leistungen/uebermittlungssperre-einrichten/")
    assert page.first_published_at is not None


def test_town_codes_are_set():
    codes = dict(TownSettings.objects.filter(is_region=False).values_list("slug", "code"))

    assert codes == CODES


def test_bulk_created_pages_keep_the_tree_and_the_indexes_intact():
    assert all(problems == [] for problems in Page.find_problems())
    leistung = Leistung.objects.get(name="Hund anmelden")
    assert ReferenceIndex.get_references_to(leistung).count() == len(TOWN_SLUGS)
    index = index_of("ettlingen")
    assert index.numchild == ServicePage.objects.child_of(index).count()
    for page in ServicePage.objects.child_of(index):
        page.full_clean()  # as if it had been saved through the admin


def test_baden_baden_has_its_own_dog_tax_and_bretten_shows_the_regional_text():
    baden_baden = service_page("baden-baden", "Hund anmelden")
    bretten = service_page("bretten", "Hund anmelden")

    own = {section["key"]: section for section in baden_baden.sections()}["kosten"]
    assert own["own"] and "108 Euro im Jahr für den ersten Hund" in own["text"]
    regional = {section["key"]: section for section in bretten.sections()}["kosten"]
    assert not regional["own"] and regional["text"] == bretten.leistung.kosten
    assert bretten.kosten_override == ""


def test_every_town_overrides_two_or_three_sections_and_adds_notes():
    for slug in TOWN_SLUGS:
        pages = ServicePage.objects.child_of(index_of(slug))
        overridden = [
            (page.title, section.key) for page in pages for section in page.overridden_sections()
        ]
        assert 2 <= len(overridden) <= 3, (slug, overridden)
        assert len({key for _title, key in overridden}) == len(overridden), slug
        assert pages.exclude(town_notes="").exists(), slug


def test_responsible_units_fit_the_service():
    assert service_page("bruchsal", "Hund anmelden").responsible_unit.name == "Steueramt"
    assert (
        service_page("bruchsal", "Sperrmüll anmelden").responsible_unit.name
        == "Amt für Umwelt und Abfallwirtschaft"
    )
    assert service_page("bruchsal", "Reisepass beantragen").responsible_unit.name == "Bürgerbüro"
    assert service_page("bruchsal", "Geburt beurkunden").responsible_unit.name == "Standesamt"


@pytest.mark.parametrize("slug", ["gaggenau", "rastatt"])
def test_units_have_address_contact_structured_hours_and_accessibility(slug):
    settings = town(slug)
    units = list(OrganisationalUnit.objects.filter(site=settings.site))

    assert 5 <= len(units) <= 7
    for unit in units:
        unit.full_clean()
        assert (unit.street, unit.postcode, unit.city) == (
            settings.street,
            settings.postcode,
            settings.city,
        )
        assert unit.email.endswith(f"@{slug}.example") and unit.phone
        hours = unit.hours
        assert hours["closed_on_holidays"] and hours["periods"]
        closed = {(e["date"].month, e["date"].day) for e in hours["exceptions"] if e["closed"]}
        assert {(12, 24), (12, 31)} <= closed
        assert unit.step_free_access and unit.accessibility_note
    office = next(unit for unit in units if unit.name == "Bürgerbüro")
    registry = next(unit for unit in units if unit.name == "Standesamt")
    assert office.hours["periods"][0]["opens"] == dt.time(8)
    assert office.email == f"buergerbuero@{slug}.example"
    assert [p["weekdays"] for p in office.hours["periods"]] != [
        p["weekdays"] for p in registry.hours["periods"]
    ]


# --- application forms ----------------------------------------------------------------------


def test_regional_forms_are_valid_multi_step_and_use_every_field_type():
    forms = list(ApplicationForm.objects.filter(site=None))
    titles = {form.title for form in forms}

    assert {data["title"] for data in FORMS} <= titles and len(forms) >= 5
    used = set()
    conditional = 0
    for form in forms:
        validate_steps(form.steps)
        form.full_clean()
        assert 2 <= len(form.steps) <= 3, form.title
        for block in form.field_blocks():
            used.add(block.block_type)
            conditional += bool(block.value.get("show_if_field"))
    assert used == set(FieldsBlock.base_blocks) and len(used) == 12
    assert conditional >= 1


def test_each_form_is_linked_to_its_service_in_every_town():
    for data in FORMS:
        form = ApplicationForm.objects.get(site=None, title=data["title"])
        pages = ServicePage.objects.filter(leistung__name=data["leistung"])
        assert pages.count() == len(TOWN_SLUGS)
        assert set(pages.values_list("application_form", flat=True)) == {form.pk}
    assert not ServicePage.objects.exclude(appointment_url="").exists()


# --- staff ----------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_case_worker_login_works_for_their_town_only(slug):
    settings = town(slug)
    user = authenticate(
        RequestFactory().post("/admin/login/", REMOTE_ADDR="127.0.0.1"),
        username=f"buergerservice.{slug}",
        password=f"demo-{slug}",
    )

    assert user is not None
    assert user.groups.filter(name=caseworkers_group_name(settings.name)).exists()
    units = set(user.organisational_units.values_list("site__hostname", "name"))
    assert units == {
        (settings.site.hostname, "Bürgerbüro"),
        (settings.site.hostname, "Steueramt"),
    }
    assert staff_site_ids(user, CASE_PERMISSION) == {settings.site_id}


def test_editors_got_their_service_rights():
    editor = get_user_model().objects.get(username="redaktion.bruchsal")
    regional = get_user_model().objects.get(username="redaktion.region")

    assert editor.has_perm("services.change_applicationform")
    assert editor.has_perm("core.change_organisationalunit")
    assert not editor.has_perm("services.change_leistung")
    assert regional.has_perm("services.change_leistung")
    assert staff_site_ids(editor, CASE_PERMISSION) == set()


# --- cases ----------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_every_town_has_numbered_cases_in_every_status(slug):
    settings = town(slug)
    cases = list(Case.objects.filter(site=settings.site).order_by("submitted_at"))

    assert 6 <= len(cases) <= 10
    assert set(CaseStatus.values) <= {case.status for case in cases}
    references = [case.reference for case in cases]
    assert len(set(references)) == len(references)
    for case in cases:
        assert case.reference == f"{CODES[slug]}-{case.year}-{case.number:06d}"
    numbers = [(case.year, case.number) for case in cases]
    assert numbers == sorted(numbers)  # given out in the order applications came in
    for year in {case.year for case in cases}:
        last = CaseSequence.objects.get(site=settings.site, year=year).last_number
        assert last == max(case.number for case in cases if case.year == year)
    staff = get_user_model().objects.get(username=f"buergerservice.{slug}")
    assert {case.assignee for case in cases} == {staff, None}


def test_case_answers_follow_the_form_and_name_the_applicant():
    for case in Case.objects.filter(site=town("ettlingen").site).select_related("form"):
        keys = {block.value["key"] for block in case.form.field_blocks() if block.value.get("key")}
        assert {item["key"] for item in case.data} <= keys
        for item in case.data:
            assert set(item) == {"key", "label", "type", "value", "display"}
        email = next(item["value"] for item in case.data if item["type"] == "email")
        assert case.applicant_email == email and email.endswith("@example.org")
        assert case.applicant_name and case.service_page.get_site() == case.site


def test_case_histories_are_complete_and_closed_cases_have_a_deletion_date():
    now = dt.datetime.now(dt.UTC)
    for case in Case.objects.filter(site=town("buehl").site).prefetch_related("events"):
        events = list(case.events.all())
        assert events[0].kind == CaseEventKind.SUBMITTED
        assert events[0].created_at == case.submitted_at
        assert all(case.submitted_at <= event.created_at <= now for event in events)
        status_events = [event for event in events if event.kind == CaseEventKind.STATUS]
        if status_events:
            assert status_events[-1].new_value == case.status
        if case.is_closed:
            assert case.closed_at and case.delete_after > now
            assert case.delete_after == case.closed_at + dt.timedelta(days=case.retention_days)
        else:
            assert case.closed_at is None and case.delete_after is None
        messages = [e for e in events if e.kind == CaseEventKind.MESSAGE]
        if case.status in {CaseStatus.QUERY, CaseStatus.REJECTED}:
            assert messages and all(m.visible_to_citizen for m in messages)
        if case.assignee_id:
            assert any(e.kind == CaseEventKind.ASSIGNED for e in events)
    assert CaseEvent.objects.filter(
        case__site=town("buehl").site, kind=CaseEventKind.NOTE, visible_to_citizen=False
    ).exists()


@pytest.mark.parametrize("slug", ["bruchsal", "stutensee"])
def test_known_tracking_link_shows_the_query_of_the_dog_registration(site_client, slug):
    case = Case.objects.get(tracking_token_hash=hash_token(demo_tracking_token(slug)))

    assert case.site == town(slug).site
    assert case.status == CaseStatus.QUERY and case.service_name == "Hund anmelden"
    response = site_client(slug).get(f"/vorgang/demo-{slug}-vorgang/")
    assert response.status_code == 200
    assert case.reference in response.content.decode()


def test_uploaded_pdfs_are_stored_privately():
    files = list(CaseFile.objects.filter(case__site=town("rastatt").site))

    assert files
    for upload in files:
        content = upload.file.read()
        assert content.startswith(b"%PDF") and len(content) == upload.size < 100_000
        assert upload.file.storage is storages["private"]
        assert upload.file.name.startswith("services/cases/")
        assert upload.field_key in {item["key"] for item in upload.case.data}
        names = next(item["value"] for item in upload.case.data if item["key"] == upload.field_key)
        assert names == [upload.original_name]


# --- idempotent -----------------------------------------------------------------------------


def test_seeding_again_creates_nothing_new():
    models = [
        Lebenslage,
        Leistung,
        ApplicationForm,
        OrganisationalUnit,
        ServiceIndexPage,
        ServicePage,
        Case,
        CaseEvent,
        CaseFile,
        CaseSequence,
        ReferenceIndex,
    ]
    before = {model: model.objects.count() for model in models}
    users = get_user_model().objects.count()

    report = seed(domain="localhost", port=8000)

    assert {model: model.objects.count() for model in models} == before
    assert get_user_model().objects.count() == users
    assert report.pages_created == 0
    logins = {user for _role, user, _password in report.logins}
    assert {f"buergerservice.{slug}" for slug in TOWN_SLUGS} <= logins
    assert ("Bürgerservice Bruchsal", "buergerservice.bruchsal", "demo-bruchsal") in report.logins


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_demo_offices_take_appointments_and_have_bookings(slug):
    from services.models import BookableOffice, Booking, BookingStatus

    offices = BookableOffice.objects.filter(unit__site=TownSettings.objects.get(slug=slug).site)
    assert {o.unit.name for o in offices} >= {"Bürgerbüro", "Standesamt"}
    buergerbuero = offices.get(unit__name="Bürgerbüro")
    assert buergerbuero.counters.count() == 3
    assert buergerbuero.services.count() >= 5
    confirmed = Booking.objects.filter(office=buergerbuero, status=BookingStatus.CONFIRMED)
    assert confirmed.count() >= 10
    for booking in confirmed:
        assert booking.claims.count() == booking.minutes // 5
        assert booking.counter_id is not None
