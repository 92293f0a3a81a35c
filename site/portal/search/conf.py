"""The search backend configuration, built from the environment by the settings.

Kept free of Django imports: ``portal/settings/base.py`` calls :func:`search_backends`.

- Elasticsearch (``ELASTICSEARCH_URL``): Wagtail's ``elasticsearch9`` backend, one index
  per root model named ``<SEARCH_INDEX_PREFIX>-wagtailcore_page`` and so on, every text
  field analysed with Elasticsearch's German analyzer (stop words, normalisation of
  umlauts, light stemming).
- PostgreSQL: Wagtail's database backend with the text search configuration
  ``german`` (Snowball stemming in the database).
- SQLite: Wagtail's database backend; FTS5 has no German stemmer, so
  ``portal.search.backends`` widens every word by its German Snowball stem as a prefix.
"""

from __future__ import annotations

from typing import Any

ELASTICSEARCH_BACKEND = "wagtail.search.backends.elasticsearch9"
DATABASE_BACKEND = "portal.search.backends"
POSTGRES_SEARCH_CONFIG = "german"

GERMAN_ANALYSIS: dict[str, Any] = {
    "analyzer": {
        # Elasticsearch's built-in language analyzer; as "default" it applies to every
        # text field of the mapping that names no analyzer of its own (title, intro,
        # body, _all_text, …) at index and at search time.
        "default": {"type": "german"},
    }
}


def search_backends(
    *,
    database_engine: str,
    elasticsearch_url: str | None,
    index_prefix: str,
) -> dict[str, dict[str, Any]]:
    """``WAGTAILSEARCH_BACKENDS`` for this run shape."""
    if elasticsearch_url:
        return {
            "default": {
                "BACKEND": ELASTICSEARCH_BACKEND,
                "URLS": [elasticsearch_url],
                # modelsearch (Wagtail 8) reads INDEX_PREFIX; INDEX is what Wagtail ≤ 7
                # read and is kept for operators who look for it.
                "INDEX": index_prefix,
                "INDEX_PREFIX": f"{index_prefix}-",
                "TIMEOUT": 10,
                "OPTIONS": {},
                "INDEX_SETTINGS": {"settings": {"analysis": GERMAN_ANALYSIS}},
            }
        }
    backend: dict[str, Any] = {"BACKEND": DATABASE_BACKEND}
    if database_engine == "django.db.backends.postgresql":
        backend["SEARCH_CONFIG"] = POSTGRES_SEARCH_CONFIG
    return {"default": backend}
