"""The "Bürgerservice auf einen Blick" page of each demo town: every block in use, with
the town's own data – so editors see what the blocks do and citizens get a useful page."""

from __future__ import annotations

from blocks.models import Contact, ReusableContent

from .media import demo_document, demo_image

# Town halls (approximate, for the demo maps)
COORDINATES = {
    "region": (48.8583, 8.2036),
    "baden-baden": (48.7631, 8.2398),
    "bretten": (49.0363, 8.7068),
    "bruchsal": (49.1244, 8.5980),
    "buehl": (48.6957, 8.1352),
    "ettlingen": (48.9408, 8.4075),
    "gaggenau": (48.8045, 8.3195),
    "rastatt": (48.8583, 8.2036),
    "rheinstetten": (48.9713, 8.3090),
    "stutensee": (49.0590, 8.4570),
}
DEMO_VIDEO = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"


def regional_notice() -> ReusableContent:
    """A region-wide snippet placed on every town's overview page."""
    snippet = ReusableContent.objects.filter(title="Hinweis: Online-Dienste der Region").first()
    if snippet is None:
        snippet = ReusableContent.objects.create(
            title="Hinweis: Online-Dienste der Region",
            body=[
                {
                    "type": "notice",
                    "value": {
                        "kind": "info",
                        "title": "Viele Anliegen erledigen Sie online",
                        "text": (
                            "Die Städte im Verbund re@di bieten immer mehr Dienstleistungen "
                            "online an – rund um die Uhr und ohne Wartezeit. Für Anträge mit "
                            "Unterschrift nutzen Sie die BundID oder Ihren Online-Ausweis."
                        ),
                    },
                }
            ],
        )
    return snippet


def town_contact(town, data: dict) -> Contact:
    contact = Contact.objects.filter(site=town.site, name="Bürgerbüro").first()
    if contact is None:
        contact = Contact.objects.create(
            site=town.site,
            name="Bürgerbüro",
            role="Meldewesen, Ausweise, Führungszeugnisse",
            organisation=data["legal_name"],
            phone=data["phone"],
            email=f"buergerbuero@{data['slug']}.example",
            street=data["street"],
            postcode=data["postcode"],
            city=data["city"],
            room="Erdgeschoss",
            note="Bitte buchen Sie vorab einen Termin.",
        )
    return contact


def _hours_value() -> dict:
    return {
        "title": "Öffnungszeiten des Bürgerbüros",
        "closed_on_holidays": True,
        "periods": [
            {"weekdays": ["0", "1", "2", "3", "4"], "opens": "08:00", "closes": "12:00"},
            {"weekdays": ["3"], "opens": "14:00", "closes": "18:00"},
        ],
        "exceptions": [
            {
                "date": "2026-12-24",
                "closed": True,
                "opens": None,
                "closes": None,
                "note": "Heiligabend",
            },
            {
                "date": "2026-12-31",
                "closed": True,
                "opens": None,
                "closes": None,
                "note": "Silvester",
            },
        ],
    }


