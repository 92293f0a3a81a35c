"""Recurrence of events: RFC 5545 RRULEs checked, expanded and described in German.

Events are entered and shown in Europe/Berlin. Rules are expanded with an aware
``DTSTART`` in that zone, so a weekly 19:00 event stays at 19:00 local time across the
change to and from daylight saving time. ``UNTIL`` may be written in UTC
(``20271231T230000Z``), as local date-time or as a plain date (the whole local day
counts); it is normalised to UTC before dateutil sees it.

Public functions: ``validate_event`` (German ``ValidationError``), ``expand`` (the
dates), ``build_rule`` (for forms) and ``describe`` ("jeden Dienstag bis 30.06.2027").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

BERLIN = ZoneInfo("Europe/Berlin")
MAX_OCCURRENCES = 1000
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
KNOWN_PARTS = {
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "BYYEARDAY",
    "BYWEEKNO",
    "WKST",
}
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$", re.ASCII)
_INT_LIST = re.compile(r"^[+-]?\d{1,3}(,[+-]?\d{1,3})*$", re.ASCII)
_UNTIL = re.compile(r"^(\d{8})(T(\d{6})(Z)?)?$", re.ASCII)
_NUMBER = re.compile(r"^\d{1,9}$", re.ASCII)


class RuleError(ValueError):
    """A rule that cannot be used; ``str()`` is a German sentence for the user."""


def _weekday_names() -> dict[str, tuple[str, str]]:
    """Weekday code → (name, adverb): "Dienstag", "dienstags"."""
    return {
        "MO": (_("Montag"), _("montags")),
        "TU": (_("Dienstag"), _("dienstags")),
        "WE": (_("Mittwoch"), _("mittwochs")),
        "TH": (_("Donnerstag"), _("donnerstags")),
        "FR": (_("Freitag"), _("freitags")),
        "SA": (_("Samstag"), _("samstags")),
        "SU": (_("Sonntag"), _("sonntags")),
    }


# ---------------------------------------------------------------------------- parsing


def split_rule(rule: str) -> dict[str, str]:
    """``"FREQ=WEEKLY;BYDAY=TU"`` → ``{"FREQ": "WEEKLY", "BYDAY": "TU"}``, checked.

    Raises ``RuleError`` with a German message naming what is wrong.
    """
    text = (rule or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text:
        raise RuleError(_("Die Regel ist leer."))
    if "\n" in text or "\r" in text:
        raise RuleError(_("Bitte nur eine Regel in einer Zeile angeben."))
    parts: dict[str, str] = {}
    for chunk in text.strip(";").split(";"):
        if "=" not in chunk:
            raise RuleError(
                _("„%(part)s“ ist kein Teil der Form NAME=WERT.") % {"part": chunk.strip()}
            )
        name, value = (piece.strip().upper() for piece in chunk.split("=", 1))
        if name not in KNOWN_PARTS:
            raise RuleError(_("Unbekannter Bestandteil „%(name)s“.") % {"name": name})
        if name in parts:
            raise RuleError(_("„%(name)s“ steht mehrfach in der Regel.") % {"name": name})
        if not value:
            raise RuleError(_("„%(name)s“ hat keinen Wert.") % {"name": name})
        parts[name] = value
    freq = parts.get("FREQ")
    if not freq:
        raise RuleError(_("FREQ fehlt (z. B. FREQ=WEEKLY für wöchentlich)."))
    if freq not in FREQUENCIES:
        if freq in ("HOURLY", "MINUTELY", "SECONDLY"):
            raise RuleError(_("Wiederholungen öfter als täglich sind nicht möglich."))
        raise RuleError(
            _("Unbekannte Häufigkeit FREQ=%(freq)s. Erlaubt: DAILY, WEEKLY, MONTHLY, YEARLY.")
            % {"freq": freq}
        )
    if "INTERVAL" in parts and (
        not _NUMBER.match(parts["INTERVAL"]) or not 1 <= int(parts["INTERVAL"]) <= 366
    ):
        raise RuleError(_("INTERVAL muss eine ganze Zahl von 1 bis 366 sein."))
    if "COUNT" in parts:
        count = parts["COUNT"]
        if not (count.isascii() and count.isdigit()) or not count.strip("0"):
            raise RuleError(_("COUNT muss eine positive ganze Zahl sein."))
        if not _NUMBER.match(count.lstrip("0")):  # more digits than int() takes
            raise RuleError(
                _("Die Regel ergibt mehr als %(max)d Termine. Bitte früher enden lassen.")
                % {"max": MAX_OCCURRENCES}
            )
        if "UNTIL" in parts:
            raise RuleError(_("COUNT und UNTIL dürfen nicht beide angegeben werden."))
    if "UNTIL" in parts and not _is_until(parts["UNTIL"]):
        raise RuleError(
            _("UNTIL muss ein Datum wie 20271231 oder 20271231T230000Z sein, nicht „%(value)s“.")
            % {"value": parts["UNTIL"]}
        )
    if "BYDAY" in parts:
        for token in parts["BYDAY"].split(","):
            match = _BYDAY.match(token.strip())
            if not match:
                raise RuleError(
                    _(
                        "Unbekannter Wochentag „%(token)s“ in BYDAY. Erlaubt: MO, TU, WE, TH, "
                        "FR, SA, SU, auch mit Nummer wie 1SA (erster Samstag) oder -1FR."
                    )
                    % {"token": token}
                )
            if match.group(1) and not 1 <= abs(int(match.group(1))) <= 53:
                raise RuleError(_("Die Nummer vor dem Wochentag in BYDAY ist ungültig."))
    for name in ("BYMONTHDAY", "BYMONTH", "BYSETPOS", "BYYEARDAY", "BYWEEKNO"):
        if name in parts and not _INT_LIST.match(parts[name]):
            raise RuleError(_("%(name)s erwartet Zahlen, durch Kommas getrennt.") % {"name": name})
    if "WKST" in parts and parts["WKST"] not in WEEKDAYS:
        raise RuleError(_("Unbekannter Wochenbeginn WKST=%(value)s.") % {"value": parts["WKST"]})
    return parts


def _is_until(value: str) -> bool:
    """An UNTIL of the right form that is a real day and time, in UTC and in Berlin."""
    if not _UNTIL.match(value):
        return False
    try:
        _until_utc(value).astimezone(BERLIN)
    except (ValueError, OverflowError):  # 20271399, 00000101, 99991231T235959Z
        return False
    return True


def _until_utc(value: str) -> dt.datetime:
    """UNTIL text → aware UTC datetime (dates: end of that local day)."""
    match = _UNTIL.match(value)
    day = dt.datetime.strptime(match.group(1), "%Y%m%d")
    if match.group(3) is None:
        local = day.replace(hour=23, minute=59, second=59, tzinfo=BERLIN)
        return local.astimezone(dt.UTC)
    moment = day.replace(
        hour=int(match.group(3)[:2]),
        minute=int(match.group(3)[2:4]),
        second=int(match.group(3)[4:]),
    )
    if match.group(4):
        return moment.replace(tzinfo=dt.UTC)
    return moment.replace(tzinfo=BERLIN).astimezone(dt.UTC)


def until_of(parts: dict[str, str]) -> dt.datetime | None:
    return _until_utc(parts["UNTIL"]) if "UNTIL" in parts else None


def normalised(parts: dict[str, str], *, all_day: bool = False) -> str:
    """The rule as text with UNTIL in UTC (or as local date for all-day events)."""
    parts = dict(parts)
    if "UNTIL" in parts:
        until = _until_utc(parts["UNTIL"])
        parts["UNTIL"] = (
            until.astimezone(BERLIN).strftime("%Y%m%d")
            if all_day
            else until.strftime("%Y%m%dT%H%M%SZ")
        )
    order = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYMONTH", "BYWEEKNO", "BYYEARDAY"]
    order += ["BYMONTHDAY", "BYDAY", "BYSETPOS", "WKST"]
    return ";".join(f"{name}={parts[name]}" for name in order if name in parts)


def local_start(event) -> dt.datetime:
    """The event's start as aware Berlin datetime (midnight for all-day events)."""
    start = event.start.astimezone(BERLIN)
    if event.all_day:
        return dt.datetime.combine(start.date(), dt.time(), tzinfo=BERLIN)
    return start


