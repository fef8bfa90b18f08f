"""Finding a case by tracking id and secret, and the reporter's view of it.

An unknown tracking id and a wrong secret take the same path and give the same
answer: the stored hash of a dummy secret is compared when no case is found, so
the timing does not tell them apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils.translation import get_language

from simadu.cases.deadlines import objection_window_open
from simadu.cases.models import Case, CaseEvent
from simadu.cases.selectors import case_timeline
from simadu.cases.workflow import OPEN_STATES, REPORTER_WORDS, Status
from simadu.core import clock, deadlines_view, ids, ratelimit
from simadu.core.clock import WIB
from simadu.core.errors import NotFound

FAILED_LOOKUPS_LIMIT = 20
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


def reporter_view(case: Case) -> ReporterView:
    """Everything the reporter may read about their case, and nothing else (no internal notes, no staff names)."""
    english = (get_language() or "").startswith("en")
    items = []
    for item in case_timeline(case=case, public_only=True):
        e = item.event
        if e.kind == CaseEvent.Kind.TRANSITION:
            text = item.body or str(REPORTER_WORDS.get(e.to_status, ""))
        elif e.kind == CaseEvent.Kind.RECEIVED:
            text = str(REPORTER_WORDS[Status.RECEIVED])
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
        tracking_id=case.tracking_id,
        status=case.status,
        status_text=str(REPORTER_WORDS[case.status]),
        channel=case.channel,
        # Categories carry their English name in the database, not in the message catalogue.
        category=(case.category.name_en if english and case.category.name_en else case.category.name),
        received_at=case.received_at,
        expected_response_by=case.stage_due_at.astimezone(WIB) if case.stage_due_at else None,
        working_days_left=deadlines_view.working_days_left(case.stage_due_at),
        forwarded_to=case.forwarded_to.name if case.forwarded_to else "",
        timeline=items,
        can_reply=case.status in OPEN_STATES,
        can_rate=case.status in (Status.RESPONDED, Status.CLOSED)
        and case.responded_at is not None
        and case.rating is None,
        can_object=case.status == Status.RESPONDED
        and case.objected_at is None
        and objection_window_open(case.responded_at, clock.now()),
        rating=case.rating,
        awaiting_answer=case.status == Status.AWAITING_INFO,
    )
