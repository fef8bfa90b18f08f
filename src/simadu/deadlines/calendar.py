"""Indonesian working days: weekends, national holidays and cuti bersama are off.

For a year with rows in the `DayOff` table the table is the calendar of that year; a year
without rows falls back to the `holidays` package (public + government categories, which
adds cuti bersama) until an administrator runs `simadu calendar import` (decision 0009).

Each process keeps the days off per year. An edit in the admin clears it in that process
at once (signals, see apps.py) and raises a version number in Django's cache; every other
process reads that number at most every RECHECK_SECONDS and drops its years when it moved.

A deadline is always one formula, `end_of_working_day`: the end (23:59:59 local) of the
working day `days` working days after the start, in the handling unit's zone. More days
off can only move it later.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
import time
import uuid
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, SynchronousOnlyOperation
from django.db import DatabaseError, connection, transaction

from simadu.core.clock import WIB, ZONES

if TYPE_CHECKING:
    from simadu.deadlines.models import CaseClock

log = logging.getLogger(__name__)

RECHECK_SECONDS = 30.0
VERSION_KEY = "simadu:deadlines:calendar-version"
DEFAULT_WORKING_HOURS = "08:00-16:00"
_clock = time.monotonic  # tests move it forward
_lock = threading.RLock()


@dataclass
class _Years:
    version: str | None
    checked_at: float
    days: dict[int, frozenset[dt.date]] = field(default_factory=dict)
    degraded: bool = False  # some year came from the package because the database could not be asked


_years: _Years | None = None


# --- where the days off come from ---------------------------------------------------------


@cache
def package_days_off(year: int) -> frozenset[dt.date]:
    """The `holidays` package's Indonesian public and government days off (cuti bersama) of `year`."""
    days = holidays.country_holidays("ID", years=[year], categories=("public", "government"))
    return frozenset(days.keys())


def package_days_off_named(year: int) -> list[tuple[dt.date, str, str]]:
    """The package's days off of `year` as (date, kind, Indonesian name), for `simadu calendar import`.

    Public holidays are libur nasional; the government category is cuti bersama.
    """
    rows: dict[dt.date, tuple[dt.date, str, str]] = {}
    for category, kind in (("government", "cuti_bersama"), ("public", "libur_nasional")):
        days = holidays.country_holidays("ID", years=[year], categories=(category,), language="id")
        for day, name in days.items():
            rows[day] = (day, kind, str(name)[:120])  # a public holiday wins over a joint leave on one date
    return sorted(rows.values())


def _database_reachable() -> bool:
    """False for an embedded SQLite file that does not exist yet: opening it would create it."""
    if connection.vendor != "sqlite":
        return True
    name = str(connection.settings_dict["NAME"] or "")
    return name == ":memory:" or "mode=memory" in name or Path(name).exists()


def table_days_off(year: int) -> frozenset[dt.date] | None:
    """The table's days off of `year`: empty when the year has no rows; None without a usable database."""
    from simadu.deadlines.models import DayOff

    try:
        if not _database_reachable():
            return None
        # Inside a transaction a failed query (no table yet) would poison it: fail in a savepoint.
        with transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext():
            return frozenset(DayOff.objects.filter(date__year=year).values_list("date", flat=True))
    except (DatabaseError, ImproperlyConfigured, SynchronousOnlyOperation, RuntimeError) as exc:
        # RuntimeError: database access refused here (a test without a database, for one).
        log.debug("no holiday table for %s: %s", year, exc)
        return None


def _read_version() -> str | None:
    from django.core.cache import cache as django_cache

    try:
        value = django_cache.get(VERSION_KEY)
    except Exception as exc:
        log.warning("calendar version unreadable from the cache: %s", exc)
        return None
    return None if value is None else str(value)


def forget() -> None:
    """Read the calendar afresh at the next question (this process only)."""
    global _years
    with _lock:
        _years = None


