"""Personal-data (個人情報) detection and masking for the safe gateway.

Typical use::

    from jichitai_ai.privacy import Detector, MaskingSession, assess

    detector = Detector()                      # fast mode; DetectorConfig(use_ginza=True) adds GiNZA
    entities = detector.detect(text)           # Entity(type, start, end, text, confidence, source)
    level = assess(entities)                   # minimum 自治体機密性 class, 特定個人情報 flag, persons
    session = MaskingSession()                 # one per conversation; to_json()/from_json()
    masked = session.mask(text, entities)      # 【氏名1】… ; entities may come from a reviewer
    answer = session.restore(model_answer)     # originals back, for the authorised user only

Everything runs locally; nothing is downloaded. GiNZA (``ja_ginza``) is optional.
"""

from __future__ import annotations

import threading

from ._classify import PERSON_CAP, ConfidentialityClass, DataClassAssessment, assess, count_persons
from ._detector import DEFAULT_CONFIG, Detector, DetectorConfig, resolve_overlaps
from ._ginza import available as ginza_available
from ._masking import LABELS, MaskingSession, MaskResult, normalize_surface
from ._split_numbers import scan_split_numbers
from ._types import IDENTIFIER_TYPES, MASKED_BY_DEFAULT, Entity, EntityType

__all__ = [
    "DEFAULT_CONFIG",
    "IDENTIFIER_TYPES",
    "LABELS",
    "MASKED_BY_DEFAULT",
    "PERSON_CAP",
    "ConfidentialityClass",
    "DataClassAssessment",
    "Detector",
    "DetectorConfig",
    "Entity",
    "EntityType",
    "MaskResult",
    "MaskingSession",
    "assess",
    "count_persons",
    "detect",
    "detect_message",
    "ginza_available",
    "normalize_surface",
    "redact",
    "resolve_overlaps",
]

_local = threading.local()

_DEFAULT_CONFIG = DEFAULT_CONFIG


def detect(text: str, config: DetectorConfig | None = None) -> list[Entity]:
    """Detect with a per-thread :class:`Detector` (strict profile, no GiNZA, unless
    ``config`` says otherwise); one detector per thread and config is kept."""
    detectors: dict[DetectorConfig, Detector] | None = getattr(_local, "detectors", None)
    if detectors is None:
        detectors = _local.detectors = {}
    key = config or _DEFAULT_CONFIG
    detector = detectors.get(key)
    if detector is None:
        detector = detectors[key] = Detector(key)
    result: list[Entity] = detector.detect(text)
    return result


def detect_message(text: str) -> list[Entity]:
    """:func:`detect` plus 12-digit numbers split by line breaks or punctuation (個人番号⏎1068⏎
    6249⏎6810), as the gateway checks a whole request: what a resident typed is stored."""
    split = scan_split_numbers([text])[0]
    found = detect(text)
    return resolve_overlaps(found + split) if split else found


def redact(text: str) -> str:
    """Mask ``text`` for storage (質問ログ) with a throw-away session: no restore possible.
    Uses the strict profile, like the gateway."""
    return MaskingSession().mask(text, detect_message(text)).text
