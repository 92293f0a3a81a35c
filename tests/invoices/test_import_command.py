"""``manage.py import_invoices``: real files in a folder, one line per file, a summary, exit
status 1 when any file was rejected."""

from __future__ import annotations

import shutil
from unittest import mock

import pytest
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError

from backoffice.invoices.models import Invoice, Source
from tests.invoices import conftest as suite
from tests.invoices.factories import route, unit_in
from tests.portal.factories import UserFactory
from tests.services.factories import town

pytestmark = pytest.mark.django_db

VALID = ["01.01a-INVOICE_ubl.xml", "01.02a-INVOICE_ubl.xml", "01.03a-INVOICE_uncefact.xml"]


def run(*args: str, capsys) -> tuple[int, list[str]]:
    """Run the command as ``manage.py`` does; ``(exit status, output lines)``.

    ``run_from_argv`` closes every database connection when it ends – inside the test's
    transaction that would lose it on PostgreSQL, so the closing is left out here."""
    try:
        with mock.patch("django.core.management.base.connections.close_all"):
            ManagementUtility(["manage.py", "import_invoices", *args]).execute()
        status = 0
    except SystemExit as exit_:
        status = exit_.code or 0
    out, err = capsys.readouterr()
    return status, [line for line in (out + err).splitlines() if line.strip()]


@pytest.fixture
def folder(tmp_path):
    inbox = tmp_path / "eingang"
    (inbox / "unterordner").mkdir(parents=True)
    for index, name in enumerate(VALID):
        target = inbox / ("unterordner" if index == 2 else "") / name
        shutil.copy(suite.testsuite_file(name), target)
    (inbox / "notiz.txt").write_text("keine Rechnung, wird übergangen")
    return inbox


def test_a_folder_with_a_broken_file_reports_each_and_exits_with_1(folder, capsys):
    (folder / "kaputt.xml").write_bytes(b"<Invoice><nicht zu")
    route(unit_in("rastatt", name="Kämmerei Rastatt"), "04011000")

    status, lines = run(str(folder), "--site", "rastatt", capsys=capsys)

    assert status == 1
    accepted = [line for line in lines if line.startswith("angenommen: ")]
    rejected = [line for line in lines if line.startswith("abgelehnt: ")]
    assert len(accepted) == 3 and len(rejected) == 1
    assert rejected[0].startswith(f"abgelehnt: {folder / 'kaputt.xml'}: XML-WOHLGEFORMT ")
    first = Invoice.objects.get(original_name="01.01a-INVOICE_ubl.xml")
    assert (
        f"angenommen: {folder / '01.01a-INVOICE_ubl.xml'} → Rechnung #{first.pk} "
        f"(123456XX, [Seller name], 336,90 EUR, Rastatt/Kämmerei Rastatt)"
    ) in accepted
    assert "4 Dateien: 3 angenommen, 1 abgelehnt." in lines
    assert "notiz.txt" not in "\n".join(lines)
    new = Invoice.objects.filter(original_name__in=VALID)
    assert new.count() == 3
    assert set(new.values_list("source", flat=True)) == {Source.COMMAND}


def test_all_valid_exits_with_0(folder, capsys):
    status, lines = run(str(folder), "--site", "bruchsal", capsys=capsys)
    assert status == 0
    assert lines[-1] == "3 Dateien: 3 angenommen, 0 abgelehnt."
    assert all("/ohne Dienststelle)" in line for line in lines[:-1])
    assert Invoice.objects.filter(site=town("bruchsal").site, original_name__in=VALID).count() == 3


def test_files_named_directly_user_and_duplicates(tmp_path, capsys):
    path = tmp_path / "rechnung.xml"
    shutil.copy(suite.testsuite_file(VALID[0]), path)
    copy = tmp_path / "nochmal.xml"
    copy.write_bytes(path.read_bytes() + b"\n<!-- zweiter Versand -->\n")
    clerk = UserFactory(username="eingang.rastatt")

    status, lines = run(
        str(path), str(copy), "--site", "rastatt", "--user", "eingang.rastatt", capsys=capsys
    )
    assert status == 1
    assert lines[1].startswith(f"abgelehnt: {copy}: DUBLETTE ")

    status, lines = run(str(copy), "--site", "rastatt", "--accept-duplicates", capsys=capsys)
    assert status == 0
    taken = Invoice.objects.get(original_name="nochmal.xml")
    assert taken.duplicate_of.received_by == clerk


def test_missing_paths_and_wrong_options(tmp_path, capsys):
    status, lines = run(str(tmp_path / "gibt-es-nicht.xml"), "--site", "rastatt", capsys=capsys)
    assert status == 1 and "DATEI-FEHLT" in lines[0]
    with pytest.raises(CommandError, match="Keine Stadt"):
        call_command("import_invoices", str(tmp_path), site="atlantis")
    with pytest.raises(CommandError, match="Kein Benutzer"):
        call_command("import_invoices", str(tmp_path), user="niemand")
    with pytest.raises(CommandError, match="Keine Dateien"):
        call_command("import_invoices", str(tmp_path))


def test_without_site_an_unknown_leitweg_id_is_rejected(tmp_path, capsys):
    path = tmp_path / "rechnung.xml"
    shutil.copy(suite.testsuite_file(VALID[0]), path)
    status, lines = run(str(path), capsys=capsys)
    assert status == 1
    assert lines[0].startswith(f"abgelehnt: {path}: LEITWEG-UNBEKANNT ")
