"""Likely duplicates: open reports that tell the same story, for the reporter typing one and for verifiers.

Reads only. A report is compared by TF-IDF cosine over `triage.normalize`'s text (title and
chronology): words and word pairs, Indonesian function words left out, term frequency
dampened (1 + log tf), inverse document frequency taken from the candidates themselves.
Words are hashed (`HashingVectorizer`) so each report's counts are computed once per process
and cached; a query then costs one database query for at most `CANDIDATES_MAX` candidates
(open, not WBS, received in the last `WINDOW_DAYS` days, newest first) and a few milliseconds
of arithmetic, whatever the reporter types next.

WBS content is sealed: a WBS report is never a candidate and never a query (its plain columns
are empty anyway), and nothing of one is ever compared or shown.

**How the thresholds were chosen** (`tools/experiments/duplicates_threshold.py`, which runs
this module's own `similarity_scores`): the candidates are the 1,664 labelled reports SIMADU
ships (`triage/corpus/`, which holds shared/data's 303); the near-duplicates are 42 reports of
shared/data retold by a second reporter of the same incident (`tools/experiments/
duplicates_paraphrases.jsonl`: another voice, other words, slang or formal, some shorter),
each of which should find its original among the 1,664 (at or above the threshold, in the top
3); the unrelated queries are the 261 other labelled reports of shared/data, each against the
rest of the corpus, where any candidate at or above the threshold is a false suggestion (the
hard kind is common: the same complaint about another company, or a near-copy in the written
corpus). Every original ranked first. Measured:

| threshold | near-duplicate found | unrelated query shows a suggestion |
| --- | --- | --- |
| 0.40 | 100% | 19.9% |
| 0.45 (`STAFF_SIMILAR`) | 93% | 11.5% |
| 0.50 (`SIMILAR`, "mirip") | 88% | 4.2% |
| 0.55 | 79% | 3.4% |
| 0.60 (`VERY_SIMILAR`, "sangat mirip") | 62% | 1.9% |

Feature sets compared at the same false-suggestion rate (5%): words and word pairs 74% found,
words alone 86%, words + letter 5-grams 88% (and 79% against 69-71% for the others at 3%), so
SIMADU uses words + letter 5-grams. One detail mattered more than the features: the query counts
as a document for the IDF. Dropping the query's words that no candidate has (what a vectorizer
fitted on the candidates does) raised unrelated scores as much as related ones.

The public box uses `SIMILAR`: one unrelated report in about twenty-five gets a suggestion, which
costs the reporter a glance. Verifiers read both reports before they merge, so they see more
(`STAFF_SIMILAR`). A warm query over 3,000 candidates takes about 60 ms on one core; the first
after a restart hashes every candidate once (about 1.3 s).

**What the public may see of a similar report** (`public_suggestions`). product.md's modes:
WBS is sealed, *rahasia* never appears in any public view, *anonim* hides the reporter, so none
of the three is ever offered. For *biasa* reports product.md names only aggregates as public
(statistics and open data); nothing makes a biasa report's own words public, and a title is
the reporter's free text, which can name them, a colleague or the official they report. So a
suggestion shows no title and no text: only the category, the handling unit, the stage in plain
words, the month it was received and the province, enough to recognise "the unpaid THR at my
factory this month" without reading anyone's report. Following one is by a signed reference
to the case (`public_reference`), never its tracking id.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.core import signing
from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from sklearn.feature_extraction.text import HashingVectorizer

from simadu.cases.models import Case, Channel
from simadu.cases.workflow import OPEN_STATES, Status, transition
from simadu.confidentiality.policy import can, visible_cases
from simadu.core import clock, regions
from simadu.triage.normalize import normalize

CANDIDATES_MAX = 3000
WINDOW_DAYS = 180
SIMILAR = 0.50  # offered to the public, "mirip": see the table above
STAFF_SIMILAR = 0.45  # shown to verifiers, who read both reports before merging: recall matters more
VERY_SIMILAR = 0.60  # "sangat mirip"
MIN_WORDS = 6  # a query of fewer content words suggests nothing yet
PUBLIC_LIMIT = 3
FOLLOW_SALT = "simadu.duplicates.follow"
FOLLOW_MAX_AGE = 24 * 60 * 60  # a form left open overnight asks again

# Function words that every report shares; they would make any two reports look alike.
STOP_WORDS = frozenset(
    """
    yang di dan ke dari ini itu saya kami kita aku untuk dengan pada tidak sudah belum ada atau juga
    karena akan sebagai oleh dalam bisa tapi tetapi sampai lagi mohon tolong apa apakah bagaimana
    kalau jadi hanya masih setelah sejak agar supaya padahal sering selalu sama saja lebih bapak ibu
    yth terima kasih nya pun lah kah tersebut para telah harus mau minta kan sih ya dia mereka
    """.split()  # noqa: SIM905 - a paragraph of words reads better than a 70-item list
)
_N_FEATURES = 2**20
_SPACE = {
    "alternate_sign": False,
    "norm": None,
    "lowercase": False,
    "n_features": _N_FEATURES,
    "dtype": np.float32,
}
# Two views of a report, averaged: its words (function words left out), and the 5-letter pieces of
# its words, which match "dibayar" with "pembayaran" and survive a typo.
_HASHERS = (
    HashingVectorizer(stop_words=sorted(STOP_WORDS), **_SPACE),
    HashingVectorizer(analyzer="char_wb", ngram_range=(5, 5), **_SPACE),
)

Counts = tuple[np.ndarray, np.ndarray]  # hashed feature indices, their dampened counts (1 + log tf)


def _hashed(texts: list[str]) -> list[tuple[Counts, ...]]:
    """Each text's counts in every feature space; one call of each hasher for the whole batch."""
    normalised = [normalize(t) for t in texts]
    spaces = [hasher.transform(normalised) for hasher in _HASHERS]
    out = []
    for i in range(len(texts)):
        rows = []
        for matrix in spaces:
            start, end = matrix.indptr[i], matrix.indptr[i + 1]
            rows.append(
                (
                    matrix.indices[start:end].astype(np.int32),
                    1.0 + np.log(matrix.data[start:end], dtype=np.float32),
                )
            )
        out.append(tuple(rows))
    return out


