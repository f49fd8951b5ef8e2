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
        == "第1希望「A園」の1歳児枠2名は、指数40以上の児童で充足しました（本児の指数20）。"
    )
    assert (
        d.reasons[1]
        == "第2希望「B園」の1歳児枠1名は、指数30以上の児童で充足しました（本児の指数20）。"
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
