"""Working a case through the pages: each action calls one service, writes the timeline, and refuses the rest."""

from __future__ import annotations

import re

import pytest

from simadu.cases.models import Case, CaseEvent
from tests.factories import advance, decision, submit

WAGE = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar."


def _reporter_texts(api, case: Case, secret: str) -> list[str]:
    response = api.get(f"/api/v1/reports/{case.tracking_id}", HTTP_X_REPORT_SECRET=secret)
    assert response.status_code == 200
    return [entry["text"] for entry in response.json()["timeline"]]


def _post(client, case: Case, action: str, data: dict[str, str] | None = None):
    return client.post(f"/staf/kasus/{case.tracking_id}/aksi/{action}", data or {})


@pytest.mark.django_db
def test_a_case_goes_from_received_to_closed_through_the_pages(as_user, api):
    """Verify → assign → start → respond → close, each a form post that lands back on the case with a message."""
    case, secret = submit(WAGE, title="Gaji belum dibayar")
    verifier, officer = as_user("verifier"), as_user("officer_phi")
    steps = [
        (verifier, "verify", {}, "verifying"),
        (
            verifier,
            "assign",
            {
                "unit": "ditjen_phi_jamsos",
                "category": "upah",
                "report_type": "pengaduan",
                "note": "Mohon segera.",
            },
            "assigned",
        ),
        (officer, "start", {}, "in_progress"),
        (
            officer,
            "respond",
            {"text": "Pengawas sudah memanggil perusahaan; gaji dibayar Senin."},
            "responded",
        ),
        (officer, "close", {"note": "Bukti transfer diterima."}, "closed"),
    ]
    for client, action, data, status in steps:
        response = _post(client, case, action, data)
        assert response.status_code == 302, (action, response.status_code)
        assert response["Location"] == f"/staf/kasus/{case.tracking_id}"
        case.refresh_from_db()
        assert case.status == status

    actions = list(case.events.filter(kind=CaseEvent.Kind.TRANSITION).values_list("action", flat=True))
    assert actions == ["verify", "assign", "start", "respond", "close"]
    page = officer.get(f"/staf/kasus/{case.tracking_id}")
    assert "Berhasil: Tutup laporan." in page.text
    assert "Mohon segera." in page.text
    assert "Pengawas sudah memanggil perusahaan; gaji dibayar Senin." in _reporter_texts(api, case, secret)
    assert "Bukti transfer diterima." not in _reporter_texts(api, case, secret)


@pytest.mark.django_db
def test_assigning_with_a_corrected_category_records_the_correction(as_user):
    """A verifier who fixes the suggested category leaves a triage correction on the timeline."""
    case, _ = submit("Saya ingin menyampaikan sesuatu yang lain saja.", triage=decision("lainnya"))
    response = _post(
        as_user("verifier"),
        case,
        "assign",
        {"unit": "ditjen_binwasnaker_k3", "category": "k3", "report_type": "pengaduan"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.unit_id, case.category_id) == ("assigned", "ditjen_binwasnaker_k3", "k3")
    correction = case.events.get(kind=CaseEvent.Kind.TRIAGE_CORRECTION)
    assert correction.data["category"] == ["lainnya", "k3"]
    html = as_user("verifier").get(f"/staf/kasus/{case.tracking_id}").text
    assert "Kategori: Lainnya → Keselamatan dan kesehatan kerja (K3)" in html


@pytest.mark.parametrize(
    ("role", "action", "expected"),
    [
        ("leader_itjen", "verify", 403),  # sees the case, may not verify it
        ("auditor", "verify", 404),  # does not see a non-supervisory case at all
        ("officer_pusdatin", "assign", 404),
        ("verifier", "fly_away", 404),
    ],
)
@pytest.mark.django_db
def test_an_action_the_user_may_not_take_is_refused_and_changes_nothing(as_user, role, action, expected):
    """A forged POST gets 403 (visible case) or 404 (invisible case, unknown action); no event is written."""
    case, _ = submit(WAGE)
    events = case.events.count()
    response = _post(as_user(role), case, action, {"unit": "ditjen_phi_jamsos", "category": "upah"})
    assert response.status_code == expected
    case.refresh_from_db()
    assert case.status == "received"
    assert case.events.count() == events


@pytest.mark.django_db
def test_a_unit_officer_cannot_reassign_a_case_of_their_unit(staff, as_user):
    """Assigning is Itjen's intake work: the officer of the unit gets 403 and the case stays where it is."""
    case, _ = submit(WAGE)
    advance(case, "assigned", verifier=staff["verifier"])
    response = _post(
        as_user("officer_phi"),
        case,
        "assign",
        {"unit": "pusdatin", "category": "upah", "report_type": "pengaduan"},
    )
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.unit_id == "ditjen_phi_jamsos"


@pytest.mark.django_db
def test_an_action_out_of_turn_shows_a_message_instead_of_an_error_page(as_user):
    """Verifying twice (two tabs): the second answer is a plain message on the case page, not a 500."""
    case, _ = submit(WAGE)
    verifier = as_user("verifier")
    assert _post(verifier, case, "verify").status_code == 302
    again = verifier.post(f"/staf/kasus/{case.tracking_id}/aksi/verify", follow=True)
    assert again.status_code == 200
    assert "Tindakan ini tidak dapat dilakukan pada tahap laporan saat ini." in again.text
    assert case.events.filter(action="verify").count() == 1


@pytest.mark.django_db
def test_a_question_without_text_is_sent_back_with_the_field_marked(as_user):
    """An empty question is not sent; the form comes back with an error and the case does not move."""
    case, _ = submit(WAGE)
    response = _post(as_user("verifier"), case, "request_info", {"question": "  "})
    assert response.status_code == 422
    assert "Periksa kembali isian yang ditandai." in response.text
    assert 'id="request_info_question"' in response.text
    case.refresh_from_db()
    assert case.status == "received"


@pytest.mark.django_db
def test_a_question_to_the_reporter_is_what_the_reporter_reads(as_user, api):
    """Minta keterangan: the case waits for the reporter, who reads the question in their view."""
    case, secret = submit(WAGE)
    question = "Di kota mana perusahaan Anda berada?"
    assert _post(as_user("verifier"), case, "request_info", {"question": question}).status_code == 302
    case.refresh_from_db()
    assert case.status == "awaiting_info"
    assert question in _reporter_texts(api, case, secret)


@pytest.mark.django_db
def test_forwarding_goes_only_to_an_outside_agency_with_a_reason_the_reporter_reads(as_user, api):
    """Dialihkan to BPJS Ketenagakerjaan with a reference; an internal unit is refused by the form."""
    case, secret = submit(WAGE)
    verifier = as_user("verifier")
    refused = _post(verifier, case, "forward", {"agency": "itjen", "reason": "Salah alamat."})
    assert refused.status_code == 422
    case.refresh_from_db()
    assert case.status == "received"

    reason = "Klaim JHT ditangani langsung oleh BPJS Ketenagakerjaan."
    done = _post(
        verifier,
        case,
        "forward",
        {"agency": "bpjs_ketenagakerjaan", "reason": reason, "reference": "B-12/2026"},
    )
    assert done.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.forwarded_to_id, case.forward_reference) == (
        "forwarded",
        "bpjs_ketenagakerjaan",
        "B-12/2026",
    )
    assert any(reason in text for text in _reporter_texts(api, case, secret))


