"""Master key rotation: count, re-wrap and replace the keys that wrap every data key.

Rotation without downtime, in three steps (`simadu keys`):

1. A new current key. Embedded: `simadu keys new` writes it to var/keys/master.key and moves
   the old one to var/keys/retired/, and every running process picks the change up by itself.
   Production: put the new key in SIMADU_MASTER_KEY and the old one in
   SIMADU_MASTER_KEYS_RETIRED, then restart the web and worker processes.
2. `simadu keys rotate` re-wraps every value still under an old key, in batches, each batch its
   own transaction. Readers accept old and new keys meanwhile, and only the wrapping changes
   (the data key inside is the same), so sealed data never has to be touched. A value is
   replaced only if it is still what was read (compare-and-set), so a concurrent change wins.
   Interrupted, it keeps what it did; run again, it carries on.
3. When `simadu keys status` shows nothing left under the old key, it may be removed, once no
   backup made before the rotation is still kept (those backups need it).

The wrapped columns are reached by name, not imported: confidentiality sits below intake and
outbox in the import order.
"""

from __future__ import annotations

import base64
import os
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models, transaction

from simadu.audit.services import audit_record
from simadu.core import crypto

# (model, field): every value wrapped by the master key. A new one must be added here.
WRAPPED: tuple[tuple[str, str], ...] = (
    ("cases.Case", "data_key"),
    ("outbox.OutboxMessage", "data_key"),
    ("intake.IdempotencyRecord", "data_key"),
    ("accounts.User", "totp_secret"),
)
BATCH = 500

Progress = Callable[[str, int, int, int], None]  # (column, checked, total, rewrapped)


def _column(label: str, field_name: str) -> tuple[str, type[models.Model]]:
    model = apps.get_model(label)
    return f"{model.__name__}.{field_name}", model


def _values(model: type[models.Model], field_name: str) -> models.QuerySet[Any]:
    return model._default_manager.exclude(**{f"{field_name}__isnull": True}).order_by("pk")


@dataclass(frozen=True)
class KeyringStatus:
    current: str
    known: tuple[str, ...]  # the keyring's key ids, current first
    counts: dict[str, dict[str, int]]  # column -> key id (or LEGACY / DESTROYED / UNKNOWN) -> values
    missing: dict[str, int]  # key id the keyring lacks -> values under it (rotation cannot re-wrap them)

    def left_to_rotate(self) -> int:
        return sum(
            n
            for per_key in self.counts.values()
            for kid, n in per_key.items()
            if kid not in (self.current, crypto.DESTROYED)
        )


def keys_status(*, batch: int = BATCH) -> KeyringStatus:
    """How many wrapped values each key id holds, per column; reads only the version and key id bytes."""
    provider = crypto.key_provider()
    counts: dict[str, dict[str, int]] = {}
    for label, field_name in WRAPPED:
        name, model = _column(label, field_name)
        tally: Counter[str] = Counter()
        last = 0
        while rows := list(
            _values(model, field_name).filter(pk__gt=last).values_list("pk", field_name)[:batch]
        ):
            tally.update(provider.key_id_of(bytes(value)) for _, value in rows)
            last = rows[-1][0]
        counts[name] = dict(tally)
    missing: Counter[str] = Counter()
    for per_key in counts.values():
        for kid, n in per_key.items():
            if kid not in (crypto.LEGACY, crypto.DESTROYED) and not provider.knows(kid):
                missing[kid] += n
    known = getattr(provider, "key_ids", (provider.current_key_id,))
    return KeyringStatus(provider.current_key_id, tuple(known), counts, dict(missing))


@dataclass
class RotationReport:
    current: str
    rewrapped: dict[str, int] = field(default_factory=dict)
    failed: dict[str, list[Any]] = field(default_factory=dict)  # column -> pks no key could unwrap
    completed: bool = False

    @property
    def total_rewrapped(self) -> int:
        return sum(self.rewrapped.values())

    @property
    def total_failed(self) -> int:
        return sum(len(pks) for pks in self.failed.values())


