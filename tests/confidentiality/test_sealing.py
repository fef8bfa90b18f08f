"""Sealed means sealed: what identifies a reporter, and everything a WBS report says, is never at rest in
plain text — not in any column of any table, not in the database file, not in the evidence store, not in
the outbox — and staff read it only through reveal_identity / reveal_content, which ask the policy and
leave an audit entry.

Every marker below is a string that appears nowhere else, so finding it anywhere at rest is a leak.
"""

from __future__ import annotations

import io
import json
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from simadu.accounts.models import User
from simadu.audit.models import AuditEntry
from simadu.cases import services
from simadu.cases.models import Attachment, Case
from simadu.cases.selectors import case_timeline
from simadu.confidentiality.attachments import attachment_read, check_file, read_original
from simadu.confidentiality.sealing import reveal_content, reveal_identity
from simadu.core.errors import PermissionDenied
from simadu.outbox.models import OutboxMessage
from simadu.outbox.services import _payload
from tests.factories import submit

WBS_CONTENT = {
    "title": "Amplop-Judul-WBS-5518 di ruang rapat",
    "text": "Saya melihat gratifikasi: KRONOLOGI-WBS-4471, amplop berisi uang diserahkan penyalur.",
    "reported_party": "Pejabat-Terlapor-9921, Kepala Subbagian",
    "location_detail": "Gedung-Rahasia-5510 lantai 3",
}
WBS_REPORTER = {
    "name": "Pelapor-WBS-Nama-3317",
    "email": "wbs.pelapor.3317@contoh.id",
    "phone": "081377553317",
}
BIASA_REPORTER = {"name": "Pelapor-Biasa-Nama-2208", "email": "biasa.2208@contoh.id", "phone": "081322082208"}
ANONIM_REPORTER = {"email": "anonim.6402@contoh.id", "phone": "081364026402"}
BIASA_TEXT = "Gaji saya belum dibayar tiga bulan, PENANDA-TEKS-BIASA-6060, di PT Contoh Makmur."
WBS_MESSAGE = "Saya punya foto tambahan TAMBAHAN-WBS-7712 dari hari itu."
WBS_NOTE = "Telaah awal CATATAN-WBS-6623: saksi dua orang."
EVIDENCE_MARKER = b"GPS-DAN-NAMA-DI-BUKTI-8841"

SEALED_MARKERS = [
    *WBS_CONTENT.values(),
    *WBS_REPORTER.values(),
    *BIASA_REPORTER.values(),
    *ANONIM_REPORTER.values(),
    WBS_MESSAGE,
    WBS_NOTE,
    "KRONOLOGI-WBS-4471",
    "Pejabat-Terlapor-9921",
    "TAMBAHAN-WBS-7712",
    "CATATAN-WBS-6623",
    "foto-bukti-3317",
    EVIDENCE_MARKER.decode(),
]
PLAIN_BY_DESIGN = "PENANDA-TEKS-BIASA-6060"  # a normal report's text is a plain column: the dump must find it


def _png(extra: bytes) -> bytes:
    """A small valid PNG with `extra` in a text chunk, as a phone's photo carries its metadata."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"tEXt", b"Comment\x00" + extra)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


EVIDENCE = _png(EVIDENCE_MARKER)


def _file_reports(staff: dict[str, User]) -> dict[str, Case]:
    """A WBS report with identity, evidence, a reporter's message and a staff note; a normal named report;
    an anonymous report with contact details."""
    evidence = check_file("foto-bukti-3317.png", io.BytesIO(EVIDENCE))
    wbs, _ = submit(channel="wbs", **WBS_CONTENT, **WBS_REPORTER)
    services.case_reporter_message(case=wbs, text=WBS_MESSAGE, files=[evidence])
    services.case_add_note(case=wbs, actor=staff["verifier_wbs"], text=WBS_NOTE)
    biasa, _ = submit(BIASA_TEXT, **BIASA_REPORTER)
    services.case_reporter_message(case=biasa, text="Bukti slip gaji terlampir.", files=[evidence])
    anonim, _ = submit("Upah lembur saya tidak dibayar sejak Januari.", anonymous=True, **ANONIM_REPORTER)
    return {"wbs": wbs, "biasa": biasa, "anonim": anonim}


def as_bytes(value: Any) -> bytes:
    """A column's value as the bytes a database thief would search."""
    if value is None:
        return b""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str).encode()
    return str(value).encode()


