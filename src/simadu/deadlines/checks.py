"""A system-check warning while the current or the next year has no rows in the holiday table."""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.db import DatabaseError

from simadu.core import clock
from simadu.core.clock import WIB


@checks.register()
def holiday_table_covers_this_and_next_year(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    from simadu.deadlines.calendar import _database_reachable, year_has_rows

    this_year = clock.now().astimezone(WIB).year
    try:
        if not _database_reachable():
            return []
        missing = [year for year in (this_year, this_year + 1) if not year_has_rows(year)]
    except (DatabaseError, RuntimeError):  # no table yet; no database allowed here
        return []
    return [
        checks.Warning(
            f"The holiday table has no rows for {year}: deadlines use the holidays package until "
            f"an administrator checks the SKB dates and runs `simadu calendar import --year {year}`.",
            id="simadu.W101",
        )
        for year in missing
    ]
