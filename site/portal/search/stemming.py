"""German word stems (Snowball), used where the search engine has no German stemmer."""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

MIN_PREFIX_LENGTH = 4  # shorter stems ("ab", "zu…") would match too much as a prefix

_stemmer = snowballstemmer.stemmer("german")


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """The German Snowball stem of a word, lower case and without umlauts.

    >>> stem("Anmeldung"), stem("anmelden")
    ('anmeld', 'anmeld')
    """
    return _stemmer.stemWord(word.lower())


def prefixes(word: str) -> list[str]:
    """Word beginnings that find the inflected and derived forms of ``word``.

    The stem, and for words with "ß" the stem with "ß" again (the stemmer writes "ss",
    SQLite's tokenizer keeps "ß"). Empty if the stem is too short to be a useful prefix.
    """
    found = stem(word)
    if len(found) < MIN_PREFIX_LENGTH:
        return []
    result = [found]
    if "ß" in word.lower() and "ss" in found:
        result.append(found.replace("ss", "ß"))
    return result
