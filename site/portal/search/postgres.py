"""Wagtail's PostgreSQL search, with a condition the GIN indexes can answer.

Wagtail matches ``(title || body) @@ query``. The concatenation cannot use the GIN
indexes on ``title`` and ``body``, and PostgreSQL cannot estimate how many rows it
matches: with up-to-date statistics it reads every index entry or loops over the town's
pages once per match (64–340 ms among 10,000 pages, see bench/README.md). For a plain
query this compiler matches, for every word, ``title @@ word OR body @@ word`` instead –
the same pages (every word in the title or the body), answered from the GIN indexes
and estimated from their statistics. Ranking is Wagtail's own.

Imported only on PostgreSQL; see ``backends.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache, reduce

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import F, Q
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText


@lru_cache(maxsize=2048)
def has_lexemes(alias: str, config: str | None, word: str) -> bool:
    """Whether ``word`` means anything to the text search configuration (not a stop word)."""
    quoted = "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
    with connections[alias].cursor() as cursor:
        if config:
            cursor.execute("SELECT numnode(to_tsquery(%s::regconfig, %s))", [config, quoted])
        else:
            cursor.execute("SELECT numnode(to_tsquery(%s))", [quoted])
        return cursor.fetchone()[0] > 0


class IndexedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def index_condition(self, config) -> Q | None:
        """Every word (or, with operator "or", any word) in the title or the body."""
        if self.fields is not None or not isinstance(self.query, PlainText):
            return None
        alias = self.queryset.db
        words = [w for w in re.split(r"[\s\-]+", self.query.query_string) if w]
        words = [w for w in words if has_lexemes(alias, config, w)]
        if not words:
            return Q(pk__in=[])  # stop words only: Wagtail's query matches nothing either
        conditions = []
        for word in words:
            query = SearchQuery(Lexeme(word), search_type="raw", config=config)
            conditions.append(Q(_index_title_=query) | Q(_index_body_=query))
        combine = (lambda a, b: a & b) if self.query.operator == "and" else (lambda a, b: a | b)
        return reduce(combine, conditions)

    def search(self, config, start, stop, score_field=None, backend=None):
        condition = self.index_condition(config)
        if condition is None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        queryset = self.queryset.annotate(
            _index_title_=F("index_entries__title"), _index_body_=F("index_entries__body")
        ).filter(condition)
        # the rank refers to the same join to the index entries (annotations share it)
        rank_expression = self._build_rank_expression(self.get_search_vectors(None), config)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedPostgresSearchQueryCompiler
