"""Data: the default units and categories of triage-taxonomy.md (never overwrites edits)."""

from django.db import migrations

from simadu.triage import taxonomy


def load(apps, schema_editor):  # type: ignore[no-untyped-def]
    Unit = apps.get_model("triage", "Unit")
    Category = apps.get_model("triage", "Category")
    for slug, (internal, name) in taxonomy.UNITS.items():
        Unit.objects.get_or_create(slug=slug, defaults={"name": name, "internal": internal})
    for slug, (supervisory, unit, name, name_en) in taxonomy.CATEGORIES.items():
        Category.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "supervisory": supervisory, "default_unit_id": unit},
        )


def unload(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("triage", "Category").objects.filter(slug__in=list(taxonomy.CATEGORIES)).delete()
    apps.get_model("triage", "Unit").objects.filter(slug__in=list(taxonomy.UNITS)).delete()


class Migration(migrations.Migration):
    dependencies = [("triage", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
