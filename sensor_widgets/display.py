"""What the widgets show: which datastreams a page may show, their current state in words
(status by thresholds and age), numbers and times formatted for the reader's language,
and chart series read from the hourly/daily aggregates.

Used by the blocks (server-rendered, works without JavaScript), the polling view and the
WebSocket consumer (the same values as JSON).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import live
from .models import Alert, Datastream, ObservationAggregate, Period, Status

MAX_LIVE_IDS = 50
TOWN_LIMIT = 200  # an empty selection shows at most this many of the town's datastreams


@dataclass(frozen=True)
class Range:
    key: str
    period: str
    span: dt.timedelta
    label: str  # lazily translated in templates via ``range_label``


RANGES: dict[str, Range] = {
    "24h": Range("24h", Period.HOUR, dt.timedelta(hours=24), "24h"),
    "7d": Range("7d", Period.HOUR, dt.timedelta(days=7), "7d"),
    "1y": Range("1y", Period.DAY, dt.timedelta(days=365), "1y"),
}


def range_label(key: str) -> str:
    return {
        "24h": _("24 Stunden"),
        "7d": _("7 Tage"),
        "1y": _("1 Jahr"),
    }[key]


# --- which datastreams ---------------------------------------------------------------


def visible(site_id: int | None) -> QuerySet:
    """Public datastreams of public things of the town ``site_id`` (None: every town)."""
    streams = Datastream.objects.filter(public=True, thing__public=True).select_related("thing")
    if site_id is not None:
        streams = streams.filter(thing__site_id=site_id)
    return streams


def pick(ids: Iterable[int], site_id: int | None) -> list[Datastream]:
    """The visible datastreams among ``ids``, in the given order (others left out)."""
    ids = [int(pk) for pk in ids]
    found = visible(site_id).in_bulk(ids)
    seen: set[int] = set()
    result = []
    for pk in ids:
        if pk in found and pk not in seen:
            seen.add(pk)
            result.append(found[pk])
    return result


def site_scope_of_host(host: str) -> tuple[bool, int | None]:
    """(known host, site id to restrict to – None on the regional site)."""
    from wagtail.models import Site

    from portal.core.models import TownSettings

    hostname, _sep, port = (host or "").partition(":")
    hostname = hostname.lower()
    sites = list(Site.objects.filter(hostname=hostname))
    if not sites:
        return False, None
    site = next((s for s in sites if str(s.port) == port), sites[0])
    town = TownSettings.objects.filter(site=site).only("is_region").first()
    return True, None if town is not None and town.is_region else site.pk


def parse_ids(text: str | None) -> list[int] | None:
    """``"1,2,3"`` → [1, 2, 3]; None if empty, malformed or more than MAX_LIVE_IDS."""
    if not text:
        return None
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if (
        not parts
        or len(parts) > MAX_LIVE_IDS
        or not all(p.isdigit() and len(p) < 12 for p in parts)
    ):
        return None
    return list(dict.fromkeys(int(p) for p in parts))


# --- formatting ----------------------------------------------------------------------


def number(value: float | None, decimals: int = 1) -> str:
    """``1234.5`` → ``1.234,5`` (German) – rounded to ``decimals``, grouped by thousands."""
    if value is None:
        return "–"
    decimals = max(0, min(int(decimals), 6))
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0  # no "-0"
    return formats.number_format(rounded, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def number_formatter(decimals: int):
    """A fast ``number`` for many values (chart tables): the separators looked up once."""
    decimals = max(0, min(int(decimals), 6))
    point = formats.get_format("DECIMAL_SEPARATOR")
    group = formats.get_format("THOUSAND_SEPARATOR")

    def fmt(value: float | None) -> str:
        if value is None:
            return "–"
        text = f"{round(value, decimals) + 0.0:,.{decimals}f}"
        if text.startswith("-") and not text.strip("-0.,"):
            text = text[1:]
        return text.replace(",", "\0").replace(".", point).replace("\0", group)

    return fmt


def with_unit(value: float | None, stream: Datastream) -> str:
    if value is None:
        return _("kein Wert")
    return f"{number(value, stream.decimals)}\u00a0{stream.unit_symbol}".strip()


def exact_time(time: dt.datetime) -> str:
    """``03.12.2026, 10:15 Uhr`` in the site's time zone."""
    local = timezone.localtime(time)
    return _("%(date)s, %(time)s Uhr") % {
        "date": formats.date_format(local, "SHORT_DATE_FORMAT"),
        "time": formats.time_format(local, "H:i"),
    }


