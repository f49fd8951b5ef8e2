"""A question without a single word (「1234」, 「？？？」, a phone number alone) has nothing to choose
entries by: the resident is handed to the general contact, not offered the three entries that
happen to be closest (newcomer finding, 2026-12-01)."""

from __future__ import annotations

import pytest

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.domain.models import Decision
from jichitai_ai.services.platform import Platform

WORDLESS = ["1234", "？？？", "090-1234-5678", "!!", "12/25"]


def test_wordless_questions_go_to_the_general_contact(platform: Platform) -> None:
    with platform.db.write() as session:
        load_demo(session)
    for question in WORDLESS:
        result = platform.answering.ask("aoba-city", question, record=False)
        assert result.decision is Decision.NO_ANSWER, question
        assert not result.choices and result.answer is None, question
        assert result.contact is None, question  # the general contact, no department guessed
    # One word is enough to be asked about.
    assert platform.answering.ask("aoba-city", "住民票", record=False).decision is not (
        Decision.NO_ANSWER
    )


@pytest.mark.parametrize("question", ["ごみ", "tax", "쓰레기", "垃圾"])
def test_a_word_in_any_script_is_a_question(question: str) -> None:
    from jichitai_ai.services.answering import _says_nothing

    assert not _says_nothing(question)
