from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "simadu.audit"
    label = "audit"
    verbose_name = "Log audit"

    def ready(self) -> None:
        from django.contrib import admin
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save

        from simadu.audit.admin_changes import delete_selected, log_entry_saved

        post_save.connect(log_entry_saved, sender=LogEntry, dispatch_uid="simadu.audit.admin_log_entry")
        admin.site.add_action(delete_selected, "delete_selected")
