"""`simadu scheduler [--once] [--job NAME]`: run the periodic jobs without Celery beat (cron, or a service)."""

from __future__ import annotations

import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from simadu.deadlines.scheduler import JOB_NAMES, JobRun, Scheduler, SchedulerBusy, scheduler_lock


class Command(BaseCommand):
    help = (
        "Run SIMADU's periodic jobs: deadlines.sweep (escalations, automatic close and archive, forwarding "
        "reminders; every 5 minutes), outbox.deliver_due (every minute) and retention.run (daily at 02:00). "
        "Without --once it keeps running them until stopped. `--once` runs what is due and exits, for cron "
        "(e.g. every minute: `* * * * * simadu scheduler --once`); with `--job NAME` only that job, at once. "
        "`simadu serve` already runs them unless SIMADU_SCHEDULER=off; with REDIS_URL, Celery beat does. "
        "Exits 1 with the reason when a job fails or another scheduler is running."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="run the due jobs once and exit")
        parser.add_argument("--job", choices=JOB_NAMES, help="only this job (with --once: now, due or not)")

    def handle(self, *args: Any, **options: Any) -> None:
        only = options["job"]
        scheduler = Scheduler()
        if options["once"]:
            try:
                with scheduler_lock():
                    runs = scheduler.run_due(only=only, force=only is not None)
            except SchedulerBusy as exc:
                raise _busy(exc) from exc
            for run in runs:
                self._progress(run)
            if not runs:
                self.stdout.write(_("Tidak ada tugas yang jatuh waktu."))
            failed = [run for run in runs if not run.ok]
            if failed:
                raise CommandError(
                    _("Tugas %(job)s gagal: %(reason)s")
                    % {"job": failed[0].name, "reason": failed[0].summary},
                    returncode=1,
                )
            return
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_args: stop.set())
        try:
            with scheduler_lock(wait=False) as _lock:
                self.stdout.write(
                    _("Penjadwal berjalan: %(jobs)s. Hentikan dengan Ctrl+C.")
                    % {"jobs": ", ".join(JOB_NAMES)}
                )
                if only is None:
                    scheduler.loop(stop, on_run=self._progress)
                else:
                    single = Scheduler(jobs=(scheduler.job(only),), state_path=scheduler.state_path)
                    single.loop(stop, on_run=self._progress)
        except SchedulerBusy as exc:
            raise _busy(exc) from exc
        except KeyboardInterrupt:
            self.stdout.write(_("Penjadwal dihentikan."))

    def _progress(self, run: JobRun) -> None:
        summary = run.summary or _("tidak ada yang perlu dikerjakan")
        line = f"{run.name}: {summary} ({run.seconds:.1f} s)"
        (self.stdout if run.ok else self.stderr).write(line)


def _busy(exc: SchedulerBusy) -> CommandError:
    return CommandError(
        _("Penjadwal lain sedang berjalan (simadu serve atau simadu scheduler): %(lock)s") % {"lock": exc},
        returncode=1,
    )
