"""The periodic sweep: escalation, the announced automatic close and archive, forwarding reminders.

`deadlines_sweep` is the one entry point (Celery beat every 5 minutes in production, the
in-process scheduler on the embedded default). Each case is handled in its own transaction;
one that fails is logged and the others go on. Running it twice at the same moment does
nothing twice: every step is recorded on a locked row before its message is queued.

- **Automatic close** (`auto_close` clock, 10 working days after the answer): when at most
  `NOTICE_DAYS` working days are left the reporter is told, on their page and by e-mail, the
  day after which the case closes and that an objection stops it. The case is closed (by the
  system, through the workflow) only after the clock's due time AND at least `NOTICE_DAYS`
  working days after that announcement: an announcement that came late moves the close later,
  so the reporter always gets the full notice. An objection cancels the clock, and the close.
- **Archive** (`reporter_answer` clock, 14 calendar days to answer a question): announced
  `NOTICE_DAYS` days before, archived with reason "incomplete" after the due time and at least
  `NOTICE_DAYS` days after the announcement. An answer stops the clock, and the archive.
- **Forwarding follow-up**: when a forwarded case's `follow_up_due_at` passes with no reminder
  and no follow-up recorded, the verifier who forwarded it (or, if they left, Itjen's verifiers)
  is reminded in working hours, once.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict, dataclass

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from simadu.audit.services import audit_record
from simadu.cases.models import Case, CaseEvent, Forwarding
from simadu.cases.workflow import SYSTEM, ArchiveReason, Status
from simadu.core import clock as wallclock
from simadu.core.clock import WIB
from simadu.deadlines import calendar
from simadu.deadlines.clocks import lock_case_and_clock, objection_window_open
from simadu.deadlines.escalation import ITJEN, each_in_its_own_transaction, escalate
from simadu.deadlines.models import CaseClock, Stage

log = logging.getLogger(__name__)

NOTICE_DAYS = 3  # working days (calendar days for a calendar-day clock) between announcement and close


@dataclass
class SweepResult:
    escalations: int = 0
    announced: int = 0  # automatic closes and archives announced to reporters
    closed: int = 0
    archived: int = 0
    reminded: int = 0  # forwarding follow-up reminders
    errors: int = 0  # cases that failed (logged) and will be tried again next time

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def summary(self) -> str:
        return (
            f"{self.escalations} eskalasi, {self.announced} pemberitahuan, {self.closed} ditutup, "
            f"{self.archived} diarsipkan, {self.reminded} pengingat pengalihan, {self.errors} gagal"
        )


def deadlines_sweep(*, now: dt.datetime | None = None) -> SweepResult:
    """Everything the deadlines ask for at `now` (default: the clock's now)."""
    now = now or wallclock.now()
    result = SweepResult()
    result.escalations, failed = escalate(now)
    result.errors += failed
    for stage in (Stage.AUTO_CLOSE, Stage.REPORTER_ANSWER):
        pks = list(
            CaseClock.objects.filter(stage=stage, stopped_at__isnull=True, paused_at__isnull=True)
            .order_by("due_at", "pk")
            .values_list("pk", flat=True)
        )
        for pk in pks:
            try:
                outcome = _announce_or_end(pk, now)
            except Exception:  # one bad case must never stop the sweep of the others
                result.errors += 1
                log.exception("automatic %s failed for clock %s", stage, pk)
                continue
            if outcome == "announced":
                result.announced += 1
            elif outcome == "closed":
                result.closed += 1
            elif outcome == "archived":
                result.archived += 1
    result.reminded, failed = forward_reminders(now)
    result.errors += failed
    if result.errors:
        log.warning("deadlines sweep: %s", result.summary())
    return result


# --- automatic close and archive ----------------------------------------------------------------


def days_left(clock: CaseClock, now: dt.datetime) -> int:
    """Days from today to the due date, in the clock's zone: working days, or calendar days for its kind."""
    from simadu.deadlines.clocks import clock_days_left

    return clock_days_left(clock, now)


def last_day(clock: CaseClock, announced_at: dt.datetime) -> dt.datetime:
    """The last moment the reporter may still act (object, or answer) after an announcement at `announced_at`:
    the clock's due time, or the end of the full notice when the announcement came late."""
    zone = calendar.zone_named(clock.zone)
    if clock.calendar_days:
        notice = calendar.end_of_calendar_day(announced_at, NOTICE_DAYS, zone)
    else:
        notice = calendar.end_of_working_day(announced_at, NOTICE_DAYS, zone)
    return max(clock.due_at, notice)


def notice_ends(clock: CaseClock) -> dt.datetime | None:
    """After this moment the case may be closed or archived; None while nothing was announced."""
    return None if clock.announced_at is None else last_day(clock, clock.announced_at)


def announced_until(case: Case) -> dt.datetime | None:
    """The last moment named in the automatic-close announcement of `case` (None when none is running).

    Later than the 10-working-day objection window when the announcement came late; an objection
    until then should be accepted (the reporter was told so).
    """
    clock = CaseClock.objects.filter(case=case, stage=Stage.AUTO_CLOSE, stopped_at__isnull=True).first()
    return None if clock is None else notice_ends(clock)


def objection_open(case: Case, now: dt.datetime) -> bool:
    """May the reporter still object? For 10 working days after the answer, and in any case until the
    date the automatic-close announcement named (a late announcement promised a later date)."""
    if objection_window_open(case.responded_at, now, calendar.zone_of(case)):
        return True
    until = announced_until(case) if case.responded_at is not None else None
    return until is not None and now <= until


def _announce_or_end(pk: int, now: dt.datetime) -> str:
    """One automatic-close or archive clock: announce, close / archive, or nothing ("")."""
    with transaction.atomic():
        locked = lock_case_and_clock(pk, stopped_at__isnull=True, paused_at__isnull=True)
        if locked is None:
            return ""
        case, clock = locked
        expected = Status.RESPONDED if clock.stage == Stage.AUTO_CLOSE else Status.AWAITING_INFO
        if case.status != expected:
            return ""  # the workflow moved on; the transition stops this clock
        if clock.announced_at is None:
            if days_left(clock, now) > NOTICE_DAYS:
                return ""
            _announce(case, clock, now)
            return "announced"
        ends = notice_ends(clock)
        if ends is None or now <= ends:
            return ""
        if clock.stage == Stage.AUTO_CLOSE:
            _close(case, clock)
            return "closed"
        _archive(case, clock)
        return "archived"


def _announce(case: Case, clock: CaseClock, now: dt.datetime) -> None:
    from simadu.cases.notifications import notify_reporter
    from simadu.cases.services import _event
    from simadu.deadlines.clocks import format_due

    until = last_day(clock, now)
    clock.announced_at = now
    clock.save(update_fields=["announced_at"])
    with translation.override("id"):
        date = format_due(until, clock.zone, with_time=False)
        if clock.stage == Stage.AUTO_CLOSE:
            body = _(
                "Laporan Anda akan ditutup otomatis setelah %(date)s bila tidak ada tanggapan. Jika jawaban "
                "belum memuaskan, ajukan keberatan paling lambat tanggal itu."
            ) % {"date": date}
        else:
            body = _(
                "Petugas masih menunggu keterangan dari Anda. Bila sampai %(date)s belum ada jawaban, laporan "
                "Anda akan diarsipkan. Jawab pertanyaan petugas paling lambat tanggal itu."
            ) % {"date": date}
    data = {"stage": clock.stage, "until": until.isoformat(), "due_at": clock.due_at.isoformat()}
    _event(case, kind=CaseEvent.Kind.ANNOUNCEMENT, actor=SYSTEM, body=body, public=True, data=data)
    audit_record(actor=SYSTEM, action="case.announce", obj_type="case", obj_id=case.tracking_id, data=data)
    what = "auto_close_announced" if clock.stage == Stage.AUTO_CLOSE else "archive_announced"
    notify_reporter(case, what, date=until)


def _close(case: Case, clock: CaseClock) -> None:
    from simadu.cases.services import transition

    with translation.override("id"):
        note = _("Laporan ditutup otomatis karena tidak ada tanggapan dari Anda sampai batas waktu.")
    transition(case=case, action="close", actor=SYSTEM, body=note, public=True, data={"automatic": True})


def _archive(case: Case, clock: CaseClock) -> None:
    from simadu.cases.services import case_archive

    with translation.override("id"):
        note = _(
            "Laporan diarsipkan karena keterangan yang diminta petugas tidak kami terima sampai batas waktu."
        )
    case_archive(case=case, actor=SYSTEM, reason_code=ArchiveReason.INCOMPLETE, note=note)


# --- forwarding follow-up -----------------------------------------------------------------------


def forward_reminders(now: dt.datetime) -> tuple[int, int]:
    """Remind Itjen, in its working hours, to ask each agency whose follow-up date passed; once each."""
    if not calendar.is_working_hours(now, WIB):
        return 0, 0
    pks = list(
        Forwarding.objects.filter(
            follow_up_due_at__lt=now, reminded_at__isnull=True, followed_up_at__isnull=True
        )
        .order_by("follow_up_due_at", "pk")
        .values_list("pk", flat=True)
    )
    return each_in_its_own_transaction(pks, lambda pk: _remind(pk, now), "forwarding reminder")


def _remind(pk: int, now: dt.datetime) -> bool:
    from simadu.accounts.models import User
    from simadu.cases.notifications import notify_staff
    from simadu.cases.services import _event
    from simadu.confidentiality.policy import sees_case
    from simadu.deadlines.clocks import format_due

    with transaction.atomic():
        case_id = Forwarding.objects.filter(pk=pk).values_list("case_id", flat=True).first()
        if case_id is None:
            return False
        # The case first, as requests lock it (forwarding_record_outcome), then the forwarding.
        case = Case.objects.select_for_update(of=("self",)).select_related("category", "unit").get(pk=case_id)
        forwarding = (
            Forwarding.objects.select_for_update(of=("self",))
            .select_related("agency", "forwarded_by")
            .filter(pk=pk, reminded_at__isnull=True, followed_up_at__isnull=True)
            .first()
        )
        if forwarding is None:
            return False
        forwarding.reminded_at = now
        forwarding.save(update_fields=["reminded_at"])
        people = [forwarding.forwarded_by]
        if not sees_case(forwarding.forwarded_by, case):  # left, or moved: Itjen's intake takes it on
            people = list(User.objects.filter(is_active=True, role="verifier", unit_id=ITJEN).order_by("pk"))
        people = [u for u in people if sees_case(u, case)]
        queued = notify_staff(
            users=people,
            key="forward_follow_up_reminder",
            context={"agency": forwarding.agency.name, "due_date": forwarding.follow_up_due_at},
            case=case,
            topic="forward.follow_up",
        )
        with translation.override("id"):
            body = _(
                "Sudah waktunya menanyakan tindak lanjut laporan ini ke %(agency)s (jadwal: %(date)s) dan "
                "mencatat jawabannya."
            ) % {"agency": forwarding.agency.name, "date": format_due(forwarding.follow_up_due_at, "WIB")}
        data = {"agency": forwarding.agency_id, "due_at": forwarding.follow_up_due_at.isoformat()}
        _event(
            case,
            kind=CaseEvent.Kind.FORWARD_FOLLOW_UP,
            actor=SYSTEM,
            body=body,
            data={**data, "told": len(queued)},
        )
        audit_record(
            actor=SYSTEM,
            action="case.forward_reminder",
            obj_type="case",
            obj_id=case.tracking_id,
            data={**data, "recipients": [f"user:{u.pk}" for u in people]},
        )
    return True
