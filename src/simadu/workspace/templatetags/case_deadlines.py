"""The clocks of a case, for the partial `workspace/_deadlines.html` (one include on the case page)."""

from __future__ import annotations

from typing import Any

from django import template

from simadu.workspace.views_deadlines import deadlines_panel

register = template.Library()


@register.simple_tag(takes_context=True)
def case_deadlines(context: Any, case: Any) -> dict[str, Any]:
    """The deadline of the stage, every clock of the case and the extension forms for the signed-in staff member."""
    request = context.get("request")
    return deadlines_panel(getattr(request, "user", None), case)
