"""Katakana words used as things, not people (薬・製品・生き物の文脈).

The strict profile masks a katakana noun in no SudachiDict synonym group before a particle,
because foreign names are listed that way (コンクリン). Brand-name medicines, products and
many animals are listed the same way (ムコダイン, シルバーカー, ハクセキレイ), and the particle
alone cannot tell them apart. What the sentence does with the word can: a person is not
swallowed, prescribed, rented or exterminated, is not the tool one interprets with, and has
no side effects or droppings. A word (or a と/や list of such words) is a thing when

- it is the を-object of a verb of taking, using, buying or removing (…を飲んで, …を服用,
  …をレンタル希望, …を駆除);
- it is marked by で before a verb of using a tool (…で通訳, …で翻訳, …で検索);
- it is the の-possessor of a head that only things have (…の副作用, …の発生, …のふん), or
  a と/や list of such words is compared (…と…の違い, …の併用, …の飲み合わせ);
- it is the topic (は/も) of a verb of taking or buying a medicine with no を-object between
  (…は子どもに飲ませていい？, …も塗っていい？, …は 薬局で 買えますか): the topic is what is
  taken.

The verbs and heads are about what is done to the word, not lists of medicines or animals:
an unknown medicine in the same sentence is read the same way.
"""

from __future__ import annotations

from ._tokens import Token, script_of

#: Verbs and サ変 nouns whose を-object is a substance or an object, never a person.
_OBJECT_VERBS = (
    "飲", "服用", "服薬", "内服", "処方", "投与", "投薬", "塗", "貼", "点眼", "吸入",
    "導入", "購入", "買", "配布", "備蓄", "レンタル", "貸与", "駆除", "防除", "捕獲",
    "飼", "植え", "インストール", "注文", "使用", "充電",
)  # fmt: skip
#: Verbs after で where the で-word is the tool (…で通訳しながら).
_TOOL_VERBS = ("通訳", "翻訳", "検索", "決済", "撮影", "録音", "充電")
#: Heads of …の that only things have.
_THING_HEADS = frozenset(
    {
        "副作用", "成分", "効果", "効能", "用量", "用法", "飲み", "使い", "発生", "被害",
        "巣", "ふん", "糞", "フン", "駆除", "防除", "生息", "幼虫", "在庫", "価格", "値段",
        "販売", "処方", "服用", "錠", "導入", "設定", "充電", "電池", "ジェネリック",
    }
)  # fmt: skip
#: Heads after a list of two or more: what one compares or combines (…と…の違い).
_LIST_HEADS = frozenset({"違い", "比較", "併用", "飲み合わせ", "組み合わせ"})
#: Verbs of taking or buying a medicine, read after a topic (…は子どもに飲ませて, …は 薬局で
#: 買えますか).
_TAKEN_VERBS = ("飲", "塗", "貼", "買")
_TAKEN_NOUNS = frozenset({"服用", "服薬", "内服", "処方", "投与", "購入"})
_CLAUSE_END = frozenset({"、", "。", "を", "が", "？", "?", "！", "!", "\n"})
_LIST_JOINERS = frozenset({"と", "や", "、", "・"})
_ADVERBIAL = frozenset(
    {"毎日", "毎朝", "毎晩", "一緒", "に", "も", "まだ", "ずっと", "今", "すでに"}
)


def _starts(tok: Token, stems: tuple[str, ...]) -> bool:
    return tok.pos[0] in {"動詞", "名詞"} and tok.surface.startswith(stems)


def used_as_thing(tokens: list[Token], k: int) -> bool:
    """Is the katakana noun at ``k`` (alone or in a と/や list of katakana nouns) a thing by
    what the sentence does with it (see the module docstring)?"""
    i = k
    while (
        i >= 2
        and tokens[i - 1].surface in _LIST_JOINERS
        and tokens[i - 2].is_noun
        and script_of(tokens[i - 2].surface) == "katakana"
    ):
        i -= 2
    j = k
    while (
        j + 2 < len(tokens)
        and tokens[j + 1].surface in _LIST_JOINERS
        and tokens[j + 2].is_noun
        and script_of(tokens[j + 2].surface) == "katakana"
    ):
        j += 2
    if j + 2 >= len(tokens):
        return False
    particle, after = tokens[j + 1].surface, tokens[j + 2 :]
    if particle == "の":
        return after[0].surface in _THING_HEADS or (j > i and after[0].surface in _LIST_HEADS)
    if particle in {"は", "も"}:
        return _taken_topic(after)
    stems = _OBJECT_VERBS if particle == "を" else _TOOL_VERBS if particle == "で" else ()
    if not stems:
        return False
    for tok in after[:3]:
        if _starts(tok, stems):
            return True
        if tok.surface not in _ADVERBIAL:
            return False
    return False


def _taken_topic(after: list[Token]) -> bool:
    """A verb of taking a medicine within the topic's clause, with no を-object before it."""
    for tok in after[:6]:
        if tok.surface in _CLAUSE_END:
            return False
        if tok.pos[0] == "動詞" and tok.surface.startswith(_TAKEN_VERBS):
            return True
        if tok.surface in _TAKEN_NOUNS:
            return True
    return False
