"""`simadu triage`: JSON lines in, one triage decision per line out, in order (contracts.md)."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from simadu.triage.engine import TriageInput, suggest


class Command(BaseCommand):
    help = (
        'Read JSON lines on stdin ({"text", "title", "reporter_type", "anonymous"}; only text required) and write one '
        'JSON line per input: {"channel", "report_type", "category", "supervisory", "unit", "confidence", '
        '"explanation"}. Needs no database; works offline.'
    )

    def handle(self, *args: Any, **options: Any) -> None:
        bad = 0
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise ValueError("needs an object with a text string")
                decision = suggest(
                    TriageInput(
                        text=item["text"],
                        title=str(item.get("title") or ""),
                        reporter_type=str(item.get("reporter_type") or "public"),
                        anonymous=bool(item.get("anonymous")),
                    )
                )
                out: dict[str, Any] = decision.as_dict()
                out.pop("version", None)
            except ValueError as exc:
                bad += 1
                out = {"error": f"line {number}: {exc}"}
            self.stdout.write(json.dumps(out, ensure_ascii=False))
        if bad:
            raise CommandError(f"{bad} input line(s) were not valid triage requests", returncode=1)
