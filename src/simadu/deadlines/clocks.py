"""A clock per stage of a case: started, paused, resumed, extended and stopped by the workflow.

`clocks_on_transition` is called by `cases.services.transition` (and by `case_receive` with
action "receive") after the status moved, in the same transaction:

- receive: the verification clock starts (Itjen's zone, WIB);
- request_info: verification pauses; the reporter's 14 calendar days start;
- provide_info: the reporter's clock stops; verification resumes, its due date pushed back by
  the working days it waited;
- assign: verification stops; the unit's first follow-up and the resolution start, in the
  unit's zone (resolution days by the SLA policy);
- start (or a first public reply, `clocks_on_public_reply`): the first follow-up stops;
- respond: the first follow-up and the resolution stop; the automatic close starts;
- reopen: the automatic close is cancelled; a new resolution clock starts;
- close / archive / forward (any final state): everything still running stops.

A stopped clock's outcome is "met" when it stopped (or paused for good) at or before its due
time, else "breached". `Case.stage_due_at` is the due time of the current stage's clock; the
reporter and the staff read it through `expected_response_by` and `working_days_left`.

Due times follow one formula (`due_for`), and every change keeps the later of the old and the
new due time: a holiday, a pause or an extension can only move a deadline later.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import QuerySet
from django.utils import dateformat, translation
from django.utils.translation import gettext as _

from simadu.audit.services import audit_record
from simadu.cases.models import Case, CaseEvent
from simadu.cases.workflow import FINAL_STATES, REPORTER, SYSTEM, Status
from simadu.core import clock as wallclock
from simadu.core import crypto
from simadu.core.clock import WIB
from simadu.core.errors import Conflict, InvalidInput, PermissionDenied
from simadu.deadlines import calendar
from simadu.deadlines.models import CaseClock, ClockExtension, SlaPolicy, Stage
from simadu.deadlines.policy import policy_for

log = logging.getLogger(__name__)

MIN_EXTENSION_REASON = 20
# Stages counted by Itjen's intake in Jakarta; the others in the handling unit's zone.
_ITJEN_STAGES = frozenset({Stage.VERIFY, Stage.REPORTER_ANSWER})


# --- the formula --------------------------------------------------------------------------------


def due_for(clock: CaseClock) -> dt.datetime:
    """When `clock` falls due by its own numbers (without the never-earlier rule)."""
    zone = calendar.zone_named(clock.zone)
    if clock.calendar_days:
        return calendar.end_of_calendar_day(clock.started_at, clock.days + clock.extended_days, zone)
    return calendar.end_of_working_day(
        clock.started_at, clock.days + clock.extended_days + clock.paused_days, zone
    )


def nominal_due(
    *,
    stage: str,
    since: dt.datetime,
    channel: str = "",
    report_type: str = "",
    supervisory: bool = False,
    zone: ZoneInfo = WIB,
) -> dt.datetime:
    """When a clock of `stage` started at `since` falls due under the policy, with no pause or extension."""
    policy = policy_for(stage=stage, channel=channel, report_type=report_type, supervisory=supervisory)
    if policy.calendar_days:
        return calendar.end_of_calendar_day(since, policy.days, zone)
    return calendar.end_of_working_day(since, policy.days, zone)


def _push(clock: CaseClock) -> bool:
    """Recompute `clock.due_at`, never earlier than it was. True when it moved."""
    new = max(clock.due_at, due_for(clock))
    moved = new != clock.due_at
    clock.due_at = new
    return moved


# --- which clock is the stage's -----------------------------------------------------------------


def running_clocks(case: Case) -> QuerySet[CaseClock]:
    return CaseClock.objects.filter(case=case, stopped_at__isnull=True)


def _running(case: Case, stage: str) -> CaseClock | None:
    return running_clocks(case).filter(stage=stage).first()


def current_clock(case: Case) -> CaseClock | None:
    """The running clock that tells the deadline of the case's current stage; None in final states."""
    status = case.status
    if status in (Status.RECEIVED, Status.VERIFYING):
        return _running(case, Stage.VERIFY)
    if status == Status.AWAITING_INFO:
        return _running(case, Stage.REPORTER_ANSWER)
    if status == Status.ASSIGNED:
        return _running(case, Stage.FIRST_FOLLOW_UP) or _running(case, Stage.RESOLVE)
    if status in (Status.IN_PROGRESS, Status.REOPENED):
        return _running(case, Stage.RESOLVE)
    if status == Status.RESPONDED:
        return _running(case, Stage.AUTO_CLOSE)
    return None


