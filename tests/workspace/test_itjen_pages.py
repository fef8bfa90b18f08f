"""The Itjen panel of the case page, the forwarding record on it, and the auditors' workload page.

Through HTTP, as staff use them: what each role sees and may press, and what a press changes.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from simadu.cases import forwarding, itjen
from simadu.cases.models import Attachment, Case, CaseEvent, Forwarding
from simadu.core.clock import WIB
from simadu.triage.models import Unit
from simadu.triage.services import taxonomy_ensure_defaults
from tests.factories import advance, decision, login_staff, make_staff, submit

PUNGLI = (
    "Petugas di kantor dinas meminta uang Rp500.000 agar berkas pengesahan peraturan perusahaan diproses."
)
MONDAY = dt.datetime(2026, 4, 6, 9, 0, tzinfo=WIB)


def _png(name: str = "berita-acara.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), (20, 120, 200)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _itjen_case(staff, *, auditor=None, title: str = "Pungli pengesahan PP") -> Case:
    case, _ = submit(PUNGLI, triage=decision("pungli"), title=title)
    return advance(
        case, "in_progress", verifier=staff["verifier"], officer=auditor or staff["auditor"], unit="itjen"
    )


def _page(client, case: Case) -> str:
    response = client.get(f"/staf/kasus/{case.tracking_id}")
    assert response.status_code == 200
    return response.text


# ---- the Itjen panel -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_auditor_sees_the_current_step_and_records_the_next_with_a_document(staff, as_user):
    """The panel names the step, offers the later steps in a form that uploads files, and after the post the
    step, its note and its document are listed; the document is a staff file of the case."""
    case = _itjen_case(staff)
    auditor = as_user("auditor")
    html = _page(auditor, case)
    assert "Pemeriksaan Itjen" in html
    assert re.search(r"Tahap sekarang: <strong>Telaah</strong>", html)
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file"' in html
    assert "multiple" in html

    done = auditor.post(
        f"/staf/kasus/{case.tracking_id}/itjen/tahap",
        {"step": "klarifikasi", "note": "Terlapor dipanggil untuk klarifikasi.", "files": [_png()]},
    )

    assert done.status_code == 302
    case.refresh_from_db()
    assert case.itjen_step == "klarifikasi"
    stored = Attachment.objects.get(case=case)
    assert stored.from_reporter is False
    html = _page(auditor, case)
    assert re.search(r"Tahap sekarang: <strong>Klarifikasi</strong>", html)
    assert "Terlapor dipanggil untuk klarifikasi." in html
    assert "berita-acara.png" in html
    assert "Tahap pemeriksaan dicatat: Klarifikasi." in html


@pytest.mark.django_db
def test_a_disguised_file_is_refused_and_the_step_does_not_move(staff, as_user):
    case = _itjen_case(staff)
    fake = SimpleUploadedFile(
        "laporan.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )

    as_user("auditor").post(
        f"/staf/kasus/{case.tracking_id}/itjen/tahap",
        {"step": "klarifikasi", "note": "Catatan.", "files": [fake]},
    )

    case.refresh_from_db()
    assert case.itjen_step == "telaah"
    assert not Attachment.objects.filter(case=case).exists()


@pytest.mark.django_db
def test_a_verifier_sees_the_panel_but_no_form_and_a_post_is_forbidden(staff, as_user):
    case = _itjen_case(staff)
    verifier = as_user("verifier")

    html = _page(verifier, case)

    assert "Pemeriksaan Itjen" in html
    assert "/itjen/tahap" not in html
    assert (
        verifier.post(
            f"/staf/kasus/{case.tracking_id}/itjen/tahap", {"step": "klarifikasi", "note": "x"}
        ).status_code
        == 403
    )


@pytest.mark.django_db
def test_the_kpk_badge_shows_once_the_state_loss_reaches_one_billion(staff, as_user):
    case = _itjen_case(staff)
    auditor = as_user("auditor")

    below = auditor.post(
        f"/staf/kasus/{case.tracking_id}/itjen/kerugian", {"amount": "999999999"}, follow=True
    )
    assert "Rp999.999.999" in below.text
    assert "ws-kpk" not in below.text
    at = auditor.post(f"/staf/kasus/{case.tracking_id}/itjen/kerugian", {"amount": "1000000000"}, follow=True)

    assert "Rp1.000.000.000" in at.text
    assert 'class="ws-kpk"' in at.text
    assert "ditandai untuk koordinasi dengan KPK" in at.text


@pytest.mark.django_db
def test_closure_is_asked_by_the_auditor_and_approved_by_itjen_leadership_on_the_page(staff, as_user):
    """The respond form is refused before approval with the reason; the auditor's request button appears from
    laporan hasil on; only Itjen's leadership gets the approve button; after approval the answer is sent."""
    case = _itjen_case(staff)
    auditor, leader = as_user("auditor"), as_user("leader_itjen")
    refused = auditor.post(f"/staf/kasus/{case.tracking_id}/aksi/respond", {"text": "Selesai."}, follow=True)
    assert "setelah pimpinan Inspektorat Jenderal menyetujui penutupan" in refused.text
    assert "/itjen/ajukan-penutupan" not in _page(auditor, case)

    itjen.itjen_step_advance(case=case, actor=staff["auditor"], step="laporan_hasil", note="LHP selesai.")
    assert "/itjen/ajukan-penutupan" in _page(auditor, case)
    assert auditor.post(f"/staf/kasus/{case.tracking_id}/itjen/ajukan-penutupan").status_code == 302
    assert "/itjen/setujui-penutupan" not in _page(auditor, case)
    assert auditor.post(f"/staf/kasus/{case.tracking_id}/itjen/setujui-penutupan").status_code == 403
    assert "/itjen/setujui-penutupan" in _page(leader, case)
    assert leader.post(f"/staf/kasus/{case.tracking_id}/itjen/setujui-penutupan").status_code == 302
    sent = auditor.post(f"/staf/kasus/{case.tracking_id}/aksi/respond", {"text": "Selesai."})

    assert sent.status_code == 302
    case.refresh_from_db()
    assert case.status == "responded"


