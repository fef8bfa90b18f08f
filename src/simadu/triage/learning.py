"""The learning loop: the shipped corpus plus verifiers' corrections make a new model version,
which serves only if it is no worse than the one serving now (`simadu triage train`).

The evaluation set E is a fixed one-in-five of (shipped corpus + corrections), chosen by a
stable hash of the normalised text, so the same report always falls on the same side and a
correction never leaks from training into E. Each version keeps a *gate model*, trained
without E, beside the model it serves (trained on everything): E can only judge a model
that never saw it. See docs/decisions/0006-triage-activation-gate.md.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simadu.core import clock
from simadu.triage import corpus, taxonomy
from simadu.triage.corpus import FIELDS, Example
from simadu.triage.engine import (
    TriageInput,
    corpus_fingerprint,
    decide_with,
    load_model,
    model_dir,
    store_model,
)
from simadu.triage.evaluation import Evaluation, evaluate
from simadu.triage.lexicon import with_additions
from simadu.triage.model import TriageModel, text_hash, train
from simadu.triage.models import TriageExample, TriageModelVersion, TriagePhrase
from simadu.triage.services import model_version_record

GATE_FIELDS = ("unit", "category", "channel", "report_type")
TOLERANCE = 0.005  # a candidate may score this much lower (mean accuracy) and still be "no worse"
EVALUATION_SHARE = 5  # one report in five belongs to E

Progress = Callable[[str], Any]
_NUMBERED = re.compile(r"v(\d+)-")


class LearningError(Exception):
    """Training cannot go on; the message says why in one line."""


def admin_phrases() -> dict[str, tuple[str, ...]]:
    """The shipped lexicon plus the phrases administrators added in the admin."""
    additions: dict[str, list[str]] = {}
    for category, phrase in TriagePhrase.objects.filter(active=True).values_list("category_id", "phrase"):
        additions.setdefault(category, []).append(phrase)
    return with_additions(additions)


def in_evaluation_set(example: Example) -> bool:
    return int(text_hash(example), 16) % EVALUATION_SHARE == 0


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    """(the part gate models train on, the evaluation set E), in the order given."""
    training: list[Example] = []
    evaluation: list[Example] = []
    for e in examples:
        (evaluation if in_evaluation_set(e) else training).append(e)
    return training, evaluation


@dataclass(frozen=True)
class Corrections:
    examples: list[Example]
    skipped: int  # labels the engine does not know (a category an administrator added, say)


def _usable(labels: dict[str, Any]) -> bool:
    return (
        labels.get("channel") in taxonomy.CHANNELS
        and labels.get("report_type") in taxonomy.REPORT_TYPES
        and labels.get("category") in taxonomy.CATEGORIES
        and labels.get("unit") in taxonomy.UNITS
        and isinstance(labels.get("supervisory"), bool)
    )


def corrections(*, before: dt.datetime | None = None) -> Corrections:
    """The verifiers' corrections as labelled examples, oldest first; `before`: only those recorded earlier."""
    rows = TriageExample.objects.order_by("pk")
    if before is not None:
        rows = rows.filter(created_at__lt=before)
    examples, skipped = [], 0
    for row in rows.iterator(chunk_size=2000):
        if not _usable(row.labels):
            skipped += 1
            continue
        examples.append(
            Example(
                text=row.text,
                title=row.title,
                reporter_type=row.reporter_type,
                anonymous=row.anonymous,
                labels={name: row.labels[name] for name in FIELDS},
                id=f"correction-{row.pk}",
            )
        )
    return Corrections(examples, skipped)


def score(model: TriageModel, examples: list[Example]) -> Evaluation:
    """The whole engine (model and rules) as it would serve, on labelled examples."""
    items = [TriageInput(e.text, e.title, e.reporter_type, e.anonymous) for e in examples]
    return evaluate(examples, decide_with(model, items))


def mean_accuracy(evaluation: Evaluation) -> float:
    return statistics.fmean(evaluation.score(name).accuracy for name in GATE_FIELDS)


def no_worse(candidate: float, baseline: float) -> bool:
    return round(candidate - baseline, 9) >= -TOLERANCE


def gate_path(version: str) -> Path:
    return model_dir() / f"{version}.gate.model"


def served_path(version: str) -> Path:
    return model_dir() / f"{version}.model"


