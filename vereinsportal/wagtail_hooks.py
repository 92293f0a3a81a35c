"""Wagtail admin: regional taxonomies as snippets, the review of club registrations and
the per-town approval of events – together in the menu group "Vereine & Ehrenamt"."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import roles as _roles  # noqa: F401 – connects the town/club-directory receivers
from .models import Category, TargetGroup
from .registration import admin_views
from .registration.approval import APPROVE_ACTION, REJECT_ACTION

SUBMENU_HOOK = "register_vereinsportal_menu_item"


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Kategorien (regional)")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = _("Zielgruppen (regional)")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class VereinsportalGroup(SnippetViewSetGroup):
    items = (CategoryViewSet, TargetGroupViewSet)
    menu_icon = "group"
    menu_label = _("Vereine & Ehrenamt")
    menu_name = "vereine"
    submenu_hook = SUBMENU_HOOK


register_snippet(VereinsportalGroup)


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [
        path(
            "vereine/",
            include(
                (admin_views.urlpatterns(), admin_views.URL_NAMESPACE),
                namespace=admin_views.URL_NAMESPACE,
            ),
        )
    ]


class ReviewMenuItem(MenuItem):
    """Shown to town moderators; links to a view of ``admin_views`` by URL name. With
    ``count_pending`` the label shows how many registrations of the user's towns wait."""

    def __init__(self, label, url_name: str, *, count_pending: bool = False, **kwargs):
        super().__init__(label, "", **kwargs)
        self.url_name = url_name
        self.count_pending = count_pending

    def is_shown(self, request) -> bool:
        user = request.user
        return user.has_perm(_roles.REVIEW_PERMISSION) and admin_views.may_review(user)

    def render_component(self, request):
        label = str(self.label)
        if self.count_pending:
            count = admin_views.pending_count(request.user)
            if count:
                label = gettext("%(label)s (%(count)d offen)") % {"label": label, "count": count}
        return LinkMenuItemComponent(
            self.name,
            label,
            reverse(self.url_name),
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


@hooks.register(SUBMENU_HOOK)
def registrations_menu_item():
    return ReviewMenuItem(
        _("Vereinsanmeldungen"),
        f"{admin_views.URL_NAMESPACE}:index",
        count_pending=True,
        name="vereinsanmeldungen",
        icon_name="form",
        order=10,
    )


@hooks.register(SUBMENU_HOOK)
def event_approval_menu_item():
    return ReviewMenuItem(
        _("Freigabe von Veranstaltungen"),
        f"{admin_views.URL_NAMESPACE}:event_approval",
        name="veranstaltungsfreigabe",
        icon_name="tasks",
        order=20,
    )


@hooks.register(SUBMENU_HOOK)
def memberships_menu_item():
    return ReviewMenuItem(
        _("Vereinszugänge"),
        f"{admin_views.URL_NAMESPACE}:memberships",
        name="vereinszugaenge",
        icon_name="user",
        order=30,
    )


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    actions.register_action(
        APPROVE_ACTION, _("Vereinsanmeldung freigegeben"), _("Vereinsanmeldung freigegeben")
    )
    actions.register_action(
        REJECT_ACTION, _("Vereinsanmeldung abgelehnt"), _("Vereinsanmeldung abgelehnt")
    )
