"""The virus scan against a real clamd (a private one, see tests/clamav.py): EICAR found,
also inside a ZIP and a PDF; a clean file passes; clamd configured but stopped or
unreachable refuses the file (fail closed) and logs why; no CLAMAV_URL – no scan."""

from __future__ import annotations

import logging
import socket

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.core import uploads
from portal.core.uploads import ScanUnavailable, VirusFound
from tests.clamav import EICAR, eicar_in_zip
from tests.portal.test_uploads_checks import pdf_with

MB = 1024 * 1024


def test_clamd_answers_ping(clamav):
    assert uploads.ping(clamav.url)


def test_eicar_is_found_and_refused_in_german(clamav, caplog):
    upload = SimpleUploadedFile("Nachweis.pdf", EICAR)
    with caplog.at_level(logging.WARNING), pytest.raises(VirusFound) as caught:
        uploads.scan(upload)
    assert caught.value.message == (
        "Die Datei „Nachweis.pdf“ enthält ein Schadprogramm und wurde nicht angenommen."
    )
    assert caught.value.signature.startswith(("eicar.com", "Redi.Test.EICAR"))
    # the log names the signature, never the file name (it may hold personal data)
    assert "Nachweis" not in caplog.text
    assert "found" in caplog.text


def test_a_clean_file_passes_and_can_be_read_again(clamav):
    upload = SimpleUploadedFile("scan.pdf", pdf_with({}))
    uploads.scan(upload)
    assert upload.read(5) == b"%PDF-"


def test_a_large_clean_file_is_streamed_in_chunks(clamav):
    uploads.scan(b"%PDF-1.7\n" + bytes(range(256)) * (12 * 4096))  # 12 MB


def test_eicar_inside_a_zip_is_found(clamav):
    with pytest.raises(VirusFound):
        uploads.scan(eicar_in_zip(), name="paket.zip")


def test_eicar_embedded_in_a_pdf_is_found(clamav):
    upload = SimpleUploadedFile("rechnung.pdf", pdf_with({"anlage.txt": EICAR}))
    with pytest.raises(VirusFound):
        uploads.check_upload(upload, allowed={"application/pdf"}, max_bytes=MB)


def test_clamd_stopped_refuses_the_file_and_logs_it(clamav_stopped, caplog):
    with caplog.at_level(logging.ERROR), pytest.raises(ScanUnavailable) as caught:
        uploads.scan(SimpleUploadedFile("Antrag.pdf", b"%PDF-1.7 harmlos"))
    assert caught.value.message == (
        "Die Virenprüfung ist gerade nicht erreichbar. Die Datei „Antrag.pdf“ wurde deshalb "
        "nicht angenommen; bitte versuchen Sie es später noch einmal."
    )
    assert "not reachable" in caplog.text


def test_a_tcp_address_where_nothing_listens_refuses(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CLAMAV_URL = f"tcp://127.0.0.1:{port}"
    with pytest.raises(ScanUnavailable):
        uploads.scan(b"%PDF-1.7")


def test_an_unusable_url_refuses_rather_than_skipping(settings):
    settings.CLAMAV_URL = "http://clamav.example/"
    with pytest.raises(ScanUnavailable):
        uploads.scan(b"%PDF-1.7")


def test_without_clamav_url_nothing_is_scanned(settings):
    settings.CLAMAV_URL = ""
    uploads.scan(EICAR)  # the demo: no scanner, nothing refused
