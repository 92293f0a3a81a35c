"""„Meinten Sie …?“ – a better spelling from the words of the site's page titles."""

from __future__ import annotations

import difflib

from django.core.cache import cache
from wagtail.models import Site

from portal.core import chrome

from . import scope
from .query import WORD

CUTOFF = 0.75
TIMEOUT = 6 * 3600


def vocabulary(site: Site | None) -> dict[str, str]:
    """Words of the titles of the pages visitors of ``site`` find: lower case → as written."""
    key = f"redi:search:words:{site.pk if site else 0}:{chrome.version()}"
    words = cache.get(key)
    if words is None:
        words = {}
        for title in scope.pages(site).values_list("title", flat=True).iterator():
            for word in WORD.findall(title):
                if len(word) >= 3 and not word.isdigit():
                    words.setdefault(word.lower(), word)
        cache.set(key, words, TIMEOUT)
    return words


def better_spelling(site: Site | None, words: list[str]) -> str | None:
    """The query with unknown words replaced by the closest known ones, or None."""
    known = vocabulary(site)
    changed = False
    corrected = []
    for word in words:
        lower = word.lower()
        if lower in known or len(lower) < 3 or lower.isdigit():
            corrected.append(word)
            continue
        close = difflib.get_close_matches(lower, known.keys(), n=1, cutoff=CUTOFF)
        if close:
            corrected.append(known[close[0]])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None
