from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VereinsportalConfig(AppConfig):
    name = "vereinsportal"
    label = "vereinsportal"
    verbose_name = _("Vereine & Ehrenamt")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import roles, signals  # noqa: F401 – town handlers, occurrence upkeep
        from .personal_data import register_providers

        register_providers()
