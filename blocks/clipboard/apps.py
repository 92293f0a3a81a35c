from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlockClipboardConfig(AppConfig):
    name = "blocks.clipboard"
    label = "block_clipboard"
    verbose_name = _("Block-Zwischenablage")
    default_auto_field = "django.db.models.BigAutoField"
