from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.core import views as core_views
from vereinsportal.calendar.feeds import ICS_PATH_PATTERN, serve_ics

# django-filer is where the E-Akte keeps its files, not a second way into them: its own
# admin would show and take files past the E-Akte's clearances, audit trail, retention
# and upload checks (ASVS V5, V8). The E-Akte's views are the only way in.
for _model in apps.get_app_config("filer").get_models():
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("theme/", include("themes.urls")),
    path("api/v2/", include("portal.api.urls")),
    # Sensorik: SensorThings API, device intake, live values for the widgets
    path("sta/v1.1/", include("sensor_widgets.sta.urls")),
    path("sensorik/api/", include("sensor_widgets.intake.urls")),
    path("rechnungen/api/", include("backoffice.invoices.api")),
    path("sensorik/", include("sensor_widgets.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    urlpatterns += [path("404/", TemplateView.as_view(template_name="404.html"))]

# Pages and search: German without prefix, the other languages under /en/, /tr/, …
urlpatterns += i18n_patterns(
    path("", include("portal.search.urls")),
    path("vorgang/", include("services.urls")),
    path("termine/", include("services.appointments.urls")),
    path("aufruf/", include("services.appointments.display_urls")),
    path("verein/", include("vereinsportal.urls")),
    # iCalendar feeds of calendar, club and event pages (Wagtail's page URLs allow no dot)
    re_path(ICS_PATH_PATTERN, serve_ics, name="vereinsportal_ics"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "portal.core.views.bad_request"
handler500 = "portal.core.views.server_error"
