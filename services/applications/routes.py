"""Routes of the application flow below a town service page (``<service>/antrag/…``).

The views live in ``views.py`` (imported on use: this module is imported by the page
model itself)."""

from __future__ import annotations

from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class ApplicationRoutesMixin(RoutablePageMixin):
    @path("antrag/", name="application_start")
    def application_start(self, request):
        from . import views

        return views.start(request, self)

    @path("antrag/schritt/<int:step>/", name="application_step")
    def application_step(self, request, step: int):
        from . import views

        return views.step(request, self, step)

    @path("antrag/pruefen/", name="application_review")
    def application_review(self, request):
        from . import views

        return views.review(request, self)

    @path("antrag/speichern/", name="application_save")
    def application_save(self, request):
        from . import views

        return views.save(request, self)

    @path("antrag/fortsetzen/<str:token>/", name="application_resume")
    def application_resume(self, request, token: str):
        from . import views

        return views.resume(request, self, token)

    @path("antrag/eingegangen/", name="application_done")
    def application_done(self, request):
        from . import views

        return views.done(request, self)
