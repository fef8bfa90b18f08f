"""The escalation ladder: 50% and 80% reminders to the handler, the unit head on breach, Itjen after that.

Each step is sent once, only in working hours of the clock's zone, and written on the case's timeline;
a clock that crossed several levels while nobody worked gets one message for the highest. Messages reach
only people who may see the case, and never carry the report's content.
"""

from __future__ import annotations

import pytest
import time_machine

from simadu.audit.models import AuditEntry
from simadu.cases import itjen, services
from simadu.deadlines.escalation import escalate_due
from simadu.deadlines.models import Stage
from tests.deadlines.sweeping import (
    ITJEN_MAILBOX,
    act,
    assign,
    clock_of,
    escalations,
    file_case,
    mail,
    make_people,
    recipients,
    sweep,
    wib,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return make_people()


def addresses(*names: str) -> set[str]:
    return {f"{n}@kemnaker.example" for n in names}


def test_the_ladder_across_lebaran_2026_each_step_once_in_working_hours_and_on_the_timeline(people):
    """Given a report received on Thursday 12 March 2026 at 09:00 WIB, its 3 working days of verification end on
    Tuesday 17 March at 23:59 WIB. Half the time is used at 04:30 on Monday 16 March, 80% at 06:36 on the 17th;
    the deadline passes as Nyepi and Lebaran begin (18–24 March off). Nothing goes out at night, on a weekend
    or a holiday: the reminders at 08:00 on the 16th and the 17th, the unit head on Wednesday 25 March at
    08:00 (the first working hour after the breach), Itjen on the 26th (2 working days late)."""
    case = file_case(wib(2026, 3, 12, 9))
    verify = clock_of(case, Stage.VERIFY)
    assert verify.due_at == wib(2026, 3, 17, 23, 59).replace(second=59)

    quiet = [
        wib(2026, 3, 12, 23),  # 23:00 of the first day
        wib(2026, 3, 14, 10),  # Saturday
        wib(2026, 3, 16, 7, 30),  # half the time used at 04:30, but before working hours
    ]
    for moment in quiet:
        assert sweep(moment).escalations == 0
    assert escalations(case) == []

    assert sweep(wib(2026, 3, 16, 8)).escalations == 1
    assert sweep(wib(2026, 3, 16, 8, 5)).escalations == 0  # the next sweep: nothing twice
    assert sweep(wib(2026, 3, 16, 23)).escalations == 0
    assert sweep(wib(2026, 3, 17, 8)).escalations == 1
    for holiday in (wib(2026, 3, 18, 10), wib(2026, 3, 20, 9), wib(2026, 3, 23, 10), wib(2026, 3, 24, 15)):
        assert sweep(holiday).escalations == 0, f"a step went out on {holiday:%d %B}, a day off"
    verify.refresh_from_db()
    assert verify.breached_at == wib(2026, 3, 18, 10), "the breach is recorded when first seen, at any hour"
    assert sweep(wib(2026, 3, 25, 7, 59)).escalations == 0
    assert sweep(wib(2026, 3, 25, 8)).escalations == 1
    assert sweep(wib(2026, 3, 25, 15)).escalations == 0
    assert sweep(wib(2026, 3, 26, 8)).escalations == 1
    assert sweep(wib(2026, 3, 27, 8)).escalations == 0  # the top of the ladder

    steps = escalations(case)
    assert [(level, stage, at) for level, stage, at, _line in steps] == [
        (1, "verify", wib(2026, 3, 16, 8)),
        (2, "verify", wib(2026, 3, 17, 8)),
        (3, "verify", wib(2026, 3, 25, 8)),
        (4, "verify", wib(2026, 3, 26, 8)),
    ]
    lines = [line for *_rest, line in steps]
    assert (
        lines[0]
        == "Pengingat: 50% waktu verifikasi sudah terpakai. Tenggat: Selasa, 17 Maret 2026 23.59 WIB."
    )
    assert (
        lines[1]
        == "Pengingat: 80% waktu verifikasi sudah terpakai. Tenggat: Selasa, 17 Maret 2026 23.59 WIB."
    )
    assert (
        lines[2]
        == "Tenggat verifikasi terlewati (Selasa, 17 Maret 2026 23.59 WIB). Pimpinan unit diberi tahu."
    )
    assert lines[3] == (
        "Tenggat verifikasi terlewati 2 hari kerja (Selasa, 17 Maret 2026 23.59 WIB). "
        "Inspektorat Jenderal diberi tahu."
    )
    verify.refresh_from_db()
    assert verify.escalation_level == 4

    # Verification is Itjen's intake: its verifiers are reminded, its leadership hears of the breach.
    assert recipients(case, "escalation.verify.1") == addresses("verifier", "verifier_wbs")
    assert recipients(case, "escalation.verify.2") == addresses("verifier", "verifier_wbs")
    assert recipients(case, "escalation.verify.3") == addresses("leader_itjen", "leader_itjen_wbs")
    assert recipients(case, "escalation.verify.4") == addresses("leader_itjen", "leader_itjen_wbs") | {
        ITJEN_MAILBOX
    }
    assert AuditEntry.objects.filter(action="case.escalate", object_id=case.tracking_id).count() == 4


def test_a_clock_that_crossed_two_levels_over_a_weekend_sends_one_message_for_the_higher_on_monday(people):
    """Given a report received on Wednesday 4 March 2026 at 09:00 (verification due Monday 9 March), half its time
    is used at 04:30 on Friday and 80% at 06:36 on Monday. If no sweep ran in Friday's working hours, the
    sweep at 23:00 on Friday and on Saturday sends nothing; Monday 08:00 sends one 80% reminder, and the 50%
    step is recorded as reached, not sent."""
    case = file_case(wib(2026, 3, 4, 9))

    assert sweep(wib(2026, 3, 6, 23)).escalations == 0
    assert sweep(wib(2026, 3, 7, 10)).escalations == 0
    assert sweep(wib(2026, 3, 9, 8)).escalations == 1
    assert sweep(wib(2026, 3, 9, 9)).escalations == 0

    [(level, _stage, at, line)] = escalations(case)
    assert (level, at) == (2, wib(2026, 3, 9, 8))
    assert line.startswith("Pengingat: 80% waktu verifikasi sudah terpakai.")
    event = case.events.get(kind="escalation")
    assert event.data["skipped"] == [1]
    assert clock_of(case, Stage.VERIFY).escalation_level == 2
    assert len(mail(case, "escalation.")) == 2  # one message (to each of the two verifiers), not two
    assert {m["topic"] for m in mail(case, "escalation.")} == {"escalation.verify.2"}


def test_a_case_nobody_swept_for_days_goes_straight_to_itjen_once(people):
    """A server that was off all week: the first sweep after the breach plus 2 working days sends Itjen's step
    alone, and the three below it are recorded as reached."""
    case = file_case(wib(2026, 3, 4, 9))

    assert sweep(wib(2026, 3, 11, 8)).escalations == 1

    [(level, _stage, _at, _line)] = escalations(case)
    assert level == 4
    assert case.events.get(kind="escalation").data["skipped"] == [1, 2, 3]
    assert {m["topic"] for m in mail(case, "escalation.")} == {"escalation.verify.4"}


def test_a_unit_case_reminds_its_handler_then_the_unit_head_then_itjen(people):
    """Assigned to Ditjen PHI-Jamsos on Monday 2 March 2026 at 10:00, the first follow-up is due in 5 working days
    (Monday 9 March). Its officers are reminded (not another unit's), then its own head, then Itjen."""
    case = file_case(wib(2026, 3, 2, 9))
    case = assign(wib(2026, 3, 2, 10), case, people)
    assert clock_of(case, Stage.FIRST_FOLLOW_UP).due_at == wib(2026, 3, 9, 23, 59).replace(second=59)

    for moment in (wib(2026, 3, 5, 10), wib(2026, 3, 9, 10), wib(2026, 3, 10, 10), wib(2026, 3, 11, 10)):
        sweep(moment)

    assert [(level, stage) for level, stage, _at, _line in escalations(case)] == [
        (1, "first_follow_up"),
        (2, "first_follow_up"),
        (3, "first_follow_up"),
        (4, "first_follow_up"),
    ]
    assert recipients(case, "escalation.first_follow_up.1") == addresses("officer_phi", "officer_phi_2")
    assert recipients(case, "escalation.first_follow_up.2") == addresses("officer_phi", "officer_phi_2")
    assert recipients(case, "escalation.first_follow_up.3") == addresses("leader_phi")
    assert recipients(case, "escalation.first_follow_up.4") == addresses(
        "leader_itjen", "leader_itjen_wbs"
    ) | {ITJEN_MAILBOX}
    line = escalations(case)[2][3]
    assert (
        line
        == "Tenggat tindak lanjut pertama terlewati (Senin, 9 Maret 2026 23.59 WIB). Pimpinan unit diberi tahu."
    )


def test_a_case_with_a_handler_reminds_only_the_handler(people):
    case = file_case(wib(2026, 3, 2, 9))
    case = assign(wib(2026, 3, 2, 10), case, people)
    act(
        wib(2026, 3, 2, 11),
        itjen.case_set_handler,
        case=case,
        actor=people["leader_phi"],
        handler=people["officer_phi_2"],
    )

    sweep(wib(2026, 3, 5, 10))

    assert recipients(case, "escalation.first_follow_up.1") == addresses("officer_phi_2")


def test_a_wbs_case_never_reaches_anyone_outside_the_wbs_team_and_no_mail_carries_its_content(people):
    """A WBS report handled by Itjen: its reminders and breach steps reach only the WBS team, never the Itjen
    leader outside it nor the Itjen mailbox; the messages name the case, never what was reported."""
    case = file_case(wib(2026, 3, 2, 9), wbs=True)
    case = assign(wib(2026, 3, 2, 10), case, people, unit="itjen")

    for moment in (wib(2026, 3, 5, 10), wib(2026, 3, 9, 10), wib(2026, 3, 10, 10), wib(2026, 3, 11, 10)):
        sweep(moment)

    assert [level for level, *_rest in escalations(case)] == [1, 2, 3, 4]
    sent = mail(case, "escalation.")
    everyone = {m["to"] for m in sent}
    assert everyone == addresses("auditor_wbs", "leader_itjen_wbs")
    assert recipients(case, "escalation.first_follow_up.3") == addresses("leader_itjen_wbs")
    assert recipients(case, "escalation.first_follow_up.4") == addresses("leader_itjen_wbs")
    for message in sent:
        assert case.tracking_id in message["body"]
        for word in ("uang pelicin", "Kepala seksi", "izin pelatihan"):
            assert word not in message["body"]
            assert word not in message["subject"]
    # On the sealed case the escalation lines are sealed like every other event, and read back for the team.
    assert all(event.body == "" and event.sealed_body for event in case.events.filter(kind="escalation"))


def test_a_paused_clock_does_not_escalate_while_the_case_waits_on_the_reporter(people):
    """Verification pauses while the reporter is asked for information: its deadline passes on paper, no one is
    chased. The reporter's own 14 days are not on the ladder either."""
    case = file_case(wib(2026, 3, 2, 9))
    act(
        wib(2026, 3, 2, 10),
        services.case_request_info,
        case=case,
        actor=people["verifier"],
        question="Di kota mana?",
    )

    for moment in (wib(2026, 3, 4, 10), wib(2026, 3, 9, 10), wib(2026, 3, 12, 10)):
        assert sweep(moment).escalations == 0

    assert escalations(case) == []


def test_a_stage_that_was_finished_is_not_escalated(people):
    """Verified and assigned in time, the verification clock stops: no reminder for it ever after."""
    case = file_case(wib(2026, 3, 2, 9))
    assign(wib(2026, 3, 3, 9), case, people)

    sweep(wib(2026, 3, 12, 10))

    assert {stage for _level, stage, _at, _line in escalations(case)} == {"first_follow_up"}


def test_running_the_escalation_twice_at_the_same_moment_sends_each_step_once(people):
    case = file_case(wib(2026, 3, 4, 9))

    with time_machine.travel(wib(2026, 3, 6, 10), tick=False):
        assert escalate_due() == 1
        assert escalate_due() == 0

    assert len(escalations(case)) == 1
    assert len(mail(case, "escalation.")) == 2


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_sweeps_running_at_once_on_two_connections_send_each_step_once():
    """Two schedulers (two machines, or cron and a server) sweep at the same moment: the clock's row is locked
    and its level checked again, so the reminder is written and mailed once."""
    import threading

    from django.db import connections

    make_people()
    case = file_case(wib(2026, 3, 4, 9))
    start = threading.Barrier(2)
    taken: list[int] = []

    def run() -> None:
        try:
            start.wait(5)
            taken.append(escalate_due())
        finally:
            connections.close_all()

    with time_machine.travel(wib(2026, 3, 6, 10), tick=False):
        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)

    assert sorted(taken) == [0, 1]
    assert len(escalations(case)) == 1
    assert len(mail(case, "escalation.")) == 2


