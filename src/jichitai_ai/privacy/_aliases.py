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

from ._latin_names import english_word
from ._tokens import Token
from ._types import Entity, EntityType

_ALIAS = re.compile(
    r"(?:さん|様|さま|氏|殿|くん|ちゃん|님|씨)?[ \u3000]?[（(]"
    # （旧姓 山田）: a label and a name — other rules mask the name and the label stays
    r"(?!(?:旧姓|通称|本名|別名|旧名|愛称|略称)[ \u3000])"
    r"(?P<alias>[一-鿿]{1,2}[ \u3000][一-鿿]{1,3}"
    r"|[가-힣]{2,4}|[가-힣][ ][가-힣]{1,3}"
    # rt11: up to four parts (SHRESTHA SANJAY BIKRAM（シュレスタ サンジャイ ビクラム）)
    r"|[ァ-ヺー]{1,8}(?:[・ \u3000][ァ-ヺー]{1,8}){1,3})[）)]"
)


_KANA_PAIR = r"(?:[ァ-ヺー]{2,8}[ \u3000][ァ-ヺー]{2,8}|[ｦ-ﾟ]{2,10}[ \u3000][ｦ-ﾟ]{2,10})"
# the detector sees canonical text, where a full-width space is a space: the row's start (a
# line, a tab, a number, a colon) or end must close the pair then
_READING_BEFORE = re.compile(rf"(?:^|(?<=[\n\t:：0-9]))[ \t]*(?P<alias>{_KANA_PAIR})[ \t]+$")
_READING_AFTER = re.compile(rf"[ \t]+(?P<alias>{_KANA_PAIR})(?=[ \t]*(?:[\n\t]|$))")
# rt11: the cell beside a person in katakana that holds as many words in capitals is the same
# person in rōmaji (フイン・クオック・ティエン\tHUYNH QUOC TIEN\tベトナム), as a passport or a register
# writes it; a tab must stand between, and the capitals must fill their cell.
_CAPITALS = r"[A-Z]{1,12}(?: [A-Z]{1,12}){1,3}"
_CAPITALS_AFTER = re.compile(rf"[ ]*\t[ ]*(?P<alias>{_CAPITALS})(?=[ ]*(?:[\n\t]|$))")
_CAPITALS_BEFORE = re.compile(rf"(?:^|(?<=[\n\t]))(?P<alias>{_CAPITALS})[ ]*\t[ ]*$")
_CELL_HEAD = re.compile(r"(?:^|(?<=[\n\t]))([ァ-ヺー]{1,4})・$")
_KATAKANA_NAME = re.compile(r"[ァ-ヺー]{1,12}(?:[・ ][ァ-ヺー]{1,12}){1,3}")
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
        if _KATAKANA_NAME.fullmatch(e.text):
            parts = len(re.split(r"[・ ]", e.text))
            # レ・|ホアイ・ガー: a one-syllable surname opening the cell, left out of the name
            head = _CELL_HEAD.search(text, max(0, e.start - 6), e.start)
            if head:
                parts += 1
                yield Entity(EntityType.PERSON, head.start(1), e.start - 1, head[1], 0.85, "alias")
            for m in (
                _CAPITALS_BEFORE.search(text, max(0, e.start - 40), e.start),
                _CAPITALS_AFTER.match(text, e.end),
            ):
                if m and len(m["alias"].split()) == parts:
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


#: A line that is one katakana name in parts joined by ・ (ダム・クアン・クオン).
_NAME_LINE = re.compile(r"(?m)^[ \u3000]*([ァ-ヺー]{1,10}(?:・[ァ-ヺー]{1,10}){1,3})[ \u3000]*$")


def listed_name_lines(found: Iterable[Entity], text: str, tokenize: Tokenize) -> Iterator[Entity]:
    """rt11: a roster written one name a line — a line holding only a ・-joined katakana name,
    next to a line that holds only a found person, is one more person of the list (not a line
    of ordinary loanwords: スポーツ・クラブ)."""
    people = {(e.start, e.end) for e in found if e.type is EntityType.PERSON and "\n" not in e.text}
    if not people or "・" not in text:
        return
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1

    def whole_person(i: int) -> bool:
        if not 0 <= i < len(lines):
            return False
        s, e = lines[i]
        stripped = text[s:e].strip(" \u3000")
        if not stripped:
            return False
        s += len(text[s:e]) - len(text[s:e].lstrip(" \u3000"))
        return (s, s + len(stripped)) in people

    for i, (s, e) in enumerate(lines):
        m = _NAME_LINE.fullmatch(text, s, e)
        if not m or not (whole_person(i - 1) or whole_person(i + 1)):
            continue
        if not _ordinary(m[1].replace("・", " "), tokenize):
            yield Entity(EntityType.PERSON, m.start(1), m.end(1), m[1], 0.85, "listed")


_CAPITALS_CELL = re.compile(rf"[ ]*(?P<name>{_CAPITALS})[ ]*")


def capitals_in_dated_rows(found: Iterable[Entity], text: str) -> Iterator[Entity]:
    """rt11: a pasted row (cells split by tabs) holding a birthdate and a cell of two to four
    words in capitals, not all of them English words, is a register row: the capitals are the
    person's name as a passport writes it (PHAM DIEU HOA⇥1996/4/12⇥技能実習)."""
    if "\t" not in text:
        return
    seen: set[int] = set()
    for e in found:
        if e.type is not EntityType.BIRTHDATE:
            continue
        start = text.rfind("\n", 0, e.start) + 1
        end = text.find("\n", e.end)
        end = len(text) if end < 0 else end
        if start in seen or "\t" not in text[start:end]:
            continue
        seen.add(start)
        pos = start
        for cell in text[start:end].split("\t"):
            m = _CAPITALS_CELL.fullmatch(cell)
            if m and not all(english_word(w) for w in m["name"].split()):
                s = pos + m.start("name")
                yield Entity(EntityType.PERSON, s, s + len(m["name"]), m["name"], 0.85, "row")
            pos += len(cell) + 1
