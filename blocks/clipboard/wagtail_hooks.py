"""Wire the clipboard into the Wagtail admin: URLs and two page header buttons."""

from __future__ import annotations

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import views
from .operations import stream_fields

app_name = "block_clipboard"

urlpatterns = [
    path("pages/<int:page_id>/copy/", views.copy, name="copy"),
    path("pages/<int:page_id>/paste/", views.paste, name="paste"),
    path("pages/<int:page_id>/paste/<int:item_id>/", views.paste, name="paste_item"),
    path("items/<int:item_id>/delete/", views.delete_item, name="delete_item"),
    path("clear/", views.clear, name="clear"),
]


@hooks.register("register_admin_urls")
def register_block_clipboard_urls():
    return [path("block-clipboard/", include((urlpatterns, app_name), namespace=app_name))]


class ClipboardButton(PageMenuItem):
    """Shown on pages with StreamFields that the user may edit."""

    def is_shown(self, user) -> bool:
        page = self.page
        if page.specific_class is None or getattr(page, "alias_of_id", None):
            return False
        return bool(stream_fields(page)) and page.permissions_for_user(user).can_edit()


class CopyBlocksButton(ClipboardButton):
    label = _("Blöcke kopieren")
    icon_name = "copy"
    url_name = "block_clipboard:copy"


class PasteBlockButton(ClipboardButton):
    label = _("Block einfügen")
    icon_name = "clipboard-list"
    url_name = "block_clipboard:paste"


@hooks.register("register_page_header_buttons")
def block_clipboard_header_buttons(page, user, view_name, next_url=None):
    yield CopyBlocksButton(page=page, priority=40)
    yield PasteBlockButton(page=page, priority=41)
