"""A family member's given name right after the kinship word (続柄のあとの名前).

Residents and staff name a child or a spouse by putting the name right after the kinship word
— what the sentence then says of the name is what it says of the person:

- 「息子の颯の就学通知」: a one- or two-kanji word between kinship + の and a second の (the
  cue rule of :mod:`._kana_names` reads 息子の湊斗が, not …の, where 息子の学校の is common), that the dictionary reads only as a given name and not as a common noun with a
  synonym group (息子の服の, 娘の靴が, 娘の担任が, 娘の方が stay), or that is no noun at all (颯 is listed as an
  adverb, which cannot take の);
- 「娘 りおな と息子 れお の」: a kana word between a kinship word and a particle, both spaced
  (やさしい日本語 and typed messages), not a head count (子ども ふたり の);
- 「아들 육지호이 …」: a three-syllable Hangul word (surname and given name) after a bare
  kinship word and before a particle (아들 학교가, two syllables, stays);
- 「ひろと（小2）、あさひ（小1）」: a list item before a school grade in brackets, and
  「Dmitri と Katya の兄妹」: two capitalised words joined by と before a sibling word;
- 「いずれも大門家」: a word with a surname reading glued to the suffix 家 (a family);
- 「ウシおばあが入院」: a katakana word glued before an address for an old relative or
  neighbour (おばあ, おじい, ばあちゃん, じいちゃん; Okinawan and everyday speech).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ._tokens import Token, script_of
from ._types import Entity, EntityType

NameParts = Callable[[str], frozenset[str]]

_KIN = frozenset(
    {
        "息子", "娘", "長男", "長女", "次男", "次女", "三男", "三女", "孫", "夫", "妻", "子",
        "子ども", "子供", "こども", "兄", "姉", "弟", "妹", "父", "母", "祖母", "祖父",
        "甥", "姪", "むすこ", "むすめ",
    }
)  # fmt: skip

_KIN_WORDS = "|".join(sorted(_KIN, key=len, reverse=True))
#: 娘 りおな と / 息子 れお の: spaced kana between a kinship word and a particle.
#: rt10: also after の (…さんの子 テムーレン の) and before an honorific (妻 サビナ さん).
_SPACED_KANA = re.compile(
    rf"(?:(?<=の)|(?<![一-鿿ぁ-ゖァ-ヺ]))(?:{_KIN_WORDS})[ \u3000]+"
    r"(?P<name>[ぁ-ゖ]{2,5}|[ァ-ヺー]{2,8})[ \u3000]*"
    r"(?=(?:と|の|が|は|を|も|に|です)[ \u3000一-鿿ぁ-ゖァ-ヺ]|(?:さん|ちゃん|くん|様)(?![ぁ-ゖ]{2}))"
)
_COUNTS = re.compile(r"ひとり|ふたり|.{1,3}にん|.{1,3}さい|みんな|だれ|どちら|まだ|いつも")
#: 아들 육지호이 …: a bare Korean kinship word, a full name, a particle.
_KOREAN = re.compile(
    r"(?:^|(?<=[\s.,!?]))(?:아들|딸|남편|아내|손자|손녀|어머니|아버지)[ ]"
    r"(?P<name>[가-힣]{3})(?=[이가은는을를의와과도](?:[ ,.!?]|$))"
)
#: ひろと（小2）、あさひ（小1）: a kana word opening a list item before a school grade in
#: brackets is a child's name (not a kinship word: こども（小2）; kanji: 小学生（小1）).
_GRADE = re.compile(
    r"(?:^|(?<=[、,，：:\s]))(?P<name>[ぁ-ゖー]{2,5}|[ァ-ヺー]{2,8})"
    r"[（(](?:小|中|高)[1-6１-６](?:年)?[）)]"
)
#: Dmitri と Katya の兄妹: two capitalised words joined by と before a sibling or family word.
_LATIN_SIBLINGS = re.compile(
    r"(?<![A-Za-z])(?P<name>[A-Z][a-z]{2,15}) ?(?:と|＆|&) ?(?P<name2>[A-Z][a-z]{2,15}) ?の ?"
    r"(?=兄妹|兄弟|姉妹|姉弟|きょうだい|親子|夫婦)"
)
#: rt10: 相談者 ゆきママ, ゆかりんパパ: a hiragana word glued to ママ/パパ (a parent named by the
#: child's name); not ぼくのママ (a particle ends the word), not a count (ふたりママ).
_PARENT_OF = re.compile(r"(?:^|(?<=[\s：:、，,（(「『]))(?P<name>[ぁ-ゖ]{2,5})(?=ママ|パパ)")
#: ウシおばあ, カマドおじい, ツルばあちゃん: a katakana name glued to an address for an elder.
_ELDER = re.compile(
    r"(?<![ァ-ヺー])(?P<name>[ァ-ヺ][ァ-ヺー]{1,3})(?=おばあ|おじい|ばあちゃん|じいちゃん|オバア|オジイ)"
)


def _given_after_kin(tok: Token, name_parts: NameParts) -> bool:
    if script_of(tok.surface) != "kanji" or len(tok.surface) > 2:
        return False
    if tok.pos[0] in {"副詞", "形状詞"}:
        return True
    # 凛 (only a given-name reading); not 方 (also a surname), 心 (サ変), 家 (a synonym group)
    plain = tok.pos[2] == "一般" and not tok.synonyms
    return tok.is_person or (plain and name_parts(tok.surface) == frozenset({"名"}))


def find_kin_names(tokens: list[Token], text: str, name_parts: NameParts) -> Iterator[Entity]:
    """Given names right after a kinship word (see the module docstring)."""
    for k in range(len(tokens) - 3):
        kin, no, word, after = tokens[k : k + 4]
        if (
            kin.surface in _KIN
            and no.surface == "の"
            and word.start == no.end
            and after.start == word.end
            and after.surface == "の"
            and _given_after_kin(word, name_parts)
        ):
            yield Entity(EntityType.PERSON, word.start, word.end, word.surface, 0.8, "kin")
    for k in range(len(tokens) - 1):
        word, house = tokens[k], tokens[k + 1]
        if (
            house.surface == "家"
            and house.pos[0] == "接尾辞"
            and house.start == word.end
            and not word.is_person
            and script_of(word.surface) == "kanji"
            and "姓" in name_parts(word.surface)
        ):  # いずれも大門家: a family named by a surname the dictionary also lists as a noun
            yield Entity(EntityType.PERSON, word.start, word.end, word.surface, 0.75, "kin")
    for m in _SPACED_KANA.finditer(text):
        if not _COUNTS.fullmatch(m.group("name")):
            yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), m["name"], 0.8, "kin")
    for m in _PARENT_OF.finditer(text):
        name = m["name"]
        if name[-1] not in "のがはをにともで" and not _COUNTS.fullmatch(name):
            yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), name, 0.8, "kin")
    for pattern in (_KOREAN, _ELDER):
        for m in pattern.finditer(text):
            yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), m["name"], 0.8, "kin")
    for m in _GRADE.finditer(text):
        if m["name"] not in _KIN:
            yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), m["name"], 0.8, "kin")
    for m in _LATIN_SIBLINGS.finditer(text):
        for group in ("name", "name2"):
            yield Entity(EntityType.PERSON, m.start(group), m.end(group), m[group], 0.8, "kin")
