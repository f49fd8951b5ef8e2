"""The given name after a spaced surname the other rules cut short (姓と名の間の空白).

「牧 ゆかり委員」「卞 藝麟／…」「外山 俊介、…」: the surname was found (as a person, or as a
place reading that won the overlap), the space stopped the span, and the given name stayed
readable. A person span, or a place span of one to three kanji with no digit that opens a
field (after the start, a space, a colon, 、 or a bracket), grows over a space and

- one to three kanji that are not a common word with a synonym group (大学, 駅前 are not
  given names), tagged a given name when the span was a place (俊介), or
- two to four hiragana that open with a noun (ゆかり; not です, さん),

when a name's end follows: punctuation, a bracket, a slash, an honorific or a role title.
A Latin name grows over a hyphenated given name (Lin Pei-Chen).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._kana_names import katakana
from ._tokens import Token, script_of
from ._types import Entity, EntityType

NameParts = Callable[[str], frozenset[str]]
Tokenize = Callable[[str], list[Token]]

_GIVEN = re.compile(
    r"[ \u3000](?P<given>[一-鿿々]{1,3}|[ぁ-ゖ]{2,4}|[ァ-ヺ]{2,3}(?![ァ-ヺー]))"
    r"(?=[、。，,／/）)」』\n・]|さん|様|さま|氏|くん|ちゃん|委員|先生|係長|課長|主任|主事|医師|$)"
)
_HONORIFIC_KANJI = frozenset("様殿氏君方宛")  # 阿部川 敏行 様方
_HONOURED_BRACKET = tuple(h + b for h in ("さん", "様", "さま", "氏", "殿") for b in "（(")
_FIELD_START = frozenset(" \u3000:：、,（(「\n")
_LATIN_GIVEN = re.compile(r" [A-Z][a-z]{1,10}-[A-Z]?[a-z]{1,10}(?![A-Za-z])")
_LATIN = re.compile(r"[A-Za-z][A-Za-z'-]*(?: [A-Za-z][A-Za-z'-]*)*")


def _common_word(word: str, tokenize: Tokenize, name_parts: NameParts) -> bool:
    """One token, no 人名 tag, and a synonym group or no given-name reading (大学 of a place)."""
    tokens = tokenize(word)
    if len(tokens) != 1 or tokens[0].is_person:
        return False
    return tokens[0].synonyms or "名" not in name_parts(word)


def katakana_given_word(word: str, tokenize: Tokenize) -> bool:
    """Two or three katakana read as one word that has no synonym group: an old-style given
    name (トメ, カメ), not a loanword (ビル, ロビー, バス have one)."""
    tokens = tokenize(word)
    return len(tokens) == 1 and not tokens[0].synonyms and tokens[0].pos[0] == "名詞"


def _given_name(word: str, tokenize: Tokenize) -> bool:
    tokens = tokenize(word)
    return len(tokens) == 1 and tokens[0].is_person and tokens[0].pos[3] == "名"


def _grown(e: Entity, text: str, tokenize: Tokenize, name_parts: NameParts) -> Entity | None:
    if e.type is EntityType.PERSON and _LATIN.fullmatch(e.text):
        m = _LATIN_GIVEN.match(text, e.end)
        if m:
            end = m.end()
            return Entity(EntityType.PERSON, e.start, end, text[e.start : end], 0.8, "spaced")
        return None
    m = _GIVEN.match(text, e.end)
    if m is None:
        return None
    given = m.group("given")
    if given[0] in _HONORIFIC_KANJI or (
        script_of(given) == "kanji" and _common_word(given, tokenize, name_parts)
    ):
        return None
    # 王 小明 です。, 大 泉 さん、: the copula or an honorific, not a name — but a given-name
    # reading the dictionary has in katakana is one (南雲 さな・…).
    if (
        script_of(given) == "hiragana"
        and tokenize(given)[0].pos[0] != "名詞"
        and "名" not in name_parts(katakana(given))
    ):
        return None
    # 北条 タツ・: an old-style katakana given name after a found surname — one word with no
    # synonym group (田中 ビル, 渋谷 ロフト are loanwords, not names).
    if script_of(given) == "katakana" and not katakana_given_word(given, tokenize):
        return None
    if e.type is EntityType.PERSON:
        pass
    elif e.type in (EntityType.ADDRESS, EntityType.LOCATION):
        opens = e.start == 0 or text[e.start - 1] in _FIELD_START
        if not (opens and 1 <= len(e.text) <= 3 and script_of(e.text) == "kanji"):
            return None
        # ちばさん（千葉 トメ）: a bracket after an honorific restates the person — a place
        # reading opening it and a katakana given name closing it are a surname and a given name
        bracketed = (
            script_of(given) == "katakana"
            and text[: e.start].endswith(_HONOURED_BRACKET)
            and text[m.end("given") : m.end("given") + 1] in ("）", ")")
        )
        if not (_given_name(given, tokenize) or bracketed):
            return None  # 東京 大学: a place and a word, not a surname's place reading
    else:
        return None
    end = m.end("given")
    return Entity(EntityType.PERSON, e.start, end, text[e.start : end], 0.8, "spaced")


def grow_spaced_given(
    found: list[Entity], text: str, tokenize: Tokenize, name_parts: NameParts
) -> list[Entity]:
    """``found`` plus each span grown over the given name after it (see the module docstring)."""
    grown = [g for e in found if (g := _grown(e, text, tokenize, name_parts)) is not None]
    return found + grown
