"""django-tasks-db's queue, also for tasks made with the django-tasks backport.

``TASK_BACKEND=database`` uses this class; why, see ``tasks.py``. A module of its own:
``tasks.py`` defines a task, which loads the task backend, which must not load ``tasks.py``.
"""

from __future__ import annotations

from typing import Any

from django.tasks import Task
from django.tasks.exceptions import InvalidTask
from django_tasks_db import DatabaseBackend as BaseDatabaseBackend


class DatabaseBackend(BaseDatabaseBackend):
    def validate_task(self, task: Any) -> None:
        if isinstance(task, Task):
            super().validate_task(task)
        elif getattr(task, "takes_context", False):
            raise InvalidTask("Backport tasks that take a context cannot be queued.")

    def enqueue(self, task: Any, args: Any, kwargs: Any):
        if isinstance(task, Task):
            return super().enqueue(task, args, kwargs)
        from .tasks import run_backport_task

        self.validate_task(task)
        bridged = run_backport_task.using(
            priority=task.priority,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend=self.alias,
        )
        return super().enqueue(bridged, [task.module_path, list(args), dict(kwargs)], {})
