"""Which patient messages the assistant did not understand, and grouping of similar wording (pure).

A user event of Rasa's tracker store goes to the review queue when its NLU result was
`nlu_fallback`, `out_of_scope`, a topic with confidence below the threshold, or a red flag that
only the intent classifier saw (the rule detector did not: the two red-flag detectors disagreed; the red-flag layer
marks this with the category "reported symptom"). Similar messages are grouped with TF-IDF (words
without stop words, weighted 3:1 with character n-grams for misspellings) and average-linkage
clustering on cosine distance, so that 40 spellings of one question are one row.

>>> reason_for({"intent": {"name": "nlu_fallback", "confidence": 0.4}}, 0.5)
'fallback'
>>> reason_for({"intent": {"name": "ask_units", "confidence": 0.31}}, 0.5)
'low confidence'
>>> reason_for({"intent": {"name": "ask_units", "confidence": 0.93}}, 0.5) is None
True
>>> reason_for({"intent": {"name": "red_flag_urgent", "confidence": 1.0},
...             "entities": [{"entity": "red_flag_category", "value": "reported symptom"}]})
'detectors disagree'
>>> reason_for({"intent": {"name": "red_flag_urgent", "confidence": 1.0},
...             "entities": [{"entity": "red_flag_category", "value": "neuro_worsening"}]}) is None
True
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone

FALLBACK = "nlu_fallback"
OUT_OF_SCOPE = "out_of_scope"
RED_FLAGS = ("red_flag_emergency", "red_flag_urgent")
DIET_ONLY = "reported symptom"       # red_flag_category when the intent classifier escalated and the rules did not
MODEL_ONLY = "learned model"        # red_flag_source when only the learned red-flag model escalated
MODEL_VETO = "learned model veto"  # red_flag_source when the learned model overruled the rules' red flag
NOT_REVIEWED = ("other_language",)   # answered on purpose (English only), nothing to learn
DEFAULT_THRESHOLD = 0.5
DEFAULT_DISTANCE = 0.7               # cosine distance under which two messages are "the same question"


@dataclass(frozen=True)
class QueuedMessage:
    key: str                 # stable id of the message (conversation, time, text)
    conversation_id: str
    time: datetime           # UTC, naive
    text: str
    predicted: str           # the model's best topic (the intent classifier's guess when it fell back)
    confidence: float
    reason: str              # fallback | out of scope | low confidence | detectors disagree


@dataclass
class Group:
    id: str                  # short, stable while the group's earliest message stays in it
    messages: list[QueuedMessage] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.messages)

    @property
    def conversations(self) -> int:
        return len({m.conversation_id for m in self.messages})

    @property
    def texts(self) -> list[str]:
        """Distinct wordings, most frequent first."""
        counts = Counter(m.text.strip() for m in self.messages)
        return [t for t, _ in counts.most_common()]

    @property
    def predicted(self) -> str:
        return Counter(m.predicted for m in self.messages).most_common(1)[0][0]

    @property
    def reasons(self) -> list[str]:
        return sorted({m.reason for m in self.messages})

    @property
    def latest(self) -> datetime:
        return max(m.time for m in self.messages)


def message_key(conversation_id: str, timestamp: float, text: str) -> str:
    raw = f"{conversation_id}\x00{timestamp:.6f}\x00{text}".encode()
    return hashlib.sha256(raw).hexdigest()[:32]


def _best_guess(parse_data: dict) -> tuple[str, float]:
    for entry in parse_data.get("intent_ranking") or []:
        if entry.get("name") and entry.get("name") != FALLBACK:
            return entry["name"], float(entry.get("confidence") or 0.0)
    intent = parse_data.get("intent") or {}
    return intent.get("name") or FALLBACK, float(intent.get("confidence") or 0.0)


def reason_for(parse_data: dict, threshold: float = DEFAULT_THRESHOLD) -> str | None:
    """Why a parsed message needs review, or None."""
    intent = parse_data.get("intent") or {}
    name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
    if name == FALLBACK:
        return "fallback"
    if name == OUT_OF_SCOPE:
        return "out of scope"
    entities = parse_data.get("entities") or []
    sources = {e.get("value") for e in entities if e.get("entity") == "red_flag_source"}
    if MODEL_VETO in sources and name not in RED_FLAGS:
        return "detectors disagree"          # the rules saw a red flag the learned model ruled out
    if name in NOT_REVIEWED:
        return None
    if name in RED_FLAGS:
        categories = {e.get("value") for e in entities if e.get("entity") == "red_flag_category"}
        return "detectors disagree" if DIET_ONLY in categories or MODEL_ONLY in sources else None
    if not name or confidence < threshold:
        return "low confidence"
    return None


def from_event(conversation_id: str, timestamp: float, data: dict,
               threshold: float = DEFAULT_THRESHOLD) -> QueuedMessage | None:
    """A tracker store `user` event as a queued message, or None when it needs no review."""
    text = (data.get("text") or "").strip()
    if not text or text.startswith("/"):          # empty, or a button payload
        return None
    parse_data = data.get("parse_data") or {}
    reason = reason_for(parse_data, threshold)
    if reason is None:
        return None
    predicted, confidence = _best_guess(parse_data)
    if reason == "detectors disagree":
        predicted, confidence = (parse_data.get("intent") or {}).get("name", predicted), 1.0
    time = datetime.fromtimestamp(timestamp, tz=timezone.utc).replace(tzinfo=None)
    return QueuedMessage(message_key(conversation_id, timestamp, text), conversation_id, time, text,
                         predicted, confidence, reason)


def normalise(text: str) -> str:
    """Lower case, single spaces, no surrounding punctuation.

    >>> normalise("  Can I  drink Alcohol?? ")
    'can i drink alcohol'
    """
    text = re.sub(r"\s+", " ", text.lower()).strip()
    return text.strip(" .,!?;:'\"")


# Words every message here shares: they say nothing about which question was asked.
DOMAIN_WORDS = {"b12", "vitamin", "injection", "injections", "shot", "shots", "jab", "jabs", "please", "hi", "hello"}
WORD_WEIGHT = 0.75   # cosine similarity = 0.75 x words (meaning) + 0.25 x character n-grams (typos)


def _vectors(texts: list[str]):
    import numpy as np
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
    from sklearn.preprocessing import normalize

    chars = normalize(TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(texts))
    try:
        words = normalize(TfidfVectorizer(analyzer="word", token_pattern=r"(?u)\b\w+\b", sublinear_tf=True,
                                          stop_words=list(ENGLISH_STOP_WORDS | DOMAIN_WORDS)).fit_transform(texts))
    except ValueError:                               # nothing but stop words in every message
        return chars
    return hstack([words * np.sqrt(WORD_WEIGHT), chars * np.sqrt(1 - WORD_WEIGHT)]).tocsr()


def _clusters(texts: list[str], distance: float) -> list[int]:
    if len(texts) == 1:
        return [0]
    from sklearn.cluster import AgglomerativeClustering

    kwargs = {"n_clusters": None, "distance_threshold": distance, "linkage": "average"}
    try:                                            # scikit-learn >= 1.2
        model = AgglomerativeClustering(metric="cosine", **kwargs)
    except TypeError:                               # 1.1 (pinned by Rasa 3.6)
        model = AgglomerativeClustering(affinity="cosine", **kwargs)
    return [int(x) for x in model.fit_predict(_vectors(texts).toarray())]


def group(messages: list[QueuedMessage], distance: float = DEFAULT_DISTANCE) -> list[Group]:
    """Similar messages together; biggest groups first, then the most recent.

    >>> from datetime import datetime
    >>> m = lambda i, t: QueuedMessage(str(i), "c", datetime(2026, 11, 20, 9, i), t, "nlu_fallback", .4, "fallback")
    >>> gs = group([m(1, "can my dog have b12"), m(2, "can my dog get b12?"), m(3, "can i have wine after my jab"),
    ...             m(4, "is it ok to have a glass of wine after my b12 shot"), m(5, "hi there")])
    >>> [(g.count, g.texts[0]) for g in gs]
    [(2, 'can i have wine after my jab'), (2, 'can my dog have b12'), (1, 'hi there')]
    """
    if not messages:
        return []
    unique = sorted({normalise(m.text) for m in messages})
    label_of = dict(zip(unique, _clusters(unique, distance)))
    by_label: dict[int, list[QueuedMessage]] = {}
    for m in messages:
        by_label.setdefault(label_of[normalise(m.text)], []).append(m)
    groups = []
    for members in by_label.values():
        members.sort(key=lambda m: (m.time, m.key))
        groups.append(Group(hashlib.sha256(members[0].key.encode()).hexdigest()[:6], members))
    groups.sort(key=lambda g: (-g.count, -g.latest.timestamp(), g.id))
    return groups


def find(groups: list[Group], ref: str) -> Group | None:
    """A group by its id, or by its number in the list (1 = first)."""
    for g in groups:
        if g.id == ref:
            return g
    if ref.isdigit() and 1 <= int(ref) <= len(groups):
        return groups[int(ref) - 1]
    return None
