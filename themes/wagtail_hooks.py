from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "palette"
    menu_label = _("Designs")
    menu_name = "themes"
    add_to_settings_menu = True
    list_display = ["name", "slug", "primary", "updated_at"]
    search_fields = ["name", "slug"]


register_snippet(ThemeViewSet)
