"""Every write to a case. Keyword-only, one transaction each, each with its actor and audit row.

`transition()` is the only function that changes `Case.status`. Forwarding to an outside agency
lives in `forwarding.py`, Itjen's examination steps and the case's handler in `itjen.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from simadu.audit.services import audit_record
from simadu.cases import notifications
from simadu.cases.models import Case, CaseEvent, Channel, ReporterType
from simadu.cases.workflow import OPEN_STATES, REPORTER, SYSTEM, ArchiveReason, Status
from simadu.cases.workflow import transition as workflow_transition
from simadu.confidentiality.attachments import CheckedFile, attachment_store
from simadu.confidentiality.policy import can, itjen_workflow_applies
from simadu.confidentiality.sealing import CONTENT, EVENT, IDENTITY, case_key, seal_json
from simadu.core import clock, crypto, ids
from simadu.core.errors import Conflict, InvalidInput, PermissionDenied, TransitionNotAllowed
from simadu.deadlines.clocks import clocks_on_public_reply, clocks_on_transition
from simadu.deadlines.sweeps import objection_open
from simadu.triage.engine import TriageDecision
from simadu.triage.models import Category, Unit
from simadu.triage.services import triage_example_from_case

Actor = Any  # a staff User, or the pseudo-actors "reporter" / "system"


@dataclass(frozen=True)
class Submission:
    """What a door (portal, API, e-mail, staff entry) hands to `case_receive`, already validated."""

    text: str
    title: str = ""
    channel: str | None = None
    report_type: str | None = None
    reporter_type: str = ReporterType.PUBLIC
    anonymous: bool = False
    confidential: bool = False
    name: str = ""
    email: str = ""
    phone: str = ""
    incident_date: dt.date | None = None
    province_code: str = ""
    regency_code: str = ""
    location_detail: str = ""
    reported_party: str = ""
    source: str = "web"


def _actor_kind(actor: Actor) -> str:
    return actor if actor in (REPORTER, SYSTEM) else "staff"


def _staff(actor: Actor) -> Any:
    return None if actor in (REPORTER, SYSTEM) else actor


def _event(
    case: Case,
    *,
    kind: str,
    actor: Actor,
    body: str = "",
    public: bool = False,
    key: bytes | None = None,
    **fields: Any,
) -> CaseEvent:
    sealed = None
    if body and case.sealed:
        sealed = crypto.seal(key or case_key(case), body.encode(), context=EVENT)
        body = ""
    return CaseEvent.objects.create(
        case=case,
        at=clock.now(),
        kind=kind,
        actor=_staff(actor),
        actor_kind=_actor_kind(actor),
        visibility=CaseEvent.Visibility.PUBLIC if public else CaseEvent.Visibility.INTERNAL,
        body=body,
        sealed_body=sealed,
        **fields,
    )


@transaction.atomic
def case_receive(*, submission: Submission, decision: TriageDecision) -> tuple[Case, str]:
    """File a report. Returns the case and the reporter's secret, which is never stored."""
    s = submission
    now = clock.now()
    channel = s.channel or decision.channel
    anonymous = s.anonymous or (channel == Channel.WBS and not (s.name or s.email or s.phone))
    category = Category.objects.get(pk=decision.category)
    key, wrapped = crypto.new_data_key()
    identity = {k: v for k, v in (("name", s.name), ("email", s.email), ("phone", s.phone)) if v}
    content = {
        "title": s.title,
        "text": s.text,
        "reported_party": s.reported_party,
        "location_detail": s.location_detail,
    }
    secret = ids.new_secret()
    case = Case(
        tracking_id=_unused_tracking_id(),
        secret_hash=ids.hash_secret(secret),
        data_key=wrapped,
        channel=channel,
        channel_chosen=bool(s.channel),
        report_type=s.report_type or decision.report_type,
        category=category,
        supervisory=category.supervisory,
        status=Status.RECEIVED,
        source=s.source,
        reporter_type=s.reporter_type,
        anonymous=anonymous,
        confidential=s.confidential or channel == Channel.WBS,
        has_contact=bool(s.email),
        sealed_identity=seal_json(key, identity, IDENTITY) if identity else None,
        incident_date=s.incident_date,
        province_code=s.province_code,
        regency_code=s.regency_code,
        triage=decision.as_dict(),
        received_at=now,
        status_changed_at=now,
    )
    if channel == Channel.WBS:
        case.sealed_content = seal_json(key, content, CONTENT)
        case.title = ""
    else:
        case.title, case.text = s.title, s.text
        case.reported_party, case.location_detail = s.reported_party, s.location_detail
    case.save()
    clocks_on_transition(case=case, action="receive", before="", after=Status.RECEIVED, now=now)
    case.save(update_fields=["stage_due_at"])
    _event(
        case,
        kind=CaseEvent.Kind.RECEIVED,
        actor=REPORTER,
        public=True,
        to_status=Status.RECEIVED,
        data={"source": s.source},
    )
    audit_record(
        actor=REPORTER,
        action="case.receive",
        obj_type="case",
        obj_id=case.tracking_id,
        data={"channel": channel, "category": category.pk, "source": s.source},
    )
    notifications.notify_reporter(case, "received")
    return case, secret


