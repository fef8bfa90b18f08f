"""Data-subject access under UU 27/2022, without ever showing a reporter to the person they reported.

A reporter downloads everything SIMADU holds about their own report, from the tracking page or
the API, with their identity and nothing staff wrote for themselves. A person named as the
reported party asks the data-protection officer, whose `simadu privacy export` says what is
processed about them and never who reported them, what the reporter wrote, or how to open
the report.

Every marker below appears nowhere else, so finding one in an export is a leak.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, ManagementUtility, call_command

from simadu.accounts.models import User
from simadu.audit.models import AuditEntry
from simadu.cases import services
from simadu.cases.models import Attachment, Case
from simadu.confidentiality.attachments import check_file
from simadu.triage.models import Unit
from tests.factories import advance, decision, make_staff, submit
from tests.portal.pages import open_case, png

REPORTER = {"name": "Pelapor-Nama-4821", "email": "pelapor.4821@contoh.id", "phone": "081348214821"}
WBS_REPORTER = {"name": "Pelapor-WBS-Nama-7390", "email": "wbs.7390@contoh.id", "phone": "081373907390"}
TEXT = "Gaji saya tidak dibayar, KRONOLOGI-PELAPOR-5107, sejak Januari di gudang belakang."
TITLE = "JUDUL-PELAPOR-2288 gaji tidak dibayar"
LOCATION = "TEMPAT-PELAPOR-6634 Bekasi"
WBS_TEXT = "Saya melihat amplop diserahkan, KRONOLOGI-WBS-3904, di ruang rapat lantai 2."
WBS_TITLE = "JUDUL-WBS-1175 amplop"
INTERNAL_NOTE = "CATATAN-INTERNAL-9052: saksi sudah dihubungi lewat telepon."
ASSIGN_NOTE = "DISPOSISI-INTERNAL-3316 mohon segera."
TRIAGE_EXPLANATION = "PENJELASAN-TRIAGE-8127"
REPLY = "Jawaban untuk Anda BALASAN-PETUGAS-7741: perusahaan sudah dipanggil."
MESSAGE = "Ini bukti tambahan PESAN-PELAPOR-6170 dari saya."
STAFF_NAME = "Petugas-Nama-2649"
SUBJECT = "Budi Santoso"


def _reporter_case(staff: dict[str, User]) -> tuple[Case, str]:
    """A named report in progress, with an internal note, an internal disposition note, a public reply,
    and the reporter's message with a photo."""
    staff["verifier"].first_name = STAFF_NAME
    staff["verifier"].save()
    case, secret = submit(
        TEXT,
        triage=decision("upah", explanation=TRIAGE_EXPLANATION),
        title=TITLE,
        location_detail=LOCATION,
        reported_party="Mandor Budi",
        **REPORTER,
    )
    services.case_verify(case=case, actor=staff["verifier"])
    services.case_add_note(case=case, actor=staff["verifier"], text=INTERNAL_NOTE)
    case = services.case_assign(
        case=case, actor=staff["verifier"], unit=Unit.objects.get(pk="ditjen_phi_jamsos"), note=ASSIGN_NOTE
    )
    services.case_add_note(case=case, actor=staff["officer_phi"], text=REPLY, public=True)
    photo = png("foto-slip-gaji.png")
    services.case_reporter_message(case=case, text=MESSAGE, files=[check_file(photo.name, photo)])
    return case, secret


def _export_text(response: Any) -> str:
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


