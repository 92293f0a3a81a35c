"""The file plan as CSV: import checks every line first and stores all or nothing,
export gives back what import reads, the sample plan loads."""

from __future__ import annotations

import pytest
from wagtail.models import Page, Site

from backoffice.efiles import plan_csv
from backoffice.efiles.models import AuditAction, AuditEntry, Disposal, PlanUnit
from tests.efiles.factories import akte, officer, unit_in
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db
HEADER = "Kennzeichen;Bezeichnung;Übergeordnet;Aufbewahrung (Jahre);Aussonderung;Beschreibung;Aktiv"
VALID = f"""{HEADER}
0;Allgemeine Verwaltung;;10;B;;ja
022.31;Fachverfahren;022;10;B;Beschaffung und Betrieb;ja
02;Organisation;0;10;B;;ja
022;Verwaltungsorganisation;02;10;A;;ja
9;Finanzen;;10;V;;nein
"""


@pytest.fixture
def site():
    """A site of its own: its plan starts empty (the demo towns have the sample plan)."""
    return Site.objects.create(
        hostname="aktenplan.localhost",
        port=8000,
        site_name="Planstadt",
        root_page=Page.get_first_root_node(),
    )


@pytest.fixture
def user():
    return UserFactory()


def units(site) -> dict[str, PlanUnit]:
    return {unit.code: unit for unit in PlanUnit.objects.filter(site=site).select_related("parent")}


def test_valid_file_creates_the_tree(site, user):
    result = plan_csv.import_plan(site, VALID, user=user)
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (5, 0, 0)
    assert result.summary == "5 neu, 0 geändert, 0 unverändert"
    plan = units(site)
    assert plan["0"].parent is None
    assert plan["02"].parent == plan["0"]
    assert plan["022"].parent == plan["02"]
    assert plan["022.31"].parent == plan["022"]  # its parent stood later in the file
    assert plan["022.31"].description == "Beschaffung und Betrieb"
    assert plan["022"].disposal == Disposal.ARCHIVE
    assert plan["9"].active is False and plan["9"].disposal == Disposal.DESTROY
    entry = AuditEntry.objects.get(site=site, action=AuditAction.IMPORT)
    assert entry.object_id == plan["0"].pk  # the town's top unit
    assert entry.user == user
    assert "5 neu, 0 geändert" in entry.message
    assert set(entry.after) == {"0", "02", "022", "022.31", "9"}


@pytest.mark.parametrize(
    "row, message",
    [
        ("5;Bauwesen;;10;X;;ja", "Zeile 3: Aussonderung „X“ unbekannt – erlaubt sind A, B, V."),
        ("5;Bauwesen;;10;;;ja", "Zeile 3: Aussonderung fehlt"),
        ("5;Bauwesen;7;10;B;;ja", "Zeile 3: Übergeordnete Einheit „7“ gibt es weder"),
        ("0;Nochmal;;10;B;;ja", "Zeile 3: Kennzeichen „0“ steht schon in Zeile 2."),
        ("5 1;Bauwesen;;10;B;;ja", "Zeile 3: Kennzeichen „5 1“ ungültig"),
        ("5..1;Bauwesen;;10;B;;ja", "Zeile 3: Kennzeichen „5..1“ ungültig"),
        (";Bauwesen;;10;B;;ja", "Zeile 3: Kennzeichen fehlt."),
        ("5;Bauwesen;;zehn;B;;ja", "Zeile 3: Aufbewahrung „zehn“ ist keine Zahl"),
        ("5;Bauwesen;;-1;B;;ja", "Zeile 3: Aufbewahrung „-1“ ist keine Zahl"),
        ("5;Bauwesen;;²;B;;ja", "Zeile 3: Aufbewahrung „²“ ist keine Zahl"),
        ("5;Bauwesen;;201;B;;ja", "Zeile 3: Aufbewahrung 201 Jahre ist zu lang – höchstens 200."),
        ("5;Bauwesen;;;B;;ja", "Zeile 3: Aufbewahrung fehlt"),
        ("5;;;10;B;;ja", "Zeile 3: Bezeichnung fehlt."),
        ("5;Bauwesen;;10;B;;vielleicht", "Zeile 3: Aktiv „vielleicht“ unbekannt"),
        ("5;Bauwesen;5;10;B;;ja", "Zeile 3: Die Einheit „5“ kann nicht sich selbst übergeordnet"),
        ("5;Bauwesen;;10;B;;ja;zu;viel", "Zeile 3: 9 Spalten statt 7"),
    ],
)
def test_each_error_is_reported_with_its_line_and_nothing_is_stored(site, user, row, message):
    text = f"{HEADER}\n0;Allgemeine Verwaltung;;10;B;;ja\n{row}\n1;Ordnung;;10;B;;ja\n"
    result = plan_csv.import_plan(site, text, user=user)
    assert not result.ok
    assert any(error.startswith(message) for error in result.errors), result.errors
    assert (result.created, result.updated) == (0, 0)
    assert not PlanUnit.objects.filter(site=site).exists()
    assert not AuditEntry.objects.filter(site=site).exists()


