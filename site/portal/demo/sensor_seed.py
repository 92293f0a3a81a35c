"""Loads the Sensorik demo: per town its measuring stations (``sensor_content``) with a
location, datastreams, a device and a value profile; a year of hourly and daily history
for the featured datastreams, two days of raw observations for all; alerts where a
threshold was passed (the Murg in Rastatt is above its warning level right now); the
page "Messwerte" below each town's section "Leben in …"; an alert banner at the top of
the home pages of Rastatt and Baden-Baden; a login "sensorik.<slug>" per town.

Idempotent: a station whose Thing exists (town + name) is left alone with its data,
pages are matched by slug, logins by user name.

Speed (the tests seed the demo every session): the values come from the profiles of
``sensor_widgets.simulation``, and observations, aggregates and alerts are inserted in
bulk – the rows the intake (``sensor_widgets.intake.store``) would have made from the
same readings, without announcing two days of readings to the live layer.
"""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone
from django.utils.text import slugify

from portal.core.models import TownSettings
from portal.pages.models import ContentPage
from sensor_widgets import roles
from sensor_widgets.models import (
    Alert,
    Datastream,
    Device,
    Location,
    Observation,
    ObservationAggregate,
    ObservedProperty,
    Sensor,
    Status,
    Thing,
)
from sensor_widgets.simulation import Profile

from . import sensor_content as content

RAW_DAYS = 2
HISTORY_DAYS = 365
STEP = dt.timedelta(minutes=15)
HOUR = dt.timedelta(hours=1)
CHUNK = 500
ALERT_HOMES = ("rastatt", "baden-baden")
LIFE_SECTION = "leben"
#: DevEUI prefixes (the manufacturers' IEEE OUIs) per decoder
OUI = {
    "water_level": "70B3D5E75E",
    "elsys_ers": "A81758FFFE",
    "traffic_counter": "70B3D50B20",
    "bin_fill": "A840414F8A",
    "json": "0004A30B00",
}


def sensor_login(slug: str) -> tuple[str, str]:
    """The demo login of a town's sensor staff."""
    return (f"sensorik.{slug}", f"demo-{slug}")


def seed_sensors(report, *, now: dt.datetime | None = None) -> None:
    """Seed the Sensorik; ``report`` is the demo's ``SeedReport`` (logins, pages)."""
    now = now or timezone.now()
    roles.setup_all_towns()
    flood_start = (now - dt.timedelta(hours=26)).replace(second=0, microsecond=0)
    stations = content.towns(flood_start.isoformat())
    sensors, properties = _sensors(), _properties()
    new: list[tuple[Datastream, content.Stream]] = []
    towns = TownSettings.objects.filter(is_region=False).select_related("site__root_page")
    for number, town in enumerate(towns.order_by("name")):
        for index, station in enumerate(stations.get(town.slug, [])):
            eui = f"{OUI.get(station.decoder, OUI['json'])}{number:02X}{index:04X}"[:16]
            new += _station(town, station, sensors, properties, eui)
    if new:
        _history(new, now)
    for town in towns.order_by("name"):
        if town.slug in stations:
            _login(town, report)
            _page(town, report)
    for slug in ALERT_HOMES:
        town = towns.filter(slug=slug).first()
        if town is not None:
            _alert_banner(town)


def _sensors() -> dict[str, Sensor]:
    found = {}
    for key, (name, description) in content.SENSORS.items():
        found[key] = Sensor.objects.get_or_create(
            name=name, defaults={"description": description, "encoding_type": "text/html"}
        )[0]
    return found


def _properties() -> dict[str, ObservedProperty]:
    found = {}
    for name, description in content.PROPERTIES.items():
        found[name] = ObservedProperty.objects.get_or_create(
            name=name,
            defaults={
                "description": description,
                "definition": content.DEFINITION.format(slug=slugify(name)),
            },
        )[0]
    return found


