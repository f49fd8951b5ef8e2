"""Red-team set rt3 (set 22): staff prompts in tests/gateway/heldout_prompts_22.py and residents'
questions in heldout_residents_22.py, committed before their first run; figures in
docs/benchmarks.md §3 ("Red team rt3"). Same harness as test_heldout_rt1.py: staff prompts go
through ``Gateway.preview_body`` (a マイナンバー must be refused), residents' questions through
``AnsweringService.ask`` and the question-log row actually stored. Run with ``-s`` to see every
leaked item."""

from __future__ import annotations

from jichitai_ai.gateway import Gateway
from jichitai_ai.services.platform import Platform

from . import heldout_prompts_22, heldout_residents_22
from .conftest import Staff
from .test_heldout_rt1 import _logged, _staff_prompts, demo_platform  # noqa: F401


def test_rt3_staff_prompts(gateway: Gateway, staff: Staff) -> None:
    corpus = heldout_prompts_22.prompts()
    assert len(corpus) >= 50 and sum(len(p.items) for p in corpus) >= 150
    _staff_prompts(gateway, corpus, "rt3 staff prompts (set 22)")


def test_rt3_resident_questions_logged_masked(demo_platform: Platform) -> None:  # noqa: F811
    corpus = heldout_residents_22.questions()
    assert len(corpus) >= 40
    _logged(demo_platform, corpus, "rt3 resident questions (set 22, question log)")
