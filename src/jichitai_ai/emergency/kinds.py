"""The kinds of emergency a resident's question can describe (緊急の種類)."""

from __future__ import annotations

from enum import StrEnum


class EmergencyKind(StrEnum):
    FIRE = "fire"  # 火事
    MEDICAL = "medical"  # 救急
    CRIME = "crime"  # 事件
    SUICIDE = "suicide"  # 自殺をほのめかす言葉
    DISASTER = "disaster"  # 災害