def _every_row_of_every_table() -> tuple[list[str], bytes]:
    """Every value of every row of every table, as raw as the driver gives it, lower-cased."""
    chunks = []
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608  # names from introspection
            chunks.extend(as_bytes(value) for row in cursor.fetchall() for value in row)
    return tables, b"\x00".join(chunks).lower()


def _leaks(haystack: bytes) -> list[str]:
    return [marker for marker in SEALED_MARKERS if marker.lower().encode() in haystack.lower()]


@pytest.mark.django_db
def test_no_sealed_value_is_in_plain_text_in_any_column_of_any_table(staff):
    """Given a WBS report, a normal named report and an anonymous one, with messages, notes, evidence and
    queued e-mails, when every row of every table is read raw, none of the sealed values appears in it —
    while the normal report's text, a plain column by design, does (so the reading sees the data)."""
    reports = _file_reports(staff)

    tables, everything = _every_row_of_every_table()

    assert {
        "cases_case",
        "cases_caseevent",
        "cases_attachment",
        "audit_auditentry",
        "outbox_outboxmessage",
    } <= set(tables)
    assert PLAIN_BY_DESIGN.lower().encode() in everything
    assert reports["wbs"].tracking_id.lower().encode() in everything
    assert OutboxMessage.objects.count() >= 2  # the named and the anonymous reporter left an e-mail
    assert _leaks(everything) == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads the SQLite database file")
@pytest.mark.django_db(transaction=True)
def test_no_sealed_value_is_in_the_sqlite_database_file(staff):
    """Given the same reports committed, when the write-ahead log is checkpointed and the database file
    itself is read byte by byte, none of the sealed values is in it."""
    _file_reports(staff)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    name = Path(connection.settings_dict["NAME"])
    files = [name, name.with_name(name.name + "-wal")]

    raw = b"".join(path.read_bytes() for path in files if path.exists())

    assert PLAIN_BY_DESIGN.encode() in raw
    assert _leaks(raw) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's data files")
@pytest.mark.django_db(transaction=True)
def test_no_sealed_value_is_in_the_postgresql_data_files(staff):
    """Given the same reports committed, when PostgreSQL checkpoints and the files of the case, event,
    attachment and outbox tables (with their TOAST tables) are read byte by byte, no sealed value is in them."""
    _file_reports(staff)
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            pytest.skip("reading data files needs a superuser")
        cursor.execute("CHECKPOINT")
        cursor.execute(
            """
            SELECT pg_relation_filepath(c.oid) FROM pg_class c
            WHERE c.relname = ANY(%s)
            UNION
            SELECT pg_relation_filepath(c.reltoastrelid) FROM pg_class c
            WHERE c.relname = ANY(%s) AND c.reltoastrelid <> 0
            """,
            [["cases_case", "cases_caseevent", "cases_attachment", "outbox_outboxmessage"]] * 2,
        )
        paths = [row[0] for row in cursor.fetchall() if row[0]]
        chunks = []
        for path in paths:
            cursor.execute("SELECT pg_read_binary_file(%s)", [path])
            chunks.append(bytes(cursor.fetchone()[0]))
    raw = b"".join(chunks)

    assert PLAIN_BY_DESIGN.encode() in raw
    assert _leaks(raw) == []


@pytest.mark.django_db
def test_the_wbs_team_reads_the_sealed_report_and_each_read_is_audited(staff):
    """Given a WBS report, when a WBS-team verifier opens its content and its reporter's identity, they get
    back exactly what was sent, and the audit log gains one content_read and one identity_read in their name."""
    wbs = _file_reports(staff)["wbs"]
    member = staff["verifier_wbs"]
    wbs.refresh_from_db()
    assert (wbs.title, wbs.text, wbs.reported_party, wbs.location_detail) == ("", "", "", "")

    content = reveal_content(actor=member, case=wbs)
    identity = reveal_identity(actor=member, case=wbs)

    assert content == WBS_CONTENT
    assert identity == WBS_REPORTER
    reads = AuditEntry.objects.filter(object_id=wbs.tracking_id, action__endswith="_read")
    assert [(e.action, e.actor) for e in reads] == [
        ("case.content_read", f"user:{member.pk}"),
        ("case.identity_read", f"user:{member.pk}"),
    ]


