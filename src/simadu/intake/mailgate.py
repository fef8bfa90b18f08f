"""The e-mail door: one RFC 822 message, as an MTA's pipe delivers it, filed as a report or as a reply.

- A reply: its In-Reply-To / References name the Message-ID of an e-mail SIMADU sent to the reporter
  of a case, AND its From is that reporter's (sealed) address. Its text, and the attachments that
  pass the same checks as an upload, become the reporter's message on that case.
- A reply to one of our e-mails from any other address is refused: a forwarded notification must not
  let a stranger write into someone's report. The sender is told to write a new e-mail instead.
- Anything else is a new report, filed through intake like the portal's (source `email`): the From
  address is the reporter's e-mail, the Subject the title, the plain text (or the HTML turned into
  text) the story. The receipt goes back to that mailbox with the tracking id AND the secret: the
  sender owns that mailbox, and has no other way to learn the secret.

Every message taken is remembered by its Message-ID (`InboundMail`): the same message delivered
twice files nothing the second time and answers the same tracking id.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
from dataclasses import dataclass
from email import policy as email_policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from simadu.cases import notifications
from simadu.cases.models import Case
from simadu.cases.services import case_reporter_message
from simadu.confidentiality.attachments import MAX_FILES, CheckedFile, check_file
from simadu.confidentiality.sealing import identity_of
from simadu.core import clock
from simadu.core.errors import DomainError
from simadu.intake.services import TEXT_MAX, TITLE_MAX, report_submit, validate_submission
from simadu.outbox.models import InboundMail, OutboxMessage

MAX_BYTES = 40 * 2**20  # an e-mail larger than this is not read (attachments are capped apart)
NEW_REPORT, REPLY, REFUSED = "new_report", "reply", "refused"
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


class Unreadable(Exception):
    """The input is not an e-mail SIMADU can file; the message is one line (Indonesian: the MTA's bounce
    reaches the sender)."""


class Refused(Exception):
    """A readable e-mail that is not filed; the message is one line, for the MTA's bounce."""


@dataclass(frozen=True)
class Filed:
    tracking_id: str
    outcome: str  # new_report | reply
    repeated: bool  # the same Message-ID was taken before: nothing new was filed


# ---- reading the message -----------------------------------------------------------------------------


class _Text(HTMLParser):
    """HTML to plain text: the words, with a line break where a block ends; no script or style."""

    BLOCK = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "title"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _content(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, AssertionError, KeyError):  # an unknown or lying charset
        raw = part.get_payload(decode=True)
        content = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw or "")
    return content if isinstance(content, str) else ""


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = _content(part)  # type: ignore[arg-type]
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    return text.replace("\r\n", "\n").strip()


_QUOTE_INTRO = re.compile(r"^(on|pada)\b.*(wrote|menulis)\s*:?\s*$", re.IGNORECASE)


def without_quoted_reply(text: str) -> str:
    """A reply's own words: the quoted e-mail below it (lines starting with '>', and the 'On … wrote:'
    line before them) is ours, already on the case."""
    lines = text.splitlines()
    kept = [line for line in lines if not line.lstrip().startswith(">")]
    while kept and (not kept[-1].strip() or _QUOTE_INTRO.match(kept[-1].strip())):
        kept.pop()
    return "\n".join(kept).strip() or text.strip()


def _attachments(message: EmailMessage) -> tuple[list[CheckedFile], list[str]]:
    """The files that pass the upload checks (metadata stripped), and a plain note per file refused."""
    accepted: list[CheckedFile] = []
    notes: list[str] = []
    for part in message.iter_attachments():
        name = part.get_filename() or "lampiran"
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes) or not data:
            continue
        if len(accepted) >= MAX_FILES:
            notes.append(
                _("Lampiran %(name)s tidak disimpan: paling banyak %(n)s berkas.")
                % {"name": name, "n": MAX_FILES}
            )
            continue
        try:
            accepted.append(check_file(name, io.BytesIO(data)))
        except DomainError as exc:
            notes.append(str(exc.message))
    return accepted, notes


