"""Red-team set rt11 (set 28): staff prompts in tests/gateway/heldout_prompts_28.py and residents'
questions in heldout_residents_28.py, committed before their first run; figures in
docs/benchmarks.md §3 ("Red team rt11"). Harness as rt7–rt10: staff prompts go through
``Gateway.preview_body`` (a マイナンバー must be refused, nothing else may be), residents'
questions through ``AnsweringService.ask`` and the question-log row actually stored; every
⟪look-alike⟫ must arrive as written. SQLite only (the masking of text is checked, not a storage
path). Run with ``-s`` to see every leaked item and over-mask."""

from __future__ import annotations

import pytest

from jichitai_ai.gateway import Gateway
from jichitai_ai.services.platform import Platform
from tests.conftest import load_demo_into

from . import heldout_prompts_28, heldout_residents_28
from .conftest import Staff
from .test_heldout_rt7 import _report, run_residents, run_staff

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

#: Items still visible or over-masked after the fixes (docs/benchmarks.md §3, "Red team rt11");
#: a list, so that any new leak changes the test. Left: an impossible date the prompt asks to correct (1988/13/02), OCR that broke
#: words (枡⏎田 英⏎二, Ｔ Ｏ　Ｑ Ｕ Ａ Ｎ Ｇ, 2l5-OO33, a spaced 在留カード番号), an address and a
#: phone glued together (東町2-8-50485229033), 「あおきです。」, a local number read aloud without
#: its area code, and the set's own slip: an 11-digit 個人番号 read aloud (not refused, masked
#: in part). Look-alikes: places next to personal data (masked by design, see the docs),
#: 0120/0570 and office numbers (earlier sets annotate such numbers as personal items), brands.
KNOWN_STAFF: list[str] = [
    "OVER-MASK 北町",
    "OVER-MASK 南町",
    "OVER-MASK 0285-22-1100",
    "OVER-MASK 0285-22-3515",
    "B:1988/13/02",
    "OVER-MASK 青葉市",
    "OVER-MASK 青葉市",
    "OVER-MASK 青葉市",
    "OVER-MASK 045-978-1100",
    "OVER-MASK 青葉市立",
    "OVER-MASK 045-972-0041",
    "OVER-MASK 新羽ビル",
    "OVER-MASK Amazon",
    "OVER-MASK 若葉町",
    "OVER-MASK ハイツ桜",
    "OVER-MASK グランドメゾン若葉台",
    "OVER-MASK 青葉市",
    "OVER-MASK コーポ緑",
    "OVER-MASK 青葉東クリニック",
    "OVER-MASK 青 葉 市 長",
    "Z:2l5-OO33",
    "P:枡\n田 英\n二",
    "P:Ｔ Ｏ　Ｑ Ｕ Ａ Ｎ Ｇ　Ｈ Ｕ Ｎ Ｇ",
    "N:Ａ Ｂ １ ２ ３ ４ ５ ６ ７ ８ Ｃ Ｄ",
    "A:東町2-8-5",
    "T:0485229033",
    "OVER-MASK 船 橋 市",
    "P:あおき",
    "T:ななにの、さんごいちはち",
    "OVER-MASK 0120-279-338",
    "OVER-MASK 0570-064-370",
    "OVER-MASK 045-978-0000",
    "OVER-MASK ヒマラヤ",
    "M: sent, not refused",
    "OVER-MASK アンパンマン",
    "OVER-MASK 横浜",
    "OVER-MASK ポッキー",
    "OVER-MASK ハスラー",
    "OVER-MASK タント",
    "OVER-MASK 石屋製菓",
    "OVER-MASK コシヒカリ",
]
#: 1951 (a birth year alone in English), DUNG (a spelling, 「…と書きます」); places in a
#: resident's question (the question log masks every place), brands.
KNOWN_RESIDENTS: list[str] = [
    "OVER-MASK 長野",
    "OVER-MASK 軽井沢",
    "OVER-MASK ヤクルト",
    "OVER-MASK 熊本",
    "OVER-MASK 松本",
    "OVER-MASK 0570-064-370",
    "B:1951",
    "OVER-MASK Toyota",
    "OVER-MASK Toyota",
    "OVER-MASK Sài Gòn",
    "OVER-MASK Banco do Brasil",
    "OVER-MASK Yoki",
    "P:DUNG",
]


@pytest.fixture
def demo(platform: Platform) -> Platform:
    load_demo_into(platform)
    return platform


def test_rt11_staff_prompts(gateway: Gateway, staff: Staff) -> None:
    corpus = heldout_prompts_28.prompts_with_keeps()
    items = sum(len(p.items) for p, _ in corpus)
    keeps = sum(len(k) for _, k in corpus)
    assert len(corpus) >= 150 and items >= 300 and keeps >= 100
    found, wrong, readable, total = run_staff(gateway, corpus)
    extra = f", wrong refusals {len(wrong)} {wrong}, readable {readable}/{total}"
    _report("rt11 staff prompts (set 28)", items, keeps, found, extra)
    assert [f.split("  <- ")[0] for f in found] == KNOWN_STAFF
    assert wrong == []
    assert readable / total >= 0.95, (readable, total)


def test_rt11_resident_questions_logged_masked(demo: Platform) -> None:
    corpus = heldout_residents_28.questions_with_keeps()
    items = sum(len(q.items) for q, _ in corpus)
    keeps = sum(len(k) for _, k in corpus)
    assert len(corpus) >= 60 and items >= 70 and keeps >= 25
    found = run_residents(demo, corpus)
    _report("rt11 resident questions (set 28, question log)", items, keeps, found)
    assert [f.split("  <- ")[0] for f in found] == KNOWN_RESIDENTS
