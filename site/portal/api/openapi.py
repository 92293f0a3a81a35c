"""The OpenAPI 3.1 description of the headless API, written by hand.

``build(request)`` returns it as a dict; ``/api/v2/openapi.json`` serves it with the
address that was asked as its server. The tests validate it and check that it names
every route and every query parameter the endpoints accept.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from wagtail.models import Site

from portal.pages.streams import page_stream

API = "/api/v2"

DESCRIPTION = """\
Read-only JSON API of the re@di Portal (Wagtail API v2) for pages, images and documents.

**Scoping.** Every town's address (e.g. `http://bruchsal.localhost:8000`) answers for
that town only: its live, public pages (every language tree of its site) and the images
and documents of its media collection. Anything of another town answers 404 – listings
never contain it, detail views and `find` do not find it.

The regional address (and any address the portal does not know) answers for the
regional site: its pages, the regional media collection and the root collection. Only
there the parameter `site` widens the scope: `site=all` covers every site of the
installation, `site=<slug>` (e.g. `site=rastatt`) one town.

**Errors.** Bad input (unknown parameter, field, type, locale or site, a non-numeric id,
`limit` above its maximum, …) answers 400 with `{"message": "…"}`; an object outside
the scope or not there answers 404 with the same shape.

**CORS.** Browsers may call the API from the origins listed in the server's
`CORS_ALLOWED_ORIGINS` (none by default); only `GET`, `HEAD` and `OPTIONS`.
"""


def _param(name: str, description: str, schema: dict | None = None, **extra) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
        **extra,
    }


def _ref(kind: str, name: str) -> dict:
    return {"$ref": f"#/components/{kind}/{name}"}


def _parameters() -> dict:
    page_id = {"type": "integer", "minimum": 1}
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    return {
        "id": {
            "name": "id",
            "in": "path",
            "required": True,
            "description": "The object's id.",
            "schema": page_id,
        },
        "site": _param(
            "site",
            "Regional address only: `all` for every site, or one town's slug. A town's "
            "address accepts only its own slug. Without it: the site of the address asked.",
            examples={"all": {"value": "all"}, "town": {"value": "bruchsal"}},
        ),
        "limit": _param(
            "limit",
            f"Items per answer (at most {limit_max}; a larger value answers 400).",
            {"type": "integer", "minimum": 0, "maximum": limit_max, "default": 20},
        ),
        "offset": _param(
            "offset", "Items to skip.", {"type": "integer", "minimum": 0, "default": 0}
        ),
        "fields": _param(
            "fields",
            "Fields to include, comma-separated: `*` all, `_` none, `-name` leaves one "
            "out, `name(sub,…)` for related objects. Body fields of a page type (`body`, "
            "`intro`, …) need `type` in listings.",
            examples={"body": {"value": "body,intro"}, "all": {"value": "*"}},
        ),
        "order": _param(
            "order",
            "Field to order by; `-field` descending, `random` random (not with `offset`).",
            examples={"newest": {"value": "-first_published_at"}},
        ),
        "search": _param("search", "Full-text search (ordered by relevance without `order`)."),
        "search_operator": _param(
            "search_operator",
            "How search terms combine.",
            {"type": "string", "enum": ["and", "or"], "default": "or"},
        ),
        "rich_text_format": _param(
            "rich_text_format",
            "Form of rich text (also in blocks): `html` with public links (default), "
            "`db_html` as stored, `markdown`, `db_markdown`.",
            {"type": "string", "enum": ["html", "db_html", "markdown", "db_markdown"]},
        ),
        "type": _param(
            "type",
            "Page types `app_label.ModelName`, comma-separated; exactly one type makes its "
            "own fields available to `fields`, filters and `order`.",
            examples={"content": {"value": "pages.ContentPage"}},
        ),
        "locale": _param(
            "locale",
            "Language of the pages.",
            {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
        ),
        "child_of": _param("child_of", "Children of a page id (or `root`: the site's home)."),
        "descendant_of": _param(
            "descendant_of", "Descendants of a page id (or `root`); not with `child_of`."
        ),
        "ancestor_of": _param("ancestor_of", "Ancestors of a page id.", page_id),
        "translation_of": _param("translation_of", "Translations of a page id (or `root`)."),
        "html_path": _param(
            "html_path", "Path of a page on its site, e.g. `/rathaus-service/auf-einen-blick/`."
        ),
        "find_id": _param("id", "Id of the object.", page_id),
    }


def _filter(name: str, description: str, schema: dict | None = None) -> dict:
    return _param(name, f"Exact-match filter: {description}", schema)


PAGE_FILTERS = [
    _filter("id", "page id.", {"type": "integer", "minimum": 1}),
    _filter("title", "title."),
    _filter("slug", "slug (last part of the address)."),
    _filter("show_in_menus", "shown in menus.", {"type": "boolean"}),
    _filter("seo_title", "title for search engines."),
    _filter("search_description", "description for search engines."),
    _filter("first_published_at", "first publication.", {"type": "string", "format": "date-time"}),
    _filter("alias_of", "id of the page this one is an alias of.", {"type": "integer"}),
    _filter("intro", "introduction (with `type` of a page type that has one)."),
    _filter("social_image", "id of the social media image (with `type`).", {"type": "integer"}),
]
IMAGE_FILTERS = [
    _filter("id", "image id.", {"type": "integer", "minimum": 1}),
    _filter("title", "title."),
    _filter("width", "width in pixels.", {"type": "integer"}),
    _filter("height", "height in pixels.", {"type": "integer"}),
    _filter("tags", "tag names, comma-separated (all must match)."),
]
DOCUMENT_FILTERS = [
    _filter("id", "document id.", {"type": "integer", "minimum": 1}),
    _filter("title", "title."),
    _filter("tags", "tag names, comma-separated (all must match)."),
]
COMMON_LISTING = [
    "site",
    "limit",
    "offset",
    "fields",
    "order",
    "search",
    "search_operator",
    "rich_text_format",
]
PAGE_LISTING = [
    *COMMON_LISTING,
    "type",
    "locale",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
]


def _responses(schema: str) -> dict:
    return {
        "200": {
            "description": "OK",
            "content": {"application/json": {"schema": _ref("schemas", schema)}},
        },
        "400": _ref("responses", "BadRequest"),
        "404": _ref("responses", "NotFound"),
    }


def _endpoint(name: str, title: str, filters: list[dict], listing: list[str]) -> dict:
    singular = title.rstrip("s")
    detail_params = [_ref("parameters", "id"), _ref("parameters", "site")]
    detail_params.append(_ref("parameters", "fields"))
    if name == "pages":
        detail_params.append(_ref("parameters", "rich_text_format"))
    find_params = [_ref("parameters", "find_id"), _ref("parameters", "site")]
    if name == "pages":
        find_params.append(_ref("parameters", "html_path"))
    schema = name.capitalize()[:-1]
    return {
        f"{API}/{name}/": {
            "get": {
                "operationId": f"list{title}",
                "summary": f"{title} of the site(s) in scope",
                "tags": [name],
                "parameters": [_ref("parameters", p) for p in listing] + filters,
                "responses": _responses(f"{schema}Listing"),
            }
        },
        f"{API}/{name}/{{id}}/": {
            "get": {
                "operationId": f"get{singular}",
                "summary": f"One {singular.lower()} with all its fields",
                "tags": [name],
                "parameters": detail_params,
                "responses": _responses(f"{schema}Detail"),
            }
        },
        f"{API}/{name}/find/": {
            "get": {
                "operationId": f"find{singular}",
                "summary": f"Redirect to the {singular.lower()} with this "
                + ("id or path" if name == "pages" else "id"),
                "tags": [name],
                "parameters": find_params,
                "responses": {
                    "302": {
                        "description": "Found: `Location` is the detail URL.",
                        "headers": {"Location": {"schema": {"type": "string", "format": "uri"}}},
                    },
                    "400": _ref("responses", "BadRequest"),
                    "404": _ref("responses", "NotFound"),
                },
            }
        },
    }


def _object(properties: dict, required: list[str] | None = None, **extra) -> dict:
    schema = {"type": "object", "properties": properties, **extra}
    if required:
        schema["required"] = required
    return schema


def _schemas() -> dict:
    text = {"type": "string"}
    url = {"type": "string", "format": "uri"}
    nullable_text = {"type": ["string", "null"]}
    when = {"type": ["string", "null"], "format": "date-time"}
    block_types = sorted(page_stream().child_blocks)  # content blocks and domain blocks
    tags = {"type": "array", "items": text}
    # the storage's URL: a path on the portal's own host (local media) or absolute (S3)
    download = {"type": "string", "format": "uri-reference"}
    media_meta = _object({"type": text, "detail_url": url, "tags": tags, "download_url": download})
    related = _object(
        {"id": {"type": "integer"}, "meta": _object({"type": text, "detail_url": url})},
        additionalProperties=True,
    )
    page_meta = _object(
        {
            "type": {"type": "string", "examples": ["pages.ContentPage"]},
            "detail_url": url,
            "html_url": {"type": ["string", "null"], "format": "uri"},
            "slug": text,
            "show_in_menus": {"type": "boolean"},
            "seo_title": text,
            "search_description": text,
            "first_published_at": when,
            "alias_of": {"oneOf": [{"type": "null"}, related]},
            "parent": {"oneOf": [{"type": "null"}, related]},
            "locale": {"type": "string", "examples": ["de"]},
        }
    )
    page = {"id": {"type": "integer"}, "meta": page_meta, "title": text}
    page_fields = {
        **page,
        "intro": text,
        "body": _ref("schemas", "StreamValue"),
        "form_intro": text,
        "social_image": {"oneOf": [{"type": "null"}, related]},
        "last_updated": when,
    }
    image = {
        "id": {"type": "integer"},
        "meta": media_meta,
        "title": text,
        "width": {"type": "integer"},
        "height": {"type": "integer"},
    }
    document = {"id": {"type": "integer"}, "meta": media_meta, "title": text}

    def listing(item: str) -> dict:
        meta = _object({"total_count": {"type": "integer"}}, ["total_count"])
        items = {"type": "array", "items": _ref("schemas", item)}
        return _object({"meta": meta, "items": items}, ["meta", "items"])

    return {
        "Error": _object({"message": text}, ["message"]),
        "Block": _object(
            {
                "type": {"type": "string", "enum": block_types},
                "value": {"description": "The block's JSON form; its shape depends on `type`."},
                "id": nullable_text,
            },
            ["type", "value"],
        ),
        "StreamValue": {"type": "array", "items": _ref("schemas", "Block")},
        "PageSummary": _object(page_fields, ["id", "meta"], additionalProperties=True),
        "PageListing": listing("PageSummary"),
        "PageDetail": _object(page_fields, ["id", "meta", "title"], additionalProperties=True),
        "ImageSummary": _object(image, ["id", "meta"]),
        "ImageListing": listing("ImageSummary"),
        "ImageDetail": _object(image, ["id", "meta", "title", "width", "height"]),
        "DocumentSummary": _object(document, ["id", "meta"]),
        "DocumentListing": listing("DocumentSummary"),
        "DocumentDetail": _object(document, ["id", "meta", "title"]),
    }


def build(request: HttpRequest) -> dict:
    """The description, with the address asked as its server."""
    site = Site.find_for_request(request)
    error = {"application/json": {"schema": _ref("schemas", "Error")}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "re@di Portal – headless API",
            "version": "2",
            "description": DESCRIPTION,
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "servers": [
            {
                "url": request.build_absolute_uri("/").rstrip("/"),
                "description": site.site_name if site and site.site_name else "this address",
            }
        ],
        "tags": [
            {"name": "pages", "description": "Pages with their blocks as JSON."},
            {"name": "images", "description": "Images of the media collection(s) in scope."},
            {"name": "documents", "description": "Documents of the collection(s) in scope."},
            {"name": "meta", "description": "This description."},
        ],
        "paths": {
            **_endpoint("pages", "Pages", PAGE_FILTERS, PAGE_LISTING),
            **_endpoint("images", "Images", IMAGE_FILTERS, COMMON_LISTING),
            **_endpoint("documents", "Documents", DOCUMENT_FILTERS, COMMON_LISTING),
            f"{API}/openapi.json": {
                "get": {
                    "operationId": "getOpenAPI",
                    "summary": "This OpenAPI 3.1 description",
                    "tags": ["meta"],
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
        },
        "components": {
            "parameters": _parameters(),
            "schemas": _schemas(),
            "responses": {
                "BadRequest": {"description": "Bad input; `message` says what.", "content": error},
                "NotFound": {"description": "Not there, or not in scope.", "content": error},
            },
        },
    }


def openapi_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse(build(request), json_dumps_params={"ensure_ascii": False})
