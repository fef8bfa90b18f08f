"""How a case reads on the staff pages: timeline lines with their visibility, and the triage suggestion.

Only presentation: labels for stored codes and names for stored slugs. Bodies come
already unsealed from `cases.selectors.case_timeline`; the page asks for them only after
`policy.access_case` let the user see the case.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.utils.translation import gettext as _

from simadu.cases import workflow
from simadu.cases.models import Case, CaseEvent, Channel, ReportType
from simadu.cases.selectors import TimelineItem, case_timeline
from simadu.confidentiality import breakglass
from simadu.triage.models import Category, Unit

LOW_CONFIDENCE = 0.5


@dataclasses.dataclass(frozen=True)
class TimelineRow:
    item: TimelineItem
    title: str
    actor: str
    public: bool
    details: list[str]


def _label(choices: Any, value: Any) -> str:
    """The display label of a stored choice; the raw value when it is no longer a choice."""
    return str(choices(value).label) if value in choices.values else str(value or "—")


def timeline_rows(case: Case, units: dict[str, Unit], categories: dict[str, Category]) -> list[TimelineRow]:
    def name(table: dict[str, Any], key: Any) -> str:
        return str(table[key]) if key in table else str(key or "—")

    rows = []
    for item in case_timeline(case=case):
        event = item.event
        title = str(event.get_kind_display())
        details = []
        if event.kind == CaseEvent.Kind.TRANSITION and event.action in workflow.ACTIONS:
            title = str(workflow.transition(event.action).label)
            details.append(
                f"{_label(workflow.Status, event.from_status)} → {_label(workflow.Status, event.to_status)}"
            )
        elif event.kind == CaseEvent.Kind.TRIAGE_CORRECTION:
            for field, (old, new) in sorted(event.data.items()):
                if field == "category":
                    details.append(
                        _("Kategori: %(old)s → %(new)s")
                        % {"old": name(categories, old), "new": name(categories, new)}
                    )
                elif field == "unit":
                    details.append(
                        _("Unit: %(old)s → %(new)s") % {"old": name(units, old), "new": name(units, new)}
                    )
                elif field == "report_type":
                    details.append(
                        _("Jenis laporan: %(old)s → %(new)s")
                        % {"old": _label(ReportType, old), "new": _label(ReportType, new)}
                    )
        elif event.kind == CaseEvent.Kind.NOTE and event.action == breakglass.EVENT_ACTION:
            title = _("Data rahasia dibuka")
        elif event.kind == CaseEvent.Kind.RATING:
            details.append(_("Nilai: %(n)s dari 5") % {"n": event.data.get("rating", "—")})
        if event.actor is not None:
            actor = str(event.actor)
        elif event.actor_kind == workflow.REPORTER:
            actor = _("Pelapor")
        else:
            actor = _("Sistem")
        rows.append(TimelineRow(item, title, actor, event.visibility == CaseEvent.Visibility.PUBLIC, details))
    return rows


def triage_summary(
    case: Case, units: dict[str, Unit], categories: dict[str, Category]
) -> dict[str, Any] | None:
    t = case.triage or {}
    if not t:
        return None
    confidence = float(t.get("confidence") or 0)
    return {
        "channel": _label(Channel, t.get("channel")),
        "category": categories.get(t.get("category", "")) or t.get("category", ""),
        "unit": units.get(t.get("unit", "")) or t.get("unit", ""),
        "confidence": confidence,
        "percent": round(confidence * 100),
        "low": confidence < LOW_CONFIDENCE,
        "explanation": t.get("explanation", ""),
    }
