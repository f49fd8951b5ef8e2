"""Loading templates, ChilmAI files, odd encodings and bad rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from jichitai_ai.hoiku import (
    HoikuInputError,
    SiblingPolicy,
    load_instance,
    load_instance_bytes,
    outcomes,
    run,
)
from jichitai_ai.hoiku._io import load_directory

from .conftest import CHILD_HEADER, FAC_HEADER


def test_shift_jis_csv_export_is_read(b: Any) -> None:
    folder = b.make([b.fac("A", {1: 1})], [b.kid("子1", 1, 30, ["A"])])
    for name in ("facilities.csv", "children.csv"):
        text = (folder / name).read_text(encoding="utf-8-sig")
        (folder / name).write_bytes(text.encode("cp932"))
    inst = load_instance(folder)
    assert inst.children[0].id == "子1" and inst.facilities[0].name == "A園"


def test_xlsx_templates_are_read(tmp_path: Path) -> None:
    def book(header: list[str], rows: list[list[object]]) -> Path:
        wb = Workbook()
        ws = wb.active
        ws.append(header)
        for r in rows:
            ws.append(r)
        p = tmp_path / f"{len(list(tmp_path.iterdir()))}.xlsx"
        wb.save(p)
        return p

    f = book(FAC_HEADER, [["A", "A園", 0, 2, 0, 0, 0, 0]])
    c = book(CHILD_HEADER, [["k1", "", 1, 30.0, 0, 0, "", "", "A", "", "", "", "", ""]])
    inst = load_instance_bytes(f.read_bytes(), c.read_bytes())
    assert inst.facilities[0].capacity[1] == 2
    assert inst.children[0].preferences == ("A",) and inst.children[0].score == 30.0


def test_every_bad_row_is_reported(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {1: 1}), ["B", "B園", "x", 0, 0, 0, 0, 0]],
        [
            b.kid("k1", 7, 30, ["A"]),
            b.kid("k2", 1, "high", ["A"]),
            b.kid("k3", 1, 30, ["Z"]),
            b.kid("k1", 1, 30, ["A"]),
            b.kid("=cmd|' /C calc'!A0", 1, 30, ["A"]),
            b.kid("k6", 1, 30, ["A"], family="F", policy="同時入所"),
            b.kid("k7", 1, 30, ["A"], family="F", policy="個別だけ"),
        ],
    )
    with pytest.raises(HoikuInputError) as err:
        load_instance(folder)
    rows = {(i.file, i.row) for i in err.value.issues}
    assert ("facilities.csv", 3) in rows  # capacity "x"
    for row in (2, 3, 4, 5, 6, 8):
        assert ("children.csv", row) in rows, row
    text = str(err.value)
    assert "0〜5" in text and "high" in text and "Z" in text and "重複" in text


def test_missing_columns_and_garbage_files_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(HoikuInputError) as err:
        load_instance_bytes("施設ID\nA\n".encode(), "児童ID\nk\n".encode())
    assert "必要な列" in str(err.value)
    with pytest.raises(HoikuInputError):
        load_instance_bytes(b"PK\x03\x04broken", b"")
    with pytest.raises(HoikuInputError):
        load_instance_bytes(b"\xff\xfe\x00\x00\x81", b"")
    with pytest.raises(HoikuInputError):
        load_directory(tmp_path / "nope")


CHILMAI_KIDS = """申請者番号,世帯番号,年齢,点数1,点数2,希望保育園ID_1,希望保育園ID_2,在籍保育所ID,きょうだいパターン
1,10,1,20,,101,102,,
2,11,1,30,,101,,,
3,12,2,25,,102,,101,
4,13,1,15,,101,102,,1
5,13,0,15,,101,102,,1
"""
CHILMAI_CARES = """保育所ID,保育所名,0歳募集人数,1歳募集人数,2歳募集人数,3歳募集人数,4歳募集人数,5歳募集人数
101,あおば保育園,1,1,0,0,0,0
102,さくら保育園,0,1,1,0,0,0
"""


def test_chilmai_layout(tmp_path: Path) -> None:
    (tmp_path / "申込者データ.csv").write_text(CHILMAI_KIDS, encoding="utf-8")
    (tmp_path / "保育所データ.csv").write_text(CHILMAI_CARES, encoding="utf-8")
    inst = load_instance(tmp_path, "chilmai")
    kids = {c.id: c for c in inst.children}
    assert kids["3"].enrolled_facility == "101"
    assert kids["4"].policy is SiblingPolicy.TOGETHER and kids["4"].family_id == "13"
    assert inst.facilities[0].name == "あおば保育園"
    alloc = run(inst, "exact")
    got = {o.child_id: o.facility_id for o in outcomes(alloc)}
    # child 2 (30) takes 101's 1-year place; child 1 goes to 102; the together family cannot fit
    assert got == {"1": "102", "2": "101", "3": "102", "4": None, "5": None}
    assert alloc.report.ok


def test_shipped_templates_load_and_run() -> None:
    from importlib import resources

    folder = Path(str(resources.files("jichitai_ai.hoiku").joinpath("templates")))
    inst = load_instance(folder)
    assert len(inst.shared_quotas) == 1 and inst.facilities[1].capacity[0] is None
    alloc = run(inst)
    assert alloc.report.ok
    got = {o.child_id: o for o in outcomes(alloc)}
    # K0001 and K0002 tie on 42 for A001's single 1-year place; ひとり親 decides
    assert got["K0002"].facility_id == "A001" and got["K0001"].facility_id == "A002"
    assert "同点のため" in " ".join(got["K0001"].reasons)
    assert got["K0005"].status == "transferred"
