"""Names found in one long run, read in linear time and memory (red team H7-6, hr8).

「山 田」 repeated to 10,000 characters cost 2.4 s of CPU in ``privacy.detect``, ×9 for ×4 the
input, and 40,000 characters held 1.1 GB: a name run was grown afresh from each of its tokens
to the run's end (``_names._extend_name_run``), one name per token as long as the rest of the
run, and every one of those names was split into parts and checked against every other
(``_coref.repeated_names``). A run now grows over at most ``MAX_RUN_TOKENS`` tokens, and parts
are read from the separators once (figures: ``benchmarks/hardening/regex_cpu.py``,
docs/benchmarks.md §5).

These tests hold the new code to the old rule it replaced, written out here as it was: on the
staff prompt sets, the same runs, the same parts, the same overlaps.
"""

from __future__ import annotations

import random
import re
from functools import cache

import pytest

from jichitai_ai.privacy import _coref, _names
from jichitai_ai.privacy._tokens import SudachiTokenizer, Token
from jichitai_ai.privacy._types import Entity, EntityType
from tests.gateway import (
    heldout_prompts,
    heldout_prompts_10,
    heldout_prompts_11,
    heldout_prompts_13,
)
from tests.gateway.staff_prompts import parse

HOSTILE = [
    "山 田",
    "山 田様",
    "山田 太郎 ",
    "佐藤 花子・",
    "ジョン・スミス ",
    "林 亮、",
    "エマ・ワトソン・",
]


def _texts() -> list[str]:
    prompts = [
        parse(p).text
        for module in (heldout_prompts, heldout_prompts_10, heldout_prompts_11, heldout_prompts_13)
        for p in module.PROMPTS
    ]
    return (
        prompts
        + [" ".join(prompts[k : k + 8]) for k in range(0, len(prompts), 8)]
        + [unit * (600 // len(unit)) for unit in HOSTILE]
    )


@cache
def _tokenizer() -> SudachiTokenizer:
    return SudachiTokenizer()


def _tokens(text: str) -> list[Token]:
    return _tokenizer().tokenize(text)


def test_no_name_of_the_prompt_sets_reaches_the_bound() -> None:
    """On real text the bound changes nothing: no run comes near it."""
    for text in _texts()[: -len(HOSTILE)]:
        tokens = _tokens(text)
        for k in range(len(tokens)):
            i, j = _names._extend_name_run(tokens, k, k)
            assert j - i < _names.MAX_RUN_TOKENS // 2, text[i : i + 40]


@pytest.mark.parametrize("unit", HOSTILE)
def test_a_long_run_yields_names_of_bounded_length(unit: str) -> None:
    text = unit * (6000 // len(unit))
    found = list(_names.find_persons(_tokens(text), text))
    assert sum(len(e.text) for e in found) < 40 * len(text)  # was ~ len(text) ** 2 / 6


def _parts_as_before(named: list[Entity]) -> set[str]:
    """The old rule: each name's text split at ・ and spaces, part by part."""
    parts: set[str] = set()
    for e in named:
        pieces = re.split(r"[・=＝゠･ \u3000]", e.text)
        parts |= {p for p in pieces if _coref._long_enough(p, len(pieces))}
    return parts


def test_name_parts_are_those_of_each_name_split_alone() -> None:
    checked = 0
    for text in _texts():
        named = [
            e
            for e in _names.find_persons(_tokens(text), text)
            if e.type is EntityType.PERSON and e.confidence >= 0.75
        ]
        assert _coref._name_parts(named, text) == _parts_as_before(named), text[:40]
        checked += len(named)
    assert checked > 500


def test_overlaps_are_those_of_a_pass_over_every_span() -> None:
    rng = random.Random(1)
    for _ in range(200):
        spans = [(s, s + rng.randint(0, 12)) for s in rng.sample(range(200), rng.randint(0, 30))]
        index = _coref._Spans(spans)
        for _ in range(50):
            start = rng.randint(-5, 210)
            end = start + rng.randint(0, 15)
            assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)
