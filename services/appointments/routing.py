from django.urls import path

from .consumers import CallDisplayConsumer

websocket_urlpatterns = [
    path("ws/aufruf/<int:office_id>/", CallDisplayConsumer.as_asgi()),
]