def _unused_tracking_id() -> str:
    while True:
        candidate = ids.new_tracking_id()
        if not Case.objects.filter(tracking_id=candidate).exists():
            return candidate


def transition(
    *,
    case: Case,
    action: str,
    actor: Actor,
    body: str = "",
    public: bool = False,
    data: dict[str, Any] | None = None,
) -> Case:
    """Apply one workflow action: check it, move the case, write the timeline event and the audit row."""
    step = workflow_transition(action)
    if case.status not in step.sources:
        raise TransitionNotAllowed()
    if not can(actor, f"case.{action}", case):
        raise PermissionDenied()
    now = clock.now()
    before = case.status
    case.status = step.target
    case.status_changed_at = now
    clocks_on_transition(case=case, action=action, before=before, after=step.target, now=now)
    if step.target == Status.RESPONDED:
        case.responded_at = now
        case.first_response_at = case.first_response_at or now
    if step.target in (Status.CLOSED, Status.FORWARDED, Status.ARCHIVED):
        case.closed_at = now
    case.save()
    _event(
        case,
        kind=CaseEvent.Kind.TRANSITION,
        action=action,
        actor=actor,
        body=body,
        public=public,
        from_status=before,
        to_status=step.target,
        data=data or {},
    )
    audit_record(
        actor=actor,
        action=f"case.{action}",
        obj_type="case",
        obj_id=case.tracking_id,
        data={"from": before, "to": step.target, **(data or {})},
    )
    from simadu.cases.itjen import itjen_on_transition  # itjen.py builds on this module

    itjen_on_transition(case=case, action=action, actor=actor)
    notifications.notify_reporter(case, action)
    return case


def _locked(case: Case) -> Case:
    # of=("self",): PostgreSQL cannot lock the nullable side of the outer join to unit.
    return Case.objects.select_for_update(of=("self",)).select_related("category", "unit").get(pk=case.pk)


@transaction.atomic
def case_verify(*, case: Case, actor: Actor) -> Case:
    return transition(case=_locked(case), action="verify", actor=actor)


@transaction.atomic
def case_request_info(*, case: Case, actor: Actor, question: str) -> Case:
    if not question.strip():
        raise InvalidInput(_("Tulis pertanyaan untuk pelapor."), field="question")
    return transition(
        case=_locked(case), action="request_info", actor=actor, body=question.strip(), public=True
    )