@pytest.mark.django_db
def test_every_read_of_a_sealed_report_leaves_its_own_audit_entry(staff):
    """Given a WBS report opened three times by two team members, the audit log holds three reads, each
    naming who read it."""
    wbs = _file_reports(staff)["wbs"]
    readers = [staff["verifier_wbs"], staff["auditor_wbs"], staff["verifier_wbs"]]

    for reader in readers:
        reveal_content(actor=reader, case=wbs)

    reads = AuditEntry.objects.filter(object_id=wbs.tracking_id, action="case.content_read")
    assert [e.actor for e in reads] == [f"user:{r.pk}" for r in readers]


@pytest.mark.django_db
def test_an_anonymous_reporters_contact_is_read_only_by_a_verifier_and_the_read_is_audited(staff):
    """Given an anonymous report with contact details, a verifier can reveal them, and the audit log says so."""
    anonim = _file_reports(staff)["anonim"]

    identity = reveal_identity(actor=staff["verifier"], case=anonim)

    assert identity == ANONIM_REPORTER
    entry = AuditEntry.objects.get(object_id=anonim.tracking_id, action="case.identity_read")
    assert entry.actor == f"user:{staff['verifier'].pk}"


@pytest.mark.django_db
def test_a_named_reporters_identity_is_sealed_at_rest_but_readable_by_the_handlers(staff):
    """Given a normal named report, its identity is sealed in the database, and the verifier handling it
    reads the name, e-mail and phone the reporter gave."""
    biasa = _file_reports(staff)["biasa"]
    biasa.refresh_from_db()
    assert biasa.sealed_identity
    assert BIASA_REPORTER["name"].encode() not in bytes(biasa.sealed_identity)

    assert reveal_identity(actor=staff["verifier"], case=biasa) == BIASA_REPORTER
    assert reveal_content(actor=staff["verifier"], case=biasa)["text"] == BIASA_TEXT


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "report", "reveal"),
    [
        ("verifier", "wbs", reveal_content),  # not on the WBS team
        ("verifier", "wbs", reveal_identity),
        ("leader_itjen", "wbs", reveal_content),
        ("auditor", "wbs", reveal_identity),
        ("leader_itjen", "anonim", reveal_identity),  # anonim: Itjen intake only
        ("auditor_wbs", "anonim", reveal_identity),  # not supervisory: the auditor does not even see it
        ("officer_phi", "anonim", reveal_identity),  # not assigned yet
        ("officer_phi", "biasa", reveal_identity),
        ("admin", "biasa", reveal_identity),
        ("admin", "wbs", reveal_content),
    ],
)
def test_someone_not_allowed_gets_permission_denied_and_no_data(
    who: str, report: str, reveal: Callable[..., dict[str, str]], staff: dict[str, User]
):
    """Given a sealed report, when someone the policy does not allow asks to reveal it, the answer is
    PermissionDenied, and no read is recorded (nothing was read)."""
    case = _file_reports(staff)[report]
    reads_before = AuditEntry.objects.filter(action__endswith="_read").count()

    with pytest.raises(PermissionDenied):
        reveal(actor=staff[who], case=case)

    assert AuditEntry.objects.filter(action__endswith="_read").count() == reads_before


@pytest.mark.django_db
def test_wbs_timeline_bodies_are_sealed_and_read_back_for_the_team(staff):
    """Given a WBS report with a reporter's message and an internal note, the event rows hold no body in
    plain text, and the team's timeline shows both texts."""
    wbs = _file_reports(staff)["wbs"]

    assert not wbs.events.exclude(body="").exists()
    bodies = [item.body for item in case_timeline(case=wbs)]
    assert WBS_MESSAGE in bodies
    assert WBS_NOTE in bodies


