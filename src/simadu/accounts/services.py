"""Writes to staff accounts: API tokens made, used and revoked.

A token is `smd_` and 40 random URL-safe symbols (240 bits). Only its SHA-256 is
stored: it is shown once, when made, and cannot be recovered afterwards. So much
randomness needs no slow hash, and a plain digest lets a request find its token
with one indexed lookup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from simadu.accounts.models import ApiToken, User
from simadu.audit.services import audit_record
from simadu.core import clock
from simadu.core.errors import InvalidInput

TOKEN_PREFIX = "smd_"  # noqa: S105  # nosec B105  # a marker, not a secret
TOKEN_LENGTH = len(TOKEN_PREFIX) + 40
# Writing last_used_at on every request would turn each read into a write.
LAST_USED_PRECISION = dt.timedelta(minutes=5)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str, actor: User | str | None = None) -> tuple[ApiToken, str]:
    """Make a token for `user`. Returns the row and the key, which is never stored and never shown again."""
    name = name.strip()
    if not name:
        raise InvalidInput(_("Beri nama token, misalnya nama aplikasinya."), field="name")
    if not user.is_active:
        raise InvalidInput(_("Akun ini tidak aktif."), field="user", code="inactive_user")
    key = TOKEN_PREFIX + secrets.token_urlsafe(30)
    token = ApiToken.objects.create(
        user=user, name=name[:100], key_hash=_digest(key), prefix=key[:8], created_at=clock.now()
    )
    audit_record(
        actor=actor if actor is not None else "system",
        action="api_token.create",
        obj_type="user",
        obj_id=str(user.pk),
        data={"token": token.pk, "prefix": token.prefix},
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: User | str | None = None) -> ApiToken:
    """Revoke a token; a revoked token stays listed (who had access when) but opens nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = clock.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor if actor is not None else "system",
            action="api_token.revoke",
            obj_type="user",
            obj_id=str(token.user_id),
            data={"token": token.pk, "prefix": token.prefix},
        )
    return token


def api_token_authenticate(*, key: str) -> User | None:
    """The active staff member a presented key belongs to, or None; records when the token was last used."""
    if len(key) != TOKEN_LENGTH or not key.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user__unit")
        .filter(key_hash=_digest(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = clock.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
