"""Query options: ``$top $skip $count $orderby $filter $select $expand``.

Parsed and checked against an entity type before anything is read; nested ``$expand``
(``Datastreams($top=1;$expand=Observations($top=3))``, ``Datastreams/Sensor``) gives a
tree of :class:`Options`. ``query_string`` writes options back for ``@iot.nextLink``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf import settings
from django.db.models import F, Q
from django.db.models.expressions import OrderBy
from django.utils.translation import gettext as _

from .entities import TYPES, EntityType
from .errors import bad_request
from .filters import compile_filter, prop_of

KNOWN = ("$top", "$skip", "$count", "$orderby", "$filter", "$select", "$expand", "$resultFormat")
DATA_ARRAY = "dataArray"
COMPONENTS = ("id", "phenomenonTime", "resultTime", "result")
MAX_DEPTH = 5
MAX_SKIP = 10**9
ID_NAMES = ("id", "@iot.id")


@dataclass
class Options:
    entity: EntityType
    top: int
    skip: int = 0
    count: bool = False
    order: list[OrderBy] = field(default_factory=list)
    filter: Q | None = None
    select: set[str] | None = None
    expand: dict[str, Options] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)
    data_array: bool = False

    def query_string(self, **changes: object) -> str:
        values = {**self.raw, **{f"${k}": str(v) for k, v in changes.items()}}
        if "$top" not in values:
            values["$top"] = str(self.top)
        return "&".join(f"{quote(k, safe='$')}={quote(v, safe=_SAFE)}" for k, v in values.items())

    def selects(self, name: str) -> bool:
        return self.select is None or name in self.select


_SAFE = "$(),/:'@*"


def page_size() -> int:
    return max(1, int(getattr(settings, "SENSOR_STA_PAGE_SIZE", 100)))


def max_top() -> int:
    return max(1, int(getattr(settings, "SENSOR_STA_MAX_TOP", 10000)))


def split(text: str, separator: str) -> list[str]:
    """Split at ``separator`` outside parentheses and 'string literals'."""
    parts, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(text):
        if char == "'":
            quoted = not quoted
        elif quoted:
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                raise bad_request(
                    _("Klammern passen nicht zusammen: %(text)s") % {"text": text[:80]}
                )
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    if depth or quoted:
        raise bad_request(_("Klammern passen nicht zusammen: %(text)s") % {"text": text[:80]})
    parts.append(text[start:])
    return parts


def _integer(name: str, text: str, limit: int) -> int:
    text = text.strip()
    if not text.isdigit() or len(text) > 12:
        raise bad_request(
            _("%(name)s erwartet eine nicht negative ganze Zahl, nicht „%(value)s“.")
            % {"name": name, "value": text[:20]}
        )
    return min(int(text), limit)


def parse(entity: EntityType, params: dict[str, str], depth: int = 0) -> Options:
    """Options of a request (``params``: the ``$``-options as given) for ``entity``."""
    if depth > MAX_DEPTH:
        raise bad_request(_("$expand ist zu tief verschachtelt."))
    for name in params:
        if name not in KNOWN:
            raise bad_request(
                _("Unbekannte Abfrageoption %(name)s (bekannt: %(known)s).")
                % {"name": name[:40], "known": ", ".join(KNOWN)}
            )
    options = Options(entity=entity, top=page_size(), raw=dict(params))
    if "$top" in params:
        options.top = _integer("$top", params["$top"], max_top())
    options.raw["$top"] = str(options.top)
    if "$skip" in params:
        options.skip = _integer("$skip", params["$skip"], MAX_SKIP)
    if "$count" in params:
        value = params["$count"].strip().lower()
        if value not in ("true", "false"):
            raise bad_request(_("$count erwartet true oder false."))
        options.count = value == "true"
    options.order = _order(entity, params.get("$orderby"))
    if params.get("$filter", "").strip():
        options.filter = compile_filter(entity, params["$filter"])
    if "$select" in params:
        options.select = _select(entity, params["$select"])
    if params.get("$expand", "").strip():
        options.expand = _expand(entity, params["$expand"], depth)
    if "$resultFormat" in params:
        _data_array(options, params["$resultFormat"], depth)
    return options


def _data_array(options: Options, value: str, depth: int) -> None:
    """``$resultFormat=dataArray``: Observations as rows of values, grouped by datastream."""
    if value != DATA_ARRAY or depth or options.entity.name != "Observation":
        raise bad_request(_("$resultFormat=dataArray gibt es nur für Observations."))
    if options.expand:
        raise bad_request(_("$resultFormat=dataArray erlaubt kein $expand."))
    chosen = {"id" if name == "@iot.id" else name for name in options.select or COMPONENTS}
    if not chosen <= set(COMPONENTS):
        raise bad_request(
            _("$select mit dataArray: nur %(names)s.") % {"names": ", ".join(COMPONENTS)}
        )
    options.data_array = True
    options.select = {name for name in COMPONENTS if name in chosen}


def _order(entity: EntityType, text: str | None) -> list[OrderBy]:
    items: list[tuple[str, bool]] = []
    if text is not None and text.strip():
        for part in split(text, ","):
            words = part.split()
            if not words or len(words) > 2 or "(" in part:
                raise bad_request(_("$orderby nicht lesbar: „%(part)s“") % {"part": part[:60]})
            direction = words[1].lower() if len(words) == 2 else "asc"
            if direction not in ("asc", "desc"):
                raise bad_request(
                    _("$orderby: asc oder desc, nicht „%(d)s“") % {"d": words[1][:20]}
                )
            items.append((words[0], direction == "desc"))
    else:
        items = list(entity.default_order)
    order = []
    for name, descending in items:
        path = _order_path(entity, name)
        expression = F(path)
        order.append(expression.desc() if descending else expression.asc())
    if not any(name in ID_NAMES for name, _desc in items):
        order.append(F("pk").asc())
    return order


def _order_path(entity: EntityType, name: str) -> str:
    path = name.split("/")
    path = ["id" if p == "@iot.id" else p for p in path]
    prefix = []
    while path[0] in entity.navs and len(path) > 1:
        nav = entity.navs[path[0]]
        if nav.many:
            raise bad_request(_("$orderby nur über Eigenschaften und einzelne Bezüge."))
        prefix.append(nav.path)
        entity = TYPES[nav.target]
        path = path[1:]
    return "__".join([*prefix, prop_of(entity, path).path])


def _select(entity: EntityType, text: str) -> set[str]:
    allowed = {*entity.output_names(), *entity.navs, *ID_NAMES, "@iot.selfLink"}
    chosen = set()
    for part in text.split(","):
        name = part.strip()
        if name not in allowed:
            raise bad_request(
                _("Unbekannte Eigenschaft „%(name)s“ in $select bei %(entity)s.")
                % {"name": name[:60], "entity": entity.plural}
            )
        chosen.add("@iot.id" if name == "id" else name)
    return chosen


def _expand(entity: EntityType, text: str, depth: int) -> dict[str, Options]:
    """``A($top=1;$expand=B),C/D`` → ``{"A": Options(…, expand B), "C": Options(expand D)}``."""
    grouped: dict[str, tuple[dict[str, str], list[str]]] = {}
    for part in split(text, ","):
        part = part.strip()
        if not part:
            raise bad_request(_("$expand enthält einen leeren Eintrag."))
        head, inner = part, ""
        if part.endswith(")") and "(" in part:
            cut = part.index("(")
            head, inner = part[:cut], part[cut + 1 : -1]
        names = head.split("/")
        first = names[0].strip()
        if first not in entity.navs:
            raise bad_request(
                _("„%(name)s“ lässt sich bei %(entity)s nicht erweitern.")
                % {"name": first[:60], "entity": entity.plural}
            )
        params, nested = grouped.setdefault(first, ({}, []))
        if len(names) > 1:  # Datastreams/Sensor(…): options belong to the last step
            rest = "/".join(names[1:]) + (f"({inner})" if inner else "")
            nested.append(rest)
        elif inner:
            for option in split(inner, ";"):
                key, sep, value = option.partition("=")
                key = key.strip()
                if not sep or key not in KNOWN:
                    raise bad_request(
                        _("Option in $expand nicht lesbar: „%(o)s“") % {"o": option[:60]}
                    )
                if key == "$expand":
                    nested.append(value)
                elif key in params:
                    raise bad_request(_("%(key)s doppelt in $expand.") % {"key": key})
                else:
                    params[key] = value
    result = {}
    for name, (params, nested) in grouped.items():
        target = TYPES[entity.navs[name].target]
        if nested:
            params = {**params, "$expand": ",".join(nested)}
        result[name] = parse(target, params, depth + 1)
    return result
