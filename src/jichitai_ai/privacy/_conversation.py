"""One conversation, one set of people (会話全体での一貫したマスキング).

A chat request is several texts: system prompt, user and assistant turns, tool-call
arguments, tool results. A name found in one of them ("届出人 Liu Yang 様") is often written
bare in another (``{"name": "Liu Yang"}``, "越智さんあて"), where the detector has no cue.
Every surface found as personal data in any text is masked wherever else it appears.
A phone number begun in one turn and finished in the next ("090から始まって、続きは" /
"3318-2270です") is masked in both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._offices import names_an_office
from ._types import Entity, EntityType

_NOT_SPREAD = frozenset({EntityType.LOCATION, EntityType.SENSITIVE, EntityType.ID_NUMBER})
_PARTS = re.compile(r"[\s・･=＝,、]+")
_LATIN = re.compile(r"[A-Za-z0-9]")
_HIRAGANA = re.compile(r"[ぁ-ゖー]+")


def _worth_spreading(surface: str) -> bool:
    """Long enough not to hit ordinary words: 2+ kanji or katakana, 3+ hiragana or Latin."""
    if len(surface) < 2 or not any(ch.isalnum() for ch in surface):
        return False
    if _HIRAGANA.fullmatch(surface) or _LATIN.match(surface):
        return len(surface) >= 3
    return True


def _surfaces(groups: Sequence[Sequence[Entity]]) -> dict[str, EntityType]:
    found: dict[str, EntityType] = {}
    for group in groups:
        for e in group:
            if e.type in _NOT_SPREAD or e.source == "conversation":
                continue
            surface = e.text.strip()
            if _worth_spreading(surface):
                found.setdefault(surface, e.type)
            if e.type is EntityType.PERSON:
                for part in _PARTS.split(surface):
                    if _worth_spreading(part):
                        found.setdefault(part, EntityType.PERSON)
    return found


def _bounded(text: str, start: int, end: int, surface: str) -> bool:
    """A Latin or digit surface must not be part of a longer word or number."""
    if _LATIN.match(surface[0]) and start > 0 and _LATIN.match(text[start - 1]):
        return False
    return not (_LATIN.match(surface[-1]) and end < len(text) and _LATIN.match(text[end]))


def spread_across_texts(
    texts: Sequence[str], groups: Sequence[Sequence[Entity]]
) -> list[list[Entity]]:
    """``groups[i]`` (entities of ``texts[i]``) plus every other mention of a surface found
    anywhere in the conversation; overlapping spans are left to ``resolve_overlaps``."""
    surfaces = sorted(_surfaces(groups).items(), key=lambda kv: -len(kv[0]))
    out: list[list[Entity]] = []
    for text, group in zip(texts, groups, strict=True):
        taken = [(e.start, e.end) for e in group if e.type is not EntityType.SENSITIVE]
        extra: list[Entity] = []
        for surface, kind in surfaces:
            start = text.find(surface)
            while start >= 0:
                end = start + len(surface)
                free = all(end <= s or start >= e for s, e in taken)
                mention = Entity(kind, start, end, surface, 0.85, "conversation")
                # 松坂 ちとせさん（松坂屋勤務）: the surname glued to 屋, 大学, 空港 … is a body's
                # name, not another mention of the person (rt10)
                if (
                    free
                    and _bounded(text, start, end, surface)
                    and not names_an_office(mention, text)
                ):
                    extra.append(mention)
                    taken.append((start, end))
                start = text.find(surface, end)
        out.append([*group, *extra])
    return out


_PHONE_CUE = re.compile(r"電話|携帯|TEL|Tel|tel|連絡先|番号")
_PHONE_HEAD = re.compile(r"(?<![0-9])0[0-9]{1,4}(?:[-ー－ ][0-9]{1,4})?(?![0-9])")
_PHONE_TAIL = re.compile(r"^\s{0,2}([0-9]{1,4}(?:[-ー－ ][0-9]{3,4})?)(?![0-9])")


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def split_phones(texts: Sequence[str]) -> list[list[Entity]]:
    """Per text, PHONE entities of a number whose start ends one turn (after a 電話 cue, in
    its last 20 characters) and whose rest opens the next: 10 or 11 digits in all."""
    out: list[list[Entity]] = [[] for _ in texts]
    for i in range(len(texts) - 1):
        head_text, tail_text = texts[i], texts[i + 1]
        tail = _PHONE_TAIL.match(tail_text)
        if not tail or not _PHONE_CUE.search(head_text):
            continue
        heads = [m for m in _PHONE_HEAD.finditer(head_text) if m.start() >= len(head_text) - 20]
        if heads and 10 <= _digits(heads[-1].group()) + _digits(tail.group(1)) <= 11:
            head = heads[-1]
            out[i].append(
                Entity(EntityType.PHONE, head.start(), head.end(), head.group(), 0.85, "split")
            )
            s, e = tail.start(1), tail.end(1)
            out[i + 1].append(Entity(EntityType.PHONE, s, e, tail_text[s:e], 0.85, "split"))
    return out
