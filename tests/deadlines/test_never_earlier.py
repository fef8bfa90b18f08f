"""A deadline never comes earlier because of a holiday: not by the formula, not when the calendar changes
while a clock runs."""

from __future__ import annotations

import datetime as dt
import random

import pytest
import time_machine
from django.test import Client

from simadu.cases.models import CaseEvent
from simadu.core.clock import WIB, WIT, WITA
from simadu.deadlines import calendar
from simadu.deadlines.models import DayOff, Stage
from tests.deadlines.helpers import clock_of, end_wib, received, wib
from tests.factories import login_staff

pytestmark = pytest.mark.django_db


def test_adding_any_days_off_never_makes_any_deadline_earlier():
    """Property: for 40 random sets of 1–6 extra days off in 2026 (any day, weekends and holidays included),
    and for 60 random starts (any moment of 2026, any zone, 1–60 working days) each, the deadline with the
    extra days off is never earlier than without them, and is later exactly when an extra day off fell on a
    working day inside the window."""
    rng = random.Random(20260317)
    zones = (WIB, WITA, WIT)
    year = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(365)]
    earlier, wrong_cause = [], []
    for _trial in range(40):
        starts = [
            (
                dt.datetime(2026, 1, 1, tzinfo=WIB) + dt.timedelta(minutes=rng.randrange(0, 300 * 24 * 60)),
                rng.choice((1, 3, 5, 10, 14, 60)),
                rng.choice(zones),
            )
            for _ in range(60)
        ]
        before = [calendar.end_of_working_day(start, days, zone) for start, days, zone in starts]
        extra = [d for d in rng.sample(year, rng.randint(1, 6)) if not DayOff.objects.filter(date=d).exists()]
        was_working = {d: calendar.is_working_day(d) for d in extra}
        DayOff.objects.bulk_create(
            [DayOff(date=d, kind=DayOff.Kind.JOINT_LEAVE, name="Cuti bersama uji") for d in extra]
        )
        calendar.forget()
        after = [calendar.end_of_working_day(start, days, zone) for start, days, zone in starts]
        for (start, days, zone), old, new in zip(starts, before, after, strict=True):
            if new < old:
                earlier.append((start, days, zone, extra, old, new))
            window = [d for d in extra if start.astimezone(zone).date() < d <= old.astimezone(zone).date()]
            if (new > old) != any(was_working[d] for d in window):
                wrong_cause.append((start, days, zone, extra, old, new))
        DayOff.objects.filter(date__in=extra).delete()

    assert earlier == []
    assert wrong_cause == []


def test_a_day_off_added_while_a_clock_runs_moves_its_deadline_later_and_removing_it_never_earlier(
    staff, django_capture_on_commit_callbacks
):
    """A report received Mon 2 March 2026 is due Thu 5 March. The government declares Wednesday 4 March a
    cuti bersama; an administrator adds it in the admin: once saved, the running verification is due Friday
    6 March, the case shows it, and its timeline says why (internally). Deleting the day again leaves
    Friday: an officer told "Friday" is never surprised by "Thursday"."""
    with time_machine.travel(wib(2026, 3, 2, 9), tick=False):
        case = received()
    assert case.stage_due_at == end_wib(2026, 3, 5)
    admin = login_staff(Client(), staff["admin"])

    with (
        time_machine.travel(wib(2026, 3, 3, 9), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = admin.post(
            "/admin/deadlines/dayoff/add/",
            {
                "date": "2026-03-04",
                "kind": "cuti_bersama",
                "name": "Cuti bersama tambahan",
                "basis": "SKB baru",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]

    case.refresh_from_db()
    verify = clock_of(case, Stage.VERIFY)
    assert verify.due_at == end_wib(2026, 3, 6)
    assert verify.original_due_at == end_wib(2026, 3, 5)
    assert case.stage_due_at == end_wib(2026, 3, 6)
    moved = CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.DEADLINE)
    assert moved.count() == 1
    event = moved.get()
    assert event.visibility == CaseEvent.Visibility.INTERNAL
    assert "Kalender hari libur berubah" in event.body
    assert "6 Maret 2026" in event.body
    assert event.data["reason"] == "calendar"

    with django_capture_on_commit_callbacks(execute=True):
        DayOff.objects.get(date=dt.date(2026, 3, 4)).delete()

    case.refresh_from_db()
    assert calendar.is_working_day(dt.date(2026, 3, 4))
    assert clock_of(case, Stage.VERIFY).due_at == end_wib(2026, 3, 6)
    assert case.stage_due_at == end_wib(2026, 3, 6)
    assert moved.count() == 1  # nothing moved, nothing written


def test_a_day_off_after_the_deadline_or_before_the_start_moves_nothing(django_capture_on_commit_callbacks):
    with time_machine.travel(wib(2026, 3, 2, 9), tick=False):
        case = received()
    with django_capture_on_commit_callbacks(execute=True):
        DayOff.objects.create(date=dt.date(2026, 3, 9), kind=DayOff.Kind.JOINT_LEAVE, name="Sesudah tenggat")
        DayOff.objects.create(date=dt.date(2026, 2, 27), kind=DayOff.Kind.JOINT_LEAVE, name="Sebelum mulai")

    case.refresh_from_db()
    assert case.stage_due_at == end_wib(2026, 3, 5)
    assert not CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.DEADLINE).exists()


def test_the_first_day_off_an_administrator_adds_for_a_new_year_keeps_that_years_other_holidays(
    staff, django_capture_on_commit_callbacks
):
    """2027 is not in the table, so the `holidays` package is its calendar (17 August is Independence Day).
    When an administrator adds the 2027 Christmas cuti bersama, the package's 2027 days are copied into the
    table first: 17 August 2027 stays a day off, and the new row keeps the administrator's words."""
    assert not DayOff.objects.filter(date__year=2027).exists()
    assert not calendar.is_working_day(dt.date(2027, 8, 17))
    admin = login_staff(Client(), staff["admin"])

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            "/admin/deadlines/dayoff/add/",
            {"date": "2027-12-24", "kind": "cuti_bersama", "name": "Cuti bersama Natal", "basis": "SKB 2027"},
        )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert DayOff.objects.filter(date=dt.date(2027, 8, 17)).exists()
    assert not calendar.is_working_day(dt.date(2027, 8, 17))
    added = DayOff.objects.get(date=dt.date(2027, 12, 24))
    assert (added.name, added.basis) == ("Cuti bersama Natal", "SKB 2027")
