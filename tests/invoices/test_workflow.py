"""The approval path: every transition, every refusal (permission, status, four eyes, amount
limit), what each step stores, and the filing after the Anordnung."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backoffice.invoices import filing, workflow
from backoffice.invoices.models import Invoice, InvoiceStatus, InvoiceStep
from backoffice.invoices.workflow import WorkflowError
from tests.invoices.factories import InvoiceFactory, approval_limit, staff, unit_in

pytestmark = pytest.mark.django_db
Action = InvoiceStep.Action
S = InvoiceStatus


@pytest.fixture
def unit():
    return unit_in("rastatt", name="Tiefbauamt Rastatt")


@pytest.fixture
def people(unit):
    eingang = staff(unit, "Rechnungseingang", first_name="Erika", last_name="Eingang")
    sachlich = staff(unit, "Sachliche Prüfung", first_name="Sascha", last_name="Sachlich")
    rechnerisch = staff(unit, "Rechnerische Prüfung", first_name="Rita", last_name="Rechner")
    anordnung = staff(unit, "Anordnung", first_name="Anton", last_name="Anordner")
    zweite = staff(unit, "Anordnung", first_name="Zora", last_name="Zweite")
    approval_limit(anordnung, unit, "5000")
    approval_limit(zweite, unit, "100")
    return {
        "eingang": eingang,
        "sachlich": sachlich,
        "rechnerisch": rechnerisch,
        "anordnung": anordnung,
        "zweite": zweite,
    }


@pytest.fixture(autouse=True)
def filed(monkeypatch):
    """Filing is the export engineer's: here it only records that it was called."""
    calls = []

    def fake(invoice, user):
        calls.append((invoice.pk, user))
        return filing.FilingResult(ok=True, message="abgelegt", aktenzeichen="AZ 1")

    monkeypatch.setattr(filing, "file_invoice", fake)
    return calls


def invoice_in(unit, status=S.RECEIVED, **kwargs) -> Invoice:
    kwargs.setdefault("org_unit", unit)
    return InvoiceFactory(site=unit.site, status=status, **kwargs)


def actions(invoice) -> list[str]:
    return list(invoice.steps.values_list("action", flat=True))


def refused(call, *args, match: str = "", **kwargs) -> str:
    with pytest.raises(WorkflowError) as error:
        call(*args, **kwargs)
    assert match in str(error.value)
    return str(error.value)


def assert_unchanged(invoice, status) -> None:
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert fresh.status == status
    assert fresh.steps.count() == 0


# --- the whole path ----------------------------------------------------------------------------
def test_the_path_from_received_to_ordered_records_who_when_and_comment(unit, people, filed):
    invoice = invoice_in(unit)
    workflow.formal_check(invoice, people["eingang"], "Bestellung 4711 liegt vor")
    assert invoice.status == S.FORMAL
    workflow.confirm_factual(invoice, people["sachlich"], "Leistung abgenommen")
    workflow.confirm_arithmetic(invoice, people["rechnerisch"], "")
    outcome = workflow.order(invoice, people["anordnung"], "Zahlung frei")

    assert outcome.completed is True
    assert outcome.filing.ok is True
    assert filed == [(invoice.pk, people["anordnung"])]
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert fresh.status == S.ORDERED
    assert fresh.factual_by == people["sachlich"]
    assert fresh.arithmetic_by == people["rechnerisch"]
    assert fresh.ordered_by == people["anordnung"]
    assert fresh.first_order_by is None

    path = list(fresh.steps.all())
    assert [step.action for step in path] == [
        Action.FORMAL,
        Action.FACTUAL,
        Action.ARITHMETIC,
        Action.ORDERED,
    ]
    assert [(step.from_status, step.to_status) for step in path] == [
        (S.RECEIVED, S.FORMAL),
        (S.FORMAL, S.FACTUAL),
        (S.FACTUAL, S.ARITHMETIC),
        (S.ARITHMETIC, S.ORDERED),
    ]
    assert [step.user_name for step in path] == [
        "Erika Eingang",
        "Sascha Sachlich",
        "Rita Rechner",
        "Anton Anordner",
    ]
    assert path[0].comment == "Bestellung 4711 liegt vor"
    assert path[1].comment == "Leistung abgenommen"
    assert path[3].data["amount"] == "1190.00"
    assert all(step.at is not None for step in path)
    assert path[0].user == people["eingang"]


