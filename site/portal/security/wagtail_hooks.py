from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import views
from .two_factor import works_in_admin


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("zwei-faktor/", views.verify, name="security_two_factor_verify"),
        path("zwei-faktor/einrichten/", views.setup, name="security_two_factor_setup"),
        # not below zwei-faktor/ (open without a second factor): a reset needs one
        path(
            "zwei-faktor-zuruecksetzen/<int:user_id>/",
            views.ResetView.as_view(),
            name="security_two_factor_reset",
        ),
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


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    """In the "…" menu of every user in the user listing, for superusers."""
    if not views.may_reset(request_user) or user.pk == request_user.pk:
        return []
    return [
        Button(
            _("Zwei-Faktor-Anmeldung zurücksetzen"),
            url=reverse("security_two_factor_reset", args=[user.pk]),
            icon_name="key",
            priority=50,
        )
    ]


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    label = gettext_lazy("Zwei-Faktor-Anmeldung zurückgesetzt")
    actions.register_action(views.RESET_ACTION, label, label)
