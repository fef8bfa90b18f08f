"""Filing a planned case through the real services, then moving its own timestamps into the past."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import models

from simadu.accounts.models import User
from simadu.cases import forwarding, itjen, services
from simadu.cases.models import Case, CaseEvent, Forwarding
from simadu.cases.workflow import FINAL_STATES, ITJEN_STEPS, SYSTEM, Status
from simadu.confidentiality.policy import itjen_workflow_applies
from simadu.core.clock import WIB
from simadu.deadlines.clocks import clocks_replay
from simadu.intake.services import report_submit, validate_submission
from simadu.triage import taxonomy
from simadu.triage.engine import TriageInput, suggest
from simadu.triage.models import Category, Unit
from simadu.workspace.demo import texts
from simadu.workspace.demo.planning import Plan, Step, fill_in
from simadu.workspace.demo.staff import Actors

# --- filing a plan through the real services ----------------------------------------------------


def file_case(plan: Plan, actors: Actors, filed: dict[int, str]) -> Case:
    story = plan.story
    received = plan.times[0]
    data: dict[str, Any] = {
        "text": fill_in(story.text, plan.fill),
        "title": plan.title,
        "reporter_type": story.reporter_type,
        "anonymous": plan.reporter.get("anonymous", False),
        "reporter": {k: v for k, v in plan.reporter.items() if k in ("name", "email", "phone")},
        "reported_party": story.reported_party,
        "source": plan.source,
        "regency_code": plan.region,
    }
    if plan.incident_days_before is not None:
        data["incident_date"] = received.astimezone(WIB).date() - dt.timedelta(days=plan.incident_days_before)
    wanted = story.final_channel
    suggested = suggest(
        TriageInput(
            text=data["text"],
            title=plan.title,
            reporter_type=story.reporter_type,
            anonymous=data["anonymous"],
        )
    )
    if suggested.channel != wanted:
        data["channel"] = wanted  # the reporter chose the channel on the form
    case, _secret = report_submit(submission=validate_submission(data))

    # Each step's events get the step's time (a second apart when one step writes two).
    last = int(CaseEvent.objects.filter(case=case).aggregate(m=models.Max("pk"))["m"])
    event_times = {last: received}
    for step, at in zip(plan.steps, plan.times[1:], strict=True):
        case.refresh_from_db()  # the permission checks read the case as it is now
        _do(step, case, plan, actors, filed)
        new = CaseEvent.objects.filter(case=case, pk__gt=last).order_by("pk").values_list("pk", flat=True)
        for i, pk in enumerate(new):
            event_times[pk] = at + dt.timedelta(seconds=i)
            last = pk
    shift_demo_case_times(case, event_times)
    return case


def _do(step: Step, case: Case, plan: Plan, actors: Actors, filed: dict[int, str]) -> None:
    story = plan.story
    verifier = actors.users[plan.verifier]
    officer = actors.officer(story.unit) if taxonomy.UNITS[story.unit][0] else verifier
    actions: dict[str, Callable[[], object]] = {
        "verify": lambda: services.case_verify(case=case, actor=verifier),
        "verifier_note": lambda: services.case_add_note(case=case, actor=verifier, text=step.text),
        "duplicate_note": lambda: services.case_add_note(
            case=case,
            actor=verifier,
            text=texts.DUPLICATE_NOTE.replace("{other}", filed[plan.duplicate_of or 0]),
        ),
        "ask": lambda: services.case_request_info(case=case, actor=verifier, question=step.text),
        "answer": lambda: services.case_reporter_message(case=case, text=step.text),
        "follow_up": lambda: services.case_reporter_message(case=case, text=step.text),
        "assign": lambda: _assign(case, plan, verifier, step.text),
        "forward": lambda: forwarding.case_forward(
            case=case,
            actor=verifier,
            agency=Unit.objects.get(pk=step.value),
            channel="",
            reason=step.text,
            reference=_forward_reference(step.value, plan),
        ),
        "archive": lambda: services.case_archive(
            case=case,
            actor=SYSTEM if step.who == "system" else verifier,
            reason_code=step.value,
            note=step.text,
        ),
        "start": lambda: services.case_start(case=case, actor=officer),
        "unit_note": lambda: services.case_add_note(case=case, actor=officer, text=step.text),
        "interim_reply": lambda: services.case_add_note(
            case=case, actor=officer, text=step.text, public=True
        ),
        "respond": lambda: _respond(case, officer, actors, step.text),
        "object": lambda: services.case_object(case=case, reason=step.text),
        "rate": lambda: services.case_rate(case=case, rating=step.value, comment=step.text),
        "close": lambda: services.case_close(case=case, actor=_closer(step, actors, officer), note=step.text),
    }
    actions[step.action]()


# Itjen's examination of a supervisory or WBS case before its answer, as the auditor notes it.
ITJEN_STEP_NOTES = {
    "klarifikasi": "Telaah selesai: ada indikasi pelanggaran. Pihak terlapor dan atasannya dimintai keterangan.",
    "audit_investigatif": "Keterangan belum cukup. Tim audit investigatif dibentuk dengan surat tugas.",
    "laporan_hasil": "Laporan hasil pemeriksaan selesai disusun dan diserahkan kepada pimpinan.",
}


def _respond(case: Case, officer: User, actors: Actors, text: str) -> Case:
    """The answer; on Itjen's cases first the examination's steps and the leadership's approval of closure."""
    case.refresh_from_db()
    if itjen_workflow_applies(case) and case.closure_approved_at is None:
        for step, note in ITJEN_STEP_NOTES.items():
            if ITJEN_STEPS.index(step) > ITJEN_STEPS.index(case.itjen_step or "telaah"):
                itjen.itjen_step_advance(case=case, actor=officer, step=step, note=note)
                case.refresh_from_db()
        if case.closure_requested_at is None:
            itjen.itjen_closure_request(case=case, actor=officer)
        itjen.itjen_closure_approve(case=case, actor=actors.users["pimpinan"])
    return services.case_respond(case=case, actor=officer, text=text)


