"""Extra person-name rules of the ``strict`` profile (recall over precision).

The gateway masks text before it reaches a generative model: a missed name is a leak,
an extra mask only costs some answer quality. These rules catch names the standard
rules miss because SudachiPy tags them as ordinary words, each with a context check
that was measured on the ner-ja dev split with 5-fold cross-validation by article
(docs/privacy.md):

- ``katakana_context``: a katakana noun of 3+ characters that is in no SudachiDict
  synonym group (foreign names listed as plain nouns: コンクリン, メイウェザー; common
  loanwords such as プログラム or ショー have a group) used as a subject/object/
  possessor (…は／が／を／に／の／と …);
- ``katakana_joined``: katakana parts joined by ・／＝ where one part is such a
  synonym-less word (ボールズ・マホーニー), not only where one is a 人名 or unknown;
- ``surname_given``: a word the dictionary also lists as a surname (岡本, 市川, tagged
  地名 in context) followed by 1–2 kanji given-name characters and then a particle,
  punctuation or a title (岡本三司に, 本山白雲、);
- ``quoted_names``: a 人名 run in quotes (「赤木まり子」), which the standard profile
  drops as a probable song or book title;
- ``surname_title`` (off by default): such a surname-entry word of 2+ characters glued
  to a person title or honorific (鹿島監督, where 鹿島 is tagged 地名).

Masking every 固有名詞-一般 token was measured too (+1 person found on dev, precision
.69 → .54) and left out. A surname-entry word used alone (鹿島が…) was tried: its place reading wins the overlap
resolution anyway (it is masked as 地名), so no rule is needed for masking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from . import _name_lexicon as lex
from ._names import _in_compound, prefixed_title
from ._thing_contexts import used_as_thing
from ._tokens import Token, script_of
from ._types import Entity, EntityType

#: On in the strict profile: each added person recall on the training folds of every
#: cross-validation split (docs/privacy.md); ``name_edges`` (:mod:`._name_edges`) was
#: chosen on half A of the dev split only (benchmarks/privacy/dev_halves.py).
STRICT_RULES = frozenset(
    {
        "katakana_context",
        "katakana_joined",
        "surname_given",
        "quoted_names",
        "place_given",
        "name_edges",
    }
)
#: ``surname_title`` found no new person on dev and lowered location recall .910 → .908
#: (千葉市長 → 千葉); enable it through ``DetectorConfig.strict_rules``.
ALL_RULES = STRICT_RULES | {"surname_title", "surname_subject"}

# What may follow a bare name in running text.
_AFTER_NAME = frozenset(
    {"は", "が", "を", "に", "の", "と", "も", "や", "へ", "から", "より", "で", "、", "。", "」"}
)
# Single kanji that end place or organisation names, never a given name after a surname.
_NOT_GIVEN = frozenset(
    "県市町村区郡都府道州国駅線川山島湾港橋寺社宮城院園館家氏様君殿党軍隊団会部局課所店"
    "派流式型系製産語人族側内外上下前後中間方面戦線号版藩領郷"
)

NameParts = Callable[[str], frozenset[str]]


def _span(tokens: list[Token], i: int, j: int, text: str, conf: float, src: str) -> Entity:
    start, end = tokens[i].start, tokens[j].end
    return Entity(EntityType.PERSON, start, end, text[start:end], conf, src)


def _foreign_word(tok: Token) -> bool:
    """A katakana noun that is probably a name: not a loanword with a synonym group."""
    return (
        tok.is_noun
        and not tok.synonyms
        and not tok.compound
        and not tok.is_place
        and not tok.native
        and tok.pos[1] in {"普通名詞", "固有名詞"}
        and len(tok.surface) >= 3
        and script_of(tok.surface) == "katakana"
        and tok.surface not in lex.NOT_NAMES
    )


def _glued_noun(a: Token, b: Token) -> bool:
    return a.end == b.start and a.is_noun and b.is_noun


def _given(tok: Token, name_parts: NameParts) -> bool:
    """Could ``tok`` be (part of) a kanji given name right after a surname?"""
    if script_of(tok.surface) != "kanji" or tok.surface in lex.TITLES:
        return False
    if tok.pos[1] == "数詞" and len(tok.surface) == 1 and "名" not in name_parts(tok.surface):
        return False
    if len(tok.surface) == 1 and tok.surface in _NOT_GIVEN:
        return False  # 近江国, 宮崎県
    given = "名" in name_parts(tok.surface)
    if not given and (tok.surface[-1] in _NOT_GIVEN or tok.is_place):
        return False  # 赤穂藩, 三原市内, 南関東: a place, not surname + given name
    if given or tok.oov:
        return True
    # Common words with a synonym group (会派, 課程) are not given names.
    return tok.pos[0] in {"名詞", "形状詞"} and not tok.synonyms and tok.pos[2] != "助数詞可能"


def _boundary_after(tokens: list[Token], j: int) -> bool:
    """Name-final context: a particle, punctuation, a title or the end of the text."""
    if j + 1 >= len(tokens):
        return True
    nxt = tokens[j + 1]
    return (
        nxt.surface in _AFTER_NAME
        or nxt.surface in lex.PERSON_TITLES
        or nxt.surface in lex.HONORIFICS
        or nxt.pos[0] in {"補助記号", "助詞"}
        or prefixed_title(tokens, j)
    )


def find_strict_persons(
    tokens: list[Token], text: str, name_parts: NameParts, rules: frozenset[str]
) -> Iterator[Entity]:
    """Yield person candidates of the enabled strict ``rules``; overlaps are resolved
    by the caller (a standard-profile span of the same person merges with these)."""
    n = len(tokens)
    for k, tok in enumerate(tokens):
        prev = tokens[k - 1] if k > 0 else None
        nxt = tokens[k + 1] if k + 1 < n else None
        if "katakana_context" in rules and _foreign_word(tok) and not tok.is_person:
            glued_before = prev is not None and (
                _glued_noun(prev, tok) or prev.surface in lex.KATAKANA_JOINERS
            )
            if (
                not glued_before
                and nxt is not None
                and nxt.surface in _AFTER_NAME
                and not (prev is not None and prev.surface in lex.OPEN_QUOTES)
                and not used_as_thing(tokens, k)
            ):
                yield _span(tokens, k, k, text, 0.6, "strict")
        if (
            "katakana_joined" in rules
            and script_of(tok.surface) == "katakana"
            and tok.is_noun
            and (prev is None or prev.surface not in lex.KATAKANA_JOINERS)
            and nxt is not None
            and nxt.surface in lex.KATAKANA_JOINERS
        ):
            j = k
            while (
                j + 2 < n
                and tokens[j + 1].surface in lex.KATAKANA_JOINERS
                and tokens[j + 2].is_noun
                and script_of(tokens[j + 2].surface) == "katakana"
            ):
                j += 2
            parts = tokens[k : j + 1 : 2]
            quoted = prev is not None and prev.surface in lex.OPEN_QUOTES
            if (
                j > k
                and any(_foreign_word(p) or p.is_person for p in parts)
                and not any(p.is_place and not p.is_person for p in parts[-1:])
                and not quoted
                and not _in_compound(tokens, k, j)
            ):
                yield _span(tokens, k, j, text, 0.6, "strict")
        if (
            "quoted_names" in rules
            and tok.is_person
            and prev is not None
            and prev.surface in lex.OPEN_QUOTES
        ):
            j = k
            while j + 1 < n and tokens[j + 1].is_person and tokens[j + 1].start == tokens[j].end:
                j += 1
            if (
                (j > k or tok.pos[3] == "姓")
                and j + 1 < n
                and tokens[j + 1].surface in lex.CLOSE_QUOTES
            ):
                yield _span(tokens, k, j, text, 0.75, "strict")
        if (
            "place_given" in rules
            and tok.is_place
            and script_of(tok.surface) == "kanji"
            and nxt is not None
            and nxt.start == tok.end
            and nxt.is_person
            and nxt.pos[3] == "名"
            and (prev is None or not _glued_noun(prev, tok))
            and not _in_compound(tokens, k, k + 1)
        ):
            # 沓掛栄作, 石蔵宗平: a place-tagged surname glued to a given name.
            yield _span(tokens, k, k + 1, text, 0.85, "strict")
        if script_of(tok.surface) != "kanji" or tok.is_person or not tok.is_noun:
            continue
        if prev is not None and _glued_noun(prev, tok) and script_of(prev.surface) == "kanji":
            continue
        parts_here = name_parts(tok.surface)
        if "姓" not in parts_here:
            continue
        if (
            "surname_title" in rules
            and len(tok.surface) >= 2
            and nxt is not None
            and nxt.start == tok.end
            and (nxt.surface in lex.PERSON_TITLES or nxt.surface in lex.HONORIFICS)
        ):
            yield _span(tokens, k, k, text, 0.82, "strict")  # above the 地名 reading (0.8)
        if (
            "surname_subject" in rules
            and len(tok.surface) >= 2
            and nxt is not None
            and nxt.start == tok.end
            and nxt.surface in {"は", "が"}
            and (prev is None or prev.surface in {"、", "。", "「", "\n", " ", "　"})
        ):
            # 宗像は…／鹿島が… at the start of a clause: a surname used alone as the subject.
            yield _span(tokens, k, k, text, 0.82, "strict")
        if "surname_given" in rules:
            j = k
            chars = 0
            while (
                j + 1 < n
                and tokens[j + 1].start == tokens[j].end
                and chars + len(tokens[j + 1].surface) <= 2
                and _given(tokens[j + 1], name_parts)
            ):
                j += 1
                chars += len(tokens[j].surface)
            if j > k and _boundary_after(tokens, j) and not _in_compound(tokens, k, j):
                # Above a lone 地名 reading of the surname (0.8): 岡本 in 岡本三司 is a person.
                yield _span(tokens, k, j, text, 0.82, "strict")
