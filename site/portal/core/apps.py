from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = _("Städte und Grundlagen")

    def ready(self) -> None:
        from . import chrome  # noqa: F401 – connects the cache invalidation signals
        from .personal_data import OutboxMails, register

        register(OutboxMails())
