"""Red-team set rt9 (set 26): staff prompts in tests/gateway/heldout_prompts_26.py and residents'
questions in heldout_residents_26.py, committed before their first run; figures in
docs/benchmarks.md §3 ("Red team rt9"). Harness as rt7/rt8 (their runners, given this set): staff
prompts go through ``Gateway.preview_body`` (a マイナンバー must be refused, nothing else may be),
residents' questions through ``AnsweringService.ask`` and the question-log row actually stored;
every ⟪look-alike⟫ must arrive as written. Run with ``-s`` to see every leaked item and
over-mask."""

from __future__ import annotations

from jichitai_ai.gateway import Gateway
from jichitai_ai.services.platform import Platform

from . import heldout_prompts_26, heldout_residents_26
from .conftest import Staff
from .test_heldout_rt1 import demo_platform  # noqa: F401
from .test_heldout_rt7 import _report, run_residents, run_staff

#: Items still visible or over-masked after the fixes (docs/benchmarks.md §3, "Red team rt9"); a
#: list, so that any new leak changes the test.
#: Ages (⟦B:…歳⟧) and a bare 生年 year stay readable by design: with the name masked they
#: identify no one, and the model needs them for 介護 and 福祉 work. ちーちゃん was annotated
#: with its honorific (the set's markup; ちー is masked). カゴメ (a company in a と-list,
#: giving) and cities masked as 地名 (青葉市, 海老名市, 松本市 — LOCATION is masked by default)
#: are left; 颯 alone before の with no kinship word too.
KNOWN_STAFF: list[str] = [
    "B:101歳",
    "B:31歳",
    "B:94歳",
    "B:88歳",
    "P:ちーちゃん (part ちゃん)",
    "OVER-MASK 青葉市",
    "OVER-MASK 海老名市",
    "B:1993年",
    "B:62歳",
    "OVER-MASK カゴメ",
]
KNOWN_RESIDENTS: list[str] = ["OVER-MASK 松本市", "B:31歳", "P:颯"]


def test_rt9_staff_prompts(gateway: Gateway, staff: Staff) -> None:
    corpus = heldout_prompts_26.prompts_with_keeps()
    items = sum(len(p.items) for p, _ in corpus)
    keeps = sum(len(k) for _, k in corpus)
    assert len(corpus) >= 150 and items >= 350 and keeps >= 60
    found, wrong, readable, total = run_staff(gateway, corpus)
    extra = f", wrong refusals {len(wrong)} {wrong}, readable {readable}/{total}"
    _report("rt9 staff prompts (set 26)", items, keeps, found, extra)
    assert [f.split("  <- ")[0] for f in found] == KNOWN_STAFF
    assert wrong == []
    assert readable / total >= 0.95, (readable, total)


def test_rt9_resident_questions_logged_masked(demo_platform: Platform) -> None:  # noqa: F811
    corpus = heldout_residents_26.questions_with_keeps()
    items = sum(len(q.items) for q, _ in corpus)
    keeps = sum(len(k) for _, k in corpus)
    assert len(corpus) >= 60 and items >= 80 and keeps >= 12
    found = run_residents(demo_platform, corpus)
    _report("rt9 resident questions (set 26, question log)", items, keeps, found)
    assert [f.split("  <- ")[0] for f in found] == KNOWN_RESIDENTS
