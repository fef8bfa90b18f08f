"""Itjen's examination of supervisory and WBS cases: steps with documents, the KPK flag, closure approval,
and who holds a case. Every case walks through the real services; the checks are what auditors,
Itjen's leadership and the reporter would notice."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from simadu.audit.models import AuditEntry
from simadu.cases import itjen, services
from simadu.cases.models import Attachment, Case, CaseEvent
from simadu.cases.workflow import KPK_THRESHOLD_RUPIAH, ItjenStep, Status
from simadu.confidentiality.attachments import CheckedFile
from simadu.core.errors import Conflict, InvalidInput, PermissionDenied
from simadu.outbox.models import OutboxMessage
from tests.cases.states import case_in
from tests.factories import advance, decision, itjen_examined, make_staff, submit

PUNGLI = (
    "Petugas di kantor dinas meminta uang Rp500.000 agar berkas pengesahan peraturan perusahaan diproses."
)
GRATIFIKASI = "Pejabat eselon menerima mobil dari perusahaan penyalur agar izinnya cepat keluar."
ANSWER = "Pemeriksaan selesai: petugas dijatuhi hukuman disiplin dan uang dikembalikan."


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), (20, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def examined(staff: dict[str, Any], *, wbs: bool = False) -> Case:
    """A supervisory (or WBS) case assigned to Itjen and started by an auditor."""
    if wbs:
        case, _ = submit(GRATIFIKASI, triage=decision("gratifikasi", channel="wbs"), channel="wbs")
        verifier, auditor = staff["verifier_wbs"], staff["auditor_wbs"]
    else:
        case, _ = submit(PUNGLI, triage=decision("pungli"), email="pelapor@contoh.id")
        verifier, auditor = staff["verifier"], staff["auditor"]
    return advance(case, "in_progress", verifier=verifier, officer=auditor, unit="itjen")


def _steps(case: Case) -> list[str]:
    return [e.data["step"] for e in case.events.filter(kind=CaseEvent.Kind.ITJEN_STEP, action=itjen.STEP)]


# ---- steps ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_itjen_case_enters_telaah_when_the_auditor_starts_it_and_a_unit_case_does_not(staff):
    case = examined(staff)

    assert case.itjen_step == ItjenStep.TELAAH
    assert _steps(case) == ["telaah"]
    unit_case = case_in(Status.IN_PROGRESS, staff)
    assert unit_case.itjen_step == ""


@pytest.mark.django_db
def test_steps_move_forward_in_order_skipping_is_recorded_and_going_back_is_refused(staff):
    """Telaah → klarifikasi → (audit investigatif skipped) → laporan hasil; back to klarifikasi is refused and
    changes nothing; the current step again adds a note."""
    case = examined(staff)
    auditor = staff["auditor"]

    itjen.itjen_step_advance(
        case=case, actor=auditor, step="klarifikasi", note="Terlapor dimintai keterangan."
    )
    itjen.itjen_step_advance(case=case, actor=auditor, step="laporan_hasil", note="Bukti cukup tanpa audit.")
    with pytest.raises(Conflict) as refused:
        itjen.itjen_step_advance(case=case, actor=auditor, step="klarifikasi", note="Kembali.")
    itjen.itjen_step_advance(case=case, actor=auditor, step="laporan_hasil", note="Lampiran tambahan.")

    assert refused.value.code == "itjen_step_backwards"
    assert "Laporan hasil" in str(refused.value.message)
    case.refresh_from_db()
    assert case.itjen_step == ItjenStep.LAPORAN_HASIL
    assert _steps(case) == ["telaah", "klarifikasi", "laporan_hasil", "laporan_hasil"]
    jump = case.events.filter(kind=CaseEvent.Kind.ITJEN_STEP, action=itjen.STEP)[2]
    assert jump.data["skipped"] == ["audit_investigatif"]
    assert jump.body == "Bukti cukup tanpa audit."
    audited = AuditEntry.objects.filter(action="case.itjen_step", object_id=case.tracking_id)
    assert [a.data["skipped"] for a in audited] == [[], ["audit_investigatif"], []]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("step", "note", "field"), [("laporan", "Catatan.", "step"), ("klarifikasi", " ", "note")]
)
def test_a_step_needs_a_known_step_and_a_note(step, note, field, staff):
    case = examined(staff)

    with pytest.raises(InvalidInput) as refused:
        itjen.itjen_step_advance(case=case, actor=staff["auditor"], step=step, note=note)

    assert refused.value.field == field


@pytest.mark.django_db
def test_each_step_carries_its_documents_as_staff_files(staff):
    case = examined(staff)

    event = itjen.itjen_step_advance(
        case=case,
        actor=staff["auditor"],
        step="klarifikasi",
        note="Berita acara klarifikasi terlampir.",
        files=[CheckedFile("berita-acara.png", "image/png", _png())],
    )

    files = list(Attachment.objects.filter(event=event))
    assert len(files) == 1
    assert files[0].from_reporter is False
    assert files[0].case_id == case.pk


@pytest.mark.django_db
def test_a_wbs_step_note_and_the_name_of_its_document_are_sealed_at_rest(staff):
    """On a WBS case the auditor's note and the file name are stored only sealed; the WBS team still reads them."""
    case = examined(staff, wbs=True)
    note = "Saksi ABC-RAHASIA menguatkan laporan."

    event = itjen.itjen_step_advance(
        case=case,
        actor=staff["auditor_wbs"],
        step="klarifikasi",
        note=note,
        files=[CheckedFile("keterangan-saksi-rahasia.png", "image/png", _png())],
    )

    event.refresh_from_db()
    assert event.body == ""
    assert event.sealed_body
    assert note.encode() not in bytes(event.sealed_body)
    stored = Attachment.objects.get(event=event)
    assert b"keterangan-saksi" not in bytes(stored.sealed_name)
    from simadu.cases.selectors import case_timeline

    bodies = [item.body for item in case_timeline(case=case) if item.event.pk == event.pk]
    assert bodies == [note]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["auditor", "leader_itjen"])
