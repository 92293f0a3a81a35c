from __future__ import annotations

from django import template
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """Top-level pages of the current site marked "show in menus"."""
    site = context.get("current_site")
    if site is None:
        return []
    current = context.get("page")
    items = []
    for item in site.root_page.get_children().live().public().in_menu():
        active = current is not None and (
            current.pk == item.pk or current.path.startswith(item.path)
        )
        items.append({"page": item, "url": item.get_url(context.get("request")), "active": active})
    return items


@register.simple_tag(takes_context=True)
def site_home(context) -> Page | None:
    site = context.get("current_site")
    return site.root_page if site else None
