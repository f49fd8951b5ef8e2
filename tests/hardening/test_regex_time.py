"""Hostile long inputs through every text entry point of privacy/ and text/ (red team hr5).

Each entry point gets adversarial strings built to make a backtracking pattern retry from every
position (digit runs after a kanji, runs of one class without the character that would end a
match, repeated cues). The rule: the CPU time at 10,000 characters stays within a linear growth
of the time at 2,500 (×4 expected, ×8 allowed) or under 0.5 s in absolute terms, so a loaded
machine slows both sizes alike and does not fail the test.

Found: ``text.contentless``'s date-and-time pattern retried ``\\d+`` from every digit of a run
after a kanji: 「令和」 + 4,000 digits (a resident's question within the API's 4,000 characters)
cost 0.7 s of CPU, 10,000 digits 4.5 s. Numbers now start where no digit precedes them and are
taken whole.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from jichitai_ai import privacy
from jichitai_ai.text import normalize, script_of
from jichitai_ai.text.contentless import says_nothing
from jichitai_ai.text.homophones import kanji_runs
from jichitai_ai.text.municipal_glossary import words_of
from jichitai_ai.text.sino_korean import hangul_words, kanji_words
from jichitai_ai.text.spaced_kana import is_spaced

ENTRY_POINTS: dict[str, Callable[[str], object]] = {
    "privacy.detect": privacy.detect,
    "privacy.detect_message": privacy.detect_message,
    "privacy.redact": privacy.redact,
    "text.normalize": normalize,
    "text.script_of": script_of,
    "text.contentless.says_nothing": says_nothing,
    "text.homophones.kanji_runs": kanji_runs,
    "text.municipal_glossary.words_of": words_of,
    "text.sino_korean.kanji_words": kanji_words,
    "text.sino_korean.hangul_words": hangul_words,
    "text.spaced_kana.is_spaced": is_spaced,
}

#: Each a unit repeated to the length asked, after an optional head.
INPUTS: dict[str, tuple[str, str]] = {
    "era_then_digits": ("令和", "1"),
    "digits_then_letter": ("", "1"),
    "digit_dash": ("", "1-"),
    "digit_dot_space": ("", "0. "),
    "hiragana_kanji": ("", "ばあば一"),
    "kanji_odoriji": ("", "一々"),
    "korean_cue_glued": ("", "저는가나님"),
    "korean_particles": ("", "힣다고"),
    "email_dots": ("", "a."),
    "name_honorific": ("", "山田様"),
    "ideographic_spaces": ("あ", "\u3000あ"),
    "long_vowels": ("", "ー"),
    "postal_mark": ("〒", "1"),
    "latin_intro": ("", "My name is "),
}


def _text(name: str, length: int) -> str:
    head, unit = INPUTS[name]
    return head + unit * ((length - len(head)) // len(unit))


def _cpu(entry: Callable[[str], object], text: str) -> float:
    started = time.thread_time()
    entry(text)
    return time.thread_time() - started


@pytest.mark.parametrize("entry_name", sorted(ENTRY_POINTS))
def test_long_hostile_text_takes_linear_time(entry_name: str) -> None:
    entry = ENTRY_POINTS[entry_name]
    entry("住民票の写しを取りたい")  # load lexicons and compile patterns outside the timing
    slow = {}
    for name in INPUTS:
        short = _cpu(entry, _text(name, 2_500))
        long = _cpu(entry, _text(name, 10_000))
        if long > 0.5 and long > 8 * max(short, 0.01):
            slow[name] = (round(short, 3), round(long, 3))
    assert slow == {}, slow
