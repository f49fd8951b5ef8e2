"""Red-team set rt10 (set 27): staff prompts in tests/gateway/heldout_prompts_27.py and residents'
questions in heldout_residents_27.py, committed before their first run; figures in
docs/benchmarks.md §3 ("Red team rt10"). Harness as rt7–rt9 (their runners, given this set):
staff prompts go through ``Gateway.preview_body`` (a マイナンバー must be refused, nothing else
may be), residents' questions through ``AnsweringService.ask`` and the question-log row actually
stored; every ⟪look-alike⟫ must arrive as written. What is checked is the masking of the text,
not the storage path (the gateway's and the log's PostgreSQL paths have their own tests), so
this file runs on SQLite only, with the demo copied from the run's shared build. Run with
``-s`` to see every leaked item and over-mask."""

from __future__ import annotations

import pytest

from jichitai_ai.gateway import Gateway
from jichitai_ai.services.platform import Platform
from tests.conftest import load_demo_into

from . import heldout_prompts_27, heldout_residents_27
from .conftest import Staff
from .test_heldout_rt7 import _report, run_residents, run_staff

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

#: Items still visible or over-masked after the fixes (docs/benchmarks.md §3, "Red team rt10");
#: a list, so that any new leak changes the test.
#: P:ゆめ is the set's markup, not a leak: ゆめ of ゆめちゃん is masked, and the whole-surface
#: check finds ゆめ inside the look-alike ゆめタウン of the same prompt. Left: a katakana given
#: name the dictionary reads as a common word in brackets (荒川 スミ), さよ of 城間 さよ・…, Mongolian
#: names broken inside a word by a PDF copy (Dorj⏎suren, Anu⏎jin), a hiragana surname opening a
#: quote before です (「よしざわです、」); look-alikes: a brand before の + a product a person may
#: own (オムロンの血圧計, スズキの軽トラ, ヤマハ, タニタ, 西川, ニトリ), と-lists of brands, a place
#: glued to a katakana product (夕張メロン, ハローワーク広島), のぞみ as a subject, すみれ学級,
#: ゆうパック, ミヤBM, an animal as a を-object of 見る, a shop name in capitals after 勤務先.
KNOWN_STAFF: list[str] = [
    "OVER-MASK のぞみ",
    "OVER-MASK 夕張メロン",
    "OVER-MASK ゆうパック",
    "OVER-MASK ＩＮＤＩＡ ＧＡＴＥ",
    "P:Dorj\nsuren Bold (part suren)",
    "P:Dorj\nsuren Bold (part Bold)",
    "P:Anu\njin (part jin)",
    "OVER-MASK オムロン",
    "OVER-MASK スズキ",
    "OVER-MASK ハローワーク広島",
    "OVER-MASK ヤマハ",
    "OVER-MASK タニタ",
    "P:ゆめ",
    "OVER-MASK ヤンバルクイナ",
    "OVER-MASK ミヤBM",
    "OVER-MASK 西川",
    "OVER-MASK ニトリ",
    "OVER-MASK ユニクロ",
    "OVER-MASK すみれ",
    "OVER-MASK モスバーガー",
    "OVER-MASK オロナイン",
    "OVER-MASK マキロン",
]
#: 曙 トヨです (a place word as the surname, opening the message), ののかが… (a hiragana name
#: opening the message before が), ヤンバルクイナを見ました.
KNOWN_RESIDENTS: list[str] = ["OVER-MASK ヤンバルクイナ"]


@pytest.fixture
def demo(platform: Platform) -> Platform:
    load_demo_into(platform)
    return platform


def test_rt10_staff_prompts(gateway: Gateway, staff: Staff) -> None:
    corpus = heldout_prompts_27.prompts_with_keeps()
    items = sum(len(p.items) for p, _ in corpus)
    keeps = sum(len(k) for _, k in corpus)
    assert len(corpus) >= 150 and items >= 300 and keeps >= 80
    found, wrong, readable, total = run_staff(gateway, corpus)
    extra = f", wrong refusals {len(wrong)} {wrong}, readable {readable}/{total}"
    _report("rt10 staff prompts (set 27)", items, keeps, found, extra)
    assert [f.split("  <- ")[0] for f in found] == KNOWN_STAFF
    assert wrong == []
    assert readable / total >= 0.95, (readable, total)


def test_rt10_resident_questions_logged_masked(demo: Platform) -> None:
    corpus = heldout_residents_27.questions_with_keeps()
    items = sum(len(q.items) for q, _ in corpus)
    keeps = sum(len(k) for _, k in corpus)
    assert len(corpus) >= 60 and items >= 70 and keeps >= 15
    found = run_residents(demo, corpus)
    _report("rt10 resident questions (set 27, question log)", items, keeps, found)
    assert [f.split("  <- ")[0] for f in found] == KNOWN_RESIDENTS
