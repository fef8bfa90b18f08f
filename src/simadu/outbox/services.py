"""Enqueue a message in the caller's transaction; deliver it after commit, retrying with backoff."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from simadu.core import clock, crypto
from simadu.outbox.models import OutboxMessage

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
_CONTEXT = b"outbox"
_ADDRESS = re.compile(r"[^\s<>'\"(),;:]+@[^\s<>'\"(),;:]+")


def _payload(message: OutboxMessage) -> dict[str, Any]:
    key = crypto.unwrap(bytes(message.data_key))
    return dict(json.loads(crypto.unseal(key, bytes(message.payload), context=_CONTEXT)))


def outbox_enqueue(*, kind: str, topic: str, payload: dict[str, Any]) -> OutboxMessage:
    key, wrapped = crypto.new_data_key()
    now = clock.now()
    message = OutboxMessage.objects.create(
        kind=kind,
        topic=topic,
        data_key=wrapped,
        payload=crypto.seal(key, json.dumps(payload).encode(), context=_CONTEXT),
        created_at=now,
        next_attempt_at=now,
    )
    from simadu.outbox.tasks import deliver_message

    transaction.on_commit(lambda: deliver_message.delay(message.pk))
    return message


def _send(message: OutboxMessage) -> None:
    data = _payload(message)
    if message.kind == OutboxMessage.Kind.EMAIL:
        EmailMessage(
            subject=data["subject"], body=data["body"], to=[data["to"]], headers=data.get("headers") or {}
        ).send()
    else:
        raise RuntimeError(f"no gateway for {message.kind} yet")


def _without_addresses(error: str) -> str:
    """Mail servers quote the refused address; `last_error` is a plain column, and the address is an identity."""
    return _ADDRESS.sub("[alamat]", error)


def outbox_deliver(*, message_id: int) -> OutboxMessage | None:
    """Try one delivery. A failure is recorded with its reason and retried later with backoff."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.state in (OutboxMessage.State.SENT, OutboxMessage.State.FAILED):
            return message
        now = clock.now()
        if message.kind == OutboxMessage.Kind.EMAIL and not settings.SIMADU_MAIL_CONFIGURED:
            message.state, message.last_error = OutboxMessage.State.HELD, "SIMADU_SMTP_HOST is not set"
            message.save(update_fields=["state", "last_error"])
            return message
        message.attempts += 1
        try:
            _send(message)
        except Exception as exc:  # any failure of the outside world is recorded, never raised into a request
            message.last_error = _without_addresses(f"{type(exc).__name__}: {exc}")[:500]
            message.next_attempt_at = now + dt.timedelta(minutes=2 ** min(message.attempts, 10))
            if message.attempts >= MAX_ATTEMPTS:
                message.state = OutboxMessage.State.FAILED
            log.warning(
                "outbox message %s failed (attempt %s): %s", message.pk, message.attempts, type(exc).__name__
            )
        else:
            message.state, message.sent_at, message.last_error = OutboxMessage.State.SENT, now, ""
        message.save()
    return message


def outbox_deliver_due(*, limit: int = 100) -> int:
    """Deliver what is due (the periodic sweep); returns how many were tried."""
    due = list(
        OutboxMessage.objects.filter(state=OutboxMessage.State.PENDING, next_attempt_at__lte=clock.now())
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    for pk in due:
        outbox_deliver(message_id=pk)
    return len(due)
