"""The one triage interface: `suggest(TriageInput) -> TriageDecision`.

Hybrid by design. The model (`model.py`) reads the text and proposes the domain
(category) and the report type; the rules (`rules.py`) decide who has authority
(unit) and which channel protects the reporter, where the taxonomy says so, and
the explanation names the rule that fired or the words that weighed most.
Low confidence is flagged so that a verifier reads the report in full.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle  # nosec B403  # for pickle.UnpicklingError only; TriageModel.loads reads the files
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, SynchronousOnlyOperation
from django.db import DatabaseError, connection, transaction

from simadu.triage import corpus, rules, taxonomy
from simadu.triage.corpus import Example
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


# The model's own reading of the unit is taken, where no rule decided, only when it is this sure
# and names a unit the rules could have given (docs/decisions/0007-triage-rules-and-model-unit.md).
MODEL_UNIT_CONFIDENCE = 0.8


def decide(
    item: TriageInput,
    predicted: dict[str, Prediction],
    version: str,
    ruleset: rules.RuleSet | None = None,
    *,
    text: str | None = None,
) -> TriageDecision:
    """Combine the model's reading of one report with the rules (those in force, unless given);
    `text`: the report already normalised (`document`), so a batch normalises each report once."""
    ruleset = ruleset or active_rules()
    text = document(item) if text is None else text
    category = predicted["category"]
    report_type = predicted["report_type"].label
    if rules.is_spam(text):
        category = Prediction("lainnya", 0.9, [])
        reasons = [rules.SPAM.says]
        # Taxonomy rule 4: a question is an information request, anything else a complaint.
        report_type = "permintaan_informasi" if "?" in text.split() else "pengaduan"
    else:
        reasons = [f"kata yang menentukan: {', '.join(category.words)}"] if category.words else []
    unit, unit_reasons = rules.unit_for(category.label, text, ruleset)
    model_unit = predicted.get("unit")
    if (
        not unit_reasons
        and model_unit is not None
        and model_unit.label != unit
        and model_unit.confidence >= MODEL_UNIT_CONFIDENCE
        and model_unit.label in rules.units_rules_can_decide(category.label)
    ):
        unit = model_unit.label
        unit_reasons = [
            f"unit menurut laporan serupa yang sudah dikoreksi ({round(model_unit.confidence * 100)}%)"
        ]
    channel, channel_reasons = rules.channel_for(category.label, unit, text, item.reporter_type, ruleset)
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


def document(item: TriageInput) -> str:
    """The report as the model and the rules read it: title and text, normalised."""
    return normalize(f"{item.title} . {item.text}")


def decide_with(model: TriageModel, items: list[TriageInput]) -> list[TriageDecision]:
    """`model` and the rules in force on each report; every report is normalised once."""
    documents = [document(i) for i in items]
    predictions = model.predict(documents, normalized=True)
    ruleset = active_rules()
    return [
        decide(item, p, model.version, ruleset, text=text)
        for item, p, text in zip(items, predictions, documents, strict=True)
    ]


def suggest_many(items: list[TriageInput]) -> list[TriageDecision]:
    return decide_with(active_model(), items)


def suggest(item: TriageInput) -> TriageDecision:
    return suggest_many([item])[0]


# --- the model in use ------------------------------------------------------------------------
#
# The active TriageModelVersion's model when the database names one, else the model of the
# shipped corpus. Kept per process; a running server asks the database at most every
# RECHECK_SECONDS which version is active, so an activation by `simadu triage train` reaches
# every worker within that time without a restart.

RECHECK_SECONDS = 30.0
_clock = time.monotonic  # tests move it forward
_lock = threading.Lock()


@dataclass
class _Served:
    name: str | None  # the active version it was asked for; None: no active version (shipped model)
    model: TriageModel
    checked_at: float


_served: _Served | None = None


_RECIPE = ("normalize.py", "lexicon.py", "model.py")


def corpus_fingerprint(examples: list[Example]) -> str:
    """Names a trained model by what made it: the examples and the code that reads them.

    A change to normalisation, the lexicon or the features makes a new name, so a model
    built by older code is never served by newer code.
    """
    digest = hashlib.sha256()
    for name in _RECIPE:
        digest.update((Path(__file__).with_name(name)).read_bytes())
    for e in examples:
        digest.update(f"{e.title}\x1f{e.text}\x1f{sorted(e.labels.items())}\x1e".encode())
    return digest.hexdigest()[:12]


def model_dir() -> Path:
    return Path(settings.VAR_DIR) / "triage"


def store_model(model: TriageModel, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(model.dumps())
    tmp.replace(path)  # atomic: a parallel process reads the old file or the new, never half


def load_model(path: Path) -> TriageModel | None:
    """A model file written by `store_model`, or None when it is missing or from another SIMADU version."""
    try:
        return TriageModel.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (ValueError, EOFError, AttributeError, ImportError, pickle.UnpicklingError):
        log.warning("triage model %s unreadable (written by another SIMADU version?)", path.name)
        return None


def shipped_model() -> TriageModel:
    """The model trained on the shipped corpus: built once per corpus, then read from var/triage/."""
    examples = corpus.shipped_corpus()
    version = f"corpus-{corpus_fingerprint(examples)}"
    path = model_dir() / f"{version}.model"
    model = load_model(path)
    if model is None:
        log.info("training the triage model of the shipped corpus (%s reports)", len(examples))
        model = train(examples, version=version)
        store_model(model, path)
    return model


# --- the rules in force ------------------------------------------------------------------------
#
# The shipped rules with administrators' edits (TriageRulePhrase), read from the database at most
# every RECHECK_SECONDS per process, so an edit reaches every worker within that time.


@dataclass
class _Rules:
    ruleset: rules.RuleSet
    checked_at: float


_rules: _Rules | None = None


def rule_edits() -> list[tuple[str, str, str]] | None:
    """Administrators' active edits of the override rules; None without a usable database."""
    from simadu.triage.models import TriageRulePhrase

    try:
        if not _database_reachable():
            return None
        with transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext():
            return list(
                TriageRulePhrase.objects.filter(active=True)
                .order_by("pk")
                .values_list("rule", "phrase", "effect")
            )
    except (DatabaseError, ImproperlyConfigured, SynchronousOnlyOperation, RuntimeError) as exc:
        log.debug("no triage rule edits from the database: %s", exc)
        return None


