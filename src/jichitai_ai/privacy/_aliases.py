"""A person's other spelling in brackets after the name (別表記).

Foreign residents' names are written twice: 탁 민재さん（卓 敏在）, 姜 旻浩（カン・ミンホ）,
옥 채린 님（玉 彩麟）. The bracket right after a found name (and its honorific) holds the same
person in another script, so it is masked with it even when its parts are ordinary words
(卓 "table"). Only bracket contents shaped like a name count: kanji in two spaced parts,
Hangul, or katakana in two parts joined by ・ or a space — not （長女）, （中2）, （96歳）
or a country （ナイジェリア）.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ._types import Entity, EntityType

_ALIAS = re.compile(
    r"(?:さん|様|さま|氏|殿|くん|ちゃん|님|씨)?[ \u3000]?[（(]"
    # （旧姓 山田）: a label and a name — other rules mask the name and the label stays
    r"(?!(?:旧姓|通称|本名|別名|旧名|愛称|略称)[ \u3000])"
    r"(?P<alias>[一-鿿]{1,2}[ \u3000][一-鿿]{1,3}"
    r"|[가-힣]{2,4}|[가-힣][ ][가-힣]{1,3}"
    r"|[ァ-ヺー]{1,8}[・ \u3000][ァ-ヺー]{1,8})[）)]"
)


def bracketed_aliases(found: Iterable[Entity], text: str) -> Iterator[Entity]:
    """The other spelling in brackets right after each person (see the module docstring)."""
    for e in found:
        if e.type is not EntityType.PERSON:
            continue
        m = _ALIAS.match(text, e.end)
        if m:
            s, t = m.span("alias")
            yield Entity(EntityType.PERSON, s, t, text[s:t], 0.85, "alias")
