"""Creating a town: its Site, home page, settings, media collection and editor group.

Public surface used by ``redi createtown`` and the demo. Idempotent: calling it again
for an existing slug returns the existing town unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from themes.api import ensure_default_themes
from themes.models import Theme

from .models import TownSettings
from .signals import town_created

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "delete_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "delete_document", "choose_document"],
}
REGIONAL_EDITORS = "Regionale Redaktion"


@dataclass
class TownResult:
    settings: TownSettings
    created: bool


def editors_group_name(name: str) -> str:
    # not translated: the name identifies the group, whatever the admin's language
    return f"Redaktion {name}"


@transaction.atomic
def create_town(
    *,
    slug: str,
    name: str,
    hostname: str,
    port: int = 80,
    legal_name: str | None = None,
    root_page: Page | None = None,
    is_region: bool = False,
    is_default_site: bool = False,
    theme: str | None = None,
    **details: str,
) -> TownResult:
    """Create (or return) the town ``slug``.

    ``root_page`` is the town's home page; if omitted, a HomePage titled ``name`` is
    created under the tree root. ``details`` fill TownSettings fields (street, phone, …).
    """
    existing = TownSettings.objects.filter(slug=slug).select_related("site").first()
    if existing is not None:
        return TownResult(existing, created=False)

    if root_page is None:
        from django.apps import apps

        home_model = apps.get_model("pages", "RegionHomePage" if is_region else "HomePage")
        root_page = home_model(title=name, slug=slug)
        Page.get_first_root_node().add_child(instance=root_page)
        root_page.save_revision().publish()

    site = Site.objects.create(
        hostname=hostname,
        port=port,
        site_name=name,
        root_page=root_page,
        is_default_site=is_default_site,
    )
    collection = Collection.get_first_root_node().add_child(name=name)
    group, _created = Group.objects.get_or_create(name=editors_group_name(name))
    grant_editing(group, root_page, collection)
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(admin_access)

    settings = TownSettings.objects.create(
        site=site,
        slug=slug,
        name=name,
        legal_name=legal_name or name,
        is_region=is_region,
        theme=_theme(theme or slug),
        collection=collection,
        editors_group=group,
        **details,
    )
    transaction.on_commit(lambda: town_created.send(sender=TownSettings, settings=settings))
    return TownResult(settings, created=True)


def _theme(slug: str) -> Theme:
    ensure_default_themes()
    return Theme.objects.filter(slug=slug).first() or Theme.objects.get(slug="region")


def grant_editing(group: Group, page: Page, collection: Collection) -> None:
    """Give ``group`` full editing rights on a page subtree and a media collection."""
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    for app_label, codenames in MEDIA_PERMISSIONS.items():
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


def ensure_regional_editors() -> Group:
    """The group that may edit every town and the regional site."""
    group, _created = Group.objects.get_or_create(name=REGIONAL_EDITORS)
    grant_editing(group, Page.get_first_root_node(), Collection.get_first_root_node())
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group
