"""The public API of the E-Akte for other apps: file something into an Akte, find the
files a user may file into, show where an object was filed.

Other apps import only this module – never the E-Akte's models::

    from backoffice.efiles import records

    filed = records.file_into(case, "020.1/0007/2026", "Antrag 2026-BR-00042",
                              [("antrag.pdf", pdf)], user=request.user)

Everything is done through :mod:`backoffice.efiles.actions` (checked, audited). Errors
are :class:`RecordError` with a German message; when one is raised nothing is stored.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.db.models import Max, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import access, actions, storage
from .actions import RecordError
from .models import Akte, DocumentType, Dokument, Vorgang

__all__ = [
    "AkteChooserField",
    "FiledDocument",
    "RecordError",
    "akte_label",
    "akte_url",
    "chooser_widget",
    "file_into",
    "filed_for",
    "may_file",
    "open_akten_for",
    "source_label",
]

SOURCE_LENGTH = 100


@dataclass(frozen=True)
class FiledDocument:
    """A document that was filed: its id, title, current version and admin page."""

    dokument_id: int
    title: str
    version: int
    url: str
    akte_id: int = 0
    aktenzeichen: str = ""
    akte_url: str = ""


def _reverse(name: str, pk: int) -> str:
    try:
        return reverse(f"efiles:{name}", args=[pk])
    except NoReverseMatch:  # the admin views are not installed (e.g. an API-only project)
        return ""


# --- who may do what ---------------------------------------------------------------------
def may_file(user) -> bool:
    """May ``user`` file documents into Akten at all?"""
    return user is not None and user.is_authenticated and access.may_edit(user)


def open_akten_for(user) -> QuerySet[Akte]:
    """The open files ``user`` may see – what a chooser offers."""
    return access.akten_for(user).open().select_related("org_unit")


def akte_label(pk) -> str:
    """ "<Aktenzeichen> – <Betreff>" of the Akte, or "" if there is none with ``pk``."""
    akte = Akte.objects.filter(pk=pk).only("aktenzeichen", "title").first()
    return f"{akte.aktenzeichen} – {akte.title}" if akte else ""


def akte_url(pk) -> str:
    """The admin page of the Akte (access is checked there)."""
    return _reverse("akte_detail", int(pk))


def source_label(obj) -> str:
    """How a filed document names where it came from, e.g. "services.Case 2026-BR-00042"."""
    return f"{obj._meta.label} {obj}"[:SOURCE_LENGTH]


# --- filing ------------------------------------------------------------------------------
def _find_akte(obj, akte, user) -> Akte:
    site_id = getattr(obj, "site_id", None)
    if isinstance(akte, Akte):
        found = Akte.objects.filter(pk=akte.pk).first()
    elif isinstance(akte, int) and not isinstance(akte, bool):
        found = Akte.objects.filter(pk=akte).first()
    elif isinstance(akte, str) and akte.strip():
        candidates = Akte.objects.filter(aktenzeichen=akte.strip())
        if site_id is not None:
            candidates = candidates.filter(site_id=site_id)
        found = candidates.first() if candidates.count() == 1 else None
    else:
        found = None
    if found is None:
        raise RecordError(_("Die Akte „%(akte)s“ wurde nicht gefunden.") % {"akte": akte})
    _check_access(user, found, akte)
    if site_id is not None and found.site_id != site_id:
        raise RecordError(
            _("Die Akte %(az)s gehört zu einer anderen Stadt.") % {"az": found.aktenzeichen}
        )
    return found


def _as_upload(item) -> UploadedFile:
    """An uncommitted upload from a ``(filename, bytes)`` tuple or any Django ``File``."""
    if isinstance(item, tuple) and len(item) == 2:
        name, content = item
        if isinstance(content, str):
            content = content.encode()
        if not isinstance(content, (bytes, bytearray)):
            raise RecordError(_("Die Datei „%(name)s“ ist keine Datei.") % {"name": name})
        content_type = mimetypes.guess_type(str(name))[0] or "application/octet-stream"
        return SimpleUploadedFile(str(name or ""), bytes(content), content_type=content_type)
    if isinstance(item, UploadedFile):
        return item
    if isinstance(item, File):
        # e.g. a model's FieldFile: copy the bytes, so that the E-Akte keeps its own file
        name = storage.clean_filename(getattr(item, "name", "") or "")
        try:
            item.open("rb")
            item.seek(0)
            content = item.read()
        except (OSError, ValueError):
            raise RecordError(
                _("Die Datei „%(name)s“ konnte nicht gelesen werden.") % {"name": name}
            ) from None
        content_type = getattr(item, "content_type", "") or (
            mimetypes.guess_type(name)[0] or "application/octet-stream"
        )
        return SimpleUploadedFile(name, content, content_type=content_type)
    raise RecordError(_("Unbekannte Art von Datei: %(kind)s") % {"kind": type(item).__name__})


def _check_access(user, akte: Akte, given) -> None:
    """With a user: they must work with the E-Akte and see the Akte – a file they do not
    see is answered as if it did not exist."""
    if user is None:
        return
    if not may_file(user):
        raise RecordError(_("Sie dürfen keine Dokumente in der E-Akte ablegen."))
    if not access.akten_for(user).filter(pk=akte.pk).exists():
        raise RecordError(_("Die Akte „%(akte)s“ wurde nicht gefunden.") % {"akte": given})


def _filename(upload) -> str:
    return storage.clean_filename(upload.name or "")


def _to_filed(dokument: Dokument, version: int) -> FiledDocument:
    return FiledDocument(
        dokument_id=dokument.pk,
        title=dokument.title,
        version=version,
        url=_reverse("dokument_detail", dokument.pk),
        akte_id=dokument.akte_id,
        aktenzeichen=dokument.akte.aktenzeichen,
        akte_url=_reverse("akte_detail", dokument.akte_id),
    )


def _remove_stored(names: list[tuple]) -> None:
    for file_storage, name in names:
        try:
            if file_storage.exists(name):
                file_storage.delete(name)
        except OSError:  # pragma: no cover - best effort cleanup
            pass


def file_into(
    obj,
    akte,
    document_title: str,
    files: Iterable,
    *,
    user=None,
    vorgang_title: str | None = None,
    document_type: str = DocumentType.OTHER,
    sender: str = "",
    comment: str = "",
) -> list[FiledDocument]:
    """File ``files`` as documents into ``akte`` – all of them or none.

    ``akte`` is an Akte, its pk or an Aktenzeichen (looked up in the town of ``obj`` when
    ``obj`` has a ``site_id``; an Akte of another town is refused). ``files`` are Django
    ``File``/``UploadedFile`` objects or ``(filename, bytes)`` tuples. Each becomes one
    document in the Vorgang titled ``vorgang_title`` (default ``str(obj)``), created if the
    Akte has none of that title. With ``user`` the user must be allowed to work on the Akte.
    """
    title = (document_title or "").strip()
    if not title:
        raise RecordError(_("Bitte einen Titel für das Dokument angeben."))
    if document_type not in DocumentType.values:
        raise RecordError(_("Unbekannter Dokumenttyp „%(type)s“.") % {"type": document_type})
    found = _find_akte(obj, akte, user)
    actions.ensure_open(found)
    uploads = [_as_upload(item) for item in files or []]
    if not uploads:
        raise RecordError(_("Bitte mindestens eine Datei zum Ablegen auswählen."))
    for upload in uploads:
        try:
            storage.validate_upload(upload)
        except ValidationError as error:
            raise RecordError(error.messages[0]) from None

    source = source_label(obj)
    wanted = (vorgang_title or str(obj)).strip()[:255] or source
    stored: list[tuple] = []
    try:
        with transaction.atomic():
            # serialises filings into this Akte, so that a Vorgang is created only once
            locked = Akte.objects.select_for_update(of=("self",)).get(pk=found.pk)
            actions.ensure_open(locked)
            vorgang = Vorgang.objects.filter(akte=locked, title=wanted).order_by("number").first()
            if vorgang is None:
                vorgang = actions.create_vorgang(user, locked, title=wanted)
            result = []
            for upload in uploads:
                name = _filename(upload)
                dokument_title = title if len(uploads) == 1 else f"{title} – {name}"
                dokument = actions.add_dokument(
                    user,
                    vorgang,
                    title=dokument_title,
                    upload=upload,
                    document_type=document_type,
                    sender=sender,
                    comment=comment,
                    source=source,
                )
                version = dokument.versions.select_related("file").get(number=1)
                stored.append((version.file.file.storage, version.file.file.name))
                result.append(_to_filed(dokument, 1))
    except Exception:
        _remove_stored(stored)  # the rows are rolled back; their bytes must go too
        raise
    return result


def filed_for(obj, user=None) -> list[FiledDocument]:
    """The documents filed from ``obj`` (by :func:`file_into`), oldest first; with ``user``
    only those the user may see."""
    dokumente = Dokument.objects.filter(source=source_label(obj))
    site_id = getattr(obj, "site_id", None)
    if site_id is not None:
        dokumente = dokumente.filter(akte__site_id=site_id)
    if user is not None:
        dokumente = dokumente.filter(pk__in=access.dokumente_for(user).values("pk"))
    dokumente = (
        dokumente.select_related("akte")
        .annotate(last_version=Max("versions__number"))
        .order_by("created_at", "pk")
    )
    return [_to_filed(dokument, dokument.last_version or 0) for dokument in dokumente]


# --- forms of other apps -----------------------------------------------------------------
def chooser_widget():
    """The Akte chooser widget (a Wagtail chooser modal) for forms in the admin."""
    from .chooser import akte_chooser_viewset

    return akte_chooser_viewset.widget_class()


class AkteChooserField(forms.ModelChoiceField):
    """Choose one of the open Akten ``user`` may see; any other id is a validation error
    (also another town's Akte sent by hand)."""

    default_error_messages = {
        "required": gettext_lazy("Bitte wählen Sie eine Akte aus."),
        "invalid_choice": gettext_lazy(
            "Diese Akte kann nicht gewählt werden: Sie ist geschlossen, gehört zu einer "
            "anderen Stelle oder Stadt oder existiert nicht."
        ),
    }

    def __init__(self, *, user=None, **kwargs):
        kwargs.setdefault("label", gettext_lazy("Akte"))
        kwargs.setdefault("widget", chooser_widget())
        super().__init__(queryset=Akte.objects.none(), **kwargs)
        self.set_user(user)

    def set_user(self, user) -> None:
        """Offer the open Akten of ``user`` (nothing without a user)."""
        self.queryset = open_akten_for(user) if user is not None else Akte.objects.none()
        if hasattr(self.widget, "queryset"):
            self.widget.queryset = self.queryset

    def label_from_instance(self, obj) -> str:
        return f"{obj.aktenzeichen} – {obj.title}"
