from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "simadu.cases"
    label = "cases"
    verbose_name = "Kasus pengaduan"