def test_all_errors_of_a_file_are_listed_at_once(site, user):
    text = f"{HEADER}\n1;;;10;B;;ja\n2;Zwei;;x;Q;;ja\n3;Drei;;10;B;;ja\n"
    result = plan_csv.import_plan(site, text, user=user)
    lines = [error.split(":")[0] for error in result.errors]
    assert lines == ["Zeile 2", "Zeile 3", "Zeile 3"]


def test_cycle_is_reported(site, user):
    text = f"{HEADER}\n1;Eins;3;10;B;;ja\n2;Zwei;1;10;B;;ja\n3;Drei;2;10;B;;ja\n"
    result = plan_csv.import_plan(site, text, user=user)
    assert result.errors == ["Zeile 2: Die Gliederung bildet einen Kreis: 1 → 3 → 2 → 1."]
    assert not PlanUnit.objects.filter(site=site).exists()


def test_cycle_through_a_stored_unit_is_reported(site, user):
    plan_csv.import_plan(site, f"{HEADER}\n1;Eins;;10;B;;ja\n2;Zwei;1;10;B;;ja\n", user=user)
    result = plan_csv.import_plan(site, f"{HEADER}\n1;Eins;2;10;B;;ja\n", user=user)
    assert result.errors == ["Zeile 2: Die Gliederung bildet einen Kreis: 1 → 2 → 1."]
    assert units(site)["1"].parent is None


@pytest.mark.parametrize(
    "text, message",
    [
        ("Code;Name\n1;Eins\n", "Zeile 1: Die Kopfzeile passt nicht. Es fehlt: Kennzeichen"),
        (f"{HEADER};Farbe\n1;Eins;;10;B;;ja;rot\n", "Unbekannte Spalte: Farbe"),
        ("", "Die Datei ist leer."),
    ],
)
def test_wrong_header(site, user, text, message):
    result = plan_csv.import_plan(site, text, user=user)
    assert message in result.errors[0]
    assert not PlanUnit.objects.filter(site=site).exists()


def test_binary_or_unreadable_file_gets_a_clear_message(site, user):
    result = plan_csv.import_plan(site, b"PK\x03\x04\x00\x00binary", user=user)
    assert result.errors[0].startswith("Die Datei ist keine CSV-Textdatei.")
    result = plan_csv.import_plan(site, HEADER.encode() + b"\n1;\x81\x8d;;10;B;;ja\n", user=user)
    assert result.errors[0].startswith("Die Zeichenkodierung der Datei ist nicht lesbar.")


def test_bom_comma_and_cp1252_are_accepted(site, user):
    utf8_bom = ("\ufeff" + VALID).encode("utf-8")
    assert plan_csv.import_plan(site, utf8_bom, user=user).created == 5
    comma = f'{HEADER.replace(";", ",")}\n5,Öffentliche Einrichtungen,,10,B,"Märkte, Feste",ja\n'
    result = plan_csv.import_plan(site, comma.encode("cp1252"), user=user)
    assert result.ok, result.errors
    unit = units(site)["5"]
    assert unit.title == "Öffentliche Einrichtungen"
    assert unit.description == "Märkte, Feste"


