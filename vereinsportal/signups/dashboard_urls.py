"""The club's participant lists, included by the club dashboard at ``/verein/``."""

from django.urls import path

from . import dashboard_views

urlpatterns = [
    path(
        "<int:club_id>/veranstaltungen/<int:event_id>/teilnehmende/",
        dashboard_views.participants,
        name="event_participants",
    ),
    path(
        "<int:club_id>/veranstaltungen/<int:event_id>/teilnehmende.csv",
        dashboard_views.participants_csv,
        name="event_participants_csv",
    ),
]
