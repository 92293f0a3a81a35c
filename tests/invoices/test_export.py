"""The booking file for finance: exact CSV and JSON content, each invoice exactly once, only
ordered invoices of one's own town, credit notes negative, steps recorded."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from backoffice.invoices import export
from backoffice.invoices.models import ExportBatch, Invoice, InvoiceStatus, InvoiceStep
from tests.invoices.factories import InvoiceFactory, staff, unit_in

pytestmark = pytest.mark.django_db

HEADER = (
    "rechnung_id;kreditor;iban;bic;betrag;waehrung;faellig_am;skonto_betrag;skonto_bis;"
    "zahlbetrag_bei_skonto;kostenstelle;buchungstext;referenz;leitweg_id;rechnungsdatum;"
    "ust_id_kreditor"
)


@pytest.fixture
def unit():
    return unit_in("rastatt", name="Hochbauamt Rastatt")


@pytest.fixture
def kasse(unit):
    return staff(unit, "Kasse", first_name="Karla", last_name="Kasse")


@pytest.fixture
def today():
    return timezone.localdate()


def ordered(unit, **kwargs) -> Invoice:
    kwargs.setdefault("status", InvoiceStatus.ORDERED)
    return InvoiceFactory(org_unit=unit, **kwargs)


@pytest.fixture
def two(unit, today):
    """One with Skonto still open, one whose Skonto has passed (and a ';' in its name)."""
    first = ordered(
        unit,
        number="RE-2026-0815",
        seller_name="Bauunternehmen Kärcher GmbH",
        creditor_name="Bauunternehmen Kärcher GmbH",
        seller_vat_id="DE811234567",
        iban="DE02 1203 0000 0000 2020 51",
        bic="BYLADEM1001",
        amount_due=Decimal("1190.00"),
        due_date=today + dt.timedelta(days=20),
        skonto_until=today + dt.timedelta(days=5),
        skonto_percent=Decimal("2.00"),
        skonto_amount=Decimal("23.80"),
        cost_centre="1.1.1.0",
        booking_text="Sanierung Turnhalle, Abschlag 1",
        leitweg_id="08216043-RA001-12",
        issue_date=dt.date(2026, 3, 2),
    )
    second = ordered(
        unit,
        number="2026/77",
        seller_name="Müller & Söhne; Büromaterial",
        creditor_name="Müller & Söhne; Büromaterial",
        seller_vat_id="DE298765432",
        iban="DE89370400440532013000",
        bic="",
        amount_due=Decimal("49.9"),
        due_date=dt.date(2026, 4, 1),
        skonto_until=today - dt.timedelta(days=1),
        skonto_percent=Decimal("3.00"),
        skonto_amount=Decimal("1.50"),
        cost_centre="",
        booking_text="=Toner",
        leitweg_id="08216043-RA002-34",
        issue_date=dt.date(2026, 3, 1),
    )
    return first, second


# --- exact content --------------------------------------------------------------------------
def test_csv_is_exact_bom_semicolon_crlf_dot_decimals(kasse, two, today):
    first, second = two
    batch = export.export(kasse, [first.pk, second.pk], "csv")

    skonto_until = (today + dt.timedelta(days=5)).isoformat()
    due = (today + dt.timedelta(days=20)).isoformat()
    expected = (
        "\ufeff"
        + HEADER
        + "\r\n"
        + f"{first.pk};Bauunternehmen Kärcher GmbH;DE02120300000000202051;BYLADEM1001;1190.00;EUR;"
        f"{due};23.80;{skonto_until};1166.20;1.1.1.0;Sanierung Turnhalle, Abschlag 1;"
        f"RE-2026-0815;08216043-RA001-12;2026-03-02;DE811234567\r\n"
        + f'{second.pk};"Müller & Söhne; Büromaterial";DE89370400440532013000;;49.90;EUR;'
        f"2026-04-01;;;;;'=Toner;2026/77;08216043-RA002-34;2026-03-01;DE298765432\r\n"
    )
    assert batch.content == expected
    raw = export.content_bytes(batch)
    assert raw.startswith(b"\xef\xbb\xbf" + b"rechnung_id;kreditor;")
    assert raw.count(b"\r\n") == 3 and b"\n" not in raw.replace(b"\r\n", b"")
    assert batch.count == 2
    assert batch.total == Decimal("1239.90")
    assert batch.format == ExportBatch.Format.CSV
    stamp = timezone.localtime(batch.created_at)
    assert batch.filename == f"buchungen-rastatt-{stamp:%Y%m%d-%H%M%S}.csv"


def test_json_is_exact(kasse, two, today):
    first, second = two
    batch = export.export(kasse, [second, first], "json")

    data = json.loads(batch.content)
    assert list(data) == ["stadt", "erstellt_am", "anzahl", "summe", "buchungen"]
    assert data["stadt"] == "Rastatt"
    assert data["erstellt_am"] == timezone.localtime(batch.created_at).isoformat(timespec="seconds")
    assert data["anzahl"] == 2
    assert data["summe"] == "1239.90"
    assert data["buchungen"] == [
        {
            "rechnung_id": str(first.pk),
            "kreditor": "Bauunternehmen Kärcher GmbH",
            "iban": "DE02120300000000202051",
            "bic": "BYLADEM1001",
            "betrag": "1190.00",
            "waehrung": "EUR",
            "faellig_am": (today + dt.timedelta(days=20)).isoformat(),
            "skonto_betrag": "23.80",
            "skonto_bis": (today + dt.timedelta(days=5)).isoformat(),
            "zahlbetrag_bei_skonto": "1166.20",
            "kostenstelle": "1.1.1.0",
            "buchungstext": "Sanierung Turnhalle, Abschlag 1",
            "referenz": "RE-2026-0815",
            "leitweg_id": "08216043-RA001-12",
            "rechnungsdatum": "2026-03-02",
            "ust_id_kreditor": "DE811234567",
        },
        {
            "rechnung_id": str(second.pk),
            "kreditor": "Müller & Söhne; Büromaterial",
            "iban": "DE89370400440532013000",
            "bic": None,
            "betrag": "49.90",
            "waehrung": "EUR",
            "faellig_am": "2026-04-01",
            "skonto_betrag": None,
            "skonto_bis": None,
            "zahlbetrag_bei_skonto": None,
            "kostenstelle": None,
            "buchungstext": "=Toner",
            "referenz": "2026/77",
            "leitweg_id": "08216043-RA002-34",
            "rechnungsdatum": "2026-03-01",
            "ust_id_kreditor": "DE298765432",
        },
    ]
    assert batch.filename.endswith(".json") and batch.filename.startswith("buchungen-rastatt-")


def test_columns_are_documented_in_order():
    assert [key for key, _ in export.COLUMNS] == HEADER.split(";")
    assert all(description for _, description in export.COLUMNS)
    for key in export.COLUMN_KEYS:
        assert f"``{key}``" in export.__doc__


def test_skonto_on_its_last_day_is_still_offered(kasse, unit, today):
    invoice = ordered(
        unit, amount_due=Decimal("100.00"), skonto_until=today, skonto_amount=Decimal("2.00")
    )
    row = export.booking(invoice, today=today)
    assert (row["skonto_betrag"], row["skonto_bis"], row["zahlbetrag_bei_skonto"]) == (
        "2.00",
        today.isoformat(),
        "98.00",
    )


# --- credit notes -----------------------------------------------------------------------------
def test_credit_note_exports_a_negative_amount(kasse, unit, today):
    invoice = ordered(unit, amount_due=Decimal("1190.00"))
    credit = ordered(
        unit,
        type_code="381",
        amount_due=Decimal("59.50"),
        skonto_until=today + dt.timedelta(days=3),
        skonto_amount=Decimal("1.19"),
    )
    batch = export.export(kasse, [invoice.pk, credit.pk], "json")
    rows = {row["rechnung_id"]: row for row in json.loads(batch.content)["buchungen"]}
    assert rows[str(credit.pk)]["betrag"] == "-59.50"
    assert rows[str(credit.pk)]["skonto_betrag"] == "-1.19"
    assert rows[str(credit.pk)]["zahlbetrag_bei_skonto"] == "-58.31"
    assert rows[str(invoice.pk)]["betrag"] == "1190.00"
    assert batch.total == Decimal("1130.50")
    assert json.loads(batch.content)["summe"] == "1130.50"


# --- status, steps, exactly once ------------------------------------------------------------------
def test_export_sets_status_and_records_one_step_each(kasse, two):
    first, second = two
    batch = export.export(kasse, [first.pk, second.pk])
    for invoice in (first, second):
        invoice.refresh_from_db()
        assert invoice.status == InvoiceStatus.EXPORTED
        assert invoice.export_batch == batch
        assert invoice.exported_at == batch.created_at
        step = invoice.steps.get()
        assert step.action == InvoiceStep.Action.EXPORTED
        assert (step.from_status, step.to_status) == (
            InvoiceStatus.ORDERED,
            InvoiceStatus.EXPORTED,
        )
        assert step.user == kasse
        assert step.user_name == "Karla Kasse"
        assert batch.filename in step.comment
        assert step.data == {"batch": batch.pk, "filename": batch.filename}
    assert batch.created_by == kasse
    assert batch.site == first.site


def _state():
    return (
        ExportBatch.objects.count(),
        InvoiceStep.objects.count(),
        sorted(Invoice.objects.values_list("pk", "status", "export_batch_id")),
    )


def test_second_export_of_the_same_invoice_is_refused_and_changes_nothing(kasse, two, unit):
    first, second = two
    export.export(kasse, [first.pk])
    other = ordered(unit)
    before = _state()
    with pytest.raises(export.ExportError) as error:
        export.export(kasse, [other.pk, first.pk])
    assert "bereits exportiert" in error.value.message
    assert first.number in error.value.message
    assert _state() == before
    other.refresh_from_db()
    assert other.status == InvoiceStatus.ORDERED


def test_invoice_in_a_batch_is_refused_even_if_its_status_says_ordered(kasse, two):
    first, _second = two
    batch = export.export(kasse, [first.pk])
    Invoice.objects.filter(pk=first.pk).update(status=InvoiceStatus.ORDERED)  # tampered
    with pytest.raises(export.ExportError, match="bereits exportiert"):
        export.export(kasse, [first.pk])
    assert ExportBatch.objects.filter(pk__gt=batch.pk).count() == 0


@pytest.mark.parametrize(
    "status",
    [
        InvoiceStatus.RECEIVED,
        InvoiceStatus.FORMAL,
        InvoiceStatus.FACTUAL,
        InvoiceStatus.ARITHMETIC,
        InvoiceStatus.REJECTED,
    ],
)
def test_only_ordered_invoices_are_exported(kasse, unit, status):
    good = ordered(unit)
    bad = ordered(unit, status=status)
    before = _state()
    with pytest.raises(export.ExportError, match="nicht angeordnet"):
        export.export(kasse, [good.pk, bad.pk])
    assert _state() == before


def test_exportable_lists_only_ordered_unexported_of_own_town(kasse, unit):
    own = ordered(unit)
    ordered(unit, status=InvoiceStatus.ARITHMETIC)
    done = ordered(unit)
    export.export(kasse, [done.pk])
    elsewhere = ordered(unit_in("bruchsal"))
    listed = list(export.exportable(kasse))
    assert own in listed
    assert done not in listed and elsewhere not in listed
    assert all(invoice.status == InvoiceStatus.ORDERED for invoice in listed)


def test_invoice_of_another_town_is_refused(kasse, unit):
    own = ordered(unit)
    foreign = ordered(unit_in("bruchsal"))
    before = _state()
    with pytest.raises(export.ExportError, match="nicht zu Ihrer Stadt"):
        export.export(kasse, [own.pk, foreign.pk])
    assert _state() == before


def test_unknown_id_is_refused(kasse, unit):
    own = ordered(unit)
    with pytest.raises(export.ExportError, match="gibt es nicht"):
        export.export(kasse, [own.pk, 999_999_999])
    with pytest.raises(export.ExportError, match="keine gültige Rechnung"):
        export.export(kasse, [own.pk, "abc"])


def test_one_file_per_town_for_people_of_several_towns(unit):
    other_unit = unit_in("bruchsal")
    both = staff(unit, "Kasse")
    other_unit.members.add(both)
    a, b = ordered(unit), ordered(other_unit)
    with pytest.raises(export.ExportError, match="je Stadt"):
        export.export(both, [a.pk, b.pk])
    with pytest.raises(export.ExportError, match="anderen Stadt"):
        export.export(both, [a.pk], site=other_unit.site)
    assert export.export(both, [b.pk], site=other_unit.site).site == other_unit.site


def test_without_export_permission_nothing_is_exported(unit):
    orderer = staff(unit, "Anordnung")
    invoice = ordered(unit)
    with pytest.raises(export.ExportError, match="keine Rechnungen an die Finanzbuchhaltung"):
        export.export(orderer, [invoice.pk])
    assert list(export.exportable(orderer)) == []
    invoice.refresh_from_db()
    assert invoice.status == InvoiceStatus.ORDERED


def test_empty_selection_and_unknown_format_are_refused(kasse, unit):
    invoice = ordered(unit)
    before = _state()
    with pytest.raises(export.ExportError, match="mindestens eine"):
        export.export(kasse, [])
    with pytest.raises(export.ExportError, match="Unbekanntes Format"):
        export.export(kasse, [invoice.pk], "xlsx")
    assert _state() == before