@pytest.mark.django_db
def test_leadership_picks_the_handler_and_an_auditor_takes_a_case(staff, as_user):
    case = _itjen_case(staff)
    second = make_staff("auditor_dua", "auditor", "itjen")
    leader = as_user("leader_itjen")
    assert 'name="handler"' in _page(leader, case)

    leader.post(f"/staf/kasus/{case.tracking_id}/pemegang", {"handler": second.pk})
    case.refresh_from_db()
    assert case.handler == second
    auditor = as_user("auditor")
    assert "Saya yang memegang laporan ini" in _page(auditor, case)
    auditor.post(f"/staf/kasus/{case.tracking_id}/pemegang", {"take": "1"})

    case.refresh_from_db()
    assert case.handler == staff["auditor"]
    assert "Pemegang laporan" in _page(leader, case)


# ---- the forwarding record ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_forward_form_offers_the_channel_and_the_case_page_shows_the_record_and_takes_the_outcome(
    as_user, api
):
    taxonomy_ensure_defaults()
    case, secret = submit("Klaim JHT saya di kantor BPJS ditolak.")
    verifier = as_user("verifier")
    html = _page(verifier, case)
    assert 'name="channel"' in html
    assert "Cara yang biasa untuk instansi ini" in html

    with time_machine.travel(dt.datetime(2026, 3, 13, 10, 0, tzinfo=WIB), tick=False):
        verifier.post(
            f"/staf/kasus/{case.tracking_id}/aksi/forward",
            {"agency": "bpjs_ketenagakerjaan", "channel": "", "reference": "TK-77", "reason": "Urusan BPJS."},
        )
    record = Forwarding.objects.get(case=case)
    assert (record.channel, record.reference) == ("sp4n_lapor", "TK-77")
    html = _page(verifier, case)
    assert "Pengalihan ke instansi lain" in html
    assert "TK-77" in html
    assert "Layanan masyarakat 175" in html
    assert "10 April 2026" in html  # ask BPJS after 14 working days
    assert "sudah waktunya ditanyakan" in html  # that date has passed by now

    verifier.post(
        f"/staf/kasus/{case.tracking_id}/pengalihan/hasil",
        {"outcome": "JHT sudah dicairkan.", "tell_reporter": "on"},
    )

    record.refresh_from_db()
    assert record.agency_outcome == "JHT sudah dicairkan."
    timeline = api.get(f"/api/v1/reports/{case.tracking_id}", HTTP_X_REPORT_SECRET=secret).json()["timeline"]
    assert any("JHT sudah dicairkan." in entry["text"] for entry in timeline)


@pytest.mark.django_db
def test_only_itjen_intake_and_leadership_record_what_the_agency_did(staff, as_user):
    case, _ = submit("Klaim JHT saya di kantor BPJS ditolak.")
    forwarding.case_forward(
        case=case,
        actor=staff["verifier"],
        agency=Unit.objects.get(pk="bpjs_ketenagakerjaan"),
        channel="",
        reason="x",
    )
    url = f"/staf/kasus/{case.tracking_id}/pengalihan/hasil"

    assert as_user("auditor").post(url, {"outcome": "Sudah."}).status_code == 404  # not a case they see
    assert as_user("officer_phi").post(url, {"outcome": "Sudah."}).status_code == 404
    assert as_user("leader_itjen").post(url, {"outcome": "Sudah."}).status_code == 302
    assert case.events.filter(kind=CaseEvent.Kind.FORWARD_FOLLOW_UP).count() == 1


