"""`simadu create_api_token USERNAME [--name NAME]`: make a staff API token and print it, once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from simadu.accounts.models import User
from simadu.accounts.services import api_token_create
from simadu.core.errors import DomainError


class Command(BaseCommand):
    help = "Make an API token for a staff member and print it. It is shown only this once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="API", help="What the token is for (shown in the admin).")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(
                _("Pengguna %(username)s tidak ditemukan.") % {"username": options["username"]}
            )
        try:
            token, key = api_token_create(user=user, name=options["name"], actor="system")
        except DomainError as exc:
            raise CommandError(str(exc.message)) from exc
        # The key alone on stdout, so a script can capture it; the advice goes to stderr.
        self.stdout.write(key)
        self.stderr.write(
            _(
                "Token %(prefix)s… untuk %(username)s dibuat. Simpan sekarang: token tidak dapat ditampilkan lagi."
            )
            % {"prefix": token.prefix, "username": user.username}
        )
