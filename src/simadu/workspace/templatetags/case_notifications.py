"""The messages about a case, for the partial `workspace/_notifications.html` (one include on the case page)."""

from __future__ import annotations

from typing import Any

from django import template

from simadu.cases.notifications import case_notification_rows
from simadu.confidentiality import policy

register = template.Library()


@register.simple_tag(takes_context=True)
def case_notifications(context: Any, case: Any) -> dict[str, Any]:
    """{"rows": [...], "may_resend": bool} for the signed-in staff member, or no rows if they may not see it."""
    request = context.get("request")
    actor = getattr(request, "user", None)
    if case is None or actor is None or not policy.can(actor, "case.view", case):
        return {"rows": [], "may_resend": False}
    return {
        "rows": case_notification_rows(case),
        "may_resend": policy.can(actor, "case.notification_resend", case),
    }
