"""Sending mail through the outbox (``models.OutboxMessage``).

``queue_mail()`` stores the mail in the caller's transaction and, once that commits,
enqueues :func:`deliver`; ``flush()`` sends whatever is still waiting (run by
``manage.py run_scheduled``, e.g. after a crash between commit and delivery).
"""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Iterable
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from .logsafe import describe_error
from .models import OutboxMessage

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 10
# after the mail server took a mail, how long to keep trying to record that while the
# database is away (a restart, a failover): until then a crash would send it once more
RECORD_SENT_SECONDS = 120


def queue_mail(
    to: Iterable[str],
    subject: str,
    body: str,
    *,
    html: str = "",
    reply_to: str = "",
    attachments: Iterable[tuple[str, bytes, str]] = (),
) -> OutboxMessage:
    """Store a mail for sending after the current transaction commits."""
    message = OutboxMessage.objects.create(
        to=[address for address in to if address],
        subject=subject.replace("\n", " ")[:255],
        body=body,
        html=html,
        reply_to=reply_to,
        attachments=[
            {"filename": name, "mimetype": mimetype, "content": base64.b64encode(data).decode()}
            for name, data, mimetype in attachments
        ],
    )
    transaction.on_commit(lambda: deliver.enqueue(message.pk))
    return message


def sender(address: str) -> str:
    """The sender with its display name quoted: the default "re@di Portal <…>" has an
    "@" in the name, which an SMTP server (and Django's SMTP backend) refuses unquoted."""
    name, angle, rest = address.rpartition("<")
    if not angle or not rest.endswith(">") or name.strip().startswith('"'):
        return address
    return formataddr((name.strip(), rest[:-1].strip()))


def _mail(message: OutboxMessage) -> EmailMultiAlternatives:
    mail = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body,
        from_email=sender(settings.DEFAULT_FROM_EMAIL),
        to=message.to,
        reply_to=[message.reply_to] if message.reply_to else None,
    )
    if message.html:
        mail.attach_alternative(message.html, "text/html")
    for attachment in message.attachments:
        mail.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["mimetype"],
        )
    return mail


def send(message: OutboxMessage) -> bool:
    """Send one stored mail now; True if it went out (or had gone out before)."""
    handed_over = False
    try:
        with transaction.atomic():
            locked = (
                OutboxMessage.objects.select_for_update()
                .filter(pk=message.pk, sent_at=None)
                .first()
            )
            if locked is None:
                return True
            locked.attempts += 1
            try:
                _mail(locked).send()
            except Exception as error:  # any transport failure: keep it for the next flush
                # not the error's text: a refusal names the recipient (kept in last_error)
                logger.warning("Mail %s not sent: %s", locked.pk, describe_error(error))
                locked.last_error = str(error)[:2000]
                locked.save(update_fields=["attempts", "last_error"])
                return False
            handed_over = True
            locked.sent_at = timezone.now()
            locked.last_error = ""
            locked.save(update_fields=["attempts", "last_error", "sent_at"])
            return True
    except DatabaseError:
        if not handed_over:
            raise  # nothing went out: the next flush sends it
        # the mail server has the mail, the database went away before the commit:
        # record it as soon as the database is back, or the next flush sends it again
        _record_sent(message.pk)
        return True


def _record_sent(pk: int) -> None:
    deadline = time.monotonic() + RECORD_SENT_SECONDS
    while True:
        if not connection.in_atomic_block:
            connection.close()  # a new connection for each try
        try:
            OutboxMessage.objects.filter(pk=pk, sent_at=None).update(
                sent_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
            )
            return
        except DatabaseError as error:
            if time.monotonic() > deadline:
                logger.error(
                    "Mail %s was sent but could not be recorded: %s", pk, describe_error(error)
                )
                raise
            time.sleep(1)


@task()
def deliver(message_id: int) -> bool:
    message = OutboxMessage.objects.filter(pk=message_id).first()
    return send(message) if message is not None else False


def flush() -> int:
    """Send every waiting mail; returns how many went out."""
    sent = 0
    waiting = OutboxMessage.objects.filter(sent_at=None, attempts__lt=MAX_ATTEMPTS)
    for message in waiting.order_by("pk"):
        sent += send(message)
    return sent
