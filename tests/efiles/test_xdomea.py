"""The xdomea 3.1.0 package (Aussonderung.Aussonderung.0503) of a file: structure of the
message, the files in the ZIP and their checksums; schema validation when the XSDs are at
hand (``XDOMEA_XSD_DIR`` pointing at a directory with
``xdomea-Nachrichten-AussonderungDurchfuehren.xsd``)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from backoffice.efiles import actions, xdomea
from backoffice.efiles.models import Confidentiality, Dokument, DokumentVersion
from tests.efiles.factories import (
    PlanUnitFactory,
    akte,
    clerk,
    dokument,
    read,
    text_upload,
    unit_in,
    upload,
)

pytestmark = pytest.mark.django_db

NS = {"x": xdomea.NAMESPACE}
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


@pytest.fixture
def unit():
    return unit_in("ettlingen")


@pytest.fixture
def clara(unit):
    return clerk(unit, clearance=Confidentiality.VS_NFD, first_name="Clara", last_name="Clerk")


@pytest.fixture
def record(unit, clara):
    plan = PlanUnitFactory(site=unit.site, code="632.1", title="Baugenehmigungen", disposal="A")
    record = akte(
        unit, plan_unit=plan, user=clara, title="Neubau Rathausplatz", opened_on=dt.date(2015, 2, 1)
    )
    first = dokument(record, user=clara, title="Bauantrag", sender="Architekturbüro Maier")
    actions.add_version(clara, first, upload(text="Bauantrag, geänderte Fassung"), "Korrektur")
    second_vorgang = actions.create_vorgang(clara, record, title="Widerspruch")
    actions.add_dokument(
        clara,
        second_vorgang,
        title="Vermerk",
        upload=text_upload("Telefonat mit dem Bauherrn", name="Vermerk zum Telefonat.txt"),
        document_type="vermerk",
        confidentiality=Confidentiality.VS_NFD,
    )
    actions.close_akte(clara, record, closed_on=dt.date(2016, 5, 31))
    record.refresh_from_db()
    return record


def unpack(data: bytes) -> tuple[dict[str, bytes], etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = {name: package.read(name) for name in package.namelist()}
    xml = [name for name in members if name.endswith(".xml")]
    assert len(xml) == 1
    return members, etree.fromstring(members[xml[0]])


def test_package_name_and_message_follow_the_xdomea_conventions(record):
    filename, data = xdomea.build_package(record)
    match = re.fullmatch(rf"({UUID})_Aussonderung\.Aussonderung\.0503\.zip", filename)
    assert match
    process_id = match.group(1)
    members, root = unpack(data)
    assert f"{process_id}_Aussonderung.Aussonderung.0503.xml" in members
    assert root.tag == "{urn:xoev-de:xdomea:schema:3.1.0}Aussonderung.Aussonderung.0503"
    assert root.findtext("x:Kopf/x:ProzessID", namespaces=NS) == process_id
    assert root.findtext("x:Kopf/x:Nachrichtentyp/code", namespaces=NS) == "0503"
    head = [etree.QName(child).localname for child in root.find("x:Kopf", NS)]
    assert head == [
        "ProzessID",
        "Nachrichtentyp",
        "Erstellungszeitpunkt",
        "Absender",
        "Empfaenger",
        "SendendesSystem",
        "Importbestaetigung",
        "RueckmeldungArchivkennung",
        "Empfangsbestaetigung",
    ]
    assert root.findtext("x:Kopf/x:Absender/x:Organisationseinheit/x:Name", namespaces=NS)


def test_akte_metadata_and_one_dokument_element_per_document(record):
    _filename, data = xdomea.build_package(record)
    _members, root = unpack(data)
    akte_el = root.find("x:Schriftgutobjekt/x:Akte", NS)
    meta = akte_el.find("x:AllgemeineMetadaten", NS)
    assert meta.findtext("x:Betreff", namespaces=NS) == "Neubau Rathausplatz"
    assert meta.findtext("x:Kennzeichen", namespaces=NS) == record.aktenzeichen
    assert meta.findtext("x:Aktenplaneinheit/x:Kennzeichen", namespaces=NS) == "632.1"
    archive = akte_el.find("x:ArchivspezifischeMetadaten", NS)
    assert archive.findtext("x:Aussonderungsart/x:Aussonderungsart/code", namespaces=NS) == "A"
    assert akte_el.findtext("x:Laufzeit/x:Beginn", namespaces=NS) == "2015-02-01"
    assert akte_el.findtext("x:ZdADatum", namespaces=NS) == "2016-05-31"
    order = [etree.QName(child).localname for child in akte_el]
    assert order == [
        "Identifikation",
        "AllgemeineMetadaten",
        "ArchivspezifischeMetadaten",
        "Laufzeit",
        "Akteninhalt",
        "ZdA",
        "ZdADatum",
    ]
    vorgaenge = akte_el.findall("x:Akteninhalt/x:Vorgang", NS)
    assert len(vorgaenge) == 2
    documents = root.findall(".//x:Dokument", NS)
    assert len(documents) == Dokument.objects.filter(akte=record).count() == 2
    bauantrag = documents[0]
    assert bauantrag.findtext("x:AllgemeineMetadaten/x:Betreff", namespaces=NS) == "Bauantrag"
    assert [v.findtext("x:Nummer", namespaces=NS) for v in bauantrag.findall("x:Version", NS)] == [
        "1",
        "2",
    ]
    assert bauantrag.findtext("x:Absender/x:Institution/x:Name", namespaces=NS) == (
        "Architekturbüro Maier"
    )
    fmt = bauantrag.find("x:Version/x:Format", NS)
    assert fmt.findtext("x:Name/code", namespaces=NS) == "018"  # PDF
    vermerk = documents[1]
    assert vermerk.findtext("x:Version/x:Format/x:Name/code", namespaces=NS) == "045"  # txt
    level = vermerk.findtext("x:AllgemeineMetadaten/x:Vertraulichkeitsstufe/code", namespaces=NS)
    assert level == "002"  # VS-NfD


def test_every_file_is_in_the_zip_with_the_stored_bytes(record):
    _filename, data = xdomea.build_package(record)
    members, root = unpack(data)
    names = [el.text for el in root.iterfind(".//x:Primaerdokument/x:Dateiname", NS)]
    versions = DokumentVersion.objects.filter(dokument__akte=record).order_by("pk")
    assert len(names) == versions.count() == 3
    assert set(names) == set(members) - {n for n in members if n.endswith(".xml")}
    for version in versions:
        name = xdomea.member_name(version)
        assert re.match(rf"{UUID}_", name)
        assert name in names
        assert members[name] == read(version)
        assert hashlib.sha256(members[name]).hexdigest() == version.sha256
    originals = {el.text for el in root.iterfind(".//x:DateinameOriginal", NS)}
    assert "Vermerk zum Telefonat.txt" in originals


def test_ids_stay_the_same_across_exports(record):
    _f1, first = xdomea.build_package(record)
    _f2, second = xdomea.build_package(record)
    ids = [
        [el.text for el in unpack(data)[1].iterfind(".//x:Identifikation/x:ID", NS)]
        for data in (first, second)
    ]
    assert ids[0] == ids[1] and len(set(ids[0])) == len(ids[0])


def test_a_staff_export_contains_only_the_documents_given(record):
    visible = Dokument.objects.filter(akte=record, confidentiality=Confidentiality.OPEN)
    _filename, data = xdomea.build_package(record, visible)
    members, root = unpack(data)
    assert len(root.findall(".//x:Dokument", NS)) == 1
    assert len(members) == 1 + 2  # the message and the two versions of the open document


def test_a_damaged_file_stops_the_export(record):
    version = DokumentVersion.objects.filter(dokument__akte=record).first()
    with version.file.file.open("wb") as handle:
        handle.write(b"manipuliert")
    with pytest.raises(actions.RecordError, match="beschädigt"):
        xdomea.build_package(record)


@pytest.mark.skipif(
    not os.environ.get("XDOMEA_XSD_DIR"), reason="XDOMEA_XSD_DIR (xdomea 3.1.0 XSDs) not set"
)
def test_message_validates_against_the_xdomea_3_1_0_schema(record):
    schema_file = (
        Path(os.environ["XDOMEA_XSD_DIR"]) / "xdomea-Nachrichten-AussonderungDurchfuehren.xsd"
    )
    schema = etree.XMLSchema(etree.parse(str(schema_file)))
    _filename, data = xdomea.build_package(record)
    _members, root = unpack(data)
    assert schema.validate(root), schema.error_log
