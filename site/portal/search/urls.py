from django.urls import path

from . import views

urlpatterns = [
    path("suche/", views.search, name="search"),
    path("suche/vorschlaege/", views.autocomplete, name="autocomplete"),
]
