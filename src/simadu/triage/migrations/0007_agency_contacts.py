"""Data: outside agencies' contact and usual forwarding channel, only where an administrator left them blank."""

from django.db import migrations

from simadu.triage import taxonomy


def load(apps, schema_editor):  # type: ignore[no-untyped-def]
    Unit = apps.get_model("triage", "Unit")
    for slug, (contact, channel) in taxonomy.AGENCY_DEFAULTS.items():
        if contact:
            Unit.objects.filter(pk=slug, contact="").update(contact=contact)
        Unit.objects.filter(pk=slug, forward_channel="").update(forward_channel=channel)


class Migration(migrations.Migration):
    dependencies = [("triage", "0006_unit_contact_for_forwarding")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
