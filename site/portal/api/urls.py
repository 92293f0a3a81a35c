"""``/api/v2/``: pages, images, documents (Wagtail API v2) and the OpenAPI description.

Mounted by ``portal.urls`` without a language prefix. Anything else under ``/api/v2/``
answers JSON too: 400 for a non-numeric id, 404 for an unknown path.
"""

from __future__ import annotations

from django.urls import path, re_path
from wagtail.api.v2.router import WagtailAPIRouter

from . import openapi, views

app_name = "wagtailapi"  # the router reverses its URLs in this namespace
router = WagtailAPIRouter(app_name)
router.register_endpoint("pages", views.PagesAPIViewSet)
router.register_endpoint("images", views.ImagesAPIViewSet)
router.register_endpoint("documents", views.DocumentsAPIViewSet)

urlpatterns = [
    path("openapi.json", openapi.openapi_json, name="openapi"),
    *router.get_urlpatterns(),
    re_path(r"^(?P<endpoint>pages|images|documents)/(?P<pk>[^/]+)/$", views.invalid_id),
    re_path(r"^(?P<rest>.*/)?$", views.not_found),
]
