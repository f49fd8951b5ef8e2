"""Katakana words used as things, not people (薬・製品・生き物の文脈).

The strict profile masks a katakana noun in no SudachiDict synonym group before a particle,
because foreign names are listed that way (コンクリン). Brand-name medicines, products and
many animals are listed the same way (ムコダイン, シルバーカー, ハクセキレイ), and the particle
alone cannot tell them apart. What the sentence does with the word can: a person is not
swallowed, prescribed, rented or exterminated, is not the tool one interprets with, and has
no side effects or droppings. A word (or a と/や list of such words) is a thing when

- it is the を-object of a verb of taking, using, buying or removing, the first verb of its
  clause (…を飲んで, …を服用, …をレンタル希望, …を駆除, …を 薬局で 買えますか);
- it is marked by で before a verb of using a tool (…で通訳, …で翻訳, …で検索);
- it is the の-possessor of a head that only things have (…の副作用, …の発生, …のふん), or
  a と/や list of such words is compared (…と…の違い, …の併用, …の飲み合わせ);
- it is the topic (は/も) of a verb of taking a medicine and a kind of taker comes with も
  in between (…は妊婦も飲めますか): a person topic would be the taker, and 「マリアは妊婦も
  飲めますか」 says nothing.

A topic or subject alone (…は 薬局で 買えますか, …は子どもに飲ませていい？, …も塗っていい？) is
no thing context: a foreign name is read the same way (ロレンゾは 薬局で 買えますか, the buyer),
and a name left visible is worse than a medicine masked. Nor is a head a person also has
(…の処方, …の服用状況, one word's …の被害, …の飲み薬): only …の飲み方/使い方 and a list's …の被害.

The verbs and heads are about what is done to the word, not lists of medicines or animals:
an unknown medicine in the same sentence is read the same way.
"""

from __future__ import annotations

from ._tokens import Token, script_of

#: Verbs and サ変 nouns whose を-object is a substance or an object, never a person.
_OBJECT_VERBS = (
    "飲", "服用", "服薬", "内服", "処方", "投与", "投薬", "塗", "貼", "点眼", "吸入",
    "導入", "購入", "買", "配布", "備蓄", "レンタル", "貸与", "駆除", "防除", "捕獲",
    "飼", "植え", "インストール", "注文", "使用", "充電", "使",
    # 飲む written in kana (…を毎日のんでいます)
    "のん", "のみ", "のむ", "のめ", "のま",
)  # fmt: skip
#: Verbs after で where the で-word is the tool (…で通訳しながら).
_TOOL_VERBS = ("通訳", "翻訳", "検索", "決済", "撮影", "録音", "充電", "歌", "清掃", "掃除")
#: rt10: verbs after で where the で-word is a shop or a means, with at most one noun and its
#: が/を between (…で購入, …で 粗大ごみシールが転売, …でスズメバチを駆除): a person is not where
#: things are bought, resold or exterminated with.
_MEANS_VERBS = ("購入", "買", "転売", "出品", "注文", "販売", "駆除")
#: Heads of …の that only things have.
_THING_HEADS = frozenset(
    {
        "副作用", "成分", "効果", "効能", "用量", "用法", "発生", "巣", "ふん", "糞", "フン",
        "駆除", "防除", "生息", "幼虫", "在庫", "価格", "値段", "販売", "錠", "導入", "設定",
        "充電", "電池", "ジェネリック",
        # rt10: what only a company or a shop has (ローソンの店長, マツダの工場)
        "工場", "店長", "店舗", "本社", "求人", "社員", "従業員", "製品", "商品", "営業所",
    }
)  # fmt: skip
#: Heads of …の read with 方 after them (…の飲み方, …の使い方; not …の飲み薬).
_WAY_HEADS = frozenset({"飲み", "使い"})
#: Heads after a list of two or more: what one compares or combines (…と…の違い), and the
#: damage a list of pests does (…や…の被害; one word's 被害 may be a person's).
_LIST_HEADS = frozenset({"違い", "比較", "併用", "飲み合わせ", "組み合わせ", "被害"})
#: Verbs of taking a medicine, read after a topic when a kind of taker comes with も between
#: (…は妊婦も飲めますか).
_TAKEN_VERBS = ("飲", "塗", "貼")
_TAKEN_NOUNS = frozenset({"服用", "服薬", "内服", "投与"})
#: Kinds of takers (not kin words: 「マリアは夫も…」 may be about マリア's husband).
_TAKER_KINDS = frozenset(
    {
        "妊婦", "妊娠中", "授乳中", "子ども", "子供", "こども", "小児", "乳児", "幼児",
        "赤ちゃん", "高齢者", "大人", "小学生", "中学生",
    }
)  # fmt: skip
_CLAUSE_END = frozenset({"、", "。", "を", "が", "？", "?", "！", "!", "\n"})
_LIST_JOINERS = frozenset({"と", "や", "、", "・"})
_ADVERBIAL = frozenset(
    {"毎日", "毎朝", "毎晩", "一緒", "に", "も", "まだ", "ずっと", "今", "すでに"}
)


def _starts(tok: Token, stems: tuple[str, ...]) -> bool:
    """A verb of one of ``stems`` (飲んで, 買え) or a サ変 noun that is one (服用; not 買い物)."""
    if tok.pos[0] == "動詞":
        return tok.surface.startswith(stems)
    return tok.pos[0] == "名詞" and tok.surface in stems


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
        head, tail = after[0].surface, after[1].surface if len(after) > 1 else ""
        return (
            head in _THING_HEADS
            or (head in _WAY_HEADS and tail == "方")
            or (j > i and head in _LIST_HEADS)
        )
    if particle in {"は", "も"}:
        return _taken_topic(after)
    if particle == "を":
        return _object_of(after)
    if particle != "で":
        return False
    for tok in after[:3]:
        if _starts(tok, _TOOL_VERBS):
            return True
        if tok.surface not in _ADVERBIAL:
            break
    return _means_of(after)


def _means_of(after: list[Token]) -> bool:
    """A verb of buying, reselling or exterminating right after で, or after one noun phrase and
    its が/を (see ``_MEANS_VERBS``)."""
    if after and _starts(after[0], _MEANS_VERBS):
        return True
    k = 0
    while k < len(after) and k < 4 and after[k].is_noun:
        k += 1
    if 0 < k < len(after) and after[k].surface in {"が", "を"}:
        k += 1
    elif k:
        return False
    return k < len(after) and _starts(after[k], _MEANS_VERBS)


def _object_of(after: list[Token]) -> bool:
    """The first verb of the を-object's clause takes a thing (…を飲んで, …を 薬局で 買えますか;
    not …を 薬局で 待ちます)."""
    for tok in after[:6]:
        if tok.surface in _CLAUSE_END:
            return False
        if _starts(tok, _OBJECT_VERBS):
            return True
        if tok.pos[0] == "動詞":
            return False
    return False


def _taken_topic(after: list[Token]) -> bool:
    """A kind of taker with も, then a verb of taking a medicine (not causative: 「…は子どもに
    飲ませて」 may be the one who gives), within the topic's clause."""
    taker = False
    for k, tok in enumerate(after[:8]):
        if tok.surface in _CLAUSE_END:
            return False
        if tok.surface == "も" and k > 0 and after[k - 1].surface in _TAKER_KINDS:
            taker = True
        elif tok.pos[0] == "動詞" and tok.surface.startswith(_TAKEN_VERBS):
            causative = k + 1 < len(after) and after[k + 1].surface.startswith(("せ", "させ"))
            return taker and not causative
        elif tok.surface in _TAKEN_NOUNS:
            return taker
    return False