def _closer(step: Step, actors: Actors, officer: User) -> Any:
    if step.who == "system":
        return SYSTEM
    if step.who == "leadership":
        return actors.users["pimpinan"]
    return officer


def _assign(case: Case, plan: Plan, verifier: User, note: str) -> Case:
    """Route to the story's unit, correcting the triage suggestion where it guessed otherwise."""
    story = plan.story
    case.refresh_from_db()
    category = Category.objects.get(pk=story.category) if case.category_id != story.category else None
    report_type = story.report_type if case.report_type != story.report_type else None
    if (category or report_type) and not note:
        note = texts.CORRECTED_NOTE
    return services.case_assign(
        case=case,
        actor=verifier,
        unit=Unit.objects.get(pk=story.unit),
        category=category,
        report_type=report_type,
        note=note,
    )


def _forward_reference(agency: str, plan: Plan) -> str:
    n = 1000 + plan.number * 7
    year = plan.times[0].year
    if agency == "bpjs_ketenagakerjaan":
        return f"BPJSTK/ADU/{year}/{n:06d}"
    if agency == "kp2mi":
        return f"KP2MI-PGD-{year}-{n:05d}"
    return f"B.{n}/IJ/PP.02/{plan.times[0].month:02d}/{year}"


# --- demo data only: moving a case into the past ------------------------------------------------


def shift_demo_case_times(case: Case, event_times: dict[int, dt.datetime]) -> None:
    """FOR DEMO DATA ONLY: move a case filed a moment ago, and its timeline, to the times its story says.

    Every service stamps the real time; the demo shows four months of work, so after a case
    has gone through the services its own dates are rewritten: each timeline event gets its
    time from `event_times` (event pk -> time), and the case's dates are derived from those
    events as the services would have set them (the clocks of its stages replayed from the
    moved timeline, which sets the stage deadline). One UPDATE on CaseEvent and one on Case. The audit chain (AuditEntry) is never touched, so
    `simadu audit verify` still passes; its rows keep the real time the demo was loaded.
    """
    rows = CaseEvent.objects.filter(case=case, pk__in=event_times).values_list(
        "pk", "kind", "action", "to_status"
    )
    # (time, kind, action, to_status) in the order they now happened
    events = sorted((event_times[pk], pk, kind, action, to) for pk, kind, action, to in rows)
    CaseEvent.objects.filter(pk__in=event_times).update(
        at=models.Case(
            *[models.When(pk=pk, then=models.Value(at)) for pk, at in event_times.items()],
            output_field=models.DateTimeField(),
        )
    )
    transitions = [e for e in events if e[2] == CaseEvent.Kind.TRANSITION]
    received_at = next(at for at, _pk, kind, _a, _to in events if kind == CaseEvent.Kind.RECEIVED)
    status_changed_at = transitions[-1][0] if transitions else received_at
    answers = [
        at for at, _pk, kind, _a, to in events if kind == CaseEvent.Kind.REPLY or to == Status.RESPONDED
    ]
    responded = [at for at, _pk, _k, _a, to in transitions if to == Status.RESPONDED]
    reopened = [at for at, _pk, _k, action, _to in transitions if action == "reopen"]
    case.refresh_from_db(fields=["status", "supervisory", "report_type"])
    Case.objects.filter(pk=case.pk).update(
        received_at=received_at,
        status_changed_at=status_changed_at,
        first_response_at=min(answers) if answers else None,
        responded_at=responded[-1] if responded else None,
        closed_at=status_changed_at if case.status in FINAL_STATES else None,
        objected_at=reopened[-1] if reopened else None,
    )
    clocks_replay(case)
    _shift_forwarding_and_closure(case, events)


def _shift_forwarding_and_closure(case: Case, events: list[tuple[Any, ...]]) -> None:
    """FOR DEMO DATA ONLY: the forwarding record and Itjen's closure dates follow their moved events."""
    forwarded = [
        at
        for at, _pk, kind, action, _to in events
        if kind == CaseEvent.Kind.TRANSITION and action == "forward"
    ]
    if forwarded:
        Forwarding.objects.filter(case=case).update(
            forwarded_at=forwarded[-1], follow_up_due_at=forwarding.follow_up_due(case, forwarded[-1])
        )
    closure = {action: at for at, _pk, kind, action, _to in events if kind == CaseEvent.Kind.ITJEN_STEP}
    changes = {
        field: closure[action]
        for field, action in (
            ("closure_requested_at", itjen.CLOSURE_REQUEST),
            ("closure_approved_at", itjen.CLOSURE_APPROVE),
        )
        if action in closure
    }
    if changes:
        Case.objects.filter(pk=case.pk, closure_requested_at__isnull=False).update(**changes)
