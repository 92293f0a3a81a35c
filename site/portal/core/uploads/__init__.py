"""Checks every upload of the portal goes through before anything is stored: the type by
the file's first bytes, the size, archives (zip bombs, nested archives), SVG refused, and
the virus scan (ClamAV ``clamd`` when ``CLAMAV_URL`` is set).

Domain-free: the apps say which types they take and what the limits are; a refusal is an
:class:`UploadRefused` (a ``ValidationError``) with a German message for the user::

    from portal.core import uploads

    try:
        mime = uploads.check_upload(upload, allowed={"application/pdf"}, max_bytes=10 * MB)
    except uploads.UploadRefused as refusal:
        form.add_error("file", refusal.message)
"""

from .archives import ArchiveLimits, check_archive, check_pdf_attachments
from .checks import (
    ARCHIVE_TYPES,
    MB,
    OFFICE_CONTAINERS,
    UploadRefused,
    check_contents,
    check_size,
    check_type,
    check_upload,
    describe,
    detect,
    head_of,
    read_all,
    sniff,
)
from .scan import ScanUnavailable, VirusFound, clamav_url, ping, scan

__all__ = [
    "ARCHIVE_TYPES",
    "MB",
    "OFFICE_CONTAINERS",
    "ArchiveLimits",
    "ScanUnavailable",
    "UploadRefused",
    "VirusFound",
    "check_archive",
    "check_contents",
    "check_pdf_attachments",
    "check_size",
    "check_type",
    "check_upload",
    "clamav_url",
    "describe",
    "detect",
    "head_of",
    "ping",
    "read_all",
    "scan",
    "sniff",
]
