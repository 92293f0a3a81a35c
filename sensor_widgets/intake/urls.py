"""Device intake over HTTP, mounted at ``/sensorik/api/`` (see ``intake.http``)."""

from django.urls import re_path

from . import http

app_name = "sensor_intake"
urlpatterns = [
    re_path(r"^v1/observations/?$", http.observations, name="observations"),
]
