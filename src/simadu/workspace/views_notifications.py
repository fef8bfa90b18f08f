"""The messages about a case on its page, and "Kirim ulang sekarang" for one that is stuck. Thin."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from simadu.cases import notifications
from simadu.confidentiality import policy
from simadu.core.errors import DomainError
from simadu.workspace import access
from simadu.workspace.signin import staff_required


@staff_required
@require_POST
def notification_resend(request: HttpRequest, tracking_id: str, pk: int) -> HttpResponse:
    actor, case = access.staff_actor(request), access.case_or_404(request, tracking_id)
    if not policy.can(actor, "case.notification_resend", case):
        return access.forbidden(request)
    try:
        message = notifications.notification_resend(case=case, message_id=pk, actor=actor)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        tried = message.attempts
        message.refresh_from_db()  # delivered after the commit: in-process right away, or by a worker
        if message.state == "sent":
            messages.success(request, _("Pesan sudah terkirim."))
        elif message.attempts > tried:
            messages.warning(request, _("Pesan belum terkirim. Alasannya tercantum di daftar pemberitahuan."))
        else:
            messages.info(request, _("Pesan masuk antrean untuk dikirim ulang."))
    return redirect(reverse("workspace:case", kwargs={"tracking_id": case.tracking_id}) + "#pemberitahuan")
