"""The escalation ladder of a stage's clock: the handler, then the unit head, then Itjen.

| level | when | who is told |
| --- | --- | --- |
| 1 | 50% of the stage's working time used | the handler (`Case.handler`, else the unit's officers; verification: Itjen's verifiers) |
| 2 | 80% used | the same, again |
| 3 | the deadline passed (`breached_at` set) | the unit's leadership (verification: Itjen's leadership) |
| 4 | still running SIMADU_ESCALATE_ITJEN_AFTER_DAYS working days after the deadline | Itjen's leadership and mailbox |

Only the verification, first follow-up and resolution clocks climb the ladder, and only while
running and not paused (waiting on the reporter). Messages go out only in working hours of
the clock's zone (`calendar.is_working_hours`): a clock that crossed several levels over a
weekend or Lebaran gets one message, for the highest level, at 08:00 of the next working day,
and the levels it skipped are recorded as reached. Each step is an internal line on the
case's timeline, an audit row, and e-mails to the people who may see the case
(`policy.sees_case`: a WBS case only reaches the WBS team, and never a unit's mailbox); a
message names the case, the stage and the deadline, never the report's content.

The level is raised on the locked clock row in the same transaction as the event and the
queued mail, so two sweeps at the same moment send nothing twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from simadu.audit.services import audit_record
from simadu.cases.models import Case, CaseEvent
from simadu.cases.workflow import SYSTEM
from simadu.core import clock as wallclock
from simadu.deadlines import calendar
from simadu.deadlines.clocks import lock_case_and_clock
from simadu.deadlines.models import CaseClock, Stage

log = logging.getLogger(__name__)

ESCALATED_STAGES = (Stage.VERIFY, Stage.FIRST_FOLLOW_UP, Stage.RESOLVE)
REMINDER_50, REMINDER_80, UNIT_HEAD, ITJEN_LEVEL = 1, 2, 3, 4
THRESHOLDS = ((REMINDER_80, 0.8), (REMINDER_50, 0.5))
ITJEN = "itjen"

# The key of the staff message template of each level (outbox.templates_default).
TEMPLATE = {
    REMINDER_50: "escalation_reminder",
    REMINDER_80: "escalation_reminder",
    UNIT_HEAD: "escalation_breach_unit_head",
    ITJEN_LEVEL: "escalation_itjen",
}


def stage_words(stage: str) -> str:
    """The stage as the middle of a sentence: "waktu verifikasi", "tenggat penyelesaian"."""
    words: dict[str, str] = {
        Stage.VERIFY: _("verifikasi"),
        Stage.FIRST_FOLLOW_UP: _("tindak lanjut pertama"),
        Stage.RESOLVE: _("penyelesaian"),
    }
    return words.get(stage, stage)


def step_title(level: Any) -> str:
    """The heading of an escalation step on the staff timeline."""
    titles = {
        REMINDER_50: _("Pengingat tenggat 50%"),
        REMINDER_80: _("Pengingat tenggat 80%"),
        UNIT_HEAD: _("Tenggat terlewati"),
        ITJEN_LEVEL: _("Eskalasi ke Inspektorat Jenderal"),
    }
    return str(titles.get(level, CaseEvent.Kind.ESCALATION.label))


def days_late(clock: CaseClock, now: dt.datetime) -> int:
    """Working days of the clock's zone since its due date (0 on the due date itself)."""
    zone = calendar.zone_named(clock.zone)
    return calendar.working_days_between(clock.due_at.astimezone(zone).date(), now.astimezone(zone).date())


def level_reached(clock: CaseClock, now: dt.datetime) -> int:
    """The highest level of the ladder `clock` has reached at `now` (0: none)."""
    if now > clock.due_at:
        return (
            ITJEN_LEVEL if days_late(clock, now) >= settings.SIMADU_ESCALATE_ITJEN_AFTER_DAYS else UNIT_HEAD
        )
    fraction = calendar.elapsed_fraction(clock, now)
    for level, threshold in THRESHOLDS:
        if fraction >= threshold:
            return level
    return 0


# --- who is told --------------------------------------------------------------------------------


def _users(**filters: Any) -> list[Any]:
    from simadu.accounts.models import User

    return list(User.objects.filter(is_active=True, **filters).order_by("pk"))


def _handlers(case: Case, stage: str) -> list[Any]:
    if stage == Stage.VERIFY:
        return _users(role="verifier", unit_id=ITJEN)
    if case.handler_id is not None:
        return [case.handler]
    return _users(role__in=("unit_officer", "auditor"), unit_id=case.unit_id)


def _heads(case: Case, stage: str) -> list[Any]:
    unit_id = ITJEN if stage == Stage.VERIFY or case.unit_id is None else case.unit_id
    return _users(role="leadership", unit_id=unit_id)


def recipients(case: Case, stage: str, level: int) -> list[Any]:
    """Who the message of `level` goes to: staff who may see the case, and for Itjen its mailbox.

    A unit head who does not exist (or may not see the case) is replaced by the unit's mailbox;
    a sealed (WBS) case never goes to a mailbox, which people outside the WBS team read.
    """
    from simadu.confidentiality.policy import sees_case
    from simadu.triage.models import Unit

    if level in (REMINDER_50, REMINDER_80):
        people, mailbox = _handlers(case, stage), None
    elif level == UNIT_HEAD:
        people = _heads(case, stage)
        unit_id = ITJEN if stage == Stage.VERIFY or case.unit_id is None else case.unit_id
        mailbox = unit_id if not any(sees_case(u, case) for u in people) else None
    else:
        people, mailbox = _users(role="leadership", unit_id=ITJEN), ITJEN
    chosen: list[Any] = [u for u in people if sees_case(u, case)]
    if mailbox and not case.sealed:
        unit = Unit.objects.filter(pk=mailbox, active=True).exclude(email="").first()
        if unit is not None:
            chosen.append(unit)
    return chosen


