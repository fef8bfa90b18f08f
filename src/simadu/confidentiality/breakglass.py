"""Break-glass: opening data that a confidentiality mode protects takes the right role AND a written reason.

Which reads are break-glass, following the modes of product.md:

- The reporter's identity in an **anonim**, **rahasia** or **WBS** report. The reporter
  asked for protection (or, for WBS, the law gives it); the permission policy already says
  who *may* open it (`policy.can(actor, "case.view_identity", case)`, rules unchanged), and
  break-glass adds *why*, for each opening, read by colleagues and by the Inspector General.
- The untouched **original** of any attachment, in every mode. Staff work with the
  sanitised copy; the original still carries what was stripped (GPS position, camera serial,
  document author), which can name the reporter even in a biasa report, so opening it is
  treated like opening the identity: same role rule, plus a reason.

Not break-glass, and why:

- The identity in a **biasa** report. product.md says it is *visible to the handling
  staff*: they call the reporter back, and a reason for every routine call would teach
  people to type filler. It stays behind an explicit click, and every click is audited
  (`sealing.reveal_identity`).
- The sealed *content* of a WBS report. The WBS team cannot handle a report without reading
  it; each read is already audited (`sealing.reveal_content`), and the team itself is the
  barrier (`User.wbs_team`, enforced by the database).

A break-glass read is, in one transaction: the audit entry `case.break_glass` with the
target and the reason; an internal timeline line so colleagues see it; an e-mail through
the outbox to the Inspector General naming who, which case, when and why, never the
identity. The grant is the one response that carries the data: nothing is remembered in
the session, so the next look needs a new reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from simadu.accounts.models import Role, User
from simadu.audit.services import audit_record
from simadu.cases.models import Attachment, Case, CaseEvent
from simadu.cases.notifications import notify_staff
from simadu.confidentiality import attachments
from simadu.confidentiality.policy import ITJEN, can
from simadu.confidentiality.sealing import EVENT, case_key, identity_of, reveal_identity
from simadu.core import clock, crypto
from simadu.core.errors import InvalidInput, NotFound

log = logging.getLogger(__name__)

REASON_MIN = 20
REASON_MAX = 1000
ACTION = "case.break_glass"
EVENT_ACTION = "break_glass"  # CaseEvent.action of the timeline line (kind: internal note)
IDENTITY = "identity"
ORIGINAL = "original_attachment"


@dataclass(frozen=True)
class OriginalFile:
    name: str
    content_type: str
    data: bytes


def needs_break_glass(case: Case) -> bool:
    """Is the reporter's identity in this case opened only with a reason?"""
    return case.sealed or case.anonymous or case.confidential