@dataclass(frozen=True)
class Mail:
    message_id: str
    sender: str
    sender_name: str
    subject: str
    text: str
    refers_to: tuple[str, ...]
    message: EmailMessage


def read_mail(raw: bytes) -> Mail:
    """Parse one e-mail; Unreadable (one line) when it has no sender or no words and no files."""
    if not raw.strip():
        raise Unreadable(_("Masukan kosong: kirim satu e-mail (RFC 822) lewat stdin."))
    if len(raw) > MAX_BYTES:
        raise Unreadable(_("E-mail lebih besar dari %(mb)s MiB.") % {"mb": MAX_BYTES // 2**20})
    try:
        message = BytesParser(policy=email_policy.default).parsebytes(raw)
        if not isinstance(message, EmailMessage):  # the default policy always makes one
            raise TypeError(type(message).__name__)
        senders = getaddresses([str(v) for v in message.get_all("From") or []])
    except Exception as exc:  # the parser is lenient; what still breaks it is not an e-mail
        raise Unreadable(_("Bukan e-mail RFC 822 (%(error)s).") % {"error": type(exc).__name__}) from None
    if not message.keys():
        raise Unreadable(_("Bukan e-mail RFC 822: tidak ada baris kepala (header)."))
    addresses = [(name, addr.strip()) for name, addr in senders if addr.strip()]
    if len(addresses) != 1:
        raise Unreadable(_("Kepala From tidak berisi tepat satu alamat pengirim."))
    name, sender = addresses[0]
    try:
        validate_email(sender)
    except ValidationError:
        raise Unreadable(_("Kepala From tidak berisi alamat e-mail yang sah.")) from None
    try:
        subject = " ".join(str(message.get("Subject", "")).split())
        text = _body(message)
    except Exception as exc:
        raise Unreadable(
            _("Isi e-mail tidak dapat dibaca (%(error)s).") % {"error": type(exc).__name__}
        ) from None
    message_id = " ".join(str(message.get("Message-ID", "")).split())
    ids = _MESSAGE_ID.findall(message_id)
    # Without a usable Message-ID, the same bytes delivered twice still file once.
    message_id = ids[0] if ids else f"<sha256.{hashlib.sha256(raw).hexdigest()}@simadu.mailgate>"
    refers = " ".join(str(message.get(h, "")) for h in ("In-Reply-To", "References"))
    return Mail(
        message_id=_without_nul(message_id)[:300],
        sender=_without_nul(sender),
        sender_name=_without_nul(" ".join(name.split()))[:150],
        subject=_without_nul(subject),
        text=_without_nul(text),
        refers_to=tuple(dict.fromkeys(_MESSAGE_ID.findall(_without_nul(refers)))),
        message=message,
    )


def _without_nul(value: str) -> str:
    """NUL bytes are legal in a mail's bytes but not in a PostgreSQL text column: drop them."""
    return value.replace("\x00", "")


# ---- filing it ---------------------------------------------------------------------------------------


def _replied_case(mail: Mail) -> Case | None:
    """The case whose reporter got one of the e-mails this one replies to, if any."""
    if not mail.refers_to:
        return None
    sent = (
        OutboxMessage.objects.filter(
            message_id__in=mail.refers_to, case__isnull=False, topic__in=notifications.REPORTER_TOPICS
        )
        .select_related("case")
        .order_by("-created_at")
        .first()
    )
    return sent.case if sent else None


def _same_address(a: str, b: str) -> bool:
    try:
        left, right = Address(addr_spec=a.strip()), Address(addr_spec=b.strip())
    except (ValueError, IndexError):
        return a.strip().lower() == b.strip().lower()
    return (left.username.lower(), left.domain.lower()) == (right.username.lower(), right.domain.lower())


def _with_notes(text: str, notes: list[str]) -> str:
    if not notes:
        return text
    return "\n\n".join([text, _("Catatan SIMADU tentang lampiran e-mail ini:"), *notes]).strip()


def _remember(mail: Mail, case: Case | None, outcome: str) -> None:
    InboundMail.objects.create(
        message_id=mail.message_id, received_at=clock.now(), case=case, outcome=outcome
    )


def _previous(mail: Mail) -> Filed | None:
    seen = InboundMail.objects.filter(message_id=mail.message_id).select_related("case").first()
    if seen is None:
        return None
    if seen.outcome == REFUSED or seen.case is None:
        raise Refused(
            _(
                "E-mail ini (Message-ID yang sama) sudah ditolak sebelumnya. Kirim e-mail baru untuk membuat "
                "laporan baru."
            )
        )
    return Filed(seen.case.tracking_id, seen.outcome, repeated=True)


def _file_reply(mail: Mail, case: Case) -> Filed:
    files, notes = _attachments(mail.message)
    text = _with_notes(without_quoted_reply(mail.text), notes)[:TEXT_MAX]
    try:
        case_reporter_message(case=case, text=text, files=files)
    except DomainError as exc:
        raise Refused(
            _(
                "Laporan %(id)s tidak dapat menerima pesan ini: %(reason)s Kirim e-mail baru (bukan balasan) "
                "untuk membuat laporan baru."
            )
            % {"id": case.tracking_id, "reason": exc.message}
        ) from None
    _remember(mail, case, REPLY)
    return Filed(case.tracking_id, REPLY, repeated=False)


def _file_report(mail: Mail) -> Filed:
    files, notes = _attachments(mail.message)
    text = _with_notes(mail.text, notes)
    if len(text) > TEXT_MAX:
        text = text[: TEXT_MAX - 60].rstrip() + "\n\n" + _("[Sisa e-mail terpotong karena terlalu panjang.]")
    try:
        submission = validate_submission(
            {
                "title": mail.subject[:TITLE_MAX],
                "text": text,
                "reporter": {"name": mail.sender_name, "email": mail.sender},
                "source": "email",
            }
        )
        case, secret = report_submit(submission=submission, files=files)
    except DomainError as exc:
        raise Refused(_("Laporan tidak dapat dicatat: %(reason)s") % {"reason": exc.message}) from None
    notifications.notify_reporter_receipt_by_email(
        case=case, email=mail.sender, secret=secret, in_reply_to=mail.message_id
    )
    _remember(mail, case, NEW_REPORT)
    return Filed(case.tracking_id, NEW_REPORT, repeated=False)


def mailgate_take(raw: bytes) -> Filed:
    """File one e-mail (see the module's doc); Unreadable / Refused with a one-line reason otherwise."""
    mail = read_mail(raw)
    try:
        with transaction.atomic():
            previous = _previous(mail)
            if previous is not None:
                return previous
            case = _replied_case(mail)
            if case is not None:
                reporter = identity_of(case).get("email", "")
                if not reporter or not _same_address(reporter, mail.sender):
                    raise Refused(
                        _(
                            "E-mail ini membalas pesan SIMADU, tetapi tidak dikirim dari alamat pelapor laporan "
                            "itu. Kirim e-mail baru (bukan balasan) untuk membuat laporan baru."
                        )
                    )
                return _file_reply(mail, case)
            return _file_report(mail)
    except Refused:
        _remember_refusal(mail)
        raise
    except IntegrityError:
        # The same message delivered twice at once: the other delivery filed it.
        previous = _previous(mail)
        if previous is None:
            raise
        return previous


def _remember_refusal(mail: Mail) -> None:
    try:
        with transaction.atomic():
            if not InboundMail.objects.filter(message_id=mail.message_id).exists():
                _remember(mail, None, REFUSED)
    except IntegrityError:
        pass
