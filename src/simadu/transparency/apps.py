from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "simadu.transparency"
    label = "transparency"
    verbose_name = "Transparansi"
