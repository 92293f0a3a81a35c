"""German stemming for SQLite's FTS5: each word or any word beginning with its stem.

Imported only on SQLite (its index model exists only there); see ``backends.py``.
"""

from __future__ import annotations

from modelsearch.backends.database.sqlite.query import LexemeCombinable, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
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


def combined(expressions: list[LexemeCombinable], operator: str) -> LexemeCombinable:
    result = expressions[0]
    for expression in expressions[1:]:
        result = result & expression if operator.upper() == "AND" else result | expression
    return result


class GermanSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        words = query.query_string.split()
        if not words:
            return None
        expression = combined([widened(word) for word in words], query.operator)
        return SearchQueryExpression(expression, config=config)


class QuotingSQLiteAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
    """Wagtail's, but a '"' in what was typed no longer breaks FTS5's query syntax."""

    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        words = query.query_string.split()
        if not words:
            return None
        terms = [Term(word) for word in words[:-1]] + [Term(words[-1], prefix=True)]
        return SearchQueryExpression(combined(terms, query.operator), config=config)


class GermanSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = GermanSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = QuotingSQLiteAutocompleteQueryCompiler
