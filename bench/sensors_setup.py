"""What the Sensorik benchmark needs in its database: one town (Rastatt) with its
measuring points, datastreams and devices, made through the models as an editor would
(``setup``), and one datastream with a year of hourly and daily aggregates for the chart
(``year_of_aggregates``, bulk-inserted). Runs in-process after ``django.setup()``."""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

HOST = "rastatt.localhost"


@dataclass
class Made:
    town_site_id: int = 0
    home_page_id: int = 0
    http: list[dict] = field(default_factory=list)  # {"datastream", "key", "token"}
    mqtt: list[dict] = field(default_factory=list)  # {"datastream", "key", "dev_eui"}
    live: dict = field(default_factory=dict)  # {"datastream", "key", "token"}
    chart: int = 0  # datastream id with a year of aggregates


def _stream(site, sensor, prop, name: str, key: str, **extra):
    from sensor_widgets.models import Datastream, FeatureOfInterest, Location, Thing

    thing = Thing.objects.create(site=site, name=name, description="Benchmark-Messstelle")
    thing.locations.add(
        Location.objects.create(site=site, name=f"Standort {name}", latitude=48.86, longitude=8.2)
    )
    feature = FeatureOfInterest.objects.create(
        name=f"Murg an {name}", latitude=48.86, longitude=8.2
    )
    return Datastream.objects.create(
        thing=thing,
        sensor=sensor,
        observed_property=prop,
        feature_of_interest=feature,
        name=f"Wasserstand {name}",
        key=key,
        unit_name="Zentimeter",
        unit_symbol="cm",
        decimals=0,
        physical_min=0,
        physical_max=1000,
        **extra,
    )


def setup(http_devices: int, mqtt_devices: int, port: int = 80) -> Made:
    from django.db import transaction

    from portal.core.towns import create_town
    from sensor_widgets.models import Device, ObservedProperty, Sensor

    made = Made()
    with transaction.atomic():
        town = create_town(
            slug="rastatt", name="Rastatt", hostname=HOST, port=port, is_default_site=True
        ).settings
        made.town_site_id = town.site_id
        made.home_page_id = town.site.root_page_id
        sensor = Sensor.objects.create(name="Ultraschall-Pegelsensor", metadata="bench")
        prop, _ = ObservedProperty.objects.get_or_create(
            name="Wasserstand", defaults={"definition": "https://example.org/wasserstand"}
        )
        for number in range(http_devices):
            stream = _stream(town.site, sensor, prop, f"HTTP-Pegel {number + 1}", "level")
            device = Device.objects.create(thing=stream.thing, name=f"HTTP-Gerät {number + 1}")
            made.http.append(
                {"datastream": stream.pk, "key": "level", "token": device.issue_token()}
            )
        for number in range(mqtt_devices):
            stream = _stream(town.site, sensor, prop, f"LoRa-Pegel {number + 1}", "water_level_cm")
            dev_eui = f"BE0C{number + 1:012X}"
            Device.objects.create(
                thing=stream.thing, name=f"LoRa-Gerät {number + 1}", dev_eui=dev_eui
            )
            made.mqtt.append({"datastream": stream.pk, "key": "water_level_cm", "dev_eui": dev_eui})
        stream = _stream(
            town.site,
            sensor,
            prop,
            "Pegel Murg (live)",
            "level",
            warning_level=900,
            alarm_level=950,
            alert_title="Hochwasser-Warnung",
        )
        device = Device.objects.create(thing=stream.thing, name="Live-Gerät")
        made.live = {"datastream": stream.pk, "key": "level", "token": device.issue_token()}
        chart = _stream(town.site, sensor, prop, "Pegel Murg (Jahr)", "level", warning_level=900)
        made.chart = chart.pk
    return made


def year_of_aggregates(datastream_id: int, now: dt.datetime, seed: int = 3) -> int:
    """8,760 hourly and 365 daily aggregates up to ``now`` (a seasonal level with noise,
    four readings an hour), bulk-inserted; the datastream's latest value set to match."""
    from zoneinfo import ZoneInfo

    from django.conf import settings

    from sensor_widgets.models import Datastream, ObservationAggregate

    rng = random.Random(seed)
    zone = ZoneInfo(settings.TIME_ZONE)
    end = now.astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)
    hours = [end - dt.timedelta(hours=h) for h in range(24 * 365)][::-1]
    rows, days = [], {}
    for hour in hours:
        day_of_year = hour.timetuple().tm_yday
        level = 180 + 60 * math.sin(day_of_year / 365 * 2 * math.pi) + rng.uniform(-15, 15)
        values = [max(0.0, level + rng.uniform(-5, 5)) for _ in range(4)]
        rows.append(
            ObservationAggregate(
                datastream_id=datastream_id,
                period="hour",
                start=hour,
                count=4,
                total=sum(values),
                minimum=min(values),
                maximum=max(values),
            )
        )
        local = hour.astimezone(zone)
        day = dt.datetime(local.year, local.month, local.day, tzinfo=zone).astimezone(dt.UTC)
        entry = days.setdefault(day, [0, 0.0, math.inf, -math.inf])
        entry[0] += 4
        entry[1] += sum(values)
        entry[2] = min(entry[2], min(values))
        entry[3] = max(entry[3], max(values))
    rows += [
        ObservationAggregate(
            datastream_id=datastream_id,
            period="day",
            start=day,
            count=count,
            total=total,
            minimum=minimum,
            maximum=maximum,
        )
        for day, (count, total, minimum, maximum) in days.items()
    ]
    ObservationAggregate.objects.bulk_create(rows, batch_size=2000)
    last = rows[len(hours) - 1]
    Datastream.objects.filter(pk=datastream_id).update(
        first_phenomenon_time=hours[0],
        last_phenomenon_time=now,
        last_value=last.maximum,
    )
    return len(rows)
