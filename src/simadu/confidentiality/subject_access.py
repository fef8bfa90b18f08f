"""A data-subject request (UU 27/2022 Pasal 32) from a person named as the reported party of reports.

The export says what the ministry processes about the person (category, dates, status,
unit) and never who reported them: no reporter identity or contact, no text the reporter
wrote, no attachments, no tracking id or secret (Pasal 33 lets a controller withhold
what would disclose someone else's personal data or endanger their safety).

Only the reported-party field is searched. Matching the free text too would list the
reports in which a reporter names themselves, to anyone who asks under that name; and
a reporter's own identity is never matched, for the same reason: reporters open their
own data with their tracking id and secret.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from simadu.audit.services import audit_record
from simadu.cases.models import Case, Channel, ReportType
from simadu.cases.workflow import OPEN_STATES, Status
from simadu.confidentiality.policy import can_answer_subject_requests
from simadu.confidentiality.sealing import content_of
from simadu.core import clock
from simadu.core.clock import WIB
from simadu.core.errors import InvalidInput, PermissionDenied

EXPORT_FORMAT = "simadu.subject-access/1"
CHUNK = 500
MIN_SUBJECT_LENGTH = 3

NOTE = gettext_lazy(
    "Dokumen ini menjawab permintaan Anda untuk mengakses data pribadi Anda, sesuai Pasal 32 Undang-Undang "
    "Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi. Di bawah ini tercantum laporan pengaduan yang menyebut "
    "nama Anda sebagai pihak yang dilaporkan: jenis dugaan (kategori laporan), tanggal, tahap penanganan, dan "
    "unit yang menanganinya. Identitas dan kontak pelapor, isi laporan yang ditulis pelapor, berkas lampiran, "
    "serta nomor dan kode rahasia laporan tidak kami berikan. Pasal 33 undang-undang yang sama membolehkan kami "
    "menolak akses yang dapat membahayakan keamanan seseorang atau mengungkap data pribadi orang lain; identitas "
    "pelapor adalah data pribadi orang lain, dan kami wajib melindungi pelapor dari pembalasan. Untuk laporan "
    "melalui WBS, tanggal hanya ditulis bulan dan tahunnya, juga untuk melindungi pelapor. Laporan yang Anda kirim "
    "sendiri tidak tercantum di sini: bukalah dengan nomor laporan dan kode rahasia di halaman Lacak Laporan, "
    "lalu pilih “Unduh data saya”."
)
WITHHELD = (
    gettext_lazy("identitas pelapor (nama, e-mail, telepon)"),
    gettext_lazy("isi laporan yang ditulis pelapor"),
    gettext_lazy("berkas lampiran"),
    gettext_lazy("nomor laporan dan kode rahasia"),
    gettext_lazy("catatan internal petugas"),
)
NAMED_AS = gettext_lazy("pihak yang dilaporkan")
ALLEGATION = gettext_lazy("Dugaan dalam kategori “%(category)s”.")

Progress = Callable[[int, int], None]


def _normalise(text: str) -> str:
    return " ".join(text.casefold().split())


def _matcher(subject: str) -> re.Pattern[str]:
    """The subject's name as whole words, any case, any spacing: "budi" does not find "Budiman"."""
    words = _normalise(subject).split(" ")
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)


def _day(value: dt.datetime | None, *, sealed: bool) -> str | None:
    """A date in WIB; for WBS only the month, so the date cannot point at who was there that day."""
    if value is None:
        return None
    local = value.astimezone(WIB)
    return local.strftime("%Y-%m") if sealed else local.date().isoformat()


