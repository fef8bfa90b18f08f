"""Reads of cases for staff: the inbox and the timeline. Always through the permission policy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet

from simadu.cases.models import Attachment, Case, CaseEvent
from simadu.cases.workflow import OPEN_STATES, REPORTER
from simadu.confidentiality.attachments import attachment_name
from simadu.confidentiality.policy import visible_cases
from simadu.confidentiality.sealing import case_key, event_body
from simadu.core import clock


@dataclass(frozen=True)
class InboxFilters:
    channel: str = ""
    status: str = ""
    unit: str = ""
    category: str = ""
    overdue: bool = False
    open_only: bool = False
    q: str = ""


def inbox_cases(*, actor: Any, filters: InboxFilters) -> QuerySet[Case]:
    """The cases an actor may see, filtered; overdue and soonest-due first, finished last, then newest."""
    qs = visible_cases(actor).select_related("category", "unit")
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    if filters.status:
        qs = qs.filter(status=filters.status)
    elif filters.open_only:
        qs = qs.filter(status__in=OPEN_STATES)
    if filters.unit:
        qs = qs.filter(unit_id=filters.unit)
    if filters.category:
        qs = qs.filter(category_id=filters.category)
    if filters.overdue:
        qs = qs.filter(stage_due_at__lt=clock.now(), status__in=OPEN_STATES)
    if filters.q:
        term = filters.q.strip()
        # Sealed WBS content is not searchable: only the tracking id finds a WBS case.
        qs = qs.filter(tracking_id__iexact=term) | qs.filter(
            title__icontains=term, channel__in=["helpdesk", "lapor"]
        )
    # Soonest deadline first; finished cases (no deadline) last on every database; pk breaks ties.
    return qs.order_by(F("stage_due_at").asc(nulls_last=True), "-received_at", "-pk")


@dataclass(frozen=True)
class TimelineItem:
    event: CaseEvent
    body: str
    attachments: list[tuple[Attachment, str]]


def case_timeline(*, case: Case, public_only: bool = False) -> list[TimelineItem]:
    """The timeline with bodies unsealed; `public_only` is the reporter's view."""
    events = case.events.select_related("actor").prefetch_related("attachments").order_by("at", "pk")
    if public_only:
        events = events.filter(visibility=CaseEvent.Visibility.PUBLIC)
    return _items(case, events)


def followed_timeline(*, case: Case, root: Case) -> list[TimelineItem]:
    """What the reporter of `case`, merged into `root` (cases/merge.py), reads of `root`: its stage changes,
    without their words, and their own messages sent to it.

    Staff write the replies, questions and answer of `root` to `root`'s reporter: they may name that
    person, quote their story or give the outside agency's reference. A follower may be anyone who told a
    similar story ("Ikuti laporan ini" needs no staff review), including the reported party, so they read
    none of it; staff answer a follower on the follower's own case.
    """
    mine = root.events.filter(
        kind=CaseEvent.Kind.REPORTER_MESSAGE, data__from_merged=case.tracking_id
    ).prefetch_related("attachments")
    stages = root.events.filter(
        kind=CaseEvent.Kind.TRANSITION, visibility=CaseEvent.Visibility.PUBLIC
    ).exclude(actor_kind=REPORTER)
    items = _items(root, mine) + [TimelineItem(e, "", []) for e in stages]
    return sorted(items, key=lambda item: (item.event.at, item.event.pk))


def _items(case: Case, events: QuerySet[CaseEvent]) -> list[TimelineItem]:
    key = case_key(case)
    items = []
    for e in events:
        files = [(a, attachment_name(case, a, key)) for a in e.attachments.all()]
        items.append(TimelineItem(e, event_body(case, e, key), files))
    return items