def active_rules() -> rules.RuleSet:
    """The override rules that decide now (see the note above)."""
    global _rules
    with _lock:
        now = _clock()
        if _rules is not None and now - _rules.checked_at < RECHECK_SECONDS:
            return _rules.ruleset
        edits = rule_edits()
        _rules = _Rules(rules.SHIPPED.edited(edits) if edits else rules.SHIPPED, now)
        return _rules.ruleset


def forget_rules() -> None:
    """Read the rules afresh at the next decision (after an administrator's edit in this process)."""
    global _rules
    with _lock:
        _rules = None


def _database_reachable() -> bool:
    """False for an embedded SQLite file that does not exist yet: opening it would create it."""
    if connection.vendor != "sqlite":
        return True
    name = str(connection.settings_dict["NAME"] or "")
    return name == ":memory:" or "mode=memory" in name or Path(name).exists()


def active_version_name() -> str | None:
    """The version the database marks active; None without one, or without a usable database.

    `simadu triage` works offline and with no database at all: a missing or unmigrated
    database, or a context where the database may not be used, means the shipped model.
    """
    from simadu.triage.models import TriageModelVersion

    try:
        if not _database_reachable():
            return None
        # Inside a transaction a failed query (no table yet) would poison it: fail in a savepoint.
        with transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext():
            return TriageModelVersion.objects.filter(active=True).values_list("version", flat=True).first()
    except (DatabaseError, ImproperlyConfigured, SynchronousOnlyOperation, RuntimeError) as exc:
        # RuntimeError: database access refused here (a test without a database, for one).
        log.debug("no active triage version from the database: %s", exc)
        return None


def _load_served(name: str | None) -> TriageModel:
    if name is not None:
        model = load_model(model_dir() / f"{name}.model")
        if model is not None:
            return model
        # Kept until the next activation or a restart: a node without the file keeps serving.
        log.warning(
            "triage model of active version %s missing or unreadable; serving the shipped model", name
        )
    return shipped_model()


def active_model() -> TriageModel:
    """The model that makes suggestions now (see the note above)."""
    global _served
    with _lock:
        now = _clock()
        served = _served
        if served is not None and now - served.checked_at < RECHECK_SECONDS:
            return served.model
        name = active_version_name()
        if served is None or name != served.name:
            served = _Served(name, _load_served(name), now)
        else:
            served.checked_at = now
        _served = served
        return served.model
