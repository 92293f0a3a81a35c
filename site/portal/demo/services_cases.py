"""Demo cases of the Bürgerservice: fictitious citizens' applications in every status,
with history and files, numbered like real submissions."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import logging
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw

from portal.core.models import TownSettings
from services.applications.specs import form_steps
from services.applications.submission import applicant, next_number, reference_for
from services.applications.summary import case_data
from services.models import (
    ApplicationForm,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseFile,
    CaseStatus,
    ServicePage,
    hash_token,
    new_token,
)

from .services_forms import CASES, DOGS, FIRST_NAMES, FOUND, LAST_NAMES, PLATES, STREETS

logger = logging.getLogger(__name__)

DEMO_IBAN = "DE89 3704 0044 0532 0130 00"  # the well-known example IBAN, valid checksum
_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def demo_tracking_token(slug: str) -> str:
    """The tracking token of the one case per town the README links to."""
    return f"demo-{slug}-vorgang"


# --- demo cases -------------------------------------------------------------------------


@dataclass
class Person:
    first: str
    last: str
    street: str
    postcode: str
    city: str
    phone: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def email(self) -> str:
        local = f"{self.first}.{self.last}".lower().translate(_GERMAN)
        return f"{local.replace('ı', 'i')}@example.org"

    @property
    def address(self) -> dict[str, str]:
        return {"street": self.street, "postcode": self.postcode, "city": self.city}


def _answers(form: str, person: Person, submitted: dt.date, variant: int) -> dict[str, Any]:
    """The citizen's answers by field key, stored as a submission stores them."""
    answers: dict[str, Any] = {
        "vorname": person.first,
        "nachname": person.last,
        "name": person.name,
        "anschrift": person.address,
        "email": person.email,
        "telefon": person.phone,
        "einwilligung": True,
        "geburtsdatum": dt.date(1958 + (variant * 7) % 40, 1 + variant % 12, 3 + variant % 25),
    }
    if form == "Hund anmelden":
        dog, breed = DOGS[variant % len(DOGS)]
        debit = variant % 2 == 0
        answers |= {
            "hundename": dog,
            "rasse": breed,
            "geburtsdatum_hund": submitted.replace(year=submitted.year - 3, day=1),
            "haltung_seit": submitted - dt.timedelta(days=10),
            "anzahl_hunde": "1",
            "gelistet": "nein",
            "lastschrift": debit,
            "iban": DEMO_IBAN if debit else None,
        }
    elif form == "Sperrmüll anmelden":
        answers |= {
            "gegenstaende": ["Möbel", "Matratzen und Lattenroste", "Teppiche und Bodenbeläge"][
                : 1 + variant % 3
            ],
            "menge": str(2 + variant % 3),
            "wunschtermin": submitted + dt.timedelta(days=21),
            "standort": "Vor der Garage, links neben der Einfahrt",
        }
    elif form == "Gewerbe anmelden":
        answers |= {
            "betrieb": f"Fahrradwerkstatt {person.last}",
            "rechtsform": "Einzelunternehmen",
            "taetigkeit": "Reparatur und Verkauf von Fahrrädern und Zubehör",
            "betriebsstaette": person.address,
            "beginn": submitted + dt.timedelta(days=14),
            "beschaeftigte": str(variant % 3),
            "nebenerwerb": variant % 2 == 1,
        }
    elif form == "Anwohnerparkausweis beantragen":
        letters = "".join(chr(65 + (variant * k) % 26) for k in (3, 7))
        answers |= {
            "kennzeichen": PLATES[variant % len(PLATES)].format(a=letters, n=100 + variant * 37),
            "fahrzeug": "auf mich zugelassen",
            "kein_stellplatz": True,
        }
    elif form == "Meldebescheinigung beantragen":
        answers |= {
            "art": "erweitert" if variant % 2 else "einfach",
            "zweck": "Vorlage beim Arbeitgeber",
            "zustellung": "per Post an meine Meldeanschrift",
        }
    elif form == "Fundsache melden":
        thing, description, place = FOUND[variant % len(FOUND)]
        answers |= {
            "gegenstand": thing,
            "beschreibung": description,
            "fundort": place,
            "funddatum": submitted - dt.timedelta(days=1),
            "verbleib": "Ich bringe sie ins Fundbüro.",
            "eigentum": True,
        }
    return {
        key: value.isoformat() if isinstance(value, dt.date) else value
        for key, value in answers.items()
    }


def demo_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF (grey, small) standing in for a citizen's upload."""
    page = PILImage.new("L", (595, 842), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle([40, 40, 555, 802], outline=120, width=2)
    draw.text((60, 70), title, fill=0)
    for number, line in enumerate(lines):
        draw.text((60, 120 + number * 24), line, fill=40)
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=72)
    return buffer.getvalue()


