"""`simadu mailgate`: one e-mail on stdin becomes a new report, or the reporter's message on the report it
replies to; the same message twice files nothing new; a stranger's reply and garbage are refused."""

from __future__ import annotations

import io
import re
import sys
from email.message import EmailMessage

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from simadu.cases.models import Case, CaseEvent
from simadu.confidentiality.sealing import event_body, identity_of
from simadu.core import ids
from simadu.outbox.models import InboundMail, OutboxMessage
from simadu.outbox.services import _payload
from tests.factories import submit

EMAIL = "rina.semarang@contoh.id"
STORY = "THR saya belum dibayar oleh PT Sinar Jaya di Semarang sejak Lebaran."


def _mail(
    *,
    sender: str = f"Rina <{EMAIL}>",
    subject: str = "THR belum dibayar",
    text: str | None = STORY,
    html: str | None = None,
    message_id: str = "<rina-1@mail.contoh.id>",
    in_reply_to: str = "",
    files: tuple[tuple[str, str, bytes], ...] = (),
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "pengaduan@itjen.contoh.go.id"
    message["Subject"] = subject
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    if text is not None:
        message.set_content(text)
    if html is not None:
        if text is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    for name, mime, data in files:
        maintype, subtype = mime.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(message)


def _gate(raw: bytes, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the command as an MTA's pipe does: the e-mail on stdin; returns what it printed."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    out = io.StringIO()
    call_command("mailgate", stdout=out)
    return out.getvalue().strip()


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 200, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_an_e_mail_becomes_a_report_and_the_sender_gets_the_tracking_id_and_secret(monkeypatch):
    """A new e-mail is filed as a report (source e-mail, the sender's address as contact, Subject as title,
    the text as story); the command prints its tracking id; the receipt goes back to that mailbox, threaded
    onto the sender's e-mail, with the tracking id and a secret that opens the report."""
    tracking_id = _gate(_mail(), monkeypatch)

    case = Case.objects.get(tracking_id=tracking_id)
    assert (case.source, case.title, case.has_contact) == ("email", "THR belum dibayar", True)
    assert case.text.strip() == STORY
    assert identity_of(case) == {"name": "Rina", "email": EMAIL}
    (receipt,) = OutboxMessage.objects.filter(case=case)
    data = _payload(receipt)
    assert (receipt.topic, data["to"]) == ("case.received_by_email", EMAIL)
    assert data["headers"]["In-Reply-To"] == "<rina-1@mail.contoh.id>"
    secret = re.search(r"Kode rahasia: (\S+)", data["body"]).group(1)  # type: ignore[union-attr]
    assert ids.hash_secret(secret) == case.secret_hash
    assert tracking_id in data["body"]
    assert "Sinar Jaya" not in data["body"]
    assert InboundMail.objects.get(message_id="<rina-1@mail.contoh.id>").outcome == "new_report"


@pytest.mark.django_db
def test_the_same_e_mail_delivered_twice_files_one_report_and_prints_the_same_tracking_id(monkeypatch):
    first = _gate(_mail(), monkeypatch)
    second = _gate(_mail(), monkeypatch)
    assert first == second
    assert Case.objects.count() == 1
    assert OutboxMessage.objects.count() == 1  # one receipt


@pytest.mark.django_db
def test_an_html_only_e_mail_is_filed_as_plain_text(monkeypatch):
    html = (
        "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
        "<p>THR saya belum dibayar oleh <b>PT Sinar Jaya</b> di Semarang.</p><p>Sudah 2 bulan &amp; belum ada kabar.</p>"
        "</body></html>"
    )
    case = Case.objects.get(tracking_id=_gate(_mail(text=None, html=html), monkeypatch))
    assert "THR saya belum dibayar oleh PT Sinar Jaya di Semarang." in case.text
    assert "Sudah 2 bulan & belum ada kabar." in case.text
    for markup in ("<", "alert", "color:red"):
        assert markup not in case.text


@pytest.mark.django_db
def test_the_reporters_reply_lands_on_their_report_with_its_allowed_attachments(monkeypatch):
    """A reply to a SIMADU e-mail, from the reporter's own address, becomes their message on that case
    (without the quoted e-mail below it); a picture is kept (checked and stripped like an upload), a
    program is refused and the refusal is noted for staff."""
    case, _ = submit(STORY, email=EMAIL)
    ours = OutboxMessage.objects.get(case=case, topic="case.received").message_id
    assert ours
    reply = "Ini foto slip gaji saya.\n\nPada 2 Maret 2026, SIMADU menulis:\n> Yth. Pelapor,\n> Laporan Anda"
    raw = _mail(
        sender=f"<{EMAIL.upper()}>",
        subject="Re: [SIMADU] Laporan",
        text=reply,
        message_id="<rina-2@mail.contoh.id>",
        in_reply_to=ours,
        files=(
            ("slip.png", "image/png", _png()),
            ("virus.exe", "application/octet-stream", b"MZ\x90\x00" * 50),
        ),
    )

    assert _gate(raw, monkeypatch) == case.tracking_id
    assert Case.objects.count() == 1
    event = CaseEvent.objects.get(case=case, kind=CaseEvent.Kind.REPORTER_MESSAGE)
    body = event_body(case, event)
    assert body.startswith("Ini foto slip gaji saya.")
    assert "> Yth. Pelapor" not in body
    assert "virus.exe" in body  # the note for staff: which file was not taken
    assert [a.content_type for a in case.attachments.all()] == ["image/png"]
    assert InboundMail.objects.get(message_id="<rina-2@mail.contoh.id>").outcome == "reply"


@pytest.mark.django_db
def test_a_reply_from_another_address_is_refused_and_files_nothing(monkeypatch):
    """Someone who got a SIMADU e-mail forwarded cannot write into that report: refused (exit 77) with a
    one-line reason; no message on the case, no new report; delivered again, refused again."""
    case, _ = submit(STORY, email=EMAIL)
    ours = OutboxMessage.objects.get(case=case, topic="case.received").message_id
    raw = _mail(
        sender="orang.lain@contoh.id", text="Saya ikut menambahkan.", message_id="<x-1@a>", in_reply_to=ours
    )

    for says in ("tidak dikirim dari alamat pelapor laporan itu", "sudah ditolak sebelumnya"):
        with pytest.raises(CommandError) as refused:
            _gate(raw, monkeypatch)
        assert refused.value.returncode == 77
        assert "\n" not in str(refused.value)
        assert says in str(refused.value)
    assert Case.objects.count() == 1
    assert not CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.REPORTER_MESSAGE).exists()
    assert InboundMail.objects.get(message_id="<x-1@a>").outcome == "refused"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"", "Masukan kosong"),
        (b"\x00\x01\x02 ini bukan e-mail \xff\xfe", "tidak ada baris kepala"),
        (b"Subject: tanpa pengirim\n\nIsi pesan yang cukup panjang.\n", "From"),
        (b"From: bukan-alamat\nSubject: x\n\nIsi pesan yang cukup panjang.\n", "From"),
    ],
    ids=["empty", "binary", "no-from", "bad-from"],
)
def test_input_that_is_not_a_readable_e_mail_exits_65_with_one_line(raw, says, monkeypatch):
    with pytest.raises(CommandError) as unreadable:
        _gate(raw, monkeypatch)
    assert unreadable.value.returncode == 65
    assert says in str(unreadable.value)
    assert "\n" not in str(unreadable.value)
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_an_e_mail_too_short_to_be_a_report_is_refused_with_the_reason(monkeypatch):
    with pytest.raises(CommandError) as refused:
        _gate(_mail(text="Halo", message_id="<short@a>"), monkeypatch)
    assert refused.value.returncode == 77
    assert "10" in str(refused.value)
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_nul_bytes_in_an_e_mail_are_dropped_so_the_report_is_filed_on_every_database(monkeypatch):
    """A NUL byte is legal in a mail's bytes but refused by PostgreSQL's text columns: the report is filed
    without it instead of the gate crashing with a traceback the MTA cannot turn into a bounce."""
    raw = (
        b"From: Rina <" + EMAIL.encode() + b">\r\nSubject: THR\x00 belum dibayar\r\n"
        b"Message-ID: <nul-\x001@mail.contoh.id>\r\n\r\n"
        b"THR saya belum\x00 dibayar oleh PT Sinar Jaya di Semarang sejak Lebaran.\r\n"
    )

    tracking_id = _gate(raw, monkeypatch)

    case = Case.objects.get(tracking_id=tracking_id)
    assert "\x00" not in case.title + case.text
    assert "dibayar oleh PT Sinar Jaya" in case.text
