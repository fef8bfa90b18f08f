"""The statistical half of triage: TF-IDF word, character (3–5) and stem n-grams into linear models.

One classifier per learned field (category, report type, unit). Character n-grams
carry typos, abbreviations and regional spellings that words miss; Sastrawi stems
(dibayarkannya → bayar) carry the many affixed forms of one Indonesian word, which
measurably helped (docs/decisions/0007). The trained model is a plain object pickled
by our own trainer into var/ and read back only from there.
"""

from __future__ import annotations

import hashlib
import pickle  # nosec B403  # see TriageModel.loads: only files our own trainer wrote
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

from simadu.triage.corpus import Example, texts
from simadu.triage.lexicon import LexiconFeatures
from simadu.triage.normalize import normalize

LEARNED = ("category", "report_type", "unit")
FORMAT = 2

# Stemming a word the first time costs a fraction of a millisecond; the stems of every word the model
# trained on travel inside the model and fill this memo when it loads, so a report in the intake path
# stems only the words nobody wrote before.
_STEMS: dict[str, str] = {}
_STEMS_LIMIT = 500_000
_stemmer: Any = None


def stem_word(word: str) -> str:
    global _stemmer
    stem = _STEMS.get(word)
    if stem is None:
        if _stemmer is None:
            _stemmer = StemmerFactory().create_stemmer()
        stem = str(_stemmer.stem(word)) or word
        if len(_STEMS) < _STEMS_LIMIT:
            _STEMS[word] = stem
    return stem


def stem_text(text: str) -> str:
    """The stems of already-normalised text, word by word (tokens such as <angka> pass unchanged)."""
    return " ".join(word if not word.isalpha() else stem_word(word) for word in text.split())


def _features(phrases: dict[str, tuple[str, ...]] | None = None) -> FeatureUnion:
    return FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)),
            ("lexicon", LexiconFeatures(phrases)),
            ("stems", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, preprocessor=stem_text)),
        ]
    )


@dataclass
class Prediction:
    label: str
    confidence: float
    words: list[str] = field(default_factory=list)  # the words that weighed most for the label


@dataclass
class TriageModel:
    version: str
    features: FeatureUnion
    classifiers: dict[str, LogisticRegression]
    trained_on: int
    text_hashes: frozenset[str]
    stems: dict[str, str] = field(default_factory=dict)  # the stem of every word it trained on
    _word_vocab: Any = field(default=None, repr=False, compare=False)

    def word_vocabulary(self) -> Any:
        """The word features' names, for explanations; built once (scikit-learn sorts them on every call)."""
        if self._word_vocab is None:
            self._word_vocab = self.features.transformer_list[0][1].get_feature_names_out()
        return self._word_vocab

    def predict(self, documents: list[str], *, normalized: bool = False) -> list[dict[str, Prediction]]:
        """One reading per document; `normalized`: the documents already went through `normalize`."""
        matrix = self.features.transform(
            documents if normalized else [normalize(d) for d in documents]
        ).tocsr()
        word_vocab = self.word_vocabulary()
        n_words = len(word_vocab)
        results: list[dict[str, Prediction]] = [{} for _ in documents]
        for name, clf in self.classifiers.items():
            proba = clf.predict_proba(matrix)
            best = proba.argmax(axis=1)
            for i, j in enumerate(best):
                label = str(clf.classes_[j])
                words = (
                    self._weighing_words(matrix, i, clf.coef_[j], word_vocab, n_words)
                    if name == "category"
                    else []
                )
                results[i][name] = Prediction(label, float(proba[i, j]), words)
        return results

    @staticmethod
    def _weighing_words(
        matrix: Any, row: int, coef: np.ndarray, vocab: np.ndarray, n_words: int
    ) -> list[str]:
        """The (at most three) words of this report that pushed hardest towards the chosen class."""
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        columns, values = matrix.indices[start:end], matrix.data[start:end]
        in_words = columns < n_words
        columns, values = columns[in_words], values[in_words]
        weights = values * coef[columns]
        order = np.argsort(weights)[::-1][:3]
        return [str(vocab[columns[k]]) for k in order if weights[k] > 0]

    def dumps(self) -> bytes:
        return pickle.dumps((FORMAT, self))

    @staticmethod
    def loads(data: bytes) -> TriageModel:
        # Only files our own trainer wrote under var/triage/, never an upload or anything from the network;
        # whoever can write var/ also holds var/keys, so a signature there would not add a boundary.
        fmt, model = pickle.loads(data)  # noqa: S301  # nosec B301  # see the comment above
        if fmt != FORMAT or not isinstance(model, TriageModel):
            raise ValueError("not a SIMADU triage model of this version")
        _STEMS.update(model.stems)
        return model


def text_hash(example: Example) -> str:
    return hashlib.sha256(normalize(example.text).encode()).hexdigest()[:16]


def train(
    examples: list[Example], *, version: str, phrases: dict[str, tuple[str, ...]] | None = None
) -> TriageModel:
    """Fit the features and one classifier per learned field; deterministic for the same examples."""
    documents = [normalize(d) for d in texts(examples)]
    features = _features(phrases)
    matrix = features.fit_transform(documents)
    classifiers = {}
    for name in LEARNED:
        labels = [str(e.labels[name]) for e in examples]
        clf = LogisticRegression(C=20.0, max_iter=3000, class_weight="balanced")
        clf.fit(matrix, labels)
        classifiers[name] = clf
    words = {word for document in documents for word in document.split() if word.isalpha()}
    return TriageModel(
        version,
        features,
        classifiers,
        len(examples),
        frozenset(text_hash(e) for e in examples),
        {word: stem_word(word) for word in words},
    )
