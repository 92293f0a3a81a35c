"""The OGC SensorThings API v1.1 over our models (read; observations may be created
by devices). Mounted at ``/sta/v1.1/``: one view resolves every resource path."""

from django.urls import re_path

from . import views

urlpatterns = [re_path(r"^(?P<path>.*)$", views.endpoint, name="sta")]
