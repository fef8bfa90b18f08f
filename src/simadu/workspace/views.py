"""The staff pages: the inbox, the case page and its actions (signing in: `signin`). Thin: every rule is elsewhere.

Cases are fetched only through `policy.access_case` (the same 404 for missing and
forbidden), sealed data is read only through `sealing.reveal_*` (which audit), and
every POST calls exactly one service of `cases.services`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from simadu.accounts.models import User
from simadu.cases import forwarding, services, workflow
from simadu.cases.models import Attachment, Case
from simadu.cases.selectors import InboxFilters, inbox_cases
from simadu.confidentiality import breakglass, policy, sealing
from simadu.confidentiality.attachments import attachment_name, attachment_read
from simadu.core import clock, ids, regions
from simadu.core.errors import DomainError, InvalidInput, NotFound, PermissionDenied
from simadu.deadlines.clocks import working_days_left
from simadu.triage.models import Category, Unit
from simadu.workspace import access, case_display, views_forwarding, views_itjen
from simadu.workspace.forms import ACTION_FORMS, AssignForm, InboxFilterForm, NoteForm
from simadu.workspace.signin import staff_required

PAGE_SIZE = 50
_NOT_LISTED = ("data_key", "secret_hash", "sealed_identity", "sealed_content", "text", "triage")


# The inbox ----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class InboxRow:
    case: Case
    days_left: int | None


def _inbox_filters(form: InboxFilterForm) -> InboxFilters:
    data = form.cleaned_data
    q = (data.get("q") or "").strip()
    return InboxFilters(
        channel=data.get("channel") or "",
        status=data.get("status") or "",
        unit=data["unit"].pk if data.get("unit") else "",
        category=data["category"].pk if data.get("category") else "",
        overdue=bool(data.get("overdue")),
        open_only=bool(data.get("open")),
        q=ids.canonical_tracking_id(q) or q if q else "",
    )


def _query(params: QueryDict, **changes: str) -> str:
    query = params.copy()
    query.pop("page", None)
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@staff_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    params = request.GET.copy()
    if "f" not in params:  # first visit: open cases only
        params["open"] = "on"
    form = InboxFilterForm(params)
    form.is_valid()
    filters = _inbox_filters(form)
    actor = access.staff_actor(request)
    # The list never decrypts: the sealed columns are not even read.
    listed = inbox_cases(actor=actor, filters=filters).defer(*_NOT_LISTED)
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    now = clock.now()
    rows = [InboxRow(case, working_days_left(case, now)) for case in page]  # as the reporter reads it
    counted = (
        inbox_cases(actor=actor, filters=dataclasses.replace(filters, status="", open_only=False))
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
    )
    counts = {row["status"]: row["n"] for row in counted}
    chips = [
        {
            "status": status,
            "label": label,
            "count": counts[status],
            "query": _query(params, status=status),
            "current": filters.status == status,
        }
        for status, label in workflow.Status.choices
        if counts.get(status)
    ]
    return render(
        request,
        "workspace/inbox.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "chips": chips,
            "all_query": _query(params, status=""),
            "page_query": _query(params),
        },
    )


# The case page ------------------------------------------------------------------------


def _action_form(action: str, case: Case, data: Any = None) -> forms.Form:
    if action == "assign":
        return AssignForm.for_case(case, data)
    return ACTION_FORMS[action](data, auto_id=f"{action}_%s")


def _case_page(
    request: HttpRequest,
    case: Case,
    *,
    bound: forms.Form | None = None,
    bound_action: str = "",
    note_form: NoteForm | None = None,
    identity: dict[str, str] | None = None,
    break_glass: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    actor = access.staff_actor(request)
    units = {u.pk: u for u in Unit.objects.all()}
    categories = {c.pk: c for c in Category.objects.all()}
    actions = []
    for step in workflow.allowed_from(case.status):
        if step.action in ACTION_FORMS and policy.can(actor, f"case.{step.action}", case):
            form = (
                bound
                if step.action == bound_action and bound is not None
                else _action_form(step.action, case)
            )
            actions.append({"action": step.action, "label": step.label, "form": form})
    may_note = policy.can(actor, "case.note", case)
    may_reply = policy.can(actor, "case.reply", case)
    if note_form is None and may_note:
        note_form = NoteForm(auto_id="note_%s", may_reply=may_reply)
    key = sealing.case_key(case)
    context = {
        "case": case,
        "content": sealing.reveal_content(actor=actor, case=case),
        "may_view_identity": policy.can(actor, "case.view_identity", case),
        "identity_break_glass": breakglass.needs_break_glass(case),
        "identity": identity,
        # A refused break-glass form ({"target", "reason", "error"}), shown again with its message.
        "break_glass": break_glass or {},
        "province": regions.province_name(case.province_code),
        "regency": regions.regency_name(case.regency_code),
        "attachments": [(a, attachment_name(case, a, key)) for a in case.attachments.all()],
        "triage": case_display.triage_summary(case, units, categories),
        "timeline": case_display.timeline_rows(case, units, categories),
        "actions": actions,
        "note_form": note_form,
        "may_reply": may_reply,
    }
    context.update(views_forwarding.case_context(actor, case))
    context.update(views_itjen.case_context(actor, case, context["timeline"]))  # type: ignore[arg-type]
    return render(request, "workspace/case.html", context, status=status)


@staff_required
@require_GET
def case_detail(request: HttpRequest, tracking_id: str) -> HttpResponse:
    return _case_page(request, access.case_or_404(request, tracking_id))


@staff_required
@require_POST
def case_identity(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """Reveal the reporter's identity after an explicit click (biasa) or with a written reason (break-glass).

    The identity is in this one response only (never cached, nothing kept in the session). Someone the
    policy does not let open it gets the 404 of a missing case.
    """
    case = access.case_or_404(request, tracking_id)
    reason = request.POST.get("reason", "")
    try:
        identity = breakglass.identity_open(actor=access.staff_actor(request), case=case, reason=reason)
    except NotFound:
        raise Http404 from None
    except InvalidInput as exc:
        refused = {"target": "identity", "reason": reason, "error": str(exc.message)}
        return _case_page(request, case, break_glass=refused, status=422)
    if request.headers.get("HX-Request") == "true":
        return render(
            request,
            "workspace/_identity.html",
            {
                "case": case,
                "identity": identity,
                "may_view_identity": True,
                "identity_break_glass": breakglass.needs_break_glass(case),
            },
        )
    return _case_page(request, case, identity=identity)


def _run_action(action: str, case: Case, actor: User, data: dict[str, Any]) -> None:
    """Call the one service of `action` with the cleaned form data."""
    if action == "verify":
        services.case_verify(case=case, actor=actor)
    elif action == "request_info":
        services.case_request_info(case=case, actor=actor, question=data["question"])
    elif action == "assign":
        services.case_assign(
            case=case,
            actor=actor,
            unit=data["unit"],
            category=data["category"],
            report_type=data["report_type"],
            note=data["note"],
        )
    elif action == "start":
        services.case_start(case=case, actor=actor)
    elif action == "respond":
        services.case_respond(case=case, actor=actor, text=data["text"])
    elif action == "close":
        services.case_close(case=case, actor=actor, note=data["note"])
    elif action == "forward":
        forwarding.case_forward(
            case=case,
            actor=actor,
            agency=data["agency"],
            channel=data["channel"],
            reason=data["reason"],
            reference=data["reference"],
        )
    elif action == "archive":
        services.case_archive(case=case, actor=actor, reason_code=data["reason_code"], note=data["note"])
    else:  # pragma: no cover - ACTION_FORMS and this list are kept equal
        raise Http404


@staff_required
@require_POST
def case_action(request: HttpRequest, tracking_id: str, action: str) -> HttpResponse:
    if action not in ACTION_FORMS:
        raise Http404
    case = access.case_or_404(request, tracking_id)
    actor = access.staff_actor(request)
    if not policy.can(actor, f"case.{action}", case):
        return access.forbidden(request)
    form = _action_form(action, case, request.POST)
    if not form.is_valid():
        messages.error(request, _("Periksa kembali isian yang ditandai."))
        return _case_page(request, case, bound=form, bound_action=action, status=422)
    try:
        _run_action(action, case, actor, form.cleaned_data)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Berhasil: %(action)s.") % {"action": workflow.transition(action).label})
    return redirect("workspace:case", tracking_id=case.tracking_id)


@staff_required
@require_POST
def case_note(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """The composer: "Pratinjau" re-renders with the reporter's preview; otherwise the note or reply is saved."""
    case = access.case_or_404(request, tracking_id)
    actor = access.staff_actor(request)
    if not policy.can(actor, "case.note", case):
        return access.forbidden(request)
    form = NoteForm(request.POST, auto_id="note_%s", may_reply=policy.can(actor, "case.reply", case))
    if "preview" in request.POST or not form.is_valid():
        return _case_page(request, case, note_form=form, status=200 if form.is_valid() else 422)
    try:
        services.case_add_note(case=case, actor=actor, text=form.cleaned_data["text"], public=form.public)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(
            request, _("Balasan terkirim ke pelapor.") if form.public else _("Catatan internal disimpan.")
        )
    return redirect(reverse("workspace:case", kwargs={"tracking_id": case.tracking_id}) + "#riwayat")


