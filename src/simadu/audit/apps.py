from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "simadu.audit"
    label = "audit"
    verbose_name = "Log audit"
