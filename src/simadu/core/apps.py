from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "simadu.core"
    label = "core"
    verbose_name = "SIMADU core"

    def ready(self) -> None:
        from simadu.core import checks  # noqa: F401  (registers system checks)
