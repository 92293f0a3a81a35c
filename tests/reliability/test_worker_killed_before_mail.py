"""Fault: the worker killed after a case is saved, before its mail.

Production processes on a private database: a uvicorn worker, the db_worker (which sends
the outbox's mails) and an SMTP server that takes the confirmation's data but holds its
answer – the db_worker is inside ``send()`` when it is killed (SIGKILL). Nothing lost
means: the case is stored, its mail waits in the outbox; after a restart (db_worker and
the scheduled jobs, as systemd runs them) exactly one mail goes out, never a second one;
and a submit sent again – twice at once and once more afterwards – never makes a second
case (the draft is the idempotency key: it is consumed in the case's transaction).
"""

from __future__ import annotations

import threading
import time

import pytest

from .citizen import Citizen
from .services import rows, wait_for

pytestmark = pytest.mark.django_db


def test_a_killed_mail_worker_sends_exactly_one_mail_after_restart(processes, mail_sink):
    processes.start("worker-a")
    processes.start("db_worker")
    base = f"http://127.0.0.1:{processes.worker_a}"

    mail_sink.hold()
    citizen = Citizen(base, "abgebrochen@example.org")
    reference = citizen.apply().reference
    assert reference
    assert mail_sink.held.wait(30), processes.logs()  # the db_worker is inside send()
    processes.kill("db_worker")
    mail_sink.release()

    def mails_for(ref: str) -> list:
        return [m for m in mail_sink.accepted if ref in m.subject]

    case = rows(
        processes.database,
        "SELECT applicant_email FROM services_case WHERE reference = %s",
        reference,
    )
    assert case == [("abgebrochen@example.org",)]
    waiting = rows(
        processes.database,
        "SELECT count(*) FROM core_outboxmessage WHERE subject LIKE %s AND sent_at IS NULL",
        f"%{reference}%",
    )
    assert waiting == [(1,)] and mails_for(reference) == []

    processes.start("db_worker")
    processes.run("run_scheduled")  # the timer's flush of the outbox
    wait_for(lambda: mails_for(reference), 30, "die Bestätigung ist versandt")
    processes.run("run_scheduled")  # a second flush, and the db_worker still running
    time.sleep(2)
    assert [m.to for m in mails_for(reference)] == [["abgebrochen@example.org"]]
    print(f"\nkilled inside send(): case {reference} stored, 1 mail after restart")


def test_a_retried_submit_never_makes_a_second_case(processes, mail_sink):
    processes.start("worker-a")
    processes.start("worker-b")
    processes.start("db_worker")
    bases = [f"http://127.0.0.1:{port}" for port in processes.ports.workers]
    citizen = Citizen(bases[0], "doppelklick@example.org")
    citizen.prepare()

    # a double click: the same submit on both workers at once, five times over
    outcomes = []

    def again(number: int) -> None:
        clone = Citizen(bases[number % 2], citizen.email, cookies=dict(citizen.cookies))
        clone.pdf, clone.last_submit = citizen.pdf, citizen.last_submit
        outcomes.append(clone.submit())

    threads = [threading.Thread(target=again, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # … and once more later, as a browser's "resend the form?"
    outcomes.append(citizen.submit())

    cases = rows(
        processes.database,
        "SELECT reference FROM services_case WHERE applicant_email = %s",
        citizen.email,
    )
    assert len(cases) == 1, cases
    shown = {o.reference for o in outcomes if o.reference}
    assert shown <= {cases[0][0]}, (shown, [o.failed for o in outcomes])
    # the submit sent again after the case exists leads to the same reference
    assert outcomes[-1].reference == cases[0][0], outcomes[-1].failed
    assert not [o.failed for o in outcomes if o.failed.startswith("5")]
    wait_for(lambda: any(cases[0][0] in m.subject for m in mail_sink.accepted), 30, "Mail")
    time.sleep(1)
    assert len([m for m in mail_sink.accepted if m.to == [citizen.email]]) == 1
    print(
        f"\n11 submits of one draft: 1 case, 1 mail; {len(shown and outcomes)} answers, "
        f"{sum(bool(o.reference) for o in outcomes)} showed its reference"
    )
