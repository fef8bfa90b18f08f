"""Envelope encryption primitives (AES-256-GCM) and the master keyring.

Each sealed record has its own random data key; the data key is stored only wrapped
by the master key, which lives outside the database (`SIMADU_MASTER_KEY`, or a file
under var/keys on the embedded default). `KeyProvider` is the seam where a KMS or HSM
plugs in. Deleting a record's wrapped data key makes its sealed data unreadable; a backup
made earlier still holds the wrapped key, and becomes unreadable once the master key that
wrapped it is rotated out and destroyed.

The master key is a keyring so it can be replaced without downtime: one current key
wraps, retired keys (`SIMADU_MASTER_KEYS_RETIRED`, or var/keys/retired/*.key) still
unwrap. A wrapped value names its key: version 2, then the key id (the first 8 bytes
of the key's SHA-256), nonce and ciphertext. Version 1 values, written before key ids,
name none and are tried against every key. `simadu keys rotate` re-wraps old values
under the current key; readers accept both while it runs.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

_NONCE = 12
_VERSION = b"\x01"  # sealed values, and wrapped values written before key ids
_WRAP_V2 = b"\x02"  # wrapped values that name their master key
_WRAP_AAD = b"simadu-dek"
KEY_ID_BYTES = 8
LEGACY = "v1"  # what `key_id_of` answers for a version-1 value, which names no key
DESTROYED = "destroyed"  # ... for an emptied data key (a case anonymised by the retention schedule)
UNKNOWN = "unknown"  # ... for anything else
CURRENT_FILE = "master.key"
RETIRED_DIR = "retired"


class KeyringError(Exception):
    """The master keyring is missing, malformed, or lacks the key a value was wrapped with.

    The message is one line for an operator and never contains key material.
    """


class DataKeyDestroyed(KeyringError):
    """The record's data key was destroyed on purpose (crypto-shredding); nothing under it can be read."""


class KeyProvider(Protocol):
    """What a KMS or HSM implements to hold the master keys instead of this process.

    `key_id_of` must answer from the wrapped value alone (no decryption), so `simadu keys
    status` can count and `simadu keys rotate` can skip what the current key already wraps.
    """

    @property
    def current_key_id(self) -> str: ...
    def wrap(self, data_key: bytes) -> bytes: ...
    def unwrap(self, wrapped: bytes) -> bytes: ...
    def key_id_of(self, wrapped: bytes) -> str: ...
    def knows(self, key_id: str) -> bool: ...


def key_id(master_key: bytes) -> str:
    """The public name of a master key: hex of the first 8 bytes of its SHA-256.

    An operator can compute it from the base64 form: `base64 -d | sha256sum | cut -c1-16`.
    """
    return hashlib.sha256(master_key).digest()[:KEY_ID_BYTES].hex()


def decode_key(text: str, *, name: str) -> bytes:
    """A master key from its base64 form, or KeyringError naming `name` (never the value)."""
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise KeyringError(f"{name} is not valid base64") from None
    if len(key) != 32:
        raise KeyringError(f"{name} must be base64 of 32 bytes, not {len(key)}")
    return key


class LocalKeyring:
    """Master keys held in this process: the current one wraps, every one unwraps."""

    def __init__(self, current: bytes, retired: Iterable[bytes] = ()) -> None:
        self._set(current, retired)

    def _set(self, current: bytes, retired: Iterable[bytes]) -> None:
        keys = [current, *retired]
        if any(len(k) != 32 for k in keys):
            raise KeyringError("every master key must be 32 bytes")
        self._current = key_id(current)
        self._keys = {key_id(k): AESGCM(k) for k in keys}

    @property
    def current_key_id(self) -> str:
        return self._current

    @property
    def key_ids(self) -> tuple[str, ...]:
        """The current key's id first, then the retired ones."""
        return (self._current, *(k for k in self._keys if k != self._current))

    def knows(self, key_id: str) -> bool:
        return key_id in self._keys

    def wrap(self, data_key: bytes) -> bytes:
        nonce = os.urandom(_NONCE)
        header = _WRAP_V2 + bytes.fromhex(self._current)
        return header + nonce + self._keys[self._current].encrypt(nonce, data_key, _WRAP_AAD + header)

    def key_id_of(self, wrapped: bytes) -> str:
        wrapped = bytes(wrapped)
        if not wrapped:
            return DESTROYED
        if wrapped[:1] == _WRAP_V2 and len(wrapped) > 1 + KEY_ID_BYTES + _NONCE:
            return wrapped[1 : 1 + KEY_ID_BYTES].hex()
        if wrapped[:1] == _VERSION:
            return LEGACY
        return UNKNOWN

    def unwrap(self, wrapped: bytes) -> bytes:
        try:
            return self._unwrap(bytes(wrapped))
        except DataKeyDestroyed:
            raise
        except KeyringError:
            if not self._reload():
                raise
            return self._unwrap(bytes(wrapped))

    def _reload(self) -> bool:
        """Read the keys again from where they came from; False when they cannot have changed."""
        return False

    def _unwrap(self, wrapped: bytes) -> bytes:
        kid = self.key_id_of(wrapped)
        if kid == DESTROYED:
            raise DataKeyDestroyed(
                "this record's data key was destroyed (anonymised): its sealed data is gone"
            )
        if kid == LEGACY:
            for aead in self._keys.values():
                try:
                    return aead.decrypt(wrapped[1 : 1 + _NONCE], wrapped[1 + _NONCE :], _WRAP_AAD)
                except InvalidTag:
                    continue
            raise KeyringError(
                "no master key in the keyring unwraps this version-1 value: add the key it was written "
                "under to SIMADU_MASTER_KEYS_RETIRED"
            )
        if kid == UNKNOWN:
            raise KeyringError("not a wrapped data key (unknown format)")
        keyed = self._keys.get(kid)
        if keyed is None:
            raise KeyringError(
                f"master key {kid} is not in the keyring: add it to SIMADU_MASTER_KEYS_RETIRED "
                f"(embedded: restore var/keys/{RETIRED_DIR}/{kid}.key)"
            )
        header, body = wrapped[: 1 + KEY_ID_BYTES], wrapped[1 + KEY_ID_BYTES :]
        try:
            return keyed.decrypt(body[:_NONCE], body[_NONCE:], _WRAP_AAD + header)
        except InvalidTag:
            raise KeyringError(f"master key {kid} does not unwrap this value: it was altered") from None


