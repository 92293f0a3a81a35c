"""English translations of demo pages, made the way a translator would: through
wagtail-localize (translation source, strings, translated page), so the pages stay
linked and further edits happen in wagtail-localize's editor."""

from __future__ import annotations

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue, extract_strings

from . import content


def _plain(german: str, english: str, mapping: dict[str, str]) -> None:
    if german and english:
        mapping[StringValue.from_plaintext(german).data] = StringValue.from_plaintext(english).data


def _html(german: str, english: str, mapping: dict[str, str]) -> None:
    _template_de, strings_de = extract_strings(german)
    _template_en, strings_en = extract_strings(english)
    for (value_de, _attrs_de), (value_en, _attrs_en) in zip(strings_de, strings_en, strict=False):
        mapping[value_de.data] = value_en.data


def _blocks(german: list, english: list, mapping: dict[str, str]) -> None:
    for (kind, value_de), (_kind, value_en) in zip(german, english, strict=False):
        if kind == "heading":
            _plain(value_de, value_en, mapping)
        elif kind == "paragraph":
            _html(value_de, value_en, mapping)
        elif kind in {"notice", "quote"}:
            for key, text in value_de.items():
                if key != "kind":
                    _plain(text, value_en.get(key, ""), mapping)


def translate(page: Page, mapping: dict[str, str], locale: Locale) -> Page:
    """Create or update the ``locale`` translation of ``page`` from ``mapping``."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        english = mapping.get(segment.string.data)
        if english:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": english},
            )
    translated, _created = source.create_or_update_translation(
        locale, publish=True, copy_parent_pages=True, fallback=True
    )
    return translated


def translate_demo(town_settings) -> int:
    """Translate the home page and two content pages of the towns in ``ENGLISH``."""
    from .content_en import ENGLISH

    english = ENGLISH.get(town_settings.slug)
    if not english:
        return 0
    locale = Locale.objects.get(language_code="en")
    german = next(t for t in content.TOWNS if t["slug"] == town_settings.slug)
    home = town_settings.site.root_page.specific
    if home.get_translation_or_none(locale) is not None:
        return 0  # already translated: leave the translators' work alone
    count = 0
    mapping: dict[str, str] = {}
    _plain(german["intro"], english["home"]["intro"], mapping)
    _plain(home.title, english["home"].get("title", home.title), mapping)
    _plain(home.search_description, english["home"]["intro"][:300], mapping)
    translate(home, mapping, locale)
    count += 1
    for section_de in german["sections"]:
        section_en = english["sections"].get(section_de["slug"])
        if not section_en:
            continue
        section = home.get_children().filter(slug=section_de["slug"]).first()
        mapping = {}
        _plain(section_de["title"], section_en["title"], mapping)
        _plain(section_de["intro"], section_en["intro"], mapping)
        _plain(section_de["intro"][:300], section_en["intro"][:300], mapping)
        translate(section.specific, mapping, locale)
        count += 1
        for page_de in section_de["pages"]:
            page_en = section_en["pages"].get(page_de["slug"])
            if not page_en:
                continue
            page = section.get_children().filter(slug=page_de["slug"]).first()
            mapping = {}
            _plain(page_de["title"], page_en["title"], mapping)
            _plain(page_de["intro"], page_en["intro"], mapping)
            _plain(page_de["intro"][:300], page_en["intro"][:300], mapping)
            _blocks(page_de["body"], page_en["body"], mapping)
            translate(page.specific, mapping, locale)
            count += 1
    return count


def repair_translated_trees() -> None:
    """Publishing a translated page from a revision taken before its children were
    translated writes back a stale child count of 0 (wagtail-localize 1.14.5 publishes
    on commit); put the real counts back for the translated trees."""
    default = Locale.get_default()
    for page in Page.objects.filter(depth__gt=1).exclude(locale=default):
        actual = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).count()
        if actual != page.numchild:
            Page.objects.filter(pk=page.pk).update(numchild=actual)
