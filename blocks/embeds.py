"""Embeds behind a two-click consent: nothing loads from the video or map host until the
citizen clicks. Without JavaScript the block offers a plain link to the provider."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from .prefetch import PrefetchedImageChooserBlock as ImageChooserBlock

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def video_embed(url: str) -> dict | None:
    """Provider, privacy-friendly embed address and watch address of a video URL."""
    parts = urlsplit(url or "")
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parts.path == "/watch":
            video_id = parse_qs(parts.query).get("v", [None])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parts.path.split("/")[2]
    elif host == "youtu.be":
        video_id = parts.path.lstrip("/").split("/")[0]
    if video_id and YOUTUBE_ID.match(video_id):
        return {
            "provider": "YouTube",
            "operator": "Google Ireland Limited",
            "embed_url": f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1",
            "watch_url": f"https://www.youtube.com/watch?v={video_id}",
        }
    if host in {"vimeo.com", "player.vimeo.com"}:
        match = re.search(r"/(?:video/)?(\d{5,12})(?:$|/|\?)", parts.path + "/")
        if match:
            vimeo_id = match.group(1)
            return {
                "provider": "Vimeo",
                "operator": "Vimeo.com, Inc.",
                "embed_url": f"https://player.vimeo.com/video/{vimeo_id}?dnt=1&autoplay=1",
                "watch_url": f"https://vimeo.com/{vimeo_id}",
            }
    return None


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Adresse des Videos"), help_text=_("YouTube- oder Vimeo-Adresse"))
    title = blocks.CharBlock(label=_("Titel des Videos"), max_length=200)
    poster = ImageChooserBlock(
        label=_("Vorschaubild"),
        required=False,
        help_text=_("Wird von unserem Server geladen, nicht vom Videoanbieter."),
    )
    transcript = blocks.TextBlock(
        label=_("Beschreibung oder Abschrift"),
        required=False,
        help_text=_("Für Menschen, die das Video nicht sehen oder hören können."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and video_embed(value["url"]) is None:
            message = _("Bitte die Adresse eines YouTube- oder Vimeo-Videos angeben.")
            raise StructBlockValidationError(
                block_errors={"url": ErrorList([ValidationError(message)])}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed"] = video_embed(value.get("url"))
        return context

    def get_api_representation(self, value, context=None):
        embed = video_embed(value.get("url")) or {}
        return {
            "url": value.get("url", ""),
            "title": value.get("title", ""),
            "provider": embed.get("provider"),
            "embed_url": embed.get("embed_url"),
            "poster": value["poster"].pk if value.get("poster") else None,
            "transcript": value.get("transcript", ""),
        }

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"
        preview_value = {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "Rundgang durch das Rathaus",
            "transcript": "Ein Rundgang durch das Rathaus mit Bürgerbüro und Ratssaal.",
        }
        description = _("Ein Video, das erst nach Zustimmung vom Anbieter geladen wird.")


def osm_links(lat: float, lon: float, zoom: int) -> dict:
    span = 360 / (2**zoom) * 1.5
    bbox = f"{lon - span:.5f},{lat - span / 2:.5f},{lon + span:.5f},{lat + span / 2:.5f}"
    embed = "https://www.openstreetmap.org/export/embed.html?" + urlencode(
        {"bbox": bbox, "layer": "mapnik", "marker": f"{lat:.6f},{lon:.6f}"}
    )
    link = f"https://www.openstreetmap.org/?mlat={lat:.6f}&mlon={lon:.6f}#map={zoom}/{lat:.5f}/{lon:.5f}"
    return {"embed_url": embed, "link_url": link}


class MapBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Titel"), max_length=200, help_text=_("z. B. „Lage des Rathauses“")
    )
    latitude = blocks.FloatBlock(label=_("Breitengrad"), min_value=-90, max_value=90)
    longitude = blocks.FloatBlock(label=_("Längengrad"), min_value=-180, max_value=180)
    zoom = blocks.IntegerBlock(label=_("Zoomstufe"), min_value=5, max_value=19, default=16)
    description = blocks.TextBlock(
        label=_("Beschreibung"),
        required=False,
        help_text=_("Wegbeschreibung als Text – für alle, die die Karte nicht nutzen können."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.update(osm_links(value["latitude"], value["longitude"], value["zoom"]))
        return context

    def get_api_representation(self, value, context=None):
        return {
            "title": value.get("title", ""),
            "latitude": value.get("latitude"),
            "longitude": value.get("longitude"),
            "zoom": value.get("zoom"),
            "description": value.get("description", ""),
        }

    class Meta:
        icon = "site"
        label = _("Karte")
        template = "blocks/map.html"
        preview_value = {
            "title": "Lage des Rathauses",
            "latitude": 48.8584,
            "longitude": 8.2035,
            "zoom": 17,
            "description": "Das Rathaus liegt am Marktplatz, 5 Minuten vom Bahnhof.",
        }
        description = _("Eine OpenStreetMap-Karte, die erst nach Zustimmung geladen wird.")
