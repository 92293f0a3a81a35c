from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SensorWidgetsConfig(AppConfig):
    name = "sensor_widgets"
    label = "sensor_widgets"
    verbose_name = _("Sensorik")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import receivers  # noqa: F401 – live push, STA MQTT, location history