def checked_reason(reason: str) -> str:
    """The reason as it will be recorded, or InvalidInput (field `reason`) in plain words."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput(
            _("Tulis alasan Anda membuka data ini. Alasan dicatat dan dikirim ke Inspektur Jenderal."),
            code="reason_required",
            field="reason",
        )
    if len(reason) < REASON_MIN:
        raise InvalidInput(
            _("Alasan terlalu singkat. Tulis paling sedikit %(n)s huruf: untuk apa data ini Anda buka.")
            % {"n": REASON_MIN},
            code="reason_too_short",
            field="reason",
        )
    if len(reason) > REASON_MAX:
        raise InvalidInput(
            _("Alasan terlalu panjang (paling banyak %(n)s huruf).") % {"n": REASON_MAX},
            code="reason_too_long",
            field="reason",
        )
    return reason


def identity_open(*, actor: Any, case: Case, reason: str = "") -> dict[str, str]:
    """The reporter's identity for a staff member who may read it.

    Biasa: the audited click of `reveal_identity`, no reason asked. Anonim, rahasia, WBS:
    break-glass, `reason` required. Someone the policy does not allow gets NotFound, the
    answer for a case that does not exist: an identity they may not open is not there for them.
    """
    if not can(actor, "case.view_identity", case):
        raise NotFound()
    if not needs_break_glass(case):
        return reveal_identity(actor=actor, case=case)
    reason = checked_reason(reason)
    with transaction.atomic():
        identity = identity_of(case)
        _record(actor=actor, case=case, target=IDENTITY, reason=reason)
    return identity


def original_open(*, actor: Any, case: Case, attachment: Attachment, reason: str) -> OriginalFile:
    """The untouched original of an evidence file, always break-glass (see the module docstring)."""
    if (
        attachment.case_id != case.pk
        or not can(actor, "case.download", case)
        or not can(actor, "case.view_identity", case)
    ):
        raise NotFound()
    reason = checked_reason(reason)
    with transaction.atomic():
        data = attachments.read_original(case, attachment)
        _record(actor=actor, case=case, target=ORIGINAL, reason=reason, attachment=attachment)
    return OriginalFile(attachments.attachment_name(case, attachment), attachment.content_type, data)


# ---- the record of one break-glass read -------------------------------------------------------


def inspector_general() -> QuerySet[User]:
    """Who is told: active Itjen leadership with an e-mail; failing that, leadership of Itjen as a whole
    (leadership with no unit, which the policy treats as Itjen-wide)."""
    leaders = User.objects.filter(is_active=True, role=Role.LEADERSHIP).exclude(email="").order_by("pk")
    itjen = leaders.filter(unit_id=ITJEN)
    return itjen if itjen.exists() else leaders.filter(unit__isnull=True)


def _record(
    *, actor: Any, case: Case, target: str, reason: str, attachment: Attachment | None = None
) -> None:
    now = clock.now()
    recipients = list(inspector_general())
    data: dict[str, Any] = {"target": target, "reason": reason, "notified": [u.pk for u in recipients]}
    if attachment is not None:
        data["attachment"] = attachment.pk
    audit_record(actor=actor, action=ACTION, obj_type="case", obj_id=case.tracking_id, data=data)
    with translation.override("id"):
        line = _event_line(actor, target, reason, attachment)
        notice = _notice(actor, case, target, reason, now, attachment)
    sealed_body = None
    if case.sealed:  # a WBS timeline is sealed like the rest of the report
        sealed_body, line = crypto.seal(case_key(case), line.encode(), context=EVENT), ""
    CaseEvent.objects.create(
        case=case,
        at=now,
        kind=CaseEvent.Kind.NOTE,
        action=EVENT_ACTION,
        actor=actor,
        actor_kind="staff",
        visibility=CaseEvent.Visibility.INTERNAL,
        body=line,
        sealed_body=sealed_body,
        data={"target": target, **({"attachment": attachment.pk} if attachment else {})},
    )
    # The words are the template `break_glass` (editable in /admin/); the message is listed on the case page.
    notify_staff(users=recipients, key="break_glass", context=notice, case=case, topic=ACTION)
    if not recipients:
        log.warning(
            "break-glass on %s: no active Itjen leadership with an e-mail to notify", case.tracking_id
        )


def _event_line(actor: Any, target: str, reason: str, attachment: Attachment | None) -> str:
    if target == IDENTITY:
        return _("Identitas pelapor dibuka oleh %(name)s. Alasan: %(reason)s") % {
            "name": actor.display_name,
            "reason": reason,
        }
    return _("Berkas asli lampiran #%(pk)s dibuka oleh %(name)s. Alasan: %(reason)s") % {
        "pk": attachment.pk if attachment else "",
        "name": actor.display_name,
        "reason": reason,
    }


def _notice(
    actor: Any, case: Case, target: str, reason: str, now: Any, attachment: Attachment | None
) -> dict[str, str]:
    """The Inspector General's e-mail: who, which case, when and why; never the identity or the report."""
    when = timezone.localtime(now).strftime("%d-%m-%Y %H.%M %Z")
    who = f"{actor.display_name} ({actor.username}, {actor.get_role_display()}"
    who += f", {actor.unit.name})" if actor.unit_id else ")"
    if target == IDENTITY:
        what = _("membuka identitas pelapor laporan %(id)s") % {"id": case.tracking_id}
    else:
        what = _("membuka berkas asli (sebelum dibersihkan) lampiran #%(pk)s laporan %(id)s") % {
            "pk": attachment.pk if attachment else "",
            "id": case.tracking_id,
        }
    return {"actor": who, "what": what, "when": when, "reason": reason}
