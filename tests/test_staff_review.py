"""The review queue on a real database with conversations written by Rasa's own SQL tracker store:
`b12-staff review` lists misunderstood messages grouped by wording, labels and skips groups (who and
when are stored), exports Rasa training data with personal details replaced, deduplicated, that
`rasa data validate` accepts; purge and forget reach the labels."""
from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml
from sqlalchemy.engine import make_url

from b12assist.review import inbox
from b12assist.staff.cli import main
from b12assist.store import review as review_store

ROOT = Path(__file__).resolve().parent.parent


def save_parsed(db_url: str, sender: str, turns: list[tuple[str, str, float]], when: float | None = None):
    """A conversation as Rasa stores it: (text, intent, confidence) per patient message; for
    nlu_fallback the ranking keeps DIET's guess below it, as the FallbackClassifier leaves it."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import BotUttered, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=url.database)
    else:
        store = SQLTrackerStore(Domain.empty(), dialect="postgresql", host=url.host, port=url.port,
                                db=url.database, username=url.username, password=url.password or "")
    when = when or time.time()
    events = []
    for i, (text, intent, confidence) in enumerate(turns):
        ranking = [{"name": intent, "confidence": confidence}]
        if intent == "nlu_fallback":
            ranking.append({"name": "ask_safety", "confidence": 0.31})
        parse = {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": [],
                 "intent_ranking": ranking}
        events.append(UserUttered(text, parse["intent"], [], parse, timestamp=when + 2 * i))
        events.append(BotUttered("(reply)", timestamp=when + 2 * i + 1))
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    store.engine.dispose()


@pytest.fixture()
def env(db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("B12_VAR_DIR", str(tmp_path))
    for name in ("B12_REVIEW_THRESHOLD", "B12_REVIEW_DAYS", "B12_TRACKER_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    if db_url.startswith("postgres"):      # one shared PostgreSQL database: start without old conversations
        from sqlalchemy import inspect, text
        from b12assist.store.db import engine_for
        engine = engine_for(db_url)
        if "events" in inspect(engine).get_table_names():
            with engine.begin() as conn:
                conn.execute(text("DELETE FROM events"))
        engine.dispose()
    return db_url


def run_cli(capsys, *argv) -> tuple[int, str]:
    rc = main(list(argv))
    captured = capsys.readouterr()
    return rc, captured.out + captured.err


def seed(url: str) -> None:
    save_parsed(url, "dog-1", [("can my dog have b12 injections", "nlu_fallback", 0.4)])
    save_parsed(url, "dog-2", [("can my dog get b12 injections?", "nlu_fallback", 0.4),
                               ("Can my dog have B12 injections", "nlu_fallback", 0.4)])
    save_parsed(url, "weather", [("what's the weather like today", "out_of_scope", 0.97)])
    save_parsed(url, "units", [("how many mcg in a mg", "ask_units", 0.96)])           # understood: not queued
    save_parsed(url, "jo", [("my name is Jo Smith, is 1000 mcg every day too much? call me on 07700 900123",
                             "ask_too_much", 0.32)])
    save_parsed(url, "joke", [("tell me a joke", "nlu_fallback", 0.4)])                # already a training example
    save_parsed(url, "old", [("can my cat have b12 injections", "nlu_fallback", 0.4)],
                when=time.time() - 20 * 86400)                                          # outside the week


def test_list_groups_similar_wording_and_leaves_understood_messages_out(env, capsys):
    seed(env)
    rc, out = run_cli(capsys, "review", "list")
    assert rc == 0, out
    lines = out.splitlines()
    assert lines[0] == "4 group(s), 6 message(s) to review"
    first = lines[2]                                                    # biggest group first
    assert "   3     2" in first and "can my dog" in first and "fallback" in first
    assert "how many mcg" not in out and "cat" not in out              # understood / older than 7 days
    assert "low confidence" in out and "out of scope" in out
    rc, out = run_cli(capsys, "review", "--days", "30")
    assert out.splitlines()[0] == "5 group(s), 7 message(s) to review"  # the cat is another question
    rc, out = run_cli(capsys, "review", "list", "--threshold", "0.2")
    assert "1000 mcg" not in out                                       # 0.32 is enough at 0.2


def test_label_skip_export_and_rasa_data_validate(env, capsys, tmp_path):
    seed(env)
    groups = inbox.groups(env, env)
    dog = next(g for g in groups if "dog" in g.texts[0])
    assert run_cli(capsys, "review", "label", dog.id, "nonsense_topic", "--by", "Nurse Jo")[0] == 2
    rc, out = run_cli(capsys, "review", "label", dog.id, "out of scope", "--by", "Nurse Jo")
    assert rc == 0 and "3 message(s) labelled out_of_scope by Nurse Jo" in out
    listed = run_cli(capsys, "review", "list")[1]
    number = next(l.split()[0] for l in listed.splitlines()[2:] if "1000 mcg" in l)
    rc, out = run_cli(capsys, "review", "label", number, "ask_too_much", "--by", "Nurse Jo")
    assert rc == 0 and "1 message(s) labelled ask_too_much" in out
    joke = next(l.split()[1] for l in run_cli(capsys, "review")[1].splitlines()[2:] if "joke" in l)
    assert run_cli(capsys, "review", "label", joke, "out_of_scope", "--by", "Sam")[0] == 0
    weather = next(l.split()[1] for l in run_cli(capsys, "review")[1].splitlines()[2:] if "weather" in l)
    rc, out = run_cli(capsys, "review", "skip", weather, "--by", "Sam")
    assert rc == 0 and "1 message(s) skipped by Sam" in out
    assert run_cli(capsys, "review")[1].strip() == "the review queue is empty"
    stored = {r.text: r for r in review_store.labels(env, include_skipped=True)}
    assert stored["what's the weather like today"].kind == "skip"
    assert stored["can my dog have b12 injections"].labelled_by == "Nurse Jo"
    assert abs((stored["tell me a joke"].labelled_at - datetime.utcnow()).total_seconds()) < 120

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    out_file = data / "nlu" / "reviewed.yml"
    rc, out = run_cli(capsys, "review", "export", "--out", str(out_file), "--new-topics", str(tmp_path / "new.yml"))
    # the three dog messages are two wordings; "tell me a joke" is already a training example
    assert rc == 0 and "3 examples in 2 topics (3 new, 2 already there" in out, out
    exported = yaml.safe_load(out_file.read_text())
    examples = {i["intent"]: i["examples"] for i in exported["nlu"]}
    assert "- can my dog have b12 injections\n" in examples["out_of_scope"]
    assert examples["ask_too_much"] == ("- my name is [name], is 1000 mcg every day too much? call me on [phone]\n")
    assert "tell me a joke" not in out_file.read_text() and "Jo" not in out_file.read_text()
    rc, out = run_cli(capsys, "review", "export", "--out", str(out_file), "--new-topics", str(tmp_path / "new.yml"))
    assert "3 examples in 2 topics (0 new" in out                     # exporting again changes nothing

    rasa = Path(sys.executable).with_name("rasa")
    done = subprocess.run([str(rasa), "data", "validate", "--domain", str(ROOT / "domain"), "--data", str(data),
                           "--config", str(ROOT / "config.yml"), "--fail-on-warnings"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_new_topic_goes_to_its_own_file(env, capsys, tmp_path):
    save_parsed(env, "travel", [("can i take my b12 pens on a plane", "nlu_fallback", 0.4)])
    rc, out = run_cli(capsys, "review", "label", "1", "new:travel", "--by", "Ana")
    assert rc == 0 and "labelled travel (new topic)" in out
    out_file, new = tmp_path / "nlu" / "reviewed.yml", tmp_path / "new-topics.yml"
    out_file.parent.mkdir()
    rc, out = run_cli(capsys, "review", "export", "--out", str(out_file), "--new-topics", str(new))
    assert "0 examples in 0 topics" in out and "new topics (not training data yet)" in out
    assert yaml.safe_load(new.read_text())["nlu"] == [{"intent": "travel",
                                                        "examples": "- can i take my b12 pens on a plane\n"}]


def test_purge_and_forget_remove_labels(env, capsys):
    save_parsed(env, "old-conv", [("is b12 vegan", "nlu_fallback", 0.4)], when=time.time() - 100 * 86400)
    save_parsed(env, "new-conv", [("do you sell b12 pens", "nlu_fallback", 0.4)])
    for g in inbox.groups(env, env, since_days=365):
        inbox.label(g, "out_of_scope", "Nurse Jo", env)
    assert len(review_store.labels(env)) == 2
    rc, out = run_cli(capsys, "purge", "--older-than", "90d", "--yes")
    assert rc == 0 and "review labels: 1" in out
    assert [r.conversation_id for r in review_store.labels(env)] == ["new-conv"]
    rc, out = run_cli(capsys, "forget", "new-conv", "--yes")
    assert "review labels: 1" in out and review_store.labels(env) == []


def test_weekly_fallback_rate_and_escalations_from_the_stores(env):
    """Four weeks of conversations in the real tracker store: the figures the staff chart draws."""
    from b12assist.review import chart
    from b12assist.store import escalations

    now = datetime.utcnow()
    # (weeks ago, messages, of which fell back, escalations)
    history = [(3, 4, 2, 2), (2, 4, 1, 1), (1, 5, 1, 0), (0, 5, 0, 1)]
    for ago, total, fell_back, escalated in history:
        when = (now - timedelta(days=7 * ago, seconds=30)).timestamp()
        turns = [("can i have wine after my injection", "nlu_fallback", 0.4)] * fell_back + \
                [("how many mcg in a mg", "ask_units", 0.97)] * (total - fell_back)
        save_parsed(env, f"week-{ago}", turns, when=when - 2 * total)
        for i in range(escalated):
            escalations.record(f"week-{ago}", "urgent", "neuro_worsening", "x", url=env,
                               created_at=datetime.utcfromtimestamp(when - i))
    weeks = inbox.weekly(env, env, weeks=4)
    assert [(w.messages, w.fallbacks, w.escalations) for w in weeks] == [(4, 2, 2), (4, 1, 1), (5, 1, 0), (5, 0, 1)]
    assert [round(w.rate, 2) for w in weeks] == [0.5, 0.25, 0.2, 0.0]
    png = chart.render_png(weeks)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    shots = ROOT / "reports" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    (shots / "review-chart-trend.png").write_bytes(png)     # an illustration from this seeded history
