"""The sweep's automatic close and archive, always announced first, and the forwarding follow-up reminder.

A reporter is told on their page and by e-mail before SIMADU closes or archives their report, and always
gets the full notice (3 working days, or 3 days for the 14-day archive) even when the announcement came late;
an objection or an answer in between stops it.
"""

from __future__ import annotations

import pytest
import time_machine

from simadu.cases import forwarding, services
from simadu.cases.models import Case, CaseEvent, Forwarding
from simadu.cases.selectors import case_timeline
from simadu.cases.workflow import ArchiveReason, Status
from simadu.core.errors import Conflict
from simadu.deadlines import sweeps
from simadu.deadlines.models import Stage
from simadu.triage.models import Unit
from tests.deadlines.sweeping import (
    act,
    assign,
    clock_of,
    file_case,
    mail,
    make_people,
    recipients,
    sweep,
    wib,
)

pytestmark = pytest.mark.django_db

ANSWER = "Perusahaan sudah dipanggil pengawas dan upah Anda dibayar minggu ini."
QUESTION = "Di kota mana perusahaan itu berada?"


@pytest.fixture
def people():
    return make_people()


def responded(people, at):
    """A wage complaint filed, assigned and answered at `at` (a Monday morning) by Ditjen PHI-Jamsos."""
    case = file_case(at.replace(hour=8))
    case = assign(at.replace(hour=9), case, people)
    return act(at, services.case_respond, case=case, actor=people["officer_phi"], text=ANSWER)


def public_lines(case: Case, kind: str) -> list[str]:
    return [item.body for item in case_timeline(case=case, public_only=True) if item.event.kind == kind]


def status(case: Case) -> str:
    case.refresh_from_db()
    return case.status


def test_an_unanswered_response_is_announced_three_working_days_ahead_then_closed_by_the_system(people):
    """Answered on Monday 2 March 2026, the case closes after 10 working days (Monday 16 March, 23:59). On
    Wednesday 11 March, 3 working days before, the reporter reads on their page and in an e-mail that it closes
    after Monday 16 March unless they object; it is closed just after that day, by the system."""
    case = responded(people, wib(2026, 3, 2, 10))
    assert clock_of(case, Stage.AUTO_CLOSE).due_at == wib(2026, 3, 16, 23, 59).replace(second=59)

    assert sweep(wib(2026, 3, 10, 10)).announced == 0  # 4 working days left
    assert sweep(wib(2026, 3, 11, 10)).announced == 1
    assert sweep(wib(2026, 3, 11, 10, 5)).announced == 0

    assert public_lines(case, CaseEvent.Kind.ANNOUNCEMENT) == [
        "Laporan Anda akan ditutup otomatis setelah Senin, 16 Maret 2026 bila tidak ada tanggapan. Jika jawaban "
        "belum memuaskan, ajukan keberatan paling lambat tanggal itu."
    ]
    [notice] = mail(case, "case.auto_close_announced")
    assert notice["to"] == "pelapor@contoh.id"
    assert "16-03-2026" in notice["body"]
    assert ANSWER not in notice["body"]

    assert sweep(wib(2026, 3, 16, 23)).closed == 0
    assert status(case) == Status.RESPONDED
    assert sweep(wib(2026, 3, 17, 0, 5)).closed == 1
    assert status(case) == Status.CLOSED
    close = case.events.get(kind=CaseEvent.Kind.TRANSITION, action="close")
    assert (close.actor_kind, close.actor_id) == ("system", None)
    assert close.data["automatic"] is True
    assert public_lines(case, CaseEvent.Kind.TRANSITION)[-1] == (
        "Laporan ditutup otomatis karena tidak ada tanggapan dari Anda sampai batas waktu."
    )
    assert mail(case, "case.close"), "the reporter is told the case was closed"


def test_a_late_announcement_moves_the_close_so_the_reporter_always_gets_three_working_days(people):
    """If no sweep ran until the very last day (Monday 16 March), the announcement goes out then and the close
    waits 3 full working days after it: across Nyepi and Lebaran, that is after Thursday 26 March."""
    case = responded(people, wib(2026, 3, 2, 10))

    assert sweep(wib(2026, 3, 16, 10)).announced == 1
    assert public_lines(case, CaseEvent.Kind.ANNOUNCEMENT)[0].startswith(
        "Laporan Anda akan ditutup otomatis setelah Kamis, 26 Maret 2026"
    )
    for moment in (wib(2026, 3, 17, 0, 5), wib(2026, 3, 20, 10), wib(2026, 3, 25, 10), wib(2026, 3, 26, 23)):
        assert sweep(moment).closed == 0, f"closed on {moment:%d %B} without the full notice"
    assert status(case) == Status.RESPONDED
    assert sweep(wib(2026, 3, 27, 0, 5)).closed == 1
    assert status(case) == Status.CLOSED


