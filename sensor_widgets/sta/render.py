"""Rows → SensorThings JSON: ``@iot.id``, ``@iot.selfLink``, properties, navigation links,
expanded entities with their own ``@iot.count``/``@iot.nextLink``."""

from __future__ import annotations

from .entities import TYPES, EntityType
from .options import COMPONENTS, Options
from .query import EXPANDED, Context, Page


def self_link(entity: EntityType, entity_id: int, ctx: Context) -> str:
    return f"{ctx.base_url}{entity.plural}({entity_id})"


def entity_json(entity: EntityType, row: dict, options: Options, ctx: Context) -> dict:
    link = self_link(entity, row["id"], ctx)
    out: dict = {}
    if options.selects("@iot.id"):
        out["@iot.id"] = row["id"]
    if options.selects("@iot.selfLink"):
        out["@iot.selfLink"] = link
    for name, value in entity.render(row, ctx).items():
        if options.selects(name):
            out[name] = value
    expanded = row.get(EXPANDED, {})
    for name, nav in entity.navs.items():
        if name in options.expand:
            child_options = options.expand[name]
            target = TYPES[nav.target]
            value = expanded.get(name)
            if nav.many:
                page: Page = value
                if page.count is not None:
                    out[f"{name}@iot.count"] = page.count
                out[name] = [entity_json(target, child, child_options, ctx) for child in page.rows]
                if page.more:
                    query = child_options.query_string(skip=child_options.skip + page.top)
                    out[f"{name}@iot.nextLink"] = f"{link}/{name}?{query}"
            elif value is not None:
                out[name] = entity_json(target, value, child_options, ctx)
        elif options.selects(name):
            out[f"{name}@iot.navigationLink"] = f"{link}/{name}"
    return out


def collection_json(page: Page, options: Options, ctx: Context, url: str) -> dict:
    out: dict = {}
    if page.count is not None:
        out["@iot.count"] = page.count
    if page.more:
        out["@iot.nextLink"] = f"{url}?{options.query_string(skip=options.skip + options.top)}"
    out["value"] = [entity_json(options.entity, row, options, ctx) for row in page.rows]
    return out


def data_array_json(page: Page, options: Options, ctx: Context, url: str) -> dict:
    """Observations as ``dataArray`` groups, one per datastream, in the page's order."""
    components = [name for name in COMPONENTS if name in options.select]
    groups: dict[int, list[list]] = {}
    for row in page.rows:
        values = options.entity.render(row, ctx)
        values["id"] = row["id"]
        groups.setdefault(row["datastream_id"], []).append([values[n] for n in components])
    out: dict = {}
    if page.count is not None:
        out["@iot.count"] = page.count
    if page.more:
        out["@iot.nextLink"] = f"{url}?{options.query_string(skip=options.skip + options.top)}"
    out["value"] = [
        {
            "Datastream@iot.navigationLink": f"{ctx.base_url}Datastreams({datastream_id})",
            "components": components,
            "dataArray@iot.count": len(rows),
            "dataArray": rows,
        }
        for datastream_id, rows in groups.items()
    ]
    return out
