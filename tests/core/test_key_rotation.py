"""Master key rotation without downtime: a keyring of one current key and retired keys.

Data sealed under an old key stays readable while it is retired; `simadu keys rotate` moves every
wrapped value (case, outbox, idempotency, TOTP) to the current key, resumably; afterwards the old
key can go. Values written before key ids (version 1) still read. A missing or malformed key is one
clear line and a non-zero exit.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyotp
import pytest
import time_machine
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.core.management import CommandError, call_command

from simadu.accounts import twofactor
from simadu.accounts.models import User
from simadu.audit.models import AuditEntry
from simadu.cases.models import Case
from simadu.confidentiality import keys
from simadu.confidentiality.sealing import content_of, identity_of
from simadu.core import clock, crypto
from simadu.intake.models import IdempotencyRecord
from simadu.intake.services import idempotent
from simadu.outbox.models import OutboxMessage
from simadu.outbox.services import _payload, outbox_enqueue
from tests.factories import enrol_two_factor, make_staff, submit

KEY_A = bytes(range(32))
KEY_B = bytes(range(100, 132))
WBS = {
    "title": "Judul-Rotasi-4410",
    "text": "Pungutan liar KRONOLOGI-ROTASI-4410 di loket.",
    "reported_party": "Terlapor-Rotasi-4410",
    "location_detail": "Lantai-Rotasi-4410",
}
IDENTITY = {"name": "Pelapor-Rotasi-4410", "email": "rotasi.4410@contoh.id"}
PROJECT = Path(__file__).resolve().parents[2]


def b64(key: bytes) -> str:
    return base64.b64encode(key).decode()


@pytest.fixture
def keyring(settings: Any) -> Any:
    """Set the keyring as an operator does with the environment: a current key and retired ones."""

    def use(current: bytes, *retired: bytes) -> crypto.KeyProvider:
        settings.SIMADU_KEY_DIR = ""
        settings.SIMADU_MASTER_KEY = b64(current)
        settings.SIMADU_MASTER_KEYS_RETIRED = [b64(k) for k in retired]
        return crypto.key_provider()

    return use


def _wrapped_values() -> dict[str, list[bytes]]:
    return {
        "case": [bytes(v) for v in Case.objects.values_list("data_key", flat=True)],
        "outbox": [bytes(v) for v in OutboxMessage.objects.values_list("data_key", flat=True)],
        "idempotency": [bytes(v) for v in IdempotencyRecord.objects.values_list("data_key", flat=True)],
        "totp": [
            bytes(v) for v in User.objects.exclude(totp_secret=None).values_list("totp_secret", flat=True)
        ],
    }


def _key_ids() -> set[str]:
    provider = crypto.key_provider()
    return {provider.key_id_of(v) for values in _wrapped_values().values() for v in values}


def _file_everything() -> dict[str, Any]:
    """One of each wrapped kind: a WBS case with identity (and its queued e-mail), a replayable
    idempotent answer, an outgoing message, a staff member enrolled in TOTP."""
    case, _ = submit(channel="wbs", **WBS, **IDENTITY)
    answer, _ = idempotent(
        "kunci-rotasi-1", {"x": 1}, lambda: {"tracking_id": "T-ROTASI", "secret": "RAHASIA-1"}
    )
    message = outbox_enqueue(
        kind="email", topic="uji", payload={"to": "penerima@contoh.id", "body": "Isi-4410"}
    )
    officer = make_staff("petugas_rotasi", "verifier", unit="itjen")
    totp = enrol_two_factor(officer)
    return {"case": case, "answer": answer, "message": message, "officer": officer, "totp": totp}


def _assert_everything_reads(filed: dict[str, Any], *, minutes_later: int) -> None:
    case = Case.objects.get(pk=filed["case"].pk)
    assert content_of(case) == WBS
    assert identity_of(case) == IDENTITY
    assert idempotent("kunci-rotasi-1", {"x": 1}, lambda: {"never": "called"}) == (filed["answer"], True)
    assert _payload(OutboxMessage.objects.get(pk=filed["message"].pk))["body"] == "Isi-4410"
    # The staff member still signs in with the authenticator app set up under the old key.
    later = clock.now() + dt.timedelta(minutes=minutes_later)
    with time_machine.travel(later, tick=False):
        twofactor.totp_verify(user=filed["officer"], code=pyotp.TOTP(filed["totp"]).at(later))


@pytest.mark.django_db
def test_data_sealed_under_a_retired_key_stays_readable_and_new_data_uses_the_current_key(keyring):
    """Given every wrapped kind written under key A, when B becomes current and A is retired, everything
    still reads (report, identity, outbox, idempotent replay, TOTP sign-in) and what is new is wrapped by B."""
    keyring(KEY_A)
    filed = _file_everything()
    assert _key_ids() == {crypto.key_id(KEY_A)}

    provider = keyring(KEY_B, KEY_A)

    _assert_everything_reads(filed, minutes_later=2)
    fresh, _ = submit(channel="wbs", **WBS)
    assert provider.key_id_of(bytes(Case.objects.get(pk=fresh.pk).data_key)) == crypto.key_id(KEY_B)
    assert content_of(Case.objects.get(pk=fresh.pk)) == WBS


@pytest.mark.django_db
def test_after_rotate_nothing_is_under_the_old_key_and_removing_it_loses_nothing(keyring):
    """Given data under A with B current, `simadu keys rotate` re-wraps all of it under B: status counts
    nothing left under A, the rotation is audited with its counts, and with A gone from the keyring
    everything still reads."""
    keyring(KEY_A)
    filed = _file_everything()
    keyring(KEY_B, KEY_A)
    before = io.StringIO()
    call_command("keys", "status", stdout=before)
    assert f"{crypto.key_id(KEY_A)}: " in before.getvalue()
    assert "belum dibungkus" in before.getvalue()

    out = io.StringIO()
    call_command("keys", "rotate", stdout=out, stderr=io.StringIO())

    assert _key_ids() == {crypto.key_id(KEY_B)}
    after = io.StringIO()
    call_command("keys", "status", stdout=after)
    assert crypto.key_id(KEY_A) + ":" not in after.getvalue()
    assert "Semua nilai sudah dibungkus" in after.getvalue()
    entry = AuditEntry.objects.filter(action="keys.rotate").latest("seq")
    assert entry.data["completed"] is True
    assert entry.data["rewrapped"]["Case.data_key"] >= 1
    assert entry.data["rewrapped"]["OutboxMessage.data_key"] >= 2  # the report's e-mail and ours
    assert entry.data["rewrapped"]["IdempotencyRecord.data_key"] == 1
    assert entry.data["rewrapped"]["User.totp_secret"] == 1

    keyring(KEY_B)  # A removed entirely

    _assert_everything_reads(filed, minutes_later=2)


def _as_version_1(master: bytes, data_key: bytes) -> bytes:
    """A data key wrapped the way SIMADU did before key ids (version byte 1, no key id)."""
    nonce = os.urandom(12)
    return b"\x01" + nonce + AESGCM(master).encrypt(nonce, data_key, b"simadu-dek")


@pytest.mark.django_db
def test_values_wrapped_before_key_ids_still_read_and_are_rotated(keyring):
    """Given a case whose data key is still in the version-1 form (no key id) under A, it reads with A
    current, reads with A retired behind B, is counted as version 1, and rotation moves it to B."""
    keyring(KEY_A)
    case, _ = submit(channel="wbs", **WBS, **IDENTITY)
    data_key = crypto.unwrap(bytes(case.data_key))
    Case.objects.filter(pk=case.pk).update(data_key=_as_version_1(KEY_A, data_key))
    assert content_of(Case.objects.get(pk=case.pk)) == WBS

    keyring(KEY_B, KEY_A)
    assert identity_of(Case.objects.get(pk=case.pk)) == IDENTITY
    assert keys.keys_status().counts["Case.data_key"].get(crypto.LEGACY) == 1

    call_command("keys", "rotate", stdout=io.StringIO(), stderr=io.StringIO())
    keyring(KEY_B)

    stored = bytes(Case.objects.get(pk=case.pk).data_key)
    assert crypto.key_provider().key_id_of(stored) == crypto.key_id(KEY_B)
    assert content_of(Case.objects.get(pk=case.pk)) == WBS


class Interrupted(Exception):
    pass


@pytest.mark.django_db
def test_a_rotation_interrupted_halfway_keeps_its_batches_and_a_rerun_completes(keyring):
    """Given seven cases under A, a rotation in batches of two stopped after its second batch has moved
    exactly those four to B (each batch committed on its own) and says in the audit log that it did not
    complete; run again, it moves the rest, and everything reads."""
    keyring(KEY_A)
    cases = [submit(channel="wbs", **WBS)[0] for _ in range(7)]
    keyring(KEY_B, KEY_A)
    batches = 0

    def stop_after_two(column: str, checked: int, total: int, rewrapped: int) -> None:
        nonlocal batches
        batches += 1
        if batches == 2:
            raise Interrupted

    with pytest.raises(Interrupted):
        keys.keys_rotate(batch=2, progress=stop_after_two)

    under_b = [crypto.key_provider().key_id_of(v) == crypto.key_id(KEY_B) for v in _wrapped_values()["case"]]
    assert sum(under_b) == 4
    stopped = AuditEntry.objects.filter(action="keys.rotate").latest("seq")
    assert stopped.data["completed"] is False
    assert stopped.data["rewrapped"]["Case.data_key"] == 4

    report = keys.keys_rotate(batch=2)

    assert report.completed
    assert report.rewrapped["Case.data_key"] == 3
    assert {crypto.key_provider().key_id_of(v) for v in _wrapped_values()["case"]} == {crypto.key_id(KEY_B)}
    keyring(KEY_B)
    assert all(content_of(Case.objects.get(pk=c.pk)) == WBS for c in cases)


@pytest.mark.django_db
def test_a_missing_old_key_is_one_clear_line_and_a_non_zero_exit(keyring):
    """Given data under A and a keyring of B alone (A forgotten), status and rotate each stop with one line
    naming the missing key id, exit code 1, and rotate leaves the data as it was."""
    keyring(KEY_A)
    case, _ = submit(channel="wbs", **WBS)
    before = bytes(Case.objects.get(pk=case.pk).data_key)
    keyring(KEY_B)

    with pytest.raises(CommandError) as status:
        call_command("keys", "status", stdout=io.StringIO())
    with pytest.raises(CommandError) as rotate:
        call_command("keys", "rotate", stdout=io.StringIO(), stderr=io.StringIO())

    assert status.value.returncode == 1
    assert crypto.key_id(KEY_A) in str(status.value)
    assert rotate.value.returncode == 1
    assert "tidak dapat dibuka" in str(rotate.value)
    assert all("\n" not in str(e.value) for e in (status, rotate))
    assert bytes(Case.objects.get(pk=case.pk).data_key) == before
    with pytest.raises(crypto.KeyringError, match=crypto.key_id(KEY_A)):
        content_of(Case.objects.get(pk=case.pk))


def _simadu(var: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("SIMADU_", "DATABASE_URL"))}
    environment.update({"SIMADU_VAR_DIR": str(var), "SIMADU_ENV": "production", **env})
    return subprocess.run(
        [sys.executable, "-c", "from simadu.cli import main; main()", "keys", "status"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=PROJECT,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("", "SIMADU_MASTER_KEY is not set"),
        ("bukan-base64!!", "SIMADU_MASTER_KEY is not valid base64"),
        (base64.b64encode(b"terlalu pendek").decode(), "SIMADU_MASTER_KEY must be base64 of 32 bytes"),
    ],
)
def test_a_missing_or_malformed_master_key_stops_the_command_with_one_line(tmp_path, value, says):
    """Production with no master key, or one that is not base64 of 32 bytes: `simadu keys status` prints one
    line saying which, never the key, and exits 1."""
    result = _simadu(tmp_path, SIMADU_MASTER_KEY=value)

    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert says in lines[0]
    if value:
        assert value not in result.stderr + result.stdout


@pytest.mark.django_db
def test_embedded_keys_new_retires_the_old_key_file_and_running_processes_follow(settings, tmp_path):
    """Embedded default: `simadu keys new` writes a new master.key and moves the old key to retired/ (owner
    only). A process that loaded the keyring before (a running server) reads what is re-wrapped under the
    new key and wraps new data with it, without a restart. After rotation the retired file can be removed."""
    directory = tmp_path / "keys"
    directory.mkdir()
    (directory / "master.key").write_text(b64(KEY_A) + "\n")
    settings.SIMADU_MASTER_KEYS_RETIRED = []
    settings.SIMADU_KEY_DIR = str(directory)
    running_server = crypto.FileKeyring(directory)
    case, _ = submit(channel="wbs", **WBS, **IDENTITY)

    out = io.StringIO()
    call_command("keys", "new", stdout=out)
    call_command("keys", "rotate", stdout=io.StringIO(), stderr=io.StringIO())

    old_file = directory / "retired" / f"{crypto.key_id(KEY_A)}.key"
    assert old_file.read_text().strip() == b64(KEY_A)
    assert old_file.stat().st_mode & 0o777 == 0o600
    new_key = base64.b64decode((directory / "master.key").read_text())
    assert (directory / "master.key").stat().st_mode & 0o777 == 0o600
    assert crypto.key_id(new_key) in out.getvalue()
    stored = bytes(Case.objects.get(pk=case.pk).data_key)
    assert running_server.key_id_of(stored) == crypto.key_id(new_key)
    assert running_server.unwrap(stored) == crypto.unwrap(stored)
    assert running_server.key_id_of(running_server.wrap(b"k" * 32)) == crypto.key_id(new_key)
    assert AuditEntry.objects.filter(action="keys.new", object_id=crypto.key_id(new_key)).exists()

    old_file.unlink()
    crypto.key_provider.cache_clear()

    assert identity_of(Case.objects.get(pk=case.pk)) == IDENTITY


@pytest.mark.django_db
def test_keys_new_refuses_when_the_master_key_comes_from_the_environment(keyring):
    """With SIMADU_MASTER_KEY in the environment there is no key file to replace: `keys new` says what to do
    instead, in one line, and exits 1."""
    keyring(KEY_A)

    with pytest.raises(CommandError) as refused:
        call_command("keys", "new", stdout=io.StringIO())

    assert refused.value.returncode == 1
    assert "SIMADU_MASTER_KEYS_RETIRED" in str(refused.value)
