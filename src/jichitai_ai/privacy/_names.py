"""Person-name (氏名) detection from SudachiPy tokens plus context cues.

Signals, strongest first:
- a label such as 氏名:／申請者: followed by name-like tokens;
- an honorific after a proper noun or unknown word (様, さん, 氏, 君, ちゃん, 殿, 先生);
- SudachiPy 固有名詞-人名 (姓/名) tokens, merged when adjacent (田中 + 太郎) and across
  katakana joiners (ジョン・スミス);
- a katakana run joined by ・／＝ to a 人名 token (foreign names).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import _name_lexicon as lex
from ._cues import FORM_LABEL
from ._thing_contexts import used_as_thing
from ._tokens import Token, script_of
from ._types import Entity, EntityType


def _org_head(token: Token) -> bool:
    """Does ``token`` end with an organisation head? A katakana head must be the whole
    word: ビル ends モランビル, a surname, not a building."""
    surface = token.surface
    if script_of(surface) == "katakana":
        return surface in _KATAKANA_HEADS
    return surface.endswith(lex.ORG_HEADS)


_KATAKANA_HEADS = frozenset(h for h in lex.ORG_HEADS if script_of(h) == "katakana")


def _in_compound(tokens: list[Token], i: int, j: int) -> bool:
    """True when a name run is glued to an organisation or facility head
    (清水合金製作所, ニクソン政権, カウフマン・スタジアム) or is a quoted title
    (「ロッド・スチュワート」): then it names that, not a person."""
    before = tokens[j - 1]
    glued = (
        before.surface not in lex.JOINERS
        and script_of(before.surface) == "katakana"
        and before.end == tokens[j].start
    )
    if j > i and _org_head(tokens[j]) and not tokens[j].is_person and not glued:
        return True  # カウフマン・スタジアム, but not ロング+ストリート of a surname
    if (
        i > 0
        and j + 1 < len(tokens)
        and tokens[i - 1].surface in lex.OPEN_QUOTES
        and tokens[j + 1].surface in lex.CLOSE_QUOTES
    ):
        return True
    end = tokens[j].end
    for nxt in tokens[j + 1 : j + 4]:
        if nxt.start != end or not nxt.is_noun or nxt.surface in lex.TITLES or nxt.is_person:
            return False
        if _org_head(nxt):
            return True
        end = nxt.end
    return False


def prefixed_title(tokens: list[Token], j: int) -> bool:
    """前／元／故 … then a person title right after token ``j`` (朴槿恵|前|大統領)."""
    if j + 2 >= len(tokens) or tokens[j + 1].surface not in lex.TITLE_PREFIXES:
        return False
    title = tokens[j + 2]
    glued = tokens[j + 1].start == tokens[j].end and title.start == tokens[j + 1].end
    return glued and (title.surface in lex.PERSON_TITLES or title.surface in lex.TITLES)


def _full_name(tokens: list[Token], i: int, j: int) -> bool:
    """A 姓 token then a 名 token (山本|五十六): a person even when an organisation word
    follows (山本五十六連合艦隊司令長官, 近衛文麿内閣) — unless the run is quoted (a title)."""
    kinds = [t.pos[3] for t in tokens[i : j + 1]]
    quoted = (
        i > 0
        and j + 1 < len(tokens)
        and tokens[i - 1].surface in lex.OPEN_QUOTES
        and tokens[j + 1].surface in lex.CLOSE_QUOTES
    )
    return "姓" in kinds and "名" in kinds[kinds.index("姓") + 1 :] and not quoted


def _name_like(token: Token) -> bool:
    if token.surface in lex.NOT_NAMES or token.surface in lex.LABELS:
        return False
    script = script_of(token.surface)
    if token.is_person:
        return True
    if script == "hiragana" or not token.is_noun:
        return False
    if token.pos[1] in {"数詞", "助動詞語幹"}:
        return False
    return token.is_proper or token.oov or (script == "katakana" and len(token.surface) >= 2)


def _katakana_part(token: Token) -> bool:
    if len(token.surface) == 1 and "A" <= token.surface.upper() <= "Z":
        return True  # an initial: D・H・ヒル
    return (
        token.is_noun
        and script_of(token.surface) == "katakana"
        and (token.is_person or token.oov or token.is_common_noun or token.is_proper)
    )


def _person(
    tokens: list[Token], first: int, last: int, text: str, confidence: float, source: str
) -> Entity:
    start, end = tokens[first].start, tokens[last].end
    return Entity(EntityType.PERSON, start, end, text[start:end], confidence, source)


def _given_name(tokens: list[Token], k: int) -> bool:
    """Could tokens[k] be a given name after a surname and a space (太郎, 亮, さくら)?"""
    tok = tokens[k]
    if tok.is_person:
        return True
    if (
        not tok.is_noun
        or tok.pos[1] == "数詞"
        or tok.surface in lex.TITLES
        or tok.surface in lex.NOT_NAMES
    ):
        return False
    if len(tok.surface) > 3 or script_of(tok.surface) not in {"kanji", "hiragana", "katakana"}:
        return False
    return k + 1 >= len(tokens) or not tokens[k + 1].is_noun


#: The most tokens one name run grows over. The longest names written with ・ or spaces
#: (ジョン・ロナルド・ルーエル・トールキン) are a dozen tokens; 「山 田」 repeated was one run to the
#: end of the text, grown afresh from each of its tokens: quadratic CPU, and one name per token
#: each as long as the rest of the run (40,000 characters held 1.1 GB; red team H7-6, hr8).
MAX_RUN_TOKENS = 32


def _extend_name_run(tokens: list[Token], i: int, j: int) -> tuple[int, int]:
    """Grow [i, j] over adjacent 人名 tokens and ・-joined katakana parts (at most
    :data:`MAX_RUN_TOKENS` in all)."""
    while i > 0 and j - i < MAX_RUN_TOKENS:
        prev = tokens[i - 1]
        if prev.is_person and prev.end == tokens[i].start:
            i -= 1
        elif (
            i > 1
            and prev.surface in lex.JOINERS
            and prev.surface.strip()
            and script_of(tokens[i - 2].surface) == "katakana"
            and tokens[i - 2].is_noun
        ):
            i -= 2
        else:
            break
    while j + 1 < len(tokens) and j - i < MAX_RUN_TOKENS:
        nxt = tokens[j + 1]
        if nxt.is_person and nxt.start == tokens[j].end and nxt.surface not in lex.HONORIFICS:
            j += 1
        elif (
            j + 2 < len(tokens)
            and nxt.surface in {" ", "　"}
            and tokens[j].is_person
            and tokens[j].pos[3] == "姓"
            and _given_name(tokens, j + 2)
        ):
            j += 2  # 山田 太郎 / 林 亮: surname, space, given name
        elif (
            j + 2 < len(tokens)
            and nxt.surface in lex.JOINERS
            and nxt.surface.strip()
            and script_of(tokens[j + 2].surface) == "katakana"
            and tokens[j + 2].is_noun
        ):
            j += 2
        elif (
            j > i
            and tokens[j - 1].surface in lex.KATAKANA_JOINERS
            and nxt.start == tokens[j].end
            and nxt.is_noun
            and script_of(nxt.surface) == "katakana"
            and script_of(tokens[j].surface) == "katakana"
        ):
            j += 1  # ジェイムズ・ロング|ストリート: a surname SudachiPy cut in two
        else:
            break
    return i, j


def find_persons(tokens: list[Token], text: str) -> Iterator[Entity]:
    """Yield person spans; overlapping spans are resolved by the caller."""
    n = len(tokens)
    for k, tok in enumerate(tokens):
        # 1. 人名 part-of-speech runs.
        if tok.is_person and (
            k == 0 or not tokens[k - 1].is_person or tokens[k - 1].end != tok.start
        ):
            i, j = _extend_name_run(tokens, k, k)
            confidence = 0.85 if j > i else 0.75
            nxt = tokens[j + 1].surface if j + 1 < n else ""
            if nxt in lex.HONORIFICS:
                confidence = 0.97
            # SudachiPy tags "Phone" as 人名: alone, a Latin form label (Phone:, Email:) is not one.
            label = i == j and tok.surface.isascii() and FORM_LABEL.fullmatch(tok.surface)
            if not label and (not _in_compound(tokens, i, j) or _full_name(tokens, i, j)):
                yield _person(tokens, i, j, text, confidence, "sudachi")
        # 1b. Foreign names: katakana parts joined by ・／＝ (エルッキ・リーカネン).
        if (
            _katakana_part(tok)
            and (
                k == 0
                or tokens[k - 1].surface not in lex.JOINERS
                or not tokens[k - 1].surface.strip()
            )
            and k + 2 < n
            and tokens[k + 1].surface in lex.KATAKANA_JOINERS
            and _katakana_part(tokens[k + 2])
        ):
            j = k + 2
            while (
                j + 2 < n
                and tokens[j + 1].surface in lex.KATAKANA_JOINERS
                and _katakana_part(tokens[j + 2])
            ):
                j += 2
            quoted = k > 0 and tokens[k - 1].surface in {"「", "『", "“", '"'}
            parts = tokens[k : j + 1 : 2]
            namey = any(p.is_person or p.oov for p in parts)
            if namey and not quoted and not _in_compound(tokens, k, j):
                # Above a place reading of one part (ヴィトゥス・ベーリング, not ベーリング海峡).
                # A place first (イタリア・チェラスオーロ) is a place name, not a person.
                later_place = not parts[0].is_place and any(p.is_place for p in parts[1:])
                confidence = 0.82 if later_place else 0.7
                yield _person(tokens, k, j, text, confidence, "katakana")
        # 1c. An unknown katakana word as a subject or object (ティクヴァは / ビジオが):
        # in running text these are mostly foreign names.
        if (
            tok.oov
            and script_of(tok.surface) == "katakana"
            and len(tok.surface) >= 3
            and k + 1 < n
            and tokens[k + 1].surface in lex.SUBJECT_PARTICLES
            and (k == 0 or tokens[k - 1].surface not in lex.KATAKANA_JOINERS)
            and not used_as_thing(tokens, k)
        ):
            yield _person(tokens, k, k, text, 0.6, "katakana")
        # 2. Honorific after a name-like word the dictionary does not know as 人名.
        if tok.surface in lex.HONORIFICS and k > 0 and tokens[k - 1].end == tok.start:
            j = k - 1
            if _name_like(tokens[j]) and not tokens[j].is_person:
                i = j
                while (
                    i > 0
                    and _name_like(tokens[i - 1])
                    and tokens[i - 1].end == tokens[i].start
                    and j - i < 2
                ):
                    i -= 1
                i, j = _extend_name_run(tokens, i, j)
                yield _person(tokens, i, j, text, 0.9, "cue")
        # 2b. A person title after an unknown / katakana word (メイウェザー監督, キュリオ大佐).
        if tok.surface in lex.PERSON_TITLES and k > 0 and tokens[k - 1].end == tok.start:
            j = k - 1
            noble = tok.surface in lex.NOBLE_TITLES  # ハリファックス伯爵: a place name as a title
            if (
                (_name_like(tokens[j]) or (noble and tokens[j].is_place))
                and not tokens[j].is_person
                and (noble or not tokens[j].is_place)
            ):
                i, j = _extend_name_run(tokens, j, j)
                # ハリファックス伯爵: the title outweighs the place reading (0.8).
                yield _person(tokens, i, j, text, 0.85 if noble else 0.75, "cue")
        # 3. Labels: 氏名：山田花子, 申請者は鈴木一郎 (not 犬の名前「ハチ」: a pet's or a shop's).
        if tok.surface in lex.LABELS and not _owned_by_thing(tokens, k):
            m = k + 1
            while m < n and tokens[m].surface in lex.LABEL_JOIN and m - k <= 2:
                m += 1
            first = m
            colon = any(tokens[x].surface in {":", "："} for x in range(k + 1, first))
            while (
                m < n
                and m - first < 3
                and (
                    _name_like(tokens[m])
                    or (
                        colon
                        and tokens[m].is_noun
                        and tokens[m].pos[1] != "数詞"
                        and tokens[m].surface not in lex.LABELS
                    )
                    or (tokens[m].surface in {" ", "　"} and m > first)
                )
            ):
                m += 1
            last = m - 1
            while last >= first and not tokens[last].surface.strip():
                last -= 1
            if last >= first:
                yield _person(tokens, first, last, text, 0.9, "cue")


#: Owners whose 名前 is no person's: animals, businesses, products, groups.
_THING_OWNERS = frozenset(
    {
        "犬",
        "猫",
        "ペット",
        "愛犬",
        "愛猫",
        "会社",
        "店",
        "お店",
        "施設",
        "商品",
        "チーム",
        "団体",
        "番組",
    }
)


def _owned_by_thing(tokens: list[Token], k: int) -> bool:
    """犬の名前, 店の名前: the label names a thing's name."""
    return k >= 2 and tokens[k - 1].surface == "の" and tokens[k - 2].surface in _THING_OWNERS


