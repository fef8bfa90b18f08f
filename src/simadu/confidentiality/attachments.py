"""Evidence files: checked by content, stored encrypted, read only through the policy.

A file is accepted only when its bytes are one of the allowed types *and* its name
says the same type (a disguised file is refused). HTML, SVG and scripts are never
allowed. Each file is rebuilt without its metadata (GPS position, camera, authors: see
metadata.py) when it is checked, so a file that cannot be rebuilt is refused before
anything of the report is saved. Staff read the sanitised copy; the untouched original
is kept too, sealed apart, for a break-glass read. Both are stored under random names,
encrypted with the case's data key.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import IO, Any

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from simadu.cases.models import Attachment, Case, CaseEvent
from simadu.confidentiality.metadata import sanitise
from simadu.confidentiality.policy import can
from simadu.confidentiality.sealing import ATTACHMENT, FILENAME, case_key, erased
from simadu.core import clock, crypto
from simadu.core.errors import InvalidInput, NotFound, PermissionDenied

# mime type: extensions a file of that type may carry
ALLOWED: dict[str, tuple[str, ...]] = {
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "image/webp": (".webp",),
    "application/pdf": (".pdf",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (".xlsx",),
    "audio/mpeg": (".mp3",),
    "audio/mp4": (".m4a",),
    "video/mp4": (".mp4",),
}
MAX_FILES = 5
# The original is sealed under its own context, so a sanitised copy's blob can never be
# passed off as the original (or the other way round) by swapping storage names.
ORIGINAL = b"attachment-original"


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    data: bytes  # what staff read: the sanitised copy once `sanitised`
    original: bytes | None = None  # the bytes as uploaded, when sanitising changed them
    stripped: tuple[str, ...] = ()
    sanitised: bool = False


def check_file(name: str, stream: IO[bytes] | Any) -> CheckedFile:
    """Read and check one upload; InvalidInput (field `files`) says why in plain words."""
    limit = settings.SIMADU_MAX_UPLOAD_BYTES
    data = stream.read(limit + 1)
    clean_name = (name or "berkas").replace("\\", "/").rsplit("/", 1)[-1][:150]
    if len(data) > limit:
        raise InvalidInput(
            _("Berkas %(name)s terlalu besar. Batasnya %(mb)s MB.")
            % {"name": clean_name, "mb": limit // 2**20},
            code="file_too_large",
            field="files",
        )
    if not data:
        raise InvalidInput(
            _("Berkas %(name)s kosong.") % {"name": clean_name}, code="file_empty", field="files"
        )
    kind = filetype.guess(data)
    ext = "." + clean_name.rsplit(".", 1)[-1].lower() if "." in clean_name else ""
    if kind is None or kind.mime not in ALLOWED or ext not in ALLOWED[kind.mime]:
        raise InvalidInput(
            _(
                "Berkas %(name)s tidak dapat diterima. Kirim foto (JPG, PNG), PDF, dokumen Word/Excel, atau rekaman "
                "suara/video (MP3, M4A, MP4)."
            )
            % {"name": clean_name},
            code="file_type_not_allowed",
            field="files",
        )
    return _sanitised(CheckedFile(clean_name, kind.mime, data))


def _sanitised(checked: CheckedFile) -> CheckedFile:
    """The file with its metadata stripped; InvalidInput (field `files`) when it cannot be read as its type."""
    if checked.sanitised:
        return checked
    clean = sanitise(checked.content_type, checked.data, name=checked.name)
    return CheckedFile(
        checked.name,
        checked.content_type,
        clean.data,
        original=checked.data if clean.data != checked.data else None,
        stripped=tuple(clean.stripped),
        sanitised=True,
    )


def attachment_store(
    *,
    case: Case,
    checked: CheckedFile,
    event: CaseEvent | None,
    from_reporter: bool,
    key: bytes | None = None,
) -> Attachment:
    """Store the sanitised copy, and the untouched original apart when they differ.

    Files built in code rather than uploaded (CheckedFile made by hand) are sanitised here; uploads
    were sanitised by check_file, before the report was saved.
    """
    checked = _sanitised(checked)
    key = key or case_key(case)
    storage_name = _save(key, checked.data, ATTACHMENT)
    original_storage_name = _save(key, checked.original, ORIGINAL) if checked.original is not None else ""
    return Attachment.objects.create(
        case=case,
        event=event,
        storage_name=storage_name,
        original_storage_name=original_storage_name,
        stripped=list(checked.stripped),
        sealed_name=crypto.seal(key, checked.name.encode(), context=FILENAME),
        content_type=checked.content_type,
        size=len(checked.data),
        from_reporter=from_reporter,
        uploaded_at=clock.now(),
    )


def _save(key: bytes, data: bytes, context: bytes) -> str:
    name = f"evidence/{secrets.token_hex(16)}.bin"
    return default_storage.save(name, ContentFile(crypto.seal(key, data, context=context)))


def _load(key: bytes, name: str, context: bytes) -> bytes:
    with default_storage.open(name, "rb") as f:
        return crypto.unseal(key, f.read(), context=context)


def attachment_name(case: Case, attachment: Attachment, key: bytes | None = None) -> str:
    if erased(case):  # anonymised: the name went with the data key (the files were deleted too)
        return ""
    return crypto.unseal(key or case_key(case), bytes(attachment.sealed_name), context=FILENAME).decode()


def attachment_read(*, actor: Any, case: Case, attachment: Attachment) -> tuple[str, str, bytes]:
    """(file name, content type, bytes) for a staff member who may download it."""
    if not can(actor, "case.download", case) or attachment.case_id != case.pk:
        raise PermissionDenied()
    if erased(case):
        raise NotFound()
    key = case_key(case)
    data = _load(key, attachment.storage_name, ATTACHMENT)
    if case.sealed:
        from simadu.audit.services import audit_record

        audit_record(
            actor=actor,
            action="case.attachment_read",
            obj_type="case",
            obj_id=case.tracking_id,
            data={"attachment": attachment.pk},
        )
    return attachment_name(case, attachment, key), attachment.content_type, data


def read_original(case: Case, attachment: Attachment) -> bytes:
    """The file exactly as the reporter sent it (metadata and all), or the stored copy when nothing was stripped.

    System level: no policy and no audit here. Only the break-glass flow, which asks the policy,
    takes a written reason and leaves the audit entry, may call it for staff.
    """
    if attachment.case_id != case.pk:
        raise PermissionDenied()
    if erased(case):
        raise NotFound()
    key = case_key(case)
    if attachment.original_storage_name:
        return _load(key, attachment.original_storage_name, ORIGINAL)
    return _load(key, attachment.storage_name, ATTACHMENT)
