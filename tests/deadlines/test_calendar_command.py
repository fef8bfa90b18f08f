"""`simadu calendar list|import --year Y`, and the system check that asks for next year's calendar."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command

from simadu.deadlines import calendar
from simadu.deadlines.checks import holiday_table_covers_this_and_next_year
from simadu.deadlines.models import DayOff

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("calendar", *args, stdout=out)
    return out.getvalue()


def test_list_prints_the_table_of_a_year_with_rows():
    out = _run("list", "--year", "2026")

    assert out.splitlines()[0] == "2026: 25 days off from the holiday table"
    assert "2026-03-23 Senin  cuti_bersama   Cuti bersama Idul Fitri" in out


def test_list_of_a_year_without_rows_says_it_is_the_packages():
    out = _run("list", "--year", "2027")

    assert "from the holidays package (no rows in the table)" in out.splitlines()[0]
    assert "2027-01-01" in out


def test_import_copies_the_packages_days_into_an_empty_year_and_silences_the_check():
    with time_machine.travel(dt.datetime(2026, 11, 29, 9, tzinfo=dt.UTC), tick=False):
        warned = holiday_table_covers_this_and_next_year(None)
        assert [w.id for w in warned] == ["simadu.W101"]
        assert "2027" in warned[0].msg

        out = _run("import", "--year", "2027")

        assert holiday_table_covers_this_and_next_year(None) == []
    rows = DayOff.objects.filter(date__year=2027)
    assert out.startswith(f"{rows.count()} days off of 2027 copied")
    assert rows.get(date=dt.date(2027, 1, 1)).kind == DayOff.Kind.NATIONAL
    assert rows.filter(kind=DayOff.Kind.JOINT_LEAVE).exists()
    assert calendar.days_off(2027) == frozenset(rows.values_list("date", flat=True))


def test_import_refuses_a_year_that_has_rows_in_one_line_with_a_failing_exit():
    with pytest.raises(CommandError) as refused:
        _run("import", "--year", "2026")

    assert refused.value.returncode == 1
    assert "\n" not in str(refused.value)
    assert "2026 already has rows" in str(refused.value)
    assert DayOff.objects.filter(date__year=2026).count() == 25


def test_the_command_explains_itself(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "django", "calendar", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "PATH": "/usr/bin:/bin",
            "SIMADU_VAR_DIR": str(tmp_path),
        },
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "import" in done.stdout
    assert "--year" in done.stdout