@pytest.mark.django_db
def test_the_reporter_downloads_their_identity_and_report_but_no_internal_note_or_staff_name(client, staff):
    """Given a named report with internal notes, a reply and a message with a photo, when the reporter opens
    it with the secret and presses "Unduh data saya", they get a JSON file, never cached, with their name,
    e-mail and phone, what they wrote, the public reply, their message and the photo's name, size and type —
    and no internal note, no disposition note, no staff name and no triage explanation."""
    case, secret = _reporter_case(staff)

    page = open_case(client, case.tracking_id, secret).content.decode()
    assert f'href="/lacak/{case.tracking_id}/data-saya"' in page
    assert "Unduh data saya" in page
    response = client.get(f"/lacak/{case.tracking_id}/data-saya")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == f'attachment; filename="data-saya-{case.tracking_id}.json"'
    assert "no-store" in response["Cache-Control"]
    raw = _export_text(response)
    data = json.loads(raw)
    assert data["identity"] == REPORTER
    assert data["report"]["tracking_id"] == case.tracking_id
    assert data["report"]["text"] == TEXT
    assert data["report"]["title"] == TITLE
    assert data["report"]["location_detail"] == LOCATION
    timeline_text = " ".join(item["text"] for item in data["timeline"])
    assert REPLY in timeline_text
    assert MESSAGE in timeline_text
    assert data["attachments"] == [
        {
            "name": "foto-slip-gaji.png",
            "content_type": "image/png",
            "size": Attachment.objects.get(case=case).size,
            "uploaded_at": data["attachments"][0]["uploaded_at"],
            "from_reporter": True,
            "metadata_removed": data["attachments"][0]["metadata_removed"],
        }
    ]
    assert data["deadlines"]["expected_response_by"]
    for hidden in (
        INTERNAL_NOTE,
        "CATATAN-INTERNAL-9052",
        ASSIGN_NOTE,
        STAFF_NAME,
        "Officer_Phi",
        TRIAGE_EXPLANATION,
    ):
        assert hidden not in raw, f"{hidden!r} leaked into the reporter's export"
    assert "triage" not in data
    assert "triage" not in data["report"]


@pytest.mark.django_db
def test_the_export_carries_the_rating_and_the_objection_the_reporter_gave(client, staff):
    """After an answer, a rating with a comment and an objection with a reason, the export holds both."""
    case, secret = submit(**REPORTER)
    advance(case, "responded", verifier=staff["verifier"], officer=staff["officer_phi"])
    services.case_rate(case=Case.objects.get(pk=case.pk), rating=2, comment="KOMENTAR-NILAI-5530")
    services.case_object(case=Case.objects.get(pk=case.pk), reason="ALASAN-KEBERATAN-8814")
    open_case(client, case.tracking_id, secret)

    data = json.loads(_export_text(client.get(f"/lacak/{case.tracking_id}/data-saya")))

    assert data["rating"] == {"value": 2, "comment": "KOMENTAR-NILAI-5530"}
    assert data["objection"]["reason"] == "ALASAN-KEBERATAN-8814"
    assert data["objection"]["at"]
    assert data["deadlines"]["responded_at"]


@pytest.mark.django_db
def test_without_the_secret_there_is_no_download_only_the_lookup_page(client, staff):
    """Without the grant of a lookup, or with the grant of another report, the download sends the visitor to
    /lacak, as every tracking page does, and nothing is exported."""
    case, _ = _reporter_case(staff)
    other, other_secret = submit()

    cold = client.get(f"/lacak/{case.tracking_id}/data-saya")
    open_case(client, other.tracking_id, other_secret)
    wrong_grant = client.get(f"/lacak/{case.tracking_id}/data-saya")

    for response in (cold, wrong_grant):
        assert response.status_code == 302
        assert response["Location"] == "/lacak"
        assert REPORTER["name"] not in response.content.decode()
    assert not AuditEntry.objects.filter(action="reporter.data_export").exists()


@pytest.mark.django_db
def test_each_download_is_audited_without_anything_that_opens_or_names_the_report(client, staff):
    """The audit log records that the reporter exported their data, through which door, and not the secret,
    the identity or the content."""
    case, secret = _reporter_case(staff)
    open_case(client, case.tracking_id, secret)

    client.get(f"/lacak/{case.tracking_id}/data-saya")

    entry = AuditEntry.objects.get(action="reporter.data_export")
    assert (entry.actor, entry.object_type, entry.object_id) == ("reporter", "case", case.tracking_id)
    assert entry.data == {"via": "web"}
    logged = json.dumps([entry.actor, entry.object_id, entry.data])
    for secret_value in (secret, *REPORTER.values(), TEXT):
        assert secret_value not in logged