def make_rule(event, parts: dict[str, str] | None = None) -> rrule:
    parts = parts if parts is not None else split_rule(event.recurrence)
    text = normalised(parts)
    try:
        return rrulestr("RRULE:" + text, dtstart=local_start(event))
    except (ValueError, TypeError) as error:
        raise RuleError(
            _("Die Regel ist ungültig: %(error)s") % {"error": str(error) or type(error).__name__}
        ) from error


def exception_dates(event) -> set[dt.date]:
    """The exception dates; raises ``RuleError`` for anything that is not a date."""
    values = event.exceptions or []
    if isinstance(values, str):
        values = [piece for piece in re.split(r"[\s,;]+", values) if piece]
    if not isinstance(values, list | tuple):
        raise RuleError(_("Ausnahmen müssen eine Liste von Tagen (JJJJ-MM-TT) sein."))
    dates = set()
    for value in values:
        if isinstance(value, dt.datetime):
            dates.add(value.astimezone(BERLIN).date() if value.tzinfo else value.date())
            continue
        if isinstance(value, dt.date):
            dates.add(value)
            continue
        try:
            dates.add(dt.date.fromisoformat(str(value).strip()))
        except ValueError:
            raise RuleError(
                _("„%(value)s“ ist kein gültiger Tag. Bitte in der Form JJJJ-MM-TT angeben.")
                % {"value": value}
            ) from None
    return dates


