"""Publishing a page updates the search index in the background, not in the request.

Wagtail 8 (modelsearch) connects ``post_save`` of every indexed model to
``insert_or_update_object_task.enqueue(...)``. With ``TASK_BACKEND=database`` that is a
row in django-tasks-db's queue, worked off by ``redi db_worker``; the page is found once
a worker has run it. See ``portal/core/tasks.py`` for why the settings then use
``portal.core.task_backend.DatabaseBackend`` instead of django-tasks-db's own class.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import SuspiciousOperation
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from portal.pages.models import ContentPage
from tests.portal.factories import ContentPageFactory
from tests.utils import printed

from .conftest import home, result_titles

pytestmark = pytest.mark.django_db

QUEUE = {"default": {"BACKEND": "portal.core.task_backend.DatabaseBackend"}}
INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


@pytest.fixture
def draft():
    """A draft (indexed under its first title) that its editor renames to „Quittenbrot“."""
    section = home("bruchsal").get_children().first()
    page = ContentPageFactory(parent=section, title="Entwurf", intro="Noch leer.", live=False)
    page = ContentPage.objects.get(pk=page.pk)
    page.title = "Quittenbrot"
    page.intro = "Quittenbrot aus dem Stadtgarten."
    return page


def index_tasks_for(page) -> list[DBTaskResult]:
    """Queued index updates of ``page`` (run through the bridge task)."""
    return [
        row
        for row in DBTaskResult.objects.all()
        if row.args_kwargs["args"][:2] == [INDEX_TASK, ["pages", "contentpage", str(page.pk)]]
    ]


def test_publishing_queues_the_index_update_and_a_worker_runs_it(search, draft, monkeypatch):
    # The worker recycles database connections between tasks; inside the test's
    # transaction that would close it.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    with override_settings(TASKS=QUEUE):
        draft.save_revision().publish()

        queued = index_tasks_for(draft)
        assert queued, "publishing queued no index update"
        assert {row.status for row in queued} == {"READY"}
        assert {row.task_path for row in queued} == {"portal.core.tasks.run_backport_task"}
        assert result_titles(search("bruchsal", "Quittenbrot")) == []  # not in the request

        call_command("db_worker", batch=True, verbosity=0)

        assert {row.status for row in index_tasks_for(draft)} == {"SUCCESSFUL"}
        assert not DBTaskResult.objects.failed().exists()
    assert result_titles(search("bruchsal", "Quittenbrot")) == ["Quittenbrot"]


def test_with_the_immediate_backend_the_page_is_found_at_once(search, draft):
    draft.save_revision().publish()

    assert result_titles(search("bruchsal", "Quittenbrot")) == ["Quittenbrot"]
    assert index_tasks_for(draft) == []


def test_django_tasks_db_alone_cannot_queue_wagtails_tasks(draft):
    """Why the bridge exists. When this fails, upstream is fixed: drop portal.core.tasks."""
    plain = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=plain), pytest.raises(SuspiciousOperation):
        draft.save_revision().publish()


def test_task_backend_database_uses_the_bridge():
    code = "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])"
    env = {"DJANGO_SETTINGS_MODULE": "portal.settings.test", "TASK_BACKEND": "database"}

    assert printed(code, env) == "portal.core.task_backend.DatabaseBackend"
