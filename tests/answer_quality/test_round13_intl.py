"""Round 13 international misses (issue 12, i12ah; docs/benchmarks.md §7.34).

- The demo's driver's licence centre knows the mainland Chinese word for a licence (驾驶证) and
  the Korean way of saying a foreign licence is converted (면허 전환).
- Chinese and Korean everyday words the glossary lacked: 车检, a tap with no water, older
  relatives, a puppy or a rescued dog.

Every question here was written for the tests, none is from a question set.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jichitai_ai.text.municipal_glossary import cjk_glossary_words
from tests.answer_quality.demo_city import dense_demo_platform


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("明天要去车检 需要带什么", "車検"),
        ("廚房的水龍頭壞了", "水道"),
        ("今天早上開始停水", "水道"),
        ("楼上说他家没有水了", "水が出ない"),
        ("家里的长辈行动不方便", "高齢"),
        ("반려견을 키우기 시작했어요", "犬"),
        ("유기견을 입양하고 싶어요", "犬"),
    ],
)
def test_the_glossary_reads_everyday_chinese_and_korean_words(text: str, term: str) -> None:
    assert term in cjk_glossary_words(text).split()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with dense_demo_platform(Path(tmp_path_factory.mktemp("round13"))) as platform:
        yield platform


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("zh-Hans", "我的中国驾驶证在这边可以开车吗"),
        ("ko", "미국 면허를 일본 면허로 전환하려면 어디로 가요"),
    ],
)
def test_demo_city_hands_licence_questions_to_the_licence_centre(
    demo: Any, language: str, question: str
) -> None:
    result = demo.answering.ask("aoba-city", question, language=language, record=False)
    assert str(result.decision) == "no_answer"
    assert result.other_authority is not None
    assert "Licence" in result.other_authority["name"] or "免許" in result.other_authority["name"]
