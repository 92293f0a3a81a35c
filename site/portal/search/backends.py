"""Wagtail's database search backend, with German stemming on SQLite.

PostgreSQL stems German itself (``SEARCH_CONFIG = "german"``, see ``conf.py``). SQLite's
FTS5 only knows English (porter), so on SQLite every word of a query is widened: it
matches the word itself or any word beginning with its German Snowball stem –
"anmelden" becomes ``("anmelden" OR "anmeld"*)`` and so finds "Anmeldung".

On PostgreSQL, ``postgres.py`` adds a condition the GIN indexes can answer (same
results, far faster with many pages).

Configured as ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "portal.search.backends"``;
on any other database this is exactly Wagtail's database backend.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params: dict[str, Any]):  # the name Wagtail looks the backend up by
    if connection.vendor == "postgresql":
        from .postgres import IndexedPostgresSearchBackend

        return IndexedPostgresSearchBackend(params)
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from .sqlite import GermanSQLiteSearchBackend

        return GermanSQLiteSearchBackend(params)
    return backend
