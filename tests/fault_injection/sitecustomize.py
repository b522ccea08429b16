"""Test-only fault injection, loaded by Python at start-up when this folder is first on PYTHONPATH
(tests/test_health.py's stuck stack). With B12_TEST_STUCK_MARKER set, the red-flag detector never
returns on a message that contains the marker: it spins in Python (the interpreter lock is released
between steps, as in a real endless loop in the component's code), so the NLU worker stays busy.
Nothing here is imported by the assistant itself."""
import os

_MARKER = os.environ.get("B12_TEST_STUCK_MARKER")

if _MARKER:
    from b12assist.safety import detector as _detector

    _detect = _detector.detect

    def detect(text, *args, **kwargs):
        if _MARKER in (text or ""):
            n = 0
            while True:
                n += 1
        return _detect(text, *args, **kwargs)

    _detector.detect = detect
