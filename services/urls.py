"""Citizen URLs outside the page tree (mounted under /vorgang/ by portal.urls)."""

from __future__ import annotations

app_name = "services"
urlpatterns: list = []
