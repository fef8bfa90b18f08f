from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "simadu.outbox"
    label = "outbox"
    verbose_name = "Kotak keluar"
