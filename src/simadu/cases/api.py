"""Staff API under /api/v1/staff/ (bearer token): the inbox, one case, and the lifecycle actions.

Routes only translate HTTP to the services: cases are fetched through
`access_case` (the same 404 for missing and forbidden), sealed data is read only
through `reveal_content` and `breakglass.identity_open` (a reason in the body for
anonim, rahasia and WBS identities), and every write is one service call.
Lists never decrypt: a WBS case shows no title.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from simadu.accounts.auth import staff_token
from simadu.accounts.models import User
from simadu.cases import forwarding, services
from simadu.cases.models import Case, Channel, ForwardChannel, ReportType
from simadu.cases.selectors import InboxFilters, case_timeline, inbox_cases
from simadu.cases.workflow import OPEN_STATES, ArchiveReason, Status
from simadu.confidentiality import breakglass
from simadu.confidentiality.policy import access_case, can
from simadu.confidentiality.sealing import reveal_content
from simadu.core import clock, ids
from simadu.core.errors import InvalidInput
from simadu.triage.models import Category, Unit

router = Router(tags=["staff"])
PAGE_MAX = 100


class ApiError(Schema):
    detail: str = Field(..., description="Pesan untuk manusia, dalam bahasa permintaan.")
    code: str = Field(..., description="Kode tetap untuk program, mis. not_found, transition_not_allowed.")
    field: str | None = Field(None, description="Isian yang bermasalah, bila ada.")
    errors: list[dict[str, str]] | None = Field(
        None, description="422 dari validasi: setiap isian dan pesannya."
    )


ACTION_ERRORS = dict.fromkeys((400, 401, 403, 404, 409, 422), ApiError)
READ_ERRORS = dict.fromkeys((401, 404, 422), ApiError)


class CaseSummary(Schema):
    """What an action answers: where the case stands now."""

    tracking_id: str
    status: Status
    unit: str | None = Field(None, description="Slug unit penanganan.")
    stage_due_at: dt.datetime | None = Field(None, description="Batas waktu tahap saat ini.")


class CaseListItem(CaseSummary):
    channel: Channel
    report_type: ReportType
    category: str
    supervisory: bool
    title: str | None = Field(None, description="Kosong (null) untuk laporan WBS: isinya tersegel.")
    anonymous: bool
    confidential: bool
    received_at: dt.datetime
    overdue: bool


class CasePage(Schema):
    items: list[CaseListItem]
    next_offset: int | None = Field(None, description="offset halaman berikutnya; null di halaman terakhir.")


class InboxQuery(Schema):
    channel: Channel | None = None
    status: Status | None = None
    unit: str | None = Field(None, max_length=40, description="Slug unit.")
    category: str | None = Field(None, max_length=40, description="Slug kategori.")
    overdue: bool = Field(False, description="Hanya yang melewati batas waktu tahapnya.")
    open_only: bool = Field(False, description="Hanya yang belum selesai (diabaikan bila status diisi).")
    q: str | None = Field(
        None, max_length=100, description="Nomor laporan, atau kata pada judul (bukan WBS)."
    )
    limit: int = Field(50, ge=1, le=PAGE_MAX)
    offset: int = Field(0, ge=0)


class Identity(Schema):
    name: str | None = None
    email: str | None = None
    phone: str | None = None


class TimelineEntry(Schema):
    at: dt.datetime
    kind: str
    action: str
    actor: str = Field(..., description="Nama staf, atau reporter/system.")
    visibility: str
    from_status: str
    to_status: str
    body: str
    files: list[str]


class CaseDetail(CaseListItem):
    text: str
    reported_party: str
    location_detail: str
    incident_date: dt.date | None
    province_code: str
    regency_code: str
    reporter_type: str
    source: str
    triage: dict[str, Any]
    forwarded_to: str | None
    forward_reference: str
    archive_reason: str
    rating: int | None
    identity: Identity | None = Field(
        None,
        description=(
            "Hanya untuk laporan biasa, bila include_identity=true dan Anda berwenang; setiap pembukaan "
            "dicatat. Identitas laporan anonim, rahasia dan WBS dibuka lewat POST .../identity dengan alasan."
        ),
    )
    timeline: list[TimelineEntry]


class IdentityIn(Schema):
    reason: str = Field(
        "",
        max_length=breakglass.REASON_MAX,
        description=(
            f"Alasan membuka identitas, paling sedikit {breakglass.REASON_MIN} huruf; wajib untuk laporan "
            "anonim, rahasia dan WBS. Dicatat di log audit dan riwayat laporan, dan dikirim ke Inspektur "
            "Jenderal."
        ),
    )


class RequestInfoIn(Schema):
    question: str = Field(..., max_length=5000)


class AssignIn(Schema):
    unit: str = Field(..., max_length=40, description="Slug unit kementerian yang berwenang.")
    category: str | None = Field(None, max_length=40, description="Koreksi kategori (slug).")
    report_type: ReportType | None = None
    note: str = Field("", max_length=5000)


class RespondIn(Schema):
    text: str = Field(..., max_length=20000)


class CloseIn(Schema):
    note: str = Field("", max_length=5000)


class ForwardIn(Schema):
    agency: str = Field(..., max_length=40, description="Slug instansi di luar kementerian.")
    reason: str = Field(..., max_length=5000, description="Alasan pengalihan; dibaca pelapor.")
    reference: str = Field(
        "", max_length=100, description="Nomor laporan di instansi tujuan; dibaca pelapor."
    )
    channel: ForwardChannel | None = Field(
        None, description="Cara pengalihan; bila kosong, cara yang biasa untuk instansi tujuan."
    )


class ArchiveIn(Schema):
    reason_code: ArchiveReason
    note: str = Field("", max_length=5000)


class NoteIn(Schema):
    text: str = Field(..., max_length=20000)
    public: bool = Field(False, description="true: balasan yang dibaca pelapor; false: catatan internal.")


def _actor(request: HttpRequest) -> User:
    """The staff member the bearer token belongs to (set by ApiTokenAuth)."""
    return request.auth  # type: ignore[attr-defined,no-any-return]


def _case(actor: User, tracking_id: str) -> Case:
    """The case behind a tracking id as staff type it (any case, look-alike letters), through the policy."""
    return access_case(actor, ids.canonical_tracking_id(tracking_id) or "")


def _summary(case: Case) -> dict[str, Any]:
    return {
        "tracking_id": case.tracking_id,
        "status": case.status,
        "unit": case.unit_id,
        "stage_due_at": case.stage_due_at,
    }


def _list_item(case: Case, now: dt.datetime) -> dict[str, Any]:
    """A case as a list shows it, from plain columns only."""
    return {
        **_summary(case),
        "channel": case.channel,
        "report_type": case.report_type,
        "category": case.category_id,
        "supervisory": case.supervisory,
        # The plain column is empty for WBS anyway; null says "sealed", not "no title".
        "title": None if case.sealed else case.title,
        "anonymous": case.anonymous,
        "confidential": case.confidential,
        "received_at": case.received_at,
        "overdue": bool(case.stage_due_at and case.status in OPEN_STATES and case.stage_due_at < now),
    }


# ---- reference lookups (a slug in the body is input, like a form's choice field) -------------


def _unit(slug: str, field: str) -> Unit:
    unit = Unit.objects.filter(pk=slug, active=True).first()
    if unit is None:
        raise InvalidInput(
            _("Unit %(slug)s tidak dikenal.") % {"slug": slug}, code="unknown_unit", field=field
        )
    return unit


def _category(slug: str | None) -> Category | None:
    if not slug:
        return None
    category = Category.objects.filter(pk=slug, active=True).first()
    if category is None:
        raise InvalidInput(
            _("Kategori %(slug)s tidak dikenal.") % {"slug": slug}, code="unknown_category", field="category"
        )
    return category


# ---- reads -----------------------------------------------------------------------------------


@router.get(
    "/cases",
    response={200: CasePage, **READ_ERRORS},
    operation_id="staff_list_cases",
    summary="Kotak masuk",
    auth=staff_token,
)
def list_cases(request: HttpRequest, filters: Query[InboxQuery]) -> dict[str, Any]:
    """The cases you may see, overdue and soonest-due first. Nothing sealed is opened for a list."""
    qs = inbox_cases(
        actor=_actor(request),
        filters=InboxFilters(
            channel=filters.channel or "",
            status=filters.status or "",
            unit=filters.unit or "",
            category=filters.category or "",
            overdue=filters.overdue,
            open_only=filters.open_only,
            q=filters.q or "",
        ),
    )
    # One row more than asked says whether there is a next page, without a COUNT.
    rows = list(qs[filters.offset : filters.offset + filters.limit + 1])
    more = len(rows) > filters.limit
    now = clock.now()
    return {
        "items": [_list_item(case, now) for case in rows[: filters.limit]],
        "next_offset": filters.offset + filters.limit if more else None,
    }


@router.get(
    "/cases/{tracking_id}",
    response={200: CaseDetail, **READ_ERRORS},
    operation_id="staff_get_case",
    summary="Satu laporan",
    auth=staff_token,
)
def get_case(request: HttpRequest, tracking_id: str, include_identity: bool = False) -> dict[str, Any]:
    """One case with its content and timeline. Reading a WBS case, or a hidden identity, is recorded."""
    actor = _actor(request)
    case = _case(actor, tracking_id)
    content = reveal_content(actor=actor, case=case)
    identity = None
    # A GET never breaks the glass: protected identities need POST .../identity with a reason.
    if include_identity and not breakglass.needs_break_glass(case) and can(actor, "case.view_identity", case):
        identity = breakglass.identity_open(actor=actor, case=case)
    timeline = [
        {
            "at": item.event.at,
            "kind": item.event.kind,
            "action": item.event.action,
            "actor": item.event.actor.display_name if item.event.actor else item.event.actor_kind,
            "visibility": item.event.visibility,
            "from_status": item.event.from_status,
            "to_status": item.event.to_status,
            "body": item.body,
            "files": [name for _attachment, name in item.attachments],
        }
        for item in case_timeline(case=case)
    ]
    return {
        **_list_item(case, clock.now()),
        "title": content.get("title", ""),
        "text": content.get("text", ""),
        "reported_party": content.get("reported_party", ""),
        "location_detail": content.get("location_detail", ""),
        "incident_date": case.incident_date,
        "province_code": case.province_code,
        "regency_code": case.regency_code,
        "reporter_type": case.reporter_type,
        "source": case.source,
        "triage": case.triage,
        "forwarded_to": case.forwarded_to_id,
        "forward_reference": case.forward_reference,
        "archive_reason": case.archive_reason,
        "rating": case.rating,
        "identity": identity,
        "timeline": timeline,
    }


@router.post(
    "/cases/{tracking_id}/identity",
    response={200: Identity, **READ_ERRORS},
    operation_id="staff_open_identity",
    summary="Buka identitas pelapor",
    auth=staff_token,
)
def open_identity(
    request: HttpRequest, tracking_id: str, payload: IdentityIn, response: HttpResponse
) -> dict[str, str]:
    """The reporter's identity, in this response only (never cached). Anonim, rahasia and WBS reports:
    break-glass, the reason is required, recorded and sent to the Inspector General. Someone who may not
    open the identity gets the `404` of a missing case."""
    actor = _actor(request)
    case = _case(actor, tracking_id)
    add_never_cache_headers(response)
    return breakglass.identity_open(actor=actor, case=case, reason=payload.reason)


# ---- actions: each answers 200 with the case summary -----------------------------------------


def _action(path: str, operation_id: str, summary: str) -> Any:
    return router.post(
        path,
        response={200: CaseSummary, **ACTION_ERRORS},
        operation_id=operation_id,
        summary=summary,
        auth=staff_token,
    )


@_action("/cases/{tracking_id}/verify", "staff_verify_case", "Mulai verifikasi")
def verify(request: HttpRequest, tracking_id: str) -> dict[str, Any]:
    actor = _actor(request)
    return _summary(services.case_verify(case=_case(actor, tracking_id), actor=actor))


@_action("/cases/{tracking_id}/request-info", "staff_request_info", "Minta keterangan pelapor")
def request_info(request: HttpRequest, tracking_id: str, payload: RequestInfoIn) -> dict[str, Any]:
    """The question is shown to the reporter; the deadline pauses while the case waits for the answer."""
    actor = _actor(request)
    case = _case(actor, tracking_id)
    return _summary(services.case_request_info(case=case, actor=actor, question=payload.question))


@_action("/cases/{tracking_id}/assign", "staff_assign_case", "Teruskan ke unit")
def assign(request: HttpRequest, tracking_id: str, payload: AssignIn) -> dict[str, Any]:
    """Route to a unit of the ministry; a changed category or type is kept as a triage correction."""
    actor = _actor(request)
    case = _case(actor, tracking_id)
    return _summary(
        services.case_assign(
            case=case,
            actor=actor,
            unit=_unit(payload.unit, "unit"),
            category=_category(payload.category),
            report_type=payload.report_type,
            note=payload.note,
        )
    )


@_action("/cases/{tracking_id}/start", "staff_start_case", "Mulai tindak lanjut")
def start(request: HttpRequest, tracking_id: str) -> dict[str, Any]:
    actor = _actor(request)
    return _summary(services.case_start(case=_case(actor, tracking_id), actor=actor))


@_action("/cases/{tracking_id}/respond", "staff_respond_case", "Kirim jawaban")
def respond(request: HttpRequest, tracking_id: str, payload: RespondIn) -> dict[str, Any]:
    """The answer the reporter reads; the reporter may then rate it or object once."""
    actor = _actor(request)
    case = _case(actor, tracking_id)
    return _summary(services.case_respond(case=case, actor=actor, text=payload.text))


@_action("/cases/{tracking_id}/close", "staff_close_case", "Tutup laporan")
def close(request: HttpRequest, tracking_id: str, payload: CloseIn | None = None) -> dict[str, Any]:
    """The body is optional: a closing note, kept on the timeline."""
    actor = _actor(request)
    case = _case(actor, tracking_id)
    return _summary(services.case_close(case=case, actor=actor, note=payload.note if payload else ""))


@_action("/cases/{tracking_id}/forward", "staff_forward_case", "Alihkan ke instansi lain")
def forward(request: HttpRequest, tracking_id: str, payload: ForwardIn) -> dict[str, Any]:
    """Dialihkan: hand the case to an agency outside the ministry, with the reason the reporter reads."""
    actor = _actor(request)
    case = _case(actor, tracking_id)
    return _summary(
        forwarding.case_forward(
            case=case,
            actor=actor,
            agency=_unit(payload.agency, "agency"),
            channel=payload.channel or "",
            reason=payload.reason,
            reference=payload.reference,
        )
    )


@_action("/cases/{tracking_id}/archive", "staff_archive_case", "Arsipkan")
def archive(request: HttpRequest, tracking_id: str, payload: ArchiveIn) -> dict[str, Any]:
    actor = _actor(request)
    case = _case(actor, tracking_id)
    return _summary(
        services.case_archive(case=case, actor=actor, reason_code=payload.reason_code, note=payload.note)
    )


@_action("/cases/{tracking_id}/notes", "staff_add_note", "Catatan internal atau balasan")
def add_note(request: HttpRequest, tracking_id: str, payload: NoteIn) -> dict[str, Any]:
    """An internal note by default; `public: true` is a reply the reporter reads."""
    actor = _actor(request)
    case = _case(actor, tracking_id)
    services.case_add_note(case=case, actor=actor, text=payload.text, public=payload.public)
    return _summary(case)
