"""`simadu retention run [--dry-run]`: apply the retention schedule (see `confidentiality/retention.py`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from simadu.confidentiality.retention import retention_run

WHAT = {
    "cases": gettext_lazy("Laporan yang masa simpannya habis"),
    "outbox": gettext_lazy("Pesan keluar lama"),
    "idempotency": gettext_lazy("Jawaban Idempotency-Key lama"),
}


class Command(BaseCommand):
    help = (
        "Retention schedule (UU 27/2022). `run`: anonymise every case closed, forwarded or archived more than "
        "SIMADU_RETENTION_YEARS ago and untouched since (its data key is destroyed, so its identity, content, "
        "messages and files can no longer be opened; the text and files are deleted; the counts stay; older "
        "backups become unreadable once the master key is rotated and the retired key destroyed), and delete sent or abandoned outgoing messages older than SIMADU_OUTBOX_KEEP_DAYS and "
        "Idempotency-Key answers older than SIMADU_IDEMPOTENCY_KEEP_DAYS. Each case and each run is audited. "
        "`--dry-run` lists what would happen and changes nothing. Progress goes to stderr. Run it daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["run"], help="run: apply the schedule once")
        parser.add_argument(
            "--dry-run", action="store_true", help="list the tracking ids and counts; change nothing"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run = bool(options["dry_run"])

        def progress(what: str, done: int, total: int) -> None:
            self.stderr.write(
                _("%(what)s: %(done)s dari %(total)s")
                % {"what": str(WHAT.get(what, what)), "done": done, "total": total}
            )

        report = retention_run(dry_run=dry_run, progress=progress)
        if dry_run:
            self.stdout.write(
                _("Uji coba, tidak ada yang diubah. Batas: selesai sebelum %(cutoff)s (%(years)s tahun).")
                % {"cutoff": report.cutoff.date().isoformat(), "years": settings.SIMADU_RETENTION_YEARS}
            )
            for tracking_id in report.cases:
                self.stdout.write(tracking_id)
        self.stdout.write(
            _(
                "%(cases)s laporan %(verb)s (%(files)s berkas), %(outbox)s pesan keluar dan %(idem)s jawaban "
                "Idempotency-Key %(verb2)s."
            )
            % {
                "cases": len(report.cases),
                "files": report.files,
                "outbox": report.outbox,
                "idem": report.idempotency,
                "verb": _("akan dianonimkan") if dry_run else _("dianonimkan"),
                "verb2": _("akan dihapus") if dry_run else _("dihapus"),
            }
        )