def _stage_due(case: Case) -> dt.datetime | None:
    current = current_clock(case)
    return current.due_at if current else None


# --- the lifecycle ------------------------------------------------------------------------------


def clock_start(*, case: Case, stage: str, now: dt.datetime) -> CaseClock:
    """Start the clock of `stage` under the policy that governs this case (a running one is cancelled)."""
    for old in running_clocks(case).filter(stage=stage):
        _stop(old, now, CaseClock.Outcome.CANCELLED)
    policy = policy_for(
        stage=stage, channel=case.channel, report_type=case.report_type, supervisory=case.supervisory
    )
    zone = WIB if stage in _ITJEN_STAGES else calendar.zone_of(case)
    clock = CaseClock(
        case=case,
        stage=stage,
        policy=policy if policy.pk else None,
        days=policy.days,
        calendar_days=policy.calendar_days,
        zone=calendar.zone_name(zone),
        started_at=now,
    )
    clock.due_at = clock.original_due_at = due_for(clock)
    clock.save()
    return clock


def _stop(clock: CaseClock, now: dt.datetime, outcome: str | None = None) -> None:
    # A clock stopped while paused (a case archived while it waited on the reporter) is judged
    # at the moment the work stopped, not at the end of the wait.
    end = clock.paused_at or now
    if outcome is None:
        outcome = CaseClock.Outcome.MET if end <= clock.due_at else CaseClock.Outcome.BREACHED
    clock.stopped_at, clock.outcome = now, outcome
    if outcome == CaseClock.Outcome.BREACHED and clock.breached_at is None:
        clock.breached_at = now
    clock.save()


def _stop_stage(case: Case, stage: str, now: dt.datetime, outcome: str | None = None) -> None:
    for running in running_clocks(case).filter(stage=stage):
        _stop(running, now, outcome)


def _pause(case: Case, stage: str, now: dt.datetime) -> None:
    for running in running_clocks(case).filter(stage=stage, paused_at__isnull=True):
        running.paused_at = now
        running.save(update_fields=["paused_at"])


def _resume(case: Case, stage: str, now: dt.datetime) -> None:
    """Give back the working days the clock waited (dates in its zone) and move its due time on."""
    for running in running_clocks(case).filter(stage=stage, paused_at__isnull=False):
        zone = calendar.zone_named(running.zone)
        paused_at = running.paused_at or now  # the filter above guarantees it is set
        waited = calendar.working_days_between(paused_at.astimezone(zone).date(), now.astimezone(zone).date())
        running.paused_days += max(0, waited)
        running.paused_at = None
        _push(running)
        running.save(update_fields=["paused_days", "paused_at", "due_at"])


def _apply(case: Case, action: str, after: str, now: dt.datetime) -> None:
    """Start, stop, pause and resume the clocks for one workflow action (see the module note)."""
    if action == "receive":
        clock_start(case=case, stage=Stage.VERIFY, now=now)
    elif action == "request_info":
        _pause(case, Stage.VERIFY, now)
        clock_start(case=case, stage=Stage.REPORTER_ANSWER, now=now)
    elif action == "provide_info":
        _stop_stage(case, Stage.REPORTER_ANSWER, now)
        _resume(case, Stage.VERIFY, now)
    elif action == "assign":
        _stop_stage(case, Stage.VERIFY, now)
        clock_start(case=case, stage=Stage.FIRST_FOLLOW_UP, now=now)
        clock_start(case=case, stage=Stage.RESOLVE, now=now)
    elif action == "start":
        _stop_stage(case, Stage.FIRST_FOLLOW_UP, now)
    elif action == "respond":
        _stop_stage(case, Stage.FIRST_FOLLOW_UP, now)
        _stop_stage(case, Stage.RESOLVE, now)
        clock_start(case=case, stage=Stage.AUTO_CLOSE, now=now)
    elif action == "reopen":
        _stop_stage(case, Stage.AUTO_CLOSE, now, CaseClock.Outcome.CANCELLED)
        clock_start(case=case, stage=Stage.RESOLVE, now=now)
    if after in FINAL_STATES:
        for running in running_clocks(case):
            _stop(running, now)