def _station(town, station, sensors, properties, eui) -> list[tuple[Datastream, content.Stream]]:
    if Thing.objects.filter(site=town.site, name=station.name).exists():
        return []
    for stream in station.streams:  # two stations never report the same values
        stream.profile = {**stream.profile, "id": f"{town.slug}/{slugify(station.name)}"}
    thing = Thing.objects.create(
        site=town.site,
        name=station.name,
        description=station.description,
        properties={"simulation": {stream.key: stream.profile for stream in station.streams}},
    )
    location = Location.objects.create(
        site=town.site,
        name=f"{station.place}, {town.name}",
        latitude=station.latitude,
        longitude=station.longitude,
    )
    thing.locations.add(location)  # history entry, features of interest (history.py)
    made = []
    for stream in station.streams:
        datastream = Datastream.objects.create(
            thing=thing,
            sensor=sensors[station.sensor],
            observed_property=properties[stream.observed],
            name=stream.name,
            description=f"{stream.name} an der Messstelle {station.name}.",
            key=stream.key,
            unit_name=stream.unit_name,
            unit_symbol=stream.unit_symbol,
            unit_definition=stream.unit_definition,
            decimals=stream.decimals,
            physical_min=stream.minimum,
            physical_max=stream.maximum,
            warning_level=stream.warning,
            alarm_level=stream.alarm,
            alert_title=stream.alert_title,
            alert_text=stream.alert_text,
            stale_after_minutes=stream.stale_after,
            properties={"featured": stream.featured},
        )
        made.append((datastream, stream))
    Device.objects.create(
        thing=thing,
        name=f"{content.SENSORS[station.sensor][0]} – {station.name}",
        dev_eui=eui if station.lorawan else None,
        decoder=station.decoder,
    )
    return made


# --- history: what the intake would have stored -------------------------------------------


def _history(streams: list[tuple[Datastream, content.Stream]], now: dt.datetime) -> None:
    zone = ZoneInfo(settings.TIME_ZONE)
    last = now.replace(second=0, microsecond=0)
    last -= dt.timedelta(minutes=last.minute % 15)
    raw_start = last.replace(minute=0) - dt.timedelta(days=RAW_DAYS)
    observations, hours, alerts, latest = [], [], [], []
    for datastream, stream in streams:
        curve = Profile(stream.profile)
        low, high = stream.minimum, stream.maximum
        samples: list[tuple[dt.datetime, float]] = []
        hourly: dict[dt.datetime, list[float]] = {}
        synthetic: set[dt.datetime] = set()
        if stream.featured:  # one value per hour stands for its four readings
            time = raw_start - dt.timedelta(days=HISTORY_DAYS)
            while time < raw_start:
                value = min(high, max(low, curve(time + STEP * 2)))
                samples.append((time + STEP * 2, value))
                hourly[time] = [4, value * 4, value, value]
                synthetic.add(time)
                time += HOUR
        time = raw_start
        while time <= last:
            value = min(high, max(low, curve(time)))
            samples.append((time, value))
            observations.append((datastream.pk, time, value))
            entry = hourly.setdefault(time.replace(minute=0), [0, 0.0, value, value])
            entry[0] += 1
            entry[1] += value
            entry[2], entry[3] = min(entry[2], value), max(entry[3], value)
            time += STEP
        _spread(hourly, synthetic)
        days: dict[dt.datetime, list[float]] = {}
        for start, (count, total, minimum, maximum) in hourly.items():
            hours.append((datastream.pk, "hour", start, count, total, minimum, maximum))
            local = start.astimezone(zone)
            day = dt.datetime(local.year, local.month, local.day, tzinfo=zone).astimezone(dt.UTC)
            entry = days.setdefault(day, [0, 0.0, minimum, maximum])
            entry[0] += count
            entry[1] += total
            entry[2], entry[3] = min(entry[2], minimum), max(entry[3], maximum)
        hours += [(datastream.pk, "day", day, *values) for day, values in days.items()]
        alerts += _alerts(datastream, samples)
        latest.append((datastream, samples[0][0], samples[-1]))
    _insert(Observation, ["datastream_id", "phenomenon_time", "result"], observations)
    _insert(
        ObservationAggregate,
        ["datastream_id", "period", "start", "count", "total", "minimum", "maximum"],
        hours,
    )
    Alert.objects.bulk_create(alerts)
    for datastream, first, (time, value) in latest:
        Datastream.objects.filter(pk=datastream.pk).update(
            first_phenomenon_time=first, last_phenomenon_time=time, last_value=value
        )


def _spread(hourly: dict[dt.datetime, list[float]], synthetic: set[dt.datetime]) -> None:
    """Hours made from one value: minimum and maximum halfway to the neighbours."""
    starts = sorted(hourly)
    means = [hourly[start][1] / hourly[start][0] for start in starts]
    for index, start in enumerate(starts):
        entry = hourly[start]
        if start not in synthetic:
            continue  # from raw readings
        around = means[max(0, index - 1) : index + 2]
        entry[2] = min((means[index] + other) / 2 for other in around)
        entry[3] = max((means[index] + other) / 2 for other in around)


