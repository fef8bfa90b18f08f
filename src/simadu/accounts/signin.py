"""The password step of a staff sign-in, and the lockout that follows repeated failures.

Five failures for one account within 15 minutes (wrong passwords and wrong codes alike)
lock it for 15 minutes. Whoever signs in learns nothing about which accounts exist: an
unknown name, a wrong password, an inactive account and a locked one are answered the
same way, and a locked account still spends the time of a password hash. The per-client
limit of the login page (`simadu.core.ratelimit`) stays in front of all this.

The 15-minute window of failures is kept in the cache, like the per-client limits; the
count and the lock are on the account, where the admin shows and clears them. The audit
log records every success, failure, lock, unlock and sign-out, never a password or code.
A name that matches no account is not recorded (people type passwords into that field).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import authenticate
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest

from simadu.accounts.models import User
from simadu.audit.services import audit_record
from simadu.core import clock

LOCK_AFTER = 5
FAILURE_WINDOW = dt.timedelta(minutes=15)
LOCK_FOR = dt.timedelta(minutes=15)


def _window_key(user: User) -> str:
    return f"signin:failures:{user.pk}"


def is_locked(user: User, *, now: dt.datetime | None = None) -> bool:
    return user.locked_until is not None and user.locked_until > (now or clock.now())


def password_check(*, request: HttpRequest | None, username: str, password: str) -> User | None:
    """The active, unlocked account with this name and password, else None (whatever the reason)."""
    account = User.objects.filter(username=username).first()
    if account is not None and is_locked(account):
        # As slow as a real check, so a locked account does not answer faster than the others.
        User().set_password(password)
        audit_record(
            actor="anonymous",
            action="account.login_failed",
            obj_type="user",
            obj_id=str(account.pk),
            data={"step": "password", "reason": "locked"},
        )
        return None
    user = authenticate(request, username=username, password=password)
    if user is None:
        if account is None:
            audit_record(
                actor="anonymous",
                action="account.login_failed",
                obj_type="user",
                obj_id="",
                data={"step": "password", "reason": "unknown_account"},
            )
        else:
            failure_record(user=account, step="password")
        return None
    return user


def failure_record(*, user: User, step: str) -> bool:
    """Count one failed password or code against `user`; True when this failure locked the account."""
    now = clock.now()
    fresh_window = cache.add(_window_key(user), 1, timeout=int(FAILURE_WINDOW.total_seconds()))
    with transaction.atomic():
        account = User.objects.select_for_update().get(pk=user.pk)
        if fresh_window or (account.locked_until is not None and account.locked_until <= now):
            account.failed_logins = 0
            account.locked_until = None
        account.failed_logins += 1
        locked = account.failed_logins >= LOCK_AFTER
        if locked:
            account.locked_until = now + LOCK_FOR
        account.save(update_fields=["failed_logins", "locked_until"])
        audit_record(
            actor="anonymous" if step == "password" else account,
            action="account.login_failed",
            obj_type="user",
            obj_id=str(account.pk),
            data={"step": step, "failures": account.failed_logins},
        )
        if locked:
            audit_record(
                actor="system",
                action="account.lock",
                obj_type="user",
                obj_id=str(account.pk),
                data={"until": account.locked_until, "failures": account.failed_logins},
            )
    if locked:
        cache.delete(_window_key(user))  # after the lock, counting starts again
    user.failed_logins, user.locked_until = account.failed_logins, account.locked_until
    return locked


def login_succeeded(*, user: User, two_factor: bool) -> None:
    """The whole sign-in went through: the failures so far are forgiven, and the entry is written."""
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(failed_logins=0, locked_until=None)
        audit_record(
            actor=user,
            action="account.login",
            obj_type="user",
            obj_id=str(user.pk),
            data={"two_factor": two_factor},
        )
    cache.delete(_window_key(user))
    user.failed_logins, user.locked_until = 0, None


@transaction.atomic
def account_unlock(*, user: User, actor: User | str) -> User:
    """An administrator lets a locked-out member of staff try again at once."""
    account = User.objects.select_for_update().get(pk=user.pk)
    account.failed_logins = 0
    account.locked_until = None
    account.save(update_fields=["failed_logins", "locked_until"])
    audit_record(actor=actor, action="account.unlock", obj_type="user", obj_id=str(account.pk))
    transaction.on_commit(lambda: cache.delete(_window_key(account)))
    return account


def logout_record(*, user: User) -> None:
    audit_record(actor=user, action="account.logout", obj_type="user", obj_id=str(user.pk))


def logged_out(sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any) -> None:
    """Receiver of Django's user_logged_out: write the entry for whoever was signed in."""
    if isinstance(user, User):
        logout_record(user=user)
