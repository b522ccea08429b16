"""Where a sentence of a message begins and ends. One rule serves every reader of the message: a
sentence ends at ".", "!" or "?" (the normalised text keeps them; commas are not sentence ends)."""
from __future__ import annotations

_ENDS = ".!?"


def sentence_start(text: str, at: int) -> int:
    """Offset where the sentence holding offset `at` begins (just after the last end before `at`)."""
    return max(text.rfind(c, 0, max(at, 0)) for c in _ENDS) + 1


def sentence_end(text: str, at: int) -> int:
    """Offset of the first sentence end at or after `at` (the text's length when there is none)."""
    return min((i for i in (text.find(c, at) for c in _ENDS) if i >= 0), default=len(text))