def showcase_body(town, data: dict, pages: dict) -> list[dict]:
    """Stream data for the overview page. ``pages`` maps slugs to pages of the town."""
    theme = town.theme
    collection = town.collection
    name = data["name"]
    rathaus = demo_image(f"Rathaus {name}", "rathaus", theme.primary, theme.accent, collection)
    markt = demo_image(f"Marktplatz {name}", "markt", theme.primary, theme.accent, collection)
    park = demo_image(f"Stadtpark {name}", "park", theme.primary, theme.accent, collection)
    form = demo_document(
        f"Antrag Anwohnerparkausweis {name}",
        ["Antrag auf Erteilung eines Bewohnerparkausweises", f"Stadt {name}"],
        collection,
    )
    fees = demo_document(
        f"Gebührenverzeichnis {name}",
        ["Gebührenverzeichnis des Bürgerbüros", f"Stadt {name}", "Stand: 1. Januar 2026"],
        collection,
    )
    latitude, longitude = COORDINATES.get(data["slug"], COORDINATES["region"])
    buergerbuero = pages.get("buergerbuero")
    teaser_pages = [page for slug, page in pages.items() if slug != "auf-einen-blick"][:3]
    return [
        {"type": "table_of_contents", "value": {"title": "Auf dieser Seite", "include_h3": False}},
        {"type": "heading", "value": {"text": "Ihr Weg ins Rathaus", "level": "h2", "anchor": ""}},
        {
            "type": "paragraph",
            "value": (
                f"<p>Das Rathaus von {name} ist die erste Anlaufstelle für Ihre Anliegen. "
                "Hier finden Sie die wichtigsten Informationen auf einen Blick: wann wir für "
                "Sie da sind, wen Sie ansprechen können und welche Formulare Sie brauchen.</p>"
            ),
        },
        {
            "type": "image",
            "value": {
                "image": rathaus.pk,
                "alt_text": f"Zeichnung des Rathauses von {name} mit Turm und Fensterreihen",
                "decorative": False,
                "caption": f"Das Rathaus von {name}",
                "credit": "Illustration: re@di",
            },
        },
        {
            "type": "address",
            "value": {
                "name": f"Rathaus {name}",
                "street": data["street"],
                "postcode": data["postcode"],
                "city": data["city"],
                "note": "Barrierefreier Zugang mit Aufzug; Behindertenparkplätze am Haus.",
            },
        },
        {
            "type": "map",
            "value": {
                "title": f"Lage des Rathauses {name}",
                "latitude": latitude,
                "longitude": longitude,
                "zoom": 17,
                "description": (
                    f"Das Rathaus liegt in der Innenstadt von {name}. Bushaltestellen und "
                    "Parkhäuser finden Sie in wenigen Gehminuten."
                ),
            },
        },
        {"type": "opening_hours", "value": _hours_value()},
        {
            "type": "contact",
            "value": {"contact": town_contact(town, data).pk, "heading": "Ihr Kontakt"},
        },
        {"type": "reusable", "value": {"content": regional_notice().pk}},
        {
            "type": "call_to_action",
            "value": {
                "title": "Termin im Bürgerbüro",
                "text": "Vereinbaren Sie Ihren Termin – dann müssen Sie nicht warten.",
                "button_label": "Zum Bürgerbüro",
                "page": buergerbuero.pk if buergerbuero else None,
                "url": "" if buergerbuero else "https://www.service-bw.de/",
            },
        },
        {"type": "heading", "value": {"text": "Gebühren", "level": "h2", "anchor": ""}},
        {
            "type": "table",
            "value": {
                "caption": "Gebühren im Bürgerbüro (Auswahl)",
                "table": {
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "data": [
                        ["Leistung", "Gebühr", "Bearbeitungszeit"],
                        ["Personalausweis (ab 24 Jahren)", "37,00 €", "etwa 3 Wochen"],
                        ["Reisepass (ab 24 Jahren)", "70,00 €", "etwa 4 Wochen"],
                        ["Führungszeugnis", "13,00 €", "etwa 2 Wochen"],
                        ["Meldebescheinigung", "10,00 €", "sofort"],
                    ],
                },
            },
        },
        {
            "type": "downloads",
            "value": {
                "title": "Formulare",
                "items": [{"document": form.pk, "title": ""}, {"document": fees.pk, "title": ""}],
            },
        },
        {
            "type": "accordion",
            "value": {
                "title": "Häufige Fragen",
                "is_faq": True,
                "entries": [
                    {
                        "question": "Brauche ich einen Termin?",
                        "answer": "<p>Ja. Mit Termin müssen Sie nicht warten. Spontane "
                        "Besuche sind nur bei freien Kapazitäten möglich.</p>",
                    },
                    {
                        "question": "Kann ich mein Kind mitbringen?",
                        "answer": "<p>Selbstverständlich. Für Ausweise von Kindern unter "
                        "16 Jahren muss das Kind sogar persönlich erscheinen.</p>",
                    },
                    {
                        "question": "Wie kann ich bezahlen?",
                        "answer": "<p>Mit Girocard, Kreditkarte oder bar.</p>",
                    },
                ],
            },
        },
        {
            "type": "notice",
            "value": {
                "kind": "warning",
                "title": "Zwischen den Jahren",
                "text": "Am 24. und 31. Dezember bleibt das Bürgerbüro geschlossen.",
            },
        },
        {"type": "heading", "value": {"text": f"{name} erleben", "level": "h2", "anchor": ""}},
        {
            "type": "gallery",
            "value": {
                "title": f"Bilder aus {name}",
                "images": [
                    {
                        "image": markt.pk,
                        "alt_text": f"Zeichnung des Marktplatzes von {name} "
                        "mit Giebelhäusern und Brunnen",
                        "caption": "Marktplatz",
                    },
                    {
                        "image": park.pk,
                        "alt_text": f"Zeichnung des Stadtparks von {name} mit Bäumen",
                        "caption": "Stadtpark",
                    },
                    {
                        "image": rathaus.pk,
                        "alt_text": f"Zeichnung des Rathauses von {name}",
                        "caption": "Rathaus",
                    },
                ],
            },
        },
        {
            "type": "video",
            "value": {
                "url": DEMO_VIDEO,
                "title": f"Film: Ein Tag in {name}",
                "poster": markt.pk,
                "transcript": (
                    f"Der Film zeigt einen Tag in {name}: den Wochenmarkt am Morgen, das "
                    "Rathaus, Kinder auf dem Spielplatz und den Sonnenuntergang im Park."
                ),
            },
        },
        {
            "type": "quote",
            "value": {
                "text": "Gemeinsam digital – damit Sie weniger Wege haben.",
                "attribution": "Leitbild des Verbunds re@di",
            },
        },
        {
            "type": "teasers",
            "value": {
                "title": "Mehr aus dem Rathaus",
                "cards": [
                    {
                        "page": page.pk,
                        "url": "",
                        "title": "",
                        "text": page.specific.intro[:140]
                        if getattr(page.specific, "intro", "")
                        else "",
                        "image": None,
                    }
                    for page in teaser_pages
                ]
                + [
                    {
                        "page": None,
                        "url": "https://www.service-bw.de/",
                        "title": "service-bw",
                        "text": "Das Serviceportal des Landes Baden-Württemberg.",
                        "image": park.pk,
                    },
                ],
            },
        },
    ]