def keys_rotate(*, batch: int = BATCH, progress: Progress | None = None) -> RotationReport:
    """Re-wrap every value not under the current key. Idempotent and resumable; audited, even if interrupted.

    A value no key in the keyring unwraps is left as it is and reported (its primary key only),
    so one damaged row does not stop the rest.
    """
    provider = crypto.key_provider()
    current = provider.current_key_id
    report = RotationReport(current=current)
    try:
        for label, field_name in WRAPPED:
            name, model = _column(label, field_name)
            report.rewrapped[name], report.failed[name] = 0, []
            values = _values(model, field_name)
            total, checked, last = values.count(), 0, 0
            while rows := list(values.filter(pk__gt=last).values_list("pk", field_name)[:batch]):
                with transaction.atomic():
                    for pk, value in rows:
                        old = bytes(value)
                        if provider.key_id_of(old) in (current, crypto.DESTROYED):
                            continue
                        try:
                            new = provider.wrap(provider.unwrap(old))
                        except crypto.KeyringError:
                            report.failed[name].append(pk)
                            continue
                        # Compare-and-set: a value changed since it was read (say, a case just anonymised) is kept.
                        report.rewrapped[name] += model._default_manager.filter(
                            pk=pk, **{field_name: old}
                        ).update(**{field_name: new})
                checked, last = checked + len(rows), rows[-1][0]
                if progress:
                    progress(name, checked, total, report.rewrapped[name])
        report.completed = True
    finally:
        audit_record(
            actor="system",
            action="keys.rotate",
            obj_type="keyring",
            obj_id=current,
            data={
                "current": current,
                "rewrapped": report.rewrapped,
                "failed": {k: len(v) for k, v in report.failed.items()},
                "completed": report.completed,
            },
        )
    return report


def keys_new() -> tuple[str, str]:
    """Embedded default: make a new current key file and move the old one to retired/. Returns (old id, new id).

    The old key is written to retired/ before master.key is replaced (atomically, by rename),
    so at no moment is a key that wraps data missing from the folder.
    """
    if not settings.SIMADU_KEY_DIR:
        raise crypto.KeyringError(
            "SIMADU_MASTER_KEY is set in the environment: put a new key there and the old one in "
            "SIMADU_MASTER_KEYS_RETIRED, restart SIMADU, then run `simadu keys rotate`"
        )
    directory = Path(settings.SIMADU_KEY_DIR)
    current_path = directory / crypto.CURRENT_FILE
    if not current_path.exists():
        raise crypto.KeyringError(f"the master key file {current_path} is missing")
    old_text = current_path.read_text().strip()
    old_id = crypto.key_id(crypto.decode_key(old_text, name=str(current_path)))
    retired = directory / crypto.RETIRED_DIR
    retired.mkdir(mode=0o700, parents=True, exist_ok=True)
    _write_private(retired / f"{old_id}.key", old_text, replace=False)
    new_key = secrets.token_bytes(32)
    new_id = crypto.key_id(new_key)
    _write_private(current_path, base64.b64encode(new_key).decode(), replace=True)
    crypto.key_provider.cache_clear()
    audit_record(
        actor="system",
        action="keys.new",
        obj_type="keyring",
        obj_id=new_id,
        data={"current": new_id, "retired": old_id},
    )
    return old_id, new_id


def _write_private(path: Path, text: str, *, replace: bool) -> None:
    """Write a key file readable by its owner only; `replace` swaps it in by rename."""
    if not replace:
        if path.exists():
            if path.read_text().strip() != text:
                raise crypto.KeyringError(f"{path} exists and holds another key")
            return
        target = path
    else:
        target = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text + "\n")
        f.flush()
        os.fsync(f.fileno())
    if replace:
        os.replace(target, path)
