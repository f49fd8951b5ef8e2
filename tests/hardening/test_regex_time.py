"""Hostile long inputs through every text entry point of privacy/ and text/ (red team hr5, hr7,
hr8): what comes out of them, not how long they take.

The inputs are built to make a backtracking pattern retry from every position (digit runs after
a kanji, runs of one class without the character that would end a match, repeated cues). Their
CPU time per size is printed by ``benchmarks/hardening/regex_cpu.py`` (``make bench``); timing
them here made the suite flaky on a loaded machine. What these tests hold is that a long input
is read like a short one: every name in it masked, nothing else changed, one run read as one.

Found by hr5: ``text.contentless``'s date-and-time pattern retried ``\\d+`` from every digit of a
run after a kanji (令和 + 4,000 digits: 0.7 s of CPU). Found by hr8: 2,000 characters without a
sentence or line end were cut for SudachiPy wherever the 2,000th fell, inside a name (山|田): one
山田 in every 2,000 characters of 「山田様」 repeated went to the model as typed.
"""

from __future__ import annotations

import pytest
from benchmarks.hardening.regex_cpu import INPUTS, KOREAN_CUE_RUNS, hostile_text

from jichitai_ai import privacy
from jichitai_ai.privacy._foreign_scripts import find_introduced_foreign_names
from jichitai_ai.text import normalize, script_of
from jichitai_ai.text.contentless import says_nothing
from jichitai_ai.text.homophones import kanji_runs
from jichitai_ai.text.municipal_glossary import words_of
from jichitai_ai.text.sino_korean import hangul_words, kanji_words
from jichitai_ai.text.spaced_kana import is_spaced

LONG = 10_000

#: Inputs with no personal data: the gateway passes them as typed.
NOTHING_PERSONAL = (
    "era_then_digits",
    "digits_then_letter",
    "digit_dash",
    "hiragana_kanji",
    "kanji_odoriji",
    "korean_particles",
    "email_dots",
    "ideographic_spaces",
    "long_vowels",
    "postal_mark",
)


@pytest.mark.parametrize("name", NOTHING_PERSONAL)
def test_long_text_without_personal_data_passes_unchanged(name: str) -> None:
    text = hostile_text(name, LONG)
    assert privacy.detect(text) == []
    assert privacy.detect_message(text) == []
    assert privacy.redact(text) == text


def _units(name: str, text: str) -> int:
    head, unit = INPUTS[name]
    return (len(text) - len(head)) // len(unit)


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("name_honorific", "【氏名1】様"),  # each 山田 before 様 (one in 2,000 left on main)
        ("korean_cue_glued", "저는【氏名1】님"),  # each 가나 after 저는, glued in one Hangul run
    ],
)
def test_every_name_of_a_long_run_is_masked(name: str, masked: str) -> None:
    text = hostile_text(name, LONG)
    units = _units(name, text)
    assert privacy.redact(text) == masked * units
    assert len(privacy.detect(text)) == units
    assert len(privacy.detect_message(text)) == units


def test_a_long_spaced_name_run_is_one_name() -> None:
    """山 田 repeated (H7-6): one run of surname-space-name to the end, masked whole."""
    text = hostile_text("spaced_name", LONG)
    assert privacy.redact(text) == "【氏名1】"
    assert [(e.start, e.end) for e in privacy.detect(text)] == [(0, len(text))]


def test_each_introduction_of_a_long_latin_run_is_masked() -> None:
    """My name is … repeated: the word after each introduction is the name (the next My)."""
    text = hostile_text("latin_intro", LONG)
    units = _units("latin_intro", text)
    assert privacy.redact(text) == "My name is " + "【氏名1】 name is " * (units - 1)


def test_long_runs_of_one_kind_are_read_as_one() -> None:
    assert normalize(hostile_text("long_vowels", LONG)) == "ーー"
    spaced = hostile_text("ideographic_spaces", LONG)
    assert normalize(spaced) == spaced.replace("\u3000", " ")
    odoriji = hostile_text("kanji_odoriji", LONG)
    assert kanji_runs(odoriji) == [odoriji]
    honorific = hostile_text("name_honorific", LONG)
    assert kanji_runs(honorific) == [honorific]
    assert hangul_words(hostile_text("korean_particles", LONG)) == [
        hostile_text("korean_particles", LONG)
    ]


def test_long_runs_of_short_words_keep_every_word() -> None:
    assert words_of(hostile_text("digit_dash", LONG)) == ["1"] * (LONG // 2)
    assert words_of(hostile_text("email_dots", LONG)) == ["a"] * (LONG // 2)
    assert words_of(hostile_text("era_then_digits", LONG)) == ["1" * (LONG - 2)]
    assert kanji_words(hostile_text("hiragana_kanji", LONG)) == ["일"] * (LONG // 4)
    assert kanji_words(hostile_text("kanji_odoriji", LONG)) == ["일"] * (LONG // 2)


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_a_long_input_is_judged_like_a_short_one(name: str) -> None:
    """The yes/no and script answers do not change with the length of the run."""
    short, long = hostile_text(name, 100), hostile_text(name, LONG)
    for judge in (script_of, says_nothing, is_spaced):
        assert judge(long) == judge(short), judge.__name__


@pytest.mark.parametrize("unit", KOREAN_CUE_RUNS)
def test_korean_subject_check_reads_every_cue_at_the_gateway_limit(unit: str) -> None:
    """A cue glued to a name inside one unbroken Hangul run, 50,000 characters (the gateway's
    limit; quadratic before nc6): every cue still introduces its name."""
    text = unit * (50_000 // len(unit))
    names = [e.text for e in find_introduced_foreign_names(text)]
    assert names == ["가나"] * (50_000 // len(unit))


@pytest.mark.parametrize(
    ("text", "is_name"),
    [
        ("저는 문의가 있어요", False),  # 문의가 + space: what the sentence is about
        ("저는 지은 입니다", True),  # no particle: a name before a spaced copula
        ("저는 지은이 입니다", True),  # particle-like 이 then the copula: still a name
        ("남편 민수가 씨", True),  # 가 then 씨: an honorific, not a subject
        ("남편 민수가 왔어요", False),
        ("저는 가나.", True),  # the run ends before a full stop, not a space
    ],
)
def test_korean_subject_rule_is_unchanged(text: str, is_name: bool) -> None:
    assert any(e.text for e in find_introduced_foreign_names(text)) is is_name