def calendar_changed() -> None:
    """The table changed: forget here, and tell the other processes through the cache's version number."""
    from django.core.cache import cache as django_cache

    forget()
    try:
        django_cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    except Exception as exc:
        log.warning("calendar version not written to the cache: %s", exc)


def days_off(year: int) -> frozenset[dt.date]:
    """The days off of `year` besides weekends: the table's rows, or the package's when the year has none."""
    global _years
    with _lock:
        now = _clock()
        if _years is None or now - _years.checked_at >= RECHECK_SECONDS:
            version = _read_version()
            if _years is None or version != _years.version or _years.degraded:
                _years = _Years(version, now)
            else:
                _years.checked_at = now
        known = _years.days.get(year)
        if known is not None:
            return known
        table = table_days_off(year)
        if table is None:  # no database to ask: the package, until the next recheck
            _years.degraded = True
        result = table if table else package_days_off(year)
        _years.days[year] = result
        return result


def year_has_rows(year: int) -> bool:
    from simadu.deadlines.models import DayOff

    return DayOff.objects.filter(date__year=year).exists()


# --- counting -------------------------------------------------------------------------------


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in days_off(day.year)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The date `n` working days after `start` (start itself never counts; n <= 0 gives start)."""
    current = start
    remaining = n
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(a: dt.date, b: dt.date) -> int:
    """Working days after `a` up to and including `b` (negative when `b` is earlier)."""
    if b < a:
        return -working_days_between(b, a)
    return sum(1 for n in range(1, (b - a).days + 1) if is_working_day(a + dt.timedelta(days=n)))


def end_of_working_day(start: dt.datetime, days: int, zone: ZoneInfo) -> dt.datetime:
    """23:59:59 local (in `zone`) of the working day `days` working days after `start`'s local date."""
    due = add_working_days(start.astimezone(zone).date(), days)
    return dt.datetime.combine(due, dt.time(23, 59, 59), tzinfo=zone)


def end_of_calendar_day(start: dt.datetime, days: int, zone: ZoneInfo) -> dt.datetime:
    """23:59:59 local of the date `days` calendar days after `start`'s local date."""
    due = start.astimezone(zone).date() + dt.timedelta(days=days)
    return dt.datetime.combine(due, dt.time(23, 59, 59), tzinfo=zone)


# --- zones and hours ------------------------------------------------------------------------


def zone_named(name: str | None) -> ZoneInfo:
    """WIB / WITA / WIT as a ZoneInfo; anything else is WIB."""
    return ZONES.get(name or "WIB", WIB)


def zone_name(zone: ZoneInfo) -> str:
    """The Indonesian name (WIB, WITA, WIT) of a zone."""
    for name, value in ZONES.items():
        if value.key == zone.key:
            return name
    return "WIB"


def zone_of(case: Any) -> ZoneInfo:
    """The zone of the unit handling `case`; WIB (Itjen, Jakarta) when no unit has it yet."""
    unit = getattr(case, "unit", None) if getattr(case, "unit_id", None) else None
    return zone_named(getattr(unit, "time_zone", None)) if unit is not None else WIB


def working_hours() -> tuple[dt.time, dt.time]:
    """SIMADU_WORKING_HOURS ("08:00-16:00"): when reminders may go out, local time of the case's zone."""
    raw = str(getattr(settings, "SIMADU_WORKING_HOURS", DEFAULT_WORKING_HOURS) or DEFAULT_WORKING_HOURS)
    try:
        begin, end = (dt.time.fromisoformat(part.strip()) for part in raw.split("-", 1))
    except ValueError:
        log.warning("SIMADU_WORKING_HOURS %r unreadable; using %s", raw, DEFAULT_WORKING_HOURS)
        begin, end = (dt.time.fromisoformat(p) for p in DEFAULT_WORKING_HOURS.split("-"))
    return begin, end


