"""A person's other spelling in brackets after the name (別表記).

Foreign residents' names are written twice: 탁 민재さん（卓 敏在）, 姜 旻浩（カン・ミンホ）,
옥 채린 님（玉 彩麟）. The bracket right after a found name (and its honorific) holds the same
person in another script, so it is masked with it even when its parts are ordinary words
(卓 "table"). Only bracket contents shaped like a name count: kanji in two spaced parts,
Hangul, or katakana in two parts joined by ・ or a space — not （長女）, （中2）, （96歳）
or a country （ナイジェリア）.

rt10: a register row puts the reading in the next cell, no brackets — 「ｻｶｸﾞﾁ ﾐﾅﾐ　坂口 美波」,
「坂口 美波\tサカグチ ミナミ」: a katakana pair (full- or half-width) beside a kanji person, only a
tab or a full-width space (or two spaces) between, is that person's reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from ._tokens import Token
from ._types import Entity, EntityType

_ALIAS = re.compile(
    r"(?:さん|様|さま|氏|殿|くん|ちゃん|님|씨)?[ \u3000]?[（(]"
    # （旧姓 山田）: a label and a name — other rules mask the name and the label stays
    r"(?!(?:旧姓|通称|本名|別名|旧名|愛称|略称)[ \u3000])"
    r"(?P<alias>[一-鿿]{1,2}[ \u3000][一-鿿]{1,3}"
    r"|[가-힣]{2,4}|[가-힣][ ][가-힣]{1,3}"
    r"|[ァ-ヺー]{1,8}[・ \u3000][ァ-ヺー]{1,8})[）)]"
)


_KANA_PAIR = r"(?:[ァ-ヺー]{2,8}[ \u3000][ァ-ヺー]{2,8}|[ｦ-ﾟ]{2,10}[ \u3000][ｦ-ﾟ]{2,10})"
# the detector sees canonical text, where a full-width space is a space: the row's start (a
# line, a tab, a number, a colon) or end must close the pair then
_READING_BEFORE = re.compile(rf"(?:^|(?<=[\n\t:：0-9]))[ \t]*(?P<alias>{_KANA_PAIR})[ \t]+$")
_READING_AFTER = re.compile(rf"[ \t]+(?P<alias>{_KANA_PAIR})(?=[ \t]*(?:[\n\t]|$))")
Tokenize = Callable[[str], list[Token]]


def _ordinary(words: str, tokenize: Tokenize) -> bool:
    """Every word of the pair a known common word (スポーツ クラブ), not a reading."""
    return all(
        t.synonyms and not t.oov and t.pos[1] != "固有名詞"
        for w in words.split()
        for t in tokenize(w)
    )


_KANJI = re.compile(r"[一-鿿]")


def bracketed_aliases(
    found: Iterable[Entity], text: str, tokenize: Tokenize | None = None
) -> Iterator[Entity]:
    """The other spelling in brackets right after each person, and a reading in the next cell
    of a register row (see the module docstring)."""
    for e in found:
        if e.type is not EntityType.PERSON:
            continue
        m = _ALIAS.match(text, e.end)
        if m:
            s, t = m.span("alias")
            yield Entity(EntityType.PERSON, s, t, text[s:t], 0.85, "alias")
        if tokenize is None or not _KANJI.search(e.text):
            continue
        for m in (
            _READING_BEFORE.search(text, max(0, e.start - 24), e.start),
            _READING_AFTER.match(text, e.end),
        ):
            if m and not _ordinary(m["alias"], tokenize):
                s, t = m.span("alias")
                yield Entity(EntityType.PERSON, s, t, text[s:t], 0.85, "alias")