def _matching_case_ids(pattern: re.Pattern[str], progress: Progress | None) -> tuple[list[int], int, int]:
    """The ids of cases whose reported party names the subject, and (cases scanned, sealed contents read).

    Plain reports are matched on their column; WBS reports are unsealed here, in this process,
    and their content goes no further than this function.
    """
    live = Case.objects.filter(anonymised_at__isnull=True)
    total = live.count()
    found: list[int] = []
    done = 0
    plain = live.exclude(channel=Channel.WBS).exclude(reported_party="").order_by("pk")
    done += live.exclude(channel=Channel.WBS).filter(reported_party="").count()
    for pk, party in plain.values_list("pk", "reported_party").iterator(chunk_size=CHUNK):
        if pattern.search(party):
            found.append(pk)
        done += 1
        if progress and done % CHUNK == 0:
            progress(done, total)
    sealed = 0
    wbs = live.filter(channel=Channel.WBS).only("pk", "channel", "data_key", "sealed_content").order_by("pk")
    for case in wbs.iterator(chunk_size=CHUNK):
        sealed += 1
        if pattern.search(content_of(case).get("reported_party", "")):
            found.append(case.pk)
        done += 1
        if progress and done % CHUNK == 0:
            progress(done, total)
    if progress:
        progress(total, total)
    return found, total, sealed


def _entry(number: int, case: Case) -> dict[str, Any]:
    sealed = case.channel == Channel.WBS
    category = case.category.name
    return {
        "number": number,
        "named_as": str(NAMED_AS),
        "channel": str(Channel(case.channel).label),
        "report_type": str(ReportType(case.report_type).label),
        "category": category,
        "allegation": str(ALLEGATION) % {"category": category},
        "supervisory": case.supervisory,
        "received": _day(case.received_at, sealed=sealed),
        "status": str(Status(case.status).label),
        "handling_open": case.status in OPEN_STATES,
        "closed": _day(case.closed_at, sealed=sealed),
        "unit": case.unit.name if case.unit else "",
        "forwarded_to": case.forwarded_to.name if case.forwarded_to else "",
    }


def subject_export(*, actor: Any, subject: str, progress: Progress | None = None) -> dict[str, Any]:
    """What SIMADU processes about a person named as a reported party, without a trace of the reporters.

    Every WBS content unsealed for the search is counted in the audit entry; each WBS case
    that goes into the export also gets its own `case.content_read` entry, so the WBS team
    sees the read in that case's history.
    """
    if not can_answer_subject_requests(actor):
        raise PermissionDenied()
    if len(_normalise(subject)) < MIN_SUBJECT_LENGTH:
        raise InvalidInput(_("Tulis nama orang yang meminta datanya."), field="subject")
    ids, scanned, sealed_read = _matching_case_ids(_matcher(subject), progress)
    cases = list(
        Case.objects.filter(pk__in=ids)
        .select_related("category", "unit", "forwarded_to")
        .order_by("received_at", "pk")
    )
    # The reference ties the file the officer sends to this audit entry, without a name in the log.
    reference = f"PDP-{clock.now().astimezone(WIB):%Y%m%d}-{secrets.token_hex(3).upper()}"
    # Only the writes share a transaction: the scan can be long, and it must not hold up new reports.
    with transaction.atomic():
        for case in cases:
            if case.channel == Channel.WBS:
                audit_record(
                    actor=actor,
                    action="case.content_read",
                    obj_type="case",
                    obj_id=case.tracking_id,
                    data={"purpose": "subject_access"},
                )
        audit_record(
            actor=actor,
            action="privacy.subject_export",
            obj_type="privacy_request",
            obj_id=reference,
            data={"scanned": scanned, "sealed_read": sealed_read, "matched": len(cases)},
        )
    return {
        "format": EXPORT_FORMAT,
        "reference": reference,
        "generated_at": clock.now(),
        "controller": _("Inspektorat Jenderal Kementerian Ketenagakerjaan"),
        "subject": " ".join(subject.split()),
        "note": str(NOTE),
        "withheld": [str(w) for w in WITHHELD],
        "count": len(cases),
        "reports": [_entry(number, case) for number, case in enumerate(cases, start=1)],
    }