def _alerts(datastream: Datastream, samples: list[tuple[dt.datetime, float]]) -> list[Alert]:
    """The alerts the intake would have opened and closed along ``samples``."""
    if not datastream.has_thresholds:
        return []
    above = datastream.direction == "above"
    found: list[Alert] = []
    current: Alert | None = None
    for time, value in samples:
        status = datastream.status_of(value)
        if status in (Status.WARNING, Status.ALARM):
            if current is not None and current.level == status:
                worse = value > current.peak_value if above else value < current.peak_value
                if worse:
                    current.peak_value = value
                continue
            if current is not None:
                current.ended_at = time
            current = Alert(datastream=datastream, level=status, started_at=time, peak_value=value)
            found.append(current)
        elif current is not None:
            current.ended_at = time
            current = None
    return found


def _insert(model, columns: list[str], rows: list[tuple]) -> None:
    """Plain multi-row INSERTs (``bulk_create`` builds a model instance per row)."""
    if not rows:
        return
    quote = connection.ops.quote_name
    adapt = connection.ops.adapt_datetimefield_value
    table = quote(model._meta.db_table)
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        for offset in range(0, len(rows), CHUNK):
            chunk = rows[offset : offset + CHUNK]
            params = [
                adapt(value) if isinstance(value, dt.datetime) else value
                for row in chunk
                for value in row
            ]
            marks = "(" + ", ".join(["%s"] * len(columns)) + ")"
            cursor.execute(
                f"INSERT INTO {table} ({names}) VALUES {', '.join([marks] * len(chunk))}",  # noqa: S608 – demo: names from the model
                params,
            )


# --- logins and pages ---------------------------------------------------------------------


def _login(town: TownSettings, report) -> None:
    username, password = sensor_login(town.slug)
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        # the town's demo password: reuse the hash of its editor login (hashing is slow)
        editor = User.objects.filter(username=f"redaktion.{town.slug}").first()
        user = User(
            username=username,
            first_name="Sensorik",
            last_name=town.name,
            email=f"{username}@{town.slug}.example",
        )
        if editor is not None and editor.check_password(password):
            user.password = editor.password
        else:
            user.set_password(password)
        user.save()
    user.groups.add(roles.staff_group(town))
    report.logins.append((f"Sensorik {town.name}", username, password))


def _item(value) -> dict:
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def _block(kind: str, value: dict) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _page_body(town: TownSettings) -> list[dict]:
    streams = list(
        Datastream.objects.filter(thing__site=town.site, public=True).order_by("thing__name", "pk")
    )
    first_per_thing: dict[int, Datastream] = {}
    for stream in streams:
        first_per_thing.setdefault(stream.thing_id, stream)
    tiles = list(first_per_thing.values())[:6]
    featured = [s for s in streams if (s.properties or {}).get("featured")]
    chart = featured[0] if featured else (tiles[0] if tiles else None)
    body = [
        _block("sensor_alerts", {"datastreams": []}),
        {"type": "paragraph", "value": content.PAGE_TEXT.format(name=town.name)},
        _block(
            "sensor_values",
            {"title": "Aktuelle Messwerte", "datastreams": [_item(s.pk) for s in tiles]},
        ),
    ]
    if chart is not None:
        body.append(
            _block(
                "sensor_chart",
                {"title": f"Verlauf: {chart.name}", "datastream": chart.pk, "range": "7d"},
            )
        )
    body += [
        _block("sensor_table", {"title": "Alle Messwerte", "datastreams": []}),
        _block(
            "sensor_map",
            {
                "title": "Messstellen",
                "datastreams": [],
                "description": content.MAP_TEXT.format(name=town.name),
            },
        ),
    ]
    return body


def _page(town: TownSettings, report) -> None:
    from .services_seed import _add_live_children  # seed.py imports this module

    home = town.site.root_page
    section = home.get_children().filter(slug=LIFE_SECTION).first()
    if section is None or section.get_children().filter(slug=content.PAGE_SLUG).exists():
        return
    intro = content.PAGE_INTRO.format(name=town.name)
    page = ContentPage(
        title=content.PAGE_TITLE,
        slug=content.PAGE_SLUG,
        intro=intro,
        search_description=intro[:300],
        body=_page_body(town),
        live=True,
        first_published_at=timezone.now(),
        last_published_at=timezone.now(),
    )
    _add_live_children(section.specific, [page])
    report.pages_created += 1


def _alert_banner(town: TownSettings) -> None:
    """A ``sensor_alerts`` block at the top of the home page (once)."""
    home = town.site.root_page.specific
    body = getattr(home, "body", None)
    if body is None or any(block.block_type == "sensor_alerts" for block in body):
        return
    home.body = [_block("sensor_alerts", {"datastreams": []}), *body.raw_data]
    home.save_revision().publish()