@pytest.mark.django_db
def test_a_wbs_reporter_gets_their_sealed_report_through_the_api_and_a_wrong_secret_gets_404(api, staff):
    """GET /api/v1/reports/{id}/data with the secret answers the unsealed WBS identity and content, never cached,
    without the WBS team's internal note; a wrong secret answers the same 404 as an unknown report."""
    case, secret = submit(WBS_TEXT, channel="wbs", title=WBS_TITLE, reported_party=SUBJECT, **WBS_REPORTER)
    services.case_add_note(case=case, actor=staff["verifier_wbs"], text=INTERNAL_NOTE)

    response = api.get(f"/api/v1/reports/{case.tracking_id}/data", HTTP_X_REPORT_SECRET=secret)
    wrong = api.get(
        f"/api/v1/reports/{case.tracking_id}/data", HTTP_X_REPORT_SECRET="AAAAA-BBBBB-CCCCC-DDDDD"
    )
    unknown = api.get("/api/v1/reports/SMD-ZZZZ-ZZZZ/data", HTTP_X_REPORT_SECRET=secret)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert data["identity"] == WBS_REPORTER
    assert (data["report"]["text"], data["report"]["title"], data["report"]["reported_party"]) == (
        WBS_TEXT,
        WBS_TITLE,
        SUBJECT,
    )
    assert INTERNAL_NOTE not in response.content.decode()
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()
    assert AuditEntry.objects.get(action="reporter.data_export").data == {"via": "api"}


# --- the person reported -------------------------------------------------------------------------------


def _reports_naming_the_subject(staff: dict[str, User]) -> dict[str, Case]:
    """A named biasa report and a named WBS report whose reported party is the subject (spelt differently),
    a report on someone whose name merely contains the subject's first name, and a report whose reporter
    mentions the subject's name only in the chronology."""
    biasa, _ = submit(
        TEXT,
        triage=decision("upah"),
        title=TITLE,
        location_detail=LOCATION,
        reported_party="Budi Santoso, mandor PT Contoh Makmur",
        **REPORTER,
    )
    services.case_reporter_message(case=biasa, text=MESSAGE)
    wbs, _ = submit(
        WBS_TEXT,
        triage=decision("gratifikasi", channel="wbs"),
        channel="wbs",
        title=WBS_TITLE,
        reported_party="Sdr. BUDI   santoso (Kasubbag Umum)",
        **WBS_REPORTER,
    )
    services.case_add_note(case=wbs, actor=staff["verifier_wbs"], text=INTERNAL_NOTE)
    other, _ = submit(
        "Pungutan di loket pelatihan.", triage=decision("pungli"), reported_party="Budiman Santosa"
    )
    mentioned, _ = submit(
        "Saya, Budi Santoso, melaporkan upah lembur.", triage=decision("upah"), reported_party="PT Lain"
    )
    return {"biasa": biasa, "wbs": wbs, "other": other, "mentioned": mentioned}