@staff_required
@require_POST
def case_note_preview(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """htmx: the live preview box of the composer."""
    case = access.case_or_404(request, tracking_id)
    actor = access.staff_actor(request)
    if not policy.can(actor, "case.note", case):
        return access.forbidden(request)
    form = NoteForm(request.POST, auto_id="note_%s", may_reply=policy.can(actor, "case.reply", case))
    return render(request, "workspace/_preview.html", {"note_form": form})


def _file_response(name: str, content_type: str, data: bytes) -> HttpResponse:
    """Always a download, never shown inline: evidence from outside is never rendered by the browser."""
    response = HttpResponse(data, content_type=content_type or "application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required
@require_GET
def attachment_download(request: HttpRequest, tracking_id: str, pk: int) -> HttpResponse:
    """The sanitised copy (metadata stripped), for whoever may see the case."""
    case = access.case_or_404(request, tracking_id)
    attachment = Attachment.objects.filter(case=case, pk=pk).first()
    if attachment is None:
        raise Http404
    try:
        name, content_type, data = attachment_read(
            actor=access.staff_actor(request), case=case, attachment=attachment
        )
    except PermissionDenied:
        raise Http404 from None
    return _file_response(name, content_type, data)


@staff_required
@require_POST
def attachment_original(request: HttpRequest, tracking_id: str, pk: int) -> HttpResponse:
    """The untouched original of an evidence file: break-glass, with a written reason, POST only."""
    case = access.case_or_404(request, tracking_id)
    attachment = Attachment.objects.filter(case=case, pk=pk).first()
    if attachment is None:
        raise Http404
    reason = request.POST.get("reason", "")
    try:
        original = breakglass.original_open(
            actor=access.staff_actor(request), case=case, attachment=attachment, reason=reason
        )
    except NotFound:
        raise Http404 from None
    except InvalidInput as exc:
        refused = {"target": attachment.pk, "reason": reason, "error": str(exc.message)}
        return _case_page(request, case, break_glass=refused, status=422)
    return _file_response(original.name, original.content_type, original.data)