def test_formal_check_assigns_the_office_when_the_leitweg_id_did_not(unit, people):
    invoice = invoice_in(unit, org_unit=None)
    assert invoice.org_unit is None
    refused(workflow.formal_check, invoice, people["eingang"], match="Dienststelle zu")
    assert_unchanged(invoice, S.RECEIVED)

    workflow.formal_check(invoice, people["eingang"], org_unit=unit)
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert (fresh.status, fresh.org_unit) == (S.FORMAL, unit)
    step = fresh.steps.get()
    assert step.data == {"org_unit": unit.pk, "org_unit_name": "Tiefbauamt Rastatt"}


def test_formal_check_refuses_an_office_of_another_town(unit, people):
    invoice = invoice_in(unit)
    other = unit_in("bruchsal", name="Bauamt Bruchsal")
    refused(
        workflow.formal_check,
        invoice,
        people["eingang"],
        org_unit=other,
        match="gehört nicht zur Stadt",
    )
    assert_unchanged(invoice, S.RECEIVED)


# --- refusals: permission and status ---------------------------------------------------------
@pytest.mark.parametrize(
    ("status", "step", "who", "message"),
    [
        (S.RECEIVED, "formal_check", "sachlich", "Rechnungseingang"),
        (S.FORMAL, "confirm_factual", "rechnerisch", "sachlich richtig zu zeichnen"),
        (S.FACTUAL, "confirm_arithmetic", "sachlich", "rechnerisch richtig zu zeichnen"),
        (S.ARITHMETIC, "order", "rechnerisch", "Zahlungen anzuordnen"),
    ],
)
def test_a_step_needs_its_permission(unit, people, status, step, who, message):
    invoice = invoice_in(unit, status=status)
    refused(getattr(workflow, step), invoice, people[who], match=message)
    assert_unchanged(invoice, status)


@pytest.mark.parametrize(
    ("status", "step", "who"),
    [
        (S.FORMAL, "formal_check", "eingang"),
        (S.RECEIVED, "confirm_factual", "sachlich"),
        (S.ARITHMETIC, "confirm_factual", "sachlich"),
        (S.FORMAL, "confirm_arithmetic", "rechnerisch"),
        (S.FACTUAL, "order", "anordnung"),
        (S.ORDERED, "order", "anordnung"),
    ],
)
def test_a_step_needs_the_right_status(unit, people, status, step, who):
    invoice = invoice_in(unit, status=status)
    message = refused(getattr(workflow, step), invoice, people[who])
    assert "ist nur bei Status" in message
    assert_unchanged(invoice, status)


@pytest.mark.parametrize("status", [S.REJECTED, S.EXPORTED])
def test_rejected_and_exported_invoices_cannot_move(unit, people, status):
    invoice = invoice_in(unit, status=status)
    word = "zurückgewiesen" if status == S.REJECTED else "exportiert"
    for step, who in [
        (workflow.formal_check, "eingang"),
        (workflow.confirm_factual, "sachlich"),
        (workflow.confirm_arithmetic, "rechnerisch"),
        (workflow.order, "anordnung"),
    ]:
        refused(step, invoice, people[who], match=word)
    refused(workflow.reject, invoice, people["eingang"], "Grund", "Text", match=word)
    refused(workflow.assign, invoice, people["eingang"], unit_in("rastatt"), match=word)
    refused(workflow.update_booking, invoice, people["eingang"], "9.9", "Neu", match=word)
    assert_unchanged(invoice, status)
    # a note is still possible
    workflow.comment(invoice, people["eingang"], "Rückfrage des Lieferanten beantwortet")
    assert actions(invoice) == [Action.COMMENT]


def test_staff_of_another_town_are_not_responsible(unit, people):
    invoice = invoice_in(unit)
    stranger = staff(unit_in("bruchsal"), "Rechnungseingang")
    refused(workflow.formal_check, invoice, stranger, match="nicht zuständig")
    refused(workflow.comment, invoice, stranger, "Hallo", match="nicht zuständig")
    assert_unchanged(invoice, S.RECEIVED)


