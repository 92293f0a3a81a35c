"""Admin registration of the staff's appointment views under /admin/termine/ and the menu
item "Termine" (imported by services/wagtail_hooks.py)."""

from __future__ import annotations

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from ..roles import CASE_PERMISSION
from . import admin_views as views


class AppointmentMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(CASE_PERMISSION)


class AppointmentViewSet(ViewSet):
    name = views.URL_NAMESPACE
    icon = "date"
    menu_label = _("Termine")
    menu_name = "termine"
    menu_order = 160
    add_to_admin_menu = True

    @cached_property
    def menu_item_class(self):
        return AppointmentMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.OfficeIndexView.as_view(), name="index"),
            path("<int:office_id>/tag/", views.DayView.as_view(), name="today"),
            path("<int:office_id>/tag/<str:day>/", views.DayView.as_view(), name="day"),
            path("<int:office_id>/woche/<str:day>/", views.WeekView.as_view(), name="week"),
            path("<int:office_id>/markieren/", views.MarkView.as_view(), name="mark"),
            path("<int:office_id>/sperren/", views.BlockView.as_view(), name="blocks"),
            path(
                "<int:office_id>/sperren/aufheben/",
                views.BlockDeleteView.as_view(),
                name="block_delete",
            ),
            path("<int:office_id>/telefon/", views.PhoneBookingView.as_view(), name="phone"),
            path("<int:office_id>/wartenummern/", views.TicketView.as_view(), name="tickets"),
            path("<int:office_id>/statistik/", views.StatisticsView.as_view(), name="statistics"),
        ]


@hooks.register("register_admin_viewset")
def register_appointments() -> AppointmentViewSet:
    return AppointmentViewSet()
