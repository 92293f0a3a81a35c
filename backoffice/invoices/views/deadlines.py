"""The deadline dashboard: open invoices of the user whose Skonto is lost or which fall due
within the next days (or are overdue), the earliest deadline first."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import access
from ..deadlines import DEFAULT_DAYS, deadline_rows

DAY_CHOICES = (3, 7, 14, 30)


class DeadlinesView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "invoices/admin/deadlines.html"
    page_title = gettext_lazy("Fristen")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not access.may_use(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("invoices:index"), "label": _("Rechnungen")},
            {"url": "", "label": _("Fristen")},
        ]

    def days(self) -> int:
        try:
            days = int(self.request.GET.get("tage", DEFAULT_DAYS))
        except (TypeError, ValueError):
            return DEFAULT_DAYS
        return days if days in DAY_CHOICES else DEFAULT_DAYS

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        days = self.days()
        rows = deadline_rows(access.invoices_for(self.request.user), today, days)
        context.update(
            {
                "rows": rows,
                "days": days,
                "day_choices": DAY_CHOICES,
                "today": today,
                "skonto_at_stake": sum(
                    (row.skonto_amount for row in rows if row.loses_skonto and row.skonto_amount),
                    start=0,
                ),
            }
        )
        return context


urlpatterns = [path("fristen/", DeadlinesView.as_view(), name="deadlines")]
