"""URLs of the club dashboard, inside the ``vereinsportal`` namespace (``/verein/``)."""

from django.urls import include, path

from . import views, views_events, views_members, views_profile

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden-konto/", views.LogoutView.as_view(), name="logout"),
    path("passwort/", views.PasswordResetView.as_view(), name="password_reset"),
    path("passwort/gesendet/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "passwort/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "passwort/fertig/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("einladung/<str:token>/", views_members.invitation_accept, name="invitation_accept"),
    path("<int:club_id>/", views.club_overview, name="club"),
    path("<int:club_id>/profil/", views_profile.club_profile, name="club_profile"),
    path("<int:club_id>/veranstaltungen/", views_events.club_events, name="club_events"),
    path("<int:club_id>/veranstaltungen/neu/", views_events.event_create, name="event_create"),
    path(
        "<int:club_id>/veranstaltungen/<int:event_id>/",
        views_events.event_edit,
        name="event_edit",
    ),
    path(
        "<int:club_id>/veranstaltungen/<int:event_id>/status/",
        views_events.event_cancel,
        name="event_cancel",
    ),
    path(
        "<int:club_id>/veranstaltungen/<int:event_id>/loeschen/",
        views_events.event_delete,
        name="event_delete",
    ),
    path("<int:club_id>/personen/", views_members.club_members, name="club_members"),
    path("<int:club_id>/personen/einladen/", views_members.member_invite, name="member_invite"),
    path(
        "<int:club_id>/personen/<int:membership_id>/entfernen/",
        views_members.member_remove,
        name="member_remove",
    ),
    path(
        "<int:club_id>/personen/einladungen/<int:invitation_id>/zurueckziehen/",
        views_members.invitation_revoke,
        name="invitation_revoke",
    ),
    path("", include("vereinsportal.signups.dashboard_urls")),
    path("", include("vereinsportal.volunteering.dashboard_urls")),
]
