"""Regimen presets from `presets.yml` (a clinic may edit that file or point B12_PRESETS_FILE at its own).

A preset describes a plan a clinician prescribed; the assistant never picks one for a patient.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
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


def load_presets(path: str | os.PathLike | None = None) -> dict[str, Preset]:
    path = Path(path or os.environ.get("B12_PRESETS_FILE") or DEFAULT_FILE)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
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
    return presets


def default_key(path: str | os.PathLike | None = None) -> str:
    path = Path(path or os.environ.get("B12_PRESETS_FILE") or DEFAULT_FILE)
    return yaml.safe_load(path.read_text(encoding="utf-8"))["default"]


def find_preset(text: str, presets: dict[str, Preset] | None = None) -> Preset | None:
    """The preset a patient names ("my clinic uses the BNF schedule"), longest alias first."""
    low = " ".join(text.lower().split())
    presets = presets if presets is not None else load_presets()
    candidates = [(len(alias), p) for p in presets.values() for alias in p.aliases if alias in low]
    return max(candidates, key=lambda c: c[0])[1] if candidates else None
