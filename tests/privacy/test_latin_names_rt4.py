"""The rt4 set (tests/privacy/latin_names_rt4.py) through the question log's masking
(services.redaction.screen): a Latin-script name without a cue is not stored as typed, and
capitalised places, months, weekdays, brands and municipal words are not taken for names.

Place names (Aoba City, Osaka) are masked as 【地名】 in the log by design (the question log
masks places); the set's readable check is therefore "no 【氏名】", and each word stays visible
unless it is a place. The two names rt4 left (expected failures until rt6) are masked since rt6
(docs/benchmarks.md §3 "Red team rt5")."""

from __future__ import annotations

import pytest

from jichitai_ai.services.redaction import screen

from .latin_names_rt4 import NAMES, READABLE


# ("Is Setyaningsih eligible …" is masked since rt5: Is/Can X eligible/entitled … is a name's
# place; 「家族の Purwaningsih が」 since rt6: one Latin word between 家族の and が is.)
@pytest.mark.parametrize(("question", "parts"), NAMES)
def test_a_cue_less_latin_name_is_not_logged(question: str, parts: tuple[str, ...]) -> None:
    stored = screen(question).for_log
    assert not [p for p in parts if p in stored], stored


@pytest.mark.parametrize(("question", "words"), READABLE)
def test_capitalised_non_names_are_not_taken_for_names(
    question: str, words: tuple[str, ...]
) -> None:
    stored = screen(question).for_log
    assert "【氏名" not in stored, stored
    assert all(w in stored for w in words) or "【地名" in stored, stored


# Variants the set did not hold: other names, other positions, and the English words
# SudachiPy took for names in the answer-quality questions (last week, an old fridge, the bank).
VARIANTS = [
    ("Child allowance for Oluwadamilare Eze please", "Oluwadamilare"),  # rt3's leftover
    ("Pension question for Chiamaka Onyekachi, thank you", "Onyekachi"),
    ("Is the form from Dorjsuren Altangerel valid?", "Dorjsuren"),
    # aldrin is a dictionary word: one unknown word, masked since rt6 as a sentence's subject
    ("Aldrin Dimaculangan forgot the password", "Dimaculangan"),
    ("Jhoanna Dimaculangan forgot the password", "Dimaculangan"),
    ("Moving-in papers for Kusumawardani", "Kusumawardani"),
    ("When is the tax due?\nKind regards,\nRoshani Bhattarai", "Roshani"),
    ("申請者は Gbemisola Akinwande です", "Akinwande"),
]
READABLE_VARIANTS = [
    "We lost the bank book last week, an old one",
    "Is Hello Work open on Friday in August?",
    "How do I apply for Kokumin Nenkin and Shakai Hoken?",
    "Does Amazon Prime count as income?",
    "Thanks, City Hall",
]


@pytest.mark.parametrize(("text", "hidden"), VARIANTS)
def test_variant_names_are_masked(text: str, hidden: str) -> None:
    assert hidden not in screen(text).for_log


@pytest.mark.parametrize("text", READABLE_VARIANTS)
def test_variant_words_stay_readable(text: str) -> None:
    assert screen(text).for_log == text
