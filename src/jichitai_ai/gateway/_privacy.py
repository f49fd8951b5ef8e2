"""Thin adapter over the personal-data library (``jichitai_ai.privacy``).

Why: the privacy package does not (yet) re-export its API from ``__init__``; the
gateway imports the few names it needs here, in one place, so switching to the
public names later is a one-file change. Detectors are not thread-safe, so each
worker thread gets its own (FastAPI runs sync endpoints in a thread pool).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable

from jichitai_ai.privacy._classify import (
    ConfidentialityClass,
    DataClassAssessment,
    assess,
)
from jichitai_ai.privacy._detector import Detector
from jichitai_ai.privacy._masking import MaskingSession
from jichitai_ai.privacy._types import MASKED_BY_DEFAULT, Entity, EntityType

__all__ = [
    "MASKED_BY_DEFAULT",
    "ConfidentialityClass",
    "DataClassAssessment",
    "Entity",
    "EntityType",
    "MaskingSession",
    "assess",
    "detect",
    "entity_counts",
    "parse_class",
]

_local = threading.local()


def _detector() -> Detector:
    detector: Detector | None = getattr(_local, "detector", None)
    if detector is None:
        detector = Detector()
        _local.detector = detector
    return detector


def detect(text: str) -> list[Entity]:
    """Entities in ``text`` (one detector per thread)."""
    return _detector().detect(text)


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
