"""Finding a case by tracking id and secret, the reporter's view of it, and their copy of their data.

An unknown tracking id and a wrong secret take the same path and give the same
answer: the stored hash of a dummy secret is compared when no case is found, so
the timing does not tell them apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, gettext_lazy

from simadu.audit.services import audit_record
from simadu.cases.merge import MERGED_PUBLIC_TEXT, case_root
from simadu.cases.models import Case, CaseEvent, Channel, ReporterType, ReportType
from simadu.cases.selectors import case_timeline, followed_timeline
from simadu.cases.workflow import OPEN_STATES, REPORTER, REPORTER_WORDS, Status
from simadu.confidentiality.attachments import attachment_name
from simadu.confidentiality.sealing import case_key, content_of, identity_of
from simadu.core import clock, ids, ratelimit
from simadu.core.errors import NotFound
from simadu.deadlines import calendar
from simadu.deadlines.clocks import expected_response_by, working_days_left
from simadu.deadlines.sweeps import objection_open

FAILED_LOOKUPS_LIMIT = 20
# The kept case's stage as the reporter of a case merged into it reads it: the question and the rating
# belong to the kept case's own reporter.
FOLLOWED_WORDS: dict[str, Promise] = {
    Status.AWAITING_INFO: REPORTER_WORDS[Status.VERIFYING],
    Status.RESPONDED: gettext_lazy("Laporan ini sudah dijawab. Silakan baca jawabannya di bawah."),
}
FAILED_LOOKUPS_WINDOW = 15 * 60
_DUMMY_HASH = "0" * 64


def case_for_reporter(*, request: HttpRequest, tracking_id: str, secret: str) -> Case:
    """The case for this tracking id and secret, or NotFound; RateLimited after many failures from one client."""
    ratelimit.check("lookup", request, limit=FAILED_LOOKUPS_LIMIT)
    canonical = ids.canonical_tracking_id(tracking_id or "")
    case = (
        Case.objects.select_related("category", "unit", "forwarded_to").filter(tracking_id=canonical).first()
        if canonical
        else None
    )
    matched = ids.secret_matches(secret or "", case.secret_hash if case else _DUMMY_HASH)
    if case is None or not matched:
        ratelimit.hit("lookup", request, window=FAILED_LOOKUPS_WINDOW)
        raise NotFound(code="not_found")
    return case


@dataclass(frozen=True)
class ReporterMessage:
    at: dt.datetime
    who: str  # "staff" | "reporter" | "system"
    kind: str
    text: str
    files: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReporterView:
    tracking_id: str
    status: str
    status_text: str
    channel: str
    category: str
    received_at: dt.datetime
    expected_response_by: dt.datetime | None
    working_days_left: int | None
    forwarded_to: str
    timeline: list[ReporterMessage]
    can_reply: bool
    can_rate: bool
    can_object: bool
    rating: int | None
    awaiting_answer: bool
    anonymised: bool = False  # the retention schedule deleted the personal data (UU 27/2022)
    # Merged into another report that is handled: the stage, replies and deadline above are that report's.
    merged: bool = False
    # Dialihkan: the agency's own number for the report and how the reporter reaches the agency.
    forwarded_reference: str = ""
    forwarded_contact: str = ""
    zone: str = "WIB"  # the handling unit's zone, in which expected_response_by is told

    @property
    def zone_info(self) -> Any:
        return calendar.zone_named(self.zone)


def reporter_view(case: Case) -> ReporterView:
    """Everything the reporter may read about their case, and nothing else (no internal notes, no staff names)."""
    english = (get_language() or "").startswith("en")
    own = case
    # A merged case follows the case that is handled: its stage, its staff's replies, its deadline.
    followed = case_root(case) if case.merged_into_id else None
    timeline = case_timeline(case=case, public_only=True)
    if followed is not None:
        timeline = sorted(
            timeline + followed_timeline(case=case, root=followed), key=lambda i: (i.event.at, i.event.pk)
        )
        case = followed
    items = []
    for item in timeline:
        e = item.event
        if e.kind == CaseEvent.Kind.TRANSITION:
            text = item.body or str(REPORTER_WORDS.get(e.to_status, ""))
        elif e.kind == CaseEvent.Kind.RECEIVED:
            text = str(REPORTER_WORDS[Status.RECEIVED])
        elif e.kind == CaseEvent.Kind.MERGE:
            text = gettext(MERGED_PUBLIC_TEXT)
        else:
            text = item.body
        items.append(
            ReporterMessage(
                e.at,
                e.actor_kind,
                e.kind if not e.action else e.action,
                text,
                [name for _, name in item.attachments],
            )
        )
    return ReporterView(
        tracking_id=own.tracking_id,
        status=case.status,
        status_text=str(FOLLOWED_WORDS.get(case.status) or REPORTER_WORDS[case.status])
        if followed
        else str(REPORTER_WORDS[case.status]),
        channel=case.channel,
        # Categories carry their English name in the database, not in the message catalogue.
        category=(case.category.name_en if english and case.category.name_en else case.category.name),
        received_at=own.received_at,
        expected_response_by=expected_response_by(case),
        working_days_left=working_days_left(case),
        forwarded_to=case.forwarded_to.name if case.forwarded_to else "",
        timeline=items,
        can_reply=case.status in OPEN_STATES,
        can_rate=followed is None
        and case.status in (Status.RESPONDED, Status.CLOSED)
        and case.responded_at is not None
        and case.rating is None
        and case.anonymised_at is None,
        can_object=followed is None
        and case.status == Status.RESPONDED
        and case.objected_at is None
        and objection_open(case, clock.now()),
        rating=own.rating,
        awaiting_answer=followed is None and case.status == Status.AWAITING_INFO,
        anonymised=own.anonymised_at is not None,
        merged=followed is not None,
        forwarded_reference=case.forward_reference if case.forwarded_to else "",
        forwarded_contact=case.forwarded_to.contact if case.forwarded_to else "",
        zone=calendar.zone_name(calendar.zone_of(case)),
    )


EXPORT_FORMAT = "simadu.reporter-data/1"
EXPORT_NOTE = gettext_lazy(
    "Ini salinan semua data yang disimpan SIMADU tentang laporan Anda: identitas yang Anda isi, isi laporan, "
    "riwayat yang dapat Anda lihat, pesan Anda, nama berkas bukti, batas waktu, penilaian dan keberatan. "
    "Catatan internal petugas dan nama petugas tidak termasuk. Hak Anda untuk meminta salinan ini diatur dalam "
    "Pasal 32 Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi. Simpan berkas ini di tempat "
    "aman: isinya dapat mengungkap identitas Anda."
)


def reporter_data_export(*, case: Case, via: str) -> dict[str, Any]:
    """Everything SIMADU holds about the reporter's own report, for the reporter alone (UU 27/2022 Pasal 32).

    The caller has already proved the secret (tracking page grant or API header); that is
    why the identity and sealed content are unsealed here without asking the staff policy.
    Built from the same public timeline the reporter reads, so an internal note, a staff
    name or the triage suggestion cannot slip in. The export is audited, without its content.
    """
    view = reporter_view(case)
    # An anonymised case has lost its data key: nothing sealed is left to give.
    readable = case.anonymised_at is None
    key = case_key(case) if readable else b""
    identity = identity_of(case) if readable else {}
    content = content_of(case) if readable else {}
    objection = next((m for m in reversed(view.timeline) if m.kind == "reopen"), None)
    attachments = (
        case.attachments.filter(Q(from_reporter=True) | Q(event__visibility=CaseEvent.Visibility.PUBLIC))
        # Files the reporter of a case merged into this one sent here are theirs, not this reporter's.
        .exclude(event__data__has_key="from_merged")
        .order_by("uploaded_at", "pk")
        .only("sealed_name", "content_type", "size", "uploaded_at", "from_reporter", "stripped", "case_id")
    )
    export: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "generated_at": clock.now(),
        "note": str(EXPORT_NOTE),
        "identity": {field: identity.get(field, "") for field in ("name", "email", "phone")},
        "report": {
            "tracking_id": case.tracking_id,
            "channel": case.channel,
            "channel_label": str(Channel(case.channel).label),
            "report_type": str(ReportType(case.report_type).label),
            "reporter_type": str(ReporterType(case.reporter_type).label),
            "anonymous": case.anonymous,
            "confidential": case.confidential,
            "category": view.category,
            "status": view.status,
            "status_text": view.status_text,
            "received_at": case.received_at,
            "incident_date": case.incident_date,
            "province_code": case.province_code,
            "regency_code": case.regency_code,
            "title": content.get("title", ""),
            "text": content.get("text", ""),
            "reported_party": content.get("reported_party", ""),
            "location_detail": content.get("location_detail", ""),
            "forwarded_to": view.forwarded_to,
            "anonymised_at": case.anonymised_at,
        },
        "timeline": [
            {"at": m.at, "who": m.who, "kind": m.kind, "text": m.text, "files": m.files}
            for m in view.timeline
        ],
        "attachments": [
            {
                "name": attachment_name(case, a, key) if readable else "",
                "content_type": a.content_type,
                "size": a.size,
                "uploaded_at": a.uploaded_at,
                "from_reporter": a.from_reporter,
                "metadata_removed": list(a.stripped or []),
            }
            for a in attachments
        ],
        "deadlines": {
            "expected_response_by": view.expected_response_by,
            "working_days_left": view.working_days_left,
            "first_response_at": case.first_response_at,
            "responded_at": case.responded_at,
            "closed_at": case.closed_at,
        },
        "rating": {"value": case.rating, "comment": case.rating_comment} if case.rating is not None else None,
        "objection": {"at": case.objected_at, "reason": objection.text if objection else ""}
        if case.objected_at is not None
        else None,
    }
    audit_record(
        actor=REPORTER,
        action="reporter.data_export",
        obj_type="case",
        obj_id=case.tracking_id,
        data={"via": via},
    )
    return export
