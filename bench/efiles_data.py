"""Bulk data of the E-Akte benchmark: one town (Bruchsal) with its units and the sample
file plan, a clerk, and ``akten`` files with 2 processes and ``dokumente / akten``
documents each – inserted with ``bulk_create`` (one version per document, all versions
sharing one filer file; no audit entries), then indexed in bulk for the search backend."""

from __future__ import annotations

import datetime as dt
import random
import time

SUBJECTS = [
    "Bauantrag Neubau Einfamilienhaus {street} {no}",
    "Bauvoranfrage Aufstockung {street} {no}",
    "Nutzungsänderung Ladenlokal {street} {no}",
    "Gewerbeanmeldung {firm}",
    "Gaststättenerlaubnis {firm}",
    "Sondernutzung Außengastronomie {street}",
    "Sondernutzung Gerüst {street} {no}",
    "Vereinsförderung {year} – {club}",
    "Beschaffung {thing}",
    "Personalakte {surname}, {first}",
    "Straßenbenennung Neubaugebiet {area}",
    "Baulast {street} {no}",
    "Kita-Bedarfsplanung {year}",
    "Friedhof – Grabnutzungsrecht {surname}",
    "Mietvertrag {thing}",
]
STREETS = [
    "Kaiserstraße",
    "Friedrichstraße",
    "Huttenstraße",
    "Durlacher Straße",
    "Bahnhofplatz",
    "Württemberger Straße",
    "Am Mantel",
    "Schönbornstraße",
    "Heidelberger Straße",
]
FIRMS = [
    "Bäckerei Sonnenkorn",
    "Schreinerei Holzwurm",
    "Weinstube am Rathaus",
    "Café Venezia",
    "Malerbetrieb Fischer",
    "Elektro Wagner GmbH",
    "Friseursalon Haarmonie",
]
CLUBS = [
    "Turnverein 1846",
    "Musikverein Harmonie",
    "FC Germania",
    "Narrenzunft",
    "Heimatverein",
    "Schwimmverein",
    "Tennisclub Blau-Weiß",
]
THINGS = [
    "Multifunktionsgeräte Rathaus",
    "Feuerwehrfahrzeug HLF 20",
    "Streusalz Winterdienst",
    "Bürostühle Bürgerbüro",
    "Notebooks Schulen",
    "Spielgeräte Spielplatz",
]
AREAS = ["Sonnenhalde", "Am Weinberg", "Kapellenäcker", "Lerchenfeld"]
SURNAMES = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Keller",
    "Brandt",
    "Demir",
    "Petrenko",
    "Roth",
    "Becker",
    "Hoffmann",
]
FIRST = ["Sabine", "Markus", "Aylin", "Jonas", "Olga", "Helga", "Lena", "Tobias"]
DOC_TITLES = [
    "Antrag",
    "Lageplan",
    "Stellungnahme",
    "Bescheid",
    "Vermerk",
    "Schreiben",
    "Rechnung",
    "Vertrag",
    "Protokoll",
    "Einwendung",
    "Anhörung",
    "Empfangsbestätigung",
]
SENTENCES = [
    "Das Vorhaben liegt im Geltungsbereich des Bebauungsplans.",
    "Die Grundflächenzahl und die Firsthöhe werden eingehalten.",
    "Die Sondernutzungsgebühr wird nach der Gebührensatzung berechnet.",
    "Bitte reichen Sie die fehlenden Unterlagen innerhalb von vier Wochen nach.",
    "Der Zuschuss wird für die Jugendarbeit des Vereins bewilligt.",
    "Die Auflagen zum Regenwasserrückhalt sind Bestandteil der Genehmigung.",
    "Gegen diesen Bescheid kann innerhalb eines Monats Widerspruch erhoben werden.",
    "Die Nachbarn wurden beteiligt; Einwendungen liegen nicht vor.",
    "Der Zuschlag wird auf das wirtschaftlichste Angebot erteilt.",
    "Die Rechnung ist innerhalb von 30 Tagen ohne Abzug zu begleichen.",
    "Der Standsicherheitsnachweis wurde von einem Prüfingenieur geprüft.",
    "Die Stellplätze sind auf dem Grundstück nachzuweisen.",
    "Das Gewerbe wird zum Ersten des Monats angemeldet.",
    "Die Feuerwehr hat gegen den zweiten Rettungsweg keine Bedenken.",
    "Eine Ausfertigung erhält das Landratsamt zur Kenntnis.",
]
#: words the search is measured with (found in many, some or few documents)
SEARCH_WORDS = [
    "Bebauungsplan",
    "Grundflächenzahl",
    "Sondernutzungsgebühr",
    "Zuschuss",
    "Regenwasserrückhalt",
    "Widerspruch",
    "Rettungsweg",
    "Bäckerei",
    "Kaiserstraße",
    "Stellplätze",
    "Prüfingenieur",
    "Landratsamt",
    "Holzwurm",
    "Turnverein",
]


def _subject(rng: random.Random, year: int) -> str:
    return rng.choice(SUBJECTS).format(
        street=rng.choice(STREETS),
        no=rng.randint(1, 120),
        firm=rng.choice(FIRMS),
        year=year,
        club=rng.choice(CLUBS),
        thing=rng.choice(THINGS),
        area=rng.choice(AREAS),
        surname=rng.choice(SURNAMES),
        first=rng.choice(FIRST),
    )


