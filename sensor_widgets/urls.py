"""Public JSON for the widgets (polling fallback, chart data, the alert banner)."""

from django.urls import path

from . import views

app_name = "sensor_widgets"

urlpatterns = [
    path("werte/", views.values, name="values"),
    path("verlauf/<int:datastream_id>/", views.chart, name="chart"),
    path("warnungen/", views.alerts, name="alerts"),
]
