"""How an event reads on the site: date texts, place, status label, schema.org JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from django.utils import dateformat
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from ..models import EventPage, EventStatus, LocationKind
from ..recurrence import BERLIN

DAY = "D, j. N Y"


def local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(BERLIN)


def when_text(start: dt.datetime, end: dt.datetime, all_day: bool) -> str:
    """ "Di, 3. Dez. 2026, 19:00–21:00 Uhr"; all-day: "Do, 3. Dez. 2026 (ganztägig)"."""
    start, end = local(start), local(end)
    if all_day:
        last = (end - dt.timedelta(seconds=1)).date() if end > start else start.date()
        if last <= start.date():
            return _("%(day)s (ganztägig)") % {"day": dateformat.format(start, DAY)}
        return _("%(first)s bis %(last)s (ganztägig)") % {
            "first": dateformat.format(start, DAY),
            "last": dateformat.format(last, DAY),
        }
    if start.date() == end.date():
        return _("%(day)s, %(start)s–%(end)s Uhr") % {
            "day": dateformat.format(start, DAY),
            "start": dateformat.format(start, "H:i"),
            "end": dateformat.format(end, "H:i"),
        }
    return _("%(day)s, %(start)s Uhr bis %(end_day)s, %(end)s Uhr") % {
        "day": dateformat.format(start, DAY),
        "start": dateformat.format(start, "H:i"),
        "end_day": dateformat.format(end, DAY),
        "end": dateformat.format(end, "H:i"),
    }


def time_text(start: dt.datetime, end: dt.datetime, all_day: bool) -> str:
    """The time part for a day list: "19:00–21:00 Uhr", "ganztägig", "19:00 Uhr bis Sa, …"."""
    start, end = local(start), local(end)
    if all_day:
        return _("ganztägig")
    if start.date() == end.date():
        return _("%(start)s–%(end)s Uhr") % {
            "start": dateformat.format(start, "H:i"),
            "end": dateformat.format(end, "H:i"),
        }
    return _("%(start)s Uhr bis %(end_day)s, %(end)s Uhr") % {
        "start": dateformat.format(start, "H:i"),
        "end_day": dateformat.format(end, DAY),
        "end": dateformat.format(end, "H:i"),
    }


def status_label(event: EventPage, occurrence_cancelled: bool = False) -> str:
    """ "abgesagt" / "verschoben" / "" – shown as text, never only as colour."""
    if occurrence_cancelled or event.status == EventStatus.CANCELLED:
        return _("abgesagt")
    if event.status == EventStatus.POSTPONED:
        return _("verschoben")
    return ""


@dataclass
class Place:
    name: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    online_url: str = ""
    latitude: float | None = None
    longitude: float | None = None

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not (self.street or self.city or self.name)

    @property
    def one_line(self) -> str:
        town = " ".join(part for part in (self.postcode, self.city) if part)
        text = ", ".join(part for part in (self.name, self.street, town) if part)
        return text or self.online_url

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def place_of(event: EventPage, club=None) -> Place:
    """Where ``event`` takes place: the club's meeting place, its own address or online."""
    club = club if club is not None else event.club
    if event.location_kind == LocationKind.ONLINE:
        return Place(name=event.location_name, online_url=event.online_url)
    if event.location_kind == LocationKind.ADDRESS or club is None:
        return Place(
            name=event.location_name,
            street=event.street,
            postcode=event.postcode,
            city=event.city,
            online_url=event.online_url,
        )
    return Place(
        name=event.location_name or club.place_name,
        street=club.street,
        postcode=club.postcode,
        city=club.city,
        online_url=event.online_url,
        latitude=club.latitude,
        longitude=club.longitude,
    )


SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
}


def json_ld(
    event: EventPage,
    *,
    start: dt.datetime,
    end: dt.datetime,
    url: str,
    club_url: str,
    image_url: str = "",
    place: Place,
) -> str:
    """schema.org ``Event`` as JSON, safe to put into a ``<script>`` element."""
    if event.all_day:
        start_value = local(start).date().isoformat()
        end_value = (local(end) - dt.timedelta(seconds=1)).date().isoformat()
    else:
        start_value, end_value = local(start).isoformat(), local(end).isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": start_value,
        "endDate": end_value,
        "eventStatus": SCHEMA_STATUS.get(event.status, SCHEMA_STATUS[EventStatus.SCHEDULED]),
        "description": event.teaser or strip_tags(event.description or ""),
    }
    physical = bool(place.street or place.city or place.name)
    if place.online_url and physical:
        mode = "https://schema.org/MixedEventAttendanceMode"
    elif place.online_url:
        mode = "https://schema.org/OnlineEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    data["eventAttendanceMode"] = mode
    locations = []
    if physical:
        location = {
            "@type": "Place",
            "name": place.name or place.one_line,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": place.street,
                "postalCode": place.postcode,
                "addressLocality": place.city,
                "addressCountry": "DE",
            },
        }
        if place.has_coordinates:
            location["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": place.latitude,
                "longitude": place.longitude,
            }
        locations.append(location)
    if place.online_url:
        locations.append({"@type": "VirtualLocation", "url": place.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.club_id:
        data["organizer"] = {"@type": "Organization", "name": event.club.title, "url": club_url}
    if event.is_free:
        data["isAccessibleForFree"] = True
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR", "url": url}
    elif event.price_amount is not None:
        data["offers"] = {
            "@type": "Offer",
            "price": f"{event.price_amount:.2f}",
            "priceCurrency": "EUR",
            "url": url,
        }
    if image_url:
        data["image"] = [image_url]
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
