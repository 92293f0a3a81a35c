"""Reading entities: one query per collection and per ``$expand`` level, never per row.

Rows are plain dicts (``QuerySet.values``). An expanded collection is read for all
parents at once with ``ROW_NUMBER() OVER (PARTITION BY parent …)`` so that ``$top`` and
``$skip`` hold per parent; ``$count`` adds one grouped count per level.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber

from ..models import Thing
from .entities import TYPES, EntityType, Nav, point
from .options import Options, max_top

EXPANDED = "__expanded"


@dataclass
class Page:
    rows: list[dict]
    more: bool
    count: int | None = None
    top: int = 0  # the page size used (an expansion over many parents may get less)


class Context:
    """What rendering needs besides the rows, each loaded with one query."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.rows: dict[str, list[dict]] = defaultdict(list)
        self._towns: dict[int, dict] | None = None
        self._points: dict[int, dict] | None = None

    def seen(self, entity: EntityType, rows: list[dict]) -> None:
        self.rows[entity.name] += rows

    def town(self, site_id: int) -> dict:
        if self._towns is None:
            self._towns = _towns()
        return self._towns.get(site_id, {})

    def thing_point(self, thing_id: int) -> dict | None:
        if self._points is None:
            ids = {row["thing_id"] for row in self.rows["Datastream"]}
            self._points = _thing_points(ids | {thing_id})
        return self._points.get(thing_id)


def _towns() -> dict[int, dict]:
    try:
        from portal.core.models import TownSettings
    except ImportError:  # another Wagtail project without the re@di core
        TownSettings = None
    from wagtail.models import Site

    towns = {
        site_id: {"town": hostname.split(".")[0], "townName": name}
        for site_id, hostname, name in Site.objects.values_list("id", "hostname", "site_name")
    }
    if TownSettings is not None:
        for site_id, slug, name in TownSettings.objects.values_list("site_id", "slug", "name"):
            towns[site_id] = {"town": slug, "townName": name}
    return towns


def _thing_points(thing_ids: set[int]) -> dict[int, dict]:
    links = (
        Thing.locations.through.objects.filter(thing_id__in=thing_ids)
        .order_by("thing_id", "location_id")
        .values_list("thing_id", "location__longitude", "location__latitude")
    )
    points: dict[int, dict] = {}
    for thing_id, longitude, latitude in links:
        points.setdefault(thing_id, point(longitude, latitude))
    return points


def filtered(queryset: QuerySet, options: Options) -> QuerySet:
    if options.filter is not None:
        queryset = queryset.filter(options.filter)
    return queryset


def collection(queryset: QuerySet, options: Options, ctx: Context) -> Page:
    """A page of ``queryset`` (already the public rows of ``options.entity``)."""
    entity = options.entity
    queryset = filtered(queryset, options)
    count = queryset.count() if options.count else None
    if options.top == 0:
        rows: list[dict] = []
        more = False  # a next page of nothing would never end
    else:
        window = queryset.order_by(*options.order).values(*entity.columns)
        rows = list(window[options.skip : options.skip + options.top + 1])
        more = len(rows) > options.top
        rows = rows[: options.top]
    ctx.seen(entity, rows)
    expand(entity, rows, options, ctx)
    return Page(rows, more, count, options.top)


def single(queryset: QuerySet, options: Options, ctx: Context) -> dict | None:
    row = queryset.values(*options.entity.columns).first()
    if row is not None:
        ctx.seen(options.entity, [row])
        expand(options.entity, [row], options, ctx)
    return row


def expand(entity: EntityType, rows: list[dict], options: Options, ctx: Context) -> None:
    if not rows:
        return
    for name, child in options.expand.items():
        nav = entity.navs[name]
        if nav.many:
            _expand_many(nav, rows, child, ctx)
        else:
            _expand_one(nav, rows, child, ctx)


def _expand_one(nav: Nav, rows: list[dict], options: Options, ctx: Context) -> None:
    target = TYPES[nav.target]
    if nav.fk:
        ids = {row[nav.fk] for row in rows if row[nav.fk] is not None}
        found = {r["id"]: r for r in target.base().filter(pk__in=ids).values(*target.columns)}
        children = list(found.values())
        by_parent = {row["id"]: found.get(row[nav.fk]) for row in rows}
    else:
        parents = {row["id"] for row in rows}
        query = (
            target.base()
            .annotate(_parent=F(nav.lookup))
            .filter(_parent__in=parents)
            .values(*target.columns, "_parent")
        )
        children = list(query)
        by_parent = {child["_parent"]: child for child in children}
    ctx.seen(target, children)
    expand(target, children, options, ctx)
    for row in rows:
        row.setdefault(EXPANDED, {})[nav.name] = by_parent.get(row["id"])


def _expand_many(nav: Nav, rows: list[dict], options: Options, ctx: Context) -> None:
    target = TYPES[nav.target]
    parents = {row["id"] for row in rows}
    query = filtered(
        target.base().annotate(_parent=F(nav.lookup)).filter(_parent__in=parents), options
    )
    counts = None
    if options.count:
        counts = dict(
            query.order_by().values_list("_parent").annotate(n=Count("pk", distinct=True))
        )
    children: list[dict] = []
    # at most SENSOR_STA_MAX_TOP rows per level: many parents get shorter pages (nextLink)
    top = min(options.top, max(1, max_top() // len(parents)))
    if top:
        numbered = query.annotate(
            _row=Window(RowNumber(), partition_by=[F("_parent")], order_by=options.order)
        ).filter(_row__gt=options.skip, _row__lte=options.skip + top + 1)
        children = list(
            numbered.order_by("_parent", "_row").values(*target.columns, "_parent", "_row")
        )
    grouped: dict[int, list[dict]] = defaultdict(list)
    for child in children:
        grouped[child["_parent"]].append(child)
    kept = []
    for row in rows:
        mine = grouped.get(row["id"], [])
        page = Page(mine[:top], len(mine) > top, top=top)
        if counts is not None:
            page.count = counts.get(row["id"], 0)
        kept += page.rows
        row.setdefault(EXPANDED, {})[nav.name] = page
    ctx.seen(target, kept)
    expand(target, kept, options, ctx)
