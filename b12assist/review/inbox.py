"""The review queue over the real stores (thin adapter): misunderstood messages from Rasa's tracker
store, minus those staff already labelled or skipped (project database), grouped; labelling; export
to data/nlu/reviewed.yml; the weekly figures for the chart."""
from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from b12assist import settings
from b12assist.settings import PROJECT_ROOT
from b12assist.staff import transcripts
from b12assist.store import escalations
from b12assist.store import review as labels_store

from . import export as exporter
from . import queue, stats, topics

DOMAIN = PROJECT_ROOT / "domain"
NLU_DIR = PROJECT_ROOT / "data" / "nlu"
HELD_OUT = PROJECT_ROOT / "tests" / "nlu"
REVIEWED = NLU_DIR / "reviewed.yml"
NEW_TOPICS = PROJECT_ROOT / "docs" / "new-topics.yml"


def tracker_url() -> str:
    """Rasa's conversations: B12_TRACKER_DATABASE_URL, else where `make run` puts them."""
    return os.environ.get("B12_TRACKER_DATABASE_URL") or settings.load().tracker_db_url


def threshold() -> float:
    """B12_REVIEW_THRESHOLD (default 0.5): topics predicted with less confidence are reviewed."""
    return float(os.environ.get("B12_REVIEW_THRESHOLD") or queue.DEFAULT_THRESHOLD)


def days() -> int:
    """B12_REVIEW_DAYS (default 7): how far back the queue looks."""
    return int(os.environ.get("B12_REVIEW_DAYS") or 7)


def pending(tracker_url: str, db_url: str, since_days: int | None = None, min_confidence: float | None = None,
            now: datetime | None = None) -> list[queue.QueuedMessage]:
    since = (now or datetime.utcnow()) - timedelta(days=since_days if since_days is not None else days())
    cut = threshold() if min_confidence is None else min_confidence
    done = labels_store.labelled_keys(db_url)
    out = []
    for conversation, ts, data in transcripts.user_events(tracker_url, since):
        m = queue.from_event(conversation, ts, data, cut)
        if m is not None and m.key not in done:
            out.append(m)
    return out


def groups(tracker_url: str, db_url: str, **kwargs) -> list[queue.Group]:
    return queue.group(pending(tracker_url, db_url, **kwargs))


def choices(domain_dir: Path = DOMAIN) -> list[str]:
    return topics.choices(domain_dir)


def label(group: queue.Group, topic_text: str, by: str, db_url: str, only_keys: set[str] | None = None,
          domain_dir: Path = DOMAIN) -> tuple[str, str, int]:
    """Label a group's messages (those in `only_keys` when given: what the labeller saw).
    `topic_text` is an intent, "out_of_scope", "new:NAME" or "skip". Returns (kind, topic, count)."""
    messages = [m for m in group.messages if only_keys is None or m.key in only_keys]
    if topic_text.strip().lower() == "skip":
        kind, topic = "skip", None
    else:
        kind, topic = topics.parse(topic_text, topics.choices(domain_dir))
    return kind, topic or "", labels_store.label(messages, kind, topic, by, url=db_url)


def export(db_url: str, out: Path = REVIEWED, new_topics: Path = NEW_TOPICS, nlu_dir: Path = NLU_DIR,
           held_out_dir: Path = HELD_OUT) -> exporter.Result:
    """Write every label to `out` (Rasa NLU YAML) and new topics to `new_topics`, merged with what
    those files already hold."""
    out, new_topics = Path(out), Path(new_topics)
    others = [p for p in sorted(Path(nlu_dir).glob("*.yml")) if p.resolve() != out.resolve()]
    training = exporter.index(others)
    held = set(exporter.index(sorted(Path(held_out_dir).glob("*.yml")))) if Path(held_out_dir).exists() else set()
    previous = exporter.read_examples(out) if out.exists() else {}
    previous_new = exporter.read_examples(new_topics) if new_topics.exists() else {}
    rows = [(r.kind, r.topic, r.text) for r in labels_store.labels(db_url)]
    result = exporter.build(rows, training, held, previous, previous_new)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(exporter.render(result.examples), encoding="utf-8")
    if result.new_topics:
        new_topics.parent.mkdir(parents=True, exist_ok=True)
        new_topics.write_text(exporter.render(result.new_topics, exporter.NEW_TOPICS_HEADER), encoding="utf-8")
    return result


def weekly(tracker_url: str, db_url: str, weeks: int = 8, now: datetime | None = None) -> list[stats.Week]:
    now = now or datetime.utcnow()
    since = datetime.combine(stats.monday(now.date()) - timedelta(weeks=weeks - 1), datetime.min.time())
    messages = []
    for _conversation, ts, data in transcripts.user_events(tracker_url, since):
        text = (data.get("text") or "").strip()
        if text and not text.startswith("/"):
            intent = ((data.get("parse_data") or {}).get("intent") or {}).get("name") or ""
            messages.append((datetime.utcfromtimestamp(ts), intent))
    esc = [r.created_at for r in escalations.list_escalations(since=since, url=db_url)]
    return stats.weekly(messages, esc, weeks, now)