def ago(time: dt.datetime, now: dt.datetime | None = None) -> str:
    """``vor 5 Minuten`` (or ``gerade eben``)."""
    seconds = ((now or timezone.now()) - time).total_seconds()
    if seconds < 60:
        return _("gerade eben")
    minutes = int(seconds // 60)
    if minutes < 60:
        return ngettext("vor %(n)d Minute", "vor %(n)d Minuten", minutes) % {"n": minutes}
    hours = minutes // 60
    if hours < 48:
        return ngettext("vor %(n)d Stunde", "vor %(n)d Stunden", hours) % {"n": hours}
    days = hours // 24
    return ngettext("vor %(n)d Tag", "vor %(n)d Tagen", days) % {"n": days}


def threshold_text(stream: Datastream) -> str:
    """``Warnstufe ab 300 cm, Alarmstufe ab 400 cm`` (empty without thresholds)."""
    above = stream.direction == "above"
    parts = []
    for level, label in (
        (stream.warning_level, Status.WARNING),
        (stream.alarm_level, Status.ALARM),
    ):
        if level is not None:
            template = (
                _("%(level)s ab %(value)s") if above else _("%(level)s bei %(value)s und darunter")
            )
            parts.append(template % {"level": label.label, "value": with_unit(level, stream)})
    return ", ".join(parts)


# --- current state -------------------------------------------------------------------


def status(stream: Datastream, now: dt.datetime | None = None) -> str:
    """The status of the latest value; UNKNOWN without a value or when it is too old."""
    if stream.last_value is None or stream.last_phenomenon_time is None:
        return Status.UNKNOWN
    now = now or timezone.now()
    if now - stream.last_phenomenon_time > dt.timedelta(minutes=stream.stale_after_minutes):
        return Status.UNKNOWN
    return stream.status_of(stream.last_value)


@dataclass
class Current:
    """A datastream with its latest value ready to show."""

    stream: Datastream
    status: str
    status_label: str
    value_text: str
    number_text: str = "–"
    time_iso: str = ""
    time_text: str = ""
    ago_text: str = ""
    stale: bool = False
    thresholds: str = ""
    town: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def pk(self) -> int:
        return self.stream.pk


def current(stream: Datastream, now: dt.datetime | None = None) -> Current:
    now = now or timezone.now()
    code = status(stream, now)
    item = Current(
        stream=stream,
        status=code,
        status_label=str(Status(code).label),
        value_text=with_unit(stream.last_value, stream),
        number_text=number(stream.last_value, stream.decimals),
        thresholds=threshold_text(stream),
    )
    if stream.last_phenomenon_time is not None:
        item.time_iso = stream.last_phenomenon_time.isoformat().replace("+00:00", "Z")
        item.time_text = exact_time(stream.last_phenomenon_time)
        item.ago_text = ago(stream.last_phenomenon_time, now)
        item.stale = code == Status.UNKNOWN and stream.last_value is not None
    return item


def as_json(stream: Datastream, now: dt.datetime | None = None) -> dict:
    """``live.message`` of the latest value plus status and texts (polling, on connect)."""
    item = current(stream, now)
    data = (
        live.message(stream.pk, stream.last_phenomenon_time, stream.last_value)
        if stream.last_phenomenon_time is not None
        else {"datastream": stream.pk, "time": None, "value": None}
    )
    data.update(
        {
            "type": "sensor.value",
            "status": item.status,
            "status_label": item.status_label,
            "text": item.value_text,
            "time_text": item.time_text,
            "ago_text": item.ago_text,
        }
    )
    return data


def open_alerts(streams: list[Datastream]) -> list[Alert]:
    """The open alerts of ``streams`` (one per datastream, the newest), in their order."""
    by_stream = {s.pk: s for s in streams}
    alerts: dict[int, Alert] = {}
    for alert in Alert.objects.filter(datastream_id__in=by_stream, ended_at__isnull=True).order_by(
        "-started_at"
    ):
        alerts.setdefault(alert.datastream_id, alert)
    result = []
    for stream in streams:
        alert = alerts.get(stream.pk)
        if alert is not None:
            alert.datastream = stream  # already loaded, with its thing
            result.append(alert)
    return result


# --- charts --------------------------------------------------------------------------


def window_start(range_: Range, now: dt.datetime) -> dt.datetime:
    if range_.period == Period.HOUR:
        hour = now.astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)
        return hour - range_.span + dt.timedelta(hours=1)
    return now - range_.span