def _people(position: int, town: TownSettings):
    """Fictitious applicants living in the town, different in each town."""
    for number in itertools.count():
        first = FIRST_NAMES[(position * 5 + number * 7) % len(FIRST_NAMES)]
        last = LAST_NAMES[(position * 11 + number * 5) % len(LAST_NAMES)]
        street = f"{STREETS[(position + number * 3) % len(STREETS)]} {3 + (number * 7) % 40}"
        phone = f"0151 {2340000 + position * 1000 + number * 137}"
        yield Person(first, last, street, town.postcode, town.city, phone)


def seed_cases(
    town: TownSettings,
    position: int,
    pages: dict[str, ServicePage],
    forms: dict[str, ApplicationForm],
    staff,
) -> None:
    """The town's demo cases, numbered and stored as real submissions are."""
    known = hash_token(demo_tracking_token(town.slug))
    if Case.objects.filter(tracking_token_hash=known).exists():
        return
    now = timezone.now()
    specs = [spec for spec in CASES if not (spec.get("every_other_town") and position % 2)]
    # oldest first: numbers are given out in the order applications come in
    timed = []
    for number, spec in enumerate(specs):
        hours = spec["days"] * 24 + 1 + (position * 3 + number * 5) % 7
        timed.append((now - dt.timedelta(hours=hours), spec))
    timed.sort(key=lambda item: item[0])
    people = _people(position, town)
    events: list[tuple[CaseEvent, dt.datetime]] = []
    for variant, (submitted_at, spec) in enumerate(timed, start=position):
        page = pages[spec["form"]]
        form = forms[spec["form"]]
        person = next(people)
        year = timezone.localtime(submitted_at).year
        number = next_number(town.site, year)
        files = {}
        if spec.get("file"):
            files[spec["file"][0]] = [SimpleNamespace(original_name=spec["file"][1])]
        answers = _answers(spec["form"], person, timezone.localdate(submitted_at), variant)
        data = case_data(form_steps(form), answers, files)
        email, name = applicant(data)
        case = Case.objects.create(
            site=town.site,
            reference=reference_for(town.site, year, number),
            year=year,
            number=number,
            service_page=page,
            service_name=page.title,
            form=form,
            status=spec["status"],
            assignee=staff if spec["assigned"] else None,
            data=data,
            applicant_email=email,
            applicant_name=name,
            language="de",
            tracking_token_hash=known if spec.get("known_token") else new_token()[1],
            submitted_at=submitted_at,
            retention_days=page.retention_days,
            retention_action=page.retention_action,
        )
        events += _history(case, spec, staff, now)
        if spec.get("file"):
            _attach(case, spec["file"], person)
    CaseEvent.objects.bulk_create([event for event, _at in events])
    for event, at in events:
        event.created_at = at
    CaseEvent.objects.bulk_update([event for event, _at in events], ["created_at"])


def _history(
    case: Case, spec: dict, staff, now: dt.datetime
) -> list[tuple[CaseEvent, dt.datetime]]:
    """The events of a case (not yet saved) with their times; sets ``closed_at``."""
    steps = spec["events"]
    step = (now - case.submitted_at) / (len(steps) + 2)
    history = [(CaseEvent(case=case, kind=CaseEventKind.SUBMITTED), case.submitted_at)]
    if spec["assigned"]:
        name = (staff.get_full_name() or staff.get_username())[:200]
        assigned = CaseEvent(case=case, actor=staff, kind=CaseEventKind.ASSIGNED, new_value=name)
        history.append((assigned, case.submitted_at + step / 2))
    times = [case.submitted_at + step * (number + 1) for number in range(len(steps))]
    status = CaseStatus.RECEIVED.value
    for (kind, value), at in zip(steps, times, strict=True):
        if kind == "status":
            event = CaseEvent(
                case=case, actor=staff, kind=CaseEventKind.STATUS, old_value=status, new_value=value
            )
            status = value
            if value in (CaseStatus.COMPLETED, CaseStatus.REJECTED):
                case.closed_at = at
        elif kind == "note":
            event = CaseEvent(case=case, actor=staff, kind=CaseEventKind.NOTE, text=value)
        else:
            event = CaseEvent(
                case=case,
                actor=staff,
                kind=CaseEventKind.MESSAGE,
                text=value,
                visible_to_citizen=True,
            )
        history.append((event, at))
    if status != spec["status"]:
        raise ValueError(f"demo case {spec['form']}: events end in {status}, not {spec['status']}")
    if case.closed_at:
        case.delete_after = case.closed_at + dt.timedelta(days=case.retention_days)
    case.updated_at = history[-1][1]
    Case.objects.filter(pk=case.pk).update(
        closed_at=case.closed_at, delete_after=case.delete_after, updated_at=case.updated_at
    )
    return history


def _attach(case: Case, file_spec: tuple[str, str, str], person: Person) -> None:
    key, name, title = file_spec
    content = demo_pdf(
        f"{title} (Muster)",
        [
            "Demo-Dokument – keine echten Daten",
            person.name,
            f"{person.street}, {person.postcode} {person.city}",
            f"Vorgang {case.reference}",
        ],
    )
    upload = CaseFile(
        case=case,
        field_key=key,
        original_name=name,
        content_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    upload.file.save(name, ContentFile(content), save=True)
