"""Snippets with the words of the query marked (``<mark>``), everything else escaped."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .stemming import prefixes

SNIPPET_LENGTH = 240
# a stem is written without umlauts ("burgerburo"); the text has them ("Bürgerbüro")
_UMLAUTS = {"a": "[aä]", "o": "[oö]", "u": "[uü]"}


def _letters(beginning: str) -> str:
    return "".join(_UMLAUTS.get(ch, re.escape(ch)) for ch in beginning.lower())


def pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """Matches whole words beginning with a query word or its stem, in any case."""
    return _pattern(tuple(words))


@lru_cache(maxsize=512)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    beginnings: set[str] = set()
    for word in words:
        beginnings.add(word.lower())
        beginnings.update(prefixes(word))
    beginnings.discard("")
    if not beginnings:
        return None
    alternatives = "|".join(_letters(b) for b in sorted(beginnings, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def _window(text: str, first: int | None, length: int) -> tuple[int, int]:
    if len(text) <= length:
        return 0, len(text)
    start = 0 if first is None else max(0, first - length // 3)
    end = min(len(text), start + length)
    start = max(0, end - length)
    if start > 0:  # begin at a word
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    return start, end


def highlight(text: str | None, words: Iterable[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """``text`` shortened to about ``length`` characters around the first match, escaped,
    with every match wrapped in ``<mark>``."""
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")
    regex = pattern(words)
    matches = list(regex.finditer(text)) if regex else []
    start, end = _window(text, matches[0].start() if matches else None, length)
    parts: list[str] = ["… " if start > 0 else ""]
    position = start
    for match in matches:
        if match.start() < position or match.end() > end:
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        position = match.end()
    parts.append(escape(text[position:end]))
    if end < len(text):
        parts.append(" …")
    return mark_safe("".join(parts))  # noqa: S308 – every piece of text is escaped above
