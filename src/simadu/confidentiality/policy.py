"""The one permission policy: "may they?" (`can`) and "which ones?" (`visible_cases`).

Every list, detail, search, export, API route and notification asks here. Sensitive
objects are fetched only through `access_case`, which answers the same NotFound for
a case that does not exist and for one the actor may not see.

Rules:
- WBS cases exist only for Itjen's WBS team (`User.wbs_team`, which the database
  allows only for Itjen staff).
- Verifiers (Itjen intake) see every other case; leadership of Itjen likewise;
  leadership of a unit sees its unit's cases.
- Unit officers see their unit's cases once assigned, never before.
- Itjen auditors see supervisory cases.
- Administrators configure the system and see no cases.
- Data-subject requests from people named in reports are answered by Itjen's
  verifiers and leadership (`can_answer_subject_requests`).
- A reporter's identity: biasa/rahasia → whoever sees the case; anonim → Itjen
  intake (verifiers) only; WBS → the WBS team only; every sealed read is audited.
- An anonymised case (retention schedule) can still be viewed, and nothing else.
- Itjen's steps on supervisory and WBS cases: its auditors and leadership; closing the examination
  needs the approval of Itjen's leadership (`_may_work`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from simadu.cases.models import Case, Channel
from simadu.cases.workflow import REPORTER, SYSTEM, UNIT_STATES, transition
from simadu.core.errors import NotFound

if TYPE_CHECKING:
    from simadu.accounts.models import User

ITJEN = "itjen"
STAFF_ACTIONS = frozenset(
    {"case.view", "case.note", "case.reply", "case.view_identity", "case.view_content", "case.download"}
)


def _is_staff(actor: Any) -> bool:
    return actor is not None and getattr(actor, "is_authenticated", False) and actor.is_active


def _scope(actor: User) -> Q | None:
    """The cases an actor may see, as a filter; None means none at all."""
    if not _is_staff(actor):
        return None
    not_wbs = ~Q(channel=Channel.WBS)
    wbs = Q(channel=Channel.WBS) if actor.wbs_team else Q(pk__in=[])
    role = actor.role
    if role == "verifier":
        return not_wbs | wbs
    if role == "leadership":
        if actor.unit_id in (None, ITJEN):
            return not_wbs | wbs
        return not_wbs & Q(unit_id=actor.unit_id)
    if role == "auditor":
        return (not_wbs & Q(supervisory=True)) | wbs
    if role == "unit_officer" and actor.unit_id:
        return not_wbs & Q(unit_id=actor.unit_id, status__in=UNIT_STATES)
    return None


def visible_cases(actor: User) -> QuerySet[Case]:
    scope = _scope(actor)
    return Case.objects.none() if scope is None else Case.objects.filter(scope)


def sees_case(actor: User, case: Case) -> bool:
    """In-memory twin of `visible_cases` for one loaded case (a test holds them equal)."""
    if not _is_staff(actor):
        return False
    if case.channel == Channel.WBS:
        return bool(actor.wbs_team) and actor.role in ("verifier", "leadership", "auditor")
    role = actor.role
    if role == "verifier":
        return True
    if role == "leadership":
        return actor.unit_id in (None, ITJEN) or case.unit_id == actor.unit_id
    if role == "auditor":
        return case.supervisory
    if role == "unit_officer":
        return bool(actor.unit_id) and case.unit_id == actor.unit_id and case.status in UNIT_STATES
    return False


def can(actor: Any, action: str, case: Case) -> bool:
    """May `actor` (a staff user, or "reporter"/"system") do `action` on `case`?"""
    if case.anonymised_at is not None and action not in ("case.view", "case.view_content"):
        return False  # the retention schedule destroyed its data: nothing to open, download or add
    if actor in (REPORTER, SYSTEM):
        name = action.removeprefix("case.")
        try:
            return actor in transition(name).actors
        except KeyError:
            return False
    if not sees_case(actor, case):
        return False
    if action == "case.view" or action == "case.download" or action == "case.view_content":
        return True
    if action == "case.notification_resend":  # try a stuck message about the case again: anyone who sees it
        return True
    if action == "case.view_identity":
        if case.channel == Channel.WBS:
            return bool(actor.wbs_team)
        if case.anonymous:
            return bool(actor.role == "verifier")
        return True
    if action in ("case.note", "case.reply"):
        return actor.role in ("verifier", "unit_officer", "auditor")
    if action == "case.approve_extension":
        # Leadership of the case's unit, or of Itjen (sees_case already held them to those).
        return bool(actor.role == "leadership")
    if action in CASE_WORK_ACTIONS:
        return _may_work(actor, action, case)
    name = action.removeprefix("case.")
    try:
        allowed_roles = transition(name).actors
    except KeyError:
        return False
    if actor.role not in allowed_roles:
        return False
    if actor.role == "unit_officer":
        return bool(case.unit_id == actor.unit_id)
    if actor.role == "auditor" and name in ("start", "respond", "close"):
        return bool(case.unit_id == ITJEN)
    return True


# Work on a case outside the state machine: Itjen's steps for supervisory and WBS cases, the
# forwarding follow-up, and who holds the case.
CASE_WORK_ACTIONS = frozenset(
    {
        "case.itjen_step",
        "case.itjen_state_loss",
        "case.itjen_closure_request",
        "case.itjen_closure_approve",
        "case.forward_outcome",
        "case.set_handler",
    }
)


def itjen_workflow_applies(case: Case) -> bool:
    """Itjen's steps (telaah … pemantauan) and its closure approval govern supervisory and WBS cases that
    Itjen itself handles."""
    return (case.supervisory or case.channel == Channel.WBS) and case.unit_id == ITJEN


def is_itjen_leadership(actor: Any) -> bool:
    return _is_staff(actor) and actor.role == "leadership" and actor.unit_id == ITJEN


def _may_work(actor: User, action: str, case: Case) -> bool:
    """The rules of CASE_WORK_ACTIONS for staff who already see the case.

    - Itjen's steps and the state-loss estimate: Itjen's auditors and leadership;
    - the request to close the examination: an auditor; its approval: Itjen's leadership only;
    - what the outside agency did with a forwarded case: Itjen's intake (verifiers) and leadership;
    - the handler: leadership names one; an officer of the unit, or an auditor on Itjen's cases, takes it.
    """
    role = actor.role
    if action in ("case.itjen_step", "case.itjen_state_loss"):
        return itjen_workflow_applies(case) and (role == "auditor" or is_itjen_leadership(actor))
    if action == "case.itjen_closure_request":
        return itjen_workflow_applies(case) and role == "auditor"
    if action == "case.itjen_closure_approve":
        return itjen_workflow_applies(case) and is_itjen_leadership(actor)
    if action == "case.forward_outcome":
        return role == "verifier" or is_itjen_leadership(actor)
    if action == "case.set_handler":
        if role == "leadership":
            return True
        if role == "unit_officer":
            return bool(case.unit_id == actor.unit_id)
        return role == "auditor" and case.unit_id == ITJEN
    return False


def can_answer_subject_requests(actor: Any) -> bool:
    """Itjen's verifiers and leadership answer data-subject requests (UU 27/2022) from people named in
    reports: the export they make says what is held about the person, never who reported them."""
    return _is_staff(actor) and actor.role in ("verifier", "leadership") and actor.unit_id == ITJEN


def access_case(actor: Any, tracking_id: str, *, for_update: bool = False) -> Case:
    """Fetch a case the actor may see, or NotFound, the same for missing and forbidden."""
    qs = visible_cases(actor).select_related("category", "unit", "forwarded_to")
    if for_update:
        qs = qs.select_for_update(of=("self",))  # the joined units are nullable: lock the case row only
    case = qs.filter(tracking_id=tracking_id).first()
    if case is None:
        raise NotFound()
    return case
