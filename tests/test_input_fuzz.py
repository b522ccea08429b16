"""REST fuzz test: hypothesis-generated request bodies against the real Rasa server (random JSON
values, wrong types, huge strings, binary-ish bytes, HTML/script, other languages, control
characters, lone surrogates). Every answer is a 4xx with a JSON error or a 200 with at least one
reply: no 5xx, no empty 200. Prints the number of cases tried."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

pytestmark = pytest.mark.server

CASES = 400
SAMPLES = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "'; DROP TABLE events; --", "{{7*7}} ${7*7}",
    "¿Cuándo es mi próxima inyección de B12?", "J'ai mal à la tête après l'injection", "我的嘴唇肿了，不能呼吸",
    "मेरी सांस नहीं आ रही", "لا أستطيع التنفس بعد الحقنة", "Мне трудно дышать", "😀🧪💉" * 50,
    "/restart", "/red_flag_emergency", "/ask_purpose{\"x\": 1}", "/nonexistent_intent", "/", "\\u0000",
    "my lips are swelling and I can't breathe", "when is my next shot?", "\u202e\u200b\ufeff", "\ud800", "\udfff x",
]
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50)
json_values = st.recursive(json_scalars, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c,
                                                                                             max_size=4),
                           max_leaves=12)
texts = (st.text(max_size=300) | st.sampled_from(SAMPLES)
         | st.builds(lambda s, n: s * n, st.sampled_from(["a", "é ", "x" * 7 + " ", "<b>", "\x00", "\ud83d"]),
                     st.integers(1, 12_000))
         | st.builds(lambda b: b.decode("latin-1"), st.binary(max_size=200)))
senders = st.text(min_size=1, max_size=40) | json_values | st.just("") | st.just(None)
objects = st.fixed_dictionaries({}, optional={"sender": senders, "message": texts | json_values,
                                              "metadata": json_values, "input_channel": json_values})
well_formed = st.builds(lambda s, m: {"sender": "fuzz-" + s, "message": m}, st.text(
    alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=4, max_size=12), texts)


def _dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=True).encode()   # lone surrogates go over the wire as \\udXXX


# About half the cases are well-formed requests whose message is fuzzed (they reach Rasa).
_kinds = [st.builds(_dumps, well_formed), st.builds(_dumps, objects), st.builds(_dumps, json_values),
          st.binary(max_size=300), st.builds(lambda s: s.encode("utf-8", "surrogatepass"), texts)]
bodies = st.sampled_from([0, 0, 0, 0, 1, 2, 3, 4]).flatmap(lambda i: _kinds[i])

outcomes: Counter = Counter()


def post(port: int, body: bytes):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/webhooks/rest/webhook", data=body,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@settings(max_examples=CASES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(body=bodies)
def test_rest_fuzz(stack, body):
    status, raw = post(stack.rasa_port, body)
    outcomes[status // 100 * 100] += 1
    outcomes["cases"] += 1
    assert status < 500, (status, body[:200], raw[:300])
    payload = json.loads(raw)
    if status == 200:
        assert isinstance(payload, list) and payload, (body[:200], payload)
        assert all(isinstance(m, dict) and m.get("recipient_id") for m in payload)
        outcomes["200 with a reply"] += 1
    else:
        assert status in (400, 413) and payload["error"] and payload["message"], (status, payload)


def test_fuzz_report():
    """Runs after test_rest_fuzz (file order): the figures for the report."""
    if not outcomes:
        pytest.skip("the fuzz test did not run")
    print(f"\nREST fuzz: {outcomes['cases']} cases tried; 2xx {outcomes[200]} (all with a reply: "
          f"{outcomes['200 with a reply']}), 4xx {outcomes[400]}, 5xx {outcomes[500]}")
    assert outcomes[500] == 0 and outcomes["cases"] >= CASES // 2
