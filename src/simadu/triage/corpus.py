"""Labelled reports: the shipped training corpus and files shaped like shared/data/*.jsonl.

One JSON object a line: {"id", "title", "text", "reporter_type", "anonymous",
"expected": {"channel", "report_type", "category", "supervisory", "unit"}}.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simadu.triage import taxonomy

CORPUS_DIR = Path(__file__).with_name("corpus")
FIELDS = ("channel", "report_type", "category", "supervisory", "unit")


@dataclass(frozen=True)
class Example:
    text: str
    title: str = ""
    reporter_type: str = "public"
    anonymous: bool = False
    labels: dict[str, Any] = field(default_factory=dict)
    id: str = ""


class CorpusError(ValueError):
    """A line of a labelled file cannot be used; the message names the file and line."""


def _check(labels: dict[str, Any], where: str) -> None:
    checks = {
        "channel": taxonomy.CHANNELS,
        "report_type": taxonomy.REPORT_TYPES,
        "category": tuple(taxonomy.CATEGORIES),
        "unit": tuple(taxonomy.UNITS),
    }
    for name, allowed in checks.items():
        if labels.get(name) not in allowed:
            raise CorpusError(f"{where}: {name}={labels.get(name)!r} is not a label of the taxonomy")


def read_jsonl(path: Path) -> Iterator[Example]:
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise CorpusError(f"{where}: not JSON ({exc})") from None
            labels = row.get("expected") or {}
            _check(labels, where)
            yield Example(
                text=str(row.get("text") or ""),
                title=str(row.get("title") or ""),
                reporter_type=str(row.get("reporter_type") or "public"),
                anonymous=bool(row.get("anonymous")),
                labels=labels,
                id=str(row.get("id") or where),
            )


def shipped_corpus() -> list[Example]:
    """Every labelled report shipped with SIMADU (triage/corpus/*.jsonl), in a stable order."""
    return [e for path in sorted(CORPUS_DIR.glob("*.jsonl")) for e in read_jsonl(path)]


def texts(examples: Iterable[Example]) -> list[str]:
    return [f"{e.title} . {e.text}" for e in examples]
