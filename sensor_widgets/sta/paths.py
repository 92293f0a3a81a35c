"""Resource paths: ``Things``, ``Things(5)``, ``Things(5)/Datastreams``,
``Datastreams(3)/Thing``, ``Things(5)/Datastreams(3)``, ``Things(5)/name``,
``Things(5)/name/$value``, ``Things(5)/Datastreams/$ref``.

Every step reads only public rows: a hidden or unknown entity on the way is a 404.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .entities import BY_PLURAL, TYPES, EntityType
from .errors import bad_request, not_found

_SEGMENT = re.compile(r"^([A-Za-z$]+)(?:\((.*)\))?$")
COLLECTION, ENTITY, PROPERTY, VALUE, REF = "collection", "entity", "property", "value", "ref"


@dataclass
class Resource:
    kind: str
    entity: EntityType
    queryset: QuerySet
    url: str  # path below the service root, e.g. "Things(5)/Datastreams"
    property: str = ""
    row: dict | None = None  # the entity's row (ENTITY, PROPERTY, VALUE)


def _id(text: str) -> int:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        text = text[1:-1]
    if not text.isdigit() or len(text) > 18:
        raise bad_request(_("Die Kennung muss eine ganze Zahl sein: %(id)s") % {"id": text[:30]})
    return int(text)


def _load(entity: EntityType, queryset: QuerySet, label: str) -> dict:
    row = queryset.values(*entity.columns).first()
    if row is None:
        raise not_found(_("%(path)s gibt es nicht.") % {"path": label[:120]})
    return row


def resolve(path: str) -> Resource:
    segments = path.split("/")
    if segments and segments[-1] == "":
        segments.pop()
    match = _SEGMENT.match(segments[0]) if segments else None
    if match is None or match.group(1) not in BY_PLURAL:
        raise not_found(_("Unbekannte Ressource: %(path)s") % {"path": path[:120]})
    entity = BY_PLURAL[match.group(1)]
    current = Resource(COLLECTION, entity, entity.base(), entity.plural)
    if match.group(2) is not None:
        current = _pick(current, _id(match.group(2)), segments[0])
    for segment in segments[1:]:
        current = _step(current, segment, path)
    return current


def _pick(collection: Resource, entity_id: int, label: str) -> Resource:
    entity = collection.entity
    queryset = collection.queryset.filter(pk=entity_id)
    row = _load(entity, queryset, label)
    return Resource(ENTITY, entity, queryset, f"{entity.plural}({entity_id})", row=row)


def _step(current: Resource, segment: str, path: str) -> Resource:
    unknown = not_found(_("Unbekannte Ressource: %(path)s") % {"path": path[:120]})
    if current.kind in (VALUE, REF):
        raise unknown
    if segment == "$ref":
        if current.kind not in (COLLECTION, ENTITY):
            raise unknown
        return Resource(REF, current.entity, current.queryset, current.url, row=current.row)
    if current.kind == PROPERTY:
        if segment != "$value":
            raise unknown
        return Resource(
            VALUE, current.entity, current.queryset, current.url, current.property, current.row
        )
    if current.kind == COLLECTION:
        raise unknown
    match = _SEGMENT.match(segment)
    if match is None:
        raise unknown
    name, entity_id = match.group(1), match.group(2)
    entity, row = current.entity, current.row
    if name in entity.navs:
        nav = entity.navs[name]
        target = TYPES[nav.target]
        if nav.many:
            queryset = target.base().filter(**{nav.lookup: row["id"]})
            found = Resource(COLLECTION, target, queryset, f"{current.url}/{name}")
            if entity_id is not None:
                return _pick(found, _id(entity_id), f"{current.url}/{segment}")
            return found
        if entity_id is not None:
            raise unknown
        if nav.fk:
            queryset = target.base().filter(pk=row[nav.fk])
        else:
            queryset = target.base().filter(**{nav.lookup: row["id"]})
        child = _load(target, queryset, f"{current.url}/{name}")
        return Resource(
            ENTITY, target, target.base().filter(pk=child["id"]), f"{current.url}/{name}", row=child
        )
    if entity_id is None and name in entity.output_names():
        return Resource(PROPERTY, entity, current.queryset, current.url, name, row)
    raise unknown
