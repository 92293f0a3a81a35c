"""Every change to content raises the generation – at once and again when the transaction
commits (a page rendered between the two carries the older generation and is not stored) –
and purges the reverse proxy after the commit.

"Content" is any model saved or deleted, m2m-changed, or any page published, unpublished or
moved, except the models of ``PAGE_CACHE_IGNORED_MODELS`` (logs, sessions, cases, records,
invoices, sensor readings … that no public page shows, or that change too often to count
– live values reach pages over WebSocket, and pages with live blocks are kept one minute).
Bulk ``QuerySet.update()`` sends no signal: code that changes public content that way calls
``invalidate()`` itself.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import conf, proxy, store

logger = logging.getLogger(__name__)


def invalidate(reason: str = "") -> None:
    if not conf.enabled():
        return
    _bump(reason)
    transaction.on_commit(lambda: _after_commit(reason))


def _bump(reason: str) -> None:
    try:
        store.get_store().bump()
    except Exception as error:  # noqa: BLE001 – saving content must not fail on the cache
        logger.error("page cache not invalidated (%s): %s", reason, error)


def _after_commit(reason: str) -> None:
    _bump(reason)
    proxy.purge_all()


def after_migrate(**kwargs) -> None:
    if conf.enabled():
        _bump("migrate")


def _shown_on_pages(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return False
    ignored = conf.ignored_models()
    return meta.app_label.lower() not in ignored and meta.label_lower not in ignored


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # fixtures loading
        return
    if _shown_on_pages(sender):
        invalidate(sender._meta.label_lower)


def _m2m_changed(sender, action: str, instance, **kwargs) -> None:
    if action.startswith("post_") and _shown_on_pages(type(instance)):
        invalidate(type(instance)._meta.label_lower)


def _page_event(sender, instance=None, **kwargs) -> None:
    invalidate("page")


def connect() -> None:
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_changed, dispatch_uid="pagecache-save")
    post_delete.connect(_changed, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="pagecache-m2m")
    page_published.connect(_page_event, dispatch_uid="pagecache-published")
    page_unpublished.connect(_page_event, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_page_event, dispatch_uid="pagecache-moved")
