"""A copy of the seeded demo inside the test database, to put back after a transactional
test emptied the database.

Seeding the demo takes about a minute; a transactional test (``transaction=True``) empties
every table when it ends, so each following one needed the whole seed again. Instead,
right after the session's seed, every table of the project's models is copied – into the
schema ``demo_snapshot`` on PostgreSQL, into tables named ``demo_snapshot__<table>`` on
SQLite – and :func:`restore` copies the rows back in one transaction, with the foreign-key
checks deferred to its commit (the tables are filled in any order), then moves every
sequence past the highest id. What the tests then see is the seeded demo, row for row.
On SQLite, tables that triggers fill (the search index's full-text table) are left to
those triggers.
"""

from __future__ import annotations

import re

from django.core.management.color import no_style
from django.db import connection, transaction

SCHEMA = "demo_snapshot"


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _copy_name(table: str) -> str:
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        return f"{quote(SCHEMA)}.{quote(table)}"
    return quote(f"{SCHEMA}__{table}")


def _filled_by_triggers(cursor) -> set[str]:
    if connection.vendor != "sqlite":
        return set()
    cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
    return {
        name
        for (sql,) in cursor.fetchall()
        for name in re.findall(r'INSERT\s+INTO\s+"?(\w+)', sql or "", re.IGNORECASE)
    }


def take() -> None:
    """Copies every table of the project's models (called once, after the seed)."""
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP SCHEMA IF EXISTS {quote(SCHEMA)} CASCADE")
            cursor.execute(f"CREATE SCHEMA {quote(SCHEMA)}")
        for table in _tables():
            if connection.vendor != "postgresql":
                cursor.execute(f"DROP TABLE IF EXISTS {_copy_name(table)}")
            cursor.execute(f"CREATE TABLE {_copy_name(table)} AS SELECT * FROM {quote(table)}")


def restore() -> None:
    """Empties the project's tables and fills them from the copy."""
    from django.apps import apps

    quote = connection.ops.quote_name
    tables = _tables()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Django's foreign keys are deferrable: checked at the commit, when all is filled
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("TRUNCATE " + ", ".join(quote(t) for t in tables))
        else:
            cursor.execute("PRAGMA defer_foreign_keys = ON")
            for table in tables:
                cursor.execute(f"DELETE FROM {quote(table)}")
        filled_by_triggers = _filled_by_triggers(cursor)
        for table in tables:
            if table not in filled_by_triggers:
                cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {_copy_name(table)}")
        models = [model for model in apps.get_models() if model._meta.db_table in tables]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
