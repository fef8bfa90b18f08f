"""Itjen's panel on the case page (steps, state loss and KPK flag, closure approval, handler) and the
auditors' workload page. Thin: each POST calls one service of `cases.itjen`; who may is the policy's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from simadu.accounts.models import Role, User
from simadu.cases import itjen, workload
from simadu.cases.models import Case, CaseEvent
from simadu.cases.workflow import ITJEN_STEPS, OPEN_STATES, ItjenStep, Status
from simadu.confidentiality import policy
from simadu.confidentiality.attachments import MAX_FILES, CheckedFile, check_file
from simadu.core import clock
from simadu.core.errors import DomainError, InvalidInput
from simadu.deadlines.clocks import working_days_left
from simadu.workspace import access
from simadu.workspace.case_display import TimelineRow
from simadu.workspace.forms_itjen import HandlerForm, ItjenStepForm, StateLossForm
from simadu.workspace.signin import staff_required

# The case page ------------------------------------------------------------------------


def case_context(actor: User, case: Case, timeline: list[TimelineRow]) -> dict[str, Any]:
    """What `workspace/_itjen.html` shows. The steps done come from the timeline the page already read
    (bodies unsealed once, attachments with their names)."""
    context: dict[str, Any] = {"handler": _handler_context(actor, case)}
    if not policy.itjen_workflow_applies(case):
        return {**context, "itjen": None}
    current = ITJEN_STEPS.index(case.itjen_step) if case.itjen_step else -1
    steps = [
        {
            "label": ItjenStep(value).label,
            "state": "done" if i < current else "current" if i == current else "todo",
        }
        for i, value in enumerate(ITJEN_STEPS)
    ]
    done = [
        {"row": row, "step": _step_label(row.item.event.data.get("step"))}
        for row in timeline
        if row.item.event.kind == CaseEvent.Kind.ITJEN_STEP and row.item.event.action == itjen.STEP
    ]
    may_step = policy.can(actor, "case.itjen_step", case) and case.status == Status.IN_PROGRESS
    requested, approved = case.closure_requested_at is not None, case.closure_approved_at is not None
    return {
        **context,
        "itjen": {
            "steps": steps,
            "current": _step_label(case.itjen_step),
            "done": done,
            "step_form": ItjenStepForm(case=case, auto_id="itjen_%s") if may_step else None,
            "loss_form": StateLossForm(initial={"amount": case.state_loss_estimate}, auto_id="loss_%s")
            if policy.can(actor, "case.itjen_state_loss", case) and case.status in OPEN_STATES
            else None,
            "may_request": policy.can(actor, "case.itjen_closure_request", case)
            and case.status in (Status.IN_PROGRESS, Status.REOPENED)
            and current >= ITJEN_STEPS.index(itjen.CLOSURE_FROM)
            and not requested
            and not approved,
            "may_approve": policy.can(actor, "case.itjen_closure_approve", case)
            and requested
            and not approved,
            "requested": requested,
            "approved": approved,
            "closure_from": ItjenStep(itjen.CLOSURE_FROM).label,
        },
    }


def _step_label(value: Any) -> str:
    return str(ItjenStep(value).label) if value in ITJEN_STEPS else ""


def _handler_context(actor: User, case: Case) -> dict[str, Any] | None:
    if case.unit_id is None or case.status not in OPEN_STATES:
        return {"current": case.handler} if case.handler_id else None
    if not policy.can(actor, "case.set_handler", case):
        return {"current": case.handler} if case.handler_id else None
    if actor.role == Role.LEADERSHIP:
        form = HandlerForm(
            initial={"handler": case.handler_id},
            candidates=itjen.handler_candidates(case),
            auto_id="handler_%s",
        )
        return {"current": case.handler, "form": form}
    return {"current": case.handler, "may_take": case.handler_id != actor.pk}


# The case page's POSTs ----------------------------------------------------------------


def _act(
    request: HttpRequest, tracking_id: str, action: str, run: Callable[[Case, User], str]
) -> HttpResponse:
    """Fetch through the policy (404 as for a missing case), refuse with 403 who may not, run one service,
    and come back to the case page with its message."""
    case = access.case_or_404(request, tracking_id)
    actor = access.staff_actor(request)
    if not policy.can(actor, action, case):
        return access.forbidden(request)
    try:
        done = run(case, actor)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, done)
    return redirect("workspace:case", tracking_id=case.tracking_id)


def _form_error(form: forms.Form) -> InvalidInput:
    first = next(iter(form.errors.values()))[0]
    return InvalidInput(first)


def _uploads(request: HttpRequest) -> list[CheckedFile]:
    uploads = request.FILES.getlist("files")
    if len(uploads) > MAX_FILES:
        raise InvalidInput(_("Paling banyak %(n)s berkas sekaligus.") % {"n": MAX_FILES}, field="files")
    return [check_file(upload.name or "", upload) for upload in uploads]


@staff_required
@require_POST
def itjen_step(request: HttpRequest, tracking_id: str) -> HttpResponse:
    def run(case: Case, actor: User) -> str:
        form = ItjenStepForm(request.POST, case=case)
        if not form.is_valid():
            raise _form_error(form)
        itjen.itjen_step_advance(
            case=case,
            actor=actor,
            step=form.cleaned_data["step"],
            note=form.cleaned_data["note"],
            files=_uploads(request),
        )
        return _("Tahap pemeriksaan dicatat: %(step)s.") % {"step": _step_label(form.cleaned_data["step"])}

    return _act(request, tracking_id, "case.itjen_step", run)


@staff_required
@require_POST
def itjen_state_loss(request: HttpRequest, tracking_id: str) -> HttpResponse:
    def run(case: Case, actor: User) -> str:
        form = StateLossForm(request.POST)
        if not form.is_valid():
            raise _form_error(form)
        case = itjen.itjen_state_loss_set(case=case, actor=actor, amount=form.cleaned_data["amount"])
        if case.kpk_flagged_at is not None:
            return _("Perkiraan kerugian negara disimpan. Laporan ini ditandai untuk koordinasi dengan KPK.")
        return _("Perkiraan kerugian negara disimpan.")

    return _act(request, tracking_id, "case.itjen_state_loss", run)


@staff_required
@require_POST
def itjen_closure_request(request: HttpRequest, tracking_id: str) -> HttpResponse:
    def run(case: Case, actor: User) -> str:
        itjen.itjen_closure_request(case=case, actor=actor)
        return _("Penutupan pemeriksaan diajukan kepada pimpinan Inspektorat Jenderal.")

    return _act(request, tracking_id, "case.itjen_closure_request", run)


@staff_required
@require_POST
def itjen_closure_approve(request: HttpRequest, tracking_id: str) -> HttpResponse:
    def run(case: Case, actor: User) -> str:
        itjen.itjen_closure_approve(case=case, actor=actor)
        return _("Penutupan pemeriksaan disetujui. Jawaban akhir sekarang dapat dikirim kepada pelapor.")

    return _act(request, tracking_id, "case.itjen_closure_approve", run)


@staff_required
@require_POST
def set_handler(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """Leadership picks from the list; an officer or auditor sends `take=1` to hold the case themselves."""

    def run(case: Case, actor: User) -> str:
        if actor.role == Role.LEADERSHIP:
            form = HandlerForm(request.POST, candidates=itjen.handler_candidates(case))
            if not form.is_valid():
                raise _form_error(form)
            handler = form.cleaned_data["handler"]
        else:
            handler = actor
        case = itjen.case_set_handler(case=case, actor=actor, handler=handler)
        if case.handler is None:
            return _("Laporan ini sekarang tidak dipegang siapa pun.")
        return _("Laporan ini sekarang dipegang %(name)s.") % {"name": case.handler}

    return _act(request, tracking_id, "case.set_handler", run)


# The auditors' workload ---------------------------------------------------------------

UNHELD_SHOWN = 50


@staff_required
@require_GET
def workload_page(request: HttpRequest) -> HttpResponse:
    """For Itjen's leadership and auditors: each auditor's open cases by step, how many are late, a bar
    per auditor, and Itjen's open cases that nobody holds yet. Others get the 403 page."""
    actor = access.staff_actor(request)
    if not workload.may_see_workload(actor):
        return access.forbidden(request)
    now = clock.now()
    loads = workload.auditor_workload(actor=actor, now=now)
    most = max((load.total for load in loads), default=0)
    unheld = list(workload.unheld_cases(actor=actor)[: UNHELD_SHOWN + 1])
    return render(
        request,
        "workspace/itjen_workload.html",
        {
            "loads": loads,
            "most": max(most, 1),
            "step_labels": [_("Belum mulai"), *(ItjenStep(s).label for s in ITJEN_STEPS)],
            "total_held": sum(load.total for load in loads),
            "total_overdue": sum(load.overdue for load in loads),
            "unheld": [(case, working_days_left(case, now)) for case in unheld[:UNHELD_SHOWN]],
            "unheld_more": len(unheld) > UNHELD_SHOWN,
        },
    )
