"""`simadu unlock_staff USERNAME [--reset-2fa]`: the way back in when no administrator can sign in."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from simadu.accounts import signin, twofactor
from simadu.accounts.models import User


class Command(BaseCommand):
    help = (
        "Lift a staff member's sign-in lockout; with --reset-2fa also clear their two-factor enrolment "
        "(lost phone), so the next sign-in enrols again. The admin's actions do the same; this is for "
        "when the only administrator is the one locked out. Both are written to the audit log."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--reset-2fa", action="store_true", help="Also clear the two-factor enrolment.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(
                _("Pengguna %(username)s tidak ditemukan.") % {"username": options["username"]}
            )
        signin.account_unlock(user=user, actor="system")
        self.stdout.write(_("Kunci akun %(username)s dibuka.") % {"username": user.username})
        if options["reset_2fa"]:
            twofactor.totp_reset(user=user, actor="system")
            self.stdout.write(
                _("Verifikasi dua langkah %(username)s diatur ulang: daftarkan ponsel saat masuk berikutnya.")
                % {"username": user.username}
            )
