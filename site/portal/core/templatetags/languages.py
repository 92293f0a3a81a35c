"""Language switcher and hreflang alternates for the current page."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils import translation

from .. import chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context) -> list[dict]:
    """Every configured language with the URL of this page's translation, if live.

    ``url`` is None where the page is not translated; the switcher says so.
    """
    page = context.get("page")
    request = context.get("request")
    current = translation.get_language()
    memo = getattr(request, "_redi_page_languages", None) if request is not None else None
    if memo is not None and memo[0] == (getattr(page, "pk", None), current):
        return memo[1]
    translations = {}
    if page is not None and getattr(page, "pk", None):
        codes = context.get("locale_codes") or {}
        if str(page.translation_key) in chrome.translated_keys():
            for item in page.get_translations(inclusive=True).live():
                translations[codes.get(item.locale_id)] = item
        else:
            translations[codes.get(page.locale_id)] = page
    entries = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        url = None
        if target is not None:
            with translation.override(code):
                url = target.get_url(request)
        entries.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "bidi": code in settings.LANGUAGES_BIDI,
            }
        )
    if request is not None:
        request._redi_page_languages = ((getattr(page, "pk", None), current), entries)
    return entries


@register.simple_tag(takes_context=True)
def content_language(context) -> dict | None:
    """The language of the page's content when it differs from the interface language
    (a page shown in German because it is not translated yet)."""
    page = context.get("page")
    codes = context.get("locale_codes") or {}
    code = codes.get(getattr(page, "locale_id", None))
    current = translation.get_language()
    if not code or code == current:
        return None
    names = dict(settings.LANGUAGES)
    return {"code": code, "name": names.get(code, code), "bidi": code in settings.LANGUAGES_BIDI}
