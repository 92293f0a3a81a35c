"""Admin for the shared snippets. Editors see the snippets of the sites they may edit
plus the region-wide ones; editing a region-wide one needs rights on every site."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
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


class TownScopedViewSet(SnippetViewSet):
    chooser_viewset_class = ScopedChooserViewSet

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
