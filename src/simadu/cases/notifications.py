"""What the reporter and staff are told, and when. Messages leave only through the outbox.

A message to a reporter names the tracking id and the stage in plain words, never the report's
content, a name or the secret: a phone or mailbox can be read by someone else (and for WBS, by
the reported official). A message to staff names the tracking id, the stage, dates and a link to
the case; the content stays in SIMADU, behind the permission check and the audit log.

The words come from `outbox.templates` (an administrator's `MessageTemplate` row, else the
built-in text of `outbox.templates_default`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from simadu.audit.services import audit_record
from simadu.cases.models import Case
from simadu.cases.workflow import REPORTER_WORDS
from simadu.core.errors import InvalidInput, NotFound
from simadu.outbox.models import OutboxMessage
from simadu.outbox.services import RETRYABLE, outbox_enqueue, outbox_requeue
from simadu.outbox.templates import template_render
from simadu.outbox.templates_default import DEFAULTS, REPORTER, STAFF, STAFF_WBS_SAFE

# What happened -> the reporter's template key. "respond" etc. are workflow actions.
REPORTER_KEYS = frozenset(k for k, d in DEFAULTS.items() if d.audience == REPORTER and k != "short_message")
NOTIFY_ON = REPORTER_KEYS
# What happens to a kept case that the reporters of the cases merged into it are told too, as its stage
# ("followed_update"): they do not read what staff write to the kept case's reporter (cases/selectors.py).
FOLLOWERS_TOLD = frozenset({"respond", "forward", "close", "archive"})
# Topics of messages to a reporter (for threading and for the mail gate).
REPORTER_TOPICS = frozenset(f"case.{k}" for k in REPORTER_KEYS)
# Staff messages that are about what a colleague did, not about the report, may carry more than the
# WBS-safe placeholders (who opened what, and the reason they wrote).
_ABOUT_STAFF_ACTIONS = frozenset({"break_glass"})


def _date(value: Any) -> str:
    if value is None or value == "":
        return ""
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return str(timezone.localtime(value).strftime("%d-%m-%Y"))
    if hasattr(value, "strftime"):
        return str(value.strftime("%d-%m-%Y"))
    return str(value)


def tracking_url() -> str:
    return f"{settings.SIMADU_PUBLIC_URL}/lacak"


def case_url(case: Case) -> str:
    return f"{settings.SIMADU_PUBLIC_URL}/staf/kasus/{case.tracking_id}"


def _reporter_context(case: Case, what: str, context: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {
        "tracking_id": case.tracking_id,
        "stage": str(REPORTER_WORDS.get(case.status, "")),
        "url": tracking_url(),
    }
    if what == "forward" and case.forwarded_to_id:
        agency = case.forwarded_to
        values["agency"] = agency.name if agency else ""
        values["agency_contact"] = getattr(agency, "contact", "") or ""
    values.update({k: v for k, v in context.items() if v is not None})
    for name in ("date", "due_date"):
        if name in values:
            values[name] = _date(values[name])
    return values


def _thread_headers(case: Case) -> dict[str, str]:
    """In-Reply-To / References to the first e-mail this case's reporter got, so mail clients thread them."""
    first = (
        OutboxMessage.objects.filter(case=case, kind=OutboxMessage.Kind.EMAIL, topic__in=REPORTER_TOPICS)
        .exclude(message_id="")
        .order_by("created_at", "pk")
        .values_list("message_id", flat=True)
        .first()
    )
    return {"In-Reply-To": first, "References": first} if first else {}


def notify_reporter(case: Case, what: str, **context: Any) -> None:
    """Tell the reporter, if they left an address or phone, that `what` happened to their report.

    E-mail when the sealed identity has an e-mail (threaded onto the first e-mail about the case);
    a short text by WhatsApp or SMS when it has a phone and a gateway is configured. `context` may give
    the values the key's template offers (e.g. `date=` for request_info); anything else is dropped.
    """
    if case.merged_into_id and what == "archive":
        return  # a merge archives the case; its reporter is told "merged" instead (cases/merge.py)
    if what in FOLLOWERS_TOLD and not case.merged_into_id:
        # The reporters of cases merged into this one follow it: they are told too, with its stage.
        stage = str(REPORTER_WORDS.get(case.status, ""))
        for follower in case.merged_cases.filter(sealed_identity__isnull=False):
            notify_reporter(follower, "followed_update", stage=stage)
    if what not in NOTIFY_ON or not case.sealed_identity:
        return
    if what == "received" and case.source == "email":
        return  # the mail gate sends its own receipt, with the secret, to the mailbox that wrote
    from simadu.confidentiality.sealing import identity_of

    identity = identity_of(case)
    email, phone = identity.get("email", ""), identity.get("phone", "")
    values = _reporter_context(case, what, context)
    topic = f"case.{what}"
    if email:
        subject, body = template_render(what, values)
        outbox_enqueue(
            kind="email",
            topic=topic,
            payload={
                "to": email,
                "subject": subject,
                "body": body,
                "headers": _thread_headers(case),
                "reply_to_gate": True,
            },
            case=case,
        )
    if phone:
        kind = _phone_kind()
        if kind:
            _subject, text = template_render("short_message", values)
            outbox_enqueue(kind=kind, topic=topic, payload={"to": phone, "body": text}, case=case)