@transaction.atomic
def case_assign(
    *,
    case: Case,
    actor: Actor,
    unit: Unit,
    category: Category | None = None,
    report_type: str | None = None,
    note: str = "",
) -> Case:
    """Route a case to the unit with authority; a changed category or type is kept as a triage correction."""
    case = _locked(case)
    if not unit.internal:
        raise InvalidInput(_("Unit luar kementerian: gunakan Alihkan."), field="unit")
    corrections = {}
    if category is not None and category.pk != case.category_id:
        corrections["category"] = [case.category_id, category.pk]
        case.category, case.supervisory = category, category.supervisory
    if report_type and report_type != case.report_type:
        corrections["report_type"] = [case.report_type, report_type]
        case.report_type = report_type
    if unit.pk != case.triage.get("unit"):
        corrections["unit"] = [case.triage.get("unit"), unit.pk]
    case.unit = unit
    if corrections:
        _event(case, kind=CaseEvent.Kind.TRIAGE_CORRECTION, actor=actor, data=corrections)
    case = transition(
        case=case,
        action="assign",
        actor=actor,
        body=note.strip(),
        data={"unit": unit.pk, **({"corrected": sorted(corrections)} if corrections else {})},
    )
    triage_example_from_case(case=case, actor=actor)  # a correction teaches the next model
    return case


@transaction.atomic
def case_start(*, case: Case, actor: Actor) -> Case:
    return transition(case=_locked(case), action="start", actor=actor)


@transaction.atomic
def case_respond(*, case: Case, actor: Actor, text: str) -> Case:
    if not text.strip():
        raise InvalidInput(_("Tulis jawaban untuk pelapor."), field="text")
    case = _locked(case)
    # Itjen's examinations end with its leadership's approval; only then does the reporter get the answer.
    if (
        itjen_workflow_applies(case)
        and case.closure_approved_at is None
        and case.status in workflow_transition("respond").sources
        and can(actor, "case.respond", case)
    ):
        raise Conflict(
            _(
                "Jawaban akhir laporan ini baru dapat dikirim setelah pimpinan Inspektorat Jenderal "
                "menyetujui penutupan pemeriksaan."
            ),
            code="closure_not_approved",
        )
    return transition(case=case, action="respond", actor=actor, body=text.strip(), public=True)


@transaction.atomic
def case_close(*, case: Case, actor: Actor, note: str = "") -> Case:
    return transition(case=_locked(case), action="close", actor=actor, body=note.strip())


@transaction.atomic
def case_archive(*, case: Case, actor: Actor, reason_code: str, note: str = "") -> Case:
    if reason_code not in ArchiveReason.values:
        raise InvalidInput(_("Pilih alasan pengarsipan."), field="reason_code")
    case = _locked(case)
    case.archive_reason = reason_code
    return transition(
        case=case,
        action="archive",
        actor=actor,
        body=note.strip(),
        public=bool(note.strip()),
        data={"reason": reason_code},
    )


@transaction.atomic
def case_add_note(*, case: Case, actor: Actor, text: str, public: bool = False) -> CaseEvent:
    """An internal note, or (public=True) a reply the reporter reads. The composer defaults to internal."""
    if not text.strip():
        raise InvalidInput(_("Pesan tidak boleh kosong."), field="text")
    if not can(actor, "case.reply" if public else "case.note", case):
        raise PermissionDenied()
    case = _locked(case)
    kind = CaseEvent.Kind.REPLY if public else CaseEvent.Kind.NOTE
    event = _event(case, kind=kind, actor=actor, body=text.strip(), public=public)
    if public and case.first_response_at is None:
        case.first_response_at = event.at
        case.save(update_fields=["first_response_at"])
    if public:
        clocks_on_public_reply(case=case, now=event.at)
    audit_record(actor=actor, action=f"case.{kind}", obj_type="case", obj_id=case.tracking_id)
    if public:
        notifications.notify_reporter(case, "reply")
    return event


