"""The kinds of emergency a resident's question can describe (緊急の種類)."""

from __future__ import annotations

import re
from enum import StrEnum


class EmergencyKind(StrEnum):
    FIRE = "fire"  # 火事
    MEDICAL = "medical"  # 救急
    CRIME = "crime"  # 事件
    SUICIDE = "suicide"  # 自殺をほのめかす言葉
    DISASTER = "disaster"  # 災害


def compile_by_kind(
    patterns: dict[EmergencyKind, list[str]],
) -> dict[EmergencyKind, re.Pattern[str]]:
    """One case-insensitive alternation per kind, so each kind costs one search."""
    return {
        kind: re.compile("|".join(f"(?:{p})" for p in alternatives), re.IGNORECASE)
        for kind, alternatives in patterns.items()
    }
