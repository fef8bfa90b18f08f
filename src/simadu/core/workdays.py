"""Indonesian working days: weekends, national holidays and cuti bersama are off.

Pure functions over a set of days off, so the deadline rules can be tested at any
date. The holidays come from the `holidays` package (public + government, which adds
cuti bersama); the editable calendar table of a later issue adds to and removes from
that set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache

import holidays


@cache
def national_days_off(year: int) -> frozenset[dt.date]:
    days = holidays.country_holidays("ID", years=[year], categories=("public", "government"))
    return frozenset(days.keys())


def is_working_day(day: dt.date, extra_off: Iterable[dt.date] = ()) -> bool:
    return day.weekday() < 5 and day not in national_days_off(day.year) and day not in set(extra_off)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date `days` working days after `start` (start itself never counts)."""
    current = start
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (negative when end is earlier)."""
    if end < start:
        return -working_days_between(end, start)
    return sum(1 for n in range(1, (end - start).days + 1) if is_working_day(start + dt.timedelta(days=n)))
