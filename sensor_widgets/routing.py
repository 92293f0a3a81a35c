"""WebSocket route of the live widgets (added to ``portal.asgi``)."""

from django.urls import path

from .consumers import LiveValuesConsumer

websocket_urlpatterns = [
    path("ws/sensorik/", LiveValuesConsumer.as_asgi()),
]
