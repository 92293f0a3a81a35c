"""Town-scoped snippets in the admin: a snippet with a ``site`` belongs to that town,
one without is region-wide.

Editors list and choose the snippets of the sites they may edit plus the region-wide
ones; another town's snippet is absent for them (404 on every admin URL of it), and a
region-wide one they may read but only editors of every site may change.
"""

from __future__ import annotations

from django.http import Http404
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy


def editable_site_ids(user) -> list[int] | None:
    """Sites whose home page ``user`` may edit; None means all (superusers)."""
    if user.is_superuser:
        return None
    cache_name = "_redi_editable_site_ids"
    if not hasattr(user, cache_name):
        setattr(
            user,
            cache_name,
            [
                site.pk
                for site in Site.objects.select_related("root_page")
                if site.root_page.permissions_for_user(user).can_edit()
            ],
        )
    return getattr(user, cache_name)


def site_lookup(model) -> str | None:
    """How to reach the town of ``model``'s objects: its ``site`` field, or the lookup
    a model names in ``site_lookup`` (e.g. ``"unit__site_id"``); None if unscoped."""
    lookup = getattr(model, "site_lookup", None)
    if lookup is None and any(field.name == "site" for field in model._meta.get_fields()):
        lookup = "site_id"
    return lookup


def scoped(queryset, user):
    """Snippets of the sites ``user`` may edit, plus the region-wide ones."""
    site_ids = editable_site_ids(user)
    lookup = site_lookup(queryset.model)
    if site_ids is None or lookup is None:
        return queryset
    return queryset.filter(**{f"{lookup}__in": site_ids}) | queryset.filter(
        **{lookup.removesuffix("_id"): None}
    )


def edits_every_site(user) -> bool:
    site_ids = editable_site_ids(user)
    return site_ids is None or set(site_ids) >= set(Site.objects.values_list("pk", flat=True))


class TownScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the user's towns per instance."""

    def _in_scope(self, user, instance, actions) -> bool:
        site_id = getattr(instance, "site_id", None)
        site_ids = editable_site_ids(user)
        if site_ids is None:
            return True
        if site_id is None:  # region-wide: everybody reads, region editors change
            return set(actions) <= {"view", "choose"} or edits_every_site(user)
        if site_id not in site_ids:
            raise Http404  # another town's object does not exist for this user
        return True

    def user_has_permission_for_instance(self, user, action, instance):
        return self._in_scope(
            user, instance, [action]
        ) and super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        allowed = [action for action in actions if self._in_scope(user, instance, [action])]
        return bool(allowed) and super().user_has_any_permission_for_instance(
            user, allowed, instance
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return scoped(super().instances_user_has_any_permission_for(user, actions), user)
