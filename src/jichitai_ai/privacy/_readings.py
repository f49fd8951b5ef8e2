"""Names as forms, PDFs and records lay them out: readings in brackets (髙橋（たかはし）一郎,
鄺 美蘭（こう みらん）, 祁 雅婷（キ・ガテイ／Qi Yating）), a ふりがな line of a form, a name
wrapped by a line break before its honorific (櫻⏎庭氏), a one-kanji Chinese or Korean surname
spaced from a found given name (滕 梓萱) and repeated with another given name (鄺 志偉).

Each rule starts from a name already found or from a form label, so ordinary words in
brackets (住民票（じゅうみんひょう）) stay readable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ._tokens import Token
from ._types import Entity, EntityType

Tokenize = Callable[[str], list[Token]]
NameParts = Callable[[str], frozenset[str]]

_KANJI = "一-鿿々\U00020000-\U0002ffff"
_HONORIFIC = r"(?:さん|様|さま|氏|殿|くん|君|ちゃん)"
#: What a bracket after a name may hold besides its reading: kin and role words.
_NOT_READING = re.compile(
    r"^(?:長男|長女|次男|次女|三男|三女|夫|妻|母|父|本人|代理人|男性|女性|旧姓.*|通称.*|本名.*"
    r"|ちょうなん|ちょうじょ|むすこ|むすめ|おっと|つま|はは|ちち|ほんにん|おとこ|おんな)$"
)
_KANA_PART = re.compile(r"[ぁ-ゖァ-ヺー・･ \u3000]{2,24}")
_LATIN_PART = re.compile(r"[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){0,3}")
_HANGUL_PART = re.compile(r"[가-힣]{1,2} ?[가-힣]{1,3}")


def _part_spans(text: str, open_at: int) -> Iterator[tuple[int, int]]:
    """Spans of the reading-like parts of the bracket opening at ``open_at``."""
    close = text.find("）" if text[open_at] == "（" else ")", open_at + 1, open_at + 42)
    if close < 0:
        return
    cursor = open_at + 1
    for piece in re.split(r"([／/、,，])", text[open_at + 1 : close]):
        if piece in ("／", "/", "、", ",", "，"):
            cursor += len(piece)
            continue
        core = piece.strip(" \u3000")
        start = cursor + piece.find(core) if core else cursor
        cursor += len(piece)
        if not core or any(ch.isdigit() for ch in core):
            break  # （3年1組）: what follows a number is not a reading
        if _NOT_READING.match(core):
            continue
        if any(p.fullmatch(core) for p in (_KANA_PART, _LATIN_PART, _HANGUL_PART)):
            yield start, start + len(core)


def _ordinary_word(part: str, tokenize: Tokenize, name_parts: NameParts) -> bool:
    """（きょうだい）, （おとこのこ）: every word of a kana part is one dictionary word with no
    name reading — an ordinary word, not a reading."""
    for word in re.split(r"[ \u3000・･]+", part.strip()):
        tokens = tokenize(word)
        if len(tokens) != 1 or tokens[0].oov or tokens[0].is_proper or name_parts(word):
            return False
    return True


def bracketed_readings(
    found: list[Entity],
    text: str,
    places: set[tuple[int, int]],
    tokenize: Tokenize,
    name_parts: NameParts,
) -> Iterator[Entity]:
    """The reading or other spelling in brackets right after a found name (honorific between
    allowed): 溝呂木 颯汰くん（みぞろぎ そうた、3年1組）, 祁 雅婷（キ・ガテイ／Qi Yating）.
    ``places`` are the spans of place and country words: （ミャンマー） says where from."""
    for e in found:
        if e.type is not EntityType.PERSON:
            continue
        m = re.compile(rf"{_HONORIFIC}?(?=[（(])").match(text, e.end)
        if not m:
            continue
        for start, end in _part_spans(text, m.end()):
            if (start, end) in places:
                continue
            if _KANA_PART.fullmatch(text[start:end]) and _ordinary_word(
                text[start:end], tokenize, name_parts
            ):
                continue
            yield Entity(EntityType.PERSON, start, end, text[start:end], 0.9, "reading")


# 𣘺本（はしもと）瑛士さん, 魯（ノ）ソンヒです: surname, its reading in brackets, the given name.
_SPLIT_BY_READING = re.compile(
    rf"(?<![{_KANJI}])([{_KANJI}]{{1,4}})[（(]([ぁ-ゖァ-ヺー]{{1,10}})[）)]"
    rf"([{_KANJI}]{{1,4}}|[ァ-ヺー]{{2,8}})(?=[ \u3000]?(?:{_HONORIFIC}|です|と申|と言|といい))"
)
_NOT_SURNAME = frozenset("市区町村県都府道国課係局省庁園校館所署")


def split_by_reading(text: str, name_parts: NameParts) -> Iterator[Entity]:
    for m in _SPLIT_BY_READING.finditer(text):
        surname, given = m.group(1), m.group(3)
        if surname[-1] in _NOT_SURNAME:
            continue
        if len(surname) > 1 and "姓" not in name_parts(surname):
            continue
        if given[0] >= "ァ" or "名" in name_parts(given) or len(surname) == 1:
            for g in (1, 2, 3):
                yield Entity(EntityType.PERSON, m.start(g), m.end(g), m.group(g), 0.9, "reading")


# A ふりがな line of a form, the label spaced from the value (ふりがな　こもりや ことね), or a
# ふりがな field among others on one line, closed by a space (the full-width one is folded to
# it) or a tab before the next label (氏名 佐治 ことは　ふりがな さじ ことは　生年月日 …).
_FURIGANA_LINE = re.compile(
    r"(?:^|\n|(?<=[ \u3000\t]))[ \u3000]*(?:ふりがな|フリガナ|よみがな|ヨミガナ|ﾌﾘｶﾞﾅ|ｶﾅ|カナ氏名|氏名カナ)"
    r"[ \u3000]*[:：]?[ \u3000]*"
    r"([ぁ-ゖァ-ヺｦ-ﾟー]{1,12}(?:[ \u3000]{1,2}[ぁ-ゖァ-ヺｦ-ﾟー]{1,12}){0,2})"
    r"(?:[ \u3000]*(?=\n|$)|(?=[ \u3000\t]+[一-鿿]))"
)

# 櫻⏎庭氏: a name cut by the line break of a PDF column, before its honorific.
_WRAPPED = re.compile(
    rf"(?<![{_KANJI}])([{_KANJI}]{{1,2}})[ \u3000]*\n[ \u3000]*([{_KANJI}]{{1,3}})(?={_HONORIFIC})"
)


def form_and_layout_names(text: str, name_parts: NameParts) -> Iterator[Entity]:
    for m in _FURIGANA_LINE.finditer(text):
        yield Entity(EntityType.PERSON, m.start(1), m.end(1), m.group(1), 0.9, "furigana")
    if "\n" in text:
        for m in _WRAPPED.finditer(text):
            joined = m.group(1) + m.group(2)
            if len(m.group(1)) == 1 or name_parts(joined) or name_parts(m.group(1)):
                yield Entity(EntityType.PERSON, m.start(), m.end(), m.group(), 0.85, "wrapped")
    yield from split_by_reading(text, name_parts)


#: Single kanji that stand before a name without being its surname (故 山田, 夫 一郎).
_NOT_ONE_KANJI_SURNAME = frozenset(
    "故亡夫妻母父兄姉弟妹子孫祖叔伯宛同元前新旧各全計甲乙他例続名姓氏号番殿様君長次時分日月年"
)


def one_kanji_surnames(found: list[Entity], text: str) -> Iterator[Entity]:
    """滕 梓萱, 祁 雅婷: a one-kanji surname spaced from a found given name, and the same
    surname again with another given name (鄺 美蘭 … 鄺 志偉さん)."""
    surnames: set[str] = set()
    for e in found:
        if e.type is not EntityType.PERSON:
            continue
        m = re.match(rf"([{_KANJI}])[ \u3000][{_KANJI}]{{1,3}}$", e.text)
        if m:
            surnames.add(m.group(1))
            continue
        if not re.fullmatch(rf"[{_KANJI}]{{1,3}}", e.text) or e.start < 2:
            continue
        space, head = text[e.start - 1], text[e.start - 2]
        before = text[e.start - 3] if e.start >= 3 else " "
        if (
            space in " \u3000"
            and re.match(rf"[{_KANJI}]", head)
            and head not in _NOT_ONE_KANJI_SURNAME
            and not re.match(rf"[{_KANJI}ぁ-ゖァ-ヺ0-9０-９A-Za-z]", before)
        ):
            surnames.add(head)
            start = e.start - 2
            yield Entity(
                EntityType.PERSON, start, e.end, text[start : e.end], 0.85, "one-kanji surname"
            )
    for surname in surnames:
        pattern = re.compile(
            rf"(?<![{_KANJI}]){re.escape(surname)}[ \u3000]((?:(?![様殿氏君])[{_KANJI}]){{1,3}})(?={_HONORIFIC}|[、。，,）)])"
        )
        for m in pattern.finditer(text):
            yield Entity(
                EntityType.PERSON, m.start(), m.end(), m.group(), 0.85, "one-kanji surname"
            )
