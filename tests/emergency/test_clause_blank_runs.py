"""Clause boundaries inside long runs of blanks (hr9).

Three boundaries (English ``but`` / ``when``, Chinese 可是 …) began with optional punctuation
and then blanks, so a search tried at every blank of a run scanned the rest of it: a Korean
question between 4,000 ideographic spaces cost seconds of CPU. They now enter a run only at
its start (CPU per size: ``benchmarks/hardening/hr7_cpu.py``); these tests hold what the
boundaries still cut, with the punctuation and blanks around them.
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, clauses, detect_emergency

_RUN = 20_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I came to ask about the form , but my father collapsed",
            ["I came to ask about the form ", "my father collapsed"],
        ),
        ("I came to ask,but he fell", ["I came to ask", "but he fell"]),
        ("I asked  ;   but nobody came", ["I asked  ", "nobody came"]),
        ("I was there  when the roof fell", ["I was there", "the roof fell"]),
        ("我想问登记，可是邻居倒下了", ["我想问登记", "邻居倒下了"]),
        ("我想问登记   但是他不动了", ["我想问登记", "他不动了"]),
        ("但是他不动了", ["他不动了"]),
    ],
)
def test_story_turns_are_cut_with_the_blanks_around_them(text: str, expected: list[str]) -> None:
    assert clauses.split(text) == expected


@pytest.mark.parametrize("blank", [" ", "\u3000", "\t"])
def test_turns_are_found_between_long_blank_runs(blank: str) -> None:
    run = blank * _RUN
    pieces = clauses.split(run + "I came to ask" + run + "but" + run + "he fell" + run)
    assert [piece.strip() for piece in pieces] == ["I came to ask", "he fell"]
    pieces = clauses.split(run + "我想问登记" + run + "可是他倒下了" + run)
    assert [piece.strip() for piece in pieces] == ["我想问登记", "他倒下了"]


def test_a_korean_hazard_map_question_in_blank_runs_stays_a_service() -> None:
    run = "\u3000" * 5_000
    assert detect_emergency(run + "침수 위험 지도는 어디서 받나요" + run) == []
    assert detect_emergency(run + "집에 불이 났어요" + run) == [EmergencyKind.FIRE]
