"""Red-team set rt8 (set 25): staff prompts in tests/gateway/heldout_prompts_25.py and residents'
questions in heldout_residents_25.py, committed before their first run; figures in
docs/benchmarks.md §3 ("Red team rt8"). Harness as rt7 (its runners, given this set): staff
prompts go through ``Gateway.preview_body`` (the code path of ``jichitai-ai gateway preview``; a
マイナンバー must be refused, nothing else may be), residents' questions through
``AnsweringService.ask`` and the question-log row actually stored; every ⟪look-alike⟫ must
arrive as written. Run with ``-s`` to see every leaked item and over-mask."""

from __future__ import annotations

from jichitai_ai.gateway import Gateway
from jichitai_ai.services.platform import Platform

from . import heldout_prompts_25, heldout_residents_25
from .conftest import Staff
from .test_heldout_rt1 import demo_platform  # noqa: F401
from .test_heldout_rt7 import _report, run_residents, run_staff

#: Items still visible or over-masked after the fixes (docs/benchmarks.md §3, "Red team rt8");
#: a list, so that any new leak changes the test.
#: 三笠 of 三笠係長: a surname read as a place, glued to a title (``surname_title`` stays off: it
#: cost location recall on ner-ja). もりおか たいが: a kana pair with a place reading and no
#: cue, so its row's recent date R5.12.8 has no person before it either. キントーン (a product
#: listed with a Latin name) and サトウのごはん (a brand that opens with a surname) are read as
#: names. 葦原です。: a surname that is only a common noun in SudachiDict, opening a message.
KNOWN_STAFF: list[str] = [
    "P:三笠",
    "P:もりおか たいが (part たいが)",
    "B:R5.12.8",
    "OVER-MASK キントーン",
    "OVER-MASK サトウのごはん",
]
# rt8b: 「カロナールは子どもに飲ませていいですか」 — a topic alone is no thing context (a name
# there is the one who gives); a leak is worse than this over-mask.
KNOWN_RESIDENTS: list[str] = ["OVER-MASK カロナール", "P:葦原"]


def test_rt8_staff_prompts(gateway: Gateway, staff: Staff) -> None:
    corpus = heldout_prompts_25.prompts_with_keeps()
    items = sum(len(p.items) for p, _ in corpus)
    keeps = sum(len(k) for _, k in corpus)
    assert len(corpus) >= 150 and items >= 350 and keeps >= 50
    found, wrong, readable, total = run_staff(gateway, corpus)
    extra = f", wrong refusals {len(wrong)} {wrong}, readable {readable}/{total}"
    _report("rt8 staff prompts (set 25)", items, keeps, found, extra)
    assert [f.split("  <- ")[0] for f in found] == KNOWN_STAFF
    assert wrong == []
    assert readable / total >= 0.95, (readable, total)


def test_rt8_resident_questions_logged_masked(demo_platform: Platform) -> None:  # noqa: F811
    corpus = heldout_residents_25.questions_with_keeps()
    items = sum(len(q.items) for q, _ in corpus)
    keeps = sum(len(k) for _, k in corpus)
    assert len(corpus) >= 60 and items >= 80 and keeps >= 12
    found = run_residents(demo_platform, corpus)
    _report("rt8 resident questions (set 25, question log)", items, keeps, found)
    assert [f.split("  <- ")[0] for f in found] == KNOWN_RESIDENTS