# A report's words never change (only anonymisation clears them, and an anonymised case is closed),
# so its counts are computed once per process, newest kept. Keyed by the text itself: a reused pk
# cannot mislead it.
_CACHE: OrderedDict[str, tuple[Counts, ...]] = OrderedDict()
_CACHE_MAX = 8192
_CACHE_LOCK = threading.Lock()


def _counts(texts: Sequence[str]) -> list[tuple[Counts, ...]]:
    with _CACHE_LOCK:
        known = {t: _CACHE[t] for t in texts if t in _CACHE}
    missing = list(dict.fromkeys(t for t in texts if t not in known))
    if missing:
        fresh = dict(zip(missing, _hashed(missing), strict=True))
        known.update(fresh)
        with _CACHE_LOCK:
            _CACHE.update(fresh)
            while len(_CACHE) > _CACHE_MAX:
                _CACHE.popitem(last=False)
    return [known[t] for t in texts]


def _document(title: str, text: str) -> str:
    return f"{title}\n{text}" if title else text


def content_words(text: str) -> int:
    """How many words of `text` count for similarity (function words and one-letter tokens do not)."""
    return sum(1 for w in normalize(text).split() if len(w) > 1 and w not in STOP_WORDS)


def similarity_scores(query: str, documents: Sequence[str]) -> np.ndarray:
    """Cosine of `query` with each document, TF-IDF weighted over the documents (the candidates) and the
    query; the mean of the words' and the letter pieces' cosines."""
    if not documents:
        return np.zeros(0, dtype=np.float32)
    rows = _counts(documents)
    (query_counts,) = _hashed([query])  # typed text changes at every keystroke: not cached
    total = np.zeros(len(documents), dtype=np.float32)
    for space in range(len(_HASHERS)):
        total += _cosines(query_counts[space], [row[space] for row in rows])
    return total / len(_HASHERS)


