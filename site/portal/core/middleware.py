"""Answers 404 when a town editor asks the admin for another town's page, image or
document. Wagtail itself would redirect with "no permission" – which still tells
that the object exists; the portal treats other towns' objects as absent."""

from __future__ import annotations

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpRequest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from blocks.scoping import editable_site_ids, site_lookup

from . import permissions

PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
IMAGE_KWARGS = ("image_id",)
DOCUMENT_KWARGS = ("document_id", "doc_id")


class TownScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not view_kwargs or not request.path.startswith("/admin/"):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or permissions.is_regional(user):
            return None
        match = request.resolver_match
        url_name = match.url_name or "" if match else ""
        namespace = match.namespace if match else ""
        chooser = url_name.startswith("wagtailadmin_choose_page")

        page_ids = [view_kwargs[k] for k in PAGE_KWARGS if k in view_kwargs]
        if namespace == "wagtailadmin_api" and "pk" in view_kwargs:
            page_ids.append(view_kwargs["pk"])
        for page_id in page_ids:
            page = Page.objects.filter(pk=page_id).only("path", "depth").first()
            if page is not None and not permissions.page_in_scope(
                user, page, include_region=chooser
            ):
                raise Http404
        if namespace.startswith("wagtailsnippets_") and "pk" in view_kwargs:
            self._check_snippet(user, namespace, view_kwargs["pk"])
        if "wagtailimages" in namespace:
            for key in IMAGE_KWARGS:
                if key in view_kwargs:
                    self._check_media(user, get_image_model(), view_kwargs[key])
        if "wagtaildocs" in namespace:
            for key in DOCUMENT_KWARGS:
                if key in view_kwargs:
                    self._check_media(user, get_document_model(), view_kwargs[key])
        return None

    @staticmethod
    def _check_snippet(user, namespace: str, pk) -> None:
        """A town-scoped snippet (one with a ``site``) of another town: 404 on every
        admin URL of it (edit, delete, history, usage, revisions …)."""
        try:
            model = apps.get_model(*namespace.removeprefix("wagtailsnippets_").split("_", 1))
        except (LookupError, ValueError):
            return
        lookup = site_lookup(model)
        if lookup is None:
            return
        site_id = (
            model._default_manager.filter(pk=unquote(str(pk)))
            .values_list(lookup, flat=True)
            .first()
        )
        site_ids = editable_site_ids(user)
        if site_id is not None and site_ids is not None and site_id not in site_ids:
            raise Http404

    @staticmethod
    def _check_media(user, model, pk) -> None:
        item = model.objects.filter(pk=pk).select_related("collection").first()
        if item is not None and not permissions.collection_in_scope(user, item.collection):
            raise Http404
