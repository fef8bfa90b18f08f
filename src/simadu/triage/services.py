"""Writes of the triage app: the reference data of the taxonomy."""

from __future__ import annotations

from django.db import transaction

from simadu.triage import taxonomy
from simadu.triage.models import Category, Unit


@transaction.atomic
def taxonomy_ensure_defaults() -> int:
    """Create the taxonomy's units and categories where missing; never overwrite an administrator's edits."""
    created = 0
    for slug, (internal, name) in taxonomy.UNITS.items():
        created += Unit.objects.get_or_create(slug=slug, defaults={"name": name, "internal": internal})[1]
    for slug, (supervisory, unit, name, name_en) in taxonomy.CATEGORIES.items():
        created += Category.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "supervisory": supervisory, "default_unit_id": unit},
        )[1]
    return created