def test_office_staff_of_another_office_are_not_responsible(unit, people):
    invoice = invoice_in(unit, status=S.FORMAL)
    elsewhere = staff(unit_in("rastatt", name="Hochbauamt"), "Sachliche Prüfung")
    refused(workflow.confirm_factual, invoice, elsewhere, match="nicht zuständig")


# --- four eyes ----------------------------------------------------------------------------------
def test_who_confirmed_factual_may_not_order(unit, people):
    both = staff(unit, "Sachliche Prüfung", "Anordnung", first_name="Bea", last_name="Beides")
    approval_limit(both, unit, "100000")
    invoice = invoice_in(unit, status=S.FORMAL)
    workflow.confirm_factual(invoice, both)
    workflow.confirm_arithmetic(invoice, people["rechnerisch"])

    message = refused(workflow.order, invoice, both)
    assert message == (
        "Sie haben diese Rechnung als sachlich richtig gezeichnet – die Anordnung muss eine "
        "andere Person geben."
    )
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert fresh.status == S.ARITHMETIC
    assert fresh.ordered_by is None
    assert actions(fresh) == [Action.FACTUAL, Action.ARITHMETIC]

    workflow.order(invoice, people["anordnung"])
    assert Invoice.objects.get(pk=invoice.pk).status == S.ORDERED


def test_the_same_person_may_confirm_factual_and_arithmetic(unit):
    both = staff(unit, "Sachliche Prüfung", "Rechnerische Prüfung")
    invoice = invoice_in(unit, status=S.FORMAL)
    workflow.confirm_factual(invoice, both)
    workflow.confirm_arithmetic(invoice, both)
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert fresh.status == S.ARITHMETIC
    assert fresh.factual_by == fresh.arithmetic_by == both


# --- the amount limit ---------------------------------------------------------------------------
def test_above_the_limit_a_second_person_completes_the_order(unit, people, filed):
    invoice = invoice_in(unit, status=S.ARITHMETIC, amount_due=Decimal("12000.00"))
    invoice.factual_by = people["sachlich"]
    invoice.save()

    outcome = workflow.order(invoice, people["anordnung"], "Erste Unterschrift")
    assert outcome.completed is False
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert fresh.status == S.ARITHMETIC
    assert fresh.first_order_by == people["anordnung"]
    assert fresh.ordered_by is None
    step = fresh.steps.get()
    assert (step.action, step.from_status, step.to_status) == (
        Action.FIRST_ORDER,
        S.ARITHMETIC,
        S.ARITHMETIC,
    )
    assert step.data["limit"] == "5000.00"
    assert filed == []

    # the first orderer cannot give the second signature
    message = refused(workflow.order, invoice, people["anordnung"])
    assert "erste Anordnung gegeben" in message

    # the second person's own (lower) limit does not matter
    outcome = workflow.order(invoice, people["zweite"], "Zweite Unterschrift")
    assert outcome.completed is True
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert (fresh.status, fresh.first_order_by, fresh.ordered_by) == (
        S.ORDERED,
        people["anordnung"],
        people["zweite"],
    )
    assert actions(fresh) == [Action.FIRST_ORDER, Action.ORDERED]
    assert filed == [(invoice.pk, people["zweite"])]


def test_the_limit_is_inclusive(unit, people):
    invoice = invoice_in(unit, status=S.ARITHMETIC, amount_due=Decimal("5000.00"))
    assert workflow.order(invoice, people["anordnung"]).completed is True


def test_the_factual_confirmer_cannot_give_the_second_order(unit, people):
    both = staff(unit, "Sachliche Prüfung", "Anordnung")
    approval_limit(both, unit, "100000")
    invoice = invoice_in(unit, status=S.ARITHMETIC, amount_due=Decimal("9000.00"), factual_by=both)
    workflow.order(invoice, people["anordnung"])
    refused(workflow.order, invoice, both, match="als sachlich richtig gezeichnet")
    assert Invoice.objects.get(pk=invoice.pk).status == S.ARITHMETIC


