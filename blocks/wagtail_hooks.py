"""Admin for the shared snippets. Editors see the snippets of the sites they may edit
plus the region-wide ones; editing a region-wide one needs rights on every site."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Contact, ReusableContent
from .scoping import TownScopedPermissionPolicy, scoped, site_lookup

for _model in (Contact, ReusableContent):
    register_permission_policy(_model, TownScopedPermissionPolicy(_model))


class ScopedChooseMixin:
    def get_object_list(self):
        return scoped(super().get_object_list(), self.request.user)


class ScopedChooseView(ScopedChooseMixin, ChooseView):
    pass


class ScopedChooseResultsView(ScopedChooseMixin, ChooseResultsView):
    pass


class ScopedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView


class ScopedObjectMixin:
    """Another town's object does not exist for the user: its confirmation, usage,
    history and inspect pages answer 404 too, not only the actions (the model's
    permission policy decides which towns are the user's)."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        in_scope = getattr(self.permission_policy, "_in_scope", None)
        if in_scope is not None:
            in_scope(self.request.user, instance, ["view"])  # raises Http404
        return instance


def scoped_view(view_class):
    """``view_class`` answering 404 for objects outside the user's towns."""
    return type(view_class.__name__, (ScopedObjectMixin, view_class), {})


class TownScopedViewSet(SnippetViewSet):
    chooser_viewset_class = ScopedChooserViewSet
    edit_view_class = scoped_view(snippet_views.EditView)
    copy_view_class = scoped_view(snippet_views.CopyView)
    delete_view_class = scoped_view(snippet_views.DeleteView)
    usage_view_class = scoped_view(snippet_views.UsageView)
    history_view_class = scoped_view(snippet_views.HistoryView)
    inspect_view_class = scoped_view(snippet_views.InspectView)

    def get_queryset(self, request):
        # "site_id" → "site", "unit__site_id" → "unit__site": the town shown in the list
        town = site_lookup(self.model).removesuffix("_id")
        return scoped(self.model._default_manager.select_related(town), request.user)


class ContactViewSet(TownScopedViewSet):
    model = Contact
    icon = "user"
    menu_label = _("Kontakte")
    list_display = ["name", "organisation", "phone", "site"]
    list_filter = ["site"]
    search_fields = ["name", "organisation"]


class ReusableContentViewSet(TownScopedViewSet):
    model = ReusableContent
    icon = "snippet"
    menu_label = _("Wiederverwendbare Inhalte")
    list_display = ["title", "site"]
    list_filter = ["site"]
    search_fields = ["title"]


class SharedContentGroup(SnippetViewSetGroup):
    items = (ContactViewSet, ReusableContentViewSet)
    menu_icon = "snippet"
    menu_label = _("Gemeinsame Inhalte")
    menu_name = "shared-content"


register_snippet(SharedContentGroup)
