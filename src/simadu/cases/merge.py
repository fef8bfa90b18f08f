"""Merging duplicates: one case is handled, the others follow it, and every reporter stays informed.

A merged case is archived (reason *duplicate*) through `services.transition` and points at the
case that is handled (`merged_into`, always the root: a case merged into one that was itself
merged follows the last one). Its reporter keeps their own tracking id and secret and, on
/lacak and the API, sees the kept case's stage, its staff's public replies and its deadline,
never the other reporters' messages, names or files (`tracking.services.reporter_view`). What
they write goes to the kept case as an internal reporter message marked with their tracking id
(`merged_reporter_message`), so the handler reads it and the other reporter does not; and when
the kept case is answered, forwarded or closed, they are told too (`notifications.notify_reporter`).

Two ways in: a verifier merges (`case_merge`), or a reporter chooses "Ikuti laporan ini" while
filing and their report is filed already merged (`case_follow`, which `intake.services.report_submit`
calls in the same transaction).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from simadu.audit.services import audit_record
from simadu.cases import notifications
from simadu.cases.models import Case, CaseEvent, Channel
from simadu.cases.services import _event, check_reporter_message, file_reporter_message, transition
from simadu.cases.workflow import OPEN_STATES, REPORTER, SYSTEM, ArchiveReason
from simadu.cases.workflow import transition as workflow_transition
from simadu.confidentiality.attachments import CheckedFile
from simadu.confidentiality.policy import can
from simadu.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied

# The states a case can be merged away from: those it can be archived from.
MERGEABLE = workflow_transition("archive").sources
# What the merged case's reporter reads on their timeline. Stored as written (timeline bodies are data),
# so the msgid is marked, not translated, here.
MERGED_PUBLIC_TEXT = gettext_noop(
    "Laporan Anda sama dengan laporan lain yang sudah ditangani, jadi kami gabungkan. "
    "Perkembangan penanganannya tetap tampil di halaman ini."
)
_ROOT_HOPS = 20  # merged_into always points at a root when written; this only guards a loop


def case_root(case: Case) -> Case:
    """The case that is handled for `case`: itself, or the end of its merged_into chain."""
    current, seen = case, {case.pk}
    for _hop in range(_ROOT_HOPS):
        if current.merged_into_id is None:
            return current
        nxt = Case.objects.select_related("category", "unit", "forwarded_to").get(pk=current.merged_into_id)
        if nxt.pk in seen:
            return current
        seen.add(nxt.pk)
        current = nxt
    return current


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update(of=("self",)).select_related("category", "unit").get(pk=case.pk)


@transaction.atomic
def case_merge(*, case: Case, into: Case, actor: Any, note: str = "") -> Case:
    """A verifier merges `case` into `into` (or into the case `into` itself follows). Returns the merged case.

    Rules: the actor sees both and may archive `case`; WBS only with WBS, by the WBS team; not a case
    into itself; `case` still at intake (received, verifying, awaiting_info); the kept case still open.
    """
    if not (can(actor, "case.view", case) and can(actor, "case.view", into)):
        raise NotFound()
    root = case_root(into)
    if not can(actor, "case.view", root):
        raise NotFound()
    if not can(actor, "case.archive", case):
        raise PermissionDenied()
    if root.pk == case.pk:
        raise InvalidInput(_("Laporan tidak dapat digabung dengan dirinya sendiri."), field="other")
    wbs = (case.channel == Channel.WBS, root.channel == Channel.WBS)
    if any(wbs) and not (all(wbs) and getattr(actor, "wbs_team", False)):
        raise InvalidInput(
            _("Laporan WBS hanya dapat digabung dengan laporan WBS lain, oleh tim WBS."), field="other"
        )
    return _merge(case=case, root=root, actor=actor, note=note.strip())


@transaction.atomic
def case_follow(*, case: Case, into: Case) -> Case:
    """The reporter chose "Ikuti laporan ini" while filing: their new report is filed merged into `into`.

    `into` comes from `duplicates.followable_case` (a case the public may be offered); it is checked
    again here, under the lock, since it may have moved on since the suggestion was shown.
    """
    from simadu.cases.duplicates import public_candidates  # duplicates reads cases; merge writes them

    root = case_root(into)
    followable = public_candidates().filter(pk=root.pk, status__in=OPEN_STATES).exists()
    if not followable or root.pk == case.pk or case.channel == Channel.WBS:
        raise InvalidInput(_("Laporan yang ingin Anda ikuti sudah tidak dapat diikuti."), field="follow")
    return _merge(case=case, root=root, actor=SYSTEM, note="", chosen_by_reporter=True)


def _merge(*, case: Case, root: Case, actor: Any, note: str, chosen_by_reporter: bool = False) -> Case:
    # Both rows locked in one query, in pk order, so two merges of the same pair cannot deadlock.
    locked = {
        c.pk: c
        for c in Case.objects.select_for_update(of=("self",))
        .select_related("category", "unit")
        .filter(pk__in=[case.pk, root.pk])
        .order_by("pk")
    }
    case, root = locked[case.pk], locked[root.pk]
    if case.status not in MERGEABLE:
        raise Conflict(
            _("Hanya laporan yang belum diteruskan ke unit yang dapat digabung ke laporan lain."),
            code="merge_not_allowed",
        )
    if root.status not in OPEN_STATES:
        raise Conflict(_("Laporan tujuan sudah selesai ditangani."), code="merge_target_closed")
    case.archive_reason = ArchiveReason.DUPLICATE
    case.merged_into = root
    data = {"reason": ArchiveReason.DUPLICATE, "merged_into": root.tracking_id}
    if chosen_by_reporter:
        data["chosen_by"] = REPORTER
    case = transition(case=case, action="archive", actor=actor, body=note, data=data)
    # Cases that followed this one now follow its root, so one hop always reaches the handled case.
    followers = Case.objects.filter(merged_into=case).update(merged_into=root)
    _event(
        case,
        kind=CaseEvent.Kind.MERGE,
        actor=actor,
        body=MERGED_PUBLIC_TEXT,
        public=True,
        data={"into": root.tracking_id},
    )
    _event(
        root,
        kind=CaseEvent.Kind.MERGE,
        actor=actor,
        body=note,
        data={"merged": case.tracking_id, **({"chosen_by": REPORTER} if chosen_by_reporter else {})},
    )
    audit_record(
        actor=actor,
        action="case.merge",
        obj_type="case",
        obj_id=case.tracking_id,
        data={
            "into": root.tracking_id,
            "followers_moved": followers,
            **({"chosen_by": REPORTER} if chosen_by_reporter else {}),
        },
    )
    notifications.notify_reporter(case, "merged")
    return case


@transaction.atomic
def merged_reporter_message(*, case: Case, text: str, files: list[CheckedFile] = ()) -> CaseEvent:  # type: ignore[assignment]
    """A message from the reporter of a merged case: it lands on the kept case, for its handlers only.

    Internal on the kept case (its own reporter must not read another reporter's words) and marked
    `{"from_merged": <tracking id>}`; its files are stored with the kept case. The sender reads it
    back on their own page (`tracking.services.reporter_view`).
    """
    root = _locked(case_root(case))
    check_reporter_message(case=root, text=text, files=files)
    return file_reporter_message(
        case=root, text=text, files=files, public=False, data={"from_merged": case.tracking_id}
    )
