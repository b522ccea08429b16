"""Score one message with a fitted TF-IDF + logistic regression pipeline, fast (no Rasa in here).

scikit-learn's `predict_proba` on a single short text spends almost all its time on per-call
work (input checks, building sparse matrices, the feature union's stacking): about 5 ms for the
intent classifier and 2 ms for the learned red-flag model, on every message, on the Rasa server's
one event loop. The arithmetic itself is a few hundred dictionary look-ups and one small matrix
product. `LinearText` does exactly that arithmetic with the fitted vocabularies, IDF weights and
coefficients, and gives the same probabilities (to floating-point rounding; tests compare them
with scikit-learn's on every example of the training data).

Only the pipelines this project fits are supported: TfidfVectorizer blocks (alone or in a
FeatureUnion without weights; l2 norm, IDF on) and a multinomial (or binary) LogisticRegression.
`LinearText.of` returns None for anything else, and the caller keeps using scikit-learn.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass(frozen=True)
class _Block:
    analyzer: Callable[[str], list]
    vocabulary: dict
    idf: np.ndarray
    offset: int
    sublinear: bool


class LinearText:
    def __init__(self, blocks: list[_Block], weights: np.ndarray, intercept: np.ndarray, binary: bool) -> None:
        self._blocks = blocks
        self._weights = weights        # (features, classes), rows gathered per message
        self._intercept = intercept
        self._binary = binary

    @classmethod
    def of(cls, pipeline) -> "LinearText | None":
        """The fast scorer of a fitted pipeline, or None when it is not one this module reproduces."""
        try:
            features, lr = pipeline.steps[0][1], pipeline.steps[-1][1]
            if len(pipeline.steps) != 2:
                return None
            vectorizers = [v for _, v in features.transformer_list] if hasattr(features, "transformer_list") else [features]
            if getattr(features, "transformer_weights", None):
                return None
            multinomial = getattr(lr, "multi_class", "auto") in ("auto", "multinomial") and lr.solver != "liblinear"
            if not multinomial and len(lr.classes_) > 2:
                return None
            blocks, offset = [], 0
            for v in vectorizers:
                if type(v).__name__ != "TfidfVectorizer" or v.norm != "l2" or not v.use_idf or v.binary:
                    return None
                blocks.append(_Block(v.build_analyzer(), v.vocabulary_, np.asarray(v.idf_, dtype=float),
                                     offset, bool(v.sublinear_tf)))
                offset += len(v.vocabulary_)
            if offset != lr.coef_.shape[1]:
                return None
            return cls(blocks, np.ascontiguousarray(lr.coef_.T, dtype=float),
                       np.asarray(lr.intercept_, dtype=float), len(lr.classes_) == 2)
        except (AttributeError, IndexError, TypeError):
            return None

    def proba(self, text: str) -> np.ndarray:
        """P(class) in the order of the pipeline's `classes_`, as `predict_proba([text])[0]`."""
        indices, values = [], []
        for block in self._blocks:
            counts = Counter(j for j in map(block.vocabulary.get, block.analyzer(text)) if j is not None)
            if not counts:
                continue
            ks = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=float, count=len(counts))
            if block.sublinear:
                tf = np.log(tf) + 1.0
            w = tf * block.idf[ks]
            w /= np.sqrt(w @ w)
            indices.append(ks + block.offset)
            values.append(w)
        z = self._intercept.copy()
        if indices:
            z += np.concatenate(values) @ self._weights[np.concatenate(indices)]
        if self._binary:
            p = 1.0 / (1.0 + np.exp(-z[0]))
            return np.array([1.0 - p, p])
        z -= z.max()
        e = np.exp(z)
        return e / e.sum()