# -------------------------------------------------------------------------- validation


def validate_event(event) -> None:
    """Check start/end, rule and exceptions of ``event``; raise a ``ValidationError``
    keyed by field with German messages. Nothing is changed."""
    errors: dict[str, str] = {}
    if event.start and event.end:
        if event.all_day:
            start_day = event.start.astimezone(BERLIN).date()
            if event.end.astimezone(BERLIN).date() < start_day:
                errors["end"] = _("Das Ende darf nicht vor dem Beginn liegen.")
        elif event.end <= event.start:
            errors["end"] = _("Das Ende muss nach dem Beginn liegen.")
    try:
        exception_dates(event)
    except RuleError as error:
        errors["exceptions"] = str(error)
    if event.recurrence and event.recurrence.strip() and event.start:
        try:
            _check_rule(event)
        except RuleError as error:
            errors["recurrence"] = str(error)
    elif event.exceptions and "exceptions" not in errors:
        errors["exceptions"] = _("Ausnahmen gibt es nur bei wiederkehrenden Veranstaltungen.")
    if errors:
        raise ValidationError(errors)


def _check_rule(event) -> None:
    parts = split_rule(event.recurrence)
    until = until_of(parts)
    start = local_start(event)
    if until is not None and until < start:
        raise RuleError(
            _("Das Ende der Wiederholung (UNTIL, %(until)s) liegt vor dem Beginn.")
            % {"until": until.astimezone(BERLIN).strftime("%d.%m.%Y")}
        )
    rule = make_rule(event, parts)
    first = rule.after(start, inc=True)
    if first is None:
        raise RuleError(_("Nach dieser Regel findet die Veranstaltung an keinem Tag statt."))
    if "COUNT" in parts or until is not None:
        for number, _moment in enumerate(rule, start=1):
            if number > MAX_OCCURRENCES:
                raise RuleError(
                    _("Die Regel ergibt mehr als %(max)d Termine. Bitte früher enden lassen.")
                    % {"max": MAX_OCCURRENCES}
                )


# --------------------------------------------------------------------------- expansion


def horizon() -> dt.datetime:
    days = getattr(settings, "VEREINE_OCCURRENCE_HORIZON_DAYS", 400)
    today = timezone.localdate()
    return dt.datetime.combine(today + dt.timedelta(days=days), dt.time(23, 59), tzinfo=BERLIN)


