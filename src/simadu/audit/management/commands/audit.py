"""`simadu audit verify`: check the whole hash chain."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from simadu.audit.services import audit_verify


class Command(BaseCommand):
    help = "Audit log tools. `verify` checks the whole hash chain: exit 0 when intact, 1 at the first broken entry."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"], help="verify: check every entry of the chain")

    def handle(self, *args: Any, **options: Any) -> None:
        report = audit_verify()
        if not report.intact:
            raise CommandError(
                f"audit chain broken at entry #{report.broken_seq}: {report.reason}", returncode=1
            )
        self.stdout.write(f"audit chain intact: {report.entries} entries verified")
