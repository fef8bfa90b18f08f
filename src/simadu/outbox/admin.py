from django.contrib import admin

from simadu.outbox.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin[OutboxMessage]):
    list_display = ("pk", "kind", "topic", "state", "attempts", "created_at", "sent_at", "last_error")
    list_filter = ("kind", "state", "topic")
    exclude = ("data_key", "payload")

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
