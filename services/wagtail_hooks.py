"""Admin: the regional catalogue (Leistungen, Lebenslagen), application forms and the
case inbox."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from blocks.scoping import TownScopedPermissionPolicy
from blocks.wagtail_hooks import TownScopedViewSet

from .appointments import hooks as _appointment_hooks  # noqa: F401
from .inbox import hooks as _inbox_hooks  # noqa: F401 – registers the inbox
from .models import ApplicationForm, BookableOffice, Lebenslage, Leistung

register_permission_policy(ApplicationForm, TownScopedPermissionPolicy(ApplicationForm))


class LeistungViewSet(SnippetViewSet):
    model = Leistung
    icon = "doc-full"
    menu_label = _("Leistungen (regional)")
    list_display = ["name", "leika_key", "live"]
    list_filter = ["lebenslagen"]
    search_fields = ["name", "synonyms"]


class LebenslageViewSet(SnippetViewSet):
    model = Lebenslage
    icon = "group"
    menu_label = _("Lebenslagen")
    list_display = ["name", "sort_order"]


class ApplicationFormViewSet(TownScopedViewSet):
    model = ApplicationForm
    icon = "form"
    menu_label = _("Antragsformulare")
    list_display = ["title", "site"]
    list_filter = ["site"]
    search_fields = ["title"]


class BookableOfficeViewSet(TownScopedViewSet):
    """Offices taking appointments (scoped through ``BookableOffice.site_lookup``)."""

    model = BookableOffice
    icon = "date"
    menu_label = _("Terminstellen")
    list_display = ["unit", "enabled", "horizon_days"]


class CatalogueGroup(SnippetViewSetGroup):
    items = (LeistungViewSet, LebenslageViewSet, ApplicationFormViewSet, BookableOfficeViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Bürgerservice")
    menu_name = "buergerservice"


register_snippet(CatalogueGroup)
