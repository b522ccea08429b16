"""Several questions in one message: split the message into questions and name each one's topic.

    >>> split_questions("how often are the first shots? and how soon will i feel better")
    ['how often are the first shots?', 'how soon will i feel better']

`TopicClassifier` is a small character n-gram model (scikit-learn) trained on the same NLU
examples as DIET; it reads one question at a time. Pure Python, no Rasa: the NLU component in
`components/several_questions.py` is a thin adapter over it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_Q = (r"(?:what|what's|whats|how|when|why|which|who|where|can|could|do|does|did|is|are|should|will|"
      r"would|shall|may|might|must|whether|any|anything|also|and)")
_Q_STRICT = (r"(?:what|what's|whats|how|when|why|which|who|where|can|could|do|does|did|is|are|should|"
             r"will|would|shall|may|might|must|whether)")
_SPLIT = re.compile(
    r"(?<=\?)\s*"                                                  # after a question mark
    r"|\s*(?:\n|;)+\s*"                                            # new line or semicolon
    r"|(?<=[.!])\s+(?=" + _Q + r"\b)"                              # a sentence that starts a question
    r"|,?\s+(?:and also|and|also|plus|oh and|btw|as well as that)\s+(?=" + _Q_STRICT + r"\b)",
    re.IGNORECASE)
_LEAD = re.compile(r"^(?:and also|and|also|plus|oh and|btw)\s+", re.IGNORECASE)
MIN_WORDS = 3
MAX_QUESTIONS = 3


def split_questions(text: str | None) -> list[str]:
    """The questions of a message, in order; fragments shorter than three words are dropped."""
    if not text or not isinstance(text, str):
        return []
    parts = [_LEAD.sub("", p.strip(" ,.!")) for p in _SPLIT.split(text[:2000]) if p]
    return [p for p in parts if len(p.split()) >= MIN_WORDS]


@dataclass
class TopicClassifier:
    """Character n-gram TF-IDF + logistic regression over the NLU intents."""
    model: object

    @classmethod
    def fit(cls, texts: list[str], labels: list[str]) -> "TopicClassifier":
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        model = make_pipeline(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True),
            LogisticRegression(C=20.0, max_iter=3000),
        )
        model.fit(texts, labels)
        return cls(model)

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        if not texts:
            return []
        probs = self.model.predict_proba(texts)
        classes = self.model.classes_
        return [(str(classes[row.argmax()]), float(row.max())) for row in probs]

    def save(self, path: Path) -> None:
        import joblib

        joblib.dump(self.model, path)

    @classmethod
    def load(cls, path: Path) -> "TopicClassifier":
        import joblib

        return cls(joblib.load(path))


def topics_of(text: str, classifier: TopicClassifier, allowed: set[str], threshold: float) -> list[str]:
    """The distinct answerable topics of a message with at least two questions, in the order asked;
    empty unless at least two confident, different topics are found."""
    questions = split_questions(text)
    if len(questions) < 2:
        return []
    found: list[str] = []
    for name, prob in classifier.predict(questions):
        if name in allowed and prob >= threshold and name not in found:
            found.append(name)
    return found[:MAX_QUESTIONS] if len(found) >= 2 else []
