"""Evidence files: checked by content, stored encrypted, read only through the policy.

A file is accepted only when its bytes are one of the allowed types *and* its name
says the same type (a disguised file is refused). HTML, SVG and scripts are never
allowed. Files are stored under random names, encrypted with the case's data key.
Stripping metadata (EXIF, document authors) into a sanitised copy is the next step
of the confidentiality work.
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
from simadu.confidentiality.policy import can
from simadu.confidentiality.sealing import ATTACHMENT, FILENAME, case_key
from simadu.core import clock, crypto
from simadu.core.errors import InvalidInput, PermissionDenied

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


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    data: bytes


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
    return CheckedFile(clean_name, kind.mime, data)


def attachment_store(
    *,
    case: Case,
    checked: CheckedFile,
    event: CaseEvent | None,
    from_reporter: bool,
    key: bytes | None = None,
) -> Attachment:
    key = key or case_key(case)
    storage_name = f"evidence/{secrets.token_hex(16)}.bin"
    default_storage.save(storage_name, ContentFile(crypto.seal(key, checked.data, context=ATTACHMENT)))
    return Attachment.objects.create(
        case=case,
        event=event,
        storage_name=storage_name,
        sealed_name=crypto.seal(key, checked.name.encode(), context=FILENAME),
        content_type=checked.content_type,
        size=len(checked.data),
        from_reporter=from_reporter,
        uploaded_at=clock.now(),
    )


def attachment_name(case: Case, attachment: Attachment, key: bytes | None = None) -> str:
    return crypto.unseal(key or case_key(case), bytes(attachment.sealed_name), context=FILENAME).decode()


def attachment_read(*, actor: Any, case: Case, attachment: Attachment) -> tuple[str, str, bytes]:
    """(file name, content type, bytes) for a staff member who may download it."""
    if not can(actor, "case.download", case) or attachment.case_id != case.pk:
        raise PermissionDenied()
    key = case_key(case)
    with default_storage.open(attachment.storage_name, "rb") as f:
        data = crypto.unseal(key, f.read(), context=ATTACHMENT)
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
