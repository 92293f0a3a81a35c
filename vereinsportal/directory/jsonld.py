"""schema.org ``Organization`` of a club page as JSON-LD – only what the club shows
publicly anyway (e-mail and telephone only when the club wants them public)."""

from __future__ import annotations

import json

from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from ..models import ClubPage

LOGO_FILTER = "max-400x400"


def _absolute(request: HttpRequest | None, url: str) -> str:
    if url.startswith(("http://", "https://")) or request is None:
        return url
    return request.build_absolute_uri(url)


def organization(club: ClubPage, request: HttpRequest | None, contact: dict) -> dict:
    """The data (a dict) – ``contact`` holds the publicly visible name/phone/email."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": club.title,
        "url": club.get_full_url(request),
    }
    description = club.short_description or strip_tags(club.description).strip()
    if description:
        data["description"] = description
    if club.logo_id and club.logo:
        data["logo"] = _absolute(request, club.logo.get_rendition(LOGO_FILTER).url)
    if club.street or club.city:
        address = {"@type": "PostalAddress", "addressCountry": "DE"}
        if club.street:
            address["streetAddress"] = club.street
        if club.postcode:
            address["postalCode"] = club.postcode
        if club.city:
            address["addressLocality"] = club.city
        data["address"] = address
    if contact.get("email"):
        data["email"] = contact["email"]
    if contact.get("phone"):
        data["telephone"] = contact["phone"]
    if club.founded:
        data["foundingDate"] = str(club.founded)
    if club.website:
        data["sameAs"] = [club.website]
    return data


def dumps(data: dict) -> SafeString:
    """JSON safe to place inside ``<script type="application/ld+json">``."""
    text = json.dumps(data, ensure_ascii=False, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 – escaped above


def organization_jsonld(club: ClubPage, request: HttpRequest | None, contact: dict) -> SafeString:
    return dumps(organization(club, request, contact))
