"""Factories of the Bürgerservice: catalogue, pages, forms, cases, staff."""

from __future__ import annotations

import factory
import wagtail_factories
from django.utils import timezone

from portal.core.models import OrganisationalUnit, TownSettings
from services.models import (
    ApplicationForm,
    Case,
    CaseStatus,
    Lebenslage,
    Leistung,
    ServiceIndexPage,
    ServicePage,
    new_token,
)
from services.roles import setup_town
from tests.portal.factories import UserFactory


class LebenslageFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lebenslage {n}")
    slug = factory.Sequence(lambda n: f"lebenslage-{n}")

    class Meta:
        model = Lebenslage


class LeistungFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Testleistung {n} beantragen")
    leika_key = factory.Sequence(lambda n: f"99{n:012d}")
    teaser = "Eine Leistung für die Tests."
    synonyms = "Probe\nVersuch"
    volltext = "<p>Regionaler Text: so funktioniert es.</p>"
    kosten = "<p>Regional: 10 Euro.</p>"
    unterlagen = "<ul><li>Personalausweis</li></ul>"

    class Meta:
        model = Leistung


class OrganisationalUnitFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Amt {n}")
    street = "Marktplatz 1"
    postcode = "76646"
    city = "Bruchsal"
    phone = "07251 79-0"
    email = factory.Sequence(lambda n: f"amt{n}@bruchsal.example")
    step_free_access = True

    class Meta:
        model = OrganisationalUnit


def simple_steps(with_file: bool = True) -> list[dict]:
    """A two-step form: person, then the dog (with a condition and an upload)."""
    person = [
        {"type": "text", "value": {"label": "Vorname", "key": "vorname", "required": True}},
        {"type": "text", "value": {"label": "Nachname", "key": "nachname", "required": True}},
        {"type": "email", "value": {"label": "E-Mail", "key": "email", "required": True}},
        {"type": "address", "value": {"label": "Anschrift", "key": "anschrift", "required": True}},
    ]
    dog = [
        {
            "type": "text",
            "value": {"label": "Name des Hundes", "key": "hundename", "required": True},
        },
        {
            "type": "choice",
            "value": {
                "label": "Rasse gelistet",
                "key": "gelistet",
                "required": True,
                "choices": ["nein", "ja"],
            },
        },
        {
            "type": "text",
            "value": {
                "label": "Nachweis Sachkunde",
                "key": "sachkunde",
                "required": True,
                "show_if_field": "gelistet",
                "show_if_value": "ja",
            },
        },
        {"type": "iban", "value": {"label": "IBAN", "key": "iban", "required": False}},
        {
            "type": "consent",
            "value": {
                "label": "Einwilligung",
                "key": "einwilligung",
                "text": "<p>Ich bin einverstanden.</p>",
            },
        },
    ]
    if with_file:
        dog.append(
            {
                "type": "file",
                "value": {
                    "label": "Nachweis Haftpflicht",
                    "key": "nachweis",
                    "required": True,
                    "kinds": ["pdf", "image"],
                    "max_files": 2,
                    "max_size_mb": 2,
                },
            }
        )
    return [
        {"type": "step", "value": {"title": "Ihre Angaben", "intro": "", "fields": person}},
        {"type": "step", "value": {"title": "Ihr Hund", "intro": "", "fields": dog}},
    ]


class ApplicationFormFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Antrag {n}")
    intro = "<p>Bitte füllen Sie alle Felder aus.</p>"
    steps = factory.LazyFunction(simple_steps)
    confirmation_text = "<p>Wir melden uns.</p>"

    class Meta:
        model = ApplicationForm


class ServiceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Leistungen A–Z"
    slug = factory.Sequence(lambda n: f"leistungen-test-{n}")

    class Meta:
        model = ServiceIndexPage


class ServicePageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda page: page.leistung.name)
    slug = factory.Sequence(lambda n: f"leistung-test-{n}")
    leistung = factory.SubFactory(LeistungFactory)

    class Meta:
        model = ServicePage


def town(slug: str = "bruchsal") -> TownSettings:
    return TownSettings.objects.select_related("site__root_page").get(slug=slug)


def service_index(slug: str = "bruchsal") -> ServiceIndexPage:
    """A fresh service index under the town's home page."""
    return ServiceIndexPageFactory(parent=town(slug).site.root_page)


def caseworker(slug: str = "bruchsal", **kwargs):
    """A member of the town's Bürgerservice group and of one of its units."""
    settings = town(slug)
    user = UserFactory(groups=[setup_town(settings)], **kwargs)
    unit = OrganisationalUnitFactory(site=settings.site, city=settings.city or "Bruchsal")
    unit.members.add(user)
    return user


class CaseFactory(factory.django.DjangoModelFactory):
    site = factory.LazyFunction(lambda: town().site)
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    number = factory.Sequence(lambda n: 900000 + n)
    reference = factory.LazyAttribute(lambda c: f"TST-{c.year}-{c.number:06d}")
    service_name = "Hund anmelden"
    status = CaseStatus.RECEIVED
    data = factory.LazyFunction(
        lambda: [
            {
                "key": "vorname",
                "label": "Vorname",
                "type": "text",
                "value": "Erika",
                "display": "Erika",
            },
            {
                "key": "nachname",
                "label": "Nachname",
                "type": "text",
                "value": "Mustermann",
                "display": "Mustermann",
            },
        ]
    )
    applicant_email = "erika@example.org"
    applicant_name = "Erika Mustermann"
    tracking_token_hash = factory.LazyFunction(lambda: new_token()[1])
    submitted_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Case
