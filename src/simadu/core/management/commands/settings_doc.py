"""`simadu settings_doc`: regenerate .env.example and docs/settings.md from the settings registry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from simadu.core.settings_registry import render_env_example, render_settings_doc


class Command(BaseCommand):
    help = "Write .env.example and docs/settings.md from simadu.core.settings_registry."

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(settings.BASE_DIR)
        (root / ".env.example").write_text(render_env_example() + "\n", encoding="utf-8")
        (root / "docs" / "settings.md").write_text(render_settings_doc(), encoding="utf-8")
        self.stdout.write("wrote .env.example and docs/settings.md")