@pytest.mark.django_db
def test_archiving_needs_a_reason_code(as_user):
    """Arsipkan with one of the reason codes; an unknown code is refused."""
    case, _ = submit(WAGE)
    verifier = as_user("verifier")
    assert _post(verifier, case, "archive", {"reason_code": "bosan"}).status_code == 422
    assert _post(verifier, case, "archive", {"reason_code": "spam"}).status_code == 302
    case.refresh_from_db()
    assert (case.status, case.archive_reason) == ("archived", "spam")


@pytest.mark.django_db
def test_the_composer_defaults_to_an_internal_note_the_reporter_never_sees(as_user, api):
    """An internal note is marked as such on the timeline and is absent from the reporter's view."""
    case, secret = submit(WAGE)
    verifier = as_user("verifier")
    page = verifier.get(f"/staf/kasus/{case.tracking_id}").text
    assert re.search(r'value="internal"[^>]*checked', page)
    assert not re.search(r'value="public"[^>]*checked', page)

    note = "Perusahaan ini sudah tiga kali dilaporkan; cek riwayat."
    response = verifier.post(
        f"/staf/kasus/{case.tracking_id}/pesan", {"text": note, "visibility": "internal"}
    )
    assert response.status_code == 302
    html = verifier.get(f"/staf/kasus/{case.tracking_id}").text
    assert "Catatan internal disimpan." in html
    assert "Internal — tidak terlihat pelapor" in html
    assert note in html
    assert note not in _reporter_texts(api, case, secret)
    assert case.events.get(kind=CaseEvent.Kind.NOTE).visibility == "internal"


@pytest.mark.django_db
def test_a_public_reply_reaches_the_reporter(as_user, api):
    """Choosing "Balasan ke pelapor" sends the text to the reporter's view."""
    case, secret = submit(WAGE)
    reply = "Terima kasih, laporan Anda sedang kami periksa."
    response = as_user("verifier").post(
        f"/staf/kasus/{case.tracking_id}/pesan", {"text": reply, "visibility": "public", "send": "1"}
    )
    assert response.status_code == 302
    assert reply in _reporter_texts(api, case, secret)


@pytest.mark.django_db
def test_the_preview_shows_what_the_reporter_will_read_without_sending_it(as_user, api):
    """Without JavaScript, "Pratinjau" re-renders the page with the preview box and keeps the text unsent."""
    case, secret = submit(WAGE)
    verifier = as_user("verifier")
    reply = "Mohon kirim foto slip gaji terakhir."
    events = case.events.count()

    preview = verifier.post(
        f"/staf/kasus/{case.tracking_id}/pesan", {"text": reply, "visibility": "public", "preview": "1"}
    )
    assert preview.status_code == 200
    assert "Yang akan dilihat pelapor:" in preview.text
    assert reply in preview.text
    assert case.events.count() == events
    assert reply not in _reporter_texts(api, case, secret)

    live = verifier.post(
        f"/staf/kasus/{case.tracking_id}/pesan/pratinjau", {"text": reply, "visibility": "public"}
    )
    assert live.text.lstrip().startswith('<div id="pratinjau"')
    assert "Yang akan dilihat pelapor:" in live.text
    internal = verifier.post(
        f"/staf/kasus/{case.tracking_id}/pesan/pratinjau", {"text": reply, "visibility": "internal"}
    )
    assert "Yang akan dilihat pelapor:" not in internal.text


@pytest.mark.django_db
def test_leadership_reads_cases_but_writes_no_notes(as_user):
    """A unit head or the Inspektur has no composer, and a forged note is refused."""
    case, _ = submit(WAGE)
    leader = as_user("leader_itjen")
    assert "Tulis catatan atau balasan" not in leader.get(f"/staf/kasus/{case.tracking_id}").text
    response = leader.post(
        f"/staf/kasus/{case.tracking_id}/pesan", {"text": "Halo", "visibility": "internal"}
    )
    assert response.status_code == 403
    assert not case.events.filter(kind=CaseEvent.Kind.NOTE).exists()
