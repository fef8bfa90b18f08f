"""Itjen's examination of supervisory and WBS cases, and who holds a case.

Inside `in_progress`, Itjen's cases go through telaah → klarifikasi → audit investigatif →
laporan hasil → rekomendasi → pemantauan tindak lanjut (`workflow.ITJEN_STEPS`). A step only
moves forward (skipping is allowed and recorded); each is an internal timeline event with the
auditor's note and documents, sealed on a WBS case like every other event. A state loss of
Rp1 billion or more is flagged once for coordination with KPK. The final answer to the reporter
waits for the approval of Itjen's leadership (`cases.services.case_respond` refuses it before).
Which cases this governs, and who may act, is the permission policy's
(`policy.itjen_workflow_applies`, `policy._may_work`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from simadu.accounts.models import Role, User
from simadu.audit.services import audit_record
from simadu.cases.models import Case, CaseEvent
from simadu.cases.notifications import notify_staff
from simadu.cases.services import Actor, _event, _locked
from simadu.cases.workflow import ITJEN_STEPS, KPK_THRESHOLD_RUPIAH, OPEN_STATES, ItjenStep, Status
from simadu.confidentiality import policy
from simadu.confidentiality.attachments import MAX_FILES, CheckedFile, attachment_store
from simadu.confidentiality.sealing import case_key
from simadu.core import clock
from simadu.core.errors import Conflict, InvalidInput, PermissionDenied

# CaseEvent.action of the itjen_step events, so the page can tell a step from a flag or a closure.
STEP, STATE_LOSS, CLOSURE_REQUEST, CLOSURE_APPROVE = (
    "step",
    "state_loss",
    "closure_request",
    "closure_approve",
)
HANDLER = "set_handler"  # CaseEvent.action of the note that records a new handler
# The examination may be closed once its report of findings exists.
CLOSURE_FROM = ItjenStep.LAPORAN_HASIL
HANDLER_ROLES = (Role.AUDITOR, Role.UNIT_OFFICER)


def itjen_leaders(case: Case) -> list[User]:
    """Itjen's leadership who may see `case`: who approve its closure and hear of its KPK flag."""
    leaders = User.objects.filter(role=Role.LEADERSHIP, unit_id=policy.ITJEN, is_active=True).order_by("pk")
    return [u for u in leaders if policy.sees_case(u, case)]


def _require(actor: Actor, action: str, case: Case) -> None:
    if not policy.can(actor, action, case):
        raise PermissionDenied()


def itjen_on_transition(*, case: Case, action: str, actor: Actor) -> None:
    """Called by `services.transition` after each move: Itjen's examination begins with telaah when its case
    enters in_progress; a reporter's objection (reopen) needs a new closure approval before a new answer."""
    if not policy.itjen_workflow_applies(case):
        return
    if case.status == Status.IN_PROGRESS and not case.itjen_step:
        case.itjen_step = ItjenStep.TELAAH
        case.save(update_fields=["itjen_step"])
        _event(
            case,
            kind=CaseEvent.Kind.ITJEN_STEP,
            action=STEP,
            actor=actor,
            data={"step": ItjenStep.TELAAH, "from": "", "skipped": [], "automatic": True},
        )
    elif action == "reopen" and (case.closure_requested_at or case.closure_approved_at):
        case.closure_requested_at = case.closure_requested_by = None
        case.closure_approved_at = case.closure_approved_by = None
        case.save(
            update_fields=[
                "closure_requested_at",
                "closure_requested_by",
                "closure_approved_at",
                "closure_approved_by",
            ]
        )