def test_uploaded_file_object_is_read(site, user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("plan.csv", VALID.encode("utf-8"), content_type="text/csv")
    assert plan_csv.import_plan(site, upload, user=user).created == 5


def test_round_trip_changes_nothing(site, user):
    plan_csv.import_plan(site, VALID, user=user)
    exported = plan_csv.export_plan(site)
    assert exported.splitlines()[0] == HEADER
    result = plan_csv.import_plan(site, exported, user=user)
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (0, 0, 5)
    assert "0 neu, 0 geändert" in AuditEntry.objects.filter(site=site).first().message


def test_export_lists_parents_before_children(site, user):
    plan_csv.import_plan(site, VALID, user=user)
    lines = plan_csv.export_plan(site).splitlines()
    assert lines[1:] == [
        "0;Allgemeine Verwaltung;;10;B;;ja",
        "02;Organisation;0;10;B;;ja",
        "022;Verwaltungsorganisation;02;10;A;;ja",
        "022.31;Fachverfahren;022;10;B;Beschaffung und Betrieb;ja",
        "9;Finanzen;;10;V;;nein",
    ]


def test_reimport_changes_only_changed_rows_and_keeps_missing_units(site, user):
    plan_csv.import_plan(site, VALID, user=user)
    before = units(site)
    changed = f"""{HEADER}
0;Allgemeine Verwaltung;;10;B;;ja
02;Organisation und Digitalisierung;0;10;B;;ja
022;Verwaltungsorganisation;0;10;A;;ja
7;Wirtschaft;;5;V;;ja
"""
    result = plan_csv.import_plan(site, changed, user=user)
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (1, 2, 1)
    assert result.missing == ["022.31", "9"]
    assert "2 Einheiten stehen nicht in der Datei und bleiben unverändert" in result.missing_message
    after = units(site)
    assert after["02"].title == "Organisation und Digitalisierung"
    assert after["022"].parent == after["0"]
    assert after["022.31"].pk == before["022.31"].pk  # left alone, not deleted
    assert after["9"].active is False
    entry = AuditEntry.objects.filter(site=site, action=AuditAction.IMPORT).first()
    assert entry.before == {"02": {"title": "Organisation"}, "022": {"parent": "02"}}
    assert entry.after["022"] == {"parent": "0"}
    assert entry.after["7"]["title"] == "Wirtschaft"


def test_units_with_akten_stay_and_keep_their_akten(user):
    unit = unit_in("bruchsal")
    site = unit.site
    plan_unit = PlanUnit.objects.create(site=site, code="T-77", title="Test", disposal="V")
    record = akte(unit, plan_unit=plan_unit)
    result = plan_csv.import_plan(site, f"{HEADER}\nT-78;Anderes;;10;B;;ja\n", user=officer(unit))
    assert result.ok and "T-77" in result.missing
    record.refresh_from_db()
    assert record.plan_unit == plan_unit


def test_dry_run_stores_nothing(site, user):
    result = plan_csv.import_plan(site, VALID, user=user, dry_run=True)
    assert result.ok and result.created == 5 and result.created_codes[0] == "0"
    assert not PlanUnit.objects.filter(site=site).exists()
    assert not AuditEntry.objects.filter(site=site).exists()


def test_empty_import_records_nothing(site, user):
    result = plan_csv.import_plan(site, HEADER + "\n\n", user=user)
    assert result.ok and result.created == 0
    assert not AuditEntry.objects.filter(site=site).exists()


def test_sample_plan_loads_with_levels_and_all_disposal_kinds(site):
    result = plan_csv.load_sample_plan(site)
    assert 60 <= result.created <= 90
    plan = units(site)
    assert plan["022.31"].parent.code == "022"
    assert plan["022"].parent.parent.code == "0"
    assert {unit.disposal for unit in plan.values()} == {"A", "B", "V"}
    assert max(depth for _unit, depth in plan_csv.tree(site)) == 3
    assert AuditEntry.objects.get(site=site).username == "System"
    again = plan_csv.load_sample_plan(site)
    assert (again.created, again.updated) == (0, 0)
