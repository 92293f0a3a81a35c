"""The cancel link of a sign-up, mounted at ``/verein/abmelden/``."""

from django.urls import path

from . import views

urlpatterns = [
    path("<str:token>/", views.cancel, name="signup_cancel"),
]
