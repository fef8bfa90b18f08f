"""Merging a case with its duplicate from the case page (the panel is workspace/_duplicates.html). Thin: the
rules are `cases.merge.case_merge`'s, the candidates `cases.duplicates.likely_duplicates`'."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simadu.cases.merge import case_merge
from simadu.confidentiality import policy
from simadu.core import ids
from simadu.core.errors import DomainError, NotFound
from simadu.workspace import access
from simadu.workspace.forms_duplicates import KEEP_THIS, MergeForm
from simadu.workspace.signin import staff_required


@staff_required
@require_POST
def case_merge_view(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """Merge this case and another: `keep` says which one stays handled; the other follows it."""
    actor, case = access.staff_actor(request), access.case_or_404(request, tracking_id)
    if not policy.can(actor, "case.archive", case):
        return access.forbidden(request)
    back = reverse("workspace:case", kwargs={"tracking_id": case.tracking_id})
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isi nomor laporan lain dan pilih laporan yang tetap ditangani."))
        return redirect(back + "#duplikat")
    other_id = ids.canonical_tracking_id(form.cleaned_data["other"]) or ""
    try:
        other = policy.access_case(actor, other_id)
    except NotFound:
        messages.error(request, _("Laporan %(id)s tidak ditemukan.") % {"id": form.cleaned_data["other"]})
        return redirect(back + "#duplikat")
    merged, kept = (other, case) if form.cleaned_data["keep"] == KEEP_THIS else (case, other)
    try:
        merged = case_merge(case=merged, into=kept, actor=actor, note=form.cleaned_data["note"])
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect(back + "#duplikat")
    root = merged.merged_into
    messages.success(
        request,
        _("Laporan %(merged)s digabung ke %(kept)s. Pelapornya diberi tahu dan mengikuti laporan itu.")
        % {"merged": merged.tracking_id, "kept": root.tracking_id if root else kept.tracking_id},
    )
    return redirect("workspace:case", tracking_id=root.tracking_id if root else kept.tracking_id)
