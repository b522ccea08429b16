"""The learned red-flag classifier (b12assist/nlu/redflag_model.py) and how the red-flag component uses
it: trained here on the project's labelled development sets, asked about new wordings written for
these tests (not taken from any set)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from b12assist.nlu.redflag_model import NONE, RedFlagModel, read_set
from components.red_flag import RedFlagClassifier

ROOT = Path(__file__).resolve().parent.parent


def configured_sets() -> list[Path]:
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    step = next(s for s in config["pipeline"] if s["name"].endswith("RedFlagModelClassifier"))
    return [ROOT / p for p in step["training_sets"]]


@pytest.fixture(scope="module")
def model() -> RedFlagModel:
    """As `rasa train` builds it: the configured sets, and every NLU example that is not a red flag."""
    from b12assist.review.export import read_examples
    rows = [row for path in configured_sets() for row in read_set(path)]
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for intent, examples in read_examples(path).items():
            if not intent.startswith("red_flag_"):
                rows += [(NONE, text) for text in examples]
    return RedFlagModel.fit(rows)


def test_read_set_labels_categories_and_negatives(tmp_path):
    tsv = tmp_path / "set.tsv"
    tsv.write_text("expected\tcategory\tlang\tvoice\ttext\n"
                   "emergency\tbreathing\ten\tplain\tcan't get my breath\n"
                   "none\tnegated\ten\tplain\tno swelling at all\n"
                   "none\tbenign\ten\tplain\tsore arm\n"
                   "urgent\tneuro_worsening\ten\tplain\tfeet more numb each week\n"
                   "emergency\tswelling\ten\tplain\t\n")
    assert read_set(tsv) == [("breathing", "can't get my breath"), (NONE, "no swelling at all"),
                             (NONE, "sore arm"), ("neuro_worsening", "feet more numb each week")]


def test_no_blind_round_is_trained_on_before_it_was_scored():
    """A round is added to the training sets only after its blind score is in docs/eval/blind/."""
    reports = {p.name for p in (ROOT / "docs" / "eval" / "blind").glob("redflags-round*.md")}
    for path in configured_sets():
        name = path.parent.name
        if "-round" in name and name.split("-round")[1].isdigit() and int(name.split("-round")[1]) >= 6:
            n = name.split("-round")[1]
            assert {f"redflags-round{n}-{kind}.md" for kind in ("blind", "before", "first")} & reports, name


def test_a_model_needs_both_kinds_of_example():
    with pytest.raises(ValueError):
        RedFlagModel.fit([("breathing", "can't breathe"), ("rash", "hives everywhere")])


@pytest.mark.parametrize("text,level", [
    ("since the injection my whole mouth feels puffy and i'm struggling to swallow", "emergency"),
    ("he went grey and slumped off the chair a minute after the nurse did his jab", "emergency"),
    ("every morning this week my feet feel number than the day before and I'm tripping more", "urgent"),
    ("mi madre no puede respirar bien desde la inyeccion", "emergency"),
])
def test_new_wordings_of_red_flags(model, text, level):
    p = model.predict(text)
    assert p.probability >= 0.7 and p.level == level, p


@pytest.mark.parametrize("text", [
    "how often are the loading injections?",
    "can I swap my jabs for tablets?",
    "what would a bad allergic reaction to the shot look like?",
    "my husband had a fit once when he was a boy, nothing since",
    "my arm is a little sore where the needle went in",
])
def test_ordinary_and_tricky_messages_are_not_red_flags(model, text):
    assert model.predict(text).probability < 0.7


class _Fixed:
    """A fitted model's two attributes, with fixed probabilities: the level logic alone."""
    def __init__(self, classes, probs):
        self.classes_, self._probs = classes, probs

    def predict_proba(self, texts):
        return [self._probs]


def test_an_emergency_split_over_categories_is_not_under_triaged():
    model = RedFlagModel(_Fixed(["chest", "neuro_sudden", "neuro_worsening", "none"], [0.15, 0.35, 0.4, 0.1]))
    p = model.predict("x")
    assert (p.level, p.category) == ("emergency", "neuro_sudden") and abs(p.probability - 0.9) < 1e-9
    model = RedFlagModel(_Fixed(["chest", "neuro_sudden", "neuro_worsening", "none"], [0.1, 0.1, 0.7, 0.1]))
    assert (model.predict("x").level, model.predict("x").category) == ("urgent", "neuro_worsening")


