"""The shared upload checks of portal.core: type by content, size, ZIP containers (bombs,
nested archives, too many members, encryption), PDFs' embedded files, SVG refused."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.core import uploads
from portal.core.uploads import ArchiveLimits, UploadRefused

MB = 1024 * 1024
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
EXE = b"MZ" + b"\x90\x00" * 40 + b"This program cannot be run in DOS mode"
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def zipped(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx(extra: dict[str, bytes] | None = None) -> bytes:
    members = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
        "word/document.xml": b'<?xml version="1.0"?><w:document>Satzung</w:document>',
    }
    members.update(extra or {})
    return zipped(members)


def pdf_with(attachments: dict[str, bytes]) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    for name, content in attachments.items():
        writer.add_attachment(name, content)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def refusal(callable_, *args, **kwargs) -> UploadRefused:
    with pytest.raises(UploadRefused) as caught:
        callable_(*args, **kwargs)
    return caught.value


@pytest.mark.parametrize(
    ("content", "mime"),
    [
        (b"%PDF-1.7\n", "application/pdf"),
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (EXE, "application/x-msdownload"),
        (zipped({"a.txt": b"a"}), "application/zip"),
        (SVG, "image/svg+xml"),
        (b"\xef\xbb\xbf  <svg:svg xmlns:svg='http://www.w3.org/2000/svg'/>", "image/svg+xml"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "text/html"),
        (b"Hallo <script>alert(1)</script>", "text/html"),
        (b'<?xml version="1.0"?><Invoice/>', "application/xml"),
        ("Name;Straße\nMüller;Hauptstr. 1\n".encode(), "text/plain"),
        ("Grüße aus Bruchsal".encode("cp1252"), "text/plain"),
        (b"\x00\x01\x02\x03binary", None),
    ],
)
def test_type_comes_from_the_first_bytes(content, mime):
    assert uploads.sniff(content) == mime


def test_a_program_named_pdf_is_refused_with_what_it_is():
    upload = SimpleUploadedFile("rechnung.pdf", EXE, content_type="application/pdf")
    error = refusal(uploads.check_type, upload, {"application/pdf"}, label="PDF")
    assert error.message == "Die Datei „rechnung.pdf“ ist ein Programm (EXE). Erlaubt sind: PDF."


def test_svg_is_refused_with_the_reason_even_named_png():
    upload = SimpleUploadedFile("logo.png", SVG, content_type="image/png")
    error = refusal(uploads.check_type, upload, {"image/png", "image/jpeg"})
    assert error.code == "svg"
    assert "SVG-Dateien werden nicht angenommen" in error.message


def test_empty_and_too_large_files_are_refused():
    assert refusal(uploads.check_size, SimpleUploadedFile("a.pdf", b""), MB).code == "empty"
    error = refusal(uploads.check_size, SimpleUploadedFile("gross.pdf", b"x" * (MB + 1)), MB)
    assert error.message == "Die Datei „gross.pdf“ ist 1,0 MB groß; erlaubt sind höchstens 1 MB."


def test_an_ordinary_docx_passes_the_archive_check():
    uploads.check_archive(docx(), name="Satzung.docx")


def test_zip_bomb_is_refused_by_its_compression_ratio():
    bomb = zipped({"word/document.xml": b"\x00" * (20 * MB)})
    assert len(bomb) < 100_000
    error = refusal(uploads.check_archive, bomb, name="bombe.docx")
    assert error.code == "archive_bomb"
    assert "Zip-Bombe" in error.message


def test_the_total_counts_what_comes_out():
    content = zipped({"a.bin": bytes(range(256)) * 8192}, compression=zipfile.ZIP_STORED)
    limits = ArchiveLimits(max_total_bytes=1 * MB)
    error = refusal(uploads.check_archive, content, limits, name="gross.zip")
    assert error.code == "archive_bomb"


def test_a_directory_that_lies_about_sizes_does_not_help_a_bomb():
    content = bytearray(zipped({"a.bin": b"\x00" * (20 * MB)}))
    central = content.rfind(b"PK\x01\x02")
    content[central + 24 : central + 28] = (10).to_bytes(4, "little")  # "10 bytes"
    content[22:26] = (10).to_bytes(4, "little")
    error = refusal(uploads.check_archive, bytes(content), name="bombe.zip")
    assert error.code in {"archive_bomb", "archive_broken"}


def test_too_many_members_are_refused():
    content = zipped({f"f{index}.txt": b"x" for index in range(30)})
    error = refusal(uploads.check_archive, content, ArchiveLimits(max_members=20), name="v.zip")
    assert error.message == "Die Datei „v.zip“ enthält 30 Dateien; erlaubt sind höchstens 20."


@pytest.mark.parametrize(
    "inner",
    [zipped({"a.txt": b"a"}), b"\x1f\x8b\x08\x00" + b"\x00" * 20, EXE, docx()],
    ids=["zip", "gzip", "exe", "docx"],
)
def test_nested_archives_and_programs_are_refused(inner):
    content = docx({"word/embeddings/anhang.bin": inner})
    error = refusal(uploads.check_archive, content, name="Satzung.docx")
    assert error.code == "archive_nested"
    assert "„word/embeddings/anhang.bin“" in error.message


def test_encrypted_members_are_refused():
    content = bytearray(zipped({"geheim.txt": b"x"}))
    # set the "encrypted" flag in the local header and in the central directory
    content[6] |= 1
    central = content.rfind(b"PK\x01\x02")
    content[central + 8] |= 1
    error = refusal(uploads.check_archive, bytes(content), name="geheim.zip")
    assert error.code == "archive_encrypted"


def test_a_broken_archive_is_refused():
    error = refusal(uploads.check_archive, b"PK\x03\x04" + b"\x00" * 50, name="kaputt.zip")
    assert error.code == "archive_broken"


def test_pdf_attachments_are_limited_and_may_not_be_archives():
    assert uploads.check_pdf_attachments(pdf_with({"rechnung.xml": b"<Invoice/>"})) == [
        ("rechnung.xml", b"<Invoice/>")
    ]
    nested = pdf_with({"daten.zip": zipped({"a.txt": b"a"})})
    assert refusal(uploads.check_pdf_attachments, nested, name="a.pdf").code == "archive_nested"
    many = pdf_with({f"anlage{index}.txt": b"x" for index in range(5)})
    error = refusal(
        uploads.check_pdf_attachments, many, ArchiveLimits(max_pdf_attachments=3), name="a.pdf"
    )
    assert error.message == (
        "Die PDF-Datei „a.pdf“ enthält 5 eingebettete Dateien; erlaubt sind höchstens 3."
    )


def test_check_upload_without_clamav_configured_takes_a_clean_file(settings):
    settings.CLAMAV_URL = ""
    upload = SimpleUploadedFile("scan.pdf", pdf_with({}))
    assert uploads.check_upload(upload, allowed={"application/pdf"}, max_bytes=MB) == (
        "application/pdf"
    )