def _cosines(query: Counts, rows: list[Counts]) -> np.ndarray:
    """TF-IDF cosines in one feature space, in plain numpy over the rows' nonzero entries only."""
    n = len(rows)
    q_indices, q_counts = query
    lengths = np.fromiter((len(indices) for indices, _ in rows), count=n, dtype=np.int64)
    row_of = np.repeat(np.arange(n), lengths)
    indices = np.concatenate([r[0] for r in rows])
    counts = np.concatenate([r[1] for r in rows])
    # The query counts as one more document: a word only it has is rare, not unknown, and makes it
    # less like every candidate (dropping such words, as a vocabulary fitted on the candidates would,
    # made unrelated reports look alike: measured).
    df = np.bincount(indices, minlength=_N_FEATURES)
    df[q_indices] += 1
    # idf = log((1 + documents) / (1 + df)) + 1, with df a small integer: looked up, not computed per entry.
    documents = n + 1
    idf_of_df = (np.log(1.0 + documents) - np.log(1.0 + np.arange(documents + 1)) + 1.0).astype(np.float32)

    def weight(idx: np.ndarray, tf: np.ndarray) -> np.ndarray:
        return np.asarray(tf * idf_of_df[df[idx]], dtype=np.float32)

    weights = weight(indices, counts)
    q_weights = weight(q_indices, q_counts)
    q_norm = float(np.sqrt(np.sum(q_weights**2)))
    if q_norm == 0.0:
        return np.zeros(n, dtype=np.float32)
    q_dense = np.zeros(_N_FEATURES, dtype=np.float32)
    q_dense[q_indices] = q_weights / q_norm
    norms = np.sqrt(np.bincount(row_of, weights=weights * weights, minlength=n))
    dots = np.bincount(row_of, weights=weights * q_dense[indices], minlength=n)
    return (dots / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def similar_open_cases(
    *,
    text: str,
    title: str = "",
    candidates: QuerySet[Case],
    exclude: Case | int | None = None,
    limit: int = 5,
    threshold: float = SIMILAR,
) -> list[tuple[Case, float]]:
    """Open cases among `candidates` whose story is like `title` + `text`, most alike first, with the score.

    `candidates` says who may be offered (the public's set, or `policy.visible_cases(actor)`); this
    narrows it to open, non-WBS cases of the last WINDOW_DAYS, newest CANDIDATES_MAX. Two queries:
    the candidates' words, then the chosen cases.
    """
    query = _document(title, text)
    if content_words(query) < MIN_WORDS:
        return []
    since = clock.now() - dt.timedelta(days=WINDOW_DAYS)
    pool = (
        candidates.filter(status__in=OPEN_STATES, received_at__gte=since, anonymised_at__isnull=True)
        .exclude(channel=Channel.WBS)
        .order_by("-received_at", "-pk")
    )
    if exclude is not None:
        pool = pool.exclude(pk=exclude.pk if isinstance(exclude, Case) else exclude)
    rows = list(pool.values_list("pk", "title", "text")[:CANDIDATES_MAX])
    if not rows:
        return []
    scores = similarity_scores(query, [_document(row_title, row_text) for _, row_title, row_text in rows])
    order = np.argsort(-scores, kind="stable")[:limit]
    chosen = [(rows[i][0], float(scores[i])) for i in order if scores[i] >= threshold]
    if not chosen:
        return []
    found = candidates.select_related("category", "unit").in_bulk([pk for pk, _ in chosen])
    return [(found[pk], score) for pk, score in chosen if pk in found]


def likeness(score: float) -> Promise:
    """A score in plain words."""
    return _("sangat mirip") if score >= VERY_SIMILAR else _("mirip")


# ---- the reporter's side: what the public may be offered ---------------------------------------------


def public_candidates() -> QuerySet[Case]:
    """The reports that may be offered to someone filing a report: neither WBS, rahasia nor anonim, nor
    supervisory (a complaint about an official's conduct): the box would otherwise answer anyone's question
    "is there an open complaint about that office this month?", the reported official's included."""
    return Case.objects.filter(confidential=False, anonymous=False, supervisory=False).exclude(
        channel=Channel.WBS
    )


def public_reference(case: Case) -> str:
    """What the form carries to follow `case`: signed, dated, and not the tracking id."""
    return signing.dumps(case.pk, salt=FOLLOW_SALT)


def followable_case(reference: str) -> Case | None:
    """The case a reference from the form names, if it is still one the public may follow; else None."""
    if not reference:
        return None
    try:
        pk = signing.loads(reference, salt=FOLLOW_SALT, max_age=FOLLOW_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return (
        public_candidates()
        .filter(pk=pk, status__in=OPEN_STATES, merged_into__isnull=True, anonymised_at__isnull=True)
        .select_related("category", "unit")
        .first()
    )


# A stage as someone who did not file the report reads it.
PUBLIC_STAGE: dict[str, Promise] = {
    Status.RECEIVED: _("Baru diterima, menunggu diperiksa petugas"),
    Status.VERIFYING: _("Sedang diperiksa petugas"),
    Status.AWAITING_INFO: _("Sedang diperiksa petugas"),
    Status.ASSIGNED: _("Sudah diteruskan ke unit yang berwenang"),
    Status.IN_PROGRESS: _("Sedang ditindaklanjuti unit yang berwenang"),
    Status.REOPENED: _("Sedang ditindaklanjuti unit yang berwenang"),
    Status.RESPONDED: _("Sudah dijawab petugas"),
}


@dataclass(frozen=True)
class PublicSuggestion:
    """A similar report as the public may see it: no title, no text, nothing of its reporter."""

    reference: str
    category: str
    unit: str
    stage: str
    received: dt.date
    province: str
    likeness: str
    chosen: bool = False


def _public(case: Case, score: float | None, *, chosen: bool = False) -> PublicSuggestion:
    english = (get_language() or "").startswith("en")
    category = case.category.name_en if english and case.category.name_en else case.category.name
    return PublicSuggestion(
        reference=public_reference(case),
        category=str(category),
        unit=case.unit.name if case.unit else "",
        stage=str(PUBLIC_STAGE.get(case.status, "")),
        received=case.received_at.astimezone(clock.WIB).date(),
        province=regions.province_name(case.province_code),
        likeness=str(likeness(score)) if score is not None else "",
        chosen=chosen,
    )


def public_suggestions(*, text: str, title: str = "", follow: str = "") -> list[PublicSuggestion]:
    """Up to PUBLIC_LIMIT open reports like the one being typed, as the public may see them.

    A report the reporter already chose to follow (`follow`, its signed reference) stays in the list,
    checked, while it is still followable, even if their words drifted away from it.
    """
    chosen = followable_case(follow)
    found = similar_open_cases(text=text, title=title, candidates=public_candidates(), limit=PUBLIC_LIMIT)
    suggestions = [
        _public(case, score, chosen=chosen is not None and case.pk == chosen.pk) for case, score in found
    ]
    if chosen is not None and not any(s.chosen for s in suggestions):
        suggestions = [_public(chosen, None, chosen=True), *suggestions][:PUBLIC_LIMIT]
    return suggestions


# ---- the verifier's side ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LikelyDuplicate:
    """A case like the one on screen, among those the verifier sees, and which way a merge may go."""

    case: Case
    score: float
    likeness: str
    may_merge_here: bool  # it can be merged into the case on screen
    may_merge_there: bool  # the case on screen can be merged into it


def likely_duplicates(*, actor: Any, case: Case, limit: int = 5) -> list[LikelyDuplicate]:
    """Open cases the actor sees that tell the same story as `case` (never for a WBS case: sealed)."""
    if case.channel == Channel.WBS or case.status not in OPEN_STATES:
        return []
    found = similar_open_cases(
        text=case.text,
        title=case.title,
        candidates=visible_cases(actor),
        exclude=case,
        limit=limit,
        threshold=STAFF_SIMILAR,
    )
    mergeable = transition("archive").sources
    return [
        LikelyDuplicate(
            case=other,
            score=score,
            likeness=str(likeness(score)),
            may_merge_here=other.status in mergeable and can(actor, "case.archive", other),
            may_merge_there=case.status in mergeable and can(actor, "case.archive", case),
        )
        for other, score in found
    ]
