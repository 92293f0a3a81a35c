"""What a visitor typed, made safe for every search backend."""

from __future__ import annotations

import re

MAX_LENGTH = 100  # characters of the cleaned query
MAX_WORDS = 10
WORD = re.compile(r"\w+", re.UNICODE)


def words(raw: object) -> list[str]:
    """The words of a query: letters and digits only, at most ``MAX_WORDS``.

    Punctuation, quotes, operators and control characters (NUL included) are dropped,
    so no backend sees query syntax it could stumble over.
    """
    if not isinstance(raw, str):
        return []
    found: list[str] = []
    length = 0
    for match in WORD.finditer(raw[: MAX_LENGTH * 4]):
        word = match.group().strip("_")
        if not word:
            continue
        length += len(word) + (1 if found else 0)
        if length > MAX_LENGTH or len(found) == MAX_WORDS:
            break
        found.append(word)
    return found


def clean(raw: object) -> str:
    """The query as the backends get it: its words, separated by single spaces."""
    return " ".join(words(raw))


def echo(raw: object) -> str:
    """What the search box shows again: the input without control characters, shortened."""
    if not isinstance(raw, str):
        return ""
    return "".join(ch for ch in raw if ch.isprintable())[: MAX_LENGTH * 2].strip()
