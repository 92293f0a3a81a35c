"""Citizen URLs of the appointment booking (mounted under /termine/ by portal.urls)."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "appointments"
urlpatterns: list = [
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("verwalten/<str:token>/", views.manage, name="manage"),
    path("<int:office_id>/", views.book, name="book"),
]