def test_after_a_late_announcement_the_reporter_may_still_object_until_the_date_they_were_told(people):
    """The 10-working-day objection window of an answer given on 2 March ends on 16 March; the late
    announcement of 16 March promised "until Thursday 26 March", so an objection on 25 March is accepted
    (the reporter was told so), and one after that date is not."""
    case = responded(people, wib(2026, 3, 2, 10))
    sweep(wib(2026, 3, 16, 10))

    act(wib(2026, 3, 25, 10), services.case_object, case=case, reason="Upah bulan ketiga belum dibayar.")

    assert status(case) == Status.REOPENED


def test_without_an_announcement_an_objection_after_ten_working_days_is_refused(people):
    case = responded(people, wib(2026, 3, 2, 10))

    with pytest.raises(Conflict) as refused:
        act(wib(2026, 3, 25, 10), services.case_object, case=case, reason="Upah bulan ketiga belum dibayar.")

    assert refused.value.code == "objection_late"
    assert status(case) == Status.RESPONDED


def test_a_case_is_never_closed_before_it_was_announced(people):
    """Even past its due time, a case not yet announced is announced, not closed, by the first sweep."""
    case = responded(people, wib(2026, 3, 2, 10))

    result = sweep(wib(2026, 3, 17, 10))

    assert (result.announced, result.closed) == (1, 0)
    assert status(case) == Status.RESPONDED


def test_an_objection_after_the_announcement_stops_the_automatic_close(people):
    case = responded(people, wib(2026, 3, 2, 10))
    sweep(wib(2026, 3, 11, 10))

    act(wib(2026, 3, 12, 10), services.case_object, case=case, reason="Upah bulan ketiga belum dibayar.")
    sweep(wib(2026, 3, 17, 0, 5))
    sweep(wib(2026, 3, 30, 10))

    assert status(case) == Status.REOPENED
    assert not case.events.filter(kind=CaseEvent.Kind.TRANSITION, action="close").exists()


def test_an_unanswered_request_for_information_is_announced_then_archived_as_incomplete(people):
    """Asked a question on Monday 2 March 2026, the reporter has 14 days (to Monday 16 March, 23:59). On Friday
    13 March they are told it will be archived; it is archived just after the 16th, with reason "incomplete",
    and the reason is on their page."""
    case = file_case(wib(2026, 3, 2, 9))
    act(
        wib(2026, 3, 2, 10),
        services.case_request_info,
        case=case,
        actor=people["verifier"],
        question=QUESTION,
    )
    assert clock_of(case, Stage.REPORTER_ANSWER).due_at == wib(2026, 3, 16, 23, 59).replace(second=59)

    assert sweep(wib(2026, 3, 12, 10)).announced == 0
    assert sweep(wib(2026, 3, 13, 10)).announced == 1
    assert public_lines(case, CaseEvent.Kind.ANNOUNCEMENT) == [
        "Petugas masih menunggu keterangan dari Anda. Bila sampai Senin, 16 Maret 2026 belum ada jawaban, "
        "laporan Anda akan diarsipkan. Jawab pertanyaan petugas paling lambat tanggal itu."
    ]
    assert mail(case, "case.archive_announced")

    assert sweep(wib(2026, 3, 16, 23)).archived == 0
    assert sweep(wib(2026, 3, 17, 0, 5)).archived == 1
    case.refresh_from_db()
    assert (case.status, case.archive_reason) == (Status.ARCHIVED, ArchiveReason.INCOMPLETE)
    archive = case.events.get(kind=CaseEvent.Kind.TRANSITION, action="archive")
    assert archive.actor_kind == "system"
    assert archive.visibility == CaseEvent.Visibility.PUBLIC
    assert "tidak kami terima sampai batas waktu" in archive.body


def test_an_answer_after_the_announcement_stops_the_archive(people):
    case = file_case(wib(2026, 3, 2, 9))
    act(
        wib(2026, 3, 2, 10),
        services.case_request_info,
        case=case,
        actor=people["verifier"],
        question=QUESTION,
    )
    sweep(wib(2026, 3, 13, 10))

    act(wib(2026, 3, 14, 10), services.case_reporter_message, case=case, text="Di Bekasi, Jawa Barat.")
    sweep(wib(2026, 3, 17, 0, 5))

    assert status(case) == Status.VERIFYING


