from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "simadu.core"
    label = "core"
    verbose_name = "SIMADU core"

    def ready(self) -> None:
        # Registers the system checks, and the listener that rebuilds the keyring when tests change its settings.
        from simadu.core import checks, crypto  # noqa: F401
