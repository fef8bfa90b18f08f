#!/usr/bin/env python3
"""Where should "laporan serupa" draw the line? Measured on labelled reports, with SIMADU's own scoring.

    .venv/bin/python tools/experiments/duplicates_threshold.py

- candidates: the 1,664 labelled reports SIMADU ships (src/simadu/triage/corpus/, which holds
  shared/data's 303);
- near-duplicates: duplicates_paraphrases.jsonl beside this file, 42 reports of shared/data retold
  by a second reporter of the same incident; each should find its original ("found": the original
  scores at or above the threshold and ranks in the top 3);
- unrelated: the other labelled reports of shared/data, each against the corpus without itself;
  any candidate at or above the threshold is a false suggestion.

Each query is scored with `simadu.cases.duplicates.similarity_scores`, IDF over the candidates,
exactly as a request is. The table and the thresholds chosen are in the docstring of
src/simadu/cases/duplicates.py.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django

django.setup()

import numpy as np  # noqa: E402

from simadu.cases.duplicates import (  # noqa: E402
    SIMILAR,
    STAFF_SIMILAR,
    VERY_SIMILAR,
    similarity_scores,
)
from simadu.triage.corpus import CORPUS_DIR, read_jsonl  # noqa: E402

HERE = Path(__file__).resolve().parent


def _doc(title: str, text: str) -> str:
    return f"{title}\n{text}" if title else text


def main() -> int:
    corpus = [e for path in sorted(CORPUS_DIR.glob("*.jsonl")) for e in read_jsonl(path)]
    ids = [e.id for e in corpus]
    docs = [_doc(e.title, e.text) for e in corpus]
    pairs = [json.loads(line) for line in (HERE / "duplicates_paraphrases.jsonl").open(encoding="utf-8")]
    started = time.perf_counter()
    found_scores, ranks = [], []
    for pair in pairs:
        scores = similarity_scores(_doc(pair["title"], pair["text"]), docs)
        target = ids.index(pair["of"])
        found_scores.append(scores[target])
        ranks.append(int((scores > scores[target]).sum()) + 1)
    paired = {p["of"] for p in pairs}
    unrelated_max = []
    for i, e in enumerate(corpus):
        if not e.id.startswith(("seed-", "dev-")) or e.id in paired:
            continue
        others = docs[:i] + docs[i + 1 :]
        unrelated_max.append(float(similarity_scores(docs[i], others).max()))
    elapsed = time.perf_counter() - started
    found, rank, noise = np.array(found_scores), np.array(ranks), np.array(unrelated_max)
    queries = len(pairs) + len(noise)
    print(f"{len(pairs)} near-duplicates, {len(noise)} unrelated queries, {len(docs)} candidates")
    print(f"original ranked first: {np.mean(rank == 1):.0%}; {elapsed / queries * 1000:.1f} ms a query")
    print("| threshold | near-duplicate found (top 3) | unrelated query shows a suggestion |")
    print("| --- | --- | --- |")
    for t in sorted({0.40, 0.55, 0.65, 0.70, SIMILAR, STAFF_SIMILAR, VERY_SIMILAR}):
        recall = np.mean((found >= t) & (rank <= 3))
        false = np.mean(noise >= t)
        names = {SIMILAR: " (SIMILAR)", STAFF_SIMILAR: " (STAFF_SIMILAR)", VERY_SIMILAR: " (VERY_SIMILAR)"}
        mark = names.get(t, "")
        print(f"| {t:.2f}{mark} | {recall:.0%} | {false:.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
