"""The holiday table is the calendar of its year; edits reach every process; zones and working hours.

The counting itself is checked against the `holidays` package in test_calendar_counting.py.
"""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from django.core.cache import cache

from simadu.core.clock import WIB, WIT, WITA
from simadu.deadlines import calendar
from simadu.deadlines.models import DayOff

D = dt.date
pytestmark = pytest.mark.django_db


def test_the_seeded_table_holds_the_lebaran_days_off_of_2026():
    """The data migration loaded the SKB 2026: Nyepi, Idul Fitri and their cuti bersama, 18–24 March."""
    off = calendar.days_off(2026)

    assert {D(2026, 3, d) for d in range(18, 25)} <= off
    assert DayOff.objects.get(date=D(2026, 3, 23)).kind == DayOff.Kind.JOINT_LEAVE
    assert [d for d in range(16, 28) if calendar.is_working_day(D(2026, 3, d))] == [16, 17, 25, 26, 27]


def test_for_a_year_with_rows_the_table_is_the_calendar_and_the_package_is_not_asked():
    """The government moves a cuti bersama: an administrator deletes 24 March and adds 27 March. The 24th is
    now a working day although the holidays package still lists it, and the 27th is off."""
    DayOff.objects.filter(date=D(2026, 3, 24)).delete()
    DayOff.objects.create(date=D(2026, 3, 27), kind=DayOff.Kind.JOINT_LEAVE, name="Cuti bersama tambahan")

    assert D(2026, 3, 24) in holidays.country_holidays(
        "ID", years=[2026], categories=("public", "government")
    )
    assert calendar.is_working_day(D(2026, 3, 24))
    assert not calendar.is_working_day(D(2026, 3, 27))
    assert calendar.add_working_days(D(2026, 3, 17), 3) == D(2026, 3, 26)  # 24, 25, 26


def test_a_year_without_rows_falls_back_to_the_holidays_package():
    """2027 has no rows yet: its calendar is the package's public and government days (cuti bersama too)."""
    assert not DayOff.objects.filter(date__year=2027).exists()
    package = frozenset(holidays.country_holidays("ID", years=[2027], categories=("public", "government")))

    assert calendar.days_off(2027) == package
    assert not calendar.is_working_day(D(2027, 1, 1))


def test_an_edit_in_this_process_counts_at_once():
    """Saving or deleting a row forgets this process's calendar at once; no wait for the recheck."""
    assert calendar.is_working_day(D(2026, 4, 6))
    day = DayOff.objects.create(date=D(2026, 4, 6), kind=DayOff.Kind.JOINT_LEAVE, name="Cuti bersama Paskah")
    assert not calendar.is_working_day(D(2026, 4, 6))
    day.delete()
    assert calendar.is_working_day(D(2026, 4, 6))


def test_an_edit_by_another_process_counts_here_within_thirty_seconds(monkeypatch):
    """Another worker's edit is seen through the version number in the shared cache, read at most every
    RECHECK_SECONDS: before that this process keeps its calendar, after it the new day is off."""
    now = [1000.0]
    monkeypatch.setattr(calendar, "_clock", lambda: now[0])
    calendar.forget()
    assert calendar.is_working_day(D(2026, 4, 7))

    # The other process: a row written without this process's signal, and the version it raises.
    DayOff.objects.bulk_create([DayOff(date=D(2026, 4, 7), kind=DayOff.Kind.JOINT_LEAVE, name="Cuti")])
    cache.set(calendar.VERSION_KEY, "from-another-worker", None)

    now[0] += calendar.RECHECK_SECONDS - 1
    assert calendar.is_working_day(D(2026, 4, 7)), "read again before the recheck time"
    now[0] += 2
    assert not calendar.is_working_day(D(2026, 4, 7))


def test_the_end_of_a_working_day_is_a_second_before_midnight_in_the_units_zone():
    """The same start gives the end of the same local day in WIB, WITA and WIT: one hour apart each."""
    start = dt.datetime(2026, 3, 9, 10, 0, tzinfo=WIB)
    ends = [calendar.end_of_working_day(start, 3, zone) for zone in (WIB, WITA, WIT)]

    assert [
        e.astimezone(zone).replace(tzinfo=None) for e, zone in zip(ends, (WIB, WITA, WIT), strict=True)
    ] == [dt.datetime(2026, 3, 12, 23, 59, 59)] * 3
    assert ends[0] - ends[1] == ends[1] - ends[2] == dt.timedelta(hours=1)


def test_late_on_thursday_in_jakarta_is_already_friday_in_jayapura():
    """An assignment at 23:30 WIB on Thursday 5 March 2026 is 01:30 WIT on Friday: a unit in WIT counts its
    5 days from Friday (due Friday 13 March), a unit in WIB from Thursday (due Thursday 12 March)."""
    at = dt.datetime(2026, 3, 5, 23, 30, tzinfo=WIB)

    assert at.astimezone(WIT).replace(tzinfo=None) == dt.datetime(2026, 3, 6, 1, 30)
    assert calendar.end_of_working_day(at, 5, WIB) == dt.datetime(2026, 3, 12, 23, 59, 59, tzinfo=WIB)
    assert calendar.end_of_working_day(at, 5, WIT) == dt.datetime(2026, 3, 13, 23, 59, 59, tzinfo=WIT)


@pytest.mark.parametrize(
    ("at", "zone", "expected"),
    [
        (dt.datetime(2026, 3, 27, 9, 0, tzinfo=WIB), WIB, True),  # Friday morning
        (dt.datetime(2026, 3, 27, 7, 59, tzinfo=WIB), WIB, False),  # before 08:00
        (dt.datetime(2026, 3, 27, 16, 0, tzinfo=WIB), WIB, False),  # 16:00 is closing time
        (dt.datetime(2026, 3, 28, 9, 0, tzinfo=WIB), WIB, False),  # Saturday
        (dt.datetime(2026, 3, 23, 9, 0, tzinfo=WIB), WIB, False),  # cuti bersama Idul Fitri
        (dt.datetime(2026, 3, 27, 7, 0, tzinfo=WIB), WIT, True),  # 07:00 WIB is 09:00 in Jayapura
        (dt.datetime(2026, 3, 27, 15, 0, tzinfo=WIB), WIT, False),  # 17:00 in Jayapura
    ],
)
def test_working_hours_are_those_of_the_units_zone_on_working_days(at, zone, expected):
    assert calendar.is_working_hours(at, zone) is expected


def test_working_hours_follow_the_setting(settings):
    settings.SIMADU_WORKING_HOURS = "07:30-15:30"
    assert calendar.is_working_hours(dt.datetime(2026, 3, 27, 7, 45, tzinfo=WIB), WIB)
    assert not calendar.is_working_hours(dt.datetime(2026, 3, 27, 15, 45, tzinfo=WIB), WIB)


def test_a_case_without_a_unit_is_in_jakarta_time_and_one_at_a_unit_in_the_units():
    from simadu.triage.models import Unit

    class Case:  # only what zone_of reads
        def __init__(self, unit: Unit | None) -> None:
            self.unit, self.unit_id = unit, unit.pk if unit else None

    papua = Unit(slug="disnaker_papua", name="Disnaker Papua", time_zone="WIT")
    assert calendar.zone_of(Case(None)) == WIB
    assert calendar.zone_of(Case(papua)) == WIT
    assert calendar.zone_name(calendar.zone_of(Case(papua))) == "WIT"
