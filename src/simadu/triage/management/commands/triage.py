"""`simadu triage`: sort reports by ranah and kewenangan (contracts.md), and measure the engine.

simadu triage                 JSON lines on stdin → one decision per line on stdout
simadu triage eval FILE       accuracy and macro-F1 per field, and the unit confusion table
simadu triage train [--force] a new model version from the shipped corpus and the verifiers' corrections,
                              active only if no worse on the evaluation set (learning.py)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, IntegrityError

from simadu.triage.corpus import CorpusError, read_jsonl
from simadu.triage.engine import TriageInput, active_model, suggest_many
from simadu.triage.evaluation import evaluate, render
from simadu.triage.learning import GATE_FIELDS, LearningError, train_version
from simadu.triage.model import text_hash

BATCH = 500


class Command(BaseCommand):
    help = (
        'Without an action: read JSON lines on stdin ({"text", "title", "reporter_type", "anonymous"}; only text '
        'required) and write one JSON line per input: {"channel", "report_type", "category", "supervisory", "unit", '
        '"confidence", "explanation"}. Needs no database; works offline. '
        "`eval FILE`: score the engine on a labelled JSON-lines file shaped like shared/data/*.jsonl. "
        "`train`: build a new model version from the shipped corpus and the verifiers' corrections; it becomes "
        "active only if it is no worse on the evaluation set (`--force` activates it regardless)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "action",
            nargs="?",
            choices=["eval", "train"],
            help="eval: measure on a labelled file; train: a new model version",
        )
        parser.add_argument("file", nargs="?", help="the labelled JSON-lines file (for eval)")
        parser.add_argument(
            "--force", action="store_true", help="train: activate the new version even if it scores worse"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "eval":
            self._eval(options["file"])
        elif options["action"] == "train":
            self._train(force=options["force"])
        else:
            self._classify()

    def _classify(self) -> None:
        bad = 0
        pending: list[tuple[int, TriageInput | str]] = []

        def flush() -> None:
            items = [p for _, p in pending if isinstance(p, TriageInput)]
            decisions = iter(suggest_many(items)) if items else iter(())
            for _, p in pending:
                if isinstance(p, str):
                    self.stdout.write(json.dumps({"error": p}, ensure_ascii=False))
                else:
                    out = next(decisions).as_dict()
                    out.pop("version", None)
                    self.stdout.write(json.dumps(out, ensure_ascii=False))
            pending.clear()

        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise ValueError("needs an object with a text string")
                pending.append(
                    (
                        number,
                        TriageInput(
                            text=item["text"],
                            title=str(item.get("title") or ""),
                            reporter_type=str(item.get("reporter_type") or "public"),
                            anonymous=bool(item.get("anonymous")),
                        ),
                    )
                )
            except ValueError as exc:
                bad += 1
                pending.append((number, f"line {number}: {exc}"))
            if len(pending) >= BATCH:
                flush()
        flush()
        if bad:
            raise CommandError(f"{bad} input line(s) were not valid triage requests", returncode=1)

    def _eval(self, file: str | None) -> None:
        if not file:
            raise CommandError("eval needs a labelled file: simadu triage eval FILE.jsonl")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"no such file: {file}")
        try:
            examples = list(read_jsonl(path))
        except CorpusError as exc:
            raise CommandError(str(exc)) from None
        if not examples:
            raise CommandError(f"{file} holds no labelled reports")
        model = active_model()
        seen = [e for e in examples if text_hash(e) in model.text_hashes]
        unseen = [e for e in examples if text_hash(e) not in model.text_hashes]
        self.stderr.write(f"model {model.version}, trained on {model.trained_on} reports")
        for label, subset in (
            ("reports the model never saw", unseen),
            ("reports the model trained on", seen),
        ):
            if not subset:
                continue
            decisions = suggest_many(
                [
                    TriageInput(
                        text=e.text, title=e.title, reporter_type=e.reporter_type, anonymous=e.anonymous
                    )
                    for e in subset
                ]
            )
            self.stdout.write(f"\n== {label} ==")
            self.stdout.write(render(evaluate(subset, decisions)))
        if seen:
            self.stderr.write(
                f"note: {len(seen)} of {len(examples)} reports are in the training data; only the first table "
                "measures what the engine does on new reports"
            )

    def _train(self, *, force: bool) -> None:
        try:
            outcome = train_version(force=force, progress=self.stderr.write)
        except LearningError as exc:
            raise CommandError(str(exc)) from None
        except (CorpusError, OSError) as exc:
            raise CommandError(f"cannot train: {exc}") from None
        except IntegrityError:
            raise CommandError(
                "another `simadu triage train` recorded a version meanwhile; run it again"
            ) from None
        except DatabaseError as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise CommandError(f"database not ready (run `simadu migrate`?): {first}") from None
        record, evaluation = outcome.record, outcome.evaluation
        figures = " ".join(f"{name} {evaluation.score(name).accuracy:.3f}" for name in GATE_FIELDS)
        self.stdout.write(
            f"{record.version}: trained on {record.trained_on} reports "
            f"({record.corrections} correction{'' if record.corrections == 1 else 's'}); "
            f"E {evaluation.examples} reports: {figures}; "
            f"{'active: yes' if record.active else 'active: no'} ({record.note})"
        )
