"""`simadu mailgate`: file one e-mail read on stdin (an MTA's pipe), print the tracking id.

Exit status follows sysexits.h, which MTAs read: 0 filed (or filed before: same Message-ID);
65 (EX_DATAERR) the input is not a readable e-mail; 77 (EX_NOPERM) a readable e-mail that is not
filed, e.g. a reply to one of our messages from another address. The reason is one line on stderr,
which the MTA puts in its bounce.
"""

from __future__ import annotations

import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from simadu.intake.mailgate import MAX_BYTES, Refused, Unreadable, mailgate_take

EX_DATAERR = 65
EX_NOPERM = 77


class Command(BaseCommand):
    help = (
        "Read one RFC 822 e-mail on stdin and file it as a new report, or as the reporter's message on the "
        "report it replies to; print the tracking id."
    )
    requires_system_checks: list[str] = []  # an MTA's bounce should hold the reason, not check warnings

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--file", default="-", help="read the e-mail from this file instead of stdin (default: -, stdin)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["file"] == "-":
                raw = sys.stdin.buffer.read(MAX_BYTES + 1)
            else:
                with open(options["file"], "rb") as handle:
                    raw = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise CommandError(
                f"cannot read the e-mail: {exc.strerror or exc}", returncode=EX_DATAERR
            ) from None
        try:
            with translation.override(settings.LANGUAGE_CODE):  # the reason reaches the sender in a bounce
                filed = mailgate_take(raw)
        except Unreadable as exc:
            raise CommandError(_one_line(exc), returncode=EX_DATAERR) from None
        except Refused as exc:
            raise CommandError(_one_line(exc), returncode=EX_NOPERM) from None
        self.stdout.write(filed.tracking_id)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
