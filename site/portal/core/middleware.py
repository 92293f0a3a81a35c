"""Answers 404 when a town editor asks the admin for another town's page, image,
document or collection. Wagtail itself would redirect with "no permission" – which still tells
that the object exists; the portal treats other towns' objects as absent."""

from __future__ import annotations

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpRequest
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from blocks.scoping import editable_site_ids, site_lookup

from . import permissions

PAGE_KWARGS = ("page_id", "page_pk", "parent_page_id", "page_to_move_id", "destination_id")
IMAGE_KWARGS = ("image_id",)
DOCUMENT_KWARGS = ("document_id", "doc_id")
COLLECTION_KWARGS = ("pk", "collection_id")
# URL namespaces whose ``pk`` is a page, an image, a document (the admin API's detail
# views; the revisions comparison names its page ``pk``)
PAGE_PK_NAMESPACES = ("wagtailadmin_api", "wagtailadmin_api:pages", "wagtailadmin_pages")
IMAGE_PK_NAMESPACES = ("wagtailadmin_api:images", "wagtailimages_chooser")
DOCUMENT_PK_NAMESPACES = ("wagtailadmin_api:documents", "wagtaildocs_chooser")
SNIPPET_NAMESPACES = ("wagtailsnippets_", "wagtailsnippetchoosers_")


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
        if namespace in PAGE_PK_NAMESPACES and "pk" in view_kwargs:
            page_ids.append(view_kwargs["pk"])
        for page_id in page_ids:
            page = Page.objects.filter(pk=page_id).only("path", "depth").first()
            if page is not None and not permissions.page_in_scope(
                user, page, include_region=chooser
            ):
                raise Http404
        if namespace.startswith(SNIPPET_NAMESPACES) and "pk" in view_kwargs:
            self._check_snippet(user, namespace, view_kwargs["pk"])
        if "wagtailimages" in namespace:
            for key in IMAGE_KWARGS:
                if key in view_kwargs:
                    self._check_media(user, get_image_model(), view_kwargs[key])
        if "wagtaildocs" in namespace:
            for key in DOCUMENT_KWARGS:
                if key in view_kwargs:
                    self._check_media(user, get_document_model(), view_kwargs[key])
        if namespace in IMAGE_PK_NAMESPACES and "pk" in view_kwargs:
            self._check_media(user, get_image_model(), view_kwargs["pk"])
        if namespace in DOCUMENT_PK_NAMESPACES and "pk" in view_kwargs:
            self._check_media(user, get_document_model(), view_kwargs["pk"])
        if namespace == "wagtailredirects" and "redirect_id" in view_kwargs:
            self._check_redirect(user, view_kwargs["redirect_id"])
        if namespace == "wagtailsettings" and "pk" in view_kwargs:
            self._check_site_setting(user, view_kwargs)
        if namespace == "wagtailadmin_collections":
            for key in COLLECTION_KWARGS:
                if key in view_kwargs:
                    self._check_collection(user, view_kwargs[key])
        return None

    @staticmethod
    def _check_snippet(user, namespace: str, pk) -> None:
        """A town-scoped snippet (one with a ``site``) of another town: 404 on every
        admin URL of it (edit, delete, history, usage, revisions …)."""
        try:
            name = namespace.removeprefix("wagtailsnippets_").removeprefix(
                "wagtailsnippetchoosers_"
            )
            model = apps.get_model(*name.split("_", 1))
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
    def _check_redirect(user, pk) -> None:
        """A redirect of another town's site (one for every site is region-wide)."""
        site_id = Redirect.objects.filter(pk=pk).values_list("site_id", flat=True).first()
        if site_id is None:
            return
        if site_id not in set(permissions.towns_for_user(user).values_list("site_id", flat=True)):
            raise Http404

    @staticmethod
    def _check_site_setting(user, view_kwargs) -> None:
        """A town's settings (``pk`` is the town's site): another town's → 404."""
        try:
            model = apps.get_model(view_kwargs["app_name"], view_kwargs["model_name"])
        except (KeyError, LookupError):
            return
        if not issubclass(model, BaseSiteSetting):
            return
        site_ids = set(permissions.towns_for_user(user).values_list("site_id", flat=True))
        if int(view_kwargs["pk"]) not in site_ids:
            raise Http404

    @staticmethod
    def _check_collection(user, pk) -> None:
        collection = Collection.objects.filter(pk=pk).first()
        if collection is not None and not permissions.collection_in_scope(user, collection):
            raise Http404

    @staticmethod
    def _check_media(user, model, pk) -> None:
        item = model.objects.filter(pk=pk).select_related("collection").first()
        if item is not None and not permissions.collection_in_scope(user, item.collection):
            raise Http404
