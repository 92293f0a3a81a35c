"""Routes of the application flow below a town service page (``<service>/antrag/…``)."""

from __future__ import annotations

from wagtail.contrib.routable_page.models import RoutablePageMixin


class ApplicationRoutesMixin(RoutablePageMixin):
    pass
