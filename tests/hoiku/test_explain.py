"""Reasons, rosters and waitlists read back from the exported files."""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import load_workbook

from jichitai_ai.hoiku import (
    explain,
    export_rosters_csv,
    export_waitlist_csv,
    export_xlsx,
    load_instance,
    run,
)


def _csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_reasons_rosters_and_waitlists(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {1: 2}), b.fac("B", {1: 1})],
        [
            b.kid("d", 1, 20, ["A", "B"]),
            b.kid("a", 1, 50, ["A"]),
            b.kid("c", 1, 30, ["A", "B"]),
            b.kid("b", 1, 40, ["A"]),
        ],
    )
    alloc = run(load_instance(folder))
    d = explain(alloc, "d")
    assert d.status == "waiting" and d.facility_id is None
    assert (
        d.reasons[0]
        == "第1希望「A園」の1歳児枠（募集2名）は、指数40以上の児童で充足しました（本児の指数20）。"
    )
    assert (
        d.reasons[1]
        == "第2希望「B園」の1歳児枠（募集1名）は、指数30以上の児童で充足しました（本児の指数20）。"
    )
    c = explain(alloc, "c", "en")
    assert c.choice == 2 and c.reasons[-1] == "Placed at choice 2, B園 (age class 1)."

    roster = _csv(export_rosters_csv(alloc))
    assert roster[0][:5] == ["施設ID", "施設名", "年齢クラス", "順位", "児童ID"]
    assert [(r[0], r[4]) for r in roster[1:]] == [("A", "a"), ("A", "b"), ("B", "c")]
    wait = _csv(export_waitlist_csv(alloc))
    assert [(r[0], r[3], r[4]) for r in wait[1:]] == [
        ("A", "1", "c"),
        ("A", "2", "d"),
        ("B", "1", "d"),
    ]

    wb = load_workbook(io.BytesIO(export_xlsx(alloc)), read_only=True)
    rows = list(wb["結果"].iter_rows(values_only=True))
    assert rows[0][:2] == ("児童ID", "施設ID") and len(rows) == 5


def test_exported_text_cannot_smuggle_spreadsheet_formulas(b: Any) -> None:
    folder = b.make([["A", '=HYPERLINK("http://x")', 0, 1, 0, 0, 0, 0]], [b.kid("k", 1, 10, ["A"])])
    alloc = run(load_instance(folder))
    rows = _csv(export_rosters_csv(alloc))
    assert rows[1][1] == '\'=HYPERLINK("http://x")'
    wb = load_workbook(io.BytesIO(export_xlsx(alloc)), read_only=True)
    cells = [c for row in wb["施設別名簿"].iter_rows(values_only=True) for c in row]
    assert '\'=HYPERLINK("http://x")' in cells


def test_seat_counts_name_published_places_and_transfer_applicants_who_stayed(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {1: 2}), b.fac("B", {1: 0})],
        [
            b.kid("t", 1, 10, ["B"], enrolled="A"),  # stays at A: its wish B has no place
            b.kid("a", 1, 50, ["A"]),
            b.kid("b", 1, 40, ["A"]),
            b.kid("w", 1, 30, ["A"]),
        ],
    )
    alloc = run(load_instance(folder))
    assert explain(alloc, "t").status == "stays"
    why = explain(alloc, "w").reasons[0]
    # published 2 (not "3": the third seat is t's own), and the cut-off is b's 40, not t's 10
    assert "募集2名" in why and "在籍継続の転園希望者1名" in why and "指数40以上" in why
    assert "枠3名" not in why


def test_a_class_filled_by_enrolled_children_says_so(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {1: 0}), b.fac("B", {1: 0})],
        [b.kid("t", 1, 10, ["B"], enrolled="A"), b.kid("w", 1, 30, ["A"])],
    )
    alloc = run(load_instance(folder))
    assert "在籍児童の継続利用で埋まりました" in explain(alloc, "w").reasons[0]


def test_sibling_reason_names_the_sibling_and_the_rule_that_decided_the_tie(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {0: 1, 1: 1})],
        [
            b.kid("x", 0, 40, ["A"], single_parent=1),
            b.kid("s1", 1, 40, ["A"], family="F", policy="同時入所"),
            b.kid("s0", 0, 40, ["A"], family="F", policy="同時入所"),
        ],
        'tiebreak = ["利用調整指数:降順", "ひとり親:降順", "申込順"]\n',
    )
    alloc = run(load_instance(folder))
    why = explain(alloc, "s1").reasons[0]
    assert "きょうだい（s0）" in why and "同時入所" in why
    assert "同点のため、ひとり親（高い順）で判定しました" in why


def test_an_enrolled_child_without_its_seat_in_a_result_file_is_told_about_it(b: Any) -> None:
    from jichitai_ai.hoiku import from_assignment

    folder = b.make(
        [b.fac("A", {2: 1}), b.fac("B", {2: 0})], [b.kid("t", 2, 30, ["A"], enrolled="B")]
    )
    inst = load_instance(folder)
    alloc = from_assignment(inst, {"t": None})
    assert alloc.report.violations  # the checker flags it, and the reason says where it is enrolled
    assert any("在籍施設「B園」に在籍中" in r for r in explain(alloc, "t").reasons)


def test_reasons_on_a_generated_instance_with_transfers_and_siblings() -> None:
    import re

    from jichitai_ai.hoiku import outcomes
    from tests.hoiku.randomized import Spec, random_instance

    inst = random_instance(Spec(160, 8, phi=1.0, siblings=0.4, transfers=0.2, twins=0.0), 5)
    alloc = run(inst)
    assert alloc.stable
    names = {f.name: f for f in inst.facilities}
    seen_full = seen_stay = 0
    for o in outcomes(alloc):
        text = " ".join(o.reasons)
        assert "入所可能な枠が残っています" not in text  # stable: no wish is left with room
        for m in re.finditer(r"「([^」]+)」の(\d)歳児枠（募集(\d+)名", text):
            seen_full += 1
            assert int(m.group(3)) == names[m.group(1)].capacity[int(m.group(2))]
        if o.status == "stays":
            seen_stay += 1
            assert "在籍施設" in o.reasons[-1]
    assert seen_full > 20 and seen_stay > 0
