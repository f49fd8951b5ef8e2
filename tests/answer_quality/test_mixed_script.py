"""Words typed half in hiragana, half in kanji (いんかん証明 for 印鑑証明) are written with the
entries' kanji before word matching, so the question reaches its entry instead of being
handed over (round-7 resident set: いんかん証明、家族に代わりに… went to the general contact)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.domain.models import Decision
from jichitai_ai.services.platform import Platform
from jichitai_ai.text import Tokenizer, TokenizerConfig
from jichitai_ai.text.mixed_script import MixedScriptWords

DEMO = Path(__file__).parents[2] / "src/jichitai_ai/demo/data/aoba-city.csv"


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer(TokenizerConfig())


@pytest.fixture(scope="module")
def demo_words(tokenizer: Tokenizer) -> MixedScriptWords:
    rows = list(csv.DictReader(DEMO.open(encoding="utf-8")))
    texts = [t for r in rows for t in (r["question"], r["alternatives"], r["answer"])]
    return MixedScriptWords(texts, tokenizer.reading)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("いんかん登録をしたい", "印鑑登録をしたい"),
        ("じゅうみん票がほしい", "住民票がほしい"),
        ("会社をやめたのでこくみん健康保険に入りたい", "会社をやめたので国民健康保険に入りたい"),
        ("こせき謄本はどこで", "戸籍謄本はどこで"),
        ("しぼう届を出したい", "死亡届を出したい"),
        # Kanji first, then the rest in kana (i12n).
        ("婚姻とどけはどこでもらえる", "婚姻届はどこでもらえる"),
        ("児童てあての申請", "児童手当の申請"),
        ("転入とどけを出したい", "転入届を出したい"),
        ("印鑑しょうめいがほしい", "印鑑証明がほしい"),
        ("国民けんこう保険", "国民健康保険"),
    ],
)
def test_the_kana_part_takes_the_entries_kanji(
    demo_words: MixedScriptWords, typed: str, meant: str
) -> None:
    assert demo_words.convert(typed) == meant


def test_words_the_entries_write_so_and_plain_text_are_left_alone(
    demo_words: MixedScriptWords,
) -> None:
    rows = list(csv.DictReader(DEMO.open(encoding="utf-8")))
    for text in (t for r in rows for t in (r["question"], r["alternatives"])):
        assert demo_words.convert(text) == text
    for text in (
        "ごみ袋はどこで買える",
        "こども園に入りたい",
        "どこで出せばいい",
        "市長の好きな食べ物は？",
        # Okurigana and particles after kanji are no compound's reading.
        "夫が出しに行く予定です",
        "税金が払えない",
        "マイナンバーカードを受け取りたい",
        "住民票のうつしがほしい",
    ):
        assert demo_words.convert(text) == text


def test_ambiguous_and_rare_compounds_are_not_guessed(tokenizer: Tokenizer) -> None:
    # Two compounds end in 証明 and begin with kanji read こうせい: no guess between them.
    assert tokenizer.reading("公正") == tokenizer.reading("構成") == "こうせい"
    two = MixedScriptWords(["公正証明の案内", "構成証明の案内"] * 2, tokenizer.reading)
    assert two.convert("こうせい証明") == "こうせい証明"
    one = MixedScriptWords(["公正証明の案内"] * 2, tokenizer.reading)
    assert one.convert("こうせい証明") == "公正証明"
    # A compound written once in the entries is no vocabulary.
    once = MixedScriptWords(["印鑑証明の案内"], tokenizer.reading)
    assert once.convert("いんかん証明") == "いんかん証明"
    # The same in the other order: kanji first, kana after.
    assert two.convert("証明こうせい") == "証明こうせい"
    after_two = MixedScriptWords(["証明公正の案内", "証明構成の案内"] * 2, tokenizer.reading)
    assert after_two.convert("証明こうせい") == "証明こうせい"
    after_one = MixedScriptWords(["証明公正の案内"] * 2, tokenizer.reading)
    assert after_one.convert("証明こうせいの件") == "証明公正の件"
    assert MixedScriptWords(["出生届の案内"], tokenizer.reading).convert("出生とどけ") == (
        "出生とどけ"
    )


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        ("いんかん証明を取りたい", {"AOBA-0008"}),  # 印鑑登録証明書 (印鑑証明 in its 言い換え)
        ("しぼう届を出したい", {"AOBA-0012"}),  # 家族が亡くなったときの手続き
        ("婚姻とどけはどこでもらえる？", {"AOBA-0011"}),  # 婚姻届を出したい
    ],
)
def test_a_mixed_script_word_reaches_its_entry_through_ask(
    platform: Platform, question: str, entries: set[str]
) -> None:
    with platform.db.write() as session:
        load_demo(session)
    r = platform.answering.ask("aoba-city", question, record=False)
    assert r.decision is not Decision.NO_ANSWER
    shown = {r.answer.entry.external_id} if r.answer else {c.entry.external_id for c in r.choices}
    assert shown & entries, shown
