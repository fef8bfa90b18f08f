"""Envelope encryption primitives (AES-256-GCM).

Each sealed record has its own random data key; the data key is stored only wrapped
by the master key, which lives outside the database (`SIMADU_MASTER_KEY`, or a file
under var/keys on the embedded default). `KeyProvider` is the seam where a KMS or HSM
plugs in. Deleting a record's wrapped data key makes every copy of its sealed data
unreadable, backups included.
"""

from __future__ import annotations

import base64
import os
from functools import cache
from typing import Protocol

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

_NONCE = 12
_VERSION = b"\x01"


class KeyProvider(Protocol):
    def wrap(self, data_key: bytes) -> bytes: ...
    def unwrap(self, wrapped: bytes) -> bytes: ...


class LocalMasterKey:
    """A master key held in this process (from the environment or a key file)."""

    def __init__(self, master_key: bytes) -> None:
        if len(master_key) != 32:
            raise ValueError("the master key must be 32 bytes")
        self._aead = AESGCM(master_key)

    def wrap(self, data_key: bytes) -> bytes:
        nonce = os.urandom(_NONCE)
        return _VERSION + nonce + self._aead.encrypt(nonce, data_key, b"simadu-dek")

    def unwrap(self, wrapped: bytes) -> bytes:
        return self._aead.decrypt(wrapped[1 : 1 + _NONCE], wrapped[1 + _NONCE :], b"simadu-dek")


@cache
def key_provider() -> KeyProvider:
    return LocalMasterKey(base64.b64decode(settings.SIMADU_MASTER_KEY))


def new_data_key() -> tuple[bytes, bytes]:
    """A fresh data key and its wrapped form (the only form that is stored)."""
    key = AESGCM.generate_key(bit_length=256)
    return key, key_provider().wrap(key)


def seal(data_key: bytes, plaintext: bytes, *, context: bytes) -> bytes:
    nonce = os.urandom(_NONCE)
    return _VERSION + nonce + AESGCM(data_key).encrypt(nonce, plaintext, context)


def unseal(data_key: bytes, sealed: bytes, *, context: bytes) -> bytes:
    return AESGCM(data_key).decrypt(sealed[1 : 1 + _NONCE], sealed[1 + _NONCE :], context)


def unwrap(wrapped: bytes) -> bytes:
    return key_provider().unwrap(bytes(wrapped))
