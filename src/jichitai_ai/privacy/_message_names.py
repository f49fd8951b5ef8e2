"""Names and addresses residents write in English, Chinese and Korean messages in the shapes
the other rules miss: I'm + name before a comma, a child named by a parent (Haruto's father),
a signature after a dash, a hangul name in brackets or spaced after
이름은; an English address after "I live at"; a block number spaced from its town (ひかり町
３－４－１２) and 丁目 + 番 without 号. rt11: the name line under a mail's signature rule, a Latin
name opening a message before です, self-introductions in Vietnamese, Portuguese, Spanish, Tagalog
and romanised Nepali, a town and its block in two cells of a pasted row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._foreign_scripts import _KOREAN_SURNAMES
from ._latin_names import english_word
from ._romaji import latin_base
from ._types import Entity, EntityType

_CAP = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
#: Capitalised words that follow "I'm" or "This is" without being a name.
_NOT_NAME = frozenset(
    [
        "The",
        "A",
        "An",
        "Not",
        "Here",
        "Sorry",
        "Looking",
        "Trying",
        "Writing",
        "Calling",
        "Japanese",
        "Chinese",
        "Korean",
        "English",
        "Vietnamese",
        "Filipino",
        "Nepali",
        "City",
        "Ward",
        "Office",
        "Hall",
        "Town",
        "Village",
        "Aoba",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
    ]
)
_SELF = re.compile(
    rf"(?<![A-Za-z])(?:I'm|I’m|I am|[Mm]y name is|[Tt]his is)\s+({_CAP}(?: {_CAP}){{0,3}})(?=\s?[,.;!?]|\s(?:and|from|here|speaking)\b)"
)
#: Self-introductions in residents' languages, read on the text without accents (Tôi tên là Đặng
#: Thị Mỹ Duyên → ten la Dang …, rt11): Vietnamese, Portuguese, Spanish, Tagalog, Nepali.
_SELF_ABROAD = re.compile(
    r"(?<![A-Za-z])(?:[Tt]en (?:toi |cua toi )?la|[Mm]eu nome e|[Mm]e chamo|[Mm]e llamo"
    r"|[Mm]i nombre es|[Pp]angalan ko (?:po )?ay|[Mm]ero naam)"
    rf"\s+({_CAP}(?: {_CAP}){{0,4}})(?![A-Za-z])"
)
#: Mariel Torres です。: a Latin name opening a message or a line before です / と申します (rt11)
_LATIN_DESU = re.compile(
    rf"(?:^|(?<=[\n「『：:]))({_CAP}(?: {_CAP}){{1,2}})[ ]?(?:です|と申します|といいます|と言います)"
)
#: --⏎湊川 大地⏎…: the line right after a mail's signature rule, a kanji surname and a given
#: name with a space between, is the sender (rt11); an office line (青葉市 市民課) is not.
_SIGNED_LINE = re.compile(
    r"(?:^|\n)[ \u3000]*(?:-- ?|[-―━─_＿=＝*＊]{3,})[ \u3000]*\n[ \u3000]*"
    r"([一-鿿々]{1,4}[ \u3000][一-鿿々ぁ-ゖァ-ヺ]{1,4})[ \u3000]*(?=\n|$)"
)
_OFFICE_END = frozenset("市町村区県都府道課部係室局所館園校社店院会班")
_KIN = (
    r"father|mother|dad|mum|mom|parent|parents|son|daughter|wife|husband|brother|sister"
    r"|grandmother|grandfather|grandma|grandpa|guardian|child|kid|baby"
)
_POSSESSIVE = re.compile(rf"(?<![A-Za-z])({_CAP})['’]s\s+(?:{_KIN})\b")
_SIGNATURE = re.compile(rf"[—–―]\s?({_CAP}(?: {_CAP}){{1,2}})(?=\s?[,.]|\s*$)")
#: …about the fee. — Sushila: one word signing off after a sentence and a dash, at the end.
_SIGNATURE_ONE = re.compile(rf"[.!?)]\s+[—–―]\s?({_CAP})\s*$")
#: Room 1402, 7-1-1 Minatomirai: a room, a block number and a town, the English order.
_ROOM_ADDRESS = re.compile(
    r"(?<![A-Za-z])(?:Room|Rm\.?|Apt\.?|Apartment|Flat|Unit|Suite)\s?#?[0-9]{1,5}[A-Za-z]?,\s?"
    r"[0-9]{1,4}(?:-[0-9]{1,4}){1,3},?\s[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*"
)

_HANGUL_BRACKET = re.compile(r"[(（]([가-힣])[ \u3000]?([가-힣]{1,2})[)）]")
_HANGUL_INTRO = re.compile(
    r"(?:이름은|이름이|저는)[ \u3000]?([가-힣])[ \u3000]([가-힣]{1,2})[ \u3000]?(?=입니다|이에요|예요|이고|라고)"
)
#: 우리 아이 전 도하 는 …: a spaced surname and given name after a child or spouse word.
_HANGUL_KIN = re.compile(
    r"(?:우리 아이|아이|딸|아들|남편|아내|어머니|아버지)[ \u3000]([가-힣])[ \u3000]([가-힣]{1,2})"
    # 남편 탁 민재 와 …: a 와/과/하고/랑 list or an object (를/을/에게) as well as a subject
    r"[ \u3000]?(?=는|은|가|이|의|입니다|이에요|예요|와|과|하고|랑|를|을|에게|도)"
)

_LIVE_AT = re.compile(
    r"(?<![A-Za-z])(?:I live at|I live in|living at|reside at|staying at|my address is|moved to)\s+"
    # …Wakakusadai, my name is …: a new clause after a comma ends the address too (rt11)
    r"([^.?!\n]{4,80}?[0-9][^.?!\n]{0,60}?)(?=[.?!](?:\s|$)|,\s?(?:my|I|and|but|please)\b|\n|$)",
    re.IGNORECASE,
)
_BLOCK = r"(?![0０])[0-9０-９]{1,4}(?:[-－ー‐−][0-9０-９]{1,4}){1,3}"
# a tab too: a town and its block in two cells of a pasted row (富士見町⇥2-14-6, rt11)
_SPACED_BLOCK = re.compile(
    rf"[ \u3000\t]{{1,2}}{_BLOCK}(?![0-9０-９])(?:[ \u3000]?[0-9０-９]{{1,2}}[FＦ階])?"
)
_SPACED_TOWN_BLOCK = re.compile(
    rf"[ \u3000]{{1,2}}[一-鿿ァ-ヺヶケ々ー]{{1,6}}{_SPACED_BLOCK.pattern}"
)
#: さくら町 ２－９－５: a town word (kana or kanji + 町・村・丁目) spaced from its block.
_TOWN_SPACED_BLOCK = re.compile(
    rf"[一-鿿ぁ-ゖァ-ヺー]{{1,8}}(?:町|村|丁目)[ \u3000\t]{{1,2}}{_BLOCK}(?![0-9０-９])"
)
_CLAUSE_PARTICLE = re.compile(r"(?:から|まで|より|には|では|を|は)(?=[一-鿿ァ-ヺ])")
_CHOME_BAN = re.compile(
    r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})丁目[ \u3000]?[0-9０-９]{1,4}番(?:地)?(?![号0-9０-９])"
)


def _person(m: re.Match[str], group: int, source: str) -> Entity:
    return Entity(EntityType.PERSON, m.start(group), m.end(group), m.group(group), 0.85, source)


def message_names(text: str) -> Iterator[Entity]:
    for m in _SIGNED_LINE.finditer(text):
        if not any(part[-1] in _OFFICE_END for part in m.group(1).split()):
            # surer than a place reading of the surname (湊川 as a town)
            yield Entity(EntityType.PERSON, m.start(1), m.end(1), m.group(1), 0.9, "signature")
    if re.search("[A-Za-z]", text):
        for m in _SELF.finditer(text):
            if not set(m.group(1).split()) & _NOT_NAME:
                yield _person(m, 1, "self-introduction")
        for m in _SELF_ABROAD.finditer(latin_base(text)):
            if not set(m.group(1).split()) & _NOT_NAME:
                s, e = m.span(1)
                yield Entity(EntityType.PERSON, s, e, text[s:e], 0.85, "self-introduction")
        for m in _LATIN_DESU.finditer(text):
            words = m.group(1).split()
            if not set(words) & _NOT_NAME and not all(english_word(w) for w in words):
                yield _person(m, 1, "self-introduction")
        for m in _SIGNATURE.finditer(text):
            if not set(m.group(1).split()) & _NOT_NAME:
                yield _person(m, 1, "signature")
        for m in _POSSESSIVE.finditer(text):
            if m.group(1) in _NOT_NAME:
                continue
            yield _person(m, 1, "named by kin")
            for again in re.finditer(rf"(?<![A-Za-z]){re.escape(m.group(1))}(?![a-z])", text):
                yield _person(again, 0, "named by kin")
        for m in _LIVE_AT.finditer(text):
            yield Entity(EntityType.ADDRESS, m.start(1), m.end(1), m.group(1), 0.85, "lives at")
        for m in _ROOM_ADDRESS.finditer(text):
            yield Entity(EntityType.ADDRESS, m.start(), m.end(), m.group(), 0.85, "room")
        for m in _SIGNATURE_ONE.finditer(text):
            if m.group(1) not in _NOT_NAME and not english_word(m.group(1)):
                yield _person(m, 1, "signature")
    if re.search("[가-힣]", text):
        for pattern in (_HANGUL_BRACKET, _HANGUL_INTRO, _HANGUL_KIN):
            for m in pattern.finditer(text):
                if m.group(1) in _KOREAN_SURNAMES:
                    yield Entity(
                        EntityType.PERSON,
                        m.start(1),
                        m.end(2),
                        text[m.start(1) : m.end(2)],
                        0.85,
                        "hangul",
                    )


_NUMBERS = frozenset({EntityType.POSTAL_CODE, EntityType.PHONE})


def spaced_blocks(found: list[Entity], text: str) -> Iterator[Entity]:
    """ひかり町 ３－４－１２ ひかりハイツ: a block number spaced from the town found before it
    belongs to the address; 三丁目12番 (no 号) too."""
    numbers = [(n.start, n.end) for n in found if n.type in _NUMBERS]
    for e in found:
        town_only = e.type is EntityType.ADDRESS and not any(c.isdigit() for c in e.text)
        if e.type is not EntityType.LOCATION and not town_only:
            continue  # an address has its block already; what follows it is something else
        # 南区 桜台 ３－７－２２: one more spaced town word may stand before the block
        m = _SPACED_BLOCK.match(text, e.end) or _SPACED_TOWN_BLOCK.match(text, e.end)
        # Yokohama 220-0012: a postal code or phone after the town is no block; taking it
        # in made the address lose to the postal code, and the whole address went unmasked
        if m and not any(s < m.end() and m.start() < t for s, t in numbers):
            yield Entity(
                EntityType.ADDRESS, e.start, m.end(), text[e.start : m.end()], 0.9, "spaced block"
            )
    for m in _TOWN_SPACED_BLOCK.finditer(text):
        # 一颯が来月から柳町 3-5-8: the town starts after the last から／まで／より／を／は
        cut = list(_CLAUSE_PARTICLE.finditer(text, m.start(), m.end()))
        start = cut[-1].end() if cut else m.start()
        yield Entity(
            EntityType.ADDRESS, start, m.end(), text[start : m.end()], 0.85, "spaced block"
        )
    if "丁目" in text:
        for m in _CHOME_BAN.finditer(text):
            yield Entity(EntityType.ADDRESS, m.start(), m.end(), m.group(), 0.85, "丁目番")
