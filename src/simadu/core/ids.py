"""Tracking ids and reporter secrets.

A tracking id looks like `SMD-7KQ2-M9XC`: seven random Crockford base-32 symbols and a
check symbol (odd weights, so any single mistyped symbol is caught). A secret is 20
random symbols (100 bits) shown in groups of five. Both read the same whatever case,
dashes or look-alike letters (O/0, I/L/1) a reporter types.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
_LOOKALIKE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
_WEIGHTS = (1, 3, 5, 7, 9, 11, 13)
PREFIX = "SMD"


def normalize(text: str) -> str:
    return "".join(ch for ch in text.upper().translate(_LOOKALIKE) if ch in ALPHABET)


def _check_symbol(body: str) -> str:
    total = sum(w * ALPHABET.index(ch) for w, ch in zip(_WEIGHTS, body, strict=True))
    return ALPHABET[total % 32]


def new_tracking_id() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(7))
    code = body + _check_symbol(body)
    return f"{PREFIX}-{code[:4]}-{code[4:]}"


def canonical_tracking_id(text: str) -> str | None:
    """The tracking id in its stored form, or None when it cannot be one (typo caught)."""
    code = normalize(text)
    if len(code) == 8 + len(PREFIX) and code.startswith(PREFIX):
        code = code[len(PREFIX) :]  # typed with the prefix; eight symbols alone may themselves start with SMD
    if len(code) != 8 or _check_symbol(code[:7]) != code[7]:
        return None
    return f"{PREFIX}-{code[:4]}-{code[4:]}"


def new_secret() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(20))
    return "-".join(raw[i : i + 5] for i in range(0, 20, 5))


def hash_secret(secret: str) -> str:
    """Keyed hash of a reporter secret.

    The secret carries 100 random bits, so a keyed SHA-256 is as safe as a slow hash
    and cannot be used to tie up the server; the key (derived from SECRET_KEY) keeps
    a stolen database from being checked against guesses offline.
    """
    key = hashlib.sha256(b"simadu-reporter-secret:" + settings.SECRET_KEY.encode()).digest()
    return hmac.new(key, normalize(secret).encode(), hashlib.sha256).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)
