"""The endpoints: Wagtail API v2's pages, images and documents, scoped to one town.

Wagtail's own viewsets answer for every site of the installation; these narrow them to
the scope of the request (``scope.py``), replace Wagtail's host-name ``site`` filter by
the town slug, and answer bad input with 400 and a message instead of 404 or 500.
"""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework.exceptions import APIException
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2 import views as wagtail_views
from wagtail.api.v2.utils import BadRequestError
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.fields import StreamField
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import Locale, Page

from . import scope as scopes

MAX_ID = 2**63 - 1


def parse_id(value: str, name: str = "id") -> int:
    """A database id from a query or path parameter, or a 400."""
    if not value.isascii() or not value.isdigit() or int(value) > MAX_ID:
        raise BadRequestError(f"{name} must be a positive integer, not '{value[:40]}'")
    return int(value)


class LocaleFilter(wagtail_filters.LocaleFilter):
    """``?locale=en``: 400 for a language the portal does not publish (Wagtail: 404)."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        code = request.GET["locale"]
        languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        if code not in languages:
            raise BadRequestError(
                f"locale: unknown language '{code[:20]}'; use one of: {', '.join(languages)}"
            )
        locale = Locale.objects.filter(language_code=code).first()
        filtered_by_child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale=locale) if locale else queryset.none()
        if filtered_by_child_of:
            queryset._filtered_by_child_of = filtered_by_child_of
        return queryset


class SearchFilter(wagtail_filters.SearchFilter):
    """``?search=``: 400 for what the search backends cannot take (Wagtail: 500)."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in {"and", "or"}:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


def replace_filters(backends: list) -> list:
    """Wagtail's filter backends with ours in their places."""
    ours = {wagtail_filters.LocaleFilter: LocaleFilter, wagtail_filters.SearchFilter: SearchFilter}
    return [ours.get(backend, backend) for backend in backends]


class ScopedMixin:
    """What the three endpoints share: the scope and uniform JSON errors."""

    request: HttpRequest

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, value in request.GET.items():
            if "\x00" in name or "\x00" in value:
                # PostgreSQL cannot even compare them
                raise BadRequestError(f"{name!r}: null characters are not allowed")
        if "offset" in request.GET:  # beyond 64 bits SQLite answers "datatype mismatch"
            parse_id(request.GET["offset"], "offset")
        if "id" in request.GET and parse_id(request.GET["id"]) < 1:  # as the description says
            raise BadRequestError(f"id must be a positive integer, not '{request.GET['id'][:40]}'")

    @cached_property
    def scope(self) -> scopes.Scope:
        return scopes.resolve(self.request)

    def handle_exception(self, exc):
        if isinstance(exc, ValidationError):
            exc = BadRequestError("; ".join(exc.messages))
        elif isinstance(exc, Http404):
            exc = Http404("not found")  # the same for "not there" and "another town's"
        response = super().handle_exception(exc)
        if isinstance(exc, APIException) and isinstance(response.data, dict):
            # DRF's errors (405, 406, …) carry "detail"; Wagtail's own carry "message"
            detail = response.data.pop("detail", None)
            if detail is not None:
                response.data["message"] = str(detail)
        return response

    def find_object(self, queryset, request):
        if "id" in request.GET:
            return queryset.filter(id=parse_id(request.GET["id"])).first()
        return None

    def detail_view(self, request, pk):
        if pk > MAX_ID:
            raise Http404("not found")
        return super().detail_view(request, pk)


class PagesAPIViewSet(ScopedMixin, wagtail_views.PagesAPIViewSet):
    filter_backends = replace_filters(wagtail_views.PagesAPIViewSet.filter_backends)

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if not db_fields_only:
            return fields
        # neither filter nor order by a whole stream of blocks
        streams = {f.name for f in model._meta.get_fields() if isinstance(f, StreamField)}
        return [name for name in fields if name not in streams]

    def get_base_queryset(self) -> QuerySet[Page]:
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = self.scope.pages(self.request)
        return self._base_queryset

    def get_root_page(self) -> Page:
        site = self.scope.home_site
        if site is None:
            raise BadRequestError("no site is configured")
        return site.root_page

    def find_object(self, queryset, request):
        site = self.scope.home_site
        if "html_path" in request.GET and site is not None:
            components = [part for part in request.GET["html_path"].split("/") if part]
            try:
                page, _args, _kwargs = site.root_page.specific.route(request, components)
            except Http404:
                return None
            return page if queryset.filter(id=page.id).exists() else None
        return super().find_object(queryset, request)


class ImagesAPIViewSet(ScopedMixin, WagtailImagesAPIViewSet):
    filter_backends = replace_filters(WagtailImagesAPIViewSet.filter_backends)
    known_query_parameters = WagtailImagesAPIViewSet.known_query_parameters | {"site"}

    def get_queryset(self):
        return super().get_queryset().filter(self.scope.media())


class DocumentsAPIViewSet(ScopedMixin, WagtailDocumentsAPIViewSet):
    filter_backends = replace_filters(WagtailDocumentsAPIViewSet.filter_backends)
    known_query_parameters = WagtailDocumentsAPIViewSet.known_query_parameters | {"site"}

    def get_queryset(self):
        return super().get_queryset().filter(self.scope.media())


def invalid_id(request: HttpRequest, endpoint: str, pk: str) -> JsonResponse:
    """``/api/v2/pages/abc/``: Wagtail's routes only take digits; say what is wrong."""
    return JsonResponse({"message": f"id must be a positive integer, not '{pk[:40]}'"}, status=400)


def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    return JsonResponse({"message": "no such endpoint; see /api/v2/openapi.json"}, status=404)
