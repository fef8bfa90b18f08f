"""The deadlines of a case on its page: each clock, a request for more time, and leadership's decision. Thin.

The panel (`workspace/_deadlines.html`, one include on the case page) is built by
`deadlines_panel`; the two POST views call the services of `deadlines.clocks` and come back
to the case page with the outcome as a message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from simadu.accounts.models import User
from simadu.cases.models import Case
from simadu.confidentiality import policy
from simadu.core import clock as wallclock
from simadu.core.errors import DomainError
from simadu.deadlines import calendar, clocks
from simadu.deadlines.models import CaseClock, ClockExtension
from simadu.workspace import access
from simadu.workspace.forms import WorkspaceForm
from simadu.workspace.signin import staff_required


class ExtensionRequestForm(WorkspaceForm):
    clock = forms.IntegerField(widget=forms.HiddenInput)
    days = forms.IntegerField(label=gettext_lazy("Tambahan hari"), min_value=1, max_value=365)
    reason = forms.CharField(
        label=gettext_lazy("Alasan"),
        help_text=gettext_lazy(
            "Paling sedikit 20 huruf. Hanya petugas yang membaca alasan ini; pelapor hanya diberi tahu tanggal "
            "barunya."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class ExtensionDecisionForm(WorkspaceForm):
    extension = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=[("approve", "approve"), ("refuse", "refuse")])  # the button pressed
    note = forms.CharField(
        label=gettext_lazy("Catatan keputusan (tidak wajib)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


@dataclass
class ClockRow:
    clock: CaseClock
    stage: str
    due: dt.datetime
    due_text: str
    days_left: int | None  # running clocks only; calendar days for a calendar-day clock
    running: bool
    paused: bool
    outcome: str
    pending: list[dict[str, Any]] = field(default_factory=list)
    request_form: ExtensionRequestForm | None = None
    available_days: int = 0

    @property
    def late(self) -> int:
        """Days past the due date (0 when not late), for the plain "terlambat N hari"."""
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0


def deadlines_panel(actor: Any, case: Case, now: dt.datetime | None = None) -> dict[str, Any]:
    """What the deadlines partial shows this staff member about `case`."""
    if actor is None or not policy.can(actor, "case.view", case):
        return {"clocks": []}
    now = now or wallclock.now()
    may_decide = policy.can(actor, "case.approve_extension", case)
    zone = calendar.zone_name(calendar.zone_of(case))
    due = clocks.expected_response_by(case)
    rows = []
    for c in (
        CaseClock.objects.filter(case=case)
        .prefetch_related("extensions__requested_by")
        .order_by("-stopped_at", "started_at", "pk")
    ):
        pending = [
            {
                "extension": e,
                "form": ExtensionDecisionForm(initial={"extension": e.pk}, auto_id=f"putusan_{e.pk}_%s"),
            }
            for e in c.extensions.all()
            if e.state == ClockExtension.State.PENDING
        ]
        row = ClockRow(
            clock=c,
            stage=c.get_stage_display(),
            due=c.due_at,
            due_text=clocks.format_due(c.due_at, c.zone),
            days_left=clocks.clock_days_left(c, now) if c.running else None,
            running=c.running,
            paused=c.paused_at is not None and c.running,
            outcome=c.get_outcome_display() if not c.running else "",
            pending=pending,
        )
        if c.running and not pending and clocks.may_request_extension(actor, c):
            row.available_days = clocks.extension_days_available(c)
            row.request_form = ExtensionRequestForm(
                initial={"clock": c.pk, "days": min(row.available_days, 5)}, auto_id=f"perpanjangan_{c.pk}_%s"
            )
        rows.append(row)
    rows.sort(key=lambda r: (not r.running, r.clock.started_at))
    return {
        "due": due,
        "due_text": clocks.format_due(due, zone) if due else "",
        "days_left": clocks.working_days_left(case, now),
        "zone": zone,
        "clocks": rows,
        "may_decide": may_decide,
    }


def _case_for(request: HttpRequest, tracking_id: str) -> tuple[User, Case]:
    return access.staff_actor(request), access.case_or_404(request, tracking_id)


def _back(case: Case) -> HttpResponse:
    return redirect(reverse("workspace:case", kwargs={"tracking_id": case.tracking_id}) + "#tenggat")


def _first_error(form: forms.Form) -> str:
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        return f"{label}: {errors[0]}" if label else str(errors[0])
    return _("Isian tidak lengkap.")


@staff_required
@require_POST
def extension_request(request: HttpRequest, tracking_id: str) -> HttpResponse:
    actor, case = _case_for(request, tracking_id)
    if not policy.can(actor, "case.note", case):
        return access.forbidden(request)
    form = ExtensionRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _first_error(form))
        return _back(case)
    target = CaseClock.objects.filter(case=case, pk=form.cleaned_data["clock"]).first()
    if target is None:
        messages.error(request, _("Tenggat ini tidak ditemukan pada laporan ini."))
        return _back(case)
    try:
        clocks.clock_extension_request(
            clock=target, actor=actor, days=form.cleaned_data["days"], reason=form.cleaned_data["reason"]
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Permintaan perpanjangan dikirim ke pimpinan untuk disetujui."))
    return _back(case)


@staff_required
@require_POST
def extension_decide(request: HttpRequest, tracking_id: str) -> HttpResponse:
    actor, case = _case_for(request, tracking_id)
    if not policy.can(actor, "case.approve_extension", case):
        return access.forbidden(request)
    form = ExtensionDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _first_error(form))
        return _back(case)
    extension = ClockExtension.objects.filter(clock__case=case, pk=form.cleaned_data["extension"]).first()
    if extension is None:
        messages.error(request, _("Permintaan perpanjangan ini tidak ditemukan pada laporan ini."))
        return _back(case)
    approve = form.cleaned_data["decision"] == "approve"
    try:
        clocks.clock_extension_decide(
            extension=extension, actor=actor, approve=approve, note=form.cleaned_data["note"]
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(
            request,
            _("Perpanjangan disetujui. Pelapor diberi tahu tanggal barunya.")
            if approve
            else _("Perpanjangan ditolak."),
        )
    return _back(case)
