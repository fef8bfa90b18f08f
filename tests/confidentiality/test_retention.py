"""The retention schedule (UU 27/2022): a case closed or archived longer ago than SIMADU_RETENTION_YEARS is
anonymised by crypto-shredding; what is counted stays.

Every marker below appears nowhere else, so finding one after the run is a leak.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection

from simadu.accounts.models import User
from simadu.audit.models import AuditEntry
from simadu.cases import services
from simadu.cases.models import Attachment, Case
from simadu.confidentiality.attachments import check_file
from simadu.confidentiality.sealing import content_of, identity_of
from simadu.core import clock, crypto
from simadu.intake.models import IdempotencyRecord
from simadu.intake.services import idempotent
from simadu.outbox.models import OutboxMessage
from simadu.outbox.services import outbox_enqueue
from simadu.transparency.selectors import public_statistics
from simadu.triage.models import Category, TriageExample, Unit
from tests.confidentiality.test_sealing import as_bytes
from tests.factories import advance, decision, login_staff, submit
from tests.portal.pages import open_case

OLD = dt.timedelta(days=6 * 366)  # past the default five years
RECENT = dt.timedelta(days=300)

BIASA = {
    "title": "Judul-Lama-8101 gaji tertahan",
    "reported_party": "Terlapor-Lama-8102",
    "location_detail": "Gudang-Lama-8103 Cikarang",
    "name": "Pelapor-Lama-8104",
    "email": "pelapor.lama.8105@contoh.id",
    "phone": "081381068106",
}
BIASA_TEXT = "Gaji saya tidak dibayar, KRONOLOGI-LAMA-8107, sudah tiga bulan."
BIASA_MESSAGE = "Slip gaji PESAN-LAMA-8108 saya lampirkan."
BIASA_NOTE = "Sudah ditelepon CATATAN-LAMA-8109."
BIASA_REPLY = "Perusahaan dipanggil JAWABAN-LAMA-8110."
BIASA_RATING = "Terima kasih PENILAIAN-LAMA-8111."
WBS = {
    "title": "Judul-WBS-8201",
    "text": "Amplop untuk pejabat KRONOLOGI-WBS-8202.",
    "reported_party": "Terlapor-WBS-8203",
    "location_detail": "Ruang-WBS-8204",
    "name": "Pelapor-WBS-8205",
    "email": "pelapor.wbs.8206@contoh.id",
}
WBS_MESSAGE = "Foto tambahan PESAN-WBS-8207."
EVIDENCE_MARKER = b"GPS-BUKTI-LAMA-8301"
MARKERS = [
    *BIASA.values(),
    BIASA_TEXT,
    "KRONOLOGI-LAMA-8107",
    "PESAN-LAMA-8108",
    "CATATAN-LAMA-8109",
    "JAWABAN-LAMA-8110",
    "PENILAIAN-LAMA-8111",
    *WBS.values(),
    "KRONOLOGI-WBS-8202",
    "PESAN-WBS-8207",
    EVIDENCE_MARKER.decode(),
    "foto-lama-8302",
]
PLAIN_BEFORE = ["KRONOLOGI-LAMA-8107", "PESAN-LAMA-8108", "CATATAN-LAMA-8109", "PENILAIAN-LAMA-8111"]
RECENT_TEXT = "Upah lembur tidak dibayar, PENANDA-BARU-8401."
STAFF_NOTICE = "sudah dihapus sesuai jadwal retensi"
REPORTER_NOTICE = "sudah dihapus karena masa simpannya sudah habis"


def _png(extra: bytes) -> bytes:
    """A valid one-pixel PNG carrying `extra` in a text chunk, as a phone's photo carries metadata."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
        + chunk(b"tEXt", b"Comment\x00" + extra)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _evidence() -> Any:
    return check_file("foto-lama-8302.png", io.BytesIO(_png(EVIDENCE_MARKER)))


