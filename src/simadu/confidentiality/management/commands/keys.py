"""`simadu keys status|rotate|new`: the master keyring (see `confidentiality/keys.py`).

status   how many wrapped values each master key holds, per table; exit 1 if some key is missing
rotate   re-wrap every value not under the current key (batches, progress on stderr, resumable)
new      embedded default only: a new current key file; the old one moves to var/keys/retired/
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from simadu.confidentiality.keys import BATCH, keys_new, keys_rotate, keys_status
from simadu.core import crypto


class Command(BaseCommand):
    help = (
        "Master key rotation without downtime. `status`: how many wrapped data keys each master key id holds, "
        "per table (exit 1 when a value is under a key the keyring lacks). `rotate`: re-wrap every value not "
        "under the current key, in batches, each its own transaction; safe while SIMADU runs, resumable, and "
        "audited. `new` (embedded default only): write a new var/keys/master.key and move the old key to "
        "var/keys/retired/; running processes pick it up. In production put the new key in SIMADU_MASTER_KEY "
        "and the old one in SIMADU_MASTER_KEYS_RETIRED, restart, then rotate. Keep a retired key while backups "
        "made before the rotation are kept."
    )
    # A broken keyring must give this command's one-line answer, not the system check's report.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "action",
            choices=["status", "rotate", "new"],
            help="status: count per key; rotate: re-wrap under the current key; new: a new current key file",
        )
        parser.add_argument(
            "--batch-size", type=int, default=BATCH, help=f"rotate: values per transaction (default {BATCH})"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "status":
                self._status()
            elif options["action"] == "rotate":
                self._rotate(max(1, options["batch_size"]))
            else:
                self._new()
        except crypto.KeyringError as exc:
            raise CommandError(_("Kunci utama tidak dapat dipakai: %(reason)s") % {"reason": exc}) from exc

    def _status(self) -> None:
        status = keys_status()
        self.stdout.write(_("Kunci utama sekarang: %(id)s") % {"id": status.current})
        retired = [k for k in status.known if k != status.current]
        if retired:
            self.stdout.write(_("Kunci lama yang masih dipegang: %(ids)s") % {"ids": ", ".join(retired)})
        labels = {
            crypto.LEGACY: _("versi 1, tanpa id kunci"),
            crypto.DESTROYED: _("dihapus (laporan dianonimkan)"),
            crypto.UNKNOWN: _("format tidak dikenal"),
        }
        for column, per_key in status.counts.items():
            parts = [
                f"{labels.get(kid, kid)}{' *' if kid == status.current else ''}: {n}"
                for kid, n in sorted(per_key.items(), key=lambda item: (item[0] != status.current, item[0]))
            ]
            self.stdout.write(f"{column}: {', '.join(parts) if parts else '0'}")
        left = status.left_to_rotate()
        if left:
            self.stdout.write(
                _("%(n)s nilai belum dibungkus dengan kunci sekarang: jalankan `simadu keys rotate`.")
                % {"n": left}
            )
        else:
            self.stdout.write(_("Semua nilai sudah dibungkus dengan kunci sekarang (*)."))
        in_use = {kid for per_key in status.counts.values() for kid in per_key}
        idle = [k for k in retired if k not in in_use]
        if idle:
            self.stdout.write(
                _(
                    "Kunci lama %(ids)s tidak lagi membungkus apa pun. Hapus setelah cadangan (backup) yang dibuat "
                    "sebelum rotasi tidak disimpan lagi: cadangan itu membutuhkannya."
                )
                % {"ids": ", ".join(idle)}
            )
        missing = status.missing
        if missing:
            raise CommandError(
                _("%(n)s nilai dibungkus dengan kunci yang tidak ada di keyring: %(ids)s.")
                % {"n": sum(missing.values()), "ids": ", ".join(sorted(missing))}
            )

    def _rotate(self, batch: int) -> None:
        def progress(column: str, checked: int, total: int, rewrapped: int) -> None:
            self.stderr.write(
                _("%(column)s: %(checked)s dari %(total)s diperiksa, %(rewrapped)s dibungkus ulang")
                % {"column": column, "checked": checked, "total": total, "rewrapped": rewrapped}
            )

        report = keys_rotate(batch=batch, progress=progress)
        if report.total_failed:
            first = next((column, pks[0]) for column, pks in report.failed.items() if pks)
            raise CommandError(
                _(
                    "%(n)s nilai tidak dapat dibuka dengan kunci mana pun di keyring (pertama: %(column)s #%(pk)s); "
                    "yang lain sudah dibungkus ulang."
                )
                % {"n": report.total_failed, "column": first[0], "pk": first[1]}
            )
        self.stdout.write(
            _("Selesai: %(n)s nilai dibungkus ulang dengan kunci %(id)s.")
            % {"n": report.total_rewrapped, "id": report.current}
        )

    def _new(self) -> None:
        old_id, new_id = keys_new()
        self.stdout.write(
            _(
                "Kunci utama baru %(new)s dibuat; kunci lama %(old)s dipindah ke var/keys/retired/. "
                "Jalankan `simadu keys rotate`."
            )
            % {"new": new_id, "old": old_id}
        )
