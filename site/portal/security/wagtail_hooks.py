from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import views
from .two_factor import works_in_admin


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("zwei-faktor/", views.verify, name="security_two_factor_verify"),
        path("zwei-faktor/einrichten/", views.setup, name="security_two_factor_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    if not works_in_admin(request.user):
        return None
    return {
        "url": reverse("security_two_factor_setup"),
        "label": _("Zwei-Faktor-Anmeldung"),
        "help_text": _("Anmeldung zusätzlich mit einem Code aus einer Authenticator-App"),
    }
