"""Grow a person mask to the whole name it stopped inside (strict profile, ``name_edges``).

SudachiPy often tags only part of a rare name: 大林/姓 芳/名 五郎/普通名詞, 徐/姓 驎,
斉藤/姓 ノヴ, ニック/人名 ターン, チャーリー/人名 ・バーン, ジョージ/人名 6世. A mask that
ends mid-name leaves the rest readable (and a rare given name is the identifying part).
These rules only *extend* an existing person span over the rest of one word — the
remainder of a kanji/katakana run up to a particle or punctuation, a katakana part
after ・／＝, a regnal number (6世), a kana given name after a tagged surname, or one
kanji before a tagged given name at a word start (桝/嘉一) — so they add few
characters outside names. Chosen on half A of the ner-ja dev split only
(benchmarks/privacy/dev_halves.py); half B is the held-out check.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable

from . import _name_lexicon as lex
from ._coref import ROLE_NOUNS
from ._tokens import Token, script_of
from ._types import Entity, EntityType

NameParts = Callable[[str], frozenset[str]]

# Kanji that end a place, organisation, work or role after a name (山田家, 田中派, 佐藤邸)
# or that are kinship/role words, never the rest of a given name.
_NOT_NAME_TAIL = frozenset(
    "県市町村区郡都府道州国駅線川山島湾港橋寺社宮城院園館家氏様君殿党軍隊団会部局課所店"
    "派流式型系製産語人族側内外上下前後中間方面戦線号版藩領郷邸宅像賞杯役作著訳編曲画展"
    "説論法病学楼亭座屋丸姓名王帝公卿侯伯等達ら父母兄姉弟妹妻夫子孫祖叔嫁婿発着便長相官技"
)
# Kanji before a given name that are a prefix or a relation, not a one-kanji surname.
_NOT_SURNAME_HEAD = frozenset("故元前現新旧亡父母兄姉弟妹妻夫子孫祖叔伯嫁婿各同当本某両次長")
_REGNAL = re.compile(r"[0-9０-９]{1,2}世|[一二三四五六七八九十]{1,3}世")
_KANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]+")
_JOINED = re.compile(r"[・＝=゠･]([\u30a1-\u30fa\u30fc]{2,}|[A-Z][a-z]{1,}\.?)")
_KATAKANA_HEADS = frozenset(h for h in lex.ORG_HEADS if script_of(h) == "katakana")


def _boundary(tokens: list[Token], j: int) -> bool:
    """A particle, copula (です), punctuation, a title/honorific or the end of the text."""
    if j >= len(tokens):
        return True
    tok = tokens[j]
    return (
        tok.pos[0] in {"助詞", "補助記号", "助動詞"}
        or tok.surface in {"他", "ほか", "など"}
        or tok.surface in lex.HONORIFICS
        or tok.surface in lex.PERSON_TITLES
        or tok.surface in ROLE_NOUNS  # 金正|恩|委員長
    )


def _name_token(tok: Token, name_parts: NameParts) -> bool:
    return tok.is_person or bool(name_parts(tok.surface))


def _kanji_tail(tokens: list[Token], j: int, name_parts: NameParts) -> int:
    """How many tokens from ``j`` finish a kanji name (0 = none): at most 2 kanji, then
    a boundary. A 2-kanji word is a tail only with a given-name reading (五郎, not 主演)."""
    taken = 0
    chars = 0
    k = j
    while k < len(tokens) and chars < 2:
        tok = tokens[k]
        surface = tok.surface
        if script_of(surface) != "kanji" or chars + len(surface) > 2 or tok.is_place:
            break
        if surface in lex.TITLES or surface in lex.PERSON_TITLES or surface in lex.HONORIFICS:
            break
        if any(ch in _NOT_NAME_TAIL for ch in surface[-1:]) and len(surface) == 1:
            break
        if len(surface) == 2 and "名" not in name_parts(surface):
            break  # 主演, 方向, 内相: a word after the name; 五郎 is a given-name entry
        chars += len(surface)
        taken += 1
        k += 1
    if taken and _boundary(tokens, j + taken):
        return taken
    return 0


def _extend_end(e: Entity, tokens: list[Token], starts: list[int], text: str, np: NameParts) -> int:
    end = e.end
    last = text[end - 1]
    j = bisect_left(starts, end)
    at_token = j < len(tokens) and tokens[j].start == end
    if end >= len(text):
        return end
    if script_of(last) == "kanji" and at_token and j > 0:
        prev = tokens[j - 1]
        if prev.end == end and script_of(prev.surface[-1]) == "kanji" and _name_token(prev, np):
            taken = _kanji_tail(tokens, j, np)
            if taken:
                return tokens[j + taken - 1].end
            # Tagged name + kana rest: 斉藤/姓 ノヴ, 桐島/姓 ココ.
            tok = tokens[j]
            if (
                prev.is_person
                and script_of(tok.surface) in {"katakana", "hiragana"}
                and 2 <= len(tok.surface) <= 4
                and tok.pos[0] == "名詞"
                # ファン, ママ are loanwords with a synonym group; ノヴ, ココ are not.
                and (not tok.synonyms or tok.oov)
                and _boundary(tokens, j + 1)
            ):
                return tok.end
        return end
    if script_of(last) == "katakana" and last not in lex.KATAKANA_JOINERS:
        run = _KANA_RUN.match(text, end)
        if run and at_token:  # ニック|ターン: the katakana word goes on
            if run.group() in _KATAKANA_HEADS:
                return end
            end = run.end()
        while True:
            joined = _JOINED.match(text, end)
            if not joined or joined.group(1) in _KATAKANA_HEADS:
                break
            end = joined.end()
        regnal = _REGNAL.match(text, end)
        if regnal:
            end = regnal.end()
        return end
    return end


def _hiragana_surname(tokens: list[Token], i: int) -> int:
    """Start of a hiragana surname before hiragana given name ``tokens[i]`` (もと|むら|みちこ
    after は): 1–2 hiragana noun pieces of 2–4 characters right after a particle or
    punctuation; ``tokens[i].start`` when there is none."""
    first = tokens[i]
    chars = 0
    k = i
    while k > 0 and i - k < 2:
        tok = tokens[k - 1]
        if tok.end != tokens[k].start or script_of(tok.surface) != "hiragana":
            break
        if tok.pos[0] not in {"名詞", "接尾辞"}:
            break
        chars += len(tok.surface)
        k -= 1
    if (
        k == i
        or not 2 <= chars <= 4
        or (k > 0 and tokens[k - 1].pos[0] not in {"助詞", "補助記号"})
    ):
        return first.start
    return tokens[k].start


def _surname_like(prev: Token) -> bool:
    """A kanji noun that can stand for an unknown surname before a tagged given name:
    one kanji that is no prefix or relation (桝), or 2–3 kanji that are no place, role,
    title or time word (東雲/朔也, 朱雀院/悠)."""
    if script_of(prev.surface) != "kanji" or prev.pos[0] != "名詞" or prev.is_place:
        return False
    if len(prev.surface) == 1:
        return prev.surface not in _NOT_SURNAME_HEAD and prev.surface not in _NOT_NAME_TAIL
    return (
        len(prev.surface) <= 3
        and prev.pos[1] != "数詞"
        and prev.pos[2] not in {"副詞可能", "助数詞可能", "サ変可能"}
        and prev.surface[-1] not in _NOT_NAME_TAIL
        and prev.surface[-1] not in "男女"  # 四女/千恵子: a kinship word
        and prev.surface not in lex.TITLES
        and prev.surface not in lex.PERSON_TITLES
        and prev.surface not in lex.HONORIFICS
        and prev.surface not in ROLE_NOUNS
    )


def _extend_start(e: Entity, tokens: list[Token], starts: list[int], np: NameParts) -> int:
    """An unknown surname before a tagged given name at a word start: 桝/嘉一, 東雲/朔也;
    a hiragana surname before a hiragana given name: もとむら/みちこ."""
    i = bisect_left(starts, e.start)
    if i >= len(tokens) or tokens[i].start != e.start or i == 0:
        return e.start
    first, prev = tokens[i], tokens[i - 1]
    if first.pos[3] == "名" and script_of(first.surface) == "hiragana":
        return _hiragana_surname(tokens, i)
    if not (
        script_of(first.surface) == "kanji"
        and first.pos[3] == "名"
        and prev.end == first.start
        and _surname_like(prev)
    ):
        return e.start
    if i >= 2:
        before = tokens[i - 2]
        if before.pos[0] not in {"助詞", "補助記号"}:
            return e.start
    return prev.start


def extend_name_edges(
    found: Iterable[Entity], tokens: list[Token], text: str, name_parts: NameParts
) -> list[Entity]:
    """Person spans grown to the name they stopped inside; other entities unchanged."""
    starts = [t.start for t in tokens]
    out: list[Entity] = []
    for e in found:
        if e.type is not EntityType.PERSON or e.end <= e.start:
            out.append(e)
            continue
        start = _extend_start(e, tokens, starts, name_parts)
        end = _extend_end(e, tokens, starts, text, name_parts)
        if (start, end) != (e.start, e.end):
            e = Entity(EntityType.PERSON, start, end, text[start:end], e.confidence, e.source)
        out.append(e)
    return out
