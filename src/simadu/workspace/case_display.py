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
from simadu.deadlines import escalation
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
        elif event.kind == CaseEvent.Kind.ITJEN_STEP or (
            event.kind == CaseEvent.Kind.NOTE and event.action == "set_handler"
        ):
            title, details = _itjen_line(event, title)
        elif event.kind == CaseEvent.Kind.ESCALATION:
            title = escalation.step_title(event.data.get("level"))
        elif event.kind == CaseEvent.Kind.MERGE:  # cases/merge.py
            if event.data.get("merged"):
                details.append(_("Laporan %(id)s digabung ke laporan ini") % {"id": event.data["merged"]})
            if event.data.get("into"):
                details.append(_("Digabung ke laporan %(id)s") % {"id": event.data["into"]})
            if event.data.get("chosen_by") == workflow.REPORTER:
                details.append(_("Dipilih pelapor saat melapor (Ikuti laporan ini)"))
        elif event.kind == CaseEvent.Kind.REPORTER_MESSAGE and event.data.get("from_merged"):
            details.append(
                _(
                    "Dari pelapor laporan %(id)s, yang digabung ke laporan ini; pelapor laporan ini tidak melihatnya"
                )
                % {"id": event.data["from_merged"]}
            )
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


def _itjen_line(event: CaseEvent, title: str) -> tuple[str, list[str]]:
    """The title and details of an event of Itjen's examination (cases.itjen) or of a new handler."""
    data, details = event.data or {}, []
    if event.action == "step":
        step = _label(workflow.ItjenStep, data.get("step"))
        title = _("Tahap pemeriksaan: %(step)s") % {"step": step}
        if data.get("automatic"):
            details.append(_("Dimulai otomatis saat tindak lanjut dimulai"))
        if data.get("skipped"):
            skipped = ", ".join(_label(workflow.ItjenStep, s) for s in data["skipped"])
            details.append(_("Tahap yang dilewati: %(steps)s") % {"steps": skipped})
    elif event.action == "state_loss":
        title = _("Perkiraan kerugian negara")
        details.append("Rp" + f"{data.get('amount', 0):,}".replace(",", "."))
        if data.get("kpk_flagged"):
            details.append(_("Rp1 miliar atau lebih: ditandai untuk koordinasi dengan KPK"))
    elif event.action == "closure_request":
        title = _("Penutupan pemeriksaan diajukan")
    elif event.action == "closure_approve":
        title = _("Penutupan pemeriksaan disetujui pimpinan")
    elif event.action == "set_handler":
        title = _("Pemegang laporan")
        details.append(data.get("name") or _("Tidak ada pemegang"))
    return title, details


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
