"""SQL queries to render pages, counted in-process against the benchmark database."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def count(var: Path, port: int, pages: list[tuple[str, str]]) -> list[dict]:
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    os.environ["REDI_VAR_DIR"] = str(var)
    os.environ["DATABASE_URL"] = f"sqlite:///{var / 'demo.sqlite3'}"
    os.environ["PAGE_CACHE"] = "false"  # count what rendering costs, not a cache hit
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    results = []
    for host, path in pages:
        client = Client(HTTP_HOST=f"{host}:{port}")
        client.get(path)  # warm caches, as in a running server
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
        results.append(
            {
                "page": f"{host}{path}",
                "status": response.status_code,
                "queries": len(context.captured_queries),
            }
        )
    return results
