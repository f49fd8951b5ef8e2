"""Hostile input must neither crash nor hang (no catastrophic backtracking).

What comes out is checked here on 10,000-character inputs (every entity's span is its text,
one placeholder per masked entity, the names and numbers of the many-entities text masked); the
CPU time per size (these inputs at 100,000 characters, where backtracking would take hours and a
detection takes about 0.6 s) is printed by ``benchmarks/hardening/suite_timings.py --only
hostile`` (``make bench``): a CPU bound here only measured the test worker (up to 7.5 s late in
the suite, seen twice on address_chain and dash_digit_chain).
"""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector, MaskingSession

#: Characters per hostile input in the tests (the benchmark also runs them ten times longer).
LENGTH = 10_000


def hostile_cases(length: int) -> dict[str, str]:
    """The hostile inputs, each about ``length`` characters where it is built from a run."""
    half = length // 2
    return {
        "lone_surrogate": "山田\ud800太郎様 03-1234-5678",
        "nul_and_controls": "山田\x00太郎様\x1b[31m 03-1234-5678",
        "combining_marks": "山\u0301田太郎様" * 50,
        "long_digit_run": "1" * length,
        "dash_digit_chain": "0-" * half,
        "email_like_dots": "a." * half + "@",
        "email_like_domain": "a@" + "b." * half,
        "kanji_numerals": "一" * half + "丁目",
        "address_chain": "東京都千代田区" + "1-" * half,
        "no_sentence_breaks": "あ" * length,
        "date_chain": "1985/" * (length // 5),
        "labels_only": "氏名：" * (length // 10),
        "emoji_zwj": "👨\u200d👩\u200d👧" * (length // 20) + "山田太郎様",
        "rtl_and_bom": "\ufeff\u202e山田太郎様\u202c 090-1234-5678",
    }


def many_entities(repetitions: int) -> str:
    return "山田太郎様の電話は03-1234-5678です。" * repetitions


_CASES = hostile_cases(LENGTH)


@pytest.mark.parametrize("name", sorted(_CASES))
def test_hostile_input_is_handled(detector: Detector, name: str) -> None:
    text = _CASES[name]
    entities = detector.detect(text)
    masked = MaskingSession().mask(text, entities)
    for e in entities:
        assert text[e.start : e.end] == e.text
    assert len(masked.replacements) == len([e for e in entities if e.type.value != "sensitive"])


def test_many_entities_are_all_masked(detector: Detector) -> None:
    text = many_entities(500)
    entities = detector.detect(text)
    masked = MaskingSession().mask(text, entities)
    assert "山田太郎" not in masked.text and "03-1234-5678" not in masked.text
    assert set(masked.placeholders) == {"【氏名1】", "【電話番号1】"}


def test_empty_text(detector: Detector) -> None:
    assert detector.detect("") == []
    assert MaskingSession().mask("", []).text == ""