def test_one_case_that_fails_does_not_stop_the_sweep_of_the_others(people, monkeypatch):
    first = responded(people, wib(2026, 3, 2, 10))
    second = responded(people, wib(2026, 3, 2, 10))
    real = sweeps._announce

    def broken(case, clock, now):
        if case.pk == first.pk:
            raise RuntimeError("disk full")
        real(case, clock, now)

    monkeypatch.setattr(sweeps, "_announce", broken)
    result = sweep(wib(2026, 3, 11, 10))

    assert (result.announced, result.errors) == (1, 1)
    assert public_lines(second, CaseEvent.Kind.ANNOUNCEMENT)
    assert not public_lines(first, CaseEvent.Kind.ANNOUNCEMENT)
    assert clock_of(first, Stage.AUTO_CLOSE).announced_at is None, (
        "the failed case's transaction was rolled back"
    )


# --- forwarding follow-up -----------------------------------------------------------------------


def forwarded(people, at):
    case = file_case(at.replace(hour=8))
    return act(
        at,
        forwarding.case_forward,
        case=case,
        actor=people["verifier"],
        agency=Unit.objects.get(pk="bpjs_ketenagakerjaan"),
        channel="sp4n_lapor",
        reason="Klaim JHT ditangani BPJS Ketenagakerjaan.",
    )


def test_the_verifier_who_forwarded_a_case_is_reminded_once_to_ask_the_agency_in_working_hours(people):
    """The follow-up date of a case forwarded to BPJS Ketenagakerjaan passes on Monday 16 March 2026: the
    verifier who forwarded it is reminded at the first sweep in working hours, once, on the timeline too."""
    case = forwarded(people, wib(2026, 3, 2, 10))
    Forwarding.objects.filter(case=case).update(follow_up_due_at=wib(2026, 3, 16, 23, 59))

    assert sweep(wib(2026, 3, 16, 15)).reminded == 0  # not due yet
    assert sweep(wib(2026, 3, 17, 6)).reminded == 0  # due, but before working hours
    with time_machine.travel(wib(2026, 3, 17, 10), tick=False):
        first, again = sweeps.deadlines_sweep(), sweeps.deadlines_sweep()

    assert (first.reminded, again.reminded) == (1, 0)
    assert Forwarding.objects.get(case=case).reminded_at == wib(2026, 3, 17, 10)
    [event] = case.events.filter(kind=CaseEvent.Kind.FORWARD_FOLLOW_UP)
    assert event.visibility == CaseEvent.Visibility.INTERNAL
    assert "BPJS Ketenagakerjaan" in event.body
    assert recipients(case, "forward.follow_up") == {"verifier@kemnaker.example"}


def test_a_forwarding_whose_outcome_is_recorded_is_not_chased(people):
    case = forwarded(people, wib(2026, 3, 2, 10))
    Forwarding.objects.filter(case=case).update(
        follow_up_due_at=wib(2026, 3, 9, 23, 59), followed_up_at=wib(2026, 3, 9, 10)
    )

    assert sweep(wib(2026, 3, 10, 10)).reminded == 0


def test_when_the_verifier_who_forwarded_has_left_itjens_verifiers_are_reminded(people):
    case = forwarded(people, wib(2026, 3, 2, 10))
    people["verifier"].is_active = False
    people["verifier"].save()
    Forwarding.objects.filter(case=case).update(follow_up_due_at=wib(2026, 3, 9, 23, 59))

    assert sweep(wib(2026, 3, 10, 10)).reminded == 1

    assert recipients(case, "forward.follow_up") == {"verifier_wbs@kemnaker.example"}


def test_the_objection_window_is_counted_on_the_handling_units_dates(people):
    """A unit in Papua (WIT) answers at 01:30 on Tuesday 3 March 2026 its time (Monday 23:30 in Jakarta).
    The reporter's 10 working days count from that Tuesday, so an objection on Tuesday 17 March at 10:00 WIT
    is still in time; counted on Jakarta dates it would have been refused a day early."""
    import datetime as dt

    from simadu.core.clock import WIT

    Unit.objects.filter(pk="ditjen_phi_jamsos").update(time_zone="WIT")
    case = file_case(wib(2026, 3, 2, 8))
    case = assign(wib(2026, 3, 2, 9), case, people)
    answered = dt.datetime(2026, 3, 3, 1, 30, tzinfo=WIT)
    case = act(answered, services.case_respond, case=case, actor=people["officer_phi"], text=ANSWER)

    objected = dt.datetime(2026, 3, 17, 10, 0, tzinfo=WIT)
    act(objected, services.case_object, case=case, reason="Upah bulan ketiga belum dibayar.")

    assert status(case) == Status.REOPENED
