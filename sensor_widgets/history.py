"""Location history and features of interest, kept automatically.

- When a Thing's locations change (added, removed, replaced – from either side of the
  many-to-many), a ``HistoricalLocation(time=now, locations=<the current ones>)`` is
  kept, as SensorThings asks; a Thing created with a location gets its first entry.
  Changes within one second (the admin form replaces the set by a removal and an
  addition) make one entry; a Thing left without locations gets none.
- A Datastream saved without a FeatureOfInterest gets one from its Thing's first
  location ("<Thing> – Messort", reused when it exists); so do the Thing's datastreams
  without one when it gets its first location.

Connected by importing this module in ``receivers``.
"""

from __future__ import annotations

import datetime as dt

from django.db.models.signals import m2m_changed, pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from . import roles  # noqa: F401 – connects the town_created receiver (sensor staff groups)
from .models import Datastream, FeatureOfInterest, HistoricalLocation, Thing

SAME_MOVE = dt.timedelta(seconds=1)


def record_locations(thing: Thing, *, now: dt.datetime | None = None) -> HistoricalLocation | None:
    """Keep the Thing's current locations as a new history entry (if they changed)."""
    now = now or timezone.now()
    current = set(thing.locations.values_list("pk", flat=True))
    if not current:
        return None
    latest = HistoricalLocation.objects.filter(thing=thing).order_by("-time", "-pk").first()
    if latest is not None:
        before = set(latest.locations.values_list("pk", flat=True))
        if before == current:
            return latest
        if now - latest.time < SAME_MOVE:  # one move, saved as removal + addition
            latest.locations.set(current)
            return latest
    entry = HistoricalLocation.objects.create(thing=thing, time=now)
    entry.locations.set(current)
    return entry


def feature_of_interest_for(thing: Thing) -> FeatureOfInterest | None:
    """The feature of interest at the Thing's first location (created when missing)."""
    location = thing.locations.order_by("pk").first()
    if location is None:
        return None
    name = (_("%(thing)s – Messort") % {"thing": thing.name})[:200]
    feature = FeatureOfInterest.objects.filter(
        name=name, latitude=location.latitude, longitude=location.longitude
    ).first()
    if feature is None:
        feature = FeatureOfInterest.objects.create(
            name=name,
            description=location.description,
            latitude=location.latitude,
            longitude=location.longitude,
        )
    return feature


def _things_of(instance, reverse: bool, pk_set) -> list[Thing]:
    if not reverse:
        return [instance]
    return list(Thing.objects.filter(pk__in=pk_set or ()))


@receiver(m2m_changed, sender=Thing.locations.through, dispatch_uid="sensor_widgets.history")
def keep_location_history(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    if action == "pre_clear" and reverse:
        # Location.things.clear(): remember whose locations are about to change
        instance._history_things = list(instance.things.all())
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action == "post_clear" and reverse:
        things = getattr(instance, "_history_things", [])
    else:
        things = _things_of(instance, reverse, pk_set)
    now = timezone.now()
    for thing in things:
        record_locations(thing, now=now)
        if action == "post_add":
            _give_features(thing)


def _give_features(thing: Thing) -> None:
    streams = list(Datastream.objects.filter(thing=thing, feature_of_interest__isnull=True))
    if not streams:
        return
    feature = feature_of_interest_for(thing)
    if feature is not None:
        Datastream.objects.filter(pk__in=[s.pk for s in streams]).update(
            feature_of_interest=feature
        )


@receiver(pre_save, sender=Datastream, dispatch_uid="sensor_widgets.history.feature")
def give_feature_of_interest(sender, instance: Datastream, raw: bool = False, **kwargs) -> None:
    if raw or instance.feature_of_interest_id is not None or not instance.thing_id:
        return
    instance.feature_of_interest = feature_of_interest_for(instance.thing)
