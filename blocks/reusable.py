"""Places a shared snippet: edited once, shown on many pages (per town or region-wide)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .prefetch import PrefetchedSnippetChooserBlock as SnippetChooserBlock


def reusable_preview():
    from .models import ReusableContent

    return {"content": ReusableContent.objects.filter(live=True).order_by("pk").first()}


class ReusableContentBlock(blocks.StructBlock):
    content = SnippetChooserBlock("blocks.ReusableContent", label=_("Inhalt"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        snippet = value.get("content")
        page = (parent_context or {}).get("page")
        visible = snippet is not None and snippet.live
        if visible and snippet.site_id and page is not None:
            site = page.get_site()
            visible = site is not None and site.pk == snippet.site_id
        context["snippet"] = snippet if visible else None
        return context

    def get_api_representation(self, value, context=None):
        snippet = value.get("content")
        if snippet is None or not snippet.live:
            return None
        request = (context or {}).get("request")
        if snippet.site_id and request is not None:
            from wagtail.models import Site

            site = Site.find_for_request(request)
            if site is None or site.pk != snippet.site_id:
                return None  # another town's snippet: never shown outside that town
        return {
            "id": snippet.pk,
            "title": snippet.title,
            "body": snippet.body.stream_block.get_api_representation(snippet.body, context),
        }

    class Meta:
        icon = "snippet"
        label = _("Wiederverwendbarer Inhalt")
        template = "blocks/reusable_content.html"
        preview_value = staticmethod(reusable_preview)
        description = _("Fügt einen gemeinsamen Baustein ein, der an einer Stelle gepflegt wird.")