def test_auditors_and_itjen_leadership_record_steps(who, staff):
    case = examined(staff)

    itjen.itjen_step_advance(case=case, actor=staff[who], step="klarifikasi", note="Dicatat.")

    case.refresh_from_db()
    assert case.itjen_step == "klarifikasi"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["verifier", "leader_phi", "officer_phi"])
def test_others_cannot_record_steps(who, staff):
    case = examined(staff)

    with pytest.raises(PermissionDenied):
        itjen.itjen_step_advance(case=case, actor=staff[who], step="klarifikasi", note="Dicatat.")


@pytest.mark.django_db
def test_steps_are_recorded_only_while_the_case_is_in_progress(staff):
    case, _ = submit(PUNGLI, triage=decision("pungli"))
    case = advance(case, "assigned", verifier=staff["verifier"], unit="itjen")

    with pytest.raises(Conflict):
        itjen.itjen_step_advance(case=case, actor=staff["auditor"], step="klarifikasi", note="Terlalu awal.")


# ---- state loss and KPK --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("amount", "flagged"),
    [(999_999_999, False), (KPK_THRESHOLD_RUPIAH, True), (1_000_000_001, True), (0, False)],
)
def test_a_state_loss_of_one_billion_rupiah_or_more_is_flagged_for_kpk(amount, flagged, staff):
    """Exactly Rp1.000.000.000 is flagged, Rp999.999.999 is not; Itjen's leadership is told by e-mail."""
    make_staff("irjen", "leadership", "itjen", email="irjen@kemnaker.go.id")
    case = examined(staff)

    itjen.itjen_state_loss_set(case=case, actor=staff["auditor"], amount=amount)

    case.refresh_from_db()
    assert case.state_loss_estimate == amount
    assert (case.kpk_flagged_at is not None) is flagged
    told = OutboxMessage.objects.filter(topic="staff.kpk_flag")
    assert told.count() == (1 if flagged else 0)
    if flagged:
        assert told.get().case_id == case.pk
    event = case.events.get(kind=CaseEvent.Kind.ITJEN_STEP, action=itjen.STATE_LOSS)
    assert (event.visibility, event.data["kpk_flagged"]) == ("internal", flagged)
    assert AuditEntry.objects.filter(action="case.itjen_state_loss", object_id=case.tracking_id).count() == 1


@pytest.mark.django_db
def test_the_kpk_flag_is_set_once(staff):
    make_staff("irjen", "leadership", "itjen", email="irjen@kemnaker.go.id")
    case = examined(staff)
    itjen.itjen_state_loss_set(case=case, actor=staff["auditor"], amount=2_000_000_000)
    case.refresh_from_db()
    first = case.kpk_flagged_at

    itjen.itjen_state_loss_set(case=case, actor=staff["auditor"], amount=3_000_000_000)
    itjen.itjen_state_loss_set(case=case, actor=staff["auditor"], amount=500_000_000)

    case.refresh_from_db()
    assert case.kpk_flagged_at == first
    assert case.state_loss_estimate == 500_000_000
    assert OutboxMessage.objects.filter(topic="staff.kpk_flag").count() == 1


