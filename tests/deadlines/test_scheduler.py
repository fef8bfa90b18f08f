"""The periodic jobs: one table for Celery beat, the in-process scheduler of `simadu serve`, and
`simadu scheduler` for cron. A job runs when due, one at a time; a failing job never stops the others."""

from __future__ import annotations

import datetime as dt
import io
import threading
import time

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from simadu.deadlines import scheduler
from simadu.deadlines.management.commands.scheduler import Command
from simadu.deadlines.scheduler import JOBS, Job, Scheduler, scheduler_lock
from tests.deadlines.sweeping import escalations, file_case, make_people, wib


@pytest.fixture(autouse=True)
def _own_var_dir(settings, tmp_path):
    """The scheduler's state and lock files go to a folder of this test's own."""
    settings.VAR_DIR = tmp_path


def recording(name: str, calls: list[str], *, fail: bool = False, **when: object) -> Job:
    def run() -> str:
        calls.append(name)
        if fail:
            raise RuntimeError(f"{name} broke")
        return f"{name} done"

    return Job(name, name, run, **when)  # type: ignore[arg-type]


def test_the_jobs_are_the_sweep_every_5_minutes_the_outbox_every_minute_and_retention_at_2_am():
    assert [(j.name, j.every, j.daily_at) for j in JOBS] == [
        ("deadlines.sweep", 300, None),
        ("outbox.deliver_due", 60, None),
        ("retention.run", None, dt.time(2, 0)),
    ]


def test_celery_beat_runs_the_same_table_with_tasks_that_exist():
    from celery.schedules import crontab
    from config.celery import app

    app.loader.import_default_modules()
    schedule = app.conf.beat_schedule
    assert {name: entry["task"] for name, entry in schedule.items()} == {
        "deadlines.sweep": "deadlines.sweep",
        "outbox.deliver_due": "simadu.outbox.tasks.deliver_due",
        "retention.run": "retention.run",
    }
    assert schedule["deadlines.sweep"]["schedule"] == 300
    assert schedule["retention.run"]["schedule"] == crontab(hour=2, minute=0)
    assert app.conf.timezone == "Asia/Jakarta"
    assert {entry["task"] for entry in schedule.values()} <= set(app.tasks)


@pytest.mark.parametrize(
    ("last", "now", "due"),
    [
        (None, wib(2026, 3, 2, 10), True),  # never ran: now
        (wib(2026, 3, 1, 2, 0), wib(2026, 3, 2, 1, 59), False),
        (wib(2026, 3, 1, 2, 0), wib(2026, 3, 2, 2, 0), True),
        (wib(2026, 3, 2, 2, 0), wib(2026, 3, 2, 23, 0), False),
        (wib(2026, 2, 20, 2, 0), wib(2026, 3, 2, 1, 0), True),  # the server was off for days: caught up once
    ],
)
def test_the_daily_job_is_due_once_a_day_at_2_am_jakarta_time(last, now, due):
    assert scheduler.JOBS[2].due(last, now) is due


@pytest.mark.django_db  # the runner drops stale database connections around each job
def test_due_jobs_run_one_at_a_time_in_order_and_a_failing_job_does_not_stop_the_next():
    calls: list[str] = []
    jobs = (
        recording("first", calls, fail=True, every=60),
        recording("second", calls, every=60),
    )
    runner = Scheduler(jobs=jobs)

    with time_machine.travel(wib(2026, 3, 2, 10), tick=False):
        runs = runner.run_due()
    assert calls == ["first", "second"]
    assert [(r.name, r.ok) for r in runs] == [("first", False), ("second", True)]
    assert runs[0].summary == "RuntimeError: first broke"

    with time_machine.travel(wib(2026, 3, 2, 10) + dt.timedelta(seconds=59), tick=False):
        assert runner.run_due() == []  # a minute has not passed
    with time_machine.travel(wib(2026, 3, 2, 10, 1), tick=False):
        assert [r.name for r in runner.run_due()] == ["first", "second"]
    # When each job last ran survives a restart.
    assert set(Scheduler(jobs=jobs).last_runs()) == {"first", "second"}