def setup_town():
    """Bruchsal with 6 units, the sample plan, a clerk (2 units) and an administrator."""
    from django.contrib.auth import get_user_model

    from backoffice.efiles import roles
    from backoffice.efiles.plan_csv import load_sample_plan
    from portal.core.models import OrganisationalUnit
    from portal.core.towns import create_town

    town = create_town(
        slug="bruchsal",
        name="Bruchsal",
        legal_name="Stadt Bruchsal",
        hostname="bruchsal.localhost",
        port=8000,
    ).settings
    units = OrganisationalUnit.objects.bulk_create(
        OrganisationalUnit(site=town.site, name=name, city="Bruchsal")
        for name in (
            "Bürgerbüro",
            "Baurechtsamt",
            "Ordnungsamt",
            "Hauptamt",
            "Kämmerei",
            "Amt für Jugend, Familie und Bildung",
        )
    )
    load_sample_plan(town.site)
    clerks, _officers = roles.setup_town(town)
    User = get_user_model()
    clerk = User.objects.create_user("akten.bruchsal", password="bench", first_name="E-Akte")
    clerk.groups.add(clerks)
    for unit in units[:2]:
        unit.members.add(clerk)
    User.objects.create_superuser("admin", password="bench")
    return town, units, clerk


def bulk_files(town, units, akten: int, dokumente: int, rng: random.Random) -> dict:
    """Insert the files, processes, documents and versions; returns counts and timings."""
    from django.core.files.base import ContentFile
    from django.db import transaction
    from filer.models import File

    from backoffice.efiles.models import (
        Akte,
        AktenzeichenCounter,
        AkteStatus,
        DocumentType,
        Dokument,
        DokumentVersion,
        PlanUnit,
        TextStatus,
        Vorgang,
    )

    started = time.perf_counter()
    leaves = list(PlanUnit.objects.filter(site=town.site, children=None))
    today = dt.date.today()
    counters: dict[tuple[int, int], int] = {}
    kinds = [choice for choice, _label in DocumentType.choices]
    with transaction.atomic():
        shared = File.objects.create(
            file=ContentFile(b"%PDF-1.4 bench\n", name="bench.pdf"),
            original_filename="bench.pdf",
            name="bench.pdf",
            is_public=False,
        )
        rows = []
        for number in range(akten):
            unit = rng.choice(leaves)
            year = rng.randint(2005, today.year)
            serial = counters[unit.pk, year] = counters.get((unit.pk, year), 0) + 1
            opened = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
            if opened > today:
                opened = today
            status = rng.choices(["offen", "zda", "abgegeben"], [70, 28, 2])[0]
            closed = None
            if status != AkteStatus.OPEN:
                closed = min(today, opened + dt.timedelta(days=rng.randint(30, 900)))
            rows.append(
                Akte(
                    site=town.site,
                    plan_unit=unit,
                    org_unit=units[number % len(units)],
                    aktenzeichen=f"{unit.code}/{serial:04}/{year}",
                    number=serial,
                    year=year,
                    title=_subject(rng, year)[:255],
                    description=rng.choice(SENTENCES),
                    confidentiality=rng.choices([0, 1, 2], [94, 5, 1])[0],
                    status=status,
                    opened_on=opened,
                    closed_on=closed,
                    retention_years=unit.retention_years,
                    disposal=unit.disposal,
                )
            )
        files = Akte.objects.bulk_create(rows, batch_size=2000)
        AktenzeichenCounter.objects.bulk_create(
            AktenzeichenCounter(unit_id=unit, year=year, last_number=last)
            for (unit, year), last in counters.items()
        )
        vorgaenge = Vorgang.objects.bulk_create(
            (
                Vorgang(
                    akte=akte,
                    number=n,
                    title=f"Vorgang {n}: {akte.title}"[:255],
                    opened_on=akte.opened_on,
                )
                for akte in files
                for n in (1, 2)
            ),
            batch_size=5000,
        )
        per_file = max(1, dokumente // akten)
        docs = []
        for index, akte in enumerate(files):
            for n in range(per_file):
                vorgang = vorgaenge[2 * index + n % 2]
                text = " ".join(rng.sample(SENTENCES, 4))
                docs.append(
                    Dokument(
                        vorgang=vorgang,
                        akte=akte,
                        title=f"{rng.choice(DOC_TITLES)} {akte.title}"[:255],
                        document_date=akte.opened_on,
                        document_type=rng.choice(kinds),
                        sender=rng.choice(FIRMS + SURNAMES),
                        recipient=f"Stadt {town.name}",
                        confidentiality=akte.confidentiality,
                        text=text,
                        text_status=TextStatus.DONE,
                    )
                )
        documents = Dokument.objects.bulk_create(docs, batch_size=5000)
        DokumentVersion.objects.bulk_create(
            (
                DokumentVersion(
                    dokument=doc,
                    number=1,
                    file=shared,
                    filename="bench.pdf",
                    content_type="application/pdf",
                    size=15,
                    sha256="0" * 64,
                )
                for doc in documents
            ),
            batch_size=5000,
        )
    inserted = time.perf_counter()
    index_in_bulk(Akte, Akte.objects.all())
    index_in_bulk(Dokument, Dokument.objects.select_related("akte"))
    return {
        "akten": len(files),
        "vorgaenge": len(vorgaenge),
        "dokumente": len(documents),
        "insert_s": round(inserted - started, 1),
        "index_s": round(time.perf_counter() - inserted, 1),
    }


def index_in_bulk(model, queryset, chunk: int = 2000) -> None:
    """``backend.add_bulk`` in chunks – what ``update_index`` does for one model."""
    from wagtail.search.backends import get_search_backends

    backends = list(get_search_backends(with_auto_update=True))
    objects = list(queryset.order_by("pk"))
    for start in range(0, len(objects), chunk):
        for backend in backends:
            backend.add_bulk(model, objects[start : start + chunk])
