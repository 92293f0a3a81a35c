"""Per-town editing: an editor of one town sees only that town in the admin.

Wagtail already limits the explorer and the page search to pages a user holds a
permission on, and images/documents to collections they may choose from. What it
does not limit (wagtail#4288, #1700) is the page chooser: it would offer every town's
pages as link targets. These hooks close that gap.

Also here: the view "Auskunft und Löschung personenbezogener Daten" (Art. 15/17 GDPR,
``personal_data_admin.py``) under /admin/personenbezogene-daten/, in the settings menu.
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from blocks.scoping import TownScopedPermissionPolicy
from blocks.wagtail_hooks import TownScopedViewSet

from . import personal_data_admin
from .menu import AllowedLinkMenuItem
from .models import OrganisationalUnit
from .permissions import visible_pages


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser_to_own_towns(pages, request):
    return visible_pages(request.user, pages)


@hooks.register("construct_explorer_page_queryset")
def limit_explorer_to_own_towns(parent_page, pages, request):
    return visible_pages(request.user, pages)


register_permission_policy(OrganisationalUnit, TownScopedPermissionPolicy(OrganisationalUnit))


class OrganisationalUnitViewSet(TownScopedViewSet):
    model = OrganisationalUnit
    icon = "home"
    menu_label = _("Organisationseinheiten")
    menu_order = 250
    add_to_admin_menu = False
    list_display = ["name", "parent_name", "phone", "site"]
    list_filter = ["site"]
    search_fields = ["name"]


register_snippet(OrganisationalUnitViewSet)


@hooks.register("register_admin_urls")
def personal_data_urls():
    namespace = personal_data_admin.URL_NAMESPACE
    return [
        path(
            "personenbezogene-daten/",
            include((personal_data_admin.urlpatterns(), namespace), namespace=namespace),
        )
    ]


@hooks.register("register_settings_menu_item")
def personal_data_menu_item():
    return AllowedLinkMenuItem(
        _("Auskunft und Löschung personenbezogener Daten"),
        f"{personal_data_admin.URL_NAMESPACE}:index",
        personal_data_admin.may_handle_requests,
        name="personenbezogene-daten",
        icon_name="user",
        order=900,
    )


@hooks.register("register_permissions")
def personal_data_permission():
    """Assignable to a group in Wagtail's group editor (e.g. the data protection staff)."""
    app_label, codename = personal_data_admin.PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)
