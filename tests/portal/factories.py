from __future__ import annotations

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from portal.pages.models import ContentPage, IndexPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"nutzer{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("geheim-123")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


class IndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Themenbereich {n}")
    intro = "Alles Wichtige zu diesem Thema auf einen Blick."

    class Meta:
        model = IndexPage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    intro = "Eine kurze Einleitung zur Seite."
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Zuständigkeit", "level": "h2", "anchor": ""}},
            {"type": "paragraph", "value": "<p>Das Bürgerbüro hilft Ihnen gern weiter.</p>"},
        ]
    )

    class Meta:
        model = ContentPage