def _export(*argv: str) -> tuple[str, str]:
    """`simadu privacy export ARGV…` in this test's database: stdout, stderr.

    A refusal raises CommandError, which `simadu` prints as one line and turns into its exit code.
    """
    out, err = io.StringIO(), io.StringIO()
    call_command("privacy", "export", *argv, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_the_subject_export_lists_what_is_processed_and_never_the_reporter(staff, tmp_path: Path):
    """Given a biasa and a WBS report whose reported party is Budi Santoso, when Itjen's leadership exports
    for him, the file lists both by category, dates, status and unit — the WBS one by month only — and holds
    no reporter name, e-mail or phone, no word the reporters wrote, no tracking id, and no internal note;
    "Budiman Santosa" and a chronology that merely mentions the name are not listed. The file is readable
    by its owner only and explains why in plain Indonesian, citing UU 27/2022."""
    reports = _reports_naming_the_subject(staff)
    out = tmp_path / "budi.json"

    stdout, stderr = _export("--subject", SUBJECT, "--actor", "leader_itjen", "--out", str(out))

    assert stdout == ""
    raw = out.read_text(encoding="utf-8")
    data = json.loads(raw)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert data["count"] == 2
    by_channel = {r["channel"]: r for r in data["reports"]}
    assert by_channel.keys() == {"SPAN-LAPOR!", "WBS Online"}
    assert by_channel["SPAN-LAPOR!"]["category"] == "Upah"
    assert by_channel["SPAN-LAPOR!"]["received"] == reports["biasa"].received_at.date().isoformat()
    assert by_channel["WBS Online"]["category"] == "Gratifikasi"
    assert by_channel["WBS Online"]["received"] == reports["wbs"].received_at.strftime("%Y-%m")
    assert by_channel["WBS Online"]["status"] == "Diterima"
    assert all(r["named_as"] == "pihak yang dilaporkan" for r in data["reports"])
    forbidden = [
        *REPORTER.values(),
        *WBS_REPORTER.values(),
        "KRONOLOGI-PELAPOR-5107",
        "JUDUL-PELAPOR-2288",
        "TEMPAT-PELAPOR-6634",
        "PESAN-PELAPOR-6170",
        "KRONOLOGI-WBS-3904",
        "JUDUL-WBS-1175",
        "CATATAN-INTERNAL-9052",
        "Kasubbag Umum",
        "mandor PT Contoh Makmur",
        *(case.tracking_id for case in reports.values()),
    ]
    assert [marker for marker in forbidden if marker.lower() in raw.lower()] == []
    assert "Undang-Undang Nomor 27 Tahun 2022" in data["note"]
    assert "Pasal 33" in data["note"]
    assert "identitas pelapor (nama, e-mail, telepon)" in data["withheld"]
    assert "Memeriksa laporan: 4 dari 4" in stderr
    assert data["reference"] in stderr


@pytest.mark.django_db
def test_the_subject_export_is_audited_and_the_sealed_read_shows_in_the_wbs_case_history(staff, tmp_path):
    """One entry records the export (how many reports were read and found, no name); the WBS report whose
    sealed content was unsealed for it gets its own content-read entry with the purpose."""
    reports = _reports_naming_the_subject(staff)

    stdout, _ = _export("--subject", SUBJECT, "--actor", "verifier")

    data = json.loads(stdout)
    entry = AuditEntry.objects.get(action="privacy.subject_export")
    assert entry.actor == f"user:{staff['verifier'].pk}"
    assert entry.object_id == data["reference"]
    assert entry.data == {"scanned": 4, "sealed_read": 1, "matched": 2}
    assert SUBJECT.lower() not in json.dumps(entry.data).lower()
    read = AuditEntry.objects.get(action="case.content_read", object_id=reports["wbs"].tracking_id)
    assert read.data == {"purpose": "subject_access"}
    assert read.actor == f"user:{staff['verifier'].pk}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("actor", "reason"),
    [
        ("officer_phi", "tidak berwenang"),
        ("auditor", "tidak berwenang"),
        ("leader_phi", "tidak berwenang"),
        ("admin", "tidak berwenang"),
        ("nobody", "tidak ditemukan"),
    ],
)
def test_only_itjen_verifiers_and_leadership_may_export_and_others_get_a_one_line_refusal(
    staff, actor, reason, tmp_path
):
    """A unit officer, an auditor, a unit's leadership, an administrator or an unknown username gets a non-zero
    exit, one line saying why, no file and no export in the audit log."""
    _reports_naming_the_subject(staff)
    out = tmp_path / "budi.json"

    with pytest.raises(CommandError) as refused:
        _export("--subject", SUBJECT, "--actor", actor, "--out", str(out))

    assert refused.value.returncode != 0
    assert reason in str(refused.value)
    assert "\n" not in str(refused.value)
    assert not out.exists()
    assert not AuditEntry.objects.filter(action__in=["privacy.subject_export", "case.content_read"]).exists()


@pytest.mark.django_db
def test_a_deactivated_officer_cannot_export(staff):
    """An Itjen verifier whose account was switched off is refused like an unknown user."""
    make_staff("former", "verifier", unit="itjen", is_active=False)

    with pytest.raises(CommandError) as refused:
        _export("--subject", SUBJECT, "--actor", "former")

    assert refused.value.returncode != 0
    assert "tidak ditemukan" in str(refused.value)


def test_the_command_explains_itself():
    """`simadu privacy --help` says what is exported, what never is, and who may run it."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exited:
        ManagementUtility(["simadu", "privacy", "--help"]).execute()

    assert exited.value.code in (0, None)
    help_text = " ".join(out.getvalue().split())
    for option in ("--subject", "--actor", "--out"):
        assert option in help_text
    assert "Never includes a reporter's identity or contact" in help_text
    assert "Itjen verifier or Itjen leadership" in help_text
