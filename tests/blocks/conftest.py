from __future__ import annotations

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from blocks.models import Contact


@pytest.fixture
def media(db):
    """An image, a document and a contact, as block previews and values need them."""
    image = wagtail_factories.ImageFactory(title="Rathaus")
    document = Document(title="Antrag auf Sondernutzung")
    document.file.save("antrag.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 2048), save=True)
    contact = Contact.objects.create(
        name="Bürgerbüro",
        organisation="Stadt Bruchsal",
        phone="07251 79-0",
        email="buergerbuero@bruchsal.example",
        street="Kaiserstraße 66",
        postcode="76646",
        city="Bruchsal",
    )
    return {"image": image, "document": document, "contact": contact}
