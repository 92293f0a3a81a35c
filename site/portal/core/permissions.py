"""Which towns a user may work on. Wagtail's page permissions are the truth: a user works
on a town when they hold a page permission on its home page or above it."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail.models import GroupPagePermission, Page

from .models import TownSettings


def _permission_paths(user) -> list[str]:
    cache_name = "_redi_permission_paths"
    if not hasattr(user, cache_name):
        paths = list(
            GroupPagePermission.objects.filter(group__user=user)
            .values_list("page__path", flat=True)
            .distinct()
        )
        setattr(user, cache_name, paths)
    return getattr(user, cache_name)


def is_regional(user) -> bool:
    """Superusers and holders of a permission on the tree root see every town."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    root_path = Page.get_first_root_node().path
    return root_path in _permission_paths(user)


def towns_for_user(user) -> QuerySet[TownSettings]:
    """The towns whose pages ``user`` may edit."""
    if not user.is_authenticated or not user.is_active:
        return TownSettings.objects.none()
    if is_regional(user):
        return TownSettings.objects.all()
    paths = _permission_paths(user)
    if not paths:
        return TownSettings.objects.none()
    condition = Q()
    for path in paths:
        # the town's home page lies at or below a page the user holds a permission on,
        # or the permission lies inside the town's tree
        condition |= Q(site__root_page__path__startswith=path)
        condition |= Q(site__root_page__path__in=[path[:i] for i in range(4, len(path), 4)])
    return TownSettings.objects.filter(condition).distinct()


def _root_paths(user, *, include_region: bool) -> list[str]:
    """Tree paths of the home pages of the user's towns (and of the regional site)."""
    towns = towns_for_user(user)
    if include_region:
        towns = TownSettings.objects.filter(Q(pk__in=towns.values("pk")) | Q(is_region=True))
    return list(towns.values_list("site__root_page__path", flat=True))


def visible_pages(user, pages: QuerySet[Page]) -> QuerySet[Page]:
    """Restrict an admin page queryset to the user's towns (and the regional site)."""
    if is_regional(user):
        return pages
    condition = Q(depth=1)
    for path in _root_paths(user, include_region=True):
        condition |= Q(path__startswith=path)
    return pages.filter(condition)


def page_in_scope(user, page: Page, *, include_region: bool = False) -> bool:
    """May ``user`` see ``page`` in the admin at all? (The tree root always.)"""
    if page.depth == 1 or is_regional(user):
        return True
    roots = _root_paths(user, include_region=include_region)
    return any(page.path.startswith(root) for root in roots)


def collection_in_scope(user, collection) -> bool:
    """Is ``collection`` one of the user's towns' media collections (or inside one)?"""
    if is_regional(user):
        return True
    paths = towns_for_user(user).exclude(collection=None).values_list("collection__path", flat=True)
    return any(collection.path.startswith(path) for path in paths)


def staff_site_ids(user, permission: str) -> set[int] | None:
    """The sites whose back-office items ``user`` may work on with ``permission``
    (``"app_label.codename"``); None means every site.

    Staff work for their town: they hold the model permission (through a group) and
    belong to an organisational unit of that town. Superusers work everywhere.
    """
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    if not user.has_perm(permission):
        return set()
    cache_name = "_redi_unit_sites"
    if not hasattr(user, cache_name):
        from .models import OrganisationalUnit

        sites = set(
            OrganisationalUnit.objects.filter(members=user).values_list("site_id", flat=True)
        )
        setattr(user, cache_name, sites)
    return set(getattr(user, cache_name))
