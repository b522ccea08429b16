"""The core (b12assist outside b12assist/serve) is importable without Rasa: calculator, red-flag
detector, storage, staff tools and review run in a process where Rasa is never imported."""
from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import b12assist

ROOT = Path(__file__).resolve().parent.parent


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(b12assist.__path__, "b12assist."):
        if not info.name.startswith("b12assist.serve"):
            names.append(info.name)
    return names


def test_core_modules_never_import_rasa():
    modules = core_modules()
    assert "b12assist.safety.detector" in modules and "b12assist.schedule.calculator" in modules
    code = ("import importlib, sys\n"
            f"for name in {modules!r}:\n"
            "    importlib.import_module(name)\n"
            "bad = sorted(m for m in sys.modules if m == 'rasa' or m.startswith('rasa.'))\n"
            "print(len(bad), bad[:5])\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("0 "), out.stdout
