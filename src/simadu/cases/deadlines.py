"""The deadline of each stage of a case, in Indonesian working days (pure functions of `now`).

Defaults from product.md: 3 working days to verify and route, 5 for the unit's first
follow-up, 14 to resolve (60 for supervisory complaints, 10 for an information
request), 14 calendar days for the reporter to answer a question, 10 working days
before a response with no reply is closed. A deadline falls at the end (23:59) of
its last working day in the handling unit's time zone. The SLA-policy table of the
deadlines issue replaces these constants with editable rows.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from simadu.cases.workflow import Status
from simadu.core.clock import WIB
from simadu.core.workdays import add_working_days, working_days_between

VERIFY_DAYS = 3
FIRST_FOLLOW_UP_DAYS = 5
RESOLVE_DAYS = 14
RESOLVE_SUPERVISORY_DAYS = 60
INFORMATION_REQUEST_DAYS = 10
REPORTER_ANSWER_CALENDAR_DAYS = 14
AUTO_CLOSE_DAYS = 10
OBJECTION_DAYS = 10


def end_of_working_day(start: dt.datetime, days: int, zone: ZoneInfo = WIB) -> dt.datetime:
    local = start.astimezone(zone).date()
    due = add_working_days(local, days)
    return dt.datetime.combine(due, dt.time(23, 59, 59), tzinfo=zone)


def stage_deadline(
    *, status: str, supervisory: bool, report_type: str, since: dt.datetime, zone: ZoneInfo = WIB
) -> dt.datetime | None:
    """When the stage the case just entered must be finished; None for final states."""
    if status in (Status.RECEIVED, Status.VERIFYING):
        return end_of_working_day(since, VERIFY_DAYS, zone)
    if status == Status.AWAITING_INFO:
        return dt.datetime.combine(
            since.astimezone(zone).date() + dt.timedelta(days=REPORTER_ANSWER_CALENDAR_DAYS),
            dt.time(23, 59, 59),
            tzinfo=zone,
        )
    if status == Status.ASSIGNED:
        return end_of_working_day(since, FIRST_FOLLOW_UP_DAYS, zone)
    if status in (Status.IN_PROGRESS, Status.REOPENED):
        if supervisory:
            days = RESOLVE_SUPERVISORY_DAYS
        elif report_type == "permintaan_informasi":
            days = INFORMATION_REQUEST_DAYS
        else:
            days = RESOLVE_DAYS
        return end_of_working_day(since, days, zone)
    if status == Status.RESPONDED:
        return end_of_working_day(since, AUTO_CLOSE_DAYS, zone)
    return None


def objection_window_open(responded_at: dt.datetime | None, now: dt.datetime, zone: ZoneInfo = WIB) -> bool:
    """A reporter may object up to 10 working days after the answer, counted on local dates.

    A reply at 06:00 WIB is that WIB day, not the UTC day before.
    """
    if responded_at is None:
        return False
    answered, today = responded_at.astimezone(zone).date(), now.astimezone(zone).date()
    return working_days_between(answered, today) <= OBJECTION_DAYS
