"""Regimen presets from `presets.yml` (a clinic may edit that file or point B12_PRESETS_FILE at its own).

A preset describes a plan a clinician prescribed; the assistant never picks one for a patient.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .calculator import LoadingLength, LoadingPattern, MaintenanceInterval

DEFAULT_FILE = Path(__file__).with_name("presets.yml")


@dataclass(frozen=True)
class Preset:
    key: str
    title: str
    source: str
    pattern: LoadingPattern
    length: LoadingLength
    maintenance: MaintenanceInterval | None   # None: a range; the clinician's exact choice is asked
    maintenance_note: str
    dose_mcg: int
    aliases: tuple[str, ...] = ()


def _pattern(spec: dict) -> LoadingPattern:
    kind = spec["kind"]
    return LoadingPattern(kind, days=int(spec.get("days", 0)), per_week=int(spec.get("per_week", 0)),
                          weekdays=tuple(spec.get("weekdays", ())))


def _path(path: str | os.PathLike | None) -> Path:
    return Path(path or os.environ.get("B12_PRESETS_FILE") or DEFAULT_FILE)


@lru_cache(maxsize=8)
def _read(path: str, mtime_ns: int) -> tuple[dict[str, Preset], str]:
    """The presets and the default key of one version of the file. Cached by path and
    modification time: the schedule parser asks on every message, and a clinic's edit is still
    picked up without a restart."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    presets = {}
    for key, spec in data["presets"].items():
        m = spec.get("maintenance") or {}
        maintenance = (MaintenanceInterval(months=int(m.get("months", 0)), weeks=int(m.get("weeks", 0)))
                       if m and not m.get("range") else None)
        presets[key] = Preset(
            key=key, title=spec["title"], source=spec["source"], pattern=_pattern(spec["loading"]),
            length=LoadingLength(weeks=int(spec["loading"].get("weeks", 0)),
                                 doses=int(spec["loading"].get("doses", 0))),
            maintenance=maintenance, maintenance_note=spec.get("maintenance_note", ""),
            dose_mcg=int(spec.get("dose_mcg", 1000)), aliases=tuple(a.lower() for a in spec.get("aliases", ())))
    if data.get("default") not in presets:
        raise ValueError(f"{path}: 'default' must name one of the presets")
    return presets, data["default"]


def _current(path: str | os.PathLike | None) -> tuple[dict[str, Preset], str]:
    p = _path(path)
    return _read(str(p), p.stat().st_mtime_ns)


def load_presets(path: str | os.PathLike | None = None) -> dict[str, Preset]:
    return dict(_current(path)[0])


def default_key(path: str | os.PathLike | None = None) -> str:
    return _current(path)[1]


def find_preset(text: str, presets: dict[str, Preset] | None = None) -> Preset | None:
    """The preset a patient names ("my clinic uses the BNF schedule"), longest alias first."""
    low = " ".join(text.lower().split())
    presets = presets if presets is not None else load_presets()
    candidates = [(len(alias), p) for p in presets.values() for alias in p.aliases if alias in low]
    return max(candidates, key=lambda c: c[0])[1] if candidates else None
