"""Data: the 2025 and 2026 holiday calendars and the default SLA policy (only adds what is missing)."""

from django.db import migrations

from simadu.deadlines import defaults


def load(apps, schema_editor):  # type: ignore[no-untyped-def]
    defaults.load(apps.get_model("deadlines", "DayOff"), apps.get_model("deadlines", "SlaPolicy"))


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
