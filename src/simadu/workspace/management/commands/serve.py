"""`simadu serve`: migrate, load reference and demo data into an empty database, print the demo logins, serve."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Serve the portal and the staff workspace (gunicorn). Migrates the database first and, when it is empty, "
        "loads the demo data set (SIMADU_DEMO_DATA=off to skip)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--port", type=int, default=int(os.environ.get("PORT", "8000")), help="port (default 8000)"
        )
        parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
        parser.add_argument("--no-demo", action="store_true", help="do not load the demo data set")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write("SIMADU: menyiapkan basis data …")
        call_command("migrate", interactive=False, verbosity=0)
        if settings.SIMADU_DEMO_DATA and not options["no_demo"]:
            from simadu.workspace.demo import demo_logins, load_demo_data

            created = load_demo_data(stdout=self.stdout)
            if created:
                self.stdout.write(f"SIMADU: {created} laporan demo dimuat.")
            self._print_logins(demo_logins())
        from simadu.triage.engine import shipped_model

        self.stdout.write("SIMADU: menyiapkan model triage …")
        shipped_model()  # trained once per corpus into var/triage/; the web workers then load it in milliseconds
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or shutil.which("gunicorn")
        if not gunicorn:
            raise CommandError("gunicorn is not installed: run `make install`")
        bind = f"{options['host']}:{options['port']}"
        self.stdout.write(f"SIMADU: portal di http://{bind}/  ·  ruang kerja staf di http://{bind}/staf/")
        from simadu.deadlines.scheduler import in_process_enabled

        if in_process_enabled():
            self.stdout.write(
                "SIMADU: penjadwal berjalan di server (tenggat tiap 5 menit, pesan tiap menit)."
            )
        self.stdout.flush()
        # No access log: it would record reporters' addresses (see docs/security.md).
        os.execv(  # noqa: S606  # nosec B606  # replaces this process with gunicorn; no shell, fixed argv
            gunicorn,
            [
                gunicorn,
                "config.wsgi:application",
                "--bind",
                bind,
                "--workers",
                str(settings.SIMADU_WEB_WORKERS),
                "--threads",
                str(settings.SIMADU_WEB_THREADS),
                "--timeout",
                "60",
                "--graceful-timeout",
                "10",
                "--error-logfile",
                "-",
                # Starts the in-process scheduler in the workers (embedded default, no Celery beat).
                "--config",
                "python:simadu.workspace.gunicorn_hooks",
            ],
        )

    def _print_logins(self, logins: list[tuple[str, str, str]]) -> None:
        from simadu.workspace.demo import DEMO_PASSWORD
        from simadu.workspace.management.commands.load_demo import TWO_FACTOR_NOTE

        self.stdout.write(f"\nAkun demo (kata sandi semua akun: {DEMO_PASSWORD}):")
        for username, role, unit in logins:
            self.stdout.write(f"  {username:<20} {role:<24} {unit}")
        self.stdout.write(TWO_FACTOR_NOTE)
        self.stdout.write("")
