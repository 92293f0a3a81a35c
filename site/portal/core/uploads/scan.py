"""The virus scan of uploads: ClamAV's ``clamd`` over its socket (``INSTREAM``).

``CLAMAV_URL`` says where clamd listens: ``unix:///run/clamav/clamd.ctl`` or
``tcp://127.0.0.1:3310``. Empty (the demo): no scan. When it is set and clamd does not
answer, or answers with an error, the upload is refused ("fail closed") and the cause is
logged – a file nobody could check is never stored.

The protocol (clamd(8)): send ``zINSTREAM\\0``, then chunks as a 4-byte big-endian length
followed by the bytes, then a zero length; clamd answers ``stream: OK``, ``stream: <name>
FOUND`` or ``<reason> ERROR``, ended by ``\\0``. Written here rather than taken from PyPI:
the ``clamd`` package was last released in 2014, and the protocol fits in a page.
"""

from __future__ import annotations

import logging
import socket
import struct
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from .checks import UploadRefused, chunks_of, file_name

logger = logging.getLogger(__name__)

CHUNK = 64 * 1024
DEFAULT_TIMEOUT = 30.0


class ScanUnavailable(UploadRefused):
    """clamd is configured but did not answer, or could not check the file."""


class VirusFound(UploadRefused):
    """clamd found a signature; ``signature`` is its name."""

    def __init__(self, message: str, signature: str):
        super().__init__(message, code="virus")
        self.signature = signature


class ClamdError(Exception):
    pass


def clamav_url() -> str:
    return (getattr(settings, "CLAMAV_URL", "") or "").strip()


def _timeout() -> float:
    return float(getattr(settings, "CLAMAV_TIMEOUT", DEFAULT_TIMEOUT) or DEFAULT_TIMEOUT)


def _connect(url: str) -> socket.socket:
    parts = urlsplit(url)
    timeout = _timeout()
    if parts.scheme == "unix" or (not parts.scheme and url.startswith("/")):
        path = parts.path or url
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(path)
        except OSError:
            sock.close()
            raise
        return sock
    if parts.scheme == "tcp" and parts.hostname and parts.port:
        return socket.create_connection((parts.hostname, parts.port), timeout=timeout)
    raise ClamdError(f"CLAMAV_URL must be unix:///path or tcp://host:port, not {url!r}")


def _answer(sock: socket.socket) -> str:
    data = b""
    while not data.endswith(b"\0"):
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
        if len(data) > 65536:
            break
    return data.rstrip(b"\0").decode("utf-8", "replace").strip()


def ping(url: str | None = None) -> bool:
    """Does clamd at ``url`` (default ``CLAMAV_URL``) answer PONG?"""
    url = url or clamav_url()
    if not url:
        return False
    try:
        with _connect(url) as sock:
            sock.sendall(b"zPING\0")
            return _answer(sock) == "PONG"
    except (OSError, ClamdError):
        return False


def instream(chunks, url: str) -> str:
    """clamd's verdict on the bytes of ``chunks``: "stream: OK", "stream: X FOUND", … ."""
    with _connect(url) as sock:
        try:
            sock.sendall(b"zINSTREAM\0")
            for chunk in chunks:
                for start in range(0, len(chunk), CHUNK):
                    part = chunk[start : start + CHUNK]
                    sock.sendall(struct.pack(">I", len(part)) + part)
            sock.sendall(struct.pack(">I", 0))
        except (BrokenPipeError, ConnectionResetError):
            # clamd stops reading when the stream passes its StreamMaxLength; its reason
            # ("INSTREAM size limit exceeded. ERROR") may still be there to read
            try:
                answer = _answer(sock)
            except OSError:
                answer = ""
            if answer:
                return answer
            raise
        return _answer(sock)


def scan(upload, *, name: str | None = None) -> None:
    """Scan ``upload`` (a file or bytes) with clamd when ``CLAMAV_URL`` is set; raise
    :class:`VirusFound` or :class:`ScanUnavailable` (never store the file then)."""
    url = clamav_url()
    if not url:
        return
    shown = file_name(upload, name)
    try:
        answer = instream(chunks_of(upload), url)
    except (OSError, ClamdError) as error:
        logger.error("virus scan: clamd at %s not reachable: %s", url, error)
        raise ScanUnavailable(
            _(
                "Die Virenprüfung ist gerade nicht erreichbar. Die Datei „%(name)s“ wurde "
                "deshalb nicht angenommen; bitte versuchen Sie es später noch einmal."
            )
            % {"name": shown},
            code="scan_unavailable",
        ) from None
    verdict = answer.split(":", 1)[-1].strip()
    if verdict == "OK":
        return
    if verdict.endswith(" FOUND"):
        signature = verdict[: -len(" FOUND")].strip()
        # the signature, not the file name: names may hold personal data
        logger.warning("virus scan: clamd found %s in an upload; refused", signature)
        raise VirusFound(
            _("Die Datei „%(name)s“ enthält ein Schadprogramm und wurde nicht angenommen.")
            % {"name": shown},
            signature=signature,
        )
    logger.error("virus scan: clamd could not check an upload: %s", answer or "(no answer)")
    raise ScanUnavailable(
        _(
            "Die Datei „%(name)s“ konnte nicht auf Schadprogramme geprüft werden und wurde "
            "nicht angenommen. Bitte versuchen Sie es später noch einmal."
        )
        % {"name": shown},
        code="scan_failed",
    )
