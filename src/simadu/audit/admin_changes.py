"""Every change made through the Django admin lands on the audit chain, whichever ModelAdmin made it.

Two hooks, so that no admin class has to remember anything: the admin's own `LogEntry` (written
for each add, change and single delete) is copied onto the chain as it is saved, and the
site-wide "delete selected" action, whose log entries Django writes in bulk (no save signal),
records its deletions itself. Custom admin actions change data only through services, which
write their own audit entries (e.g. `api_token_revoke`).
"""

from __future__ import annotations

import contextvars
from typing import Any

from django.contrib import admin
from django.contrib.admin import actions
from django.contrib.admin.models import DELETION, LogEntry
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse

from simadu.audit.services import audit_admin_change

# Set while the audited bulk delete runs: it records those deletions itself.
_bulk_delete = contextvars.ContextVar("simadu_admin_bulk_delete", default=False)


def log_entry_saved(sender: Any, instance: LogEntry, created: bool, raw: bool = False, **kwargs: Any) -> None:
    """post_save of LogEntry: put the admin's record of a change on the audit chain."""
    if not created or raw or _bulk_delete.get():
        return
    ct = instance.content_type
    audit_admin_change(
        actor=f"user:{instance.user_id}",
        action_flag=instance.action_flag,
        model=f"{ct.app_label}.{ct.model}" if ct else "unknown",
        object_id=instance.object_id or "",
        object_repr=instance.object_repr,
        change_message=instance.change_message,
    )


@admin.action(permissions=["delete"], description=actions.delete_selected.short_description)  # type: ignore[attr-defined]
def delete_selected(
    modeladmin: admin.ModelAdmin[Any], request: HttpRequest, queryset: QuerySet[Model]
) -> HttpResponse | None:
    """Django's "delete selected", with one audit entry per deleted object in the same transaction."""
    opts = modeladmin.model._meta
    with transaction.atomic():
        doomed = [(str(obj.pk), str(obj)) for obj in queryset] if request.POST.get("post") else []
        token = _bulk_delete.set(True)
        try:
            response: HttpResponse | None = actions.delete_selected(modeladmin, request, queryset)
        finally:
            _bulk_delete.reset(token)
        if response is None:  # confirmed and done; otherwise the confirmation or refusal page
            for pk, text in doomed:
                audit_admin_change(
                    actor=request.user,
                    action_flag=DELETION,
                    model=f"{opts.app_label}.{opts.model_name}",
                    object_id=pk,
                    object_repr=text,
                )
    return response
