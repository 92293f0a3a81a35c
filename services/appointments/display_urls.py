"""Call display URLs (mounted at /aufruf/ by portal.urls); the WebSocket route is in
``routing.py``."""

from django.urls import path

from . import display

app_name = "calls"
urlpatterns = [
    path("<int:office_id>/", display.display, name="display"),
    path("<int:office_id>/stand.json", display.display_json, name="board"),
]