def _phone_kind() -> str:
    if getattr(settings, "SIMADU_WHATSAPP_GATEWAY_URL", ""):
        return OutboxMessage.Kind.WHATSAPP
    if getattr(settings, "SIMADU_SMS_GATEWAY_URL", ""):
        return OutboxMessage.Kind.SMS
    return ""


def notify_reporter_receipt_by_email(*, case: Case, email: str, secret: str, in_reply_to: str = "") -> None:
    """The receipt of a report that came in by e-mail: back to that mailbox, with the tracking id AND the secret.

    The sender owns that mailbox and has no other way to learn the secret; this is the only message
    that carries it.
    """
    values = _reporter_context(case, "received_by_email", {"secret": secret})
    subject, body = template_render("received_by_email", values)
    headers = {"In-Reply-To": in_reply_to, "References": in_reply_to} if in_reply_to else {}
    outbox_enqueue(
        kind="email",
        topic="case.received_by_email",
        payload={"to": email, "subject": subject, "body": body, "headers": headers, "reply_to_gate": True},
        case=case,
    )


def _staff_context(case: Case | None, key: str, context: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if case is not None:
        values = {
            "tracking_id": case.tracking_id,
            "stage": case.get_status_display(),
            "due_date": case.stage_due_at,
            "case_url": case_url(case),
        }
    extra = {k: v for k, v in context.items() if v is not None}
    if case is not None and case.sealed and key not in _ABOUT_STAFF_ACTIONS:
        extra = {k: v for k, v in extra.items() if k in STAFF_WBS_SAFE}
    values.update(extra)
    for name in ("date", "due_date"):
        if name in values:
            values[name] = _date(values[name])
    return values


def notify_staff(
    *, users: Iterable[Any], key: str, context: dict[str, Any], case: Case | None = None, topic: str = ""
) -> list[OutboxMessage]:
    """Queue one e-mail per recipient with an address: a staff member (`User.email`) or a unit's mailbox
    (`Unit.email`). The words come from template `key`; the message names the case and links to it,
    never its content (a WBS case: only the tracking id, the stage and dates). Returns the queued messages.
    """
    if key not in DEFAULTS or DEFAULTS[key].audience != STAFF:
        raise KeyError(f"unknown staff message template {key!r}")
    subject, body = template_render(key, _staff_context(case, key, context))
    queued, seen = [], set()
    for user in users:
        # A staff account that left (is_active), or a unit that was closed (active): nobody reads it.
        if user is None or not getattr(user, "is_active", getattr(user, "active", True)):
            continue
        address = (getattr(user, "email", "") or "").strip()
        if not address or address.lower() in seen:
            continue
        seen.add(address.lower())
        queued.append(
            outbox_enqueue(
                kind="email",
                topic=topic or f"staff.{key}",
                payload={"to": address, "subject": subject, "body": body},
                case=case,
            )
        )
    return queued


# The case page: which messages went out about this case, and did they arrive? ---------------------

# What a message was about, in plain words (topic -> words); unknown topics show their key.
TOPIC_WORDS: dict[str, Promise] = {
    "case.received": _("Tanda terima laporan, ke pelapor"),
    "case.received_by_email": _("Tanda terima laporan lewat e-mail (dengan kode rahasia), ke pelapor"),
    "case.request_info": _("Permintaan keterangan, ke pelapor"),
    "case.reply": _("Pemberitahuan pesan baru, ke pelapor"),
    "case.respond": _("Pemberitahuan jawaban, ke pelapor"),
    "case.forward": _("Pemberitahuan pengalihan, ke pelapor"),
    "case.archive": _("Pemberitahuan arsip, ke pelapor"),
    "case.close": _("Pemberitahuan selesai, ke pelapor"),
    "case.auto_close_announced": _("Pengumuman penutupan otomatis, ke pelapor"),
    "case.archive_announced": _("Pengumuman arsip karena tidak dijawab, ke pelapor"),
    "case.extension": _("Pemberitahuan perpanjangan waktu, ke pelapor"),
    "case.merged": _("Pemberitahuan penggabungan laporan, ke pelapor"),
    "case.followed_update": _("Perkembangan laporan yang diikuti, ke pelapor laporan yang digabung"),
    "case.break_glass": _("Pemberitahuan pembukaan data rahasia, ke Inspektur Jenderal"),
    "staff.escalation_reminder": _("Pengingat batas waktu, ke staf"),
    "staff.escalation_breach_unit_head": _("Batas waktu terlewati, ke kepala unit"),
    "staff.escalation_itjen": _("Eskalasi ke Itjen"),
    "staff.forward_follow_up_reminder": _("Pengingat tindak lanjut pengalihan, ke staf"),
    "staff.kpk_flag": _("Penanda KPK, ke Inspektur Jenderal"),
    "staff.closure_approval_requested": _("Permintaan persetujuan penutupan, ke pimpinan"),
    "staff.closure_approved": _("Penutupan disetujui, ke pengusul"),
    "staff.handler_assigned": _("Penunjukan penanggung jawab, ke staf"),
    "staff.break_glass": _("Pemberitahuan pembukaan data rahasia, ke Inspektur Jenderal"),
}
TOPIC_PREFIX_WORDS: tuple[tuple[str, Promise], ...] = (
    ("escalation.", _("Pengingat atau eskalasi batas waktu, ke staf")),
    ("forward.", _("Pengingat tindak lanjut pengalihan, ke staf")),
    ("staff.extension", _("Perpanjangan waktu, ke staf")),
    ("staff.", _("Pemberitahuan ke staf")),
)
CHANNEL_WORDS: dict[str, Promise] = {
    OutboxMessage.Kind.EMAIL: _("E-mail"),
    OutboxMessage.Kind.SMS: _("SMS"),
    OutboxMessage.Kind.WHATSAPP: _("WhatsApp"),
    OutboxMessage.Kind.WEBHOOK: _("Webhook"),
}
STATE_WORDS: dict[str, Promise] = {
    OutboxMessage.State.PENDING: _("Menunggu dikirim"),
    OutboxMessage.State.SENT: _("Terkirim"),
    OutboxMessage.State.HELD: _("Ditahan: server pengirim belum diatur"),
    OutboxMessage.State.FAILED: _("Gagal"),
}


@dataclass(frozen=True)
class NotificationRow:
    """One message about a case as staff see it: never the recipient's address or the text."""

    pk: int
    channel: str
    what: str
    state: str
    state_label: str
    attempts: int
    last_error: str
    created_at: dt.datetime
    sent_at: dt.datetime | None
    next_attempt_at: dt.datetime | None
    may_resend: bool


def case_notification_rows(case: Case) -> list[NotificationRow]:
    """Every message queued about this case, newest first, with its state and last failure reason.

    `last_error` was stripped of addresses and numbers when it was written (outbox.services)."""
    rows = []
    for m in OutboxMessage.objects.filter(case=case).order_by("-created_at", "-pk"):
        topic = m.topic
        what = TOPIC_WORDS.get(topic) or next(
            (words for prefix, words in TOPIC_PREFIX_WORDS if topic.startswith(prefix)), None
        )
        rows.append(
            NotificationRow(
                pk=m.pk,
                channel=str(CHANNEL_WORDS.get(m.kind, m.kind)),
                what=str(what) if what else topic.split(".", 1)[-1].replace("_", " "),
                state=m.state,
                state_label=str(STATE_WORDS.get(m.state, m.state)),
                attempts=m.attempts,
                last_error=m.last_error,
                created_at=m.created_at,
                sent_at=m.sent_at,
                next_attempt_at=m.next_attempt_at if m.state == OutboxMessage.State.PENDING else None,
                may_resend=m.state in RETRYABLE,
            )
        )
    return rows


@transaction.atomic
def notification_resend(*, case: Case, message_id: int, actor: Any) -> OutboxMessage:
    """Try a waiting, held or failed message about `case` again now. The caller checked
    `policy.can(actor, "case.notification_resend", case)`."""
    message = OutboxMessage.objects.filter(pk=message_id, case=case).first()
    if message is None:
        raise InvalidInput(_("Pesan ini tidak ada pada laporan ini."))
    if message.state not in RETRYABLE:
        raise InvalidInput(_("Pesan ini sudah terkirim; tidak perlu dikirim ulang."))
    audit_record(
        actor=actor,
        action="case.notification_resend",
        obj_type="case",
        obj_id=case.tracking_id,
        data={
            "message": message.pk,
            "topic": message.topic,
            "state": message.state,
            "attempts": message.attempts,
        },
    )
    requeued = outbox_requeue(message_id=message.pk)
    if requeued is None:  # deleted between the check above and now
        raise NotFound()
    return requeued
