"""The inbox as a Wagtail viewset: its URLs under /admin/vorgaenge/ and its menu item."""

from __future__ import annotations

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.viewsets.base import ViewSet

from ..roles import CASE_PERMISSION
from . import views
from .access import cases_for


class CaseMenuItem(MenuItem):
    """ "Vorgänge", with the number of open cases, for those who work on cases."""

    def is_shown(self, request) -> bool:
        return request.user.has_perm(CASE_PERMISSION)

    def render_component(self, request):
        count = cases_for(request.user).open().count()
        label = str(self.label)
        if count:
            label = gettext("%(label)s (%(count)d offen)") % {"label": label, "count": count}
        return LinkMenuItem(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class CaseInboxViewSet(ViewSet):
    name = views.URL_NAMESPACE
    icon = "tasks"
    menu_label = _("Vorgänge")
    menu_name = "vorgaenge"
    menu_order = 150
    add_to_admin_menu = True

    @cached_property
    def menu_item_class(self):
        return CaseMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.CaseIndexView.as_view(), name="index"),
            path(
                "ergebnisse/",
                views.CaseIndexView.as_view(results_only=True),
                name="index_results",
            ),
            path("<int:pk>/", views.CaseDetailView.as_view(), name="detail"),
            path("<int:pk>/zuweisen/", views.AssignView.as_view(), name="assign"),
            path("<int:pk>/status/", views.StatusView.as_view(), name="status"),
            path("<int:pk>/notiz/", views.NoteView.as_view(), name="note"),
            path("<int:pk>/nachricht/", views.MessageView.as_view(), name="message"),
            path("<int:pk>/e-akte/", views.FileIntoAkteView.as_view(), name="file"),
            path(
                "<int:pk>/dateien/<int:file_pk>/",
                views.DownloadView.as_view(),
                name="download",
            ),
            path("<int:pk>/export.pdf", views.PDFExportView.as_view(), name="export_pdf"),
            path("<int:pk>/export.json", views.JSONExportView.as_view(), name="export_json"),
        ]
