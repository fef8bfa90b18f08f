from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "simadu.intake"
    label = "intake"
    verbose_name = "Penerimaan laporan"
