"""Sealing and unsealing a case's sensitive fields with its own data key.

Reads of sealed data by staff go through `reveal_identity` / `reveal_content`, which
ask the policy and write the audit entry; nothing else decrypts for staff.
"""

from __future__ import annotations

import json
from typing import Any

from simadu.audit.services import audit_record
from simadu.cases.models import Case, CaseEvent
from simadu.confidentiality.policy import can
from simadu.core import crypto
from simadu.core.errors import PermissionDenied

IDENTITY = b"identity"
CONTENT = b"content"
EVENT = b"event"
ATTACHMENT = b"attachment"
FILENAME = b"filename"


def erased(case: Case) -> bool:
    """Has the retention schedule anonymised this case (its data key destroyed, see retention.py)?"""
    return case.anonymised_at is not None or not case.data_key


def case_key(case: Case) -> bytes:
    """The case's data key; empty for an anonymised case, whose readers below then answer empty."""
    if erased(case):
        return b""
    return crypto.unwrap(bytes(case.data_key))


def seal_json(key: bytes, value: dict[str, Any], context: bytes) -> bytes:
    return crypto.seal(key, json.dumps(value, ensure_ascii=False).encode(), context=context)


def unseal_json(key: bytes, blob: bytes | memoryview | None, context: bytes) -> dict[str, Any]:
    if not blob:
        return {}
    return dict(json.loads(crypto.unseal(key, bytes(blob), context=context)))


def identity_of(case: Case) -> dict[str, str]:
    """The reporter's identity, for system use only (notifications). Staff use reveal_identity."""
    if erased(case):
        return {}
    return {k: str(v) for k, v in unseal_json(case_key(case), case.sealed_identity, IDENTITY).items()}


def content_of(case: Case) -> dict[str, str]:
    """Title, text, reported party and place: from the sealed copy for WBS, else the plain columns."""
    if erased(case):
        return dict.fromkeys(("title", "text", "reported_party", "location_detail"), "")
    if case.sealed:
        return {k: str(v) for k, v in unseal_json(case_key(case), case.sealed_content, CONTENT).items()}
    return {
        "title": case.title,
        "text": case.text,
        "reported_party": case.reported_party,
        "location_detail": case.location_detail,
    }


def event_body(case: Case, event: CaseEvent, key: bytes | None = None) -> str:
    if erased(case):
        return ""
    if event.sealed_body:
        return crypto.unseal(key or case_key(case), bytes(event.sealed_body), context=EVENT).decode()
    return event.body


def reveal_identity(*, actor: Any, case: Case) -> dict[str, str]:
    """Decrypt the identity for a staff member who may read it; every read is audited."""
    if not can(actor, "case.view_identity", case):
        raise PermissionDenied()
    identity = identity_of(case)
    if identity:
        audit_record(actor=actor, action="case.identity_read", obj_type="case", obj_id=case.tracking_id)
    return identity


def reveal_content(*, actor: Any, case: Case) -> dict[str, str]:
    if not can(actor, "case.view_content", case):
        raise PermissionDenied()
    if case.sealed:
        audit_record(actor=actor, action="case.content_read", obj_type="case", obj_id=case.tracking_id)
    return content_of(case)
