"""Fault: PostgreSQL restarted (``pg_ctl restart -m immediate``) under submission load.

Two uvicorn workers and the db_worker (production settings) on a private cluster; citizens
in threads fill in an application with a PDF and send it, over and over, while the cluster
is killed and started again. Nothing lost means:

- no answer is a 500: while the database is away, the pages say so (503, Retry-After);
- every 2xx done page with a reference number has its case row – with that citizen's
  e-mail address and their file, byte for byte;
- no case row without its file, no file without its case row;
- the workers recover without a restart: applications sent after the restart succeed
  on both workers;
- every case gets exactly one confirmation mail, and no mail names a case that is not
  stored.
"""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

import pytest

from .citizen import Citizen, Outcome
from .services import rows, wait_for

pytestmark = pytest.mark.django_db
CLIENTS = 6
BEFORE, AFTER = 8.0, 10.0  # seconds of load before and after the restart


def test_postgres_crash_under_submission_load_loses_no_application(
    processes, private_postgres, mail_sink
):
    for name in ("worker-a", "worker-b", "db_worker"):
        processes.start(name)
    bases = [f"http://127.0.0.1:{port}" for port in processes.ports.workers]
    outcomes: list[tuple[float, Outcome]] = []
    lock = threading.Lock()
    stop = threading.Event()

    def citizen(number: int) -> None:
        serial = 0
        while not stop.is_set():
            serial += 1
            person = Citizen(bases[number % 2], f"buerger-{number}-{serial}@example.org")
            started = time.monotonic()
            outcome = person.apply()
            with lock:
                outcomes.append((started, outcome))

    threads = [threading.Thread(target=citizen, args=(n,), daemon=True) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    time.sleep(BEFORE)
    crashed_at = time.monotonic()
    private_postgres.restart_immediate()
    recovered_at = time.monotonic()
    time.sleep(AFTER)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)

    accepted = [o for _, o in outcomes if o.reference]
    failed = [o for _, o in outcomes if not o.reference]
    after = [o for started, o in outcomes if started > recovered_at + 2]
    print(
        f"\n{len(outcomes)} applications, {len(accepted)} with a reference number, "
        f"{len(failed)} refused ({sorted({o.failed for o in failed})}); restart took "
        f"{recovered_at - crashed_at:.1f} s; {sum(bool(o.reference) for o in after)}/"
        f"{len(after)} sent later than 2 s after it succeeded"
    )
    assert len(accepted) >= 10, processes.logs()
    # while the database was away the citizens were told to wait (503), never "error"
    seen = sorted({status for _, o in outcomes for status in o.statuses})
    assert 500 not in seen, seen
    assert after and all(o.reference for o in after), [o.failed for o in after]

    # the workers answer on their own – no restart: one more application on each
    for base in bases:
        assert Citizen(base, f"danach-{base[-5:]}@example.org").apply().reference

    stored = {
        reference: (email, case_id)
        for case_id, reference, email in rows(
            processes.database,
            "SELECT id, reference, applicant_email FROM services_case "
            "WHERE service_name = 'Zuverlässigkeitsprüfung'",
        )
    }
    # every 2xx with a reference number has its row – that citizen's
    for outcome in accepted:
        assert outcome.reference in stored, outcome
        assert stored[outcome.reference][0] == outcome.email
    # no row without its file, and the file is the one sent
    files = rows(
        processes.database,
        "SELECT c.reference, c.applicant_email, f.file, f.size, f.sha256 FROM services_case c "
        "LEFT JOIN services_casefile f ON f.case_id = c.id "
        "WHERE c.service_name = 'Zuverlässigkeitsprüfung'",
    )
    assert len(files) == len(stored)  # one file per case
    sent_files = {o.email: o.pdf_sha256 for _, o in outcomes}
    private = Path(processes.env()["PRIVATE_MEDIA_ROOT"])
    for reference, email, name, size, sha256 in files:
        assert name, f"{reference} has no file"
        content = (private / name).read_bytes()
        assert len(content) == size
        assert hashlib.sha256(content).hexdigest() == sha256 == sent_files.get(email, sha256)
    # no file without its row (a refused submission removed what it had copied)
    on_disk = {p.relative_to(private).as_posix() for p in private.rglob("*") if p.is_file()}
    case_files = {name for _, _, name, _, _ in files}
    drafts = {name for (name,) in rows(processes.database, "SELECT file FROM services_draftfile")}
    assert on_disk - case_files - drafts == set()

    # exactly one confirmation per case; never a mail for a case that is not stored –
    # the db_worker sends; the scheduled flush sends what a lost task left in the outbox
    processes.run("run_scheduled")
    wait_for(lambda: len(confirmations(mail_sink)) >= len(stored), 30, "alle Bestätigungen")
    by_reference: dict[str, int] = {}
    for mail in confirmations(mail_sink):
        reference = mail.subject.split(": ", 1)[1].split(" – ")[0]
        by_reference[reference] = by_reference.get(reference, 0) + 1
        assert reference in stored, mail.subject
        assert mail.to == [stored[reference][0]]
    assert by_reference == dict.fromkeys(stored, 1)
    print(f"stored: {len(stored)} cases with their files; mails: {sum(by_reference.values())}")


def confirmations(sink) -> list:
    return [m for m in sink.accepted if m.subject.startswith("Ihr Antrag ist eingegangen")]
