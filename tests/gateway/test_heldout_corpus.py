"""The second staff-prompt set (tests/gateway/heldout_prompts.py, 64 prompts) through the
CLI's ``gateway preview`` path and the real gateway. Its first run, before any fix, leaked
10 items in 7 prompts (docs/benchmarks.md); each leak has a regression test below."""

from __future__ import annotations

import pytest

from jichitai_ai.gateway import ChatMessage, ChatRequest, Gateway
from jichitai_ai.privacy import Detector
from jichitai_ai.privacy._detector import DEFAULT_CONFIG
from jichitai_ai.privacy._tokens import SudachiTokenizer
from jichitai_ai.privacy._types import EntityType

from .conftest import Staff
from .fake_llm import FakeLLM
from .heldout_prompts import prompts
from .test_staff_corpus import leaks, ordinary_words


def test_heldout_prompts_reach_the_model_masked(
    gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    tokenizer = SudachiTokenizer()
    all_leaks: list[str] = []
    readable = total = 0
    corpus = prompts()
    for prompt in corpus:
        llm.reset()
        gateway.complete(
            ChatRequest("aoba-city", "alice", [ChatMessage("user", prompt.text)], backend="onprem")
        )
        sent = llm.all_text()
        all_leaks += leaks(prompt, sent)
        words = ordinary_words(prompt, tokenizer)
        total += len(words)
        readable += sum(1 for w in words if w in sent)
    assert len(corpus) >= 60 and sum(len(p.items) for p in corpus) >= 150
    assert all_leaks == []
    assert readable / total >= 0.95


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(DEFAULT_CONFIG)


def _masked(detector: Detector, text: str) -> list[tuple[str, EntityType]]:
    return [(e.text, e.type) for e in detector.detect(text) if e.type is not EntityType.SENSITIVE]


# Each first-run leak of the held-out set, and variants written for the same rule.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("相談者四十物 律子さん、電話", ("四十物 律子", EntityType.PERSON)),
        ("来庁者十六夜 健さんの件", ("十六夜 健", EntityType.PERSON)),
        ("雲母 あかりちゃん（R2.4.9生）の健診", ("雲母 あかり", EntityType.PERSON)),
        ("母寒河江 ミツ（昭和6年7月7日生）の入所", ("寒河江 ミツ", EntityType.PERSON)),
        ("お客様番号 58-20419、", ("58-20419", EntityType.CASE_NUMBER)),
        ("会員番号：A-77120 の方", ("A-77120", EntityType.CASE_NUMBER)),
        ("被保険者番号 1200348871。", ("1200348871", EntityType.HEALTH_INSURANCE)),
        ("北海道旭川市宮前1条2丁目5-9、", ("北海道旭川市宮前1条2丁目5-9", EntityType.ADDRESS)),
        ("札幌市中央区北5条西3丁目7番地に", ("札幌市中央区北5条西3丁目7番地", EntityType.ADDRESS)),
        (
            "電話番号は０９０の３３７１の６６２０です",
            ("０９０の３３７１の６６２０", EntityType.PHONE),
        ),
        ("自宅は03の5521の7788です", ("03の5521の7788", EntityType.PHONE)),
    ],
)
def test_first_run_leaks_are_masked(
    detector: Detector, text: str, expected: tuple[str, EntityType]
) -> None:
    assert expected in _masked(detector, text)


def test_repeated_surname_after_a_kinship_word(detector: Detector) -> None:
    found = _masked(detector, "雲母 あかりちゃんの健診について、母雲母 杏へ電話。")
    assert ("雲母 あかり", EntityType.PERSON) in found
    assert ("雲母 杏", EntityType.PERSON) in found
    assert not any(text.startswith("母") for text, _ in found)  # 母 stays readable


@pytest.mark.parametrize(
    "text",
    ["第3条第2項に定める", "条例第12条の2による", "3条通り沿いの店"],
)
def test_law_articles_are_not_addresses(detector: Detector, text: str) -> None:
    assert not any(kind is EntityType.ADDRESS for _, kind in _masked(detector, text))