def test_the_components_as_rasa_chains_them(tmp_path, monkeypatch):
    """Train, persist and load the learned component through Rasa's model storage, then run it and
    the red-flag component on messages, as `rasa train` and the server do."""
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from b12assist.review.queue import reason_for
    from components.red_flag_model import ATTRIBUTE, RedFlagModelClassifier

    monkeypatch.setenv("B12_EMERGENCY_NUMBER", "999")
    config = {**RedFlagModelClassifier.get_default_config(),
              "training_sets": [str(p.relative_to(ROOT)) for p in configured_sets()]}
    storage, resource = LocalModelStorage(tmp_path), Resource("red_flag_model")
    context = ExecutionContext(GraphSchema({}), "test")
    trained = RedFlagModelClassifier.create(config, storage, resource, context)
    trained.train(TrainingData([Message(data={"text": "how often are the shots at first?", "intent": "ask_loading_dose"})]))
    loaded = RedFlagModelClassifier.load(config, storage, resource, context)
    rules = RedFlagClassifier({"model_threshold": 0.7, "model_threshold_explained": 0.9})

    def run(text):
        m = Message(data={"text": text})
        m.set("intent", {"name": "ask_safety", "confidence": 0.5})
        m.set("intent_ranking", [{"name": "ask_safety", "confidence": 0.5}])
        return rules.process(loaded.process([m]))[0]

    m = run("since the injection my whole mouth feels puffy and i'm struggling to swallow")
    assert m.get(ATTRIBUTE)["probability"] >= 0.7 and m.get("intent")["name"] == "red_flag_emergency"
    assert ATTRIBUTE in m.as_dict(only_output_properties=True)            # kept in the parse data
    m = run("how long until the injections start to work?")
    assert m.get(ATTRIBUTE)["probability"] < 0.7 and m.get("intent")["name"] == "ask_safety"
    assert run("")    # empty text: no prediction, no crash
    # a message only the learned model escalates is marked, and queued for staff review
    only = Message(data={"text": "zzz"})
    only.set("intent", {"name": "ask_safety", "confidence": 0.5})
    only.set("intent_ranking", [{"name": "ask_safety", "confidence": 0.5}])
    only.set(ATTRIBUTE, {"probability": 0.93, "category": "breathing", "level": "emergency"})
    only = rules.process([only])[0]
    assert entities(only)["red_flag_source"] == "learned model"
    assert reason_for(only.as_dict(only_output_properties=True)) == "detectors disagree"


def test_a_broken_model_file_leaves_the_rules_running(tmp_path):
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource

    from components.red_flag_model import MODEL_FILE, RedFlagModelClassifier

    storage, resource = LocalModelStorage(tmp_path), Resource("red_flag_model")
    with storage.write_to(resource) as directory:
        (directory / MODEL_FILE).write_bytes(b"not a model")
    loaded = RedFlagModelClassifier.load({"training_sets": []}, storage, resource,
                                         ExecutionContext(GraphSchema({}), "test"))
    m = loaded.process([Message(data={"text": "I can't breathe"})])[0]
    assert m.get("red_flag_model") is None
    m = RedFlagClassifier({}).process([m])[0]
    assert m.get("intent")["name"] == "red_flag_emergency"        # the rules alone


def learned(text, probability, category, level):
    m = Message(data={"text": text})
    m.set("intent", {"name": "ask_safety", "confidence": 0.6})
    m.set("intent_ranking", [{"name": "ask_safety", "confidence": 0.6}])
    m.set("red_flag_model", {"probability": probability, "category": category, "level": level})
    return m


def entities(m):
    return {e["entity"]: e["value"] for e in m.get("entities")}


def test_the_component_escalates_on_the_learned_model_alone(monkeypatch):
    monkeypatch.setenv("B12_EMERGENCY_NUMBER", "999")
    component = RedFlagClassifier({"model_threshold": 0.7})
    m = component.process([learned("zzz qqq", 0.91, "neuro_worsening", "urgent")])[0]
    assert m.get("intent") == {"name": "red_flag_urgent", "confidence": 1.0}
    assert entities(m)["red_flag_category"] == "neuro_worsening"
    m = component.process([learned("zzz qqq", 0.69, "chest", "emergency")])[0]
    assert m.get("intent")["name"] == "ask_safety"                      # below the threshold: no escalation


def test_a_symptom_the_rules_found_only_in_the_past_needs_a_surer_model(monkeypatch):
    component = RedFlagClassifier({"model_threshold": 0.7, "model_threshold_explained": 0.9})
    text = "years ago I passed out having a blood test, never since"
    m = component.process([learned(text, 0.8, "fainting", "emergency")])[0]
    assert m.get("intent")["name"] != "red_flag_emergency"
    m = component.process([learned(text, 0.95, "fainting", "emergency")])[0]
    assert m.get("intent")["name"] == "red_flag_emergency"