def test_without_a_limit_nobody_orders(unit, people):
    no_limit = staff(unit, "Anordnung")
    invoice = invoice_in(unit, status=S.ARITHMETIC, amount_due=Decimal("10.00"))
    message = refused(workflow.order, invoice, no_limit)
    assert "keine Anordnungsgrenze" in message
    assert_unchanged(invoice, S.ARITHMETIC)
    # also not as the second signature
    big = invoice_in(unit, status=S.ARITHMETIC, amount_due=Decimal("9000.00"))
    workflow.order(big, people["anordnung"])
    refused(workflow.order, big, no_limit, match="keine Anordnungsgrenze")


def test_a_limit_of_another_town_does_not_count(unit):
    person = staff(unit, "Anordnung")
    approval_limit(person, unit_in("bruchsal"), "100000")
    invoice = invoice_in(unit, status=S.ARITHMETIC)
    refused(workflow.order, invoice, person, match="keine Anordnungsgrenze")


def test_order_note_explains_what_the_order_will_do(unit, people):
    small = invoice_in(unit, status=S.ARITHMETIC, amount_due=Decimal("50.00"))
    big = invoice_in(unit, status=S.ARITHMETIC, amount_due=Decimal("7500.00"))
    assert "innerhalb Ihrer Anordnungsgrenze (5.000,00 EUR)" in workflow.order_note(
        small, people["anordnung"]
    )
    note = workflow.order_note(big, people["anordnung"])
    assert "7.500,00 EUR liegt über Ihrer Anordnungsgrenze" in note
    workflow.order(big, people["anordnung"])
    assert "Anton Anordner hat die erste Anordnung gegeben" in workflow.order_note(
        big, people["zweite"]
    )


# --- filing after the order ------------------------------------------------------------------
def test_a_failed_filing_keeps_the_order_and_is_shown(unit, people, monkeypatch):
    def broken(invoice, user):
        raise RuntimeError("Speicher voll")

    monkeypatch.setattr(filing, "file_invoice", broken)
    invoice = invoice_in(unit, status=S.ARITHMETIC)
    outcome = workflow.order(invoice, people["anordnung"])
    assert outcome.completed is True
    assert outcome.filing.ok is False
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert fresh.status == S.ORDERED
    last = fresh.steps.last()
    assert last.data["filing_failed"] is True
    assert last.comment.startswith("Ablage fehlgeschlagen:")
    assert "Unerwarteter Fehler" in workflow.filing_problem(fresh)


def test_a_failure_reported_by_filing_is_not_recorded_twice(unit, people, monkeypatch):
    def refuses(invoice, user):
        from backoffice.invoices import steps

        steps.record(
            invoice,
            Action.COMMENT,
            user=user,
            comment="Ablage fehlgeschlagen: Keine Akte hinterlegt.",
            data={"filing_failed": True},
        )
        return filing.FilingResult(ok=False, message="Keine Akte hinterlegt.")

    monkeypatch.setattr(filing, "file_invoice", refuses)
    invoice = invoice_in(unit, status=S.ARITHMETIC)
    workflow.order(invoice, people["anordnung"])
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert actions(fresh) == [Action.ORDERED, Action.COMMENT]
    assert workflow.filing_problem(fresh) == "Keine Akte hinterlegt."


# --- reject ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("status", [S.RECEIVED, S.FORMAL, S.FACTUAL, S.ARITHMETIC, S.ORDERED])
def test_rechnungseingang_rejects_from_every_open_status(unit, people, status):
    invoice = invoice_in(unit, status=status)
    workflow.reject(invoice, people["eingang"], "Nicht bestellt", "Wir haben nichts bestellt.")
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert fresh.status == S.REJECTED
    assert fresh.rejection_reason == "Nicht bestellt"
    assert fresh.rejection_notice == "Wir haben nichts bestellt."
    step = fresh.steps.get()
    assert (step.action, step.from_status, step.to_status) == (Action.REJECTED, status, S.REJECTED)
    assert step.comment == "Nicht bestellt"