# --- one step -----------------------------------------------------------------------------------


def _line(clock: CaseClock, level: int, now: dt.datetime, told: int) -> str:
    """The plain line on the timeline, in Indonesian (the case's language), whatever the reader's screen."""
    from simadu.deadlines.clocks import format_due

    with translation.override("id"):
        values = {"stage": stage_words(clock.stage), "due": format_due(clock.due_at, clock.zone)}
        if level in (REMINDER_50, REMINDER_80):
            text = _("Pengingat: %(percent)s%% waktu %(stage)s sudah terpakai. Tenggat: %(due)s.") % {
                **values,
                "percent": 50 if level == REMINDER_50 else 80,
            }
        elif level == UNIT_HEAD:
            text = _("Tenggat %(stage)s terlewati (%(due)s). Pimpinan unit diberi tahu.") % values
        else:
            text = _(
                "Tenggat %(stage)s terlewati %(days)s hari kerja (%(due)s). Inspektorat Jenderal diberi tahu."
            ) % {**values, "days": days_late(clock, now)}
        if not told:
            text += " " + _("Belum ada penerima dengan alamat e-mail; periksa data staf dan unit.")
    return text


def _escalate_clock(pk: int, now: dt.datetime) -> bool:
    """Take the step `clock` has reached, if any, in working hours. True when a step was taken."""
    from simadu.cases.notifications import notify_staff
    from simadu.cases.services import _event

    with transaction.atomic():
        locked = lock_case_and_clock(pk, stopped_at__isnull=True, paused_at__isnull=True)
        if locked is None:
            return False
        case, clock = locked
        level = level_reached(clock, now)
        if level <= clock.escalation_level:
            return False
        if not calendar.is_working_hours(now, calendar.zone_named(clock.zone)):
            return False
        skipped = list(range(clock.escalation_level + 1, level))
        clock.escalation_level = level
        if level >= UNIT_HEAD and clock.breached_at is None:
            clock.breached_at = now
        clock.save(update_fields=["escalation_level", "breached_at"])
        people = recipients(case, clock.stage, level)
        context: dict[str, Any] = {"due_date": clock.due_at}
        if level in (REMINDER_50, REMINDER_80):
            context["percent"] = 50 if level == REMINDER_50 else 80
        queued = notify_staff(
            users=people,
            key=TEMPLATE[level],
            context=context,
            case=case,
            topic=f"escalation.{clock.stage}.{level}",
        )
        data = {"stage": clock.stage, "level": level, "due_at": clock.due_at.isoformat()}
        if skipped:
            data["skipped"] = skipped
        _event(
            case,
            kind=CaseEvent.Kind.ESCALATION,
            actor=SYSTEM,
            body=_line(clock, level, now, len(queued)),
            data={**data, "told": len(queued)},
        )
        audit_record(
            actor=SYSTEM,
            action="case.escalate",
            obj_type="case",
            obj_id=case.tracking_id,
            data={**data, "recipients": [_who(r) for r in people], "queued": len(queued)},
        )
    return True


def _who(recipient: Any) -> str:
    """A recipient in the audit log: a user by id, a unit's mailbox by the unit (never an address)."""
    from simadu.accounts.models import User

    return f"user:{recipient.pk}" if isinstance(recipient, User) else f"unit:{recipient.pk}"


def each_in_its_own_transaction(
    pks: Iterable[int], step: Callable[[int], bool], what: str
) -> tuple[int, int]:
    """Run `step` for each id (each opens its own transaction); an error is logged and the next one runs.

    Returns (how many steps were taken, how many failed).
    """
    done = failed = 0
    for pk in pks:
        try:
            done += bool(step(pk))
        except Exception:  # one bad case must never stop the sweep of the others
            failed += 1
            log.exception("%s failed for %s", what, pk)
    return done, failed


def mark_breaches(now: dt.datetime) -> int:
    """Record when each running stage first went past its deadline (any hour; the messages wait)."""
    return CaseClock.objects.filter(
        stage__in=ESCALATED_STAGES,
        stopped_at__isnull=True,
        paused_at__isnull=True,
        breached_at__isnull=True,
        due_at__lt=now,
    ).update(breached_at=now)


def escalate(now: dt.datetime) -> tuple[int, int]:
    """The ladder for every running clock; returns (steps taken, clocks that failed).

    Which clocks have a step to take is read without locks; each of those is then locked and
    checked again in its own transaction.
    """
    mark_breaches(now)
    working: dict[str, bool] = {}
    due = []
    running = CaseClock.objects.filter(
        stage__in=ESCALATED_STAGES,
        stopped_at__isnull=True,
        paused_at__isnull=True,
        escalation_level__lt=ITJEN_LEVEL,
    ).order_by("due_at", "pk")
    unreadable = 0
    for clock in running.iterator():
        try:
            if clock.zone not in working:
                working[clock.zone] = calendar.is_working_hours(now, calendar.zone_named(clock.zone))
            if working[clock.zone] and level_reached(clock, now) > clock.escalation_level:
                due.append(clock.pk)
        except Exception:  # one bad clock must never stop the sweep of the others
            unreadable += 1
            log.exception("escalation failed for clock %s", clock.pk)
    done, failed = each_in_its_own_transaction(due, lambda pk: _escalate_clock(pk, now), "escalation")
    return done, failed + unreadable


def escalate_due(*, now: dt.datetime | None = None) -> int:
    """Take every escalation step that is due at `now`; returns how many were taken."""
    return escalate(now or wallclock.now())[0]
