"""The periodic jobs, declared once, and the in-process scheduler that runs them without Redis.

Production (REDIS_URL set): Celery beat puts each job's task on Redis at its interval
(`config/celery.py` reads `beat_schedule()`), a Celery worker runs it. Embedded default: a
daemon thread of `simadu serve` (`start_in_process`) runs the same jobs on the same
intervals, one at a time; `simadu scheduler` does the same for cron users. A job's error is
logged and never stops the server or the next job.

Several web workers each start the thread; a lock file (`var/scheduler.lock`, `flock`) lets
one of them run the jobs, and another takes over if that worker dies. When each job last ran
is kept in `var/scheduler.json`, so a restart does not run the daily job twice and a day the
server was off is caught up once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from django.conf import settings

log = logging.getLogger(__name__)

TICK_SECONDS = 15.0  # how often the loop looks for a due job
LOCK_RETRY_SECONDS = 60.0  # how often a waiting thread tries to take over the lock


def _deadlines_sweep() -> str:
    from simadu.deadlines.sweeps import deadlines_sweep

    result = deadlines_sweep()
    return result.summary() if any(result.as_dict().values()) else ""


def _outbox_deliver_due() -> str:
    from simadu.outbox.services import outbox_deliver_due

    tried = outbox_deliver_due()
    return f"{tried} pesan dicoba kirim" if tried else ""


def _retention_run() -> str:
    from simadu.confidentiality.retention import retention_run

    report = retention_run()
    if not (report.cases or report.outbox or report.idempotency):
        return ""
    return (
        f"{len(report.cases)} laporan dianonimkan, {report.outbox + report.idempotency} catatan lama dihapus"
    )


@dataclass(frozen=True)
class Job:
    name: str
    task: str  # the Celery task that runs it on a worker
    run: Callable[
        [], str
    ]  # runs the job once in this process; a one-line summary, "" when there was nothing to do
    every: float | None = None  # seconds between runs
    daily_at: dt.time | None = None  # local time (settings.TIME_ZONE), once a day

    def due(self, last: dt.datetime | None, now: dt.datetime) -> bool:
        if last is None:
            return True
        if self.daily_at is None:
            return (now - last).total_seconds() >= (self.every or 0)
        local = now.astimezone(ZoneInfo(settings.TIME_ZONE))
        slot = dt.datetime.combine(local.date(), self.daily_at, tzinfo=local.tzinfo)
        if slot > local:
            slot -= dt.timedelta(days=1)
        return last < slot


JOBS: tuple[Job, ...] = (
    Job("deadlines.sweep", "deadlines.sweep", _deadlines_sweep, every=300),
    Job("outbox.deliver_due", "simadu.outbox.tasks.deliver_due", _outbox_deliver_due, every=60),
    Job("retention.run", "retention.run", _retention_run, daily_at=dt.time(2, 0)),
)
JOB_NAMES = tuple(job.name for job in JOBS)


def beat_schedule() -> dict[str, dict[str, Any]]:
    """The same table for Celery beat (crontab hours are in CELERY_TIMEZONE, Asia/Jakarta)."""
    from celery.schedules import crontab

    schedule: dict[str, dict[str, Any]] = {}
    for job in JOBS:
        if job.daily_at is not None:
            every: Any = crontab(hour=job.daily_at.hour, minute=job.daily_at.minute)
        else:
            every = job.every
        schedule[job.name] = {"task": job.task, "schedule": every}
    return schedule


@dataclass(frozen=True)
class JobRun:
    name: str
    ok: bool
    summary: str  # the job's summary, or the error in one line
    seconds: float


class SchedulerBusy(RuntimeError):
    """Another scheduler (a `simadu serve` worker or another `simadu scheduler`) holds the lock."""


def _var_dir() -> Path:
    path = Path(settings.VAR_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextlib.contextmanager
def scheduler_lock(*, wait: bool = False) -> Iterator[IO[str]]:
    """Hold `var/scheduler.lock` so that one scheduler at a time runs the jobs; SchedulerBusy if taken."""
    handle = open(_var_dir() / "scheduler.lock", "a+")  # noqa: SIM115  # held for the whole block
    try:
        flags = fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB
        try:
            fcntl.flock(handle, flags)
        except BlockingIOError as exc:
            raise SchedulerBusy(str(handle.name)) from exc
        yield handle
    finally:
        handle.close()  # closing the file releases the lock


def _drop_stale_connections() -> None:
    """A long-lived thread must not keep a broken or expired database connection (what a request's end does);
    one inside a transaction (a caller's, a test's) is left alone."""
    from django.db import connections

    for conn in connections.all(initialized_only=True):
        if not conn.in_atomic_block:
            conn.close_if_unusable_or_obsolete()


class Scheduler:
    """Runs due jobs one at a time and remembers when each last ran (in `state_path`)."""

    def __init__(self, jobs: tuple[Job, ...] | None = None, state_path: Path | None = None) -> None:
        self.jobs = JOBS if jobs is None else jobs
        self.state_path = state_path or _var_dir() / "scheduler.json"

    def last_runs(self) -> dict[str, dt.datetime]:
        try:
            raw = json.loads(self.state_path.read_text(encoding="utf-8"))
            return {name: dt.datetime.fromisoformat(at) for name, at in raw.items()}
        except (OSError, ValueError, AttributeError):
            return {}

    def _remember(self, name: str, at: dt.datetime) -> None:
        runs = {k: v.isoformat() for k, v in self.last_runs().items()}
        runs[name] = at.isoformat()
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(runs, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.state_path)

    def job(self, name: str) -> Job:
        for job in self.jobs:
            if job.name == name:
                return job
        raise KeyError(name)

    def run_job(self, job: Job) -> JobRun:
        """Run one job now. Its error is logged and returned, never raised."""
        from simadu.core import clock

        started = time.monotonic()
        at = clock.now()
        _drop_stale_connections()
        try:
            summary, ok = job.run(), True
        except Exception as exc:  # a job's failure must never stop the server or the next job
            log.exception("scheduled job %s failed", job.name)
            summary, ok = f"{type(exc).__name__}: {exc}".splitlines()[0][:300], False
        finally:
            _drop_stale_connections()
        self._remember(job.name, at)
        return JobRun(job.name, ok, summary, time.monotonic() - started)

    def run_due(self, *, only: str | None = None, force: bool = False) -> list[JobRun]:
        """Run every job that is due (or just `only`; `force` runs it whether due or not), in order."""
        from simadu.core import clock

        runs = []
        for job in self.jobs:
            if only is not None and job.name != only:
                continue
            if force or job.due(self.last_runs().get(job.name), clock.now()):
                runs.append(self.run_job(job))
        return runs

    def loop(self, stop: threading.Event, *, on_run: Callable[[JobRun], None] | None = None) -> None:
        """Run due jobs until `stop` is set."""
        while not stop.is_set():
            try:
                for run in self.run_due():
                    if on_run is not None:
                        on_run(run)
            except Exception:  # the state file, the clock: nothing here may end the loop
                log.exception("scheduler loop")
            stop.wait(TICK_SECONDS)


_started: threading.Thread | None = None
_stop = threading.Event()


def in_process_enabled() -> bool:
    """On the embedded default (no Redis, so no Celery beat) unless SIMADU_SCHEDULER=off."""
    return bool(getattr(settings, "SIMADU_SCHEDULER", True)) and not settings.REDIS_URL


def start_in_process() -> threading.Thread | None:
    """Start the scheduler thread of this process (once); None when Celery beat has the jobs or it is off."""
    global _started
    if not in_process_enabled() or _started is not None:
        return None
    _started = threading.Thread(target=_thread_main, name="simadu-scheduler", daemon=True)
    _started.start()
    return _started


def stop_in_process() -> None:
    _stop.set()


def _thread_main() -> None:
    def report(run: JobRun) -> None:
        level = logging.ERROR if not run.ok else logging.INFO if run.summary else logging.DEBUG
        log.log(level, "%s: %s (%.1f s)", run.name, run.summary or "nothing to do", run.seconds)

    while not _stop.is_set():
        try:
            with scheduler_lock():
                log.info("scheduler: this process runs the periodic jobs (%s)", ", ".join(JOB_NAMES))
                Scheduler().loop(_stop, on_run=report)
        except SchedulerBusy:
            _stop.wait(LOCK_RETRY_SECONDS)  # another worker runs them; take over if it goes away
        except Exception:
            log.exception("scheduler thread")
            _stop.wait(LOCK_RETRY_SECONDS)
