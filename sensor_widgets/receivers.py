"""Signal receivers of the Sensorik, connected in ``apps.ready``."""

from __future__ import annotations

from django.dispatch import receiver

from . import (
    history,  # noqa: F401 – location history, features of interest
    live,
)
from .signals import observations_stored
from .sta import mqtt_extension  # noqa: F401 – STA MQTT extension: publishes new observations


@receiver(observations_stored, dispatch_uid="sensor_widgets.live")
def push_live(sender, readings, latest, **kwargs) -> None:
    live.broadcast(latest)