def _shipped_gate(shipped: list[Example], progress: Progress) -> TriageModel:
    """What to beat while no version is active: the shipped corpus alone, trained without E, kept on disk."""
    version = f"corpus-{corpus_fingerprint(shipped)}"
    path = gate_path(version)
    model = load_model(path)
    if model is None:
        part, _ = split(shipped)
        progress(f"training the gate model of the shipped corpus on {len(part)} reports …")
        model = train(part, version=f"{version}.gate")
        store_model(model, path)
    return model


def _active_gate(
    active: TriageModelVersion, shipped: list[Example], progress: Progress
) -> tuple[TriageModel, str]:
    """The active version's gate model; rebuilt (and said so) when its file is missing or unreadable."""
    model = load_model(gate_path(active.version))
    if model is not None:
        return model, ""
    part, _ = split(shipped + corrections(before=active.created_at).examples)
    progress(f"gate model of {active.version} missing or unreadable: rebuilding it on {len(part)} reports …")
    rebuilt = train(part, version=f"{active.version}.gate")
    return rebuilt, f"the gate model of {active.version} was rebuilt from the corrections recorded before it"


def _scores(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "evaluation_set": evaluation.examples,
        "mean_accuracy": round(mean_accuracy(evaluation), 4),
        "fields": {
            s.field: {"accuracy": round(s.accuracy, 4), "macro_f1": round(s.macro_f1, 4)}
            for s in evaluation.scores
        },
    }


def _next_number() -> int:
    """Versions are numbered v001, v002, … in the order they were trained (whatever the row ids)."""
    names = TriageModelVersion.objects.values_list("version", flat=True)
    numbers = [int(m.group(1)) for name in names if (m := _NUMBERED.match(name))]
    return max(numbers, default=0) + 1


@dataclass(frozen=True)
class Outcome:
    record: TriageModelVersion
    evaluation: Evaluation  # the candidate's gate model on E
    compared_with: str
    compared_mean: float
    skipped: int


def train_version(*, force: bool = False, progress: Progress = lambda _line: None) -> Outcome:
    """Train, judge and record a new model version; activate it when no worse on E (or `force`)."""
    started_at = clock.now()
    shipped = corpus.shipped_corpus()
    learned = corrections()
    everything = shipped + learned.examples
    part, evaluation_set = split(everything)
    progress(
        f"{len(shipped)} shipped reports + {len(learned.examples)} corrections"
        + (f" ({learned.skipped} skipped: labels outside the taxonomy)" if learned.skipped else "")
    )
    if not evaluation_set or not part:
        raise LearningError("too few labelled reports to set an evaluation set apart")
    progress(f"evaluation set E: {len(evaluation_set)} reports (fixed by text hash, never trained on)")

    name = f"v{_next_number():03d}-{corpus_fingerprint(everything)[:8]}"
    progress(f"training the gate model of {name} on {len(part)} reports …")
    gate = train(part, version=f"{name}.gate", phrases=admin_phrases())
    candidate = score(gate, evaluation_set)

    active = TriageModelVersion.objects.filter(active=True).first()
    notes = []
    if active is not None:
        baseline_model, rebuilt = _active_gate(active, shipped, progress)
        compared_with = active.version
        notes += [rebuilt] if rebuilt else []
    else:
        baseline_model = _shipped_gate(shipped, progress)
        compared_with = baseline_model.version.removesuffix(".gate")
    baseline = score(baseline_model, evaluation_set)
    mine, theirs = mean_accuracy(candidate), mean_accuracy(baseline)
    comparison = f"mean accuracy on E {mine:.3f} vs {theirs:.3f}"
    if no_worse(mine, theirs):
        activate, verdict = True, f"no worse than {compared_with}: {comparison}"
    elif force:
        activate, verdict = True, f"activated by --force although worse than {compared_with}: {comparison}"
    else:
        activate = False
        verdict = f"worse than {compared_with} by more than {TOLERANCE}: {comparison}; --force activates it"
    progress(verdict)

    progress(f"training the served model of {name} on all {len(everything)} reports …")
    served = train(everything, version=name, phrases=admin_phrases())
    store_model(gate, gate_path(name))
    store_model(served, served_path(name))
    record = model_version_record(
        version=name,
        started_at=started_at,
        trained_on=len(everything),
        corrections=len(learned.examples),
        scores={**_scores(candidate), "compared_with": {"version": compared_with, **_scores(baseline)}},
        activate=activate,
        note="; ".join([verdict, *notes]),
    )
    return Outcome(record, candidate, compared_with, theirs, learned.skipped)