@pytest.mark.django_db
@pytest.mark.parametrize("report", ["wbs", "biasa"])
def test_evidence_is_stored_encrypted_and_read_back_whole(report, staff, media_root):
    """Given evidence attached to a report, neither file in the media store (the sanitised copy, the sealed
    original) holds the photo's bytes, its metadata or a PNG header; an allowed member of staff downloads
    the photo under its original name without its metadata, and the original comes back byte for byte."""
    case = _file_reports(staff)[report]
    attachment = Attachment.objects.get(case=case)
    stored = (media_root / attachment.storage_name).read_bytes()
    stored_original = (media_root / attachment.original_storage_name).read_bytes()
    reader = staff["verifier_wbs"] if report == "wbs" else staff["verifier"]

    name, content_type, data = attachment_read(actor=reader, case=case, attachment=attachment)

    for blob in (stored, stored_original):
        assert blob
        assert EVIDENCE_MARKER not in blob
        assert b"PNG" not in blob
    assert "3317" not in attachment.storage_name + attachment.original_storage_name
    assert (name, content_type) == ("foto-bukti-3317.png", "image/png")
    assert data.startswith(b"\x89PNG")
    assert EVIDENCE_MARKER not in data
    assert read_original(case, attachment) == EVIDENCE
    assert attachment.size == len(data)


@pytest.mark.django_db
def test_downloading_wbs_evidence_is_audited_and_refused_outside_the_team(staff):
    """Given evidence on a WBS report, a team member's download leaves an attachment_read entry; a verifier
    outside the team is refused."""
    wbs = _file_reports(staff)["wbs"]
    attachment = Attachment.objects.get(case=wbs)

    attachment_read(actor=staff["auditor_wbs"], case=wbs, attachment=attachment)
    with pytest.raises(PermissionDenied):
        attachment_read(actor=staff["verifier"], case=wbs, attachment=attachment)

    entry = AuditEntry.objects.get(object_id=wbs.tracking_id, action="case.attachment_read")
    assert (entry.actor, entry.data) == (f"user:{staff['auditor_wbs'].pk}", {"attachment": attachment.pk})


@pytest.mark.django_db
def test_evidence_of_one_case_cannot_be_read_through_another(staff):
    """Given two reports with evidence, a verifier cannot fetch one report's file through the other report."""
    reports = _file_reports(staff)
    other_file = Attachment.objects.get(case=reports["biasa"])

    with pytest.raises(PermissionDenied):
        attachment_read(actor=staff["verifier"], case=reports["anonim"], attachment=other_file)


@pytest.mark.django_db
def test_the_outbox_keeps_the_reporters_address_sealed(staff):
    """Given a named report, the receipt e-mail queued for the reporter holds the address and subject only
    in its sealed payload: the row's bytes do not contain them, the unsealed payload does."""
    biasa = _file_reports(staff)["biasa"]
    mine = [
        m
        for m in OutboxMessage.objects.filter(topic="case.received")
        if biasa.tracking_id in _payload(m)["subject"]
    ]
    assert len(mine) == 1
    message = mine[0]
    row = b"".join(
        as_bytes(v) for v in OutboxMessage.objects.filter(pk=message.pk).values_list().get()
    ).lower()

    unsealed = _payload(message)

    assert unsealed["to"] == BIASA_REPORTER["email"]
    assert biasa.tracking_id in unsealed["subject"]
    assert BIASA_REPORTER["email"].encode() not in row
    assert biasa.tracking_id.lower().encode() not in row


@pytest.mark.django_db
def test_every_read_of_a_named_reporters_identity_is_audited_too(staff):
    """Biasa reports show the identity to handling staff, but each reveal is still on the record."""
    case, _ = services_submit_named()
    before = AuditEntry.objects.filter(action="case.identity_read").count()

    identity = reveal_identity(actor=staff["verifier"], case=case)

    assert identity["name"] == "Wahyu Prasetyo"
    assert AuditEntry.objects.filter(action="case.identity_read").count() == before + 1


def services_submit_named() -> tuple[Case, str]:
    from tests.factories import submit

    return submit(name="Wahyu Prasetyo", email="wahyu@example.org")