def series(stream: Datastream, key: str, now: dt.datetime | None = None) -> list[tuple]:
    """``[(start, mean, minimum, maximum), …]`` of the range ``key`` – one query."""
    range_ = RANGES[key]
    now = now or timezone.now()
    rows = (
        ObservationAggregate.objects.filter(
            datastream_id=stream.pk, period=range_.period, start__gte=window_start(range_, now)
        )
        .order_by("start")
        .values_list("start", "count", "total", "minimum", "maximum")
    )
    return [
        (start, total / count if count else None, low, high)
        for start, count, total, low, high in rows
    ]


def chart_json(stream: Datastream, key: str, points: list[tuple] | None = None) -> dict:
    """What the chart script draws: epoch seconds, mean, min and max per period."""
    points = series(stream, key) if points is None else points
    digits = max(0, min(int(stream.decimals), 6)) + 1
    return {
        "datastream": stream.pk,
        "range": key,
        "period": RANGES[key].period,
        "name": stream.name,
        "unit": stream.unit_symbol,
        "decimals": stream.decimals,
        "direction": stream.direction,
        "warning": stream.warning_level,
        "alarm": stream.alarm_level,
        "caption": caption(stream, key),
        "points": [
            [
                int(start.timestamp()),
                None if mean is None else round(mean, digits),
                low,
                high,
            ]
            for start, mean, low, high in points
        ],
    }


def caption(stream: Datastream, key: str) -> str:
    """The chart table's caption: what the rows are, over which time, and the thresholds."""
    texts = {
        "24h": _(
            "%(name)s in %(unit)s: Mittelwert, kleinster und größter Wert je Stunde "
            "in den letzten 24 Stunden."
        ),
        "7d": _(
            "%(name)s in %(unit)s: Mittelwert, kleinster und größter Wert je Stunde "
            "in den letzten 7 Tagen."
        ),
        "1y": _(
            "%(name)s in %(unit)s: Mittelwert, kleinster und größter Wert je Tag im letzten Jahr."
        ),
    }
    text = texts[key] % {"name": stream.name, "unit": stream.unit_symbol}
    thresholds = threshold_text(stream)
    if thresholds:
        text += " " + _("Schwellenwerte: %(thresholds)s.") % {"thresholds": thresholds}
    return text


_STRFTIME = {"d": "%d", "m": "%m", "Y": "%Y", "y": "%y", "H": "%H", "i": "%M"}


def _strftime_of(django_format: str) -> str | None:
    """Django's date format as ``strftime`` (fast for many rows); None if it cannot be."""
    result = []
    for char in django_format:
        if char.isalpha():
            if char not in _STRFTIME:
                return None
            result.append(_STRFTIME[char])
        else:
            result.append(char.replace("%", "%%"))
    return "".join(result)


def table_rows(
    stream: Datastream, key: str, points: list[tuple]
) -> list[tuple[str, str, str, str, str]]:
    """Rows of the accessible table: (ISO time, time text, mean, minimum, maximum)."""
    fmt = number_formatter(stream.decimals)
    hourly = RANGES[key].period == Period.HOUR
    date_format = formats.get_format("SHORT_DATE_FORMAT")
    fast = _strftime_of(date_format)
    with_hour = _("%(date)s, %(time)s Uhr")
    zone = timezone.get_current_timezone()
    rows = []
    for start, mean, low, high in points:
        local = start.astimezone(zone)
        text = local.strftime(fast) if fast else formats.date_format(local, date_format)
        if hourly:
            text = with_hour % {"date": text, "time": f"{local:%H:%M}"}
        rows.append((start.isoformat(), text, fmt(mean), fmt(low), fmt(high)))
    return rows


def table_html(rows: list[tuple[str, str, str, str, str]]) -> str:
    """The table body's rows as HTML (a year has 365: faster than a template loop)."""
    return format_html_join(
        "\n",
        '<tr><th scope="row"><time datetime="{}">{}</time></th><td>{}</td><td>{}</td>'
        "<td>{}</td></tr>",
        rows,
    )
