from __future__ import annotations

from django import template

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