def looks_like_title_or_org(text: str, start: int, end: int) -> bool:
    """Character-level form of :func:`_in_compound` for spans from other models (GiNZA)."""
    following = text[end : end + 6]
    if any(following.startswith(head) for head in lex.ORG_HEADS):
        return True
    return (
        start > 0
        and end < len(text)
        and text[start - 1] in lex.OPEN_QUOTES
        and text[end] in lex.CLOSE_QUOTES
    )


# Two or three capitalised Latin words: Andrea Natella, John A. Smith.
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z])[A-Z][a-z]{1,15}(?: (?:[A-Z]\.|[A-Z][a-z]{1,15})){1,2}(?![A-Za-z])"
)


_LATIN_LABELS = ("氏名", "名前", "申請者", "Name", "name", "NAME")


def find_latin_names(text: str) -> Iterator[Entity]:
    """Latin-script full names (foreign residents often write them so), when a cue
    confirms them: an honorific after (John Smith様) or a label before (氏名: John Smith).
    Without a cue, capitalised word pairs are mostly titles and brands (tuned on dev)."""
    for m in _LATIN_NAME.finditer(text):
        after = text[m.end() : m.end() + 4].lstrip(" 　")
        before = text[max(0, m.start() - 8) : m.start()]
        if after.startswith(tuple(lex.HONORIFICS)) or any(
            label in before for label in _LATIN_LABELS
        ):
            yield Entity(EntityType.PERSON, m.start(), m.end(), m.group(), 0.85, "latin")
