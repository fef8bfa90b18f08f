"""Staff two-factor authentication: a 6-digit code from an authenticator app (TOTP, RFC 6238).

The secret is stored only wrapped by the master key, so a copy of the database alone
makes no codes; key rotation re-wraps it with the other wrapped keys. A code is
accepted once: the 30-second step it belongs to is kept in `totp_last_step`, and a code
of that step or an earlier one is refused. A session counts as verified only after a
code, and `session_is_verified` is the one check that the staff pages and the Django
admin both ask. The bearer-token API does not use sessions and is not concerned.
"""

from __future__ import annotations

import base64
import hmac
import secrets

import pyotp
import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from simadu.accounts import signin
from simadu.accounts.models import User
from simadu.audit.services import audit_record
from simadu.core import clock, crypto
from simadu.core.errors import InvalidInput

ISSUER = "SIMADU Itjen Kemnaker"
SECRET_BYTES = 20  # 160 bits, as RFC 4226 recommends
# One step either side: a phone whose clock is half a minute off still signs in.
VALID_WINDOW = 1
SESSION_KEY = "simadu_2fa"


class AccountLocked(InvalidInput):
    code = "locked"


def required() -> bool:
    return bool(settings.SIMADU_REQUIRE_2FA)


def is_enrolled(user: User) -> bool:
    return user.totp_confirmed_at is not None and user.totp_secret is not None


def _secret(user: User) -> str:
    if user.totp_secret is None:
        raise InvalidInput(_("Mulai lagi dari halaman masuk."), code="not_enrolling")
    return base64.b32encode(crypto.unwrap(bytes(user.totp_secret))).decode()


def _matching_step(user: User, code: str) -> int | None:
    """The time step `code` belongs to, if it is one of the steps now valid and newer than the last one used."""
    code = "".join(code.split())
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(_secret(user))
    current = totp.timecode(clock.now())
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if step > user.totp_last_step and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


@transaction.atomic
def totp_begin(*, user: User) -> str:
    """The secret to show on the enrolment page: made on the first visit, the same one on a reload."""
    account = User.objects.select_for_update().get(pk=user.pk)
    if is_enrolled(account):
        raise InvalidInput(_("Verifikasi dua langkah sudah aktif untuk akun ini."), code="enrolled")
    if account.totp_secret is None:
        account.totp_secret = crypto.key_provider().wrap(secrets.token_bytes(SECRET_BYTES))
        account.totp_last_step = 0
        account.save(update_fields=["totp_secret", "totp_last_step"])
    user.totp_secret, user.totp_last_step = account.totp_secret, account.totp_last_step
    return _secret(account)


def key_groups(secret: str) -> str:
    """The key in groups of four, the way people copy it into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def provisioning_uri(*, user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The QR code as inline SVG, drawn here: the page needs no script and asks no other server."""
    return str(
        segno.make(uri, error="m").svg_inline(
            scale=4,
            border=4,
            omitsize=True,
            dark="#000",
            light="#fff",
            svgclass="ws-qr-code",
            lineclass=None,
            title=_("Kode QR untuk aplikasi autentikator"),
        )
    )


def _code_failed(user: User) -> InvalidInput:
    """Count a wrong code toward the lockout; the error to show."""
    if signin.failure_record(user=user, step="code"):
        return AccountLocked(_("Terlalu banyak kode salah. Akun dikunci selama 15 menit."), field="code")
    return InvalidInput(
        _("Kode salah atau sudah dipakai. Tunggu kode berikutnya di aplikasi, lalu coba lagi."),
        code="wrong_code",
        field="code",
    )


def totp_confirm(*, user: User, code: str) -> User:
    """Finish enrolment with the first code from the app; the sign-in is then complete."""
    with transaction.atomic():
        account = User.objects.select_for_update().get(pk=user.pk)
        if is_enrolled(account) or account.totp_secret is None:
            raise InvalidInput(_("Mulai lagi dari halaman masuk."), code="not_enrolling")
        if signin.is_locked(account):
            raise AccountLocked(_("Akun dikunci sementara. Coba lagi 15 menit lagi."))
        step = _matching_step(account, code)
        if step is not None:
            account.totp_last_step = step
            account.totp_confirmed_at = clock.now()
            account.save(update_fields=["totp_last_step", "totp_confirmed_at"])
            audit_record(actor=account, action="account.2fa_enrol", obj_type="user", obj_id=str(account.pk))
            signin.login_succeeded(user=account, two_factor=True)
            return account
    raise _code_failed(account)


def totp_verify(*, user: User, code: str) -> User:
    """The second step of every sign-in after enrolment."""
    with transaction.atomic():
        account = User.objects.select_for_update().get(pk=user.pk)
        if not is_enrolled(account):
            raise InvalidInput(_("Mulai lagi dari halaman masuk."), code="not_enrolled")
        if signin.is_locked(account):
            raise AccountLocked(_("Akun dikunci sementara. Coba lagi 15 menit lagi."))
        step = _matching_step(account, code)
        if step is not None:
            account.totp_last_step = step
            account.save(update_fields=["totp_last_step"])
            signin.login_succeeded(user=account, two_factor=True)
            return account
    raise _code_failed(account)


@transaction.atomic
def totp_reset(*, user: User, actor: User | str) -> User:
    """For a lost phone: the next sign-in enrols again, and every session verified before is no longer so."""
    account = User.objects.select_for_update().get(pk=user.pk)
    account.totp_secret = None
    account.totp_confirmed_at = None
    account.totp_last_step = 0
    account.save(update_fields=["totp_secret", "totp_confirmed_at", "totp_last_step"])
    audit_record(actor=actor, action="account.2fa_reset", obj_type="user", obj_id=str(account.pk))
    return account


def session_marker(user: User) -> str:
    """What a verified session holds: tied to the enrolment, so a reset ends every earlier verification."""
    confirmed = user.totp_confirmed_at.timestamp() if user.totp_confirmed_at else ""
    return f"{user.pk}:{confirmed}"


def session_mark_verified(request: HttpRequest, user: User) -> None:
    """After a good code: a new session key (the one seen before the code is worthless), marked verified."""
    request.session.cycle_key()
    request.session[SESSION_KEY] = session_marker(user)


def session_is_verified(request: HttpRequest) -> bool:
    """The one check of every staff page and of the admin: signed in, and past the second step."""
    user = request.user
    if not user.is_authenticated:
        return False
    if not required():
        return True
    account = user if isinstance(user, User) else None
    return (
        account is not None
        and is_enrolled(account)
        and request.session.get(SESSION_KEY) == session_marker(account)
    )
