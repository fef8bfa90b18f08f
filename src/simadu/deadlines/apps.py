from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "simadu.deadlines"
    label = "deadlines"
    verbose_name = _("Tenggat dan kalender kerja")

    def ready(self) -> None:
        from simadu.deadlines import checks, signals  # noqa: F401 - registers the receivers and the check
