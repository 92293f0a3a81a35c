"""Structured blocks: FAQ/accordion, table, address, opening hours, contact card."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock

from . import opening_hours
from .prefetch import PrefetchedSnippetChooserBlock as SnippetChooserBlock
from .text import PARAGRAPH_FEATURES


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Frage / Titel"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Antwort / Inhalt"), features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "help"
        label = _("Eintrag")


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    is_faq = blocks.BooleanBlock(
        label=_("Häufige Fragen (FAQ)"),
        required=False,
        default=True,
        help_text=_("Kennzeichnet die Einträge für Suchmaschinen als Fragen und Antworten."),
    )
    entries = blocks.ListBlock(AccordionItemBlock(), label=_("Einträge"), min_num=1)

    def get_api_representation(self, value, context=None):
        return {
            "title": value.get("title", ""),
            "is_faq": bool(value.get("is_faq")),
            "entries": [
                {"question": item["question"], "answer": item["answer"].source}
                for item in value["entries"]
            ],
        }

    class Meta:
        icon = "list-ul"
        label = _("Aufklappbereiche / FAQ")
        template = "blocks/accordion.html"
        preview_value = {
            "title": "Häufige Fragen",
            "is_faq": True,
            "entries": [
                {
                    "question": "Brauche ich einen Termin?",
                    "answer": "<p>Ja, bitte buchen Sie vorab einen Termin online.</p>",
                },
                {
                    "question": "Was kostet ein Personalausweis?",
                    "answer": "<p>37 Euro, für Personen unter 24 Jahren 22,80 Euro.</p>",
                },
            ],
        }
        description = _("Fragen und Antworten zum Aufklappen, ohne JavaScript bedienbar.")


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Tabellenüberschrift"),
        max_length=200,
        help_text=_("Beschreibt den Inhalt der Tabelle (für Screenreader wichtig)."),
    )
    table = WagtailTableBlock(
        label=_("Tabelle"),
        table_options={"startRows": 3, "startCols": 3, "contextMenu": True},
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        table = value.get("table") or {}
        data = [[cell or "" for cell in row] for row in table.get("data") or []]
        header_row = bool(table.get("first_row_is_table_header")) and data
        context["head"] = data[0] if header_row else None
        context["rows"] = data[1:] if header_row else data
        context["header_column"] = bool(table.get("first_col_is_header"))
        return context

    def get_api_representation(self, value, context=None):
        table = value.get("table") or {}
        return {
            "caption": value.get("caption", ""),
            "first_row_is_table_header": bool(table.get("first_row_is_table_header")),
            "first_col_is_header": bool(table.get("first_col_is_header")),
            "data": table.get("data") or [],
        }

    class Meta:
        icon = "table"
        label = _("Tabelle")
        template = "blocks/table.html"
        preview_value = {
            "caption": "Gebühren",
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "data": [
                    ["Leistung", "Gebühr"],
                    ["Personalausweis", "37,00 €"],
                    ["Reisepass", "70,00 €"],
                ],
            },
        }
        description = _("Eine barrierefreie Tabelle mit Überschrift und Kopfzeile.")


class AddressBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), required=False, max_length=200)
    street = blocks.CharBlock(label=_("Straße und Hausnummer"), max_length=200)
    postcode = blocks.RegexBlock(
        label=_("Postleitzahl"),
        regex=r"^\d{5}$",
        error_messages={"invalid": _("Bitte eine fünfstellige Postleitzahl angeben.")},
    )
    city = blocks.CharBlock(label=_("Ort"), max_length=100)
    note = blocks.CharBlock(
        label=_("Hinweis"),
        required=False,
        max_length=200,
        help_text=_("z. B. Eingang, Barrierefreiheit, Parken"),
    )

    class Meta:
        icon = "home"
        label = _("Adresse")
        template = "blocks/address.html"
        preview_value = {
            "name": "Rathaus",
            "street": "Marktplatz 1",
            "postcode": "76437",
            "city": "Rastatt",
            "note": "Barrierefreier Eingang auf der Rückseite",
        }
        description = _("Eine Anschrift mit Link zum Routenplaner.")


class OpeningPeriodBlock(blocks.StructBlock):
    weekdays = blocks.MultipleChoiceBlock(label=_("Wochentage"), choices=opening_hours.WEEKDAYS)
    opens = blocks.TimeBlock(label=_("von"))
    closes = blocks.TimeBlock(label=_("bis"))

    def clean(self, value):
        value = super().clean(value)
        if value.get("opens") and value.get("closes") and value["closes"] <= value["opens"]:
            raise StructBlockValidationError(
                block_errors={
                    "closes": ErrorList(
                        [ValidationError(_("Das Ende muss nach dem Beginn liegen."))]
                    )
                }
            )
        return value

    class Meta:
        icon = "time"
        label = _("Zeitraum")


class OpeningExceptionBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Datum"))
    closed = blocks.BooleanBlock(label=_("geschlossen"), required=False, default=True)
    opens = blocks.TimeBlock(label=_("von"), required=False)
    closes = blocks.TimeBlock(label=_("bis"), required=False)
    note = blocks.CharBlock(label=_("Anlass"), required=False, max_length=120)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("closed"):
            opens, closes = value.get("opens"), value.get("closes")
            if not opens or not closes or closes <= opens:
                raise StructBlockValidationError(
                    block_errors={
                        "closes": ErrorList(
                            [
                                ValidationError(
                                    _(
                                        "Bitte Beginn und ein späteres Ende angeben "
                                        "oder „geschlossen“ ankreuzen."
                                    )
                                )
                            ]
                        )
                    }
                )
        return value

    class Meta:
        icon = "date"
        label = _("Ausnahme")


class OpeningHoursBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), required=False, default=_("Öffnungszeiten"))
    periods = blocks.ListBlock(OpeningPeriodBlock(), label=_("Regelmäßige Zeiten"))
    exceptions = blocks.ListBlock(
        OpeningExceptionBlock(), label=_("Ausnahmen (z. B. Brückentage)"), required=False
    )
    closed_on_holidays = blocks.BooleanBlock(
        label=_("An gesetzlichen Feiertagen (Baden-Württemberg) geschlossen"),
        required=False,
        default=True,
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["status"] = opening_hours.status(value)
        context["week"] = opening_hours.weekly_table(value)
        context["upcoming"] = opening_hours.upcoming_exceptions(value)
        return context

    def get_api_representation(self, value, context=None):
        def time(t):
            return t.strftime("%H:%M") if t else None

        return {
            "title": value.get("title", ""),
            "closed_on_holidays": bool(value.get("closed_on_holidays")),
            "periods": [
                {
                    "weekdays": list(p["weekdays"]),
                    "opens": time(p["opens"]),
                    "closes": time(p["closes"]),
                }
                for p in value.get("periods") or []
            ],
            "exceptions": [
                {
                    "date": e["date"].isoformat() if e.get("date") else None,
                    "closed": bool(e.get("closed")),
                    "opens": time(e.get("opens")),
                    "closes": time(e.get("closes")),
                    "note": e.get("note", ""),
                }
                for e in value.get("exceptions") or []
            ],
        }

    class Meta:
        icon = "time"
        label = _("Öffnungszeiten")
        template = "blocks/opening_hours.html"
        preview_value = {
            "title": "Öffnungszeiten",
            "closed_on_holidays": True,
            "periods": [
                {"weekdays": ["0", "1", "2", "3", "4"], "opens": dt.time(8), "closes": dt.time(12)},
                {"weekdays": ["3"], "opens": dt.time(14), "closes": dt.time(18)},
            ],
            "exceptions": [],
        }
        description = _("Zeiten je Wochentag mit Ausnahmen und Feiertagen; zeigt „jetzt geöffnet“.")


def contact_preview():
    from .models import Contact

    return {"contact": Contact.objects.order_by("pk").first(), "heading": "Ihr Kontakt"}


class ContactCardBlock(blocks.StructBlock):
    contact = SnippetChooserBlock("blocks.Contact", label=_("Kontakt"))
    heading = blocks.CharBlock(
        label=_("Überschrift"), required=False, max_length=120, default=_("Ansprechpartner")
    )

    def get_api_representation(self, value, context=None):
        contact = value.get("contact")
        if contact is None:
            return {"heading": value.get("heading", ""), "contact": None}
        fields = [
            "name",
            "role",
            "organisation",
            "phone",
            "email",
            "street",
            "postcode",
            "city",
            "room",
            "note",
        ]
        return {
            "heading": value.get("heading", ""),
            "contact": {"id": contact.pk, **{f: getattr(contact, f) for f in fields}},
        }

    class Meta:
        icon = "user"
        label = _("Kontaktkarte")
        template = "blocks/contact_card.html"
        preview_value = staticmethod(contact_preview)
        description = _("Zeigt einen gespeicherten Kontakt; Änderungen wirken auf allen Seiten.")


def plain_text(html: str, limit: int = 300) -> str:
    text = " ".join(strip_tags(html).split())
    return text[:limit]