@pytest.mark.django_db
def test_a_negative_state_loss_is_refused(staff):
    with pytest.raises(InvalidInput):
        itjen.itjen_state_loss_set(case=examined(staff), actor=staff["auditor"], amount=-1)


# ---- closure and the final answer ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_final_answer_waits_for_itjen_leadership_to_approve_closure(staff):
    """Before approval the answer is refused with a clear message and the case stays in progress; the auditor
    asks once the report of findings exists; Itjen's leadership approves; then the answer goes out."""
    case = examined(staff)
    auditor = staff["auditor"]

    with pytest.raises(Conflict) as refused:
        services.case_respond(case=case, actor=auditor, text=ANSWER)
    assert refused.value.code == "closure_not_approved"
    assert "pimpinan Inspektorat Jenderal" in str(refused.value.message)
    with pytest.raises(Conflict) as early:
        itjen.itjen_closure_request(case=case, actor=auditor)
    assert early.value.code == "itjen_step_too_early"

    itjen.itjen_step_advance(case=case, actor=auditor, step="laporan_hasil", note="LHP selesai.")
    itjen.itjen_closure_request(case=case, actor=auditor)
    with pytest.raises(Conflict):
        services.case_respond(case=case, actor=auditor, text=ANSWER)
    itjen.itjen_closure_approve(case=case, actor=staff["leader_itjen"])
    services.case_respond(case=case, actor=auditor, text=ANSWER)

    case.refresh_from_db()
    assert case.status == Status.RESPONDED
    assert (case.closure_requested_by, case.closure_approved_by) == (auditor, staff["leader_itjen"])
    actions = list(AuditEntry.objects.filter(object_id=case.tracking_id).values_list("action", flat=True))
    assert actions.index("case.itjen_closure_request") < actions.index("case.itjen_closure_approve")
    assert actions.index("case.itjen_closure_approve") < actions.index("case.respond")
    closure = case.events.filter(kind=CaseEvent.Kind.ITJEN_STEP, action__startswith="closure")
    assert [e.action for e in closure] == ["closure_request", "closure_approve"]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["auditor", "verifier", "leader_phi"])
def test_only_itjen_leadership_approves_a_closure(who, staff):
    case = itjen_examined_request(staff)

    with pytest.raises(PermissionDenied):
        itjen.itjen_closure_approve(case=case, actor=staff[who])

    case.refresh_from_db()
    assert case.closure_approved_at is None


def itjen_examined_request(staff: dict[str, Any]) -> Case:
    case = examined(staff)
    itjen.itjen_step_advance(case=case, actor=staff["auditor"], step="laporan_hasil", note="LHP selesai.")
    return itjen.itjen_closure_request(case=case, actor=staff["auditor"])


@pytest.mark.django_db
def test_a_wbs_closure_is_approved_by_itjen_leadership_on_the_wbs_team_only(staff):
    case = examined(staff, wbs=True)
    itjen.itjen_step_advance(case=case, actor=staff["auditor_wbs"], step="rekomendasi", note="Rekomendasi.")
    itjen.itjen_closure_request(case=case, actor=staff["auditor_wbs"])

    with pytest.raises(PermissionDenied):
        itjen.itjen_closure_approve(case=case, actor=staff["leader_itjen"])
    itjen.itjen_closure_approve(
        case=case, actor=make_staff("irjen_wbs", "leadership", "itjen", wbs_team=True)
    )


@pytest.mark.django_db
def test_approval_needs_a_request_and_is_given_once(staff):
    case = examined(staff)
    with pytest.raises(Conflict):
        itjen.itjen_closure_approve(case=case, actor=staff["leader_itjen"])
    case = itjen_examined(case, auditor=staff["auditor"], leader=staff["leader_itjen"])
    with pytest.raises(Conflict):
        itjen.itjen_closure_approve(case=case, actor=staff["leader_itjen"])
    with pytest.raises(Conflict):
        itjen.itjen_closure_request(case=case, actor=staff["auditor"])


