"""One person's data across the apps, for requests under Art. 15 and 17 GDPR (access
and erasure): each domain app registers a provider in its ``AppConfig.ready()``; staff
run ``redi personal_data export|erase --email …`` (``management/commands``) or use
the admin view "Auskunft und Löschung" (``personal_data_admin.py``); both describe
what they found and erased with ``found_counts()`` and ``summarise()`` below.

The registry keeps the layer rule: ``portal.core`` knows providers only through the
``Provider`` protocol; apps never import each other.

A provider finds a person by e-mail address (case-insensitive), the one identifier
every form asks for. ``export()`` returns plain JSON-ready dicts; ``erase()`` deletes
what may go, anonymises what must stay (statistics), and reports what it had to keep
(an open case, an upcoming appointment) with the reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from django.db import transaction
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


@dataclass
class Erasure:
    """What ``erase()`` did for one kind of data."""

    erased: int = 0
    kept: int = 0
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"erased": self.erased, "kept": self.kept, "reasons": self.reasons}


@runtime_checkable
class Provider(Protocol):
    #: unique key, "<app label>.<kind>", e.g. "services.cases"
    key: str
    #: what a person reads in the export, e.g. "Online-Anträge (Vorgänge)"
    label: str

    def export(self, email: str) -> list[dict[str, Any]]:
        """Everything stored about the person with ``email``, as JSON-ready dicts."""

    def erase(self, email: str) -> Erasure:
        """Delete or anonymise it; runs inside the caller's transaction."""


_providers: dict[str, Provider] = {}


def register(provider: Provider) -> Provider:
    """Add ``provider`` (once per key; registering the same key again replaces it, so
    a reloaded app does not count twice)."""
    if not isinstance(provider, Provider):
        raise TypeError(f"{provider!r} is not a personal data provider")
    _providers[provider.key] = provider
    return provider


def providers() -> list[Provider]:
    return [_providers[key] for key in sorted(_providers)]


def normalise(email: str) -> str:
    email = email.strip()
    if "@" not in email:
        raise ValueError("an e-mail address is needed")
    return email


def export(email: str) -> dict[str, Any]:
    """``{"email": …, "data": {key: {"label", "items"}}}`` over every provider."""
    email = normalise(email)
    data = {}
    for provider in providers():
        items = provider.export(email)
        if items:
            data[provider.key] = {"label": str(provider.label), "items": items}
    return {"email": email, "data": data}


def erase(email: str) -> dict[str, Erasure]:
    """Erase the person's data in every app, all or nothing (one transaction); files
    leave storage once it has committed (the providers use ``on_commit``)."""
    email = normalise(email)
    with transaction.atomic():
        return {provider.key: provider.erase(email) for provider in providers()}


@dataclass(frozen=True)
class Found:
    """How many items one provider holds about the person."""

    key: str
    label: str
    count: int

    def __str__(self) -> str:
        return f"{self.label} ({self.key}): {self.count}"


def found_counts(found: dict[str, Any], *, with_empty: bool = False) -> list[Found]:
    """Per provider of an ``export()`` answer, how many items it found (in the
    registry's order); ``with_empty`` lists the providers that found nothing too."""
    data = found["data"]
    counts = [
        Found(provider.key, str(provider.label), len(data.get(provider.key, {}).get("items", [])))
        for provider in providers()
    ]
    return [item for item in counts if item.count or with_empty]


@dataclass(frozen=True)
class Summary:
    """What ``erase()`` did, for people: one line per kind of data it erased or kept
    (kept with the reasons), the total and a closing line."""

    lines: list[str]
    total: int

    @property
    def total_line(self) -> str:
        return _("Zusammen: %(total)d gelöscht oder anonymisiert.") % {"total": self.total}


def summarise(results: dict[str, Erasure]) -> Summary:
    labels = {provider.key: str(provider.label) for provider in providers()}
    lines = []
    for key, result in results.items():
        if not (result.erased or result.kept):
            continue
        line = _("%(kind)s: %(erased)d gelöscht/anonymisiert") % {
            "kind": f"{labels.get(key, key)} ({key})",
            "erased": result.erased,
        }
        if result.kept:
            line += _(", %(kept)d behalten (%(reasons)s)") % {
                "kept": result.kept,
                "reasons": "; ".join(result.reasons),
            }
        lines.append(line)
    return Summary(lines=lines, total=sum(result.erased for result in results.values()))


def log_erasure(summary: Summary, *, by: str) -> None:
    """The log line of an erasure – without the address: the request is identified by
    the operator's own records (``by``: "command" or the admin user's id)."""
    logger.info("Personal data erased on request (%s): %d item(s)", by, summary.total)


class OutboxMails:
    """``portal.core``'s own provider: mails to, from (reply-to) or naming the person –
    the only place where messages through a club's contact form are kept."""

    key = "core.outbox"
    label = "E-Mails des Portals"

    def _mails(self, email: str):
        from django.db.models import Q, TextField
        from django.db.models.functions import Cast

        from .models import OutboxMessage

        wanted = email.lower()
        candidates = OutboxMessage.objects.annotate(to_text=Cast("to", TextField())).filter(
            Q(to_text__icontains=email) | Q(reply_to__iexact=email) | Q(body__icontains=email)
        )
        return [
            message
            for message in candidates.order_by("pk")
            if wanted in {address.lower() for address in message.to}
            or message.reply_to.lower() == wanted
            or wanted in message.body.lower()
        ]

    def export(self, email: str) -> list[dict[str, Any]]:
        return [
            {
                "to": message.to,
                "reply_to": message.reply_to,
                "subject": message.subject,
                "body": message.body,
                "attachments": [item["filename"] for item in message.attachments],
                "created_at": message.created_at.isoformat(),
                "sent_at": message.sent_at.isoformat() if message.sent_at else None,
            }
            for message in self._mails(email)
        ]

    def erase(self, email: str) -> Erasure:
        from .models import OutboxMessage

        mails = [message.pk for message in self._mails(email)]
        OutboxMessage.objects.filter(pk__in=mails).delete()
        return Erasure(erased=len(mails))
