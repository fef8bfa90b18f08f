"""Writing to and checking the audit chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from simadu.audit.models import AuditEntry, AuditHead
from simadu.core import clock

GENESIS = "0" * 64


def _digest(prev: str, seq: int, at: str, actor: str, action: str, otype: str, oid: str, data: Any) -> str:
    payload = json.dumps(
        [prev, seq, at, actor, action, otype, oid, data], sort_keys=True, cls=DjangoJSONEncoder
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def actor_label(actor: Any) -> str:
    if actor is None:
        return "system"
    if isinstance(actor, str):
        return actor
    return f"user:{actor.pk}"


def audit_record(
    *, actor: Any, action: str, obj_type: str, obj_id: str, data: dict[str, Any] | None = None
) -> AuditEntry:
    """Append one entry. Call inside the transaction of the change it records."""
    data = json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder))
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
        seq = head.seq + 1
        at = clock.now()
        label = actor_label(actor)
        digest = _digest(head.hash, seq, at.isoformat(), label, action, obj_type, str(obj_id), data)
        entry = AuditEntry.objects.create(
            seq=seq,
            at=at,
            actor=label,
            action=action,
            object_type=obj_type,
            object_id=str(obj_id),
            data=data,
            prev_hash=head.hash,
            hash=digest,
        )
        head.seq, head.hash = seq, digest
        head.save(update_fields=["seq", "hash"])
    return entry


def audit_export(*, actor: Any, what: str, count: int, data: dict[str, Any] | None = None) -> AuditEntry:
    """Record that `actor` took `count` records out of SIMADU as `what` (e.g. "recap.monthly.xlsx").

    Every export of case data (CSV, XLSX, PDF, JSON, staff or command line) calls this once, before the
    file leaves, with the filters that chose the rows in `data`; never the rows themselves. Exports
    with their own richer entry (`privacy.subject_export`, `reporter.data_export`) keep it.
    """
    return audit_record(
        actor=actor,
        action="data.export",
        obj_type="export",
        obj_id=what[:40],
        data={"count": count, **(data or {})},
    )


ADMIN_ACTIONS = {1: "admin.add", 2: "admin.change", 3: "admin.delete"}  # django.contrib.admin action flags


def audit_admin_change(
    *, actor: Any, action_flag: int, model: str, object_id: str, object_repr: str, change_message: str = ""
) -> AuditEntry:
    """Record one change made through the Django admin: who, what kind, which object, which fields.

    `change_message` is the admin's JSON list (field names, never values), kept as data.
    """
    try:
        change: Any = json.loads(change_message) if change_message else []
    except ValueError:
        change = change_message
    return audit_record(
        actor=actor,
        action=ADMIN_ACTIONS.get(action_flag, "admin.other"),
        obj_type=model[:40],
        obj_id=str(object_id)[:40],
        data={"repr": object_repr[:200], "change": change},
    )


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    entries: int
    broken_seq: int | None = None
    reason: str = ""


def audit_verify() -> ChainReport:
    """Walk the chain in order; report the first entry whose link or content does not hold."""
    prev, expected_seq, count = GENESIS, 1, 0
    for e in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if e.seq != expected_seq:
            # Name the missing entry, not the intact one after the gap.
            return ChainReport(
                False, count, expected_seq, f"entry #{expected_seq} is missing (next found: #{e.seq})"
            )
        if e.prev_hash != prev:
            return ChainReport(False, count, e.seq, f"entry #{e.seq} does not link to the entry before it")
        if (
            _digest(prev, e.seq, e.at.isoformat(), e.actor, e.action, e.object_type, e.object_id, e.data)
            != e.hash
        ):
            return ChainReport(False, count, e.seq, f"entry #{e.seq} was changed after it was written")
        prev, expected_seq, count = e.hash, expected_seq + 1, count + 1
    head = AuditHead.objects.filter(pk=1).first()
    if head and (head.seq != count or head.hash != prev):
        return ChainReport(
            False, count, count + 1, f"the chain ends at #{count} but its head says #{head.seq}"
        )
    return ChainReport(True, count)
