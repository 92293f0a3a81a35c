from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "portal.pages"
    label = "pages"
    verbose_name = _("Seiten")

    def ready(self) -> None:
        from portal.core.personal_data import register

        from .personal_data import FormSubmissions

        register(FormSubmissions())