@transaction.atomic
def itjen_step_advance(
    *, case: Case, actor: Actor, step: str, note: str, files: Iterable[CheckedFile] = ()
) -> CaseEvent:
    """Record the examination's step `step` with the auditor's note and documents.

    A later step moves the examination (the steps passed over are recorded as skipped); the current
    step again adds a note and documents to it; an earlier step is refused.
    """
    case = _locked(case)
    _require(actor, "case.itjen_step", case)
    if case.status != Status.IN_PROGRESS:
        raise Conflict(
            _("Tahap pemeriksaan hanya dapat dicatat saat laporan sedang ditindaklanjuti."),
            code="not_in_progress",
        )
    if step not in ITJEN_STEPS:
        raise InvalidInput(_("Pilih tahap pemeriksaan."), field="step")
    current = ITJEN_STEPS.index(case.itjen_step) if case.itjen_step else -1
    target = ITJEN_STEPS.index(step)
    if target < current:
        raise Conflict(
            _("Tahap pemeriksaan tidak dapat mundur. Tahap sekarang: %(step)s.")
            % {"step": ItjenStep(case.itjen_step).label},
            code="itjen_step_backwards",
        )
    note, files = note.strip(), list(files)
    if not note:
        raise InvalidInput(_("Tulis catatan untuk tahap ini."), field="note")
    if len(files) > MAX_FILES:
        raise InvalidInput(
            _("Paling banyak %(n)s berkas sekaligus.") % {"n": MAX_FILES},
            field="files",
            code="too_many_files",
        )
    skipped = list(ITJEN_STEPS[current + 1 : target]) if current >= 0 else list(ITJEN_STEPS[:target])
    key = case_key(case)
    event = _event(
        case,
        kind=CaseEvent.Kind.ITJEN_STEP,
        action=STEP,
        actor=actor,
        body=note,
        key=key,
        data={"step": step, "from": case.itjen_step, "skipped": skipped, "files": len(files)},
    )
    for checked in files:
        attachment_store(case=case, checked=checked, event=event, from_reporter=False, key=key)
    before, case.itjen_step = case.itjen_step, step
    case.save(update_fields=["itjen_step"])
    audit_record(
        actor=actor,
        action="case.itjen_step",
        obj_type="case",
        obj_id=case.tracking_id,
        data={"step": step, "from": before, "skipped": skipped, "files": len(files)},
    )
    return event


@transaction.atomic
def itjen_state_loss_set(*, case: Case, actor: Actor, amount: int) -> Case:
    """Record the estimated state loss in rupiah; at Rp1 billion or more the case is flagged for KPK, once."""
    case = _locked(case)
    _require(actor, "case.itjen_state_loss", case)
    if case.status not in OPEN_STATES:
        raise Conflict(_("Laporan ini sudah selesai ditangani."), code="case_closed")
    if amount < 0:
        raise InvalidInput(_("Perkiraan kerugian negara tidak boleh kurang dari nol."), field="amount")
    now = clock.now()
    flag = amount >= KPK_THRESHOLD_RUPIAH and case.kpk_flagged_at is None
    before, case.state_loss_estimate = case.state_loss_estimate, amount
    if flag:
        case.kpk_flagged_at = now
    case.save(update_fields=["state_loss_estimate", "kpk_flagged_at"])
    _event(
        case,
        kind=CaseEvent.Kind.ITJEN_STEP,
        action=STATE_LOSS,
        actor=actor,
        data={"amount": amount, "before": before, "kpk_flagged": flag},
    )
    audit_record(
        actor=actor,
        action="case.itjen_state_loss",
        obj_type="case",
        obj_id=case.tracking_id,
        data={"amount": amount, "before": before, "kpk_flagged": flag},
    )
    if flag:
        notify_staff(users=itjen_leaders(case), key="kpk_flag", context={}, case=case)
    return case


