from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "portal.pagecache"
    label = "pagecache"
    verbose_name = _("Seiten-Cache")

    def ready(self) -> None:
        from . import invalidation

        invalidation.connect()
