"""English and romaji questions read through the bilingual municipal vocabulary (issue 12, i12o):
juminhyo / resident record → 住民票 for ranking, and a question with no municipal word at all
needs a stricter meaning lead before three choices are offered. The demo questions here were
written for this test, not taken from any tests/answer_quality/*.csv set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jichitai_ai.domain.models import Decision
from jichitai_ai.services.search_index import DEFAULT_POLICY_FILE, AnswerPolicy
from jichitai_ai.text.municipal_glossary import (
    MunicipalGlossary,
    cjk_glossary_words,
    fold_word,
    glossary,
    glossary_words,
    parse,
)

from .demo_city import dense_demo_platform


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Where do I get my Jūminhyō?", ["住民票"]),
        ("juuminhyou please", ["住民票"]),
        ("two Certificates of Residence", ["住民票"]),
        ("I need to join National Health Insurance", ["国民健康保険"]),
        ("what day is rubbish collected", ["ごみ"]),
        ("what day is garbage collected", ["ごみ"]),
        ("koseki tohon for my spouse visa", ["戸籍謄本"]),
        ("a place at a day care centre for my son", ["保育園"]),
        ("I can't pay my council tax", ["払えない", "住民税"]),
    ],
)
def test_english_and_romaji_phrases_give_the_japanese_words(text: str, terms: list[str]) -> None:
    assert glossary().japanese_terms(text) == terms


@pytest.mark.parametrize(
    "text", ["where is a good ramen shop", "how do I extend my visa at immigration", "hello"]
)
def test_text_without_municipal_words_gives_none(text: str) -> None:
    assert glossary_words(text) == ""


def test_longest_phrase_wins_and_phrases_do_not_overlap() -> None:
    small = MunicipalGlossary(
        parse(["# comment", "", "health insurance\t健康保険", "national health insurance\t国保"])
    )
    assert small.japanese_terms("national health insurance card") == ["国保"]
    assert small.japanese_terms("health insurance") == ["健康保険"]
    assert len(small) == 2


def test_words_fold_diacritics_plurals_and_long_vowels() -> None:
    assert fold_word("Jūminhyō") == fold_word("juminhyo") == fold_word("juuminhyou")
    assert fold_word("certificates") == fold_word("certificate")
    assert fold_word("address") == "address"


def test_shipped_policy_file_carries_the_latin_floors() -> None:
    data = json.loads(DEFAULT_POLICY_FILE.read_text(encoding="utf-8"))
    policy = AnswerPolicy.from_json(json.dumps(data))
    assert policy.meaning_min_lead_unread_by_script == {"latin": -0.05}
    assert policy.reading_coverage_floor("latin") == 0.3
    assert AnswerPolicy.from_json(policy.to_json()) == policy


def test_unread_latin_questions_need_the_stricter_lead() -> None:
    policy = AnswerPolicy()
    # Read by the glossary (coverage .5): the script's lead floor (−0.073).
    assert policy.meaning_relevant("latin", 0.85, 0.91, 0.5)
    # Not read: −0.06 is below −0.05.
    assert not policy.meaning_relevant("latin", 0.85, 0.91, 0.0)
    assert policy.meaning_relevant("latin", 0.87, 0.91, 0.0)
    # Korean keeps its rule: readings covering the floor are relevant whatever the lead.
    assert policy.meaning_relevant("ko", 0.85, 0.95, 0.2)


def _shown(platform: object, text: str) -> tuple[Decision, set[str]]:
    r = platform.answering.ask("aoba-city", text, record=False)  # type: ignore[attr-defined]
    if r.answer is not None:
        return r.decision, {r.answer.entry.external_id}
    return r.decision, {c.entry.external_id for c in r.choices}


def test_romaji_questions_find_their_japanese_entry(tmp_path: Path) -> None:
    """Both got three choices without their entry before the glossary."""
    with dense_demo_platform(tmp_path) as platform:
        for text, expected in [
            ("how can I get a kazei shomei", "AOBA-0028"),
            ("juuminhyou by post please", "AOBA-0002"),
        ]:
            decision, shown = _shown(platform, text)
            assert decision is not Decision.NO_ANSWER, text
            assert expected in shown, (text, shown)


def test_english_questions_with_no_municipal_word_are_handed_over(tmp_path: Path) -> None:
    """Both got three unrelated choices before the stricter lead."""
    with dense_demo_platform(tmp_path) as platform:
        for text in ["how do I transfer money to my family overseas", "where do I buy a SIM card"]:
            decision, shown = _shown(platform, text)
            assert decision is Decision.NO_ANSWER, (text, shown)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("奶奶上个月去世了", ["死亡"]),
        ("我們下週要登記結婚", ["婚姻届"]),
        ("我的个人编号卡好像不见了", ["マイナンバーカード"]),
        ("個人番號卡 要去哪裡拿", ["マイナンバーカード"]),
        ("大型垃圾要怎么丢", ["粗大ごみ"]),
        ("도장을 새로 등록하려고 합니다", ["印鑑"]),
        ("도장 등록은 어디서 하나요", ["印鑑登録"]),
        ("출생 신고는 며칠 안에 해야 하나요", ["出生届"]),
        ("다음 달에 다른 시로 전출 신고를 해야 해요", ["転出届"]),
    ],
)
def test_chinese_and_korean_phrases_give_the_japanese_words(text: str, terms: list[str]) -> None:
    assert glossary().cjk_terms(text) == terms


def test_chinese_and_korean_are_not_read_as_english_and_english_not_as_them() -> None:
    """The Latin and the Chinese / Korean halves never mix, so English questions keep their
    terms exactly (the Japanese question path never asks the glossary)."""
    assert glossary().japanese_terms("도장 등록 过世") == []
    assert glossary().cjk_terms("seal registration juminhyo") == []
    assert cjk_glossary_words("银行开户需要什么") == ""
    assert cjk_glossary_words("은행 계좌를 만들고 싶어요") == ""


def test_cjk_longest_phrase_wins_with_spaces_ignored() -> None:
    small = MunicipalGlossary(parse(["출생\t出生", "출생 신고\t出生届", "户籍\t戸籍"]))
    assert small.cjk_terms("출생신고 기한") == ["出生届"]
    assert small.cjk_terms("출생 신고 기한") == ["出生届"]
    assert small.cjk_terms("출생 축하") == ["出生"]
    assert len(small) == 3


def test_chinese_and_korean_questions_find_their_japanese_entry(tmp_path: Path) -> None:
    """Words that are neither the entry's kanji nor its Sino-Korean reading (过世 for 亡くなった,
    native 도장 for 印鑑): both questions were handed over on main before this vocabulary."""
    with dense_demo_platform(tmp_path) as platform:
        for text, expected in [
            ("外公过世了，要办什么", "AOBA-0012"),
            ("도장을 새로 등록하려고 합니다", "AOBA-0007"),
        ]:
            decision, shown = _shown(platform, text)
            assert decision is not Decision.NO_ANSWER, text
            assert expected in shown, (text, shown)
