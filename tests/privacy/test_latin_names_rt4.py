"""The rt4 set (tests/privacy/latin_names_rt4.py) through the question log's masking
(services.redaction.screen): a Latin-script name without a cue is not stored as typed, and
capitalised places, months, weekdays, brands and municipal words stay readable."""

from __future__ import annotations

import pytest

from jichitai_ai.services.redaction import screen

from .latin_names_rt4 import NAMES, READABLE


@pytest.mark.parametrize(("question", "parts"), NAMES)
def test_a_cue_less_latin_name_is_not_logged(question: str, parts: tuple[str, ...]) -> None:
    stored = screen(question).for_log
    assert not [p for p in parts if p in stored], stored


@pytest.mark.parametrize(("question", "words"), READABLE)
def test_capitalised_non_names_stay_readable(question: str, words: tuple[str, ...]) -> None:
    stored = screen(question).for_log
    assert all(w in stored for w in words), stored
