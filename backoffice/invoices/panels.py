"""The Rechnungslauf's panel on the Wagtail admin dashboard: the user's invoices that fall due
or lose Skonto within the next seven days (or are overdue)."""

from __future__ import annotations

from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import access
from .deadlines import DEFAULT_DAYS, deadline_rows

MAX_ROWS = 10


class DeadlinesPanel(Component):
    name = "invoice_deadlines"
    template_name = "invoices/admin/dashboard_panel.html"
    order = 150

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context=None):
        rows = deadline_rows(access.invoices_for(self.user), timezone.localdate(), DEFAULT_DAYS)
        return {"rows": rows[:MAX_ROWS], "count": len(rows), "days": DEFAULT_DAYS}


def construct_homepage_panels(request, panels: list) -> None:
    """Add the panel for those who use the Rechnungslauf."""
    if access.may_use(request.user):
        panels.append(DeadlinesPanel(request.user))
