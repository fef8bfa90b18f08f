"""Reads: how much each Itjen auditor holds, by examination step, and Itjen's open cases nobody holds.

Building auditors' capacity is one of the aims of the complaint-handling guideline, so the load is
visible to Itjen's leadership and auditors. Counts are made in SQL: the page costs the same few
queries for 3 auditors or 300.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from simadu.accounts.models import Role, User
from simadu.cases.models import Case
from simadu.cases.workflow import ITJEN_STEPS, OPEN_STATES
from simadu.confidentiality import policy

NOT_STARTED = ""  # a held case not yet in in_progress (assigned), or not an examination


@dataclass
class AuditorLoad:
    auditor: User
    by_step: dict[str, int] = field(default_factory=dict)  # ITJEN_STEPS and NOT_STARTED -> open cases
    overdue: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_step.values())

    @property
    def steps(self) -> list[int]:
        """The counts in the page's column order: not started, then each step."""
        return [self.by_step.get(step, 0) for step in (NOT_STARTED, *ITJEN_STEPS)]


def may_see_workload(actor: Any) -> bool:
    return bool(
        actor is not None
        and getattr(actor, "is_active", False)
        and (
            policy.is_itjen_leadership(actor)
            or (actor.role == Role.AUDITOR and actor.unit_id == policy.ITJEN)
        )
    )


def auditor_workload(*, actor: Any, now: dt.datetime) -> list[AuditorLoad]:
    """Every active auditor with the open cases they hold by step and how many are past their deadline.

    Two queries. Counts only (no title, no content), and only of the cases `actor` may see: WBS cases count
    for viewers in the WBS team alone, else the numbers would tell how many WBS cases sit in each step.
    """
    auditors = User.objects.filter(role=Role.AUDITOR, is_active=True).order_by(
        "first_name", "last_name", "pk"
    )
    loads = {a.pk: AuditorLoad(a) for a in auditors}
    rows = (
        policy.visible_cases(actor)
        .filter(handler__role=Role.AUDITOR, handler__is_active=True, status__in=OPEN_STATES)
        .order_by()
        .values("handler_id", "itjen_step")
        .annotate(n=Count("pk"), late=Count("pk", filter=Q(stage_due_at__lt=now)))
    )
    for row in rows:
        load = loads[row["handler_id"]]
        step = row["itjen_step"] if row["itjen_step"] in ITJEN_STEPS else NOT_STARTED
        load.by_step[step] = load.by_step.get(step, 0) + row["n"]
        load.overdue += row["late"]
    return list(loads.values())


def unheld_cases(*, actor: Any) -> QuerySet[Case]:
    """Itjen's open cases that no one holds yet, among those the actor may see; soonest deadline first."""
    return (
        policy.visible_cases(actor)
        .filter(unit_id=policy.ITJEN, status__in=OPEN_STATES, handler__isnull=True)
        .select_related("category", "unit")
        .only(
            "tracking_id",
            "status",
            "itjen_step",
            "stage_due_at",
            "channel",
            "received_at",
            "category__name",
            "unit__time_zone",
        )
        .order_by("stage_due_at", "pk")
    )
