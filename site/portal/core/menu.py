"""Admin menu items for the back-office apps: a link shown only to people for whom a
check holds, and only when its URL is installed."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import NoReverseMatch, reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem


class AllowedLinkMenuItem(MenuItem):
    """A link to ``url_name``, shown to those for whom ``allowed(user)`` holds."""

    def __init__(self, label, url_name: str, allowed: Callable, **kwargs):
        super().__init__(label, "", **kwargs)
        self.url_name = url_name
        self.allowed = allowed

    def resolved_url(self) -> str | None:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:  # that part of the app is not installed
            return None

    def is_shown(self, request) -> bool:
        return bool(self.allowed(request.user)) and self.resolved_url() is not None

    def render_component(self, request):
        return LinkMenuItem(
            self.name,
            self.label,
            self.resolved_url(),
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )
