"""Non-page URLs of the Vereinsportal, mounted at ``verein/`` inside the language
prefix: sign-up cancellation links (``/verein/abmelden/<token>/``) and the club
dashboard (``/verein/``, ``/verein/<club>/…``). URL names live in the
``vereinsportal`` namespace."""

from django.urls import include, path

app_name = "vereinsportal"

urlpatterns = [
    path("abmelden/", include("vereinsportal.signups.urls")),
    path("", include("vereinsportal.dashboard.urls")),
]
