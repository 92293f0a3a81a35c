"""Admin registration of the case inbox (imported by services/wagtail_hooks.py)."""

from __future__ import annotations

from wagtail import hooks

from .viewset import CaseInboxViewSet


@hooks.register("register_admin_viewset")
def register_case_inbox() -> CaseInboxViewSet:
    return CaseInboxViewSet()