def test_reject_needs_reason_and_notice(unit, people):
    invoice = invoice_in(unit)
    refused(workflow.reject, invoice, people["eingang"], " ", "Text", match="Grund")
    refused(workflow.reject, invoice, people["eingang"], "Grund", "", match="Mitteilung")
    assert_unchanged(invoice, S.RECEIVED)


def test_whoever_acts_next_may_reject_others_not(unit, people):
    invoice = invoice_in(unit, status=S.FORMAL)
    refused(workflow.reject, invoice, people["rechnerisch"], "x", "y", match="Zurückweisen")
    workflow.reject(invoice, people["sachlich"], "Leistung fehlt", "Die Leistung fehlt noch.")
    assert Invoice.objects.get(pk=invoice.pk).status == S.REJECTED


# --- assign, booking data, comments ----------------------------------------------------------
def test_assign_moves_the_invoice_to_another_office_of_the_town(unit, people):
    invoice = invoice_in(unit, status=S.FORMAL)
    other = unit_in("rastatt", name="Hochbauamt Rastatt")
    workflow.assign(invoice, people["eingang"], other)
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert fresh.org_unit == other
    assert fresh.status == S.FORMAL
    step = fresh.steps.get()
    assert step.action == Action.ASSIGNED
    assert step.data["from_org_unit_name"] == "Tiefbauamt Rastatt"
    assert step.comment == "Zugeordnet: Hochbauamt Rastatt"

    refused(workflow.assign, fresh, people["eingang"], other, match="bereits zugeordnet")
    refused(workflow.assign, fresh, people["eingang"], unit_in("bruchsal"), match="nicht zur Stadt")
    checker = staff(other, "Sachliche Prüfung")
    refused(workflow.assign, fresh, checker, unit, match="Rechnungseingang")


def test_no_reassignment_after_the_order(unit, people):
    invoice = invoice_in(unit, status=S.ORDERED)
    refused(workflow.assign, invoice, people["eingang"], unit_in("rastatt"), match="Anordnung")


def test_booking_data_change_is_recorded(unit, people):
    invoice = invoice_in(unit, status=S.FACTUAL, cost_centre="1.1", booking_text="alt")
    workflow.update_booking(invoice, people["rechnerisch"], " 5.4.1.0 ", "Straßenunterhalt")
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert (fresh.cost_centre, fresh.booking_text) == ("5.4.1.0", "Straßenunterhalt")
    step = fresh.steps.get()
    assert step.action == Action.EDITED
    assert step.data == {
        "cost_centre": ["1.1", "5.4.1.0"],
        "booking_text": ["alt", "Straßenunterhalt"],
    }
    refused(
        workflow.update_booking,
        fresh,
        people["rechnerisch"],
        "5.4.1.0",
        "Straßenunterhalt",
        match="unverändert",
    )
    refused(workflow.update_booking, fresh, people["rechnerisch"], "x", "y" * 141, match="lang")
    refused(workflow.update_booking, fresh, people["anordnung"], "x", "y", match="Buchungsdaten")
    ordered = invoice_in(unit, status=S.ORDERED)
    refused(workflow.update_booking, ordered, people["eingang"], "x", "y", match="Anordnung")


def test_comments_are_steps_and_need_text(unit, people):
    invoice = invoice_in(unit, status=S.FACTUAL)
    refused(workflow.comment, invoice, people["sachlich"], "   ", match="Kommentar")
    workflow.comment(invoice, people["sachlich"], "Lieferschein fehlt noch")
    step = Invoice.objects.get(pk=invoice.pk).steps.get()
    assert (step.action, step.from_status, step.to_status, step.comment) == (
        Action.COMMENT,
        S.FACTUAL,
        S.FACTUAL,
        "Lieferschein fehlt noch",
    )


def test_refusals_name_every_action(unit, people):
    invoice = invoice_in(unit, status=S.ARITHMETIC)
    reasons = workflow.refusals(invoice, people["anordnung"])
    assert reasons["order"] == ""
    assert reasons["comment"] == ""
    assert "Rechnungseingang" in reasons["formal"]
    assert set(reasons) == {
        "formal",
        "factual",
        "arithmetic",
        "order",
        "reject",
        "assign",
        "booking",
        "comment",
    }
