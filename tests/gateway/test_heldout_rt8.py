"""Red-team set rt8 (set 25): staff prompts in tests/gateway/heldout_prompts_25.py and residents'
questions in heldout_residents_25.py, committed before their first run; figures in
docs/benchmarks.md §3 ("Red team rt8"). Harness as rt7: staff prompts go through
``Gateway.preview_body`` (the code path of ``jichitai-ai gateway preview``; a マイナンバー must be
refused, nothing else may be), residents' questions through ``AnsweringService.ask`` and the
question-log row actually stored; every ⟪look-alike⟫ must arrive as written. Run with ``-s`` to
see every leaked item and over-mask."""

from __future__ import annotations

from jichitai_ai.gateway import Gateway
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import QuestionLog

from . import heldout_prompts_25, heldout_residents_25
from .conftest import Staff
from .test_heldout_rt1 import demo_platform, run_staff_prompts  # noqa: F401
from .test_heldout_rt7 import _report, over_masks
from .test_staff_corpus import leaks

#: Items still visible or over-masked after the fixes (docs/benchmarks.md §3, "Red team rt8");
#: a list, so that any new leak changes the test.
KNOWN_STAFF: list[str] = []
KNOWN_RESIDENTS: list[str] = []


def run_staff(gateway: Gateway) -> tuple[list[str], list[str], int, int]:
    """(leaks and over-masks, wrong refusals, readable words, ordinary words)."""
    corpus = heldout_prompts_25.prompts_with_keeps()
    return run_staff_prompts(gateway, [p for p, _ in corpus], [k for _, k in corpus])


def run_residents(platform: Platform) -> list[str]:
    found: list[str] = []
    for question, keeps in heldout_residents_25.questions_with_keeps():
        result = platform.answering.ask("aoba-city", question.text, channel="web")
        with platform.db.read() as session:
            row = session.get(QuestionLog, result.question_id)
            assert row is not None
            stored = row.question
        where = f"  <- {question.text[:30]!r}"
        found += [leak + where for leak in leaks(question, stored)]
        found += [over + where for over in over_masks(question, keeps, stored)]
    return found


def test_rt8_staff_prompts(gateway: Gateway, staff: Staff) -> None:
    corpus = heldout_prompts_25.prompts_with_keeps()
    items = sum(len(p.items) for p, _ in corpus)
    keeps = sum(len(k) for _, k in corpus)
    assert len(corpus) >= 150 and items >= 350 and keeps >= 50
    found, wrong, readable, total = run_staff(gateway)
    _report(
        "rt8 staff prompts (set 25)",
        items,
        keeps,
        found,
        f", wrong refusals {len(wrong)} {wrong}, readable {readable}/{total}",
    )
    assert [f.split("  <- ")[0] for f in found] == KNOWN_STAFF
    assert wrong == []
    assert readable / total >= 0.95, (readable, total)


def test_rt8_resident_questions_logged_masked(demo_platform: Platform) -> None:  # noqa: F811
    corpus = heldout_residents_25.questions_with_keeps()
    items = sum(len(q.items) for q, _ in corpus)
    keeps = sum(len(k) for _, k in corpus)
    assert len(corpus) >= 60 and items >= 80 and keeps >= 12
    found = run_residents(demo_platform)
    _report("rt8 resident questions (set 25, question log)", items, keeps, found)
    assert [f.split("  <- ")[0] for f in found] == KNOWN_RESIDENTS
