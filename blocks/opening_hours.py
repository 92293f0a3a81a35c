"""Structured opening hours: regular times per weekday, exceptions, public holidays.

``status()`` answers "open now?" for a moment in the town's time zone; public holidays
of Baden-Württemberg (the ``holidays`` package) close the office unless an exception
says otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

WEEKDAYS = [
    ("0", _("Montag")),
    ("1", _("Dienstag")),
    ("2", _("Mittwoch")),
    ("3", _("Donnerstag")),
    ("4", _("Freitag")),
    ("5", _("Samstag")),
    ("6", _("Sonntag")),
]
WEEKDAY_NAMES = dict(WEEKDAYS)


@lru_cache(maxsize=16)
def _holidays(year: int, subdivision: str) -> holidays.HolidayBase:
    return holidays.Germany(subdiv=subdivision, years=year, language="de")


def holiday_name(day: dt.date, subdivision: str = "BW") -> str | None:
    return _holidays(day.year, subdivision).get(day)


@dataclass
class Status:
    open: bool
    label: str  # "Jetzt geöffnet" / "Jetzt geschlossen"
    detail: str  # "bis 12:00 Uhr" / "Heute: Pfingstmontag"


def _time(value) -> str:
    return value.strftime("%H:%M")


def _span(opens, closes) -> str:
    return gettext("%(opens)s–%(closes)s Uhr") % {"opens": _time(opens), "closes": _time(closes)}


def periods_for(value, day: dt.date, subdivision: str = "BW") -> tuple[list, str | None]:
    """The (open, close) periods of ``day`` and the reason if it differs from the rule."""
    for exception in value.get("exceptions") or []:
        if exception.get("date") == day:
            if exception.get("closed") or not exception.get("opens"):
                return [], exception.get("note") or str(_("geschlossen"))
            return [(exception["opens"], exception["closes"])], exception.get("note") or None
    name = holiday_name(day, subdivision) if value.get("closed_on_holidays", True) else None
    if name:
        return [], name
    periods = [
        (period["opens"], period["closes"])
        for period in value.get("periods") or []
        if str(day.weekday()) in (period.get("weekdays") or [])
        and period.get("opens")
        and period.get("closes")
    ]
    return sorted(periods), None


def status(value, now: dt.datetime | None = None, subdivision: str = "BW") -> Status:
    now = timezone.localtime(now or timezone.now())
    periods, reason = periods_for(value, now.date(), subdivision)
    for opens, closes in periods:
        if opens <= now.time() < closes:
            detail = gettext("bis %(time)s Uhr") % {"time": _time(closes)}
            return Status(True, str(_("Jetzt geöffnet")), detail)
    later = [opens for opens, _closes in periods if opens > now.time()]
    if later:
        detail = gettext("öffnet heute um %(time)s Uhr") % {"time": _time(later[0])}
    elif reason:
        detail = gettext("heute: %(reason)s") % {"reason": reason}
    else:
        detail = ""
    return Status(False, str(_("Jetzt geschlossen")), detail)


def weekly_table(value) -> list[dict]:
    """One row per weekday with its periods, for the table in the template."""
    rows = []
    for key, name in WEEKDAYS:
        times = [
            _span(p["opens"], p["closes"])
            for p in sorted(value.get("periods") or [], key=lambda p: p.get("opens") or dt.time())
            if key in (p.get("weekdays") or []) and p.get("opens") and p.get("closes")
        ]
        rows.append({"day": name, "times": times})
    return rows


def upcoming_exceptions(value, today: dt.date | None = None, days: int = 60) -> list[dict]:
    """Exceptions and public holidays on weekdays with opening hours, next ``days`` days."""
    today = today or timezone.localdate()
    end = today + dt.timedelta(days=days)
    found = {}
    for exception in value.get("exceptions") or []:
        day = exception.get("date")
        if day and today <= day <= end:
            if exception.get("closed") or not exception.get("opens"):
                text = str(_("geschlossen"))
            else:
                text = _span(exception["opens"], exception["closes"])
            found[day] = {"date": day, "text": text, "note": exception.get("note") or ""}
    if value.get("closed_on_holidays", True):
        open_weekdays = {d for p in value.get("periods") or [] for d in p.get("weekdays") or []}
        day = today
        while day <= end:
            name = holiday_name(day)
            if name and day not in found and str(day.weekday()) in open_weekdays:
                found[day] = {"date": day, "text": str(_("geschlossen")), "note": name}
            day += dt.timedelta(days=1)
    return [found[key] for key in sorted(found)]
