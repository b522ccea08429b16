"""A learned red-flag classifier: the second net under the phrase rules (no Rasa in here).

Character 2-5-gram and word 1-2-gram TF-IDF with a class-balanced logistic regression over the
red-flag categories (breathing, swelling, rash, fainting, chest, neuro_sudden, neuro_worsening, ...)
and `none`. It is trained on labelled development sets, red flags AND tricky negatives (negated,
hypothetical, questions, past episodes, mild local reactions, idioms) in seven languages, plus the
ordinary NLU examples as negatives, so that it learns what is NOT a red flag as well.

Why: the phrase rules stayed at 91-94 % recall on every new blind round, each round finding
wordings no rule knew. Trained on rounds 1-8 and tested on each left-out round, this model alone
found 95-98 % of the red flags at a 0.7 threshold with 0-1.4 % false escalations; it runs beside
the rules (either one is enough to escalate), never instead of them.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .linear_text import LinearText

NONE = "none"
URGENT_CATEGORIES = frozenset({"neuro_worsening"})
# categories of the hand-written test file that mean "not a red flag"
NEGATIVE_CATEGORIES = frozenset({"benign"})


@dataclass(frozen=True)
class Prediction:
    probability: float   # that the message is a current red flag (1 - P(none))
    category: str        # the most likely red-flag category
    level: str           # "emergency" or "urgent", from the category


def read_set(path: Path) -> list[tuple[str, str]]:
    """(label, text) rows of a red-flag TSV (`expected`, `category`, ..., `text` columns): the label
    is the red-flag category, or `none` for a message that must not be escalated."""
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            text = (row.get("text") or "").strip()
            if not text:
                continue
            expected = (row.get("expected") or NONE).strip()
            category = (row.get("category") or "").strip()
            label = NONE if expected == NONE or category in NEGATIVE_CATEGORIES or not category else category
            rows.append((label, text))
    return rows


class RedFlagModel:
    def __init__(self, model: object) -> None:
        self.model = model
        classes = [str(c) for c in model.classes_]
        self._none = classes.index(NONE)
        self._classes = classes
        self._fast = LinearText.of(model)   # the same probabilities, without sklearn's per-call cost

    @classmethod
    def fit(cls, labelled: Iterable[tuple[str, str]]) -> "RedFlagModel":
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline, make_union

        labels, texts = zip(*labelled)
        if NONE not in labels or len(set(labels)) < 2:
            raise ValueError("the red-flag model needs red flags and negatives to learn from")
        model = make_pipeline(
            make_union(
                TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
                TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
            ),
            LogisticRegression(C=10.0, max_iter=5000, class_weight="balanced"),
        )
        model.fit(list(texts), list(labels))
        return cls(model)

    def predict(self, text: str) -> Prediction:
        """The level is chosen on the summed probability of its categories (an emergency split over
        several categories must not lose to one urgent category), emergency on a tie; the category
        is the most likely one within that level."""
        probs = self._fast.proba(text) if self._fast else self.model.predict_proba([text])[0]
        by_level: dict[str, float] = {"emergency": 0.0, "urgent": 0.0}
        best: dict[str, tuple[float, str]] = {}
        for i, p in enumerate(probs):
            if i == self._none:
                continue
            category = self._classes[i]
            level = "urgent" if category in URGENT_CATEGORIES else "emergency"
            by_level[level] += float(p)
            if p > best.get(level, (-1.0, ""))[0]:
                best[level] = (float(p), category)
        level = "urgent" if by_level["urgent"] > by_level["emergency"] else "emergency"
        if level not in best:          # a model trained without any category of that level
            level = next(iter(best))
        category = best[level][1]
        return Prediction(probability=float(1.0 - probs[self._none]), category=category, level=level)

    def save(self, path: Path) -> None:
        import joblib

        joblib.dump(self.model, path)

    @classmethod
    def load(cls, path: Path) -> "RedFlagModel":
        import joblib

        return cls(joblib.load(path))