def test_after_an_approved_extension_a_second_breach_is_escalated_again(people):
    """The resolution of a case assigned on Monday 2 March 2026 is due Friday 27 March (14 working days
    across Nyepi and Lebaran); on Monday 30 March the unit head is told it was missed. Leadership approves 5
    more working days (due Monday 6 April, after Good Friday): when that date passes too, the unit head is
    told again instead of the ladder staying silent at its old step."""
    from simadu.deadlines import clocks

    case = file_case(wib(2026, 3, 2, 9))
    case = assign(wib(2026, 3, 2, 10), case, people)
    case = act(wib(2026, 3, 3, 10), services.case_start, case=case, actor=people["officer_phi"])
    assert clock_of(case, Stage.RESOLVE).due_at == wib(2026, 3, 27, 23, 59).replace(second=59)
    sweep(wib(2026, 3, 30, 10))
    assert [level for level, stage, _at, _line in escalations(case) if stage == "resolve"][-1] == 3

    with time_machine.travel(wib(2026, 3, 30, 11), tick=False):
        request = clocks.clock_extension_request(
            clock=clock_of(case, Stage.RESOLVE),
            actor=people["officer_phi"],
            days=5,
            reason="Perusahaan baru dapat dipanggil minggu depan oleh pengawas.",
        )
        clocks.clock_extension_decide(extension=request, actor=people["leader_phi"], approve=True, note="")
    resolve = clock_of(case, Stage.RESOLVE)
    assert resolve.due_at == wib(2026, 4, 6, 23, 59).replace(second=59)
    assert (resolve.breached_at, resolve.escalation_level < 3) == (None, True)

    sweep(wib(2026, 4, 7, 10))

    breaches = [at for level, stage, at, _line in escalations(case) if stage == "resolve" and level == 3]
    assert len(breaches) == 2


def test_a_unit_without_a_head_is_told_through_its_mailbox_unless_the_unit_was_closed(people):
    """With no active head at Ditjen PHI-Jamsos, the breach goes to the unit's mailbox; once an administrator
    marks the unit inactive, its mailbox is read by nobody and is no longer written to."""
    from simadu.triage.models import Unit

    people["leader_phi"].is_active = False
    people["leader_phi"].save(update_fields=["is_active"])
    Unit.objects.filter(pk="ditjen_phi_jamsos").update(email="phi@kemnaker.example")
    first = assign(wib(2026, 3, 2, 10), file_case(wib(2026, 3, 2, 9)), people)
    sweep(wib(2026, 3, 10, 10))
    assert recipients(first, "escalation.first_follow_up.3") == {"phi@kemnaker.example"}

    Unit.objects.filter(pk="ditjen_phi_jamsos").update(active=False)
    second = assign(wib(2026, 3, 2, 10), file_case(wib(2026, 3, 2, 9, 30)), people)
    sweep(wib(2026, 3, 10, 11))
    assert recipients(second, "escalation.first_follow_up.3") == set()
