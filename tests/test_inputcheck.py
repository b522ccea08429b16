"""Input validation and log redaction, the pure parts (b12assist.inputcheck, b12assist.logredact)."""
from __future__ import annotations

import doctest
import logging

import pytest
from hypothesis import given, settings, strategies as st

from b12assist import inputcheck, logredact
from b12assist.inputcheck import InputError, check_request, clean_text
from b12assist.safety.detector import detect


@pytest.mark.parametrize("module", [inputcheck, logredact])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("body, code", [
    ([1], "body_not_object"), ("text", "body_not_object"), (None, "body_not_object"),
    ({"message": "hi"}, "sender_missing"), ({"sender": "", "message": "hi"}, "sender_missing"),
    ({"sender": " \x00 ", "message": "hi"}, "sender_missing"), ({"sender": None, "message": "hi"}, "sender_missing"),
    ({"sender": 7, "message": "hi"}, "sender_invalid"), ({"sender": "x" * 129, "message": "hi"}, "sender_invalid"),
    ({"sender": "a"}, "message_missing"), ({"sender": "a", "message": None}, "message_invalid"),
    ({"sender": "a", "message": 5}, "message_invalid"), ({"sender": "a", "message": ["hi"]}, "message_invalid"),
    ({"sender": "a", "message": {"text": "hi"}}, "message_invalid"),
    ({"sender": "a", "message": "hi", "metadata": "x"}, "metadata_invalid"),
    ({"sender": "a", "message": "hi", "metadata": {"message_id": ""}}, "message_id_invalid"),
    ({"sender": "a", "message": "hi", "metadata": {"message_id": "x" * 65}}, "message_id_invalid"),
    ({"sender": "a", "message": "hi", "metadata": {"message_id": "a b"}}, "message_id_invalid"),
    ({"sender": "a", "message": "hi", "metadata": {"message_id": 12}}, "message_id_invalid"),
])
def test_bad_requests_get_a_stable_code(body, code):
    with pytest.raises(InputError) as err:
        check_request(body)
    assert err.value.code == code
    assert err.value.as_json() == {"error": code, "message": inputcheck.ERRORS[code]}
    assert "{" not in code and err.value.message


def test_a_good_request():
    req = check_request({"sender": "p1", "message": "when\x00 is my\r\nnext shot?\t", "metadata": {"a": 1}})
    assert (req.sender, req.text, req.metadata) == ("p1", "when is my\nnext shot?\t", {"a": 1})
    assert req.message_id is None
    assert check_request({"sender": "p", "message": "hi", "metadata": {"message_id": "web:7f3a-01_b.2"}}).message_id \
        == "web:7f3a-01_b.2"
    assert not req.empty and not req.too_long()
    assert check_request({"sender": "p1", "message": " \x00\x07 "}).empty


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_clean_text_leaves_no_control_characters_and_is_valid_utf8(text):
    out = clean_text(text)
    assert not any(ord(c) < 32 and c not in "\n\t" for c in out)
    assert not any(0x7F <= ord(c) <= 0x9F for c in out)
    out.encode("utf-8")                      # no lone surrogates left
    assert clean_text(out) == out            # idempotent


def test_limits_come_from_the_environment(monkeypatch):
    assert inputcheck.max_message_chars() == 5000
    monkeypatch.setenv("B12_MAX_MESSAGE_CHARS", "100")
    assert inputcheck.max_message_chars() == 100
    assert check_request({"sender": "a", "message": "x" * 101}).too_long()
    monkeypatch.setenv("B12_MAX_MESSAGE_CHARS", "nonsense")
    assert inputcheck.max_message_chars() == 5000


@given(st.text(alphabet="ab \n", max_size=400), st.integers(10, 60), st.integers(0, 9))
@settings(max_examples=300, deadline=None)
def test_windows_cover_the_whole_text(text, size, overlap):
    wins = inputcheck.windows(text, size, overlap)
    assert wins[0][0] == 0 and wins[-1][1] == len(text)
    for (s1, e1), (s2, e2) in zip(wins, wins[1:]):
        assert s2 <= e1 and s2 > s1            # contiguous or overlapping, always moving on
    assert all(e - s <= size for s, e in wins)


FILLER = "I had my injection this morning and I was wondering about the schedule for the next weeks. "


def long_text(n: int, tail: str = "", head: str = "") -> str:
    body = (FILLER * (n // len(FILLER) + 1))[: n - len(tail) - len(head)]
    return head + body + tail


@pytest.mark.parametrize("n", [6_000, 100_000])
@pytest.mark.parametrize("where", ["head", "tail"])
def test_assess_long_reads_all_of_the_text(n, where):
    flag = " now my lips are swelling and I can't breathe. "
    text = long_text(n, tail=flag) if where == "tail" else long_text(n, head=flag)
    found = inputcheck.assess_long(text, detect)
    assert (found.level, found.category, found.length) == ("emergency", "swelling", n)
    assert "lips are swelling" in found.excerpt and len(found.excerpt) <= 5000


def test_assess_long_without_a_red_flag():
    found = inputcheck.assess_long(long_text(20_000), detect)
    assert found.level is None and found.excerpt == ""


def test_too_long_reply_says_how_long():
    assert inputcheck.too_long_reply(12345, 5000) == ("Your message is too long for me (12,345 characters). "
                                                     "Please send a shorter message, up to 5,000 characters.")


# ---- log redaction -----------------------------------------------------------------------------

def record(msg, *args, exc_info=None):
    return logging.LogRecord("rasa.core.channels", logging.ERROR, __file__, 1, msg, args, exc_info)


def test_registered_text_is_redacted_in_messages_args_and_tracebacks():
    secret = "Zebra-Quokka 4471 my lips tingle"
    flt = logredact.RedactMessageText()
    with logredact.registered(secret):
        try:
            raise ValueError(f"could not handle {secret!r}")
        except ValueError:
            import sys
            r = record("An exception occured while handling user message '%s'.", secret, exc_info=sys.exc_info())
        flt.filter(r)
        r2 = record('{"text": "%s"}' % secret.replace("'", "\\'"))
        flt.filter(r2)
    formatted = logging.Formatter().format(r)
    assert secret not in formatted and "Zebra" not in formatted and logredact.REDACTED in formatted
    assert "ValueError" in formatted                       # the traceback is kept, without the text
    assert secret not in r2.getMessage()
    after = record("later: %s", secret)
    flt.filter(after)
    assert secret in after.getMessage()                    # registered only while the message is handled


def test_known_text_fields_are_redacted_whatever_their_content():
    flt = logredact.RedactMessageText()
    r = record("events %s", "[UserUttered(text: hi there, intent: greet, entities: []), {'text': 'yo', 'x': 1}]")
    flt.filter(r)
    assert "hi there" not in r.getMessage() and "'yo'" not in r.getMessage() and "'x': 1" in r.getMessage()
    event = logredact.redact_event_dict(None, "debug", {"event": "processor.message.parse", "parse_data_text": "hi",
                                                         "user_message": "hi", "parse_data_intent": {"name": "greet"}})
    assert event == {"event": "processor.message.parse", "parse_data_text": logredact.REDACTED,
                     "user_message": logredact.REDACTED, "parse_data_intent": {"name": "greet"}}