def clocks_on_transition(*, case: Case, action: str, before: str, after: str, now: dt.datetime) -> None:
    """Move the case's clocks for `action` (case.status is already `after`) and set `case.stage_due_at`.

    The caller saves the case. A case from before the clocks existed gets its current stage's
    clock started now.
    """
    _apply(case, action, after, now)
    if after not in FINAL_STATES and current_clock(case) is None:
        _start_missing(case, now)
    case.stage_due_at = _stage_due(case)


def _start_missing(case: Case, now: dt.datetime) -> None:
    stages: dict[str, str] = {
        Status.RECEIVED: Stage.VERIFY,
        Status.VERIFYING: Stage.VERIFY,
        Status.AWAITING_INFO: Stage.REPORTER_ANSWER,
        Status.ASSIGNED: Stage.RESOLVE,
        Status.IN_PROGRESS: Stage.RESOLVE,
        Status.REOPENED: Stage.RESOLVE,
        Status.RESPONDED: Stage.AUTO_CLOSE,
    }
    stage = stages.get(case.status)
    if stage is not None:
        clock_start(case=case, stage=stage, now=now)


def clocks_on_public_reply(*, case: Case, now: dt.datetime) -> None:
    """A first public reply to the reporter is the unit's first follow-up."""
    if _running(case, Stage.FIRST_FOLLOW_UP) is None:
        return
    _stop_stage(case, Stage.FIRST_FOLLOW_UP, now)
    due = _stage_due(case)
    if due != case.stage_due_at:
        case.stage_due_at = due
        case.save(update_fields=["stage_due_at"])


def clocks_replay(case: Case) -> None:
    """Rebuild the clocks of `case` from its timeline (demo data whose times were moved into the past)."""
    CaseClock.objects.filter(case=case).delete()
    events = CaseEvent.objects.filter(case=case).order_by("at", "pk")
    for event in events.values_list("kind", "action", "to_status", "visibility", "at"):
        kind, action, to_status, visibility, at = event
        if kind == CaseEvent.Kind.RECEIVED:
            _apply(case, "receive", Status.RECEIVED, at)
        elif kind == CaseEvent.Kind.TRANSITION and action:
            _apply(case, action, to_status, at)
        elif kind == CaseEvent.Kind.REPLY and visibility == CaseEvent.Visibility.PUBLIC:
            _stop_stage(case, Stage.FIRST_FOLLOW_UP, at)
    Case.objects.filter(pk=case.pk).update(stage_due_at=_stage_due(case))


# --- what people read ---------------------------------------------------------------------------


def expected_response_by(case: Case) -> dt.datetime | None:
    """The deadline of the case's current stage in its handling unit's zone: the one date the reporter
    (API, tracking page, receipt) and the staff (inbox, case page) see."""
    if case.stage_due_at is None or case.status in FINAL_STATES:
        return None
    return case.stage_due_at.astimezone(calendar.zone_of(case))


def working_days_left(case: Case, now: dt.datetime | None = None) -> int | None:
    """Working days from today to the stage's due date, on dates of the case's zone; negative when late."""
    due = expected_response_by(case)
    if due is None:
        return None
    zone = calendar.zone_of(case)
    today = (now or wallclock.now()).astimezone(zone).date()
    return calendar.working_days_between(today, due.astimezone(zone).date())


OBJECTION_DAYS = 10


def objection_window_open(responded_at: dt.datetime | None, now: dt.datetime, zone: ZoneInfo = WIB) -> bool:
    """A reporter may object up to 10 working days after the answer, counted on local dates.

    A reply at 06:00 WIB is that WIB day, not the UTC day before.
    """
    if responded_at is None:
        return False
    answered, today = responded_at.astimezone(zone).date(), now.astimezone(zone).date()
    return calendar.working_days_between(answered, today) <= OBJECTION_DAYS