class FileKeyring(LocalKeyring):
    """The embedded default: `<dir>/master.key` is current, `<dir>/retired/*.key` are retired.

    `simadu keys new` changes these files while the server runs. The keyring reads them
    again when master.key has changed before wrapping, and when asked to unwrap under a key
    it does not know, so every process follows a rotation without a restart.
    """

    def __init__(self, directory: Path, extra_retired: Iterable[bytes] = ()) -> None:
        self.directory = Path(directory)
        self._extra = list(extra_retired)
        self._stamp: tuple[int, int] | None = None
        self._load()

    def _current_stamp(self) -> tuple[int, int] | None:
        try:
            st = (self.directory / CURRENT_FILE).stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns)

    def _load(self) -> None:
        stamp = self._current_stamp()
        path = self.directory / CURRENT_FILE
        if stamp is None:
            raise KeyringError(f"the master key file {path} is missing")
        current = decode_key(path.read_text(), name=str(path))
        retired = [decode_key(p.read_text(), name=str(p)) for p in retired_files(self.directory)]
        self._set(current, [*retired, *self._extra])
        self._stamp = stamp

    def _fresh(self) -> None:
        if self._current_stamp() != self._stamp:
            self._load()

    def wrap(self, data_key: bytes) -> bytes:
        self._fresh()
        return super().wrap(data_key)

    @property
    def current_key_id(self) -> str:
        self._fresh()
        return self._current

    def _reload(self) -> bool:
        self._load()
        return True


def retired_files(directory: Path) -> list[Path]:
    folder = Path(directory) / RETIRED_DIR
    return sorted(folder.glob("*.key")) if folder.is_dir() else []


def keyring_from_settings() -> LocalKeyring:
    """The keyring the settings describe; KeyringError (one line, no key material) if they are wrong."""
    retired = [
        decode_key(text, name=f"SIMADU_MASTER_KEYS_RETIRED item {i}")
        for i, text in enumerate(settings.SIMADU_MASTER_KEYS_RETIRED, start=1)
    ]
    if settings.SIMADU_KEY_DIR:
        return FileKeyring(Path(settings.SIMADU_KEY_DIR), retired)
    if not settings.SIMADU_MASTER_KEY:
        raise KeyringError("SIMADU_MASTER_KEY is not set")
    return LocalKeyring(decode_key(settings.SIMADU_MASTER_KEY, name="SIMADU_MASTER_KEY"), retired)


@cache
def key_provider() -> KeyProvider:
    return keyring_from_settings()


@receiver(setting_changed)
def _keyring_settings_changed(*, setting: str, **kwargs: Any) -> None:
    if setting in ("SIMADU_MASTER_KEY", "SIMADU_MASTER_KEYS_RETIRED", "SIMADU_KEY_DIR"):
        key_provider.cache_clear()


def new_data_key() -> tuple[bytes, bytes]:
    """A fresh data key and its wrapped form (the only form that is stored)."""
    key = AESGCM.generate_key(bit_length=256)
    return key, key_provider().wrap(key)


def _aead(data_key: bytes) -> AESGCM:
    if not data_key:
        raise DataKeyDestroyed(
            "this record's data key was destroyed (anonymised): nothing can be sealed or read"
        )
    return AESGCM(data_key)


def seal(data_key: bytes, plaintext: bytes, *, context: bytes) -> bytes:
    nonce = os.urandom(_NONCE)
    return _VERSION + nonce + _aead(data_key).encrypt(nonce, plaintext, context)


def unseal(data_key: bytes, sealed: bytes, *, context: bytes) -> bytes:
    return _aead(data_key).decrypt(sealed[1 : 1 + _NONCE], sealed[1 + _NONCE :], context)


def unwrap(wrapped: bytes) -> bytes:
    return key_provider().unwrap(bytes(wrapped))
