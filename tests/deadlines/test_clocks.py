"""A clock per stage, moved by the workflow: time travel across Lebaran 2026, weekends and time zones."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from simadu.cases import services
from simadu.cases.workflow import SYSTEM, Status
from simadu.deadlines import calendar
from simadu.deadlines.clocks import current_clock, expected_response_by, working_days_left
from simadu.deadlines.models import CaseClock, Stage
from tests.deadlines.helpers import (
    assigned,
    clock_of,
    end_wib,
    papua_officer,
    papua_unit,
    received,
    wib,
    wit,
)
from tests.factories import decision, submit

pytestmark = pytest.mark.django_db
MET, BREACHED, CANCELLED = CaseClock.Outcome.MET, CaseClock.Outcome.BREACHED, CaseClock.Outcome.CANCELLED


def test_a_report_received_on_tuesday_17_march_2026_is_verified_by_friday_27_march():
    """Received Tue 17 March 2026 10:00 WIB: 18 cuti, 19 Nyepi, 20 cuti, 21–22 weekend and Idul Fitri,
    23–24 cuti, so the three working days are 25, 26 and 27: due Friday 27 March 23:59:59 WIB. The days
    left stay 3 through the holidays."""
    with time_machine.travel(wib(2026, 3, 17, 10), tick=False):
        case = received()

    verify = clock_of(case, Stage.VERIFY)
    assert (verify.days, verify.zone, verify.calendar_days) == (3, "WIB", False)
    assert verify.due_at == verify.original_due_at == end_wib(2026, 3, 27)
    assert case.stage_due_at == end_wib(2026, 3, 27)
    assert expected_response_by(case) == end_wib(2026, 3, 27)
    assert [working_days_left(case, wib(2026, 3, d, 12)) for d in (17, 18, 21, 24, 25, 27, 30)] == [
        3,
        3,
        3,
        3,
        2,
        0,
        -1,
    ]


def test_a_case_handled_in_papua_runs_each_clock_in_wit_from_receipt_to_close(staff):
    """The whole life of a case at a unit in WIT, each step moving the clocks:
    verification (WIB, Itjen) met by an assignment at 23:30 WIB on Thursday, which is already Friday 01:30 in
    Jayapura; first follow-up and resolution from that Friday in WIT; a public reply ends the first follow-up;
    a late answer breaches the resolution; an objection cancels the automatic close and starts a new
    resolution; closing stops everything."""
    verifier, officer = staff["verifier"], papua_officer()
    papua = papua_unit()
    with time_machine.travel(wib(2026, 3, 2, 9), tick=False) as traveller:
        case = received()
        assert case.stage_due_at == end_wib(2026, 3, 5)
        services.case_verify(case=case, actor=verifier)

        traveller.move_to(wib(2026, 3, 5, 23, 30))
        case = services.case_assign(case=case, actor=verifier, unit=papua)
        assert clock_of(case, Stage.VERIFY).outcome == MET
        first, resolve = clock_of(case, Stage.FIRST_FOLLOW_UP), clock_of(case, Stage.RESOLVE)
        assert (first.zone, resolve.zone) == ("WIT", "WIT")
        assert first.due_at == wit(2026, 3, 13, 23, 59, 59)  # Fri 6 (WIT) + 5: 9, 10, 11, 12, 13
        assert resolve.due_at == wit(2026, 4, 2, 23, 59, 59)  # + 14, skipping 18–24 March
        assert case.stage_due_at == first.due_at
        assert expected_response_by(case).tzname() == "WIT"  # type: ignore[union-attr]

        traveller.move_to(wib(2026, 3, 11, 10))
        services.case_add_note(
            case=case, actor=officer, text="Kami sudah menghubungi perusahaan.", public=True
        )
        case.refresh_from_db()
        assert clock_of(case, Stage.FIRST_FOLLOW_UP).outcome == MET
        assert case.stage_due_at == resolve.due_at

        traveller.move_to(wib(2026, 3, 12, 9))
        case = services.case_start(case=case, actor=officer)
        assert case.stage_due_at == resolve.due_at

        traveller.move_to(wib(2026, 4, 15, 10))
        case = services.case_respond(case=case, actor=officer, text="Upah sudah dibayar perusahaan.")
        late = clock_of(case, Stage.RESOLVE)
        assert (late.outcome, late.breached_at) == (BREACHED, wib(2026, 4, 15, 10))
        auto_close = clock_of(case, Stage.AUTO_CLOSE)
        assert auto_close.due_at == wit(2026, 4, 29, 23, 59, 59)
        assert case.stage_due_at == auto_close.due_at

        traveller.move_to(wib(2026, 4, 20, 10))
        case = services.case_object(case=case, reason="Upah bulan ketiga belum dibayar.")
        assert clock_of(case, Stage.AUTO_CLOSE).outcome == CANCELLED
        again = clock_of(case, Stage.RESOLVE)
        assert again.pk != late.pk
        assert again.running
        assert again.due_at == wit(2026, 5, 11, 23, 59, 59)  # 14 working days, 1 May off
        assert case.stage_due_at == again.due_at

        traveller.move_to(wib(2026, 4, 21, 9))
        services.case_start(case=case, actor=officer)
        traveller.move_to(wib(2026, 4, 22, 9))
        case = services.case_respond(case=case, actor=officer, text="Upah bulan ketiga juga sudah dibayar.")
        assert clock_of(case, Stage.RESOLVE).outcome == MET
        traveller.move_to(wib(2026, 4, 23, 9))
        case = services.case_close(case=case, actor=officer)

    assert case.stage_due_at is None
    assert not CaseClock.objects.filter(case=case, stopped_at__isnull=True).exists()
    assert [
        (c.stage, c.outcome) for c in CaseClock.objects.filter(case=case).order_by("started_at", "pk")
    ] == [
        (Stage.VERIFY, MET),
        (Stage.FIRST_FOLLOW_UP, MET),
        (Stage.RESOLVE, BREACHED),
        (Stage.AUTO_CLOSE, CANCELLED),
        (Stage.RESOLVE, MET),
        (Stage.AUTO_CLOSE, MET),
    ]


def test_an_assignment_late_on_friday_in_jakarta_counts_from_saturday_in_jayapura(staff):
    """Assigned at 23:30 WIB on Friday 6 March 2026 = 01:30 WIT on Saturday: the first follow-up is due at the
    end of Friday 13 March in WIT, which is 21:59:59 in Jakarta."""
    with time_machine.travel(wib(2026, 3, 6, 9), tick=False) as traveller:
        case = received()
        traveller.move_to(wib(2026, 3, 6, 23, 30))
        case = services.case_assign(case=case, actor=staff["verifier"], unit=papua_unit())

    due = clock_of(case, Stage.FIRST_FOLLOW_UP).due_at
    assert wib(2026, 3, 6, 23, 30).astimezone(calendar.zone_named("WIT")).weekday() == 5  # Saturday
    assert due == wit(2026, 3, 13, 23, 59, 59)
    assert due.astimezone(calendar.zone_named("WIB")).replace(tzinfo=None) == dt.datetime(
        2026, 3, 13, 21, 59, 59
    )


def test_a_question_pauses_verification_and_the_answer_gives_back_the_working_days_waited(staff):
    """Received Mon 2 March (verification due Thu 5). A question on Tue 3 pauses it and gives the reporter 14
    calendar days (due Tue 17); while paused the verification does not use up its time. The answer on
    Mon 9 gives back the 4 working days waited (4, 5, 6, 9): verification due Wed 11 March."""
    verifier = staff["verifier"]
    with time_machine.travel(wib(2026, 3, 2, 9), tick=False) as traveller:
        case = received()
        traveller.move_to(wib(2026, 3, 3, 10))
        case = services.case_request_info(case=case, actor=verifier, question="Sejak bulan apa?")
        verify = clock_of(case, Stage.VERIFY)
        assert verify.paused_at == wib(2026, 3, 3, 10)
        assert verify.running
        answer = clock_of(case, Stage.REPORTER_ANSWER)
        assert (answer.calendar_days, answer.due_at) == (True, end_wib(2026, 3, 17))
        assert case.stage_due_at == answer.due_at
        used = calendar.elapsed_fraction(verify, wib(2026, 3, 3, 10))
        assert calendar.elapsed_fraction(verify, wib(2026, 3, 6, 15)) == used  # paused: no time used

        traveller.move_to(wib(2026, 3, 9, 11))
        services.case_reporter_message(case=case, text="Sejak Januari 2026.")
        case.refresh_from_db()

    verify.refresh_from_db()
    assert case.status == Status.VERIFYING
    assert clock_of(case, Stage.REPORTER_ANSWER).outcome == MET
    assert (verify.paused_at, verify.paused_days) == (None, 4)
    assert verify.due_at == end_wib(2026, 3, 11)
    assert verify.original_due_at == end_wib(2026, 3, 5)
    assert case.stage_due_at == end_wib(2026, 3, 11)


def test_a_case_archived_after_an_unanswered_question_judges_each_clock_fairly(staff):
    """Nobody answered the question of Tue 3 March by Tue 17: archived on Fri 20, the reporter's clock is
    breached, while verification, paused on the 3rd well before its due date, was met."""
    with time_machine.travel(wib(2026, 3, 2, 9), tick=False) as traveller:
        case = received()
        traveller.move_to(wib(2026, 3, 3, 10))
        case = services.case_request_info(case=case, actor=staff["verifier"], question="Sejak bulan apa?")
        traveller.move_to(wib(2026, 3, 20, 9))
        case = services.case_archive(case=case, actor=SYSTEM, reason_code="incomplete")

    assert clock_of(case, Stage.REPORTER_ANSWER).outcome == BREACHED
    assert clock_of(case, Stage.VERIFY).outcome == MET
    assert case.stage_due_at is None


def test_a_late_assignment_breaches_verification(staff):
    with time_machine.travel(wib(2026, 3, 2, 9), tick=False) as traveller:
        case = received()
        traveller.move_to(wib(2026, 3, 9, 10))
        case = assigned(case, staff["verifier"])

    verify = clock_of(case, Stage.VERIFY)
    assert (verify.outcome, verify.breached_at) == (BREACHED, wib(2026, 3, 9, 10))
    assert current_clock(case) == clock_of(case, Stage.FIRST_FOLLOW_UP)


@pytest.mark.parametrize(
    ("category", "overrides", "days"),
    [
        ("upah", {}, 14),
        ("upah", {"report_type": "permintaan_informasi"}, 10),
        ("pungli", {}, 60),  # supervisory
        ("pungli", {"report_type": "permintaan_informasi"}, 60),  # supervisory before the type
    ],
)
def test_the_resolution_clock_takes_its_days_from_the_policy(staff, category, overrides, days):
    with time_machine.travel(wib(2026, 3, 2, 9), tick=False):
        case, _ = submit(triage=decision(category, **overrides))
        unit = "itjen" if case.supervisory else "ditjen_phi_jamsos"
        case = assigned(case, staff["verifier"], unit=unit)

    resolve = clock_of(case, Stage.RESOLVE)
    assert resolve.days == days
    assert resolve.due_at == calendar.end_of_working_day(wib(2026, 3, 2, 9), days, calendar.zone_named("WIB"))


def test_a_whistleblowing_report_gets_sixty_days_to_resolve(staff):
    with time_machine.travel(wib(2026, 3, 2, 9), tick=False):
        case, _ = submit(triage=decision("upah", channel="wbs"), channel="wbs")
        case = assigned(case, staff["verifier_wbs"], unit="itjen")

    assert case.channel == "wbs"
    assert clock_of(case, Stage.RESOLVE).days == 60


def test_working_time_used_skips_the_lebaran_holidays():
    """Half of a verification clock started Tue 17 March 10:00 is not used up by the holidays of 18–24 March:
    the share used on Wednesday 18 equals that at midnight, and it grows again on Wednesday 25."""
    with time_machine.travel(wib(2026, 3, 17, 10), tick=False):
        case = received()
    verify = clock_of(case, Stage.VERIFY)

    at_midnight = calendar.elapsed_fraction(verify, wib(2026, 3, 18, 0))
    assert calendar.elapsed_fraction(verify, wib(2026, 3, 24, 23)) == pytest.approx(at_midnight)
    assert calendar.elapsed_fraction(verify, wib(2026, 3, 25, 12)) > at_midnight
    assert calendar.elapsed_fraction(verify, end_wib(2026, 3, 27)) == pytest.approx(1.0)
    assert calendar.elapsed_fraction(verify, wib(2026, 3, 30, 12)) > 1.0
