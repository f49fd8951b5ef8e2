"""Red team rt8b (docs/benchmarks.md §3, end of "Red team rt8"): rt8's thing contexts
(privacy/_thing_contexts.py) must not read a foreign name as a medicine or a product when the
name is the one who takes, buys, uses or receives. Written before the fix; names and medicines
here are in no earlier set."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import detect_message
from jichitai_ai.privacy._masking import MaskingSession


def _masked(text: str) -> str:
    return MaskingSession().mask(text, detect_message(text)).text


#: Left: ソフィア has a SudachiDict synonym group, and the strict katakana rule skips such words
#: whatever the context (not a thing context; found by this file's first run).
_SOFIA = pytest.mark.xfail(reason="ソフィア is a common word to SudachiDict", strict=True)


# --- a foreign name as the one who takes, buys, uses or receives: stays masked --------------
HIDDEN = [
    # ja, no object: the topic is the buyer or the taker
    ("ベアトリスは 薬局で 買えますか", "ベアトリス"),
    ("ダニエラは毎朝飲んでいます", "ダニエラ"),
    ("オルガも塗っていいですか", "オルガ"),
    ("ラシッドは子どもに飲ませていいですか", "ラシッド"),
    ("イブラヒムは使えますか", "イブラヒム"),
    ("アナスタシアはもらえますか", "アナスタシア"),
    # ja, with an object
    ("ケンドラが薬を買いに来ました", "ケンドラ"),
    ("フェルナンドは血圧の薬を飲んでいますか", "フェルナンド"),
    ("ジェロームも児童手当をもらえますか", "ジェローム"),
    # やさしい日本語
    ("ハミドは まいにち くすりを のみます", "ハミド"),
    ("エミリアは この カードを つかえますか", "エミリア"),
    ("ヨナタンは くすりやで 買えますか", "ヨナタン"),
    # an honorific after the name
    ("カタリナさんは 薬局で 買えますか", "カタリナ"),
    ("ロドリゴ様は子どもに飲ませていいか聞いています", "ロドリゴ"),
    # a person's prescription, intake or settings
    ("ヴィクトルの処方を確認してください", "ヴィクトル"),
    ("ナタリアの服用状況を記録", "ナタリア"),
    ("ミハイルの被害を聞き取りました", "ミハイル"),
]


# The names above are SudachiDict person names (masked by the dictionary whatever the context);
# the same situations with names SudachiDict lists only as common katakana nouns, the ones the
# thing contexts decide (checked against the dictionary, not the detector, before the first run).
HIDDEN += [
    pytest.param("ソフィアは 薬局で 買えますか", "ソフィア", marks=_SOFIA),
    ("オスヴァルドは毎朝飲んでいます", "オスヴァルド"),
    ("ティアゴも塗っていいですか", "ティアゴ"),
    ("ラウリは子どもに飲ませていいですか", "ラウリ"),
    ("ヤロスラフは使えますか", "ヤロスラフ"),
    ("エステバンはもらえますか", "エステバン"),
    ("ダリウシュが薬を買いに来ました", "ダリウシュ"),
    ("パウリナは血圧の薬を飲んでいますか", "パウリナ"),
    ("アドリアナも児童手当をもらえますか", "アドリアナ"),
    ("ミロスラフは まいにち くすりを のみます", "ミロスラフ"),
    pytest.param("ソフィアは この カードを つかえますか", "ソフィア", marks=_SOFIA),
    ("オスヴァルドは くすりやで 買えますか", "オスヴァルド"),
    ("ティアゴさんは 薬局で 買えますか", "ティアゴ"),
    ("ラウリ様は子どもに飲ませていいか聞いています", "ラウリ"),
    ("ヤロスラフの処方を確認してください", "ヤロスラフ"),
    ("エステバンの服用状況を記録", "エステバン"),
    ("ダリウシュの被害を聞き取りました", "ダリウシュ"),
    ("パウリナは 薬局で 購入しました", "パウリナ"),
]


@pytest.mark.parametrize(("text", "name"), HIDDEN)
def test_a_foreign_name_that_takes_or_buys_is_masked(text: str, name: str) -> None:
    assert name not in _masked(text), _masked(text)


# --- medicines, products and animals in object or tool positions: stay readable -------------
READABLE = [
    ("ネキシウムを 薬局で 買えますか", "ネキシウム"),
    ("デパスは妊婦も飲めますか", "デパス"),
    ("トークメイトで通訳しました", "トークメイト"),
    ("リリカの副作用が心配です", "リリカ"),
    ("ハクビシンを駆除したい", "ハクビシン"),
    ("アライグマとハクビシンの被害の相談", "アライグマ"),
    ("ブスコパンとセルベックスの飲み合わせ", "セルベックス"),
    ("オロナインを毎日塗っています", "オロナイン"),
]


@pytest.mark.parametrize(("text", "word"), READABLE)
def test_a_thing_in_an_object_or_tool_position_stays_readable(text: str, word: str) -> None:
    assert word in _masked(text), _masked(text)
