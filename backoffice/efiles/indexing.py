"""Search index updates of Akten and Dokumente – after the commit, not inside it.

Wagtail (modelsearch) indexes a saved object from its ``post_save`` handler; with the
immediate task backend that runs inside the transaction. For the E-Akte that meant the
index update (on PostgreSQL an aggregate over every index entry) ran while the
Aktenzeichen counter row was locked, and parallel creations queued behind it. So both
models opt out (``search_auto_update = False``) and are indexed here once the change has
committed – by a worker when ``TASK_BACKEND=database``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelsearch import index
from modelsearch.tasks import insert_or_update_object_task

_state = threading.local()


@contextmanager
def paused() -> Iterator[None]:
    """Save without indexing (bulk loads that index in one go afterwards)."""
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = False


def _saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw or getattr(_state, "paused", False):
        return
    label, name, pk = instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    transaction.on_commit(lambda: insert_or_update_object_task.enqueue(label, name, pk))


def _deleted(sender, instance, **kwargs) -> None:
    index.remove_object(instance)


def connect() -> None:
    from .models import Akte, Dokument

    for model in (Akte, Dokument):
        post_save.connect(_saved, sender=model, dispatch_uid=f"efiles_index_{model.__name__}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"efiles_unindex_{model.__name__}")