def clock_days_left(clock: CaseClock, now: dt.datetime | None = None) -> int:
    zone = calendar.zone_named(clock.zone)
    today = (now or wallclock.now()).astimezone(zone).date()
    due = clock.due_at.astimezone(zone).date()
    if clock.calendar_days:
        return (due - today).days
    return calendar.working_days_between(today, due)


def format_due(at: dt.datetime, zone_name: str, *, with_time: bool = True) -> str:
    """ "Jumat, 27 Maret 2026 23.59 WIB" in the active language, local to `zone_name`."""
    local = at.astimezone(calendar.zone_named(zone_name))
    text = dateformat.format(local, "l, j F Y")
    if with_time:
        text += f" {local:%H.%M} {zone_name}"
    return text


# --- the timeline -------------------------------------------------------------------------------


def _timeline(case: Case, *, actor: Any, body: str, public: bool = False, **data: Any) -> CaseEvent:
    """A deadline event on the case's timeline; its text sealed like every event of a sealed case."""
    from simadu.confidentiality.sealing import EVENT, case_key

    sealed = None
    if body and case.sealed:
        sealed, body = crypto.seal(case_key(case), body.encode(), context=EVENT), ""
    staff = None if actor in (REPORTER, SYSTEM) else actor
    return CaseEvent.objects.create(
        case=case,
        at=wallclock.now(),
        kind=CaseEvent.Kind.DEADLINE,
        actor=staff,
        actor_kind=actor if actor in (REPORTER, SYSTEM) else "staff",
        visibility=CaseEvent.Visibility.PUBLIC if public else CaseEvent.Visibility.INTERNAL,
        body=body,
        sealed_body=sealed,
        data=data,
    )


# --- a changed calendar -------------------------------------------------------------------------


def lock_case_and_clock(pk: int, **running: Any) -> tuple[Case, CaseClock] | None:
    """Lock a clock's case, then the clock (filtered by `running`, e.g. stopped_at__isnull=True).

    The order matters: requests lock the case first (`cases.services._locked`) and then move its clocks;
    a sweep that locked the clock first could deadlock against them on PostgreSQL.
    """
    case_id = CaseClock.objects.filter(pk=pk).values_list("case_id", flat=True).first()
    if case_id is None:
        return None
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("category", "unit", "handler")
        .get(pk=case_id)
    )
    clock = CaseClock.objects.select_for_update(of=("self",)).filter(pk=pk, **running).first()
    return None if clock is None else (case, clock)


def _recompute_one(pk: int) -> bool:
    """One running clock after a calendar edit; True when its due time moved."""
    with transaction.atomic():
        locked = lock_case_and_clock(pk, stopped_at__isnull=True)
        if locked is None:
            return False
        case, clock = locked
        before = clock.due_at
        if not _push(clock):
            return False
        clock.save(update_fields=["due_at"])
        due = _stage_due(case)
        if due != case.stage_due_at:
            case.stage_due_at = due
            case.save(update_fields=["stage_due_at"])
        with translation.override("id"):
            body = _(
                "Kalender hari libur berubah: batas waktu tahap %(stage)s bergeser dari %(old)s ke %(new)s."
            ) % {
                "stage": clock.get_stage_display(),
                "old": format_due(before, clock.zone),
                "new": format_due(clock.due_at, clock.zone),
            }
        _timeline(
            case,
            actor=SYSTEM,
            body=body,
            clock=clock.pk,
            stage=clock.stage,
            old_due=before.isoformat(),
            new_due=clock.due_at.isoformat(),
            reason="calendar",
        )
        return True


def clocks_recompute() -> int:
    """After an edit of the holiday table: each running working-day clock gets the later of its due time
    and the formula's; each case whose deadline moved gets an internal timeline event. Returns how many moved.
    """
    moved = 0
    ids = list(
        CaseClock.objects.filter(stopped_at__isnull=True, calendar_days=False).values_list("pk", flat=True)
    )
    for pk in ids:
        try:
            moved += _recompute_one(pk)
        except Exception:  # one bad clock must not stop the others, nor fail the administrator's save
            log.exception("recomputing clock %s after a calendar edit failed", pk)
    if moved:
        with transaction.atomic():
            audit_record(
                actor=SYSTEM,
                action="deadlines.recompute",
                obj_type="calendar",
                obj_id="",
                data={"moved": moved},
            )
    return moved


