"""The fast scorer gives scikit-learn's probabilities (b12assist/nlu/linear_text.py)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from b12assist.nlu.linear_text import LinearText
from b12assist.nlu.redflag_model import RedFlagModel, read_set
from b12assist.nlu.topics import TopicClassifier

ROOT = Path(__file__).resolve().parent.parent
ODD = ["", " ", "!!!", "🙂🙂", "ÇA GONFLE", "a" * 5000, "<script>alert(1)</script>", "мне трудно дышать",
       "hi\x00there", "b12 b12 b12 b12", "why do people get b12 injections?"]


def _rows():
    rows = read_set(ROOT / "tests" / "data" / "red_flags.tsv")
    for name in ("2026-11-25", "2026-11-25-round2", "2026-11-26-round19-languages"):
        rows += read_set(ROOT / "tests" / "redflags" / "blind" / name / "redflags_blind.tsv")
    assert len(rows) > 500 and len({label for label, _ in rows}) > 3
    return rows


@pytest.fixture(scope="module")
def topics():
    rows = _rows()
    return TopicClassifier.fit([t for _, t in rows], [label for label, _ in rows], C=150.0, word_ngrams=(1, 2)), rows


@pytest.fixture(scope="module")
def redflags():
    return RedFlagModel.fit(_rows())


def test_topic_probabilities_are_sklearns(topics):
    clf, rows = topics
    assert clf._fast is not None
    texts = [t for _, t in rows] + ODD
    fast = np.array([clf._fast.proba(t) for t in texts])
    slow = clf.model.predict_proba(texts)
    assert fast.shape == slow.shape
    assert np.abs(fast - slow).max() < 1e-9
    assert [r[0][0] for r in clf.rank_many(texts)] == [str(c) for c in clf.model.classes_[slow.argmax(axis=1)]]


def test_red_flag_probabilities_are_sklearns(redflags):
    texts = [t for _, t in _rows()] + ODD
    assert redflags._fast is not None
    fast = np.array([redflags._fast.proba(t) for t in texts])
    assert np.abs(fast - redflags.model.predict_proba(texts)).max() < 1e-9


def test_a_binary_model_is_reproduced_too():
    rows = [(("none" if label == "none" else "flag"), t) for label, t in _rows()]
    clf = TopicClassifier.fit([t for _, t in rows], [label for label, _ in rows], C=10.0)
    texts = [t for _, t in rows[:300]] + ODD
    assert np.abs(np.array([clf._fast.proba(t) for t in texts]) - clf.model.predict_proba(texts)).max() < 1e-9


def test_a_pipeline_it_cannot_reproduce_falls_back_to_sklearn():
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(CountVectorizer(), LogisticRegression()).fit(["hello there", "hi", "bye now", "goodbye"],
                                                                      ["greet", "greet", "bye", "bye"])
    assert LinearText.of(model) is None
    clf = TopicClassifier(model)
    assert clf._fast is None and clf.rank("hello")[0][0] == "greet"
