"""xdomea export of an Akte: message ``Aussonderung.Aussonderung.0503`` of xdomea **3.1.0**
(namespace ``urn:xoev-de:xdomea:schema:3.1.0``), packed with the document files in a ZIP.

The package follows the xdomea naming convention: ``<ProzessID>_Aussonderung.Aussonderung.0503.zip``
holds ``<ProzessID>_Aussonderung.Aussonderung.0503.xml`` and every primary document, named
``<UUID of the version>_<original file name>`` (the ``stringDateinameType`` of xdomea wants a
UUID in front). **All versions** of each document are exported, one ``Version`` element each
(xdomea allows several per Dokument): the archive receives the complete history, not only the
last state. Before a file is packed its SHA-256 is compared with the one recorded at upload; a
damaged or missing file stops the export with a German :class:`RecordError`.

Structure: Kopf (ProzessID, Nachrichtentyp 0503, Erstellungszeitpunkt, Absender = the town with
its Behördenkennung and the keeping organisational unit, Empfänger = the archive,
SendendesSystem, Importbestaetigung, RueckmeldungArchivkennung, Empfangsbestaetigung), one
Schriftgutobjekt → Akte (Identifikation, AllgemeineMetadaten with Betreff, Kennzeichen =
Aktenzeichen, Federführung, Vertraulichkeitsstufe, Medium, Aktenplaneinheit; archivspezifische
Metadaten with Aufbewahrungsdauer, Aussonderungsart, Aufbewahrungsende; Laufzeit; Akteninhalt →
Vorgang → Dokument → Version → Format → Primaerdokument; ZdA, ZdADatum). Element names and their
order follow ``xdomea-Baukasten.xsd`` / ``xdomea-Typen-AussonderungDurchfuehren.xsd`` 3.1.0.
IDs are UUIDv5 derived from the object's primary key, so a file keeps its ID across exports.

How it was checked: generated messages were validated with ``lxml.etree.XMLSchema`` against the
3.1.0 schema files (``xdomea-Nachrichten-AussonderungDurchfuehren.xsd`` with Baukasten,
Datentypen, Typen-AussonderungDurchfuehren and ``xoev-code.xsd``, transcribed without their
annotations); ``tests/efiles/test_xdomea.py`` repeats that when ``XDOMEA_XSD_DIR`` points at
such a directory and always checks the structure, the file names and the checksums.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import uuid
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from portal.core.models import TownSettings

from .actions import RecordError
from .models import Akte, Confidentiality, Dokument, DokumentVersion, Vorgang
from .storage import clean_filename

NAMESPACE = "urn:xoev-de:xdomea:schema:3.1.0"
MESSAGE = "Aussonderung.Aussonderung.0503"
MESSAGE_CODE = "0503"
PRODUCT = "re@di Portal – E-Akte"
PRODUCT_VERSION = "1.0"
# stable UUIDv5 namespace for the objects of this installation
ID_NAMESPACE = uuid.UUID("6f1c5e62-29a4-4c55-9d2e-6a3b8f0e7d11")

CODE_LISTS = {
    "nachrichtentyp": ("urn:xoev-de:xdomea:codeliste:nachrichtentyp", "2.0"),
    "vertraulichkeitsstufe": ("urn:xoev-de:xdomea:codeliste:vertraulichkeitsstufe", "1.0"),
    "medium": ("urn:xoev-de:xdomea:codeliste:medium", "1.0"),
    "aussonderungsart": ("urn:xoev-de:xdomea:codeliste:aussonderungsart", "1.0"),
    "dateiformat": ("urn:xoev-de:xdomea:codeliste:dateiformat", "1.0"),
}
CONFIDENTIALITY_CODES = {
    Confidentiality.OPEN: ("003", "Offen"),
    Confidentiality.VS_NFD: ("002", "NfD"),
    Confidentiality.CONFIDENTIAL: ("005", "Vertraulich"),
}
# Codeliste Dateiformat 1.0 (extension → code); anything else is "100 Sonstiges"
FILE_FORMATS = {
    "bmp": "001", "csv": "002", "doc": "003", "eml": "006", "htm": "007", "html": "008",
    "jpe": "009", "jpeg": "010", "jpg": "011", "msg": "012", "odp": "013", "ods": "014",
    "odt": "015", "pdf": "018", "png": "019", "ppt": "020", "ps": "021", "rtf": "022",
    "tif": "023", "tiff": "024", "xls": "028", "xml": "030", "xsd": "031", "docx": "035",
    "xlsx": "036", "pptx": "037", "txt": "045",
}  # fmt: skip
OTHER_FORMAT = "100"


def object_id(kind: str, pk: int) -> str:
    """The xdomea ID (a UUID) of an Akte, Vorgang, Dokument or version."""
    return str(uuid.uuid5(ID_NAMESPACE, f"efiles:{kind}:{pk}"))


def package_name(process_id: str) -> str:
    return f"{process_id}_{MESSAGE}.zip"


def member_name(version: DokumentVersion) -> str:
    """The file name of a version inside the package (UUID first, as xdomea requires)."""
    return f"{object_id('version', version.pk)}_{clean_filename(version.filename)}"


class _Writer:
    """Small helper around lxml: qualified elements, skip empty optional values."""

    def el(self, parent, name: str, text=None):
        element = etree.SubElement(parent, f"{{{NAMESPACE}}}{name}")
        if text is not None:
            element.text = _text(text)
        return element

    def opt(self, parent, name: str, text) -> None:
        if text not in (None, ""):
            self.el(parent, name, text)

    def code(self, parent, name: str, code_list: str, code: str, label: str = ""):
        uri, version = CODE_LISTS[code_list]
        element = self.el(parent, name)
        element.set("listURI", uri)
        element.set("listVersionID", version)
        etree.SubElement(element, "code").text = code
        if label:
            etree.SubElement(element, "name").text = label
        return element


def _text(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _archive_name(town: TownSettings | None) -> str:
    configured = getattr(settings, "EFILES_ARCHIVE_NAME", "")
    if configured:
        return configured
    return _("Stadtarchiv %(town)s") % {"town": town.name if town else ""}


def _contact(w: _Writer, parent, name: str, *, institution: str, unit: str = "", code: str = ""):
    contact = w.el(parent, name)
    if code:
        key = w.el(w.el(contact, "Behoerdenkennung"), "Behoerdenschluessel")
        etree.SubElement(key, "code").text = code
    w.el(w.el(contact, "Institution"), "Name", institution)
    if unit:
        w.el(w.el(contact, "Organisationseinheit"), "Name", unit)
    return contact


def _confidentiality(w: _Writer, parent, level: int) -> None:
    code, label = CONFIDENTIALITY_CODES[Confidentiality(level)]
    w.code(parent, "Vertraulichkeitsstufe", "vertraulichkeitsstufe", code, label)


def _medium(w: _Writer, parent) -> None:
    w.code(parent, "Medium", "medium", "001", "Elektronisch")


def _version(w: _Writer, parent, version: DokumentVersion) -> None:
    element = w.el(parent, "Version")
    w.el(element, "Nummer", version.number)
    fmt = w.el(element, "Format")
    extension = PurePath(version.filename).suffix.lower().lstrip(".")
    code = FILE_FORMATS.get(extension, OTHER_FORMAT)
    w.code(fmt, "Name", "dateiformat", code)
    if code == OTHER_FORMAT:
        w.el(fmt, "SonstigerName", version.content_type or extension or "unbekannt")
    w.el(fmt, "Version", "")
    primary = w.el(fmt, "Primaerdokument")
    w.el(primary, "Dateiname", member_name(version))
    w.el(primary, "DateinameOriginal", version.filename)
    if version.created_by_id:
        creator = version.created_by
        w.el(primary, "Ersteller", creator.get_full_name() or creator.get_username())
    w.el(primary, "DatumUhrzeit", version.created_at)


def _dokument(w: _Writer, parent, dokument: Dokument, position: int) -> None:
    element = w.el(parent, "Dokument")
    ident = w.el(element, "Identifikation")
    w.el(ident, "ID", object_id("dokument", dokument.pk))
    w.el(ident, "NummerImUebergeordnetenContainer", position)
    meta = w.el(element, "AllgemeineMetadaten")
    w.el(meta, "Betreff", dokument.title)
    _confidentiality(w, meta, dokument.confidentiality)
    w.opt(meta, "Bemerkung", dokument.source)
    _medium(w, meta)
    w.el(element, "DatumDesSchreibens", dokument.document_date)
    w.el(element, "Typ", dokument.get_document_type_display())
    for version in sorted(dokument.versions.all(), key=lambda v: v.number):
        _version(w, element, version)
    if dokument.sender:
        _contact(w, element, "Absender", institution=dokument.sender)
    if dokument.recipient:
        _contact(w, element, "Empfaenger", institution=dokument.recipient)


def _vorgang(w: _Writer, parent, vorgang: Vorgang, akte: Akte, dokumente: list) -> None:
    element = w.el(parent, "Vorgang")
    ident = w.el(element, "Identifikation")
    w.el(ident, "ID", object_id("vorgang", vorgang.pk))
    w.el(ident, "NummerImUebergeordnetenContainer", vorgang.number)
    meta = w.el(element, "AllgemeineMetadaten")
    w.el(meta, "Betreff", vorgang.title)
    w.el(meta, "Kennzeichen", f"{akte.aktenzeichen}-{vorgang.number}")
    w.opt(meta, "Bemerkung", vorgang.description)
    _medium(w, meta)
    w.el(element, "Aktenbetreff", akte.title)
    w.el(element, "ZdA", vorgang.closed_on is not None)
    w.opt(element, "ZdADatum", vorgang.closed_on)
    period = w.el(element, "Laufzeit")
    w.el(period, "Beginn", vorgang.opened_on)
    w.opt(period, "Ende", vorgang.closed_on)
    for position, dokument in enumerate(dokumente, start=1):
        _dokument(w, element, dokument, position)


def _akte(w: _Writer, parent, akte: Akte, vorgaenge: list, dokumente_of: dict) -> None:
    element = w.el(parent, "Akte")
    w.el(w.el(element, "Identifikation"), "ID", object_id("akte", akte.pk))
    meta = w.el(element, "AllgemeineMetadaten")
    w.el(meta, "Betreff", akte.title)
    w.el(meta, "Kennzeichen", akte.aktenzeichen)
    w.el(meta, "Federfuehrung", akte.org_unit.name)
    _confidentiality(w, meta, akte.confidentiality)
    w.opt(meta, "Bemerkung", akte.description)
    _medium(w, meta)
    plan = w.el(meta, "Aktenplaneinheit")
    w.el(plan, "Kennzeichen", akte.plan_unit.code)
    w.el(plan, "BetreffKurz", akte.plan_unit.title)
    archive = w.el(element, "ArchivspezifischeMetadaten")
    w.el(w.el(archive, "Aufbewahrungsdauer"), "AnzahlJahre", akte.retention_years)
    disposal = w.el(archive, "Aussonderungsart")
    w.code(disposal, "Aussonderungsart", "aussonderungsart", akte.effective_disposal)
    w.opt(archive, "Aufbewahrungsende", akte.retention_ends)
    period = w.el(element, "Laufzeit")
    w.el(period, "Beginn", akte.opened_on)
    w.opt(period, "Ende", akte.closed_on)
    if vorgaenge:
        content = w.el(element, "Akteninhalt")
        for vorgang in vorgaenge:
            _vorgang(w, content, vorgang, akte, dokumente_of.get(vorgang.pk, []))
    w.el(element, "ZdA", akte.closed_on is not None)
    w.opt(element, "ZdADatum", akte.closed_on)


def build_message(
    akte: Akte, dokumente: QuerySet | None = None, *, process_id: str, now: dt.datetime
) -> tuple[bytes, list[DokumentVersion]]:
    """The XML message for ``akte`` and the versions whose files belong into the package."""
    dokumente = Dokument.objects.all() if dokumente is None else dokumente
    dokumente = (
        dokumente.filter(akte=akte)
        .order_by("vorgang__number", "document_date", "pk")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=DokumentVersion.objects.select_related("file", "created_by"),
            )
        )
    )
    dokumente_of: dict[int, list] = {}
    versions: list[DokumentVersion] = []
    for dokument in dokumente:
        dokumente_of.setdefault(dokument.vorgang_id, []).append(dokument)
        versions.extend(sorted(dokument.versions.all(), key=lambda v: v.number))
    vorgaenge = list(akte.vorgaenge.order_by("number"))
    town = TownSettings.objects.filter(site_id=akte.site_id).first()

    w = _Writer()
    root = etree.Element(f"{{{NAMESPACE}}}{MESSAGE}", nsmap={"xdomea": NAMESPACE})
    head = w.el(root, "Kopf")
    w.el(head, "ProzessID", process_id)
    w.code(head, "Nachrichtentyp", "nachrichtentyp", MESSAGE_CODE, MESSAGE.rsplit(".", 1)[0])
    w.el(head, "Erstellungszeitpunkt", now)
    _contact(
        w,
        head,
        "Absender",
        institution=(town.legal_name or town.name) if town else akte.site.site_name,
        unit=akte.org_unit.name,
        code=town.code if town and town.code else "",
    )
    _contact(w, head, "Empfaenger", institution=_archive_name(town))
    system = w.el(head, "SendendesSystem")
    w.el(system, "InstanzID", f"redi-efiles-{akte.site_id}")
    w.el(system, "Produktname", PRODUCT)
    w.el(system, "Version", PRODUCT_VERSION)
    w.el(head, "Importbestaetigung", True)
    w.el(head, "RueckmeldungArchivkennung", False)
    w.el(head, "Empfangsbestaetigung", False)
    _akte(w, w.el(root, "Schriftgutobjekt"), akte, vorgaenge, dokumente_of)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml, versions


def _read_checked(version: DokumentVersion) -> bytes:
    try:
        with version.file.file.open("rb") as handle:
            data = handle.read()
    except (FileNotFoundError, OSError, ValueError):
        raise RecordError(
            _("Die Datei „%(name)s“ (Version %(number)s) fehlt im Speicher.")
            % {"name": version.filename, "number": version.number}
        ) from None
    if hashlib.sha256(data).hexdigest() != version.sha256:
        raise RecordError(
            _(
                "Die Datei „%(name)s“ (Version %(number)s) ist beschädigt: "
                "die Prüfsumme stimmt nicht."
            )
            % {"name": version.filename, "number": version.number}
        )
    return data


def build_package(
    akte: Akte,
    dokumente: QuerySet | None = None,
    *,
    process_id: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[str, bytes]:
    """``(file name, ZIP bytes)`` of the xdomea 0503 package of ``akte``.

    ``dokumente`` limits the documents exported (a staff member's export contains only what
    they may see); by default every document of the Akte is in it.
    """
    process_id = process_id or str(uuid.uuid4())
    xml, versions = build_message(akte, dokumente, process_id=process_id, now=now or timezone.now())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{process_id}_{MESSAGE}.xml", xml)
        for version in versions:
            archive.writestr(member_name(version), _read_checked(version))
    return package_name(process_id), buffer.getvalue()