# --- extensions ---------------------------------------------------------------------------------


def _max_extension_days(clock: CaseClock) -> int:
    policy: SlaPolicy | None = clock.policy
    if policy is None:
        case = clock.case
        policy = policy_for(
            stage=clock.stage,
            channel=case.channel,
            report_type=case.report_type,
            supervisory=case.supervisory,
        )
    return int(policy.max_extension_days)


def extension_days_available(clock: CaseClock) -> int:
    """How many more days an extension of `clock` may ask for (policy's most, less what was approved)."""
    return max(0, _max_extension_days(clock) - clock.extended_days)


def may_request_extension(actor: Any, clock: CaseClock) -> bool:
    from simadu.confidentiality.policy import can

    return clock.running and extension_days_available(clock) > 0 and can(actor, "case.note", clock.case)


@transaction.atomic
def clock_extension_request(*, clock: CaseClock, actor: Any, days: int, reason: str) -> ClockExtension:
    """Ask for more time on a running clock, with a reason; leadership approves or refuses it."""
    from simadu.confidentiality.policy import can

    locked = lock_case_and_clock(clock.pk)
    if locked is None:
        raise Conflict(_("Tahap ini sudah selesai; waktunya tidak dapat diperpanjang."), code="clock_stopped")
    case, clock = locked
    if not can(actor, "case.note", case):
        raise PermissionDenied()
    if not clock.running:
        raise Conflict(_("Tahap ini sudah selesai; waktunya tidak dapat diperpanjang."), code="clock_stopped")
    if clock.extensions.filter(state=ClockExtension.State.PENDING).exists():
        raise Conflict(
            _("Sudah ada permintaan perpanjangan yang menunggu persetujuan."), code="extension_pending"
        )
    available = extension_days_available(clock)
    if available <= 0:
        raise InvalidInput(_("Waktu tahap ini tidak dapat diperpanjang lagi."), field="days")
    if not 1 <= days <= available:
        raise InvalidInput(_("Isi jumlah hari antara 1 dan %(most)d.") % {"most": available}, field="days")
    reason = reason.strip()
    if len(reason) < MIN_EXTENSION_REASON:
        raise InvalidInput(
            _("Tulis alasan perpanjangan paling sedikit %(n)d huruf.") % {"n": MIN_EXTENSION_REASON},
            field="reason",
        )
    now = wallclock.now()
    extension = ClockExtension.objects.create(
        clock=clock, days=days, reason=reason, requested_by=actor, requested_at=now
    )
    with translation.override("id"):
        body = _("Perpanjangan %(days)d hari untuk tahap %(stage)s diminta. Alasan: %(reason)s") % {
            "days": days,
            "stage": clock.get_stage_display(),
            "reason": reason,
        }
    _timeline(case, actor=actor, body=body, extension=extension.pk, clock=clock.pk, state="pending")
    audit_record(
        actor=actor,
        action="case.extension_request",
        obj_type="case",
        obj_id=case.tracking_id,
        data={"clock": clock.pk, "stage": clock.stage, "days": days, "extension": extension.pk},
    )
    _tell_leadership(case, extension)
    return extension


