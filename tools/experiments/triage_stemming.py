#!/usr/bin/env python3
"""Does Indonesian stemming help triage? Measured, not assumed (issue #3).

    .venv/bin/python tools/experiments/triage_stemming.py

Trains the model three ways and scores each the way docs/benchmarks.md does (held out
on shared_dev, and 5-fold cross-validation over the whole shipped corpus):
- no stems: normalised words 1-2, characters 2-5, lexicon (what SIMADU shipped first);
- stems instead of words: the word features read Sastrawi stems instead of the words;
- words + stems: both (what SIMADU ships since this measurement).
The result and the decision it led to are in docs/decisions/0007-triage-rules-and-model-unit.md.
"""

from __future__ import annotations

import os
import sys
from collections import Counter

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("OMP_NUM_THREADS", "1")
import django

django.setup()

from sklearn.model_selection import StratifiedKFold  # noqa: E402
from sklearn.pipeline import FeatureUnion  # noqa: E402

from simadu.triage import model as triage_model  # noqa: E402
from simadu.triage import rules  # noqa: E402
from simadu.triage.corpus import Example, shipped_corpus  # noqa: E402
from simadu.triage.engine import TriageInput, decide  # noqa: E402

FIELDS = ("unit", "category", "channel", "report_type")
shipped_features = triage_model._features


def variant(*, words: bool, stems: bool):  # type: ignore[no-untyped-def]
    def features(phrases=None):  # type: ignore[no-untyped-def]
        parts = dict(shipped_features(phrases).transformer_list)
        if not stems:
            del parts["stems"]
        if not words:
            del parts["words"]
        return FeatureUnion(list(parts.items()))

    return features


def score(train_set: list[Example], test_set: list[Example]) -> Counter[str]:
    m = triage_model.train(train_set, version="experiment")
    items = [TriageInput(e.text, e.title, e.reporter_type, e.anonymous) for e in test_set]
    predictions = m.predict([f"{i.title} . {i.text}" for i in items])
    right: Counter[str] = Counter()
    for e, i, p in zip(test_set, items, predictions, strict=True):
        d = decide(i, p, m.version, rules.SHIPPED)
        for f in FIELDS:
            right[f] += getattr(d, f) == e.labels[f]
    return right


def main() -> None:
    examples = shipped_corpus()
    dev = [e for e in examples if e.id.startswith("dev")]
    rest = [e for e in examples if not e.id.startswith("dev")]
    folds = list(
        StratifiedKFold(5, shuffle=True, random_state=0).split(
            examples, [e.labels["category"] for e in examples]
        )
    )
    variants = {
        "no stems": variant(words=True, stems=False),
        "stems instead of words": variant(words=False, stems=True),
        "words + stems (shipped)": variant(words=True, stems=True),
    }
    print(
        "| features | held out: unit / category / channel / report_type | 5-fold CV: unit / category / channel / report_type |"
    )
    print("| --- | --- | --- |")
    for name, features in variants.items():
        triage_model._features = features  # type: ignore[assignment]
        held = score(rest, dev)
        cv: Counter[str] = Counter()
        for train_idx, test_idx in folds:
            cv.update(score([examples[i] for i in train_idx], [examples[i] for i in test_idx]))
            print(".", end="", file=sys.stderr, flush=True)
        print(
            f"| {name} | {' / '.join(f'{held[f] / len(dev):.3f}' for f in FIELDS)} "
            f"| {' / '.join(f'{cv[f] / len(examples):.3f}' for f in FIELDS)} |",
            flush=True,
        )
    triage_model._features = shipped_features


if __name__ == "__main__":
    main()
