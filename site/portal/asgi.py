"""ASGI entry point: HTTP through Django; WebSocket routes join as apps add them."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

from channels.routing import ProtocolTypeRouter  # noqa: E402
from django.core.asgi import get_asgi_application  # noqa: E402

django_application = get_asgi_application()

application = ProtocolTypeRouter({"http": django_application})