@pytest.mark.django_db
def test_after_an_objection_the_next_answer_needs_a_new_approval(staff):
    """The reporter objects to the answer: the case is reopened and its earlier approval no longer counts."""
    case = itjen_examined(examined(staff), auditor=staff["auditor"], leader=staff["leader_itjen"])
    case = services.case_respond(case=case, actor=staff["auditor"], text=ANSWER)
    services.case_object(case=case, reason="Uang saya belum dikembalikan.")
    case = services.case_start(case=Case.objects.get(pk=case.pk), actor=staff["auditor"])

    assert case.closure_approved_at is None
    assert case.itjen_step == "laporan_hasil"  # the examination keeps its steps
    with pytest.raises(Conflict):
        services.case_respond(case=case, actor=staff["auditor"], text="Jawaban kedua.")
    itjen.itjen_closure_request(case=case, actor=staff["auditor"])
    itjen.itjen_closure_approve(case=case, actor=staff["leader_itjen"])
    services.case_respond(case=case, actor=staff["auditor"], text="Jawaban kedua.")


@pytest.mark.django_db
def test_a_unit_case_is_answered_without_any_approval(staff):
    case = case_in(Status.IN_PROGRESS, staff)

    services.case_respond(case=case, actor=staff["officer_phi"], text=ANSWER)

    case.refresh_from_db()
    assert case.status == Status.RESPONDED


@pytest.mark.django_db
def test_the_requesting_auditor_hears_of_the_approval_and_leadership_of_the_request(staff):
    auditor = make_staff("auditor_surel", "auditor", "itjen", email="auditor@kemnaker.go.id")
    make_staff("irjen", "leadership", "itjen", email="irjen@kemnaker.go.id")
    case, _ = submit(PUNGLI, triage=decision("pungli"))
    case = advance(case, "in_progress", verifier=staff["verifier"], officer=auditor, unit="itjen")
    itjen.itjen_step_advance(case=case, actor=auditor, step="laporan_hasil", note="LHP selesai.")

    itjen.itjen_closure_request(case=case, actor=auditor)
    itjen.itjen_closure_approve(case=case, actor=staff["leader_itjen"])

    topics = list(
        OutboxMessage.objects.filter(case=case, topic__startswith="staff.").values_list("topic", flat=True)
    )
    assert topics == ["staff.closure_approval_requested", "staff.closure_approved"]


# ---- the handler ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_leadership_names_a_handler_and_an_auditor_takes_a_case_themselves(staff):
    case = examined(staff)
    second = make_staff("auditor_dua", "auditor", "itjen", email="dua@kemnaker.go.id")

    itjen.case_set_handler(case=case, actor=staff["leader_itjen"], handler=second)
    case.refresh_from_db()
    assert case.handler == second
    assert OutboxMessage.objects.filter(topic="staff.handler_assigned", case=case).count() == 1

    itjen.case_set_handler(case=case, actor=staff["auditor"], handler=staff["auditor"])
    case.refresh_from_db()
    assert case.handler == staff["auditor"]
    names = [e.data["name"] for e in case.events.filter(kind=CaseEvent.Kind.NOTE, action=itjen.HANDLER)]
    assert names == [str(second), str(staff["auditor"])]
    assert AuditEntry.objects.filter(action="case.set_handler", object_id=case.tracking_id).count() == 2


@pytest.mark.django_db
def test_an_officer_may_take_only_for_themselves_and_leadership_only_who_may_see_the_case(staff):
    unit_case = case_in(Status.ASSIGNED, staff)
    colleague = make_staff("petugas_dua", "unit_officer", "ditjen_phi_jamsos")

    with pytest.raises(PermissionDenied):
        itjen.case_set_handler(case=unit_case, actor=staff["officer_phi"], handler=colleague)
    itjen.case_set_handler(case=unit_case, actor=staff["officer_phi"], handler=staff["officer_phi"])
    itjen.case_set_handler(case=unit_case, actor=staff["leader_phi"], handler=colleague)

    with pytest.raises(InvalidInput):  # Pusdatin's officer cannot open a PHI case
        itjen.case_set_handler(case=unit_case, actor=staff["leader_phi"], handler=staff["officer_pusdatin"])
    with pytest.raises(PermissionDenied):  # not their unit
        itjen.case_set_handler(
            case=unit_case, actor=staff["officer_pusdatin"], handler=staff["officer_pusdatin"]
        )
    unit_case.refresh_from_db()
    assert unit_case.handler == colleague


@pytest.mark.django_db
def test_a_case_not_yet_at_a_unit_has_no_handler(staff):
    case = case_in(Status.VERIFYING, staff)

    with pytest.raises(Conflict):
        itjen.case_set_handler(case=case, actor=staff["leader_itjen"], handler=staff["auditor"])
