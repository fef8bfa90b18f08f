"""Writes of the triage app: the reference data of the taxonomy, the examples it learns from, its model versions."""

from __future__ import annotations

from typing import Any, Protocol

from django.db import transaction

from simadu.audit.services import audit_record
from simadu.core import clock
from simadu.triage import rules, taxonomy
from simadu.triage.engine import active_rules
from simadu.triage.models import Category, ExampleSource, TriageExample, TriageModelVersion, Unit
from simadu.triage.normalize import normalize


@transaction.atomic
def taxonomy_ensure_defaults() -> int:
    """Create the taxonomy's units and categories where missing; never overwrite an administrator's edits.

    An outside agency's contact and usual forwarding channel are filled in only where blank.
    """
    created = 0
    for slug, (internal, name) in taxonomy.UNITS.items():
        created += Unit.objects.get_or_create(slug=slug, defaults={"name": name, "internal": internal})[1]
    for slug, (contact, channel) in taxonomy.AGENCY_DEFAULTS.items():
        if contact:
            Unit.objects.filter(pk=slug, contact="").update(contact=contact)
        Unit.objects.filter(pk=slug, forward_channel="").update(forward_channel=channel)
    for slug, (supervisory, unit, name, name_en) in taxonomy.CATEGORIES.items():
        created += Category.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "supervisory": supervisory, "default_unit_id": unit},
        )[1]
    return created


class RoutedCase(Protocol):
    """What triage reads of a case that a verifier has just assigned or forwarded (triage sits below `cases`)."""

    @property
    def tracking_id(self) -> str: ...
    @property
    def sealed(self) -> bool: ...
    @property
    def channel(self) -> str: ...
    @property
    def report_type(self) -> str: ...
    @property
    def category(self) -> Category: ...
    @property
    def unit_id(self) -> Any: ...
    @property
    def forwarded_to_id(self) -> Any: ...
    @property
    def triage(self) -> Any: ...
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def reporter_type(self) -> str: ...
    @property
    def anonymous(self) -> bool: ...


LEARNED_FROM_VERIFIER = ("category", "report_type", "unit")


def triage_example_from_case(*, case: RoutedCase, actor: Any) -> TriageExample | None:
    """Keep a verifier's correction of the suggestion as a labelled report for the next model.

    Called by `case_assign` and `case_forward` inside their transaction, after the case
    holds its final category, report type and unit (for a forward: the agency). Nothing is
    kept when the verifier confirmed the suggestion, nor ever from a WBS case: its content
    is sealed, and a training example would be a plain copy of it.
    """
    if case.sealed:
        return None
    final = {
        "category": case.category.pk,
        "report_type": case.report_type,
        "unit": case.forwarded_to_id or case.unit_id,
    }
    suggested = case.triage if isinstance(case.triage, dict) else {}
    if all(suggested.get(name) == final[name] for name in LEARNED_FROM_VERIFIER):
        return None
    example, _ = TriageExample.objects.update_or_create(
        source=ExampleSource.CORRECTION,
        tracking_id=case.tracking_id,
        defaults={
            "text": case.text,
            "title": case.title,
            "reporter_type": case.reporter_type,
            "anonymous": case.anonymous,
            "labels": {
                # The channel the taxonomy gives the corrected labels, not the one the case came in by:
                # a reporter's own choice of door, or the door of the wrong category, would teach the
                # model a wrong channel.
                "channel": case.channel
                if final["category"] not in taxonomy.CATEGORIES
                else rules.channel_for(
                    final["category"],
                    final["unit"],
                    normalize(f"{case.title} {case.text}"),
                    case.reporter_type,
                    active_rules(),
                )[0],
                "report_type": final["report_type"],
                "category": final["category"],
                "supervisory": case.category.supervisory,
                "unit": final["unit"],
            },
            "created_at": clock.now(),
            "created_by": None if isinstance(actor, str) else actor,
        },
    )
    return example


@transaction.atomic
def model_version_record(
    *,
    version: str,
    started_at: Any,
    trained_on: int,
    corrections: int,
    scores: dict[str, Any],
    activate: bool,
    note: str,
) -> TriageModelVersion:
    """Record a trained model; when `activate`, it replaces the active version (at most one is active)."""
    if activate:
        TriageModelVersion.objects.filter(active=True).update(active=False)
    record = TriageModelVersion.objects.create(
        version=version,
        created_at=started_at,
        trained_on=trained_on,
        corrections=corrections,
        scores=scores,
        active=activate,
        note=note,
    )
    audit_record(
        actor="system",
        action="triage.model_version",
        obj_type="triage_model",
        obj_id=version,
        data={"active": activate, "trained_on": trained_on, "corrections": corrections, "note": note},
    )
    return record
