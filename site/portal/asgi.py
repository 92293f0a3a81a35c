"""ASGI entry point: HTTP through Django; WebSocket routes join as apps add them."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.core.asgi import get_asgi_application  # noqa: E402

django_application = get_asgi_application()

from portal.pagecache.asgi import PageCacheApp  # noqa: E402
from sensor_widgets.routing import websocket_urlpatterns as sensor_live  # noqa: E402
from services.appointments.routing import websocket_urlpatterns as call_display  # noqa: E402

application = ProtocolTypeRouter(
    {
        # page-cache hits are answered before Django (portal/pagecache)
        "http": PageCacheApp(django_application),
        # only pages of our own hosts may open sockets (Origin checked against ALLOWED_HOSTS)
        "websocket": AllowedHostsOriginValidator(URLRouter([*call_display, *sensor_live])),
    }
)
