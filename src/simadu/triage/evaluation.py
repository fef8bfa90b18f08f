"""Measuring triage: accuracy and macro-F1 per field, and the unit confusion table."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sklearn.metrics import f1_score

from simadu.triage.corpus import FIELDS, Example
from simadu.triage.engine import TriageDecision


@dataclass(frozen=True)
class FieldScore:
    field: str
    accuracy: float
    macro_f1: float


@dataclass(frozen=True)
class Evaluation:
    examples: int
    scores: list[FieldScore]
    unit_confusion: dict[tuple[str, str], int]  # (expected, predicted) → count

    def score(self, field: str) -> FieldScore:
        return next(s for s in self.scores if s.field == field)


def evaluate(examples: list[Example], decisions: list[TriageDecision]) -> Evaluation:
    scores = []
    for name in FIELDS:
        expected = [str(e.labels[name]) for e in examples]
        got = [str(getattr(d, name)) for d in decisions]
        accuracy = sum(a == b for a, b in zip(expected, got, strict=True)) / max(len(examples), 1)
        macro = float(f1_score(expected, got, average="macro", zero_division=0)) if examples else 0.0
        scores.append(FieldScore(name, accuracy, macro))
    confusion = Counter((str(e.labels["unit"]), d.unit) for e, d in zip(examples, decisions, strict=True))
    return Evaluation(len(examples), scores, dict(confusion))


def render(evaluation: Evaluation) -> str:
    lines = [f"{evaluation.examples} reports", "", f"{'field':<12} {'accuracy':>9} {'macro-F1':>9}"]
    lines += [f"{s.field:<12} {s.accuracy:>9.3f} {s.macro_f1:>9.3f}" for s in evaluation.scores]
    units = sorted({u for pair in evaluation.unit_confusion for u in pair})
    short = {u: u.replace("ditjen_", "dj_")[:11] for u in units}
    lines += [
        "",
        "unit confusion (rows: expected, columns: predicted)",
        " " * 22 + " ".join(f"{short[u]:>11}" for u in units),
    ]
    for row in units:
        cells = " ".join(f"{evaluation.unit_confusion.get((row, col), 0) or '.':>11}" for col in units)
        lines.append(f"{row:<22}{cells}")
    return "\n".join(lines)
