"""Citizen URLs outside the page tree (mounted under /vorgang/ by portal.urls): the
private tracking page of a case and "Link verloren?"."""

from __future__ import annotations

from django.urls import path

from .applications import tracking

app_name = "services"
urlpatterns: list = [
    path("link/", tracking.lost_link, name="lost_link"),
    path("<str:token>/", tracking.tracking, name="tracking"),
]
