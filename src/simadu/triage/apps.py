from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "simadu.triage"
    label = "triage"
    verbose_name = "Triage (ranah dan kewenangan)"
