"""Data: the Indonesian message templates, so administrators can edit them (only adds missing keys)."""

from django.db import migrations

from simadu.outbox.templates import templates_ensure_defaults


def load(apps, schema_editor):  # type: ignore[no-untyped-def]
    templates_ensure_defaults(apps.get_model("outbox", "MessageTemplate"))


class Migration(migrations.Migration):
    dependencies = [("outbox", "0002_templates_threading_inbound")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
