from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _setup_roles(sender, **kwargs) -> None:
    """Every town gets its Rechnungslauf groups (also towns created before the app was added)."""
    from .roles import setup_all_towns

    setup_all_towns()


class InvoicesConfig(AppConfig):
    name = "backoffice.invoices"
    label = "invoices"
    verbose_name = _("Rechnungseingang")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_setup_roles, sender=self)
