"""`simadu calendar list|import --year Y`: read the working-day calendar, or seed a year from the holidays package."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from simadu.core import clock
from simadu.core.clock import WIB
from simadu.deadlines import calendar

_WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


class Command(BaseCommand):
    help = (
        "The working-day calendar. `list --year Y` prints the days off of a year (the holiday table's rows, "
        "or the holidays package's when the year has none); `import --year Y` copies the holidays package's "
        "days off of a year with no rows into the table, to be checked against the SKB in the admin."
    )

    requires_system_checks: list[str] = []  # not the W101 warning about the very year being imported

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "action", choices=["list", "import"], help="list: print the days off; import: seed a year"
        )
        parser.add_argument(
            "--year", type=int, default=None, help="the calendar year (default: the current year in WIB)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        year = options["year"] or clock.now().astimezone(WIB).year
        try:
            if options["action"] == "import":
                created = calendar.calendar_import(year=year, actor="system")
                self.stdout.write(
                    f"{created} days off of {year} copied from the holidays package; check them against the SKB"
                )
                return
            rows = calendar.calendar_rows(year)
        except calendar.CalendarProblem as exc:
            raise CommandError(str(exc), returncode=1) from exc
        except DatabaseError as exc:
            raise CommandError(
                f"database not usable ({exc.__class__.__name__}): run `simadu migrate` first", returncode=2
            ) from exc
        source = rows[0][3] if rows else "holidays"
        self.stdout.write(
            f"{year}: {len(rows)} days off from "
            + ("the holiday table" if source == "table" else "the holidays package (no rows in the table)")
        )
        for day, kind, name, _source in rows:
            self.stdout.write(f"{day:%Y-%m-%d} {_WEEKDAYS[day.weekday()]:<6} {kind:<14} {name}")