def _local_duration(event) -> dt.timedelta:
    """The wall-clock length (an all-day event: whole days, at least one)."""
    start = event.start.astimezone(BERLIN)
    end = event.end.astimezone(BERLIN)
    if event.all_day:
        return dt.timedelta(days=max((end.date() - start.date()).days, 0) + 1)
    return end.replace(tzinfo=None) - start.replace(tzinfo=None)


def _end_of(start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
    naive = start.replace(tzinfo=None) + duration
    return naive.replace(tzinfo=BERLIN)


def expand(event, until: dt.datetime | None = None) -> list[tuple[dt.datetime, dt.datetime]]:
    """Every (start, end) of ``event`` as aware Berlin datetimes, exceptions removed.

    Open-ended rules run to ``settings.VEREINE_OCCURRENCE_HORIZON_DAYS`` from today;
    ``until`` cuts any rule earlier. All-day events start at local midnight and end at
    the midnight after their last day. An invalid rule yields only the first date.
    """
    start = local_start(event)
    duration = _local_duration(event)
    if not (event.recurrence or "").strip():
        moments = [start]
    else:
        try:
            parts = split_rule(event.recurrence)
            rule = make_rule(event, parts)
            skip = exception_dates(event)
        except RuleError:
            moments, skip = [start], set()
        else:
            finite = "COUNT" in parts or "UNTIL" in parts
            limit = until or (None if finite else horizon())
            moments = []
            for moment in rule:
                if limit is not None and moment > limit:
                    break
                if len(moments) >= MAX_OCCURRENCES * (1 if finite else 5):
                    break
                if moment.date() not in skip:
                    moments.append(moment)
            return [(moment, _end_of(moment, duration)) for moment in moments]
    if until is not None:
        moments = [moment for moment in moments if moment <= until]
    return [(moment, _end_of(moment, duration)) for moment in moments]


def is_open_ended(event) -> bool:
    if not (event.recurrence or "").strip():
        return False
    try:
        parts = split_rule(event.recurrence)
    except RuleError:
        return False
    return "COUNT" not in parts and "UNTIL" not in parts


# ----------------------------------------------------------------------------- builder


def _until_text(until: dt.date | dt.datetime) -> str:
    if isinstance(until, dt.datetime):
        moment = until if until.tzinfo else until.replace(tzinfo=BERLIN)
    else:
        moment = dt.datetime.combine(until, dt.time(23, 59, 59), tzinfo=BERLIN)
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def build_rule(
    freq: str,
    interval: int = 1,
    weekdays: list | tuple = (),
    until: dt.date | dt.datetime | None = None,
    count: int | None = None,
) -> str:
    """A rule from form values: ``build_rule("weekly", 2, ["MO", "TH"], date(2027, 6, 30))``
    → ``"FREQ=WEEKLY;INTERVAL=2;UNTIL=20270630T215959Z;BYDAY=MO,TH"``.

    ``weekdays`` holds codes ("TU", "1SA", "-1FR") or numbers (0 = Monday); with
    ``freq="monthly"`` a plain code like "SA" means every Saturday of the month.
    Raises ``RuleError`` (German message) for impossible values.
    """
    parts = {"FREQ": str(freq or "").strip().upper()}
    if interval and int(interval) != 1:
        parts["INTERVAL"] = str(int(interval))
    if count:
        parts["COUNT"] = str(int(count))
    if until:
        parts["UNTIL"] = _until_text(until)
    codes = []
    for day in weekdays or ():
        codes.append(WEEKDAYS[day] if isinstance(day, int) else str(day).strip().upper())
    if codes:
        parts["BYDAY"] = ",".join(codes)
    split_rule(normalised(parts) if parts["FREQ"] else "")  # raises RuleError when invalid
    return normalised(parts)


# ---------------------------------------------------------------------------- describe


def _ordinal(number: int) -> str:
    if number == -1:
        return _("letzten")
    if number == -2:
        return _("vorletzten")
    return f"{number}."


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s und %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def describe(event) -> str:
    """The rule in German words: "jeden Dienstag", "alle 2 Wochen montags und
    donnerstags", "jeden 1. Samstag im Monat", "… bis 30.06.2027". "" if not recurring."""
    if not (event.recurrence or "").strip():
        return ""
    try:
        parts = split_rule(event.recurrence)
    except RuleError:
        return ""
    start = local_start(event)
    names = _weekday_names()
    interval = int(parts.get("INTERVAL", "1"))
    days = []
    for token in parts.get("BYDAY", "").split(",") if parts.get("BYDAY") else []:
        match = _BYDAY.match(token)
        days.append((int(match.group(1)) if match.group(1) else None, match.group(2)))
    setpos = parts.get("BYSETPOS")
    if setpos and _INT_LIST.match(setpos) and "," not in setpos:
        days = [(number or int(setpos), code) for number, code in days]
    freq = parts["FREQ"]
    if freq == "DAILY":
        text = _("täglich") if interval == 1 else _("alle %(n)d Tage") % {"n": interval}
    elif freq == "WEEKLY":
        codes = [code for _number, code in days] or [WEEKDAYS[start.weekday()]]
        if interval == 1 and len(codes) == 1:
            text = _("jeden %(day)s") % {"day": names[codes[0]][0]}
        elif interval == 1:
            text = _("wöchentlich %(days)s") % {"days": _join([names[c][1] for c in codes])}
        else:
            text = _("alle %(n)d Wochen %(days)s") % {
                "n": interval,
                "days": _join([names[c][1] for c in codes]),
            }
    elif freq == "MONTHLY":
        every = _("jeden Monat") if interval == 1 else _("alle %(n)d Monate") % {"n": interval}
        if days and all(number is not None for number, _code in days):
            labels = _join([f"{_ordinal(number)} {names[code][0]}" for number, code in days])
            text = (
                _("jeden %(days)s im Monat") % {"days": labels}
                if interval == 1
                else _("%(every)s am %(days)s") % {"every": every, "days": labels}
            )
        elif days:
            text = _("%(every)s %(days)s") % {
                "every": every,
                "days": _join([names[code][1] for _n, code in days]),
            }
        else:
            monthdays = parts.get("BYMONTHDAY", str(start.day)).split(",")
            labels = _join([_("letzten Tag") if d == "-1" else f"{int(d)}." for d in monthdays])
            text = _("%(every)s am %(days)s") % {"every": every, "days": labels}
    else:
        every = _("jedes Jahr") if interval == 1 else _("alle %(n)d Jahre") % {"n": interval}
        text = _("%(every)s am %(date)s") % {"every": every, "date": _day_month(start)}
    if "UNTIL" in parts:
        until = _until_utc(parts["UNTIL"]).astimezone(BERLIN)
        text = _("%(rule)s bis %(date)s") % {"rule": text, "date": until.strftime("%d.%m.%Y")}
    elif "COUNT" in parts:
        count = int(parts["COUNT"])
        text += ", " + ngettext("%(n)d Termin", "%(n)d Termine", count) % {"n": count}
    return text


def _day_month(moment: dt.datetime) -> str:
    months = [
        _("Januar"),
        _("Februar"),
        _("März"),
        _("April"),
        _("Mai"),
        _("Juni"),
        _("Juli"),
        _("August"),
        _("September"),
        _("Oktober"),
        _("November"),
        _("Dezember"),
    ]
    return f"{moment.day}. {months[moment.month - 1]}"


@dataclass(frozen=True)
class RuleParts:
    """Parsed rule for forms (what ``build_rule`` takes)."""

    freq: str
    interval: int
    weekdays: tuple[str, ...]
    until: dt.date | None
    count: int | None


def parse_for_form(rule: str) -> RuleParts | None:
    """The reverse of ``build_rule`` for pre-filling a form; None if not parseable."""
    try:
        parts = split_rule(rule)
    except RuleError:
        return None
    return RuleParts(
        freq=parts["FREQ"],
        interval=int(parts.get("INTERVAL", "1")),
        weekdays=tuple(parts["BYDAY"].split(",")) if parts.get("BYDAY") else (),
        until=until_of(parts).astimezone(BERLIN).date() if "UNTIL" in parts else None,
        count=int(parts["COUNT"]) if "COUNT" in parts else None,
    )
