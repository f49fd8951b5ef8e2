"""Red team rt10b (docs/benchmarks.md §3, "Red team rt10b"): leaks rt10 left open, fixed by rules
about context, as variants set 27 does not hold (other names and wording), plus look-alikes that
must stay readable next to every rule. Names here were made up for this file."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import detect_message
from jichitai_ai.privacy._masking import MaskingSession


def _masked(text: str) -> str:
    return MaskingSession().mask(text, detect_message(text)).text


HIDDEN = [
    # a hiragana surname the dictionary does not know, opening a quote before です、/。
    ("伝言メモ：「ささもとです、また折り返します」", ["ささもと"]),
    # a spaced katakana given name after a kanji surname, opening a message before です
    ("鶉 カメです。介護保険の件です", ["カメ"]),
    # a bracket after an honorific restating the person: place-read surname + katakana given
    ("ちばさん（千葉 トメ）に連絡", ["トメ"]),
    ("くまもとさん（熊本 カメ）、配食", ["カメ"]),
    # a hiragana given name whose katakana reading the dictionary has, in a ・ list
    ("名簿：南雲 さな・北条 タツ・の2名に案内", ["さな"]),
    # the hiragana subject of a message signed （姓） at its end
    ("ここなが朝から咳で欠席します（門脇）", ["ここな"]),
    ("ひまりは今日お休みします（園田）", ["ひまり"]),
]

VISIBLE = [
    ("「あとすこしです、」", ["あとすこし"]),
    ("「はいはいです、」", ["はいはい"]),
    ("「これからです、」", ["これから"]),
    ("本館 ロビーです。", ["ロビー"]),
    ("田中 ビル）", ["ビル"]),
    ("会場（渋谷 ロフト）", ["ロフト"]),
    ("（大阪 ミナミ）で集合", ["ミナミ"]),
    ("（上野 パンダ）", ["パンダ"]),
    ("東京 スミ、", ["スミ"]),
    ("こどもが熱で休みます（門脇）", ["こども"]),
    ("きょうは休みます（門脇）", ["きょう"]),
    ("むすめは元気です（園田）", ["むすめ"]),
]


@pytest.mark.parametrize(("text", "words"), HIDDEN)
def test_hidden(text: str, words: list[str]) -> None:
    masked = _masked(text)
    assert not [w for w in words if w in masked], masked


@pytest.mark.parametrize(("text", "words"), VISIBLE)
def test_visible(text: str, words: list[str]) -> None:
    masked = _masked(text)
    assert all(w in masked for w in words), masked
