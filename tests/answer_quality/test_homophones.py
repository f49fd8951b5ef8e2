"""Kana-kanji conversion slips (住民表 for 住民票) are put right before word matching, so the
question reaches its entry instead of being handed over (round-2 resident set: 住民表ほしい
was handed to the general contact)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.domain.models import Decision
from jichitai_ai.services.platform import Platform
from jichitai_ai.text import Tokenizer, TokenizerConfig
from jichitai_ai.text.homophones import MIN_RUN, HomophoneCorrector, kanji_runs

DEMO = Path(__file__).parents[2] / "src/jichitai_ai/demo/data/aoba-city.csv"


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer(TokenizerConfig())


def _corrector(texts: list[str], tokenizer: Tokenizer) -> HomophoneCorrector:
    return HomophoneCorrector(texts, tokenizer.reading, lambda t: len(tokenizer.tokenize(t)))


@pytest.fixture(scope="module")
def demo_texts() -> list[str]:
    rows = list(csv.DictReader(DEMO.open(encoding="utf-8")))
    return [t for r in rows for t in (r["question"], r["alternatives"], r["answer"])]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("住民表ほしい", "住民票ほしい"),
        ("印鑑登禄をしたい", "印鑑登録をしたい"),
        ("自動手当の申請", "児童手当の申請"),
        ("固定試算税の支払い", "固定資産税の支払い"),
        ("住民表発行の手数料", "住民票発行の手数料"),  # the slip inside a longer compound
    ],
)
def test_slips_in_compounds_are_corrected(
    tokenizer: Tokenizer, demo_texts: list[str], typed: str, meant: str
) -> None:
    corrector = _corrector(demo_texts, tokenizer)
    assert corrector.correct(typed) == meant


def test_known_compounds_and_short_words_are_never_touched(
    tokenizer: Tokenizer, demo_texts: list[str]
) -> None:
    corrector = _corrector(demo_texts, tokenizer)
    # Every entry text, compound by compound: nothing the FAQ itself says is "corrected".
    for text in demo_texts:
        assert corrector.correct(text) == text
    # Two-kanji homophones are real, different words (市長 / 市町): left alone.
    assert corrector.correct("市長の好きな食べ物は？") == "市長の好きな食べ物は？"
    assert all(len(r) < MIN_RUN for r in kanji_runs("市長の給料"))


def test_ambiguous_readings_are_left_alone(tokenizer: Tokenizer) -> None:
    # Two different compounds of the entries read こうせいしょう: no guess between them.
    corrector = _corrector(["厚生省の通知", "構成省の資料"] * 2, tokenizer)
    assert tokenizer.reading("厚生省") == tokenizer.reading("構成省")
    assert corrector.correct("公正省の話") == "公正省の話"


def test_a_slip_reaches_its_entry_through_ask(platform: Platform) -> None:
    with platform.db.write() as session:
        load_demo(session)
    r = platform.answering.ask("aoba-city", "住民表ほしい", record=False)
    assert r.decision is not Decision.NO_ANSWER
    shown = {r.answer.entry.external_id} if r.answer else {c.entry.external_id for c in r.choices}
    assert shown & {"AOBA-0001", "AOBA-0077", "AOBA-0002"}, shown


def test_slips_of_the_faq_itself_are_never_copied_into_questions(tokenizer: Tokenizer) -> None:
    # FAQ text has its own slips (seen in a real municipal FAQ: 交通系画, 雇要支援).
    once = _corrector(["市の交通系画について", "交通の案内"], tokenizer)
    assert once.correct("市の交通計画を教えて") == "市の交通計画を教えて"  # occurs once only
    # Twice, but 雇要支援 splits into more words (雇 + 要 + 支援) than 雇用支援 (雇用 + 支援),
    # and 雇 + 要支援 (要支援 is a real word here) would cross a word boundary.
    texts = ["雇要支援の案内", "雇要支援の申請", "要支援の認定", "要支援の方", "雇用の相談"]
    assert _corrector(texts, tokenizer).correct("高齢者の雇用支援") == "高齢者の雇用支援"
