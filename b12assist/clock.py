"""The assistant's "today": the real date, or B12_TODAY (ISO date) when set.

B12_TODAY pins the date the action server computes schedules against, so that a dated test set
(tests/schedule/blind/2026-11-24) stays valid on any later day. Leave it unset in production.
"""
from __future__ import annotations

import os
from datetime import date


def today() -> date:
    raw = os.environ.get("B12_TODAY", "").strip()
    if raw:
        try:
            return date.fromisoformat(raw)
        except ValueError as exc:
            raise ValueError(f"B12_TODAY must be an ISO date such as 2026-11-24, not {raw!r}") from exc
    return date.today()
