"""The one triage interface: `suggest(TriageInput) -> TriageDecision`.

Hybrid by design. The model (`model.py`) reads the text and proposes the domain
(category) and the report type; the rules (`rules.py`) decide who has authority
(unit) and which channel protects the reporter, where the taxonomy says so, and
the explanation names the rule that fired or the words that weighed most.
Low confidence is flagged so that a verifier reads the report in full.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from simadu.triage import rules, taxonomy
from simadu.triage.corpus import Example, shipped_corpus
from simadu.triage.model import Prediction, TriageModel, train
from simadu.triage.normalize import normalize

log = logging.getLogger(__name__)
LOW_CONFIDENCE = 0.5


@dataclass(frozen=True)
class TriageInput:
    text: str
    title: str = ""
    reporter_type: str = "public"
    anonymous: bool = False


@dataclass(frozen=True)
class TriageDecision:
    channel: str
    report_type: str
    category: str
    supervisory: bool
    unit: str
    confidence: float
    explanation: str
    version: str = ""

    @property
    def low_confidence(self) -> bool:
        return self.confidence < LOW_CONFIDENCE

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def decide(item: TriageInput, predicted: dict[str, Prediction], version: str) -> TriageDecision:
    """Combine the model's reading of one report with the rules."""
    text = normalize(f"{item.title} {item.text}")
    category = predicted["category"]
    if rules.is_spam(text):
        category = Prediction("lainnya", 0.9, [])
        reasons = [rules.SPAM.says]
    else:
        reasons = [f"kata yang menentukan: {', '.join(category.words)}"] if category.words else []
    unit, unit_reasons = rules.unit_for(category.label, text)
    channel, channel_reasons = rules.channel_for(category.label, unit, text, item.reporter_type)
    report_type = predicted["report_type"].label
    confidence = round(min(category.confidence, max(predicted["report_type"].confidence, 0.5)), 2)
    name = taxonomy.CATEGORIES[category.label][2]
    explanation = "; ".join(
        [f"{name} ({round(category.confidence * 100)}%)", *reasons, *unit_reasons, *channel_reasons]
    )
    if confidence < LOW_CONFIDENCE:
        explanation = "keyakinan rendah, baca laporan lengkap; " + explanation
    return TriageDecision(
        channel,
        report_type,
        category.label,
        taxonomy.CATEGORIES[category.label][0],
        unit,
        confidence,
        explanation,
        version,
    )


def suggest_many(items: list[TriageInput]) -> list[TriageDecision]:
    model = active_model()
    predictions = model.predict([f"{i.title} . {i.text}" for i in items])
    return [decide(item, p, model.version) for item, p in zip(items, predictions, strict=True)]


def suggest(item: TriageInput) -> TriageDecision:
    return suggest_many([item])[0]


# --- the model in use ------------------------------------------------------------------------

_lock = threading.Lock()
_cache: dict[str, TriageModel] = {}


def corpus_fingerprint(examples: list[Example]) -> str:
    digest = hashlib.sha256()
    for e in examples:
        digest.update(f"{e.title}\x1f{e.text}\x1f{sorted(e.labels.items())}\x1e".encode())
    return digest.hexdigest()[:12]


def model_dir() -> Path:
    return Path(settings.VAR_DIR) / "triage"


def _store(model: TriageModel, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(model.dumps())
    tmp.replace(path)  # atomic: a parallel process reads the old file or the new, never half


def shipped_model() -> TriageModel:
    """The model trained on the shipped corpus: built once per corpus, then read from var/triage/."""
    examples = shipped_corpus()
    version = f"corpus-{corpus_fingerprint(examples)}"
    path = model_dir() / f"{version}.model"
    if path.exists():
        try:
            return TriageModel.loads(path.read_bytes())
        except (ValueError, EOFError, AttributeError, ImportError):
            log.warning("triage model %s unreadable; training it again", path.name)
    model = train(examples, version=version)
    _store(model, path)
    return model


def active_model() -> TriageModel:
    with _lock:
        if "active" not in _cache:
            _cache["active"] = shipped_model()
        return _cache["active"]