def _plant(staff: dict[str, User]) -> dict[str, Any]:
    """Six years ago: a normal report handled to the end (message with evidence, note, reply, rating, a
    triage correction) and a WBS report with evidence, archived. A year ago: a report closed. Six years
    ago and still open: a report in progress. Closed six years ago but rated a year ago: a late touch."""
    now = clock.now()
    verifier, officer = staff["verifier"], staff["officer_phi"]
    with time_machine.travel(now - OLD, tick=False):
        biasa, biasa_secret = submit(BIASA_TEXT, triage=decision("upah"), **BIASA)
        services.case_reporter_message(case=biasa, text=BIASA_MESSAGE, files=[_evidence()])
        services.case_verify(case=biasa, actor=verifier)
        biasa = services.case_assign(
            case=biasa,
            actor=verifier,
            unit=Unit.objects.get(pk="ditjen_phi_jamsos"),
            category=Category.objects.get(pk="thr"),
        )
        biasa = services.case_start(case=biasa, actor=officer)
        services.case_add_note(case=biasa, actor=officer, text=BIASA_NOTE)
        services.case_respond(case=biasa, actor=officer, text=BIASA_REPLY)
        services.case_rate(case=biasa, rating=4, comment=BIASA_RATING)
        services.case_close(case=biasa, actor=officer)

        wbs, wbs_secret = submit(channel="wbs", triage=decision("gratifikasi", channel="wbs"), **WBS)
        services.case_reporter_message(case=wbs, text=WBS_MESSAGE, files=[_evidence()])
        services.case_archive(case=wbs, actor=staff["verifier_wbs"], reason_code="not_a_complaint")

        still_open, _ = submit("Upah saya dipotong tanpa alasan sejak lama.", triage=decision("upah"))
        advance(still_open, "in_progress", verifier=verifier, officer=officer)

        rated_late, _ = submit("Gaji telat dibayar setiap bulan.", triage=decision("upah"))
        advance(rated_late, "closed", verifier=verifier, officer=officer)
    with time_machine.travel(now - RECENT, tick=False):
        services.case_rate(case=Case.objects.get(pk=rated_late.pk), rating=5)
        recent, _ = submit(RECENT_TEXT, triage=decision("upah"), name="Pelapor-Baru-8402")
        services.case_reporter_message(case=recent, text="Bukti baru.", files=[_evidence()])
        advance(recent, "closed", verifier=verifier, officer=officer)
    cases = {"biasa": biasa, "wbs": wbs, "open": still_open, "rated_late": rated_late, "recent": recent}
    return {
        "cases": {name: Case.objects.get(pk=c.pk) for name, c in cases.items()},
        "secrets": {"biasa": biasa_secret, "wbs": wbs_secret},
    }


def _every_row_of_every_table() -> bytes:
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608  # names from introspection
            chunks.extend(as_bytes(value) for row in cursor.fetchall() for value in row)
    return b"\x00".join(chunks).lower()


def _found(haystack: bytes, markers: list[str]) -> list[str]:
    return [m for m in markers if m.lower().encode() in haystack.lower()]


def _stored_names(case: Case) -> list[str]:
    return [
        n
        for a in Attachment.objects.filter(case=case)
        for n in (a.storage_name, a.original_storage_name)
        if n
    ]


