"""/api/v2/openapi.json: a valid OpenAPI 3.1 description of every route and parameter."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from wagtail.models import Page

from portal.api import urls as api_urls
from portal.api import views
from tests.portal.api.conftest import get_json

pytestmark = pytest.mark.django_db

ERROR_ROUTES = {views.invalid_id, views.not_found}  # answer errors, are no endpoints
NOT_DOCUMENTED = {"_", "format"}  # jQuery's cache buster, DRF's renderer switch


def routes(patterns, prefix: str = "/api/v2/") -> set[str]:
    """The API's URL patterns as OpenAPI path templates."""
    found = set()
    for pattern in patterns:
        route = str(pattern.pattern).lstrip("^").replace("<int:pk>", "{id}")
        if isinstance(pattern, URLResolver):
            found |= routes(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern) and pattern.callback not in ERROR_ROUTES:
            found.add(prefix + route)
    return found


def parameter_names(spec: dict, path: str) -> set[str]:
    names = set()
    for parameter in spec["paths"][path]["get"]["parameters"]:
        if "$ref" in parameter:
            parameter = spec["components"]["parameters"][parameter["$ref"].rsplit("/", 1)[1]]
        names.add(parameter["name"])
    return names


@pytest.fixture
def spec(site_client) -> dict:
    return get_json(site_client("bruchsal"), "/openapi.json")


def test_description_is_valid_openapi_3_1(spec):
    validate(spec)

    assert spec["openapi"].startswith("3.1")
    assert spec["servers"] == [{"url": "http://bruchsal.localhost:8000", "description": "Bruchsal"}]
    assert "site=all" in spec["info"]["description"]


def test_each_address_names_itself_as_server(site_client):
    spec = get_json(site_client(None), "/openapi.json")

    assert spec["servers"][0]["url"] == "http://localhost:8000"


def test_every_route_is_described(spec):
    described = set(spec["paths"])

    assert routes(api_urls.urlpatterns) == described
    assert len(described) == 10  # three per endpoint and this description


@pytest.mark.parametrize(
    ("endpoint", "viewset", "model"),
    [
        ("pages", views.PagesAPIViewSet, Page),
        ("images", views.ImagesAPIViewSet, views.ImagesAPIViewSet.model),
        ("documents", views.DocumentsAPIViewSet, views.DocumentsAPIViewSet.model),
    ],
)
def test_every_query_parameter_is_described(spec, endpoint, viewset, model):
    accepted = set(viewset.known_query_parameters) - NOT_DOCUMENTED
    accepted |= set(viewset.get_available_fields(model, db_fields_only=True)) - {"locale"}

    assert accepted <= parameter_names(spec, f"/api/v2/{endpoint}/")
    assert {"id", "site"} <= parameter_names(spec, f"/api/v2/{endpoint}/find/")
    assert {"id", "site", "fields"} <= parameter_names(spec, f"/api/v2/{endpoint}/{{id}}/")


def test_page_type_fields_are_described(spec):
    from portal.pages.models import ContentPage

    fields = set(views.PagesAPIViewSet.get_available_fields(ContentPage, db_fields_only=True))
    assert fields - {"locale"} <= parameter_names(spec, "/api/v2/pages/")
    assert "html_path" in parameter_names(spec, "/api/v2/pages/find/")


def validator(spec: dict, schema: str) -> OAS31Validator:
    resource = Resource(contents=spec, specification=DRAFT202012)
    registry = Registry().with_resource("urn:redi-api", resource)
    return OAS31Validator({"$ref": f"urn:redi-api#/components/schemas/{schema}"}, registry=registry)


@pytest.mark.parametrize(
    ("path", "params", "schema"),
    [
        ("/pages/", {}, "PageListing"),
        ("/pages/", {"type": "pages.ContentPage", "fields": "*"}, "PageListing"),
        ("/images/", {}, "ImageListing"),
        ("/documents/", {}, "DocumentListing"),
        ("/pages/", {"limit": "51"}, "Error"),
    ],
)
def test_answers_match_the_described_schemas(site_client, spec, path, params, schema):
    status = 400 if schema == "Error" else 200
    data = get_json(site_client("bruchsal"), path, status=status, **params)

    validator(spec, schema).validate(data)
    assert not validator(spec, schema).is_valid({"items": "none"})  # the schema does check


def test_page_detail_matches_its_schema_and_block_types_are_listed(site_client, spec):
    client = site_client("bruchsal")
    found = client.get("/api/v2/pages/find/", {"html_path": "/rathaus-service/auf-einen-blick/"})
    page = client.get(found["Location"]).json()

    validator(spec, "PageDetail").validate(page)
    block_types = set(spec["components"]["schemas"]["Block"]["properties"]["type"]["enum"])
    assert {block["type"] for block in page["body"]} <= block_types
    for kind, listing in [("images", "ImageDetail"), ("documents", "DocumentDetail")]:
        first = get_json(client, f"/{kind}/")["items"][0]
        validator(spec, listing).validate(get_json(client, f"/{kind}/{first['id']}/"))


def test_description_documents_the_limit_in_force(spec, settings):
    limit = spec["components"]["parameters"]["limit"]

    assert limit["schema"]["maximum"] == settings.WAGTAILAPI_LIMIT_MAX == 50
    assert re.search(r"\b50\b", limit["description"])
