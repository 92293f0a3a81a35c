"""What the town's service index shows: A–Z, Lebenslagen, search by name and synonyms."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 8
LETTERS = [chr(code) for code in range(ord("A"), ord("Z") + 1)]


def letter_of(title: str) -> str:
    """The index letter of a title: Ä → A, Ö → O, Ü → U; digits and others → "#"."""
    first = unicodedata.normalize("NFKD", title.strip()[:1]).encode("ascii", "ignore").decode()
    first = first.upper()
    return first if first in LETTERS else "#"


@dataclass
class LetterGroup:
    letter: str
    pages: list = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return "buchstabe-" + ("0" if self.letter == "#" else self.letter.lower())


def a_to_z(pages) -> list[LetterGroup]:
    """Service pages grouped by letter, each group sorted the German way."""
    groups: dict[str, LetterGroup] = {}
    for page in sorted(pages, key=lambda p: sort_key(p.title)):
        letter = letter_of(page.title)
        groups.setdefault(letter, LetterGroup(letter)).pages.append(page)
    return [groups[key] for key in sorted(groups, key=lambda k: (k == "#", k))]


def sort_key(title: str) -> str:
    text = unicodedata.normalize("NFKD", title.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("ß", "ss")


def clean_query(raw: object) -> str:
    if not isinstance(raw, str):
        return ""
    return " ".join(WORD.findall(raw[:400])[:MAX_QUERY_WORDS])


def search(pages: QuerySet, query: str) -> list:
    """Service pages matching ``query``: the search backend first (German stemming,
    synonyms are indexed), then a plain match in names and synonyms for what the
    index may miss (e.g. a synonym changed a moment ago)."""
    query = clean_query(query)
    if not query:
        return []
    found = list(pages.search(query, operator="and"))
    seen = {page.pk for page in found}
    condition = Q()
    for word in query.split():
        condition &= (
            Q(title__icontains=word)
            | Q(leistung__name__icontains=word)
            | Q(leistung__synonyms__icontains=word)
        )
    found += [page for page in pages.filter(condition) if page.pk not in seen]
    return found