def check_reporter_message(*, case: Case, text: str, files: list[CheckedFile] | tuple[()] = ()) -> None:
    """A reporter may write to an open case, with words or files."""
    if case.status not in OPEN_STATES:
        raise Conflict(
            _("Laporan ini sudah selesai ditangani dan tidak menerima pesan baru."), code="case_closed"
        )
    if not text.strip() and not files:
        raise InvalidInput(_("Tulis pesan atau lampirkan berkas."), field="text")


def file_reporter_message(
    *, case: Case, text: str, files: Sequence[CheckedFile], public: bool, data: dict[str, Any] | None = None
) -> CaseEvent:
    """The reporter's message on `case`'s timeline with its files, and its audit row (checked already)."""
    key = case_key(case)
    event = _event(
        case,
        kind=CaseEvent.Kind.REPORTER_MESSAGE,
        actor=REPORTER,
        body=text.strip(),
        public=public,
        key=key,
        data=data or {},
    )
    for checked in files:
        attachment_store(case=case, checked=checked, event=event, from_reporter=True, key=key)
    audit_record(
        actor=REPORTER,
        action="case.reporter_message",
        obj_type="case",
        obj_id=case.tracking_id,
        data={"files": len(files), **(data or {})},
    )
    return event


@transaction.atomic
def case_reporter_message(*, case: Case, text: str, files: list[CheckedFile] = ()) -> CaseEvent:  # type: ignore[assignment]
    """The reporter adds information or evidence; an answer to a question resumes verification."""
    case = _locked(case)
    if case.merged_into_id:  # a merged case's reporter writes to the case that is handled
        from simadu.cases.merge import merged_reporter_message  # merge.py builds on this module

        return merged_reporter_message(case=case, text=text, files=files)
    check_reporter_message(case=case, text=text, files=files)
    event = file_reporter_message(case=case, text=text, files=files, public=True)
    if case.status == Status.AWAITING_INFO:
        transition(case=case, action="provide_info", actor=REPORTER)
    return event


@transaction.atomic
def case_rate(*, case: Case, rating: int, comment: str = "") -> Case:
    """The reporter rates the answer once, 1 to 5."""
    case = _locked(case)
    if case.status not in (Status.RESPONDED, Status.CLOSED) or case.responded_at is None:
        raise Conflict(_("Penilaian dapat diberikan setelah laporan dijawab."), code="not_responded")
    if case.rating is not None:
        raise Conflict(_("Anda sudah memberi penilaian untuk laporan ini."), code="already_rated")
    if not 1 <= rating <= 5:
        raise InvalidInput(_("Pilih nilai 1 sampai 5."), field="rating")
    case.rating, case.rating_comment = rating, comment.strip()[:1000]
    case.save(update_fields=["rating", "rating_comment"])
    _event(
        case,
        kind=CaseEvent.Kind.RATING,
        actor=REPORTER,
        public=True,
        body=case.rating_comment,
        data={"rating": rating},
    )
    audit_record(
        actor=REPORTER, action="case.rate", obj_type="case", obj_id=case.tracking_id, data={"rating": rating}
    )
    return case


@transaction.atomic
def case_object(*, case: Case, reason: str) -> Case:
    """The reporter objects to the answer, once, within 10 working days: the case is reopened."""
    case = _locked(case)
    if case.objected_at is not None:
        raise Conflict(_("Keberatan hanya dapat diajukan satu kali."), code="already_objected")
    if case.status != Status.RESPONDED or case.responded_at is None:
        raise Conflict(_("Keberatan dapat diajukan setelah laporan dijawab."), code="not_responded")
    if not objection_open(case, clock.now()):
        raise Conflict(
            _("Batas waktu keberatan (10 hari kerja setelah jawaban) sudah lewat."), code="objection_late"
        )
    if not reason.strip():
        raise InvalidInput(_("Tulis alasan keberatan Anda."), field="reason")
    case.objected_at = clock.now()
    return transition(case=case, action="reopen", actor=REPORTER, body=reason.strip(), public=True)
