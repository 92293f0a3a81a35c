"""Signal receivers of the Sensorik, connected in ``apps.ready``."""

from __future__ import annotations

from django.dispatch import receiver

from . import live
from .signals import observations_stored


@receiver(observations_stored, dispatch_uid="sensor_widgets.live")
def push_live(sender, readings, latest, **kwargs) -> None:
    live.broadcast(latest)