@transaction.atomic
def clock_extension_decide(
    *, extension: ClockExtension, actor: Any, approve: bool, note: str = ""
) -> ClockExtension:
    """Leadership (of the case's unit, or Itjen) approves or refuses a pending extension.

    Approval adds the days to the clock and moves its due date (and the stage's) later; the
    reporter reads in plain words that the answer takes longer, and until when, never the reason.
    """
    from simadu.confidentiality.policy import can

    locked = lock_case_and_clock(extension.clock_id)
    if locked is None:
        raise Conflict(_("Tahap ini sudah selesai; waktunya tidak dapat diperpanjang."), code="clock_stopped")
    case, clock = locked
    extension = ClockExtension.objects.select_for_update().get(pk=extension.pk)
    if not can(actor, "case.approve_extension", case):
        raise PermissionDenied()
    if extension.state != ClockExtension.State.PENDING:
        raise Conflict(_("Permintaan perpanjangan ini sudah diputuskan."), code="extension_decided")
    if approve and not clock.running:
        raise Conflict(_("Tahap ini sudah selesai; waktunya tidak dapat diperpanjang."), code="clock_stopped")
    if approve and extension.days > extension_days_available(clock):
        raise Conflict(_("Perpanjangan ini melebihi batas yang diizinkan."), code="extension_too_long")
    now = wallclock.now()
    extension.state = ClockExtension.State.APPROVED if approve else ClockExtension.State.REFUSED
    extension.decided_by, extension.decided_at, extension.decision_note = actor, now, note.strip()
    extension.save()
    before = clock.due_at
    if approve:
        clock.extended_days += extension.days
        _push(clock)
        from simadu.deadlines.escalation import level_reached  # escalation builds on this module

        # The ladder restarts from where the new due date puts it, so a second breach is told again.
        clock.escalation_level = min(clock.escalation_level, level_reached(clock, now))
        if clock.due_at > now:
            clock.breached_at = None
        clock.save(update_fields=["extended_days", "due_at", "escalation_level", "breached_at"])
        due = _stage_due(case)
        if due != case.stage_due_at:
            case.stage_due_at = due
            case.save(update_fields=["stage_due_at"])
    with translation.override("id"):
        if approve:
            body = _(
                "Perpanjangan %(days)d hari untuk tahap %(stage)s disetujui. Batas waktu baru: %(due)s. "
                "Alasan permintaan: %(reason)s"
            ) % {
                "days": extension.days,
                "stage": clock.get_stage_display(),
                "due": format_due(clock.due_at, clock.zone),
                "reason": extension.reason,
            }
        else:
            body = _("Perpanjangan %(days)d hari untuk tahap %(stage)s ditolak.") % {
                "days": extension.days,
                "stage": clock.get_stage_display(),
            }
        if extension.decision_note:
            body += " " + _("Catatan pimpinan: %(note)s") % {"note": extension.decision_note}
    _timeline(
        case,
        actor=actor,
        body=body,
        extension=extension.pk,
        clock=clock.pk,
        state=extension.state,
        old_due=before.isoformat(),
        new_due=clock.due_at.isoformat(),
    )
    if approve:
        shown = expected_response_by(case) or clock.due_at
        with translation.override("id"):
            public_body = _(
                "Penanganan laporan Anda membutuhkan waktu lebih lama. Perkiraan jawaban paling lambat %(date)s."
            ) % {"date": format_due(shown, calendar.zone_name(calendar.zone_of(case)), with_time=False)}
        _timeline(case, actor=actor, body=public_body, public=True, extension=extension.pk)
        _tell_reporter(case, extension.days, shown)
    audit_record(
        actor=actor,
        action="case.extension_approve" if approve else "case.extension_refuse",
        obj_type="case",
        obj_id=case.tracking_id,
        data={"extension": extension.pk, "clock": clock.pk, "days": extension.days, "due": clock.due_at},
    )
    _tell_requester(case, extension)
    return extension


# --- who is told --------------------------------------------------------------------------------


def _tell_reporter(case: Case, days: int, due: dt.datetime) -> None:
    from simadu.cases.notifications import notify_reporter

    notify_reporter(case, "extension", days=days, date=due)


def _approvers(case: Case) -> list[Any]:
    from simadu.accounts.models import User
    from simadu.confidentiality.policy import can

    candidates = User.objects.filter(is_active=True, role="leadership")
    return [u for u in candidates if can(u, "case.approve_extension", case)]


def _tell_leadership(case: Case, extension: ClockExtension) -> None:
    from simadu.cases.notifications import notify_staff

    try:
        notify_staff(
            users=_approvers(case),
            key="extension_requested",
            context={"days": extension.days},
            case=case,
        )
    except KeyError:  # the template is not there (yet): the request is on the case page all the same
        log.warning("no staff template extension_requested")


def _tell_requester(case: Case, extension: ClockExtension) -> None:
    from simadu.cases.notifications import notify_staff

    try:
        notify_staff(
            users=[extension.requested_by],
            key="extension_approved"
            if extension.state == ClockExtension.State.APPROVED
            else "extension_refused",
            context={"days": extension.days},
            case=case,
        )
    except KeyError:
        log.warning("no staff template for the extension decision")
