"""Reminders: the people who must act next get one mail (text + HTML) listing their invoices
with near deadlines – at most once a day per invoice; each reminder is a step."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command

from backoffice.invoices import scheduled
from backoffice.invoices.models import Invoice, InvoiceStatus, InvoiceStep
from backoffice.invoices.reminders import recipients, send_reminders
from portal.core.models import OutboxMessage
from tests.invoices.factories import InvoiceFactory, staff, unit_in

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 10)
S = InvoiceStatus


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture(autouse=True)
def without_demo_invoices():
    """The demo's invoices and Rechnungslauf staff are not part of these tests."""
    from django.contrib.auth.models import Group

    Invoice.objects.all().delete()
    for group in Group.objects.filter(name__in=["Rechnungseingang Rastatt", "Anordnung Rastatt"]):
        group.user_set.clear()


@pytest.fixture
def unit():
    return unit_in("rastatt", name="Grünflächenamt Rastatt")


@pytest.fixture
def people(unit):
    return {
        "eingang": staff(unit_in("rastatt", name="Kämmerei"), "Rechnungseingang"),
        "sachlich": staff(unit, "Sachliche Prüfung", first_name="Sina", last_name="Sach"),
        "rechnerisch": staff(unit, "Rechnerische Prüfung"),
        "anordnung": staff(unit, "Anordnung"),
        "anordnung2": staff(unit, "Anordnung"),
    }


def mails_to(user) -> list[OutboxMessage]:
    return [m for m in OutboxMessage.objects.order_by("pk") if user.email in m.to]


def critical(unit, status, **kwargs) -> Invoice:
    kwargs.setdefault("issue_date", days(-10))
    kwargs.setdefault("due_date", days(2))
    kwargs.setdefault("org_unit", unit)
    return InvoiceFactory(site=unit.site, status=status, **kwargs)


def test_one_mail_per_person_listing_all_their_invoices(unit, people, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://verwaltung.example/"
    first = critical(
        unit,
        S.FORMAL,
        seller_name="Baumschule Grün KG",
        amount_due=Decimal("2380.00"),
        due_date=days(20),
        skonto_until=days(1),
        skonto_amount=Decimal("47.60"),
    )
    second = critical(unit, S.FORMAL, seller_name="Gartenbau Blüte", due_date=days(-2))
    critical(unit, S.FORMAL, due_date=days(10))  # not critical
    critical(unit, S.EXPORTED, due_date=days(-1))  # not open

    report = send_reminders(TODAY)
    assert report.startswith("2 Rechnung(en) erinnert, 1 E-Mail(s)")

    (mail,) = mails_to(people["sachlich"])
    assert mail.to == [people["sachlich"].email]
    assert mail.subject == "Rechnungslauf: 2 Rechnungen mit naher Frist warten auf Sie"
    body = mail.body
    assert body.startswith("Guten Tag Sina Sach,")
    assert "Baumschule Grün KG" in body and "Gartenbau Blüte" in body
    assert "verliert Skonto in 1 Tag (47,60 EUR)" in body
    assert "überfällig seit 2 Tagen" in body
    assert "2.380,00 EUR" in body
    assert f"https://verwaltung.example/admin/rechnungen/{first.pk}/" in body
    assert f"https://verwaltung.example/admin/rechnungen/{second.pk}/" in body
    assert "https://verwaltung.example/admin/rechnungen/fristen/" in body
    # the overdue one (earlier deadline) first
    assert body.index("Gartenbau Blüte") < body.index("Baumschule Grün KG")
    assert "<table" in mail.html
    assert f'href="https://verwaltung.example/admin/rechnungen/{first.pk}/"' in mail.html
    assert "Baumschule Grün KG" in mail.html
    # nobody else was mailed about office work
    assert mails_to(people["rechnerisch"]) == []
    assert mails_to(people["eingang"]) == []


def test_at_most_once_a_day_per_invoice(unit, people):
    invoice = critical(unit, S.FACTUAL)
    send_reminders(TODAY)
    send_reminders(TODAY)
    assert len(mails_to(people["rechnerisch"])) == 1
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert fresh.last_reminder_on == TODAY
    steps = fresh.steps.filter(action=InvoiceStep.Action.REMINDED)
    assert steps.count() == 1
    step = steps.get()
    assert step.data["recipients"] == [people["rechnerisch"].pk]
    assert step.to_status == S.FACTUAL
    assert step.user is None and step.user_name == "System"

    send_reminders(days(1))
    assert len(mails_to(people["rechnerisch"])) == 2
    assert Invoice.objects.get(pk=invoice.pk).last_reminder_on == days(1)


@pytest.mark.parametrize(
    ("status", "who"),
    [
        (S.RECEIVED, "eingang"),
        (S.FORMAL, "sachlich"),
        (S.FACTUAL, "rechnerisch"),
    ],
)
def test_who_must_act_next(unit, people, status, who):
    invoice = critical(unit, status)
    assert recipients(invoice) == [people[who]]


def test_anordnung_without_the_factual_confirmer_and_first_orderer(unit, people):
    both = staff(unit, "Sachliche Prüfung", "Anordnung")
    invoice = critical(unit, S.ARITHMETIC, factual_by=both)
    assert set(recipients(invoice)) == {people["anordnung"], people["anordnung2"]}
    invoice.first_order_by = people["anordnung"]
    assert recipients(invoice) == [people["anordnung2"]]


def test_without_an_office_or_its_role_the_rechnungseingang_is_reminded(people):
    lonely = unit_in("rastatt", name="Musikschule")
    invoice = critical(lonely, S.FORMAL)
    assert recipients(invoice) == [people["eingang"]]
    no_office = critical(lonely, S.RECEIVED, org_unit=None)
    assert recipients(no_office) == [people["eingang"]]


def test_other_towns_and_people_without_mail_are_not_reminded(unit, people):
    staff(unit_in("bruchsal"), "Rechnungseingang")
    staff(unit, "Rechnerische Prüfung", email="")
    invoice = critical(unit, S.FACTUAL)
    assert recipients(invoice) == [people["rechnerisch"]]
    assert recipients(critical(unit, S.RECEIVED)) == [people["eingang"]]


def test_ordered_invoices_are_not_reminded(unit, people):
    critical(unit, S.ORDERED)
    assert send_reminders(TODAY).startswith("0 Rechnung(en) erinnert, 0 E-Mail(s)")


def test_the_window_setting(unit, people, settings):
    critical(unit, S.FACTUAL, due_date=days(5))
    settings.INVOICES_REMINDER_DAYS = 3
    assert send_reminders(TODAY).startswith("0 Rechnung(en)")
    settings.INVOICES_REMINDER_DAYS = 5
    assert send_reminders(TODAY).startswith("1 Rechnung(en)")


def test_command_and_scheduled_job(unit, people, capsys):
    critical(unit, S.FACTUAL)
    assert [send_reminders] == scheduled.JOBS
    call_command("invoice_reminders", "--date", TODAY.isoformat())
    assert "1 Rechnung(en) erinnert, 1 E-Mail(s)" in capsys.readouterr().out
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="kein gültiges Datum"):
        call_command("invoice_reminders", "--date", "2026-13-40")
