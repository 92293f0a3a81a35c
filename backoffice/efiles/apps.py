from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EfilesConfig(AppConfig):
    name = "backoffice.efiles"
    label = "efiles"
    verbose_name = _("E-Akte")
    default_auto_field = "django.db.models.BigAutoField"
