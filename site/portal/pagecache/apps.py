from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "portal.pagecache"
    label = "pagecache"
    verbose_name = _("Seiten-Cache")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import invalidation

        invalidation.connect()
        # a deploy runs migrate: pages rendered by the old code are not served afterwards
        post_migrate.connect(
            invalidation.after_migrate, sender=self, dispatch_uid="pagecache-migrate"
        )
