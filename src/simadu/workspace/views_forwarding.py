"""The forwarding record on the staff case page, and recording what the outside agency did. Thin."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simadu.accounts.models import User
from simadu.cases import forwarding
from simadu.cases.models import Case, Forwarding
from simadu.cases.workflow import Status
from simadu.confidentiality import policy
from simadu.core import clock
from simadu.core.errors import DomainError
from simadu.workspace import access
from simadu.workspace.forms_itjen import ForwardOutcomeForm
from simadu.workspace.signin import staff_required


def case_context(actor: User, case: Case) -> dict[str, Any]:
    """What `workspace/_forwarding.html` shows: the record, whether its follow-up is due, the outcome form."""
    if case.status != Status.FORWARDED:
        return {"forwarding": None}
    record = Forwarding.objects.select_related("agency", "forwarded_by").filter(case=case).first()
    if record is None:  # forwarded before forwarding had its own record
        return {"forwarding": None}
    return {
        "forwarding": record,
        "forwarding_overdue": record.followed_up_at is None and record.follow_up_due_at < clock.now(),
        "outcome_form": ForwardOutcomeForm(auto_id="outcome_%s")
        if policy.can(actor, "case.forward_outcome", case)
        else None,
    }


@staff_required
@require_POST
def forward_outcome(request: HttpRequest, tracking_id: str) -> HttpResponse:
    actor, case = access.staff_actor(request), access.case_or_404(request, tracking_id)
    if not policy.can(actor, "case.forward_outcome", case):
        return access.forbidden(request)
    form = ForwardOutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tulis apa yang sudah dilakukan instansi tujuan."))
    else:
        try:
            forwarding.forwarding_record_outcome(
                case=case,
                actor=actor,
                outcome=form.cleaned_data["outcome"],
                tell_reporter=form.cleaned_data["tell_reporter"],
            )
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Tindak lanjut instansi tujuan dicatat."))
    return redirect("workspace:case", tracking_id=case.tracking_id)
