"""Club dashboard routes of the Ehrenamtsbörse, included by ``dashboard/urls.py``
at ``/verein/``."""

from django.urls import path

from . import dashboard_views as views

urlpatterns = [
    path("<int:club_id>/ehrenamt/", views.club_opportunities, name="club_opportunities"),
    path("<int:club_id>/ehrenamt/neu/", views.opportunity_create, name="opportunity_create"),
    path("<int:club_id>/ehrenamt/nachrichten/", views.club_interests, name="club_interests"),
    path("<int:club_id>/ehrenamt/<int:pk>/", views.opportunity_edit, name="opportunity_edit"),
    path(
        "<int:club_id>/ehrenamt/<int:pk>/loeschen/",
        views.opportunity_delete,
        name="opportunity_delete",
    ),
]
