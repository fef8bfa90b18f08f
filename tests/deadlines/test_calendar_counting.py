"""Indonesian working days: weekends, national holidays and cuti bersama do not count.

The expected days off come straight from the `holidays` package (public + government
categories), independently of `simadu.deadlines.calendar`, so the tests check the counting
against the calendar rather than against itself. These tests have no database, so the
calendar is the package's (a year without rows in the holiday table); test_calendar.py
checks the table.
"""

from __future__ import annotations

import datetime as dt
import itertools

import holidays
import pytest

from simadu.deadlines.calendar import add_working_days, is_working_day, working_days_between

D = dt.date
OFF = frozenset(holidays.country_holidays("ID", years=[2026, 2027], categories=("public", "government")))
YEAR_2026 = [D(2026, 1, 1) + dt.timedelta(days=n) for n in range(365)]


def _working(day: dt.date) -> bool:
    """The oracle: a weekday that is no national holiday or cuti bersama."""
    return day.weekday() < 5 and day not in OFF


def _count(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end`, counted by the oracle."""
    return sum(_working(start + dt.timedelta(days=n)) for n in range(1, (end - start).days + 1))


def test_the_calendar_knows_nyepi_lebaran_and_their_cuti_bersama_in_march_2026():
    """The days off around Nyepi and Idul Fitri 2026 (18–24 March) are off; the days around them are not."""
    lebaran_week_off = {D(2026, 3, 18), D(2026, 3, 19), D(2026, 3, 20), D(2026, 3, 23), D(2026, 3, 24)}
    assert lebaran_week_off <= OFF, "the holidays package no longer lists these days"

    assert [d for d in sorted(lebaran_week_off) if is_working_day(d)] == []
    assert [is_working_day(d) for d in (D(2026, 3, 13), D(2026, 3, 16), D(2026, 3, 17), D(2026, 3, 25))] == [
        True,
        True,
        True,
        True,
    ]
    assert not is_working_day(D(2026, 3, 14))
    assert not is_working_day(D(2026, 3, 15))


def test_three_working_days_after_friday_13_march_2026_is_wednesday_25_march():
    """Given a report received on Friday 13 March 2026, three working days later skips the weekend and the
    Nyepi–Lebaran days off and lands on Wednesday 25 March — nine calendar days later, not three."""
    assert add_working_days(D(2026, 3, 13), 3) == D(2026, 3, 25)
    assert working_days_between(D(2026, 3, 13), D(2026, 3, 25)) == 3
    assert working_days_between(D(2026, 3, 13), D(2026, 3, 24)) == 2


def test_is_working_day_agrees_with_the_calendar_on_every_day_of_2026():
    """Every day of 2026 is a working day exactly when it is a weekday off no holiday list."""
    assert [d for d in YEAR_2026 if is_working_day(d) != _working(d)] == []


@pytest.mark.parametrize("days", [1, 3, 5, 10, 14, 60])
def test_adding_working_days_from_any_day_of_2026_lands_on_a_working_day_never_before_the_calendar_count(
    days,
):
    """Given any start day of 2026 (weekends and holidays included), n working days later is a working day,
    exactly n working days away by the calendar, and never earlier than n calendar days."""
    wrong = []
    for start in YEAR_2026:
        due = add_working_days(start, days)
        if not (_working(due) and _count(start, due) == days and due >= start + dt.timedelta(days=days)):
            wrong.append((start, due))

    assert wrong == []


def test_the_count_crosses_into_the_next_year_with_that_years_holidays():
    """Given a report on Wednesday 30 December 2026, three working days later uses 2027's calendar (New
    Year's Day and Isra Mi'raj on Tuesday 5 January off): Thursday 31, Monday 4, Wednesday 6 January 2027."""
    assert {D(2027, 1, 1), D(2027, 1, 5)} <= OFF
    assert add_working_days(D(2026, 12, 30), 3) == D(2027, 1, 6)


def test_working_days_between_is_antisymmetric_additive_and_the_inverse_of_adding():
    """For every pair of days in March–April 2026: a→b is minus b→a, a→a is zero, a→b→c adds up to a→c,
    and counting from a to (a plus n working days) gives n."""
    days = [D(2026, 3, 1) + dt.timedelta(days=n) for n in range(61)]

    assert [d for d in days if working_days_between(d, d) != 0] == []
    assert [
        (a, b)
        for a, b in itertools.product(days, days)
        if working_days_between(a, b) != -working_days_between(b, a)
    ] == []
    assert [
        (a, b)
        for a, b in itertools.product(days, days)
        if a <= b and working_days_between(a, b) != _count(a, b)
    ] == []
    assert [
        (a, b, c)
        for a, b, c in itertools.product(days[::4], days[::3], days[::5])
        if working_days_between(a, b) + working_days_between(b, c) != working_days_between(a, c)
    ] == []
    assert [
        (d, n) for d in days for n in (1, 3, 10) if working_days_between(d, add_working_days(d, n)) != n
    ] == []
