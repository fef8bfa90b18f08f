"""Likely duplicates of a case, for the partial `workspace/_duplicates.html` (one include on the case page)."""

from __future__ import annotations

from typing import Any

from django import template

from simadu.cases.duplicates import likely_duplicates
from simadu.cases.workflow import OPEN_STATES
from simadu.confidentiality import policy
from simadu.workspace.forms_duplicates import MergeForm

register = template.Library()


@register.simple_tag(takes_context=True)
def case_duplicates(context: Any, case: Any) -> dict[str, Any]:
    """For a verifier on an open case: the likely duplicates among the cases they see, the cases already
    merged into it, and the merge form. For anyone else: nothing (the panel is not drawn)."""
    request = context.get("request")
    actor = getattr(request, "user", None)
    if case is None or actor is None or not policy.can(actor, "case.archive", case):
        return {"shown": False}
    merged_here = list(
        policy.visible_cases(actor)
        .filter(merged_into=case)
        .order_by("received_at")
        .values_list("tracking_id", flat=True)
    )
    if case.status not in OPEN_STATES:
        return {"shown": bool(merged_here), "rows": [], "merged_here": merged_here, "form": None}
    return {
        "shown": True,
        "rows": likely_duplicates(actor=actor, case=case),
        "merged_here": merged_here,
        "form": MergeForm(auto_id="merge_%s"),
    }
