from __future__ import annotations

from django import template
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """Top-level pages of the current site marked "show in menus" (cached per site)."""
    current = context.get("page")
    items = []
    for item in context.get("site_menu") or []:
        active = current is not None and current.path.startswith(item["path"])
        items.append(
            {**item, "active": active, "current": bool(current and current.pk == item["pk"])}
        )
    return items


@register.simple_tag(takes_context=True)
def site_home(context) -> Page | None:
    site = context.get("current_site")
    return site.root_page if site else None