# ---- the auditors' workload ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("leader_itjen", 200),
        ("auditor", 200),
        ("auditor_wbs", 200),
        ("verifier", 403),
        ("officer_phi", 403),
        ("leader_phi", 403),
        ("admin", 302),
    ],
)
def test_the_workload_page_is_for_itjen_leadership_and_auditors(who, status, as_user):
    response = as_user(who).get("/staf/beban-auditor")

    assert response.status_code == status
    if status == 302:
        assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_the_workload_page_counts_each_auditors_open_cases_by_step_and_the_late_ones(staff, as_user):
    """Auditor A holds two open cases (telaah, klarifikasi), one of them late; auditor B none; a third case
    nobody holds is listed by its tracking id without its title."""
    a = make_staff("auditor_a", "auditor", "itjen", first_name="Ayu")
    b = make_staff("auditor_b", "auditor", "itjen", first_name="Bima")
    with time_machine.travel(MONDAY - dt.timedelta(days=120), tick=False):
        late = _itjen_case(staff, auditor=a)
        itjen.case_set_handler(case=late, actor=a, handler=a)
    with time_machine.travel(MONDAY, tick=False):
        fresh = _itjen_case(staff, auditor=a)
        itjen.itjen_step_advance(case=fresh, actor=a, step="klarifikasi", note="Klarifikasi.")
        itjen.case_set_handler(case=fresh, actor=a, handler=a)
        unheld = _itjen_case(staff, title="JUDUL-TIDAK-TAMPIL")
        page = as_user("leader_itjen").get("/staf/beban-auditor")

    html = page.text
    row_a = re.search(r"<tr[^>]*>\s*<th scope=\"row\">Ayu.*?</tr>", html, re.S).group(0)
    cells = re.findall(r"<td>\s*(?:<span[^>]*>)?(\d+)", row_a)
    # total, then not started, telaah, klarifikasi, audit, laporan hasil, rekomendasi, pemantauan, late
    assert cells == ["2", "0", "1", "1", "0", "0", "0", "0", "1"]
    assert 'value="2"' in row_a
    assert "<meter" in row_a
    row_b = re.search(r"<tr[^>]*>\s*<th scope=\"row\">Bima.*?</tr>", html, re.S).group(0)
    assert re.findall(r"<td>\s*(?:<span[^>]*>)?(\d+)", row_b)[0] == "0"
    assert unheld.tracking_id in html
    assert late.tracking_id not in html
    assert fresh.tracking_id not in html
    assert "JUDUL-TIDAK-TAMPIL" not in html
    assert "style=" not in html
    assert "<script>" not in html
    assert b.pk


@pytest.mark.django_db
def test_the_workload_page_costs_the_same_queries_for_many_auditors_and_cases(
    staff, django_assert_num_queries
):
    client = login_staff(__import__("django.test").test.Client(), staff["leader_itjen"])
    _itjen_case(staff)
    client.get("/staf/beban-auditor")  # warm the per-process caches (calendar, templates)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/staf/beban-auditor").status_code == 200

    for n in range(4):
        auditor = make_staff(f"auditor_{n}", "auditor", "itjen")
        case = _itjen_case(staff, auditor=auditor)
        itjen.case_set_handler(case=case, actor=auditor, handler=auditor)
        _itjen_case(staff)

    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get("/staf/beban-auditor").status_code == 200


@pytest.mark.django_db
def test_the_workload_page_counts_wbs_cases_only_for_viewers_in_the_wbs_team(staff, as_user):
    """A WBS case held by a WBS-team auditor is in that auditor's numbers for the WBS team only: an auditor
    outside the team reads 0 for them (and no "Tim WBS" label), so the page cannot tell them how many
    whistleblowing cases sit in which step."""
    holder = staff["auditor_wbs"]
    case, _ = submit(PUNGLI, triage=decision("pungli", channel="wbs"), channel="wbs")
    case = advance(case, "in_progress", verifier=staff["verifier_wbs"], officer=holder, unit="itjen")
    itjen.case_set_handler(case=case, actor=holder, handler=holder)

    def total_of_holder(viewer: str) -> tuple[str, str]:
        html = as_user(viewer).get("/staf/beban-auditor").text
        row = re.search(r"<tr[^>]*>\s*<th scope=\"row\">Auditor_Wbs.*?</tr>", html, re.S).group(0)
        return re.findall(r"<td>\s*(?:<span[^>]*>)?(\d+)", row)[0], row

    outside_total, outside_row = total_of_holder("auditor")
    inside_total, inside_row = total_of_holder("auditor_wbs")

    assert outside_total == "0"
    assert "Tim WBS" not in outside_row
    assert inside_total == "1"
    assert "Tim WBS" in inside_row