@transaction.atomic
def itjen_closure_request(*, case: Case, actor: Actor) -> Case:
    """The auditor asks Itjen's leadership to approve closing the examination (from laporan hasil on)."""
    case = _locked(case)
    _require(actor, "case.itjen_closure_request", case)
    if case.status not in (Status.IN_PROGRESS, Status.REOPENED):
        raise Conflict(
            _("Penutupan hanya dapat diajukan saat laporan sedang ditangani."), code="not_in_progress"
        )
    if not case.itjen_step or ITJEN_STEPS.index(case.itjen_step) < ITJEN_STEPS.index(CLOSURE_FROM):
        raise Conflict(
            _("Penutupan dapat diajukan mulai tahap %(step)s.") % {"step": ItjenStep(CLOSURE_FROM).label},
            code="itjen_step_too_early",
        )
    if case.closure_approved_at is not None:
        raise Conflict(_("Penutupan pemeriksaan ini sudah disetujui."), code="closure_approved")
    if case.closure_requested_at is not None:
        raise Conflict(_("Penutupan pemeriksaan ini sudah diajukan."), code="closure_requested")
    case.closure_requested_at, case.closure_requested_by = clock.now(), actor
    case.save(update_fields=["closure_requested_at", "closure_requested_by"])
    _event(
        case,
        kind=CaseEvent.Kind.ITJEN_STEP,
        action=CLOSURE_REQUEST,
        actor=actor,
        data={"step": case.itjen_step},
    )
    audit_record(
        actor=actor, action="case.itjen_closure_request", obj_type="case", obj_id=case.tracking_id, data={}
    )
    notify_staff(
        users=itjen_leaders(case),
        key="closure_approval_requested",
        context={"date": case.closure_requested_at},
        case=case,
    )
    return case


@transaction.atomic
def itjen_closure_approve(*, case: Case, actor: Actor) -> Case:
    """Itjen's leadership approves closing the examination: the final answer may now go to the reporter."""
    case = _locked(case)
    _require(actor, "case.itjen_closure_approve", case)
    if case.closure_requested_at is None:
        raise Conflict(_("Belum ada pengajuan penutupan dari auditor."), code="closure_not_requested")
    if case.closure_approved_at is not None:
        raise Conflict(_("Penutupan pemeriksaan ini sudah disetujui."), code="closure_approved")
    case.closure_approved_at, case.closure_approved_by = clock.now(), actor
    case.save(update_fields=["closure_approved_at", "closure_approved_by"])
    _event(
        case,
        kind=CaseEvent.Kind.ITJEN_STEP,
        action=CLOSURE_APPROVE,
        actor=actor,
        data={"step": case.itjen_step},
    )
    audit_record(
        actor=actor, action="case.itjen_closure_approve", obj_type="case", obj_id=case.tracking_id, data={}
    )
    notify_staff(users=[case.closure_requested_by], key="closure_approved", context={}, case=case)
    return case


def handler_candidates(case: Case) -> list[User]:
    """Who may hold the case: active auditors and unit officers who may see it, by name."""
    users = User.objects.filter(role__in=HANDLER_ROLES, is_active=True).select_related("unit")
    return sorted((u for u in users if policy.sees_case(u, case)), key=lambda u: (str(u).lower(), u.pk))


@transaction.atomic
def case_set_handler(*, case: Case, actor: Actor, handler: Any) -> Case:
    """Name who holds the case. Leadership names any auditor or officer who may see it (or nobody); an
    officer or auditor takes the case themselves."""
    case = _locked(case)
    _require(actor, "case.set_handler", case)
    if case.status not in OPEN_STATES or case.unit_id is None:
        raise Conflict(
            _("Pemegang laporan dapat dipilih setelah laporan diteruskan ke unit dan selama belum selesai."),
            code="no_handler_now",
        )
    if actor.role != Role.LEADERSHIP and (handler is None or handler.pk != actor.pk):
        raise PermissionDenied(_("Anda hanya dapat mengambil laporan ini untuk diri sendiri."))
    if handler is not None and not (
        handler.role in HANDLER_ROLES and handler.is_active and policy.sees_case(handler, case)
    ):
        raise InvalidInput(_("Pilih auditor atau petugas yang dapat membuka laporan ini."), field="handler")
    new = handler.pk if handler is not None else None
    if new == case.handler_id:
        return case
    before, case.handler = case.handler_id, handler
    case.save(update_fields=["handler"])
    _event(
        case,
        kind=CaseEvent.Kind.NOTE,
        action=HANDLER,
        actor=actor,
        data={"handler": new, "before": before, "name": str(handler) if handler is not None else ""},
    )
    audit_record(
        actor=actor,
        action="case.set_handler",
        obj_type="case",
        obj_id=case.tracking_id,
        data={"handler": new, "before": before},
    )
    if handler is not None and handler.pk != actor.pk:
        notify_staff(users=[handler], key="handler_assigned", context={}, case=case)
    return case
