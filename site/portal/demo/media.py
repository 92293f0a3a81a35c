"""Demo pictures and documents, drawn on the spot (no downloads, no stock photos)."""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents.models import Document
from wagtail.images.models import Image


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def draw_scene(kind: str, primary: str, accent: str, size=(1200, 800)) -> bytes:
    """A simple illustration: sky, hills and a building silhouette in the town colours."""
    width, height = size
    picture = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    sky_top, sky_bottom = (190, 215, 235), (245, 240, 225)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(sky_top, sky_bottom, y / height))
    hill = _mix(_hex(accent), (90, 130, 70), 0.6)
    draw.ellipse([-200, height * 0.55, width * 0.7, height * 1.4], fill=hill)
    draw.ellipse(
        [width * 0.4, height * 0.6, width + 300, height * 1.5], fill=_mix(hill, (0, 0, 0), 0.15)
    )
    body = _hex(primary)
    base = height * 0.78
    if kind == "rathaus":
        draw.rectangle([width * 0.3, base - 260, width * 0.7, base], fill=body)
        draw.polygon(
            [(width * 0.27, base - 260), (width * 0.5, base - 400), (width * 0.73, base - 260)],
            fill=_mix(body, (0, 0, 0), 0.3),
        )
        draw.rectangle([width * 0.47, base - 470, width * 0.53, base - 330], fill=body)
        for column in range(5):
            x = width * 0.34 + column * width * 0.07
            for row in range(2):
                y = base - 230 + row * 110
                draw.rectangle([x, y, x + 40, y + 70], fill=(250, 240, 200))
    elif kind == "markt":
        for index, x in enumerate(range(80, width - 80, 220)):
            roof = _mix(body, (255, 255, 255), 0.15 * (index % 3))
            draw.rectangle([x, base - 200 - 30 * (index % 2), x + 180, base], fill=roof)
            draw.polygon(
                [
                    (x - 10, base - 200 - 30 * (index % 2)),
                    (x + 90, base - 290 - 30 * (index % 2)),
                    (x + 190, base - 200 - 30 * (index % 2)),
                ],
                fill=_mix(roof, (0, 0, 0), 0.35),
            )
        draw.ellipse([width * 0.45, base - 60, width * 0.55, base + 10], fill=(120, 160, 200))
    else:  # park
        for x in range(60, width, 170):
            draw.rectangle([x + 35, base - 120, x + 55, base], fill=(95, 70, 45))
            draw.ellipse(
                [x - 20, base - 260, x + 110, base - 100],
                fill=_mix((60, 120, 60), _hex(accent), 0.2),
            )
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def demo_image(title: str, kind: str, primary: str, accent: str, collection) -> Image:
    existing = Image.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    data = draw_scene(kind, primary, accent)
    image = Image(title=title, collection=collection)
    image.file = ImageFile(io.BytesIO(data), name=f"{kind}.jpg")
    image.save()
    return image


def demo_document(title: str, lines: list[str], collection) -> Document:
    existing = Document.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    page = PILImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((120, 140), title, fill="black")
    for number, line in enumerate(lines):
        draw.text((120, 220 + number * 40), line, fill="black")
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    document = Document(title=title, collection=collection)
    document.file.save(f"{slugify(title)[:40]}.pdf", ContentFile(buffer.getvalue()), save=False)
    document.save()
    return document
