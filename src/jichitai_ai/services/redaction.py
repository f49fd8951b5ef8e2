"""Personal data in residents' questions: masked for the log, removed for retrieval.

Questions are kept for improving the FAQ; personal data in them is not needed for that, so it
is replaced by placeholders (【氏名1】, 【電話番号1】 …) before the row is written. Retrieval
gets the question with that data *removed*: a name or a phone number says nothing about the
topic, and placeholders or unknown names would only make a question look off-topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jichitai_ai.privacy import Entity, EntityType, MaskingSession, detect, redact

#: Place names say what a question is about (東京から転入), so retrieval keeps them unless they
#: are part of a street address (with a number).
_TOPICAL = frozenset({EntityType.LOCATION, EntityType.SENSITIVE})
_DIGIT = re.compile(r"[0-9０-９一二三四五六七八九十丁番号]")


@dataclass(frozen=True)
class ScreenedQuestion:
    """One question seen three ways: as asked, for retrieval, and for the log."""

    original: str
    for_retrieval: str
    for_log: str
    personal_data: bool


def redact_for_log(text: str) -> str:
    """Mask personal data for storage in the question log."""
    return redact(text)


def _removable(entity: Entity) -> bool:
    if entity.type in _TOPICAL:
        return False
    if entity.type is EntityType.ADDRESS:
        return bool(_DIGIT.search(entity.text))
    return True


def screen(text: str) -> ScreenedQuestion:
    """Detect once; derive the retrieval text (personal data cut out) and the masked log text."""
    entities = detect(text)
    masked = MaskingSession().mask(text, entities).text if entities else text
    cut = sorted((e for e in entities if _removable(e)), key=lambda e: e.start)
    pieces: list[str] = []
    cursor = 0
    for e in cut:
        if e.start < cursor:
            continue
        pieces.append(text[cursor : e.start])
        pieces.append(" ")
        cursor = e.end
    pieces.append(text[cursor:])
    retrieval = re.sub(r"\s+", " ", "".join(pieces)).strip() or text
    return ScreenedQuestion(text, retrieval, masked, bool(cut))
