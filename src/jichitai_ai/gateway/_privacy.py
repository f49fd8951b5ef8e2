"""The few names the gateway uses from ``jichitai_ai.privacy``, plus class helpers.

One import point keeps the dependency on the detection library narrow.
``privacy.detect`` uses one detector per thread (detectors are not thread-safe and
FastAPI runs sync endpoints in a thread pool).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from jichitai_ai.privacy import (
    MASKED_BY_DEFAULT,
    ConfidentialityClass,
    DataClassAssessment,
    Entity,
    EntityType,
    MaskingSession,
    assess,
    detect,
    detect_message,
    normalize_surface,
    resolve_overlaps,
)
from jichitai_ai.privacy._split_numbers import scan_encoded, scan_split_numbers

__all__ = [
    "MASKED_BY_DEFAULT",
    "ConfidentialityClass",
    "DataClassAssessment",
    "Entity",
    "EntityType",
    "MaskingSession",
    "assess",
    "detect",
    "detect_message",
    "entity_counts",
    "normalize_surface",
    "parse_class",
    "resolve_overlaps",
    "scan_encoded",
    "scan_split_numbers",
]


def entity_counts(entities: Iterable[Entity]) -> dict[str, int]:
    """Types and counts only — what the audit log may keep (never the surfaces)."""
    return dict(sorted(Counter(e.type.value for e in entities).items()))


def parse_class(value: str | ConfidentialityClass | None) -> ConfidentialityClass | None:
    """'3a', '３Ａ', 3 … → a class; ``None`` stays ``None``; anything else is a ValueError."""
    if value is None or isinstance(value, ConfidentialityClass):
        return value
    import unicodedata

    text = unicodedata.normalize("NFKC", str(value)).strip().upper()
    if text == "":
        return None
    return ConfidentialityClass(text)


def stricter(a: ConfidentialityClass, b: ConfidentialityClass) -> ConfidentialityClass:
    return a if a.rank >= b.rank else b
