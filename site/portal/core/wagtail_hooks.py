"""Per-town editing: an editor of one town sees only that town in the admin.

Wagtail already limits the explorer and the page search to pages a user holds a
permission on, and images/documents to collections they may choose from. What it
does not limit (wagtail#4288, #1700) is the page chooser: it would offer every town's
pages as link targets. These hooks close that gap.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from blocks.scoping import TownScopedPermissionPolicy
from blocks.wagtail_hooks import TownScopedViewSet

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
