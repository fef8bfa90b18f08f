#!/usr/bin/env python3
"""Triage figures for docs/benchmarks.md: quality on reports the model never saw, and speed.

    .venv/bin/python tools/bench_triage.py [--folds 5]

Quality: (1) held out — train on the shipped corpus without shared_dev.jsonl, score on
shared_dev.jsonl; (2) k-fold cross-validation over the whole shipped corpus. Speed:
batch throughput on one core, single-report latency in the intake path (p50/p99),
and the time to load a trained model from disk.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the target says
import django

django.setup()

from sklearn.model_selection import StratifiedKFold  # noqa: E402

from simadu.triage.corpus import Example, shipped_corpus  # noqa: E402
from simadu.triage.engine import TriageInput, decide_with  # noqa: E402
from simadu.triage.evaluation import evaluate  # noqa: E402
from simadu.triage.model import TriageModel, train  # noqa: E402

FIELDS = ("unit", "category", "channel", "report_type", "supervisory")
TARGETS = {"unit": 0.90, "category": 0.85, "channel": 0.95, "report_type": 0.85}


def inputs(examples: list[Example]) -> list[TriageInput]:
    return [TriageInput(e.text, e.title, e.reporter_type, e.anonymous) for e in examples]


def run(model: TriageModel, examples: list[Example]) -> list:
    return decide_with(model, inputs(examples))


def row(label: str, n: int, ev) -> str:
    cells = " | ".join(f"{ev.score(f).accuracy:.3f} / {ev.score(f).macro_f1:.3f}" for f in FIELDS)
    return f"| {label} | {n} | {cells} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", metavar="FILE", help="replace the triage section of this Markdown file")
    args = parser.parse_args()
    corpus = shipped_corpus()
    dev = [e for e in corpus if e.id.startswith("dev-")]
    rest = [e for e in corpus if not e.id.startswith("dev-")]
    print(f"corpus: {len(corpus)} labelled reports ({len(dev)} in shared_dev)", file=sys.stderr)

    lines = [
        "| evaluation | reports | unit | category | channel | report_type | supervisory |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    held = train(rest, version="bench-held-out")
    ev_held = evaluate(dev, run(held, dev))
    lines.append(row("held out: trained without shared_dev, scored on it", len(dev), ev_held))

    folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=2026)
    labels = [e.labels["category"] for e in corpus]
    expected, decided = [], []
    for k, (train_idx, test_idx) in enumerate(folds.split(corpus, labels), start=1):
        print(f"  fold {k}/{args.folds}", file=sys.stderr)
        model = train([corpus[i] for i in train_idx], version=f"bench-fold-{k}")
        part = [corpus[i] for i in test_idx]
        expected += part
        decided += run(model, part)
    ev_cv = evaluate(expected, decided)
    lines.append(row(f"{args.folds}-fold cross-validation, whole corpus", len(expected), ev_cv))

    full = train(corpus, version="bench-full")
    data = full.dumps()
    t0 = time.perf_counter()
    TriageModel.loads(data)
    load_s = time.perf_counter() - t0
    batch = inputs(corpus) * max(1, 3000 // len(corpus))
    t0 = time.perf_counter()
    decide_with(full, batch)
    per_second = len(batch) / (time.perf_counter() - t0)
    latencies = []
    for item in inputs(corpus[:400]):
        t0 = time.perf_counter()
        decide_with(full, [item])
        latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]

    lines += [
        "",
        "| speed | figure | target |",
        "| --- | --- | --- |",
        f"| batch, one core | {per_second:,.0f} reports/s | ≥ 1,000 |",
        f"| one report in the intake path | p50 {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms | p99 < 20 ms |",
        f"| load the trained model | {load_s * 1000:.0f} ms ({len(data) / 2**20:.1f} MiB) | < 1 s |",
    ]
    report = "\n".join(lines)
    print(report)
    if args.write:
        write_section(args.write, report, len(corpus))


def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError), open("/proc/cpuinfo", encoding="utf-8") as info:
        cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"


def write_section(path: str, report: str, corpus_size: int) -> None:
    """Replace the text between the triage markers of the benchmarks file (or append it)."""
    start, end = "<!-- triage:start -->", "<!-- triage:end -->"
    body = (
        f"{start}\n## Triage\n\nMeasured {dt.datetime.now(dt.UTC):%Y-%m-%d} on {machine()} with "
        f"`make bench` (`.venv/bin/python tools/bench_triage.py --write docs/benchmarks.md`), "
        f"shipped corpus of {corpus_size} labelled reports. Accuracy / macro-F1 on reports the model did not "
        f"train on.\n\n{report}\n{end}"
    )
    target = Path(path)
    text = target.read_text(encoding="utf-8") if target.exists() else "# Benchmarks\n"
    if start in text and end in text:
        text = text[: text.index(start)] + body + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + body + "\n"
    target.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
