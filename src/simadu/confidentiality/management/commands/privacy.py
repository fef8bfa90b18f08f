"""`simadu privacy export --subject NAME --actor USERNAME [--out FILE]`: answer a data-subject request.

For a person named as the reported party of reports (UU 27/2022 Pasal 32): a JSON file of
what is processed about them, never who reported them (see `confidentiality/subject_access.py`).
Run by the data-protection officer under their own account, which must be an Itjen verifier
or Itjen leadership; the export is recorded in the audit log.
"""

from __future__ import annotations

import json
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

from simadu.accounts.models import User
from simadu.confidentiality.subject_access import subject_export
from simadu.core.errors import DomainError, PermissionDenied


class Command(BaseCommand):
    help = (
        "Data-subject requests (UU 27/2022). `export --subject NAME --actor USERNAME [--out FILE]`: find the "
        "reports whose reported party names the person (WBS reports unsealed in this process, with an audit "
        "entry) and write JSON stating the category, dates, status and unit of each. Never includes a "
        "reporter's identity or contact, text written by the reporter, attachments, or tracking id and secret. "
        "The actor must be an Itjen verifier or Itjen leadership. Progress goes to stderr."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["export"], help="export: what is processed about one person")
        parser.add_argument(
            "--subject", required=True, help="the person's name, as they gave it in the request"
        )
        parser.add_argument(
            "--actor", required=True, help="your SIMADU username (an Itjen verifier or Itjen leadership)"
        )
        parser.add_argument(
            "--out", help="write the JSON to this file (readable by you only); default stdout"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        actor = User.objects.filter(username=options["actor"]).first()
        if actor is None or not actor.is_active:
            raise CommandError(_("Pengguna %(username)s tidak ditemukan.") % {"username": options["actor"]})

        def progress(done: int, total: int) -> None:
            self.stderr.write(
                _("Memeriksa laporan: %(done)s dari %(total)s") % {"done": done, "total": total}
            )

        try:
            export = subject_export(actor=actor, subject=options["subject"], progress=progress)
        except PermissionDenied as exc:
            raise CommandError(
                _(
                    "%(username)s tidak berwenang: permintaan data pribadi dijawab oleh verifikator atau pimpinan Itjen."
                )
                % {"username": actor.username}
            ) from exc
        except DomainError as exc:
            raise CommandError(str(exc.message)) from exc
        text = json.dumps(export, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2) + "\n"
        if options["out"]:
            self._write_private(options["out"], text)
        else:
            self.stdout.write(text, ending="")
        self.stderr.write(
            _("Ditemukan %(count)s laporan. Rujukan: %(reference)s.")
            % {"count": export["count"], "reference": export["reference"]}
        )
        still_open = sum(1 for r in export["reports"] if r["handling_open"])
        if still_open:
            self.stderr.write(
                _(
                    "%(count)s laporan masih ditangani: periksa dahulu apakah jawaban ini dapat membahayakan "
                    "pelapor sebelum dikirim."
                )
                % {"count": still_open}
            )

    def _write_private(self, path: str, text: str) -> None:
        """The file names who asked and what they are accused of: only its owner may read it."""
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.fchmod(fd, 0o600)  # an existing file keeps its mode otherwise
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
        except OSError as exc:
            raise CommandError(
                _("Berkas %(path)s tidak dapat ditulis: %(reason)s") % {"path": path, "reason": exc.strerror}
            ) from exc
