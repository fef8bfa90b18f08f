"""Stage deadlines of a case: counted in Indonesian working days, due at the end of the day in WIB.

The calendar the tests check against comes from the `holidays` package directly
(public + government, which includes cuti bersama), not from `simadu.core.workdays`.
"""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
import time_machine

from simadu.cases import deadlines, services
from simadu.cases.deadlines import stage_deadline
from simadu.cases.workflow import Status
from simadu.core.clock import WIB, WITA
from simadu.triage.models import Unit
from tests.cases.states import WAGE
from tests.factories import submit

OFF = frozenset(holidays.country_holidays("ID", years=[2026, 2027], categories=("public", "government")))
END_OF_DAY = dt.time(23, 59, 59)
FRIDAY_13_MARCH = dt.datetime(2026, 3, 13, 10, 0, tzinfo=WIB)
WEDNESDAY_25_MARCH_END = dt.datetime(2026, 3, 25, 23, 59, 59, tzinfo=WIB)


def _working(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in OFF


def _count(start: dt.date, end: dt.date) -> int:
    return sum(_working(start + dt.timedelta(days=n)) for n in range(1, (end - start).days + 1))


def test_a_report_received_on_friday_13_march_2026_must_be_verified_by_wednesday_25_march():
    """Given a report received on Friday 13 March 2026, the 3-working-day verification deadline skips the
    weekend, Nyepi, Idul Fitri and their cuti bersama (18–24 March) and falls at 23:59:59 WIB on the 25th."""
    assert {dt.date(2026, 3, d) for d in (18, 19, 20, 23, 24)} <= OFF

    due = stage_deadline(
        status=Status.RECEIVED, supervisory=False, report_type="pengaduan", since=FRIDAY_13_MARCH
    )

    assert due == WEDNESDAY_25_MARCH_END
    assert due is not None
    assert due.utcoffset() == dt.timedelta(hours=7)


@pytest.mark.parametrize(
    ("received_wib", "due_day"),
    [
        (dt.datetime(2026, 3, 13, 0, 5), dt.date(2026, 3, 25)),  # just after midnight: Thursday in UTC
        (dt.datetime(2026, 3, 13, 23, 55), dt.date(2026, 3, 25)),
        (dt.datetime(2026, 3, 14, 9, 0), dt.date(2026, 3, 25)),  # Saturday counts from Monday
        (dt.datetime(2026, 3, 16, 5, 0), dt.date(2026, 3, 26)),  # Monday 05:00 WIB is still Sunday in UTC
        (dt.datetime(2026, 3, 17, 6, 30), dt.date(2026, 3, 27)),
    ],
)
def test_the_verification_deadline_counts_from_the_day_of_receipt_in_wib(received_wib, due_day):
    """Given a report received at some moment, the days are counted from its date in WIB, whatever the
    date is in UTC at that moment."""
    due = stage_deadline(
        status=Status.RECEIVED,
        supervisory=False,
        report_type="pengaduan",
        since=received_wib.replace(tzinfo=WIB),
    )

    assert due == dt.datetime.combine(due_day, END_OF_DAY, tzinfo=WIB)


@pytest.mark.parametrize(
    ("status", "supervisory", "report_type", "days"),
    [
        (Status.RECEIVED, False, "pengaduan", deadlines.VERIFY_DAYS),
        (Status.VERIFYING, True, "pengaduan", deadlines.VERIFY_DAYS),
        (Status.ASSIGNED, False, "pengaduan", deadlines.FIRST_FOLLOW_UP_DAYS),
        (Status.IN_PROGRESS, False, "pengaduan", deadlines.RESOLVE_DAYS),
        (Status.IN_PROGRESS, True, "pengaduan", deadlines.RESOLVE_SUPERVISORY_DAYS),
        (Status.IN_PROGRESS, False, "permintaan_informasi", deadlines.INFORMATION_REQUEST_DAYS),
        (Status.REOPENED, False, "pengaduan", deadlines.RESOLVE_DAYS),
        (Status.RESPONDED, False, "pengaduan", deadlines.AUTO_CLOSE_DAYS),
    ],
)
def test_a_stage_deadline_never_falls_on_a_day_off_for_any_moment_of_receipt_in_2026(
    status, supervisory, report_type, days
):
    """Given a case entering a stage at any hour of any day of 2026, its deadline is the end (23:59:59 WIB)
    of a working day exactly `days` working days later by the calendar, never earlier than the naive count
    of `days` calendar days."""
    wrong = []
    for n in range(365):
        for hour, minute in ((0, 10), (6, 59), (12, 0), (23, 50)):
            since = dt.datetime(2026, 1, 1, hour, minute, tzinfo=WIB) + dt.timedelta(days=n)
            due = stage_deadline(status=status, supervisory=supervisory, report_type=report_type, since=since)
            assert due is not None
            local = due.astimezone(WIB)
            ok = (
                due.utcoffset() == dt.timedelta(hours=7)
                and local.time() == END_OF_DAY
                and _working(local.date())
                and _count(since.date(), local.date()) == days
                and local.date() >= since.date() + dt.timedelta(days=days)
            )
            if not ok:
                wrong.append((since, due))

    assert wrong == []


def test_the_reporter_has_fourteen_calendar_days_to_answer_a_question():
    """Given a question asked on Friday 13 March 2026, the reporter's answer is due at the end of Friday
    27 March: calendar days, because the reporter is not an office."""
    due = stage_deadline(
        status=Status.AWAITING_INFO, supervisory=False, report_type="pengaduan", since=FRIDAY_13_MARCH
    )

    assert due == dt.datetime(2026, 3, 27, 23, 59, 59, tzinfo=WIB)


@pytest.mark.parametrize("status", [Status.CLOSED, Status.FORWARDED, Status.ARCHIVED])
def test_a_finished_case_has_no_deadline(status):
    """Closed, forwarded and archived cases wait on nobody."""
    assert (
        stage_deadline(status=status, supervisory=False, report_type="pengaduan", since=FRIDAY_13_MARCH)
        is None
    )


def test_a_unit_in_another_time_zone_gets_the_end_of_its_own_day():
    """Given a unit in WITA, the deadline falls at 23:59:59 of its own day, an hour before the WIB one."""
    due = stage_deadline(
        status=Status.RECEIVED, supervisory=False, report_type="pengaduan", since=FRIDAY_13_MARCH, zone=WITA
    )

    assert due == dt.datetime(2026, 3, 25, 23, 59, 59, tzinfo=WITA)
    assert due is not None
    assert WEDNESDAY_25_MARCH_END - due == dt.timedelta(hours=1)


@pytest.mark.django_db
def test_a_report_filed_on_friday_13_march_tells_the_reporter_it_is_due_on_25_march(api):
    """Given a report filed through the API on Friday 13 March 2026 at 10:00 WIB, the case is due at the end
    of 25 March, and the reporter's view says so as an ISO date-time with the +07:00 zone, three working
    days away."""
    with time_machine.travel(FRIDAY_13_MARCH, tick=False):
        created = api.post("/api/v1/reports", {"text": WAGE}, content_type="application/json").json()
        view = api.get(
            f"/api/v1/reports/{created['tracking_id']}", HTTP_X_REPORT_SECRET=created["secret"]
        ).json()

    assert view["expected_response_by"] == "2026-03-25T23:59:59+07:00"
    assert view["working_days_left"] == 3


@pytest.mark.django_db
def test_each_step_of_a_case_restarts_the_clock_of_its_new_stage(staff):
    """Given a wage complaint received on Friday 13 March 2026, each step sets the deadline of the stage it
    enters, counted from that step: verify (3), assign (5), start (14), respond (10 to auto-close); a
    question gives the reporter 14 calendar days; closing ends the clock."""
    verifier, officer = staff["verifier"], staff["officer_phi"]
    unit = Unit.objects.get(pk="ditjen_phi_jamsos")
    seen = []
    with time_machine.travel(FRIDAY_13_MARCH, tick=False) as traveller:
        case, _ = submit(WAGE)
        seen.append(("received", case.stage_due_at))
        traveller.move_to(dt.datetime(2026, 3, 16, 9, 0, tzinfo=WIB))
        services.case_request_info(case=case, actor=verifier, question="Sejak kapan?")
        case.refresh_from_db()
        seen.append(("awaiting_info", case.stage_due_at))
        traveller.move_to(dt.datetime(2026, 3, 17, 9, 0, tzinfo=WIB))
        services.case_reporter_message(case=case, text="Sejak Januari.")
        case.refresh_from_db()
        seen.append(("verifying", case.stage_due_at))
        services.case_assign(case=case, actor=verifier, unit=unit)
        case.refresh_from_db()
        seen.append(("assigned", case.stage_due_at))
        traveller.move_to(dt.datetime(2026, 3, 25, 8, 0, tzinfo=WIB))
        services.case_start(case=case, actor=officer)
        case.refresh_from_db()
        seen.append(("in_progress", case.stage_due_at))
        traveller.move_to(dt.datetime(2026, 4, 1, 15, 0, tzinfo=WIB))
        services.case_respond(case=case, actor=officer, text="Gaji sudah dibayar.")
        case.refresh_from_db()
        seen.append(("responded", case.stage_due_at))
        services.case_close(case=case, actor=officer)
        case.refresh_from_db()
        seen.append(("closed", case.stage_due_at))

    def end(y: int, m: int, d: int) -> dt.datetime:
        return dt.datetime(y, m, d, 23, 59, 59, tzinfo=WIB)

    assert seen == [
        ("received", end(2026, 3, 25)),  # Fri 13 + 3 working days: 16, 17, (18–24 off), 25
        ("awaiting_info", end(2026, 3, 30)),  # Mon 16 + 14 calendar days
        ("verifying", end(2026, 3, 27)),  # Tue 17 + 3: 25, 26, 27
        ("assigned", end(2026, 3, 31)),  # Tue 17 + 5: 25, 26, 27, 30, 31
        ("in_progress", end(2026, 4, 15)),  # Wed 25 + 14, Good Friday 3 April off
        ("responded", end(2026, 4, 16)),  # Wed 1 April + 10, Good Friday off
        ("closed", None),
    ]
