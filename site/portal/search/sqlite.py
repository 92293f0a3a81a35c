"""German stemming for SQLite's FTS5: each word or any word beginning with its stem.

Imported only on SQLite (its index model exists only there); see ``backends.py``.
"""

from __future__ import annotations

from modelsearch.backends.database.sqlite.query import LexemeCombinable, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText

from .stemming import prefixes


class Term(LexemeCombinable):
    """One FTS5 string, optionally a prefix query (``"anmeld"*``)."""

    def __init__(self, text: str, *, prefix: bool = False) -> None:
        super().__init__()
        self.text = text
        self.prefix = prefix

    def as_sql(self, compiler, connection):
        quoted = '"' + self.text.replace('"', '""') + '"'
        return "%s", [quoted + ("*" if self.prefix else "")]


class Group(LexemeCombinable):
    """Parentheses around a combination: FTS5 binds AND tighter than OR."""

    def __init__(self, inner: LexemeCombinable) -> None:
        super().__init__()
        self.inner = inner

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.inner)
        return "%s", ["(" + (sql % tuple(params)) + ")"]


def widened(word: str) -> LexemeCombinable:
    """The word itself or any word beginning with its German stem."""
    expression: LexemeCombinable = Term(word)
    for beginning in prefixes(word):
        expression = expression | Term(beginning, prefix=True)
    return Group(expression) if not isinstance(expression, Term) else expression


class GermanSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        words = query.query_string.split()
        if not words:
            return None
        expression = widened(words[0])
        for word in words[1:]:
            if query.operator.upper() == "AND":
                expression = expression & widened(word)
            else:
                expression = expression | widened(word)
        return SearchQueryExpression(expression, config=config)


class GermanSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = GermanSQLiteSearchQueryCompiler
