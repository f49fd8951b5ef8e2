"""Names in chat messages, spoken transcripts and やさしい日本語 that the dictionary cannot read
(red team rt2, docs/benchmarks.md §3).

Residents and staff type given names in hiragana (しおん, ゆづき, たける) — words SudachiPy reads
as plants, verbs or nothing at all. Each rule here takes a name from what the message says
*around* it, never from a list of names:

- a kana or rōmaji word before a parent word (しおんのママです, Kanade no hahaoya desu);
- a kana word opening a list line before a bracketed date (1. ゆづき（H30.10.3）);
- a kana word shaped like a verb or adjective before くん／ちゃん (たけるくんが): a verb never
  takes those; a hiragana word that only cuts into a noun and particles before です
  (こはねです);
- a hiragana word before a found hiragana given name after a space (なまえ さかきばら いつき);
- a kana word between an address and です (…一番町四丁目七番十七号 の ほしかわ です);
- a hiragana name cut inside its word (すず|か, りょう|た) grows to the word's end;
- a full date in brackets right after a person is their birthdate (ゆづき（H30.10.3）).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from ._kana_names import NOT_KANA_NAMES
from ._romaji import NOT_PERSON_WORDS, STREET
from ._tokens import Token
from ._types import Entity, EntityType

Tokenize = Callable[[str], list[Token]]

_DEMONSTRATIVES = frozenset({"これ", "それ", "あれ", "どれ", "ここ", "そこ", "あそこ", "どこ"})
_HONORIFICS = frozenset({"さん", "さま", "くん", "ちゃん", "せんせい", "どの", "し"})
_KIN_PREFIXES = ("おばあ", "おじい", "おにい", "おねえ", "おかあ", "おとう", "ござい")
#: Parts of speech a name-shaped kana word may still be read as (紫苑 しおん, 長ける たける).
_FUNCTION_POS = frozenset({"助詞", "助動詞", "接続詞", "感動詞", "代名詞", "連体詞", "副詞"})


def _not_a_name(word: str, tokenize: Tokenize) -> bool:
    """Kinship and greeting words, pronouns and one-token function words are not names."""
    if word in NOT_KANA_NAMES or word in _HONORIFICS or word.startswith(_KIN_PREFIXES):
        return True
    tokens = tokenize(word)
    # ごみ, こども, クラス: a one-token word in a synonym group is an ordinary word.
    return len(tokens) == 1 and (tokens[0].pos[0] in _FUNCTION_POS or bool(tokens[0].synonyms))


def _after_noun_no(run: str, tokenize: Tokenize) -> int:
    """こどものひなの: where the name starts after a noun + の glued in front of it (0: none)."""
    for i in range(2, len(run) - 1):
        if run[i] == "の":
            tokens = tokenize(run[:i])
            if len(tokens) == 1 and tokens[0].pos[0] == "名詞":
                return i + 1
    return 0


def _person(start: int, end: int, text: str, confidence: float = 0.8) -> Entity:
    return Entity(EntityType.PERSON, start, end, text[start:end], confidence, "chat")


_OPEN = r"(?:^|(?<=[\s「『（(、。！!？?：:]))"
_PARENT = re.compile(
    _OPEN
    + r"(?P<name>[ぁ-ゖー]{2,6}?|[ァ-ヺー]{2,6}?)(?:くん|ちゃん|さん|さま|君|様)?[ \u3000]?の[ \u3000]?"
    r"(?:ママ|パパ|母親|父親|母|父|お?かあさん|お?とうさん|お母さん|お父さん|保護者)"
)
_ROMAJI_PARENT = re.compile(
    r"(?<![A-Za-z])(?P<name>[A-Z][a-z]{2,14}(?:[ ][A-Z][a-z]{2,14})?)[ ]no[ ]"
    r"(?:hahaoya|chichioya|haha|chichi|mama|papa|okaasan|otousan|hogosha)(?![A-Za-z])"
)
# 1. ゆづき（H30.10.3）, かわせ りく（R3.1.5）: a kana word or spaced pair before a bracketed date.
_BEFORE_DATE = re.compile(
    r"(?:^|(?<=[\s「『、。：:・]))(?P<name>[ぁ-ゖー]{2,7}?(?:[ \u3000][ぁ-ゖー]{1,7}?)?"
    r"|[ァ-ヺー]{2,8}?(?:[ \u3000][ァ-ヺー]{1,8}?)?)(?:くん|ちゃん|さん|さま|君|様)?[ \u3000]?(?=[（(])"
)
# えーと、くさかべの、たくじです: a name said as "surname の、given name です" on the phone.
_SPOKEN_NAME = re.compile(
    _OPEN
    + r"(?P<surname>[ぁ-ゖー]{2,6})の[、,][ \u3000]?(?P<given>[ぁ-ゖー]{2,5})(?=です|と申します)"
)
# 「こはねです😊: a hiragana word SudachiPy can only cut into a noun and particles (こ|は|ね)
# before です — no sentence says 「こはねです」 — is a name introducing itself.
_CUT_BEFORE_DESU = re.compile(_OPEN + r"(?P<name>[ぁ-ゖー]{2,6})(?=です)")
_PARTICLES_BEFORE_DESU = frozenset("はがをにねよとのもやへさわ")
_VERB_SHAPED = re.compile(_OPEN + r"(?P<name>[ぁ-ゖー]{2,6})(?=くん|ちゃん|君)")


def find_chat_names(text: str, tokenize: Tokenize) -> Iterator[Entity]:
    """Kana names said to be names by the words around them (see the module docstring)."""
    for m in _PARENT.finditer(text):
        if not _not_a_name(m.group("name"), tokenize):
            yield _person(m.start("name"), m.end("name"), text)
    for m in _ROMAJI_PARENT.finditer(text):
        yield _person(m.start("name"), m.end("name"), text)
    for m in _BEFORE_DATE.finditer(text):
        # The date is the evidence: かなた (彼方) is a word, but not before （R1.12.1）.
        start = m.start("name") + _after_noun_no(m.group("name"), tokenize)
        words = text[start : m.end("name")].split()
        if _BRACKET_DATE.match(text, m.end()) and not any(
            w in NOT_KANA_NAMES or w in _HONORIFICS or w in _DEMONSTRATIVES for w in words
        ):
            yield _person(start, m.end("name"), text)
    for m in _SPOKEN_NAME.finditer(text):
        if not any(_not_a_name(m.group(g), tokenize) for g in ("surname", "given")):
            yield _person(m.start("surname"), m.end("surname"), text)
            yield _person(m.start("given"), m.end("given"), text)
    for m in _CUT_BEFORE_DESU.finditer(text):
        tokens = tokenize(m.group("name"))
        if (
            len(tokens) >= 2
            and tokens[0].pos[0] == "名詞"
            and all(t.pos[0] == "助詞" and t.surface in _PARTICLES_BEFORE_DESU for t in tokens[1:])
            and not _not_a_name(m.group("name"), tokenize)
        ):
            yield _person(m.start("name"), m.end("name"), text)
    for m in _VERB_SHAPED.finditer(text):
        word = m.group("name")
        tokens = tokenize(word)
        if (
            len(tokens) == 1
            and tokens[0].pos[0] in {"動詞", "形容詞"}
            and not _not_a_name(word, tokenize)
        ):
            yield _person(m.start("name"), m.end("name"), text)


_DATE = (
    r"(?:[MTSHR明大昭平令]\.?[ ]?(?:元|[0-9０-９]{1,2})[./／][0-9０-９]{1,2}[./／][0-9０-９]{1,2}"
    r"|(?:19|20)[0-9]{2}[./／-][0-9]{1,2}[./／-][0-9]{1,2}"
    r"|(?:明治|大正|昭和|平成|令和|(?:19|20)[0-9]{2})[ ]?(?:元|[0-9]{1,2})?年?[ ]?[0-9]{1,2}月[0-9]{1,2}日)"
)
_BRACKET_DATE = re.compile(
    rf"[ \u3000]?[（(][ \u3000]?(?P<date>{_DATE})[ \u3000]?(?:生まれ|生|うまれ)?[ \u3000]?[)）]"
)
_ADDRESS_NAME = re.compile(
    r"[ \u3000]?の[ \u3000]?(?P<name>[ぁ-ゖー]{2,7}|[ァ-ヺー]{2,7})[ \u3000]?"
    r"(?=です|と申します|ともうします|といいます)"
)
_SPACED_BEFORE = re.compile(r"(?:^|(?<=[\s、。：:「]))(?P<word>[ぁ-ゖー]{2,7})[ \u3000]$")
_NAME_PARTICLES = (
    "の",
    "は",
    "だ",
    "が",
    "を",
    "に",
    "と",
    "も",
    "へ",
    "や",
    "で",
    "さ",
    "く",
    "ち",
    "様",
)
_KANA_TAIL = re.compile(r"[ぁ-ゖ]{1,2}(?=[\s、。！!？?）)」』😀-🫶]|$)")


def chat_context_names(found: list[Entity], text: str, tokenize: Tokenize) -> Iterator[Entity]:
    """Names and birthdates next to what was already found (see the module docstring)."""
    for e in found:
        if e.type is EntityType.ADDRESS:
            m = _ADDRESS_NAME.match(text, e.end)
            if m and not _not_a_name(m.group("name"), tokenize):
                yield _person(m.start("name"), m.end("name"), text)
        if e.type is not EntityType.PERSON:
            continue
        m = _BRACKET_DATE.match(text, e.end)
        if m:
            s, t = m.start("date"), m.end("date")
            yield Entity(EntityType.BIRTHDATE, s, t, text[s:t], 0.85, "chat", "after a person")
        if not re.fullmatch(r"[ぁ-ゖー]+", e.text):
            continue
        before = _SPACED_BEFORE.search(text, max(0, e.start - 9), e.start)
        word = before.group("word") if before else ""
        if (
            before
            and word[-1] not in "はがをにのもへでと"
            and word not in ("なまえ", "おなまえ", "しめい")
            and not _not_a_name(word, tokenize)
        ):
            yield _person(before.start("word"), e.end, text)
        tail = _KANA_TAIL.match(text, e.end)
        if tail and not tail.group().startswith(_NAME_PARTICLES) and tail.group() != "です":
            last = tokenize(e.text + tail.group())[-1]
            if last.pos[0] != "名詞":  # りょう|た, すず|か: the name goes on
                yield replace(e, end=tail.end(), text=text[e.start : tail.end()])


# Seo-yeon Kang / 강서연, Yumi Bastos with only Yumi found: capitalised Latin words written next
# to a found name — as its other spelling after a slash, or as the rest of the name.
_LATIN_WORD = r"[A-Z][a-z'\u00c0-\u024f-]{1,20}"
_ALIAS_PAIR = re.compile(
    rf"(?:^|(?<=[\s:：]))(?P<latin>{_LATIN_WORD}(?:[ ]{_LATIN_WORD}){{1,3}})[ ]?[/／][ ]?"
    r"(?P<other>[가-힣]{2,4}|[ァ-ヺー]{2,10}(?:[・＝ ][ァ-ヺー]{2,10}){0,2}|[一-鿿]{2,4})"
    r"(?=[\s、。,，)）]|$)"
)
_ALIAS_BEFORE = re.compile(
    rf"(?:^|(?<=[\s:：]))({_LATIN_WORD}(?:[ ]{_LATIN_WORD}){{1,3}})[ ]?[/／][ ]?$"
)
_LATIN_REST = re.compile(rf"[ ]({_LATIN_WORD})(?=[ \u3000]?(?:[ぁ-ゖ一-鿿、。，,.]|$))")
_STREET_WORD = re.compile(STREET + r"|Heights|Court|Apt")


def latin_context_names(found: list[Entity], text: str) -> Iterator[Entity]:
    """Latin names written next to a found name (see the comment above), and a Latin name
    paired with its own spelling in Hangul, katakana or kanji (Min-jun Park / 박민준)."""
    for pair in _ALIAS_PAIR.finditer(text):
        if not any(w in NOT_PERSON_WORDS for w in pair.group("latin").split()):
            yield _person(pair.start("latin"), pair.end("latin"), text)
            yield _person(pair.start("other"), pair.end("other"), text)
    for e in found:
        if e.type is not EntityType.PERSON:
            continue
        m = _ALIAS_BEFORE.search(text, max(0, e.start - 60), e.start)
        if m and not any(w in NOT_PERSON_WORDS for w in m.group(1).split()):
            yield _person(m.start(1), m.end(1), text)
        rest = _LATIN_REST.match(text, e.end)
        if (
            rest
            and re.fullmatch(rf"{_LATIN_WORD}(?:[ ]{_LATIN_WORD})?", e.text)
            and rest.group(1) not in NOT_PERSON_WORDS
            and not _STREET_WORD.fullmatch(rest.group(1))
        ):
            yield _person(e.start, rest.end(1), text)


def _cut_inside_a_word(e: Entity, text: str, tokenize: Tokenize) -> bool:
    """しん|せい (申請 in やさしい日本語): a hiragana name token glued to a hiragana noun is part
    of an ordinary word; its mask hid half a word and no name."""
    if e.type is not EntityType.PERSON or not re.fullmatch(r"[ぁ-ゖー]+", e.text):
        return False
    tail = _KANA_TAIL.match(text, e.end)
    if not tail or tail.group().startswith(_NAME_PARTICLES) or tail.group() == "です":
        return False
    if e.start and re.match(r"[ぁ-ゖー]", text[e.start - 1]):
        return False
    return tokenize(e.text + tail.group())[-1].pos[0] == "名詞"


def _repeated(found: list[Entity], text: str) -> Iterator[Entity]:
    """しおんのママです！ しおん R2.4.1うまれ: a kana name found by context, written again."""
    for surface in {e.text for e in found if e.source == "chat" and e.type is EntityType.PERSON}:
        for m in re.finditer(rf"(?<![ぁ-ゖァ-ヺー]){re.escape(surface)}(?![ァ-ヺ])", text):
            yield _person(m.start(), m.end(), text)


def with_chat_names(found: Iterable[Entity], text: str, tokenize: Tokenize) -> list[Entity]:
    """``found`` plus the context names and birthdates (one pass; the caller resolves overlaps)."""
    items = [e for e in found if not _cut_inside_a_word(e, text, tokenize)]
    items += list(chat_context_names(items, text, tokenize))
    items += list(latin_context_names(items, text))
    return items + list(_repeated(items, text))
