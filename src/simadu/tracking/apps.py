from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "simadu.tracking"
    label = "tracking"
    verbose_name = "Lacak laporan"
