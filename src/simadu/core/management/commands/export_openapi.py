"""`simadu export_openapi`: print the OpenAPI document of /api/v1/ (the snapshot in docs/openapi.json)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand


def render_openapi() -> str:
    """The document as checked in: sorted keys, two-space indent, one trailing newline."""
    from config.api import api

    schema = api.get_openapi_schema()
    return json.dumps(schema, sort_keys=True, indent=2, ensure_ascii=False, default=str) + "\n"


class Command(BaseCommand):
    help = "Print the OpenAPI document of the API (make openapi writes it to docs/openapi.json)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(render_openapi(), ending="")
