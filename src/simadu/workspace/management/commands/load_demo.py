"""`simadu load_demo`: load the demo data set into a database that has no report yet."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, ProgrammingError

from simadu.workspace.demo import DEMO_PASSWORD, PROGRESS_EVERY, demo_logins, load_demo_data

# The demo keeps two-factor sign-in (SIMADU_REQUIRE_2FA): people trying it should know what comes.
TWO_FACTOR_NOTE = (
    "Saat pertama kali masuk, setiap akun mengaktifkan verifikasi dua langkah: pindai kode QR di "
    "halaman itu dengan aplikasi autentikator (misalnya Google Authenticator), lalu ketik kodenya."
)


class Command(BaseCommand):
    help = (
        "Load the demo data set: demo staff accounts (one per role, password "
        f"'{DEMO_PASSWORD}') and about 300 reports in every stage, channel and unit, filed through the "
        "real services. Does nothing when the database already holds a report. Progress is shown every "
        f"{PROGRESS_EVERY} reports; exits 1 with a one-line reason on failure. For demos and trials only."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        try:
            created = load_demo_data(stdout=self.stdout)
        except (OperationalError, ProgrammingError) as exc:  # no tables yet, or no server
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise CommandError(
                f"data demo gagal dimuat: basis data tidak dapat dipakai ({first}); sudah `simadu migrate`?",
                returncode=1,
            ) from exc
        except Exception as exc:  # any other failure also becomes one line and exit status 1
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise CommandError(
                f"data demo gagal dimuat: {type(exc).__name__}: {reason}", returncode=1
            ) from exc
        if created:
            self.stdout.write(
                f"SIMADU: {created} laporan demo dimuat dalam {time.monotonic() - started:.0f} detik."
            )
        else:
            self.stdout.write("SIMADU: basis data sudah berisi laporan; data demo tidak dimuat.")
        self.stdout.write(f"\nAkun demo (kata sandi semua akun: {DEMO_PASSWORD}):")
        for username, role, unit in demo_logins():
            self.stdout.write(f"  {username:<20} {role:<32} {unit}")
        self.stdout.write(TWO_FACTOR_NOTE)