def is_working_hours(at: dt.datetime, zone: ZoneInfo) -> bool:
    """A working day in `zone`, and within the working hours there."""
    local = at.astimezone(zone)
    if not is_working_day(local.date()):
        return False
    begin, end = working_hours()
    return begin <= local.time().replace(tzinfo=None) < end


# --- how much of a clock is used ------------------------------------------------------------


def working_seconds(a: dt.datetime, b: dt.datetime, zone: ZoneInfo) -> float:
    """Seconds between `a` and `b` that fall on working days of `zone` (whole local days count)."""
    if b <= a:
        return 0.0
    total = 0.0
    day = a.astimezone(zone).date()
    last = b.astimezone(zone).date()
    while day <= last:
        if is_working_day(day):
            day_start = dt.datetime.combine(day, dt.time(0), tzinfo=zone)
            day_end = day_start + dt.timedelta(days=1)
            total += max(0.0, (min(b, day_end) - max(a, day_start)).total_seconds())
        day += dt.timedelta(days=1)
    return total


def elapsed_fraction(clock: CaseClock, now: dt.datetime) -> float:
    """How much of its time `clock` has used: 0.5 half, 1.0 at the due time, above 1 late.

    Working-day clocks count only working-day time, and the time the case waited on the
    reporter is left out (a pause gives back whole working days, see clocks.resume); a
    calendar-day clock counts wall time.
    """
    zone = zone_named(clock.zone)
    end = min(x for x in (now, clock.paused_at, clock.stopped_at) if x is not None)
    if clock.calendar_days:
        allowed = (clock.due_at - clock.started_at).total_seconds()
        used = (end - clock.started_at).total_seconds()
    else:
        paused = clock.paused_days * 86400.0
        allowed = working_seconds(clock.started_at, clock.due_at, zone) - paused
        used = working_seconds(clock.started_at, end, zone) - paused
    if allowed <= 0:
        return 1.0 if end >= clock.due_at else 0.0
    return max(0.0, used / allowed)


# --- the table ------------------------------------------------------------------------------


class CalendarProblem(ValueError):
    """A calendar command that cannot be done, in one line."""


def calendar_rows(year: int) -> list[tuple[dt.date, str, str, str]]:
    """The days off of `year` as (date, kind, name, source): the table's rows, or the package's."""
    from simadu.deadlines.models import DayOff

    rows = list(DayOff.objects.filter(date__year=year).values_list("date", "kind", "name"))
    if rows:
        return [(day, kind, name, "table") for day, kind, name in rows]
    return [(day, kind, name, "holidays") for day, kind, name in package_days_off_named(year)]


@transaction.atomic
def calendar_import(*, year: int, actor: Any) -> int:
    """Copy the `holidays` package's days off of `year` into the table, for an administrator to check.

    Refused for a year that already has rows: the table is then the calendar of that year, and
    a copy over it would bring back days the SKB removed.
    """
    from simadu.audit.services import audit_record
    from simadu.deadlines.models import DayOff

    if not 1900 <= year <= 2200:
        raise CalendarProblem(f"year {year} is out of range")
    if DayOff.objects.filter(date__year=year).exists():
        raise CalendarProblem(
            f"{year} already has rows in the holiday table; edit them in the admin instead of importing"
        )
    rows = package_days_off_named(year)
    if not rows:
        raise CalendarProblem(f"the holidays package knows no Indonesian days off in {year}")
    basis = f"holidays {metadata.version('holidays')} (public, government); check against the SKB"
    DayOff.objects.bulk_create(
        [DayOff(date=day, kind=kind, name=name, basis=basis) for day, kind, name in rows]
    )
    from simadu.deadlines.signals import calendar_edited

    calendar_edited()  # once for the whole year, as a save in the admin would (bulk_create sends no signal)
    audit_record(
        actor=actor, action="calendar.import", obj_type="calendar", obj_id=str(year), data={"days": len(rows)}
    )
    return len(rows)
