"""More time for a stage: asked with a reason by whoever works the case, decided by leadership; the reporter
reads the new date in plain words, never the reason."""

from __future__ import annotations

import pytest
import time_machine
from django.test import Client

from simadu.audit.models import AuditEntry
from simadu.cases import services
from simadu.cases.models import CaseEvent
from simadu.core.errors import Conflict, InvalidInput, PermissionDenied
from simadu.deadlines.clocks import clock_extension_decide, clock_extension_request
from simadu.deadlines.models import ClockExtension, Stage
from simadu.outbox.models import OutboxMessage
from tests.deadlines.helpers import clock_of, end_wib, wib
from tests.factories import advance, login_staff, make_staff, submit

pytestmark = pytest.mark.django_db
REASON = "Perusahaan baru dapat dipanggil setelah pemeriksa kembali dari lapangan."


@pytest.fixture
def in_progress(staff):
    """A wage complaint received Mon 2 March 2026, assigned on Tue 3 (14 working days, Lebaran skipped:
    resolution due Mon 30 March), in progress at Ditjen PHI-Jamsos; with its secret."""
    with time_machine.travel(wib(2026, 3, 2, 9), tick=False) as traveller:
        case, secret = submit(email="pelapor@contoh.id")
        traveller.move_to(wib(2026, 3, 3, 9))
        case = advance(case, "in_progress", verifier=staff["verifier"], officer=staff["officer_phi"])
    return case, secret


def test_an_approved_extension_moves_the_deadline_and_tells_the_reporter_only_the_new_date(
    staff, in_progress, api
):
    """The officer asks for 5 more working days on the resolution (most 14) with a reason; the unit's head
    approves. The clock and the case are due 5 working days later (Mon 30 March → 31, 1, 2, Good Friday
    off, 6, 7: Tue 7 April); the staff timeline has the reason, the reporter's reads "takes longer, at the
    latest <date>" without it; both steps are in the audit log."""
    case, secret = in_progress
    resolve = clock_of(case, Stage.RESOLVE)
    assert resolve.due_at == end_wib(2026, 3, 30)

    with time_machine.travel(wib(2026, 3, 10, 9), tick=False):
        extension = clock_extension_request(clock=resolve, actor=staff["officer_phi"], days=5, reason=REASON)
        assert extension.state == ClockExtension.State.PENDING
        clock_extension_decide(extension=extension, actor=staff["leader_phi"], approve=True, note="Setuju.")
        view = api.get(f"/api/v1/reports/{case.tracking_id}", HTTP_X_REPORT_SECRET=secret).json()

    resolve.refresh_from_db()
    case.refresh_from_db()
    assert (resolve.extended_days, resolve.due_at) == (5, end_wib(2026, 4, 7))
    assert case.stage_due_at == end_wib(2026, 4, 7)
    assert view["expected_response_by"] == "2026-04-07T23:59:59+07:00"

    internal = CaseEvent.objects.filter(case=case, kind="deadline", visibility="internal")
    assert any(REASON in e.body for e in internal)
    public = CaseEvent.objects.get(case=case, kind="deadline", visibility="public")
    assert public.body == (
        "Penanganan laporan Anda membutuhkan waktu lebih lama. Perkiraan jawaban paling lambat Selasa, 7 April 2026."
    )
    reporter_texts = [m["text"] for m in view["timeline"]]
    assert public.body in reporter_texts
    assert not any(REASON in text for text in reporter_texts)
    actions = set(AuditEntry.objects.filter(object_id=case.tracking_id).values_list("action", flat=True))
    assert {"case.extension_request", "case.extension_approve"} <= actions
    assert (
        OutboxMessage.objects.filter(case=case, topic="case.extension").count() == 1
    )  # the reporter's e-mail


def test_a_refused_extension_changes_nothing_the_reporter_sees(staff, in_progress):
    case, _ = in_progress
    resolve = clock_of(case, Stage.RESOLVE)
    extension = clock_extension_request(clock=resolve, actor=staff["officer_phi"], days=3, reason=REASON)

    clock_extension_decide(
        extension=extension, actor=staff["leader_itjen"], approve=False, note="Tidak cukup alasan."
    )

    resolve.refresh_from_db()
    case.refresh_from_db()
    extension.refresh_from_db()
    assert extension.state == ClockExtension.State.REFUSED
    assert (resolve.extended_days, resolve.due_at, case.stage_due_at) == (
        0,
        end_wib(2026, 3, 30),
        end_wib(2026, 3, 30),
    )
    assert not CaseEvent.objects.filter(case=case, kind="deadline", visibility="public").exists()
    assert AuditEntry.objects.filter(object_id=case.tracking_id, action="case.extension_refuse").exists()
    with pytest.raises(Conflict):  # decided once
        clock_extension_decide(extension=extension, actor=staff["leader_itjen"], approve=True, note="")


@pytest.mark.parametrize(
    ("days", "reason", "field"),
    [
        (15, REASON, "days"),  # the policy allows 14
        (0, REASON, "days"),
        (5, "Belum sempat.", "reason"),  # fewer than 20 letters
        (5, "  " + "x" * 19 + "  ", "reason"),
    ],
)
def test_an_extension_needs_days_within_the_policy_and_a_real_reason(staff, in_progress, days, reason, field):
    case, _ = in_progress
    with pytest.raises(InvalidInput) as refused:
        clock_extension_request(
            clock=clock_of(case, Stage.RESOLVE), actor=staff["officer_phi"], days=days, reason=reason
        )
    assert refused.value.field == field
    assert not ClockExtension.objects.exists()


