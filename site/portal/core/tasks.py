"""Background index updates with ``TASK_BACKEND=database``.

What Wagtail 8 does: it never indexes in the request. modelsearch connects ``post_save``
of every indexed model to ``insert_or_update_object_task.enqueue(...)`` (and Wagtail its
reference index to ``update_reference_index_task.enqueue(...)``). With the immediate
backend that runs at once; with a queue it waits for a worker.

What breaks: those tasks are made with the *django-tasks backport* (``django_tasks.task``),
but django-tasks-db 0.13 on Django ≥ 6 works with Django's *built-in* ``django.tasks``.
Its ``enqueue`` writes the queue row, then raises ``SuspiciousOperation: … does not point
to a Task`` – publishing a page fails – and its worker could not run such a row either.

The fix here: ``task_backend.DatabaseBackend`` takes a backport task and enqueues
:func:`run_backport_task` (a built-in task) with the backport task's path and arguments;
the worker (``redi db_worker``) runs it, which calls the backport task. The settings use
it for ``TASK_BACKEND=database``. It can go once Wagtail uses ``django.tasks`` or
django-tasks-db accepts backport tasks (``tests/portal/search/test_tasks.py`` tells).
"""

from __future__ import annotations

from typing import Any

from django.tasks import task
from django.tasks.exceptions import InvalidTask
from django.utils.module_loading import import_string
from django_tasks.base import Task as BackportTask


@task()
def run_backport_task(path: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """Runs the django-tasks backport task at ``path`` (e.g. Wagtail's index update)."""
    backport_task = import_string(path)
    if not isinstance(backport_task, BackportTask):
        raise InvalidTask(f"{path} is not a task")
    return backport_task.call(*args, **kwargs)
