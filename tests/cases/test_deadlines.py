"""Stage deadlines of a case: counted in Indonesian working days, due at the end of the day in WIB.

The calendar the tests check against comes from the `holidays` package directly
(public + government, which includes cuti bersama), not from `simadu.deadlines.calendar`;
for 2026 it equals the seeded holiday table. The days of each stage come from the SLA policy
(`simadu.deadlines.policy`); tests/deadlines/ holds the clocks' own tests.
"""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
import time_machine

from simadu.cases import services
from simadu.cases.workflow import Status
from simadu.core.clock import WIB, WITA
from simadu.deadlines import calendar
from simadu.deadlines.clocks import expected_response_by, nominal_due
from simadu.deadlines.models import Stage
from simadu.deadlines.policy import policy_for
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


@pytest.mark.django_db
def test_a_report_received_on_friday_13_march_2026_must_be_verified_by_wednesday_25_march():
    """Given a report received on Friday 13 March 2026, the 3-working-day verification deadline skips the
    weekend, Nyepi, Idul Fitri and their cuti bersama (18–24 March) and falls at 23:59:59 WIB on the 25th."""
    assert {dt.date(2026, 3, d) for d in (18, 19, 20, 23, 24)} <= OFF

    due = nominal_due(stage=Stage.VERIFY, since=FRIDAY_13_MARCH, report_type="pengaduan")

    assert due == WEDNESDAY_25_MARCH_END
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
@pytest.mark.django_db
def test_the_verification_deadline_counts_from_the_day_of_receipt_in_wib(received_wib, due_day):
    """Given a report received at some moment, the days are counted from its date in WIB, whatever the
    date is in UTC at that moment."""
    due = nominal_due(stage=Stage.VERIFY, since=received_wib.replace(tzinfo=WIB), report_type="pengaduan")

    assert due == dt.datetime.combine(due_day, END_OF_DAY, tzinfo=WIB)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("stage", "supervisory", "report_type", "days"),
    [
        (Stage.VERIFY, False, "pengaduan", 3),
        (Stage.VERIFY, True, "pengaduan", 3),
        (Stage.FIRST_FOLLOW_UP, False, "pengaduan", 5),
        (Stage.RESOLVE, False, "pengaduan", 14),
        (Stage.RESOLVE, True, "pengaduan", 60),
        (Stage.RESOLVE, False, "permintaan_informasi", 10),
        (Stage.AUTO_CLOSE, False, "pengaduan", 10),
    ],
)
def test_a_stage_deadline_never_falls_on_a_day_off_for_any_moment_of_receipt_in_2026(
    stage, supervisory, report_type, days
):
    """Given a case entering a stage at any hour of any day of 2026, its deadline is the end (23:59:59 WIB)
    of a working day exactly `days` working days later by the calendar, never earlier than the naive count
    of `days` calendar days."""
    policy = policy_for(stage=stage, channel="lapor", report_type=report_type, supervisory=supervisory)
    assert (policy.days, policy.calendar_days) == (days, False)
    wrong = []
    for n in range(365):
        for hour, minute in ((0, 10), (6, 59), (12, 0), (23, 50)):
            since = dt.datetime(2026, 1, 1, hour, minute, tzinfo=WIB) + dt.timedelta(days=n)
            due = calendar.end_of_working_day(since, policy.days, WIB)  # the formula of every clock
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


@pytest.mark.django_db
def test_the_reporter_has_fourteen_calendar_days_to_answer_a_question():
    """Given a question asked on Friday 13 March 2026, the reporter's answer is due at the end of Friday
    27 March: calendar days, because the reporter is not an office."""
    due = nominal_due(stage=Stage.REPORTER_ANSWER, since=FRIDAY_13_MARCH, report_type="pengaduan")

    assert due == dt.datetime(2026, 3, 27, 23, 59, 59, tzinfo=WIB)


@pytest.mark.django_db
def test_a_finished_case_has_no_deadline(staff):
    """Closed, forwarded and archived cases wait on nobody: an archived case has no stage deadline and the
    reporter is promised no date."""
    with time_machine.travel(FRIDAY_13_MARCH, tick=False):
        case, _ = submit(WAGE)
        assert case.stage_due_at is not None
        services.case_archive(case=case, actor=staff["verifier"], reason_code="spam")
    case.refresh_from_db()

    assert case.status == Status.ARCHIVED
    assert case.stage_due_at is None
    assert expected_response_by(case) is None


@pytest.mark.django_db
def test_a_unit_in_another_time_zone_gets_the_end_of_its_own_day():
    """Given a unit in WITA, the deadline falls at 23:59:59 of its own day, an hour before the WIB one."""
    due = nominal_due(stage=Stage.VERIFY, since=FRIDAY_13_MARCH, report_type="pengaduan", zone=WITA)

    assert due == dt.datetime(2026, 3, 25, 23, 59, 59, tzinfo=WITA)
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
def test_each_step_of_a_case_moves_the_deadline_to_the_clock_of_its_new_stage(staff):
    """Given a wage complaint received on Friday 13 March 2026, each step shows the deadline of the clock of
    the stage it enters: verification (3 working days from receipt, paused while the reporter is asked and
    given back the working days it waited), the first follow-up (5 from assignment), the resolution (14 from
    assignment), the automatic close (10 from the answer); a question gives the reporter 14 calendar days;
    closing ends every clock."""
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
        # Paused Mon 16, answered Tue 17: one working day given back, Fri 13 + 4: 16, 17, 25, 26.
        ("verifying", end(2026, 3, 26)),
        ("assigned", end(2026, 3, 31)),  # first follow-up, Tue 17 + 5: 25, 26, 27, 30, 31
        # The resolution clock runs from the assignment: Tue 17 + 14, Good Friday 3 April off.
        ("in_progress", end(2026, 4, 14)),
        ("responded", end(2026, 4, 16)),  # Wed 1 April + 10, Good Friday off
        ("closed", None),
    ]