def test_extensions_add_up_to_the_policys_most_and_one_waits_at_a_time(staff, in_progress):
    case, _ = in_progress
    resolve = clock_of(case, Stage.RESOLVE)
    officer, leader = staff["officer_phi"], staff["leader_phi"]
    first = clock_extension_request(clock=resolve, actor=officer, days=10, reason=REASON)
    with pytest.raises(Conflict):
        clock_extension_request(clock=resolve, actor=officer, days=2, reason=REASON)
    clock_extension_decide(extension=first, actor=leader, approve=True, note="")

    with pytest.raises(InvalidInput):
        clock_extension_request(clock=resolve, actor=officer, days=5, reason=REASON)  # 10 + 5 > 14
    second = clock_extension_request(clock=resolve, actor=officer, days=4, reason=REASON)
    clock_extension_decide(extension=second, actor=leader, approve=True, note="")
    with pytest.raises(InvalidInput):
        clock_extension_request(clock=resolve, actor=officer, days=1, reason=REASON)
    resolve.refresh_from_db()
    assert resolve.extended_days == 14


def test_a_stage_without_extensions_in_the_policy_cannot_be_extended(staff):
    case, _ = submit()
    with pytest.raises(InvalidInput):
        clock_extension_request(
            clock=clock_of(case, Stage.VERIFY), actor=staff["verifier"], days=1, reason=REASON
        )


def test_only_those_working_the_case_ask_and_only_its_leadership_decides(staff, in_progress):
    """Asking needs the right to write notes on the case (verifier, the unit's officer, an auditor of a
    supervisory case); deciding needs leadership of the case's unit or of Itjen. Another unit's leader does
    not even see the case."""
    case, _ = in_progress
    resolve = clock_of(case, Stage.RESOLVE)
    for outsider in (staff["officer_pusdatin"], staff["leader_phi"], staff["admin"]):
        with pytest.raises(PermissionDenied):
            clock_extension_request(clock=resolve, actor=outsider, days=2, reason=REASON)
    extension = clock_extension_request(clock=resolve, actor=staff["verifier"], days=2, reason=REASON)

    other_leader = make_staff("leader_pusdatin", "leadership", "pusdatin")
    for not_leadership in (staff["verifier"], staff["officer_phi"], other_leader):
        with pytest.raises(PermissionDenied):
            clock_extension_decide(extension=extension, actor=not_leadership, approve=True, note="")
    clock_extension_decide(extension=extension, actor=staff["leader_itjen"], approve=True, note="")
    assert ClockExtension.objects.get().state == ClockExtension.State.APPROVED


def test_a_stopped_clock_cannot_be_extended(staff, in_progress):
    case, _ = in_progress
    resolve = clock_of(case, Stage.RESOLVE)
    extension = clock_extension_request(clock=resolve, actor=staff["officer_phi"], days=2, reason=REASON)
    services.case_respond(case=case, actor=staff["officer_phi"], text="Upah sudah dibayar perusahaan.")

    with pytest.raises(Conflict):
        clock_extension_decide(extension=extension, actor=staff["leader_phi"], approve=True, note="")
    with pytest.raises(Conflict):
        clock_extension_request(clock=resolve, actor=staff["officer_phi"], days=2, reason=REASON)


def test_the_case_page_offers_the_request_to_the_officer_and_the_decision_to_the_units_head(
    staff, in_progress
):
    """Through the pages: the officer asks on the case page, the unit's head sees the request with its reason
    and approves it there; both come back to the deadlines of the case with a message."""
    case, _ = in_progress
    resolve = clock_of(case, Stage.RESOLVE)
    officer = login_staff(Client(), staff["officer_phi"])
    leader = login_staff(Client(), staff["leader_phi"])
    page = officer.get(f"/staf/kasus/{case.tracking_id}").content.decode()
    assert "Minta perpanjangan waktu" in page
    assert "Minta perpanjangan waktu" not in leader.get(f"/staf/kasus/{case.tracking_id}").content.decode()

    asked = officer.post(
        f"/staf/kasus/{case.tracking_id}/tenggat/perpanjangan",
        {"clock": resolve.pk, "days": 5, "reason": REASON},
    )
    assert asked.status_code == 302
    assert asked["Location"].endswith("#tenggat")
    page = officer.get(asked["Location"]).content.decode()
    assert "Permintaan perpanjangan dikirim" in page
    assert "menunggu persetujuan pimpinan" in page
    assert "Setujui perpanjangan" not in page

    page = leader.get(f"/staf/kasus/{case.tracking_id}").content.decode()
    assert REASON in page
    assert "Setujui perpanjangan" in page
    extension = ClockExtension.objects.get()
    decided = leader.post(
        f"/staf/kasus/{case.tracking_id}/tenggat/putusan",
        {"extension": extension.pk, "decision": "approve", "note": ""},
    )
    page = leader.get(decided["Location"]).content.decode()
    assert "Perpanjangan disetujui" in page
    assert "Selasa, 7 April 2026 23.59 WIB" in page

    too_short = officer.post(
        f"/staf/kasus/{case.tracking_id}/tenggat/perpanjangan",
        {"clock": resolve.pk, "days": 1, "reason": "Sibuk."},
    )
    assert "paling sedikit 20 huruf" in officer.get(too_short["Location"]).content.decode()
