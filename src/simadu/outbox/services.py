"""Enqueue a message in the caller's transaction; deliver it after commit, retrying with backoff."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from email.utils import make_msgid
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q

from simadu.core import clock, crypto
from simadu.outbox import gateways
from simadu.outbox.models import OutboxMessage

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
_CONTEXT = b"outbox"
_ADDRESS = re.compile(r"[^\s<>'\"(),;:]+@[^\s<>'\"(),;:]+")
_PHONE = re.compile(r"\+?\d[\d .-]{7,}\d")  # an SMS gateway may quote the number it refused


def _payload(message: OutboxMessage) -> dict[str, Any]:
    key = crypto.unwrap(bytes(message.data_key))
    return dict(json.loads(crypto.unseal(key, bytes(message.payload), context=_CONTEXT)))


def mail_domain() -> str:
    """The right-hand side of our Message-IDs: SIMADU_MAIL_DOMAIN, else the host of SIMADU_PUBLIC_URL."""
    domain = getattr(settings, "SIMADU_MAIL_DOMAIN", "") or urlsplit(settings.SIMADU_PUBLIC_URL).hostname
    return domain or "simadu.localhost"


def outbox_enqueue(*, kind: str, topic: str, payload: dict[str, Any], case: Any = None) -> OutboxMessage:
    """Queue a message in the caller's transaction. An e-mail gets its own Message-ID now, so the next
    message about the same case can thread onto it and a reply to it finds the case again."""
    key, wrapped = crypto.new_data_key()
    now = clock.now()
    message_id = make_msgid(domain=mail_domain()) if kind == OutboxMessage.Kind.EMAIL else ""
    message = OutboxMessage.objects.create(
        kind=kind,
        topic=topic,
        data_key=wrapped,
        payload=crypto.seal(key, json.dumps(payload).encode(), context=_CONTEXT),
        created_at=now,
        next_attempt_at=now,
        case=case,
        message_id=message_id,
    )
    from simadu.outbox.tasks import deliver_message

    transaction.on_commit(lambda: deliver_message.delay(message.pk))
    return message


def _send(message: OutboxMessage) -> None:
    """Hand one message to the outside world by its kind; raises on any failure (the caller records it)."""
    data = _payload(message)
    if message.kind == OutboxMessage.Kind.EMAIL:
        headers = {k: v for k, v in (data.get("headers") or {}).items() if v}
        if message.message_id:
            headers["Message-ID"] = message.message_id
        # Replies from a reporter go to the mail gate (`simadu mailgate`); staff mail keeps the sender's.
        gate = getattr(settings, "SIMADU_MAIL_REPLY_TO", "")
        reply_to = [gate] if gate and data.get("reply_to_gate") else None
        EmailMessage(
            subject=data["subject"], body=data["body"], to=[data["to"]], headers=headers, reply_to=reply_to
        ).send()
    elif message.kind in (OutboxMessage.Kind.SMS, OutboxMessage.Kind.WHATSAPP):
        gateways.gateway_for(message.kind).send(data["to"], data.get("body") or data.get("text") or "")
    else:
        raise gateways.NoGateway(f"no way to send {message.kind} messages")


def _not_configured(message: OutboxMessage) -> str:
    """Why a message cannot leave at all (no server or gateway configured); '' when it can be tried."""
    if message.kind == OutboxMessage.Kind.EMAIL:
        return "" if settings.SIMADU_MAIL_CONFIGURED else "SIMADU_SMTP_HOST is not set"
    if message.kind in (OutboxMessage.Kind.SMS, OutboxMessage.Kind.WHATSAPP):
        try:
            gateways.gateway_for(message.kind)
        except gateways.NoGateway as exc:
            return str(exc)
        return ""
    return f"no way to send {message.kind} messages"


def _without_addresses(error: str) -> str:
    """Mail servers quote the refused address (gateways the number); `last_error` is a plain column, and
    the address or number is an identity."""

    def phone(match: re.Match[str]) -> str:
        return "[nomor]" if sum(c.isdigit() for c in match.group()) >= 9 else match.group()

    return _PHONE.sub(phone, _ADDRESS.sub("[alamat]", error))


def outbox_deliver(*, message_id: int) -> OutboxMessage | None:
    """Try one delivery. A failure is recorded with its reason and retried later with backoff."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.state in (OutboxMessage.State.SENT, OutboxMessage.State.FAILED):
            return message
        now = clock.now()
        held = _not_configured(message)
        if held:
            message.state, message.last_error = OutboxMessage.State.HELD, held
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
    """Deliver what is due (the periodic sweep); returns how many were tried.

    Messages held because no server or gateway was configured leave once one is: nothing queued before
    the ministry set up SMTP is lost.
    """
    sendable = [kind for kind in OutboxMessage.Kind.values if not _not_configured(OutboxMessage(kind=kind))]
    waiting = Q(state=OutboxMessage.State.PENDING) | Q(state=OutboxMessage.State.HELD, kind__in=sendable)
    due = list(
        OutboxMessage.objects.filter(waiting, next_attempt_at__lte=clock.now())
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    for pk in due:
        outbox_deliver(message_id=pk)
    return len(due)


RETRYABLE = (OutboxMessage.State.PENDING, OutboxMessage.State.HELD, OutboxMessage.State.FAILED)


def outbox_requeue(*, message_id: int) -> OutboxMessage | None:
    """Try a waiting, held or failed message once more, right after the caller's commit ("Kirim ulang
    sekarang"). A failed message gets one more attempt; failing again, it stays failed with the new reason.
    A message already sent is left alone (returns it unchanged)."""
    message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
    if message is None or message.state not in RETRYABLE:
        return message
    message.state, message.next_attempt_at = OutboxMessage.State.PENDING, clock.now()
    message.save(update_fields=["state", "next_attempt_at"])
    from simadu.outbox.tasks import deliver_message

    transaction.on_commit(lambda: deliver_message.delay(message_id))
    return message