def test_the_in_process_thread_runs_the_jobs_and_survives_a_job_that_fails(monkeypatch, settings):
    settings.REDIS_URL, settings.SIMADU_SCHEDULER = "", True
    calls: list[str] = []
    monkeypatch.setattr(
        scheduler, "JOBS", (recording("broken", calls, fail=True, every=0), recording("fine", calls, every=0))
    )
    monkeypatch.setattr(scheduler, "TICK_SECONDS", 0.01)
    monkeypatch.setattr(scheduler, "_started", None)
    monkeypatch.setattr(scheduler, "_stop", threading.Event())

    thread = scheduler.start_in_process()
    assert thread is not None
    assert thread.daemon
    assert scheduler.start_in_process() is None, "one thread per process"
    deadline = time.monotonic() + 10
    while calls.count("fine") < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    scheduler.stop_in_process()
    thread.join(5)

    assert calls.count("broken") >= 2
    assert calls.count("fine") >= 2, "the loop went on after the failure"
    assert not thread.is_alive()


@pytest.mark.parametrize(("redis_url", "switch"), [("redis://127.0.0.1:6379/0", True), ("", False)])
def test_no_thread_when_celery_beat_has_the_jobs_or_the_scheduler_is_off(
    monkeypatch, settings, redis_url, switch
):
    settings.REDIS_URL, settings.SIMADU_SCHEDULER = redis_url, switch
    monkeypatch.setattr(scheduler, "_started", None)

    assert scheduler.start_in_process() is None


@pytest.mark.django_db
def test_simadu_scheduler_once_runs_the_sweep_and_prints_a_line_per_job():
    """A cron user's `simadu scheduler --once --job deadlines.sweep`: the sweep runs now and says what it did."""
    make_people()
    case = file_case(wib(2026, 3, 4, 9))
    out = io.StringIO()

    with time_machine.travel(wib(2026, 3, 6, 10), tick=False):
        call_command("scheduler", "--once", "--job", "deadlines.sweep", stdout=out)

    assert out.getvalue().startswith("deadlines.sweep: 1 eskalasi, 0 pemberitahuan, 0 ditutup")
    assert [level for level, *_rest in escalations(case)] == [1]


@pytest.mark.django_db  # the runner drops stale database connections around each job
def test_simadu_scheduler_once_exits_1_with_the_reason_when_a_job_fails(monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(scheduler, "JOBS", (recording("outbox.deliver_due", calls, fail=True, every=60),))

    with pytest.raises(CommandError) as failure:
        call_command("scheduler", "--once", stdout=io.StringIO(), stderr=io.StringIO())

    assert failure.value.returncode == 1
    assert str(failure.value) == "Tugas outbox.deliver_due gagal: RuntimeError: outbox.deliver_due broke"


def test_simadu_scheduler_refuses_to_run_while_another_scheduler_holds_the_lock():
    with scheduler_lock(), pytest.raises(CommandError, match="Penjadwal lain sedang berjalan") as failure:
        call_command("scheduler", "--once", stdout=io.StringIO())
    assert failure.value.returncode == 1


def test_simadu_scheduler_help_names_every_job():
    text = Command().create_parser("simadu", "scheduler").format_help()
    for name in ("deadlines.sweep", "outbox.deliver_due", "retention.run", "--once", "--job"):
        assert name in text


@pytest.mark.django_db
def test_simadu_scheduler_says_so_when_a_job_had_nothing_to_do():
    out = io.StringIO()

    call_command("scheduler", "--once", "--job", "outbox.deliver_due", stdout=out)

    assert out.getvalue().startswith("outbox.deliver_due: tidak ada yang perlu dikerjakan (")