def _run(django_capture_on_commit_callbacks: Any, *args: str) -> str:
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("retention", "run", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _statistics() -> tuple[Any, ...]:
    s = public_statistics()
    return (s.total, s.by_channel, s.by_status, s.by_category)


@pytest.mark.django_db
def test_old_closed_and_archived_cases_are_anonymised_and_recent_open_or_late_touched_ones_are_not(
    staff, django_capture_on_commit_callbacks
):
    """Given the planted cases, a run anonymises the normal report closed six years ago and the WBS report
    archived then: data key destroyed, sealed and plain text cleared, attachments gone, the counted fields
    kept, one content-free audit entry each and one for the run. The case closed a year ago, the one still
    in progress and the one the reporter rated a year ago keep everything. Public statistics do not move."""
    planted = _plant(staff)
    cases = planted["cases"]
    untouched = {name: cases[name] for name in ("open", "rated_late", "recent")}
    statistics = _statistics()
    kept = {
        name: (c.channel, c.category_id, c.unit_id, c.status, c.rating, c.received_at, c.closed_at)
        for name, c in cases.items()
    }

    out = _run(django_capture_on_commit_callbacks)

    assert "2 laporan dianonimkan" in out
    for name in ("biasa", "wbs"):
        case = Case.objects.get(pk=cases[name].pk)
        assert case.anonymised_at is not None
        assert bytes(case.data_key) == b""
        assert case.sealed_identity is None
        assert case.sealed_content is None
        assert (case.title, case.text, case.reported_party, case.location_detail, case.rating_comment) == (
            ("",) * 5
        )
        assert not case.attachments.exists()
        assert all(not e.body and not e.sealed_body for e in case.events.all())
        assert identity_of(case) == {}
        assert set(content_of(case).values()) == {""}
        assert (
            case.channel,
            case.category_id,
            case.unit_id,
            case.status,
            case.rating,
            case.received_at,
            case.closed_at,
        ) == kept[name]
        entry = AuditEntry.objects.get(action="case.anonymise", object_id=case.tracking_id)
        assert not _found(json.dumps(entry.data).encode(), MARKERS)
    assert Case.objects.get(pk=cases["biasa"].pk).rating == 4
    assert not TriageExample.objects.filter(tracking_id=cases["biasa"].tracking_id).exists()
    for name, before in untouched.items():
        after = Case.objects.get(pk=before.pk)
        assert after.anonymised_at is None, name
        assert bytes(after.data_key) == bytes(before.data_key), name
        assert after.text == before.text, name
    assert identity_of(Case.objects.get(pk=cases["recent"].pk)) == {"name": "Pelapor-Baru-8402"}
    assert _statistics() == statistics
    run = AuditEntry.objects.get(action="retention.run")
    assert run.data["cases"] == 2
    assert run.data["files"] == 4  # a sanitised copy and an original for each of the two photos


@pytest.mark.django_db
def test_after_anonymisation_the_planted_data_is_in_no_database_row_and_no_media_file(
    staff, media_root, django_capture_on_commit_callbacks
):
    """Before the run the normal report's text, message, note and rating comment are in plain columns and
    its evidence files are on disk; after it, no planted value is in any row of any table, the old cases'
    files (sanitised and original) are deleted, and the recent case's file is still there."""
    cases = _plant(staff)["cases"]
    old_files = _stored_names(cases["biasa"]) + _stored_names(cases["wbs"])
    recent_files = _stored_names(cases["recent"])
    assert len(old_files) == 4
    assert all((media_root / name).exists() for name in old_files + recent_files)
    assert _found(_every_row_of_every_table(), PLAIN_BEFORE) == PLAIN_BEFORE

    _run(django_capture_on_commit_callbacks)

    everything = _every_row_of_every_table()
    assert _found(everything, MARKERS) == []
    assert b"penanda-baru-8401" in everything  # the recent case is read, and kept
    assert not any((media_root / name).exists() for name in old_files)
    assert all((media_root / name).exists() for name in recent_files)
    media = b"".join(p.read_bytes() for p in Path(media_root).rglob("*") if p.is_file())
    assert _found(media, MARKERS) == []


@pytest.mark.django_db
def test_the_staff_page_and_the_reporters_page_of_an_anonymised_case_say_the_data_was_deleted(
    staff, client, django_capture_on_commit_callbacks
):
    """After the run, the WBS team's page of the WBS case and the verifier's page of the normal case open
    (200) and say the personal data was deleted under the retention schedule, without any planted value and
    without a button to open the identity; the reporter, with tracking id and secret, reads the same."""
    planted = _plant(staff)
    cases, secrets = planted["cases"], planted["secrets"]
    _run(django_capture_on_commit_callbacks)

    for name, who in (("wbs", "verifier_wbs"), ("biasa", "verifier")):
        page = login_staff(client, staff[who]).get(f"/staf/kasus/{cases[name].tracking_id}")
        html = page.content.decode()
        assert page.status_code == 200, name
        assert STAFF_NOTICE in html
        assert "Identitas pelapor sudah dihapus" in html
        assert "Buka identitas" not in html
        assert "Tampilkan identitas pelapor" not in html
        assert _found(page.content, MARKERS) == []
        client.logout()

    for name in ("biasa", "wbs"):
        page = open_case(client, cases[name].tracking_id, secrets[name])
        assert page.status_code == 200
        assert REPORTER_NOTICE in page.content.decode()
        assert _found(page.content, MARKERS) == []
        assert "Beri penilaian" not in page.content.decode()


@pytest.mark.django_db
def test_a_dry_run_lists_what_would_go_and_changes_nothing(
    staff, media_root, django_capture_on_commit_callbacks
):
    """`simadu retention run --dry-run` names the two old cases and counts their files, and afterwards every
    row, file and audit entry is as it was."""
    cases = _plant(staff)["cases"]
    rows = _every_row_of_every_table()
    files = sorted(str(p) for p in Path(media_root).rglob("*") if p.is_file())
    audit = AuditEntry.objects.count()

    out = _run(django_capture_on_commit_callbacks, "--dry-run")

    assert cases["biasa"].tracking_id in out
    assert cases["wbs"].tracking_id in out
    assert cases["recent"].tracking_id not in out
    assert "2 laporan akan dianonimkan (4 berkas)" in out
    assert _every_row_of_every_table() == rows
    assert sorted(str(p) for p in Path(media_root).rglob("*") if p.is_file()) == files
    assert AuditEntry.objects.count() == audit


@pytest.mark.django_db
def test_old_finished_messages_and_idempotency_answers_are_deleted_and_fresh_or_pending_ones_kept(
    settings, django_capture_on_commit_callbacks
):
    """Outgoing messages sent, given up or held more than SIMADU_OUTBOX_KEEP_DAYS ago and Idempotency-Key
    answers older than SIMADU_IDEMPOTENCY_KEEP_DAYS are deleted; a recent sent message, an old message still
    pending and a recent answer stay, and the run's audit entry counts them."""
    settings.SIMADU_OUTBOX_KEEP_DAYS, settings.SIMADU_IDEMPOTENCY_KEEP_DAYS = 30, 7
    now = clock.now()
    with time_machine.travel(now - dt.timedelta(days=40), tick=False):
        old = [outbox_enqueue(kind="email", topic="uji", payload={"to": f"a{i}@contoh.id"}) for i in range(4)]
        idempotent("kunci-lama", {"n": 1}, lambda: {"secret": "RAHASIA-LAMA"})
    for message, state in zip(old, ("sent", "failed", "held", "pending"), strict=True):
        OutboxMessage.objects.filter(pk=message.pk).update(state=state)
    with time_machine.travel(now - dt.timedelta(days=2), tick=False):
        fresh = outbox_enqueue(kind="email", topic="uji", payload={"to": "baru@contoh.id"})
        idempotent("kunci-baru", {"n": 2}, lambda: {"secret": "RAHASIA-BARU"})
    OutboxMessage.objects.filter(pk=fresh.pk).update(state="sent")

    _run(django_capture_on_commit_callbacks)

    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {old[3].pk, fresh.pk}
    assert IdempotencyRecord.objects.count() == 1
    assert idempotent("kunci-baru", {"n": 2}, lambda: {"never": "called"})[1] is True
    run = AuditEntry.objects.get(action="retention.run")
    assert (run.data["outbox_messages"], run.data["idempotency_records"]) == (3, 1)


@pytest.mark.django_db
def test_a_backup_from_before_anonymisation_is_unreadable_once_the_master_key_is_rotated_away(
    staff, settings, django_capture_on_commit_callbacks
):
    """A backup taken before the run still holds the wrapped data key, readable while the master key that
    wrapped it exists. After anonymisation, a new master key, `simadu keys rotate` and the old key destroyed,
    that backup can no longer be opened, and the live database still reads every case that was kept."""
    key_a, key_b = bytes(range(32)), bytes(range(50, 82))
    settings.SIMADU_KEY_DIR, settings.SIMADU_MASTER_KEYS_RETIRED = "", []
    settings.SIMADU_MASTER_KEY = base64.b64encode(key_a).decode()
    cases = _plant(staff)["cases"]
    wbs = cases["wbs"]
    backup_key, backup_identity = bytes(wbs.data_key), bytes(wbs.sealed_identity)
    assert identity_of(wbs)["name"] == WBS["name"]

    _run(django_capture_on_commit_callbacks)
    settings.SIMADU_MASTER_KEY = base64.b64encode(key_b).decode()
    settings.SIMADU_MASTER_KEYS_RETIRED = [base64.b64encode(key_a).decode()]
    call_command("keys", "rotate", stdout=io.StringIO(), stderr=io.StringIO())
    settings.SIMADU_MASTER_KEYS_RETIRED = []  # the old key destroyed

    with pytest.raises(crypto.KeyringError):
        crypto.unwrap(backup_key)
    assert backup_identity  # what the backup holds is sealed, and its key is gone
    assert identity_of(Case.objects.get(pk=cases["recent"].pk)) == {"name": "Pelapor-Baru-8402"}