def test_a_learned_model_sure_it_is_not_a_red_flag_overrules_the_rules(monkeypatch):
    from b12assist.review.queue import reason_for

    component = RedFlagClassifier({"model_threshold": 0.7, "model_veto_below": 0.1})
    text = "I cant breathe after my shot"                       # the rules escalate this
    m = component.process([learned(text, 0.05, "breathing", "emergency")])[0]
    assert m.get("intent")["name"] not in ("red_flag_emergency", "red_flag_urgent")
    assert entities(m)["red_flag_source"] == "learned model veto"
    assert reason_for(m.as_dict(only_output_properties=True)) == "detectors disagree"   # staff see it
    m = component.process([learned(text, 0.15, "breathing", "emergency")])[0]
    assert m.get("intent")["name"] == "red_flag_emergency"     # not sure enough: the rules' vote stands
    no_model = Message(data={"text": text})
    no_model.set("intent", {"name": "ask_safety", "confidence": 0.6})
    no_model.set("intent_ranking", [{"name": "ask_safety", "confidence": 0.6}])
    assert component.process([no_model])[0].get("intent")["name"] == "red_flag_emergency"   # no model: no veto


def test_no_veto_when_the_rules_told_an_imagined_symptom_apart_from_a_happening_one():
    """A reviewer's "what happens if I get hives, or is my slurred speech and weak arm from the jab
    too?" scored 0.03 with the learned model: the rules read "if I get hives" as imagined and the
    slurred speech after it as happening, a reading of the sentence's parts the model of the whole
    message cannot overrule. Only such a reading keeps the rules' vote; a plain one is still vetoed."""
    component = RedFlagClassifier({"model_threshold": 0.7, "model_veto_below": 0.1})
    apart = "What happens if I get hives, or is my slurred speech and weak arm from the jab too?"
    m = component.process([learned(apart, 0.03, "neuro_sudden", "emergency")])[0]
    assert m.get("intent")["name"] == "red_flag_emergency"
    plain = "I cant breathe after my shot"
    m = component.process([learned(plain, 0.03, "breathing", "emergency")])[0]
    assert m.get("intent")["name"] != "red_flag_emergency"


def test_diet_still_counts_after_a_veto():
    component = RedFlagClassifier({"model_veto_below": 0.1, "diet_threshold": 0.8})
    m = learned("I cant breathe after my shot", 0.05, "breathing", "emergency")
    m.set("intent", {"name": "red_flag_emergency", "confidence": 0.95})
    m.set("intent_ranking", [{"name": "red_flag_emergency", "confidence": 0.95}])
    assert component.process([m])[0].get("intent")["name"] == "red_flag_emergency"


def test_the_learned_model_still_counts_when_the_detector_fails(monkeypatch):
    import components.red_flag as red_flag

    def broken(text):
        raise RuntimeError("broken rule file")
    monkeypatch.setattr(red_flag, "detect", broken)
    component = RedFlagClassifier({"model_threshold": 0.7})
    m = component.process([learned("zzz qqq", 0.95, "fainting", "emergency")])[0]
    assert m.get("intent")["name"] == "red_flag_emergency" and entities(m)["red_flag_category"] == "fainting"


def test_no_veto_when_the_message_dates_it_to_now():
    """A reviewer's "hypothetical q though if somebody was fitting right now on the floor of the clinic
    waiting room ..., it's the lady next to me and nobody's come" scored 0.047 with the model retrained on
    rounds 41-48: the rules' red flag in a message that says "right now", "at the moment" or "ten minutes
    ago" is not dropped on the model's doubt; without such a time ("this morning" is too loose) it still is."""
    component = RedFlagClassifier({"model_threshold": 0.7, "model_veto_below": 0.1})
    for now in ("I cant breathe right now after my shot", "I cant breathe at the moment after my shot",
                "I cant breathe, started ten minutes ago"):
        m = component.process([learned(now, 0.03, "breathing", "emergency")])[0]
        assert m.get("intent")["name"] == "red_flag_emergency", now
    for loose in ("I cant breathe after my shot", "I cant breathe after my shot this morning"):
        m = component.process([learned(loose, 0.03, "breathing", "emergency")])[0]
        assert m.get("intent")["name"] != "red_flag_emergency", loose
