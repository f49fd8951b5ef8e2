"""Household patterns and wishes that ChilmAI rejects are rejected here too, with capped reports."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jichitai_ai.hoiku import HoikuInputError, load_instance
from jichitai_ai.hoiku.cli import app
from tests.hoiku.conftest import CHILD_HEADER

CHILMAI_KIDS = ["申請者番号", "世帯番号", "年齢", "点数1", "希望保育園ID_1", "希望保育園ID_2"]
CHILMAI_KIDS += ["在籍保育所ID", "きょうだいパターン"]
CHILMAI_CARES = ["保育所ID", "保育所名", *[f"{g}歳募集人数" for g in range(6)]]


def messages(folder: Path, fmt: str = "native") -> list[str]:
    with pytest.raises(HoikuInputError) as err:
        load_instance(folder, fmt)
    return [str(i) for i in err.value.issues]


def chilmai(b: Any, kids: list[list[object]]) -> Path:
    b.count += 1
    folder = b.root / f"chilmai{b.count}"
    folder.mkdir()
    b.write_rows(folder / "申込者データ.csv", CHILMAI_KIDS, kids)
    b.write_rows(
        folder / "保育所データ.csv",
        CHILMAI_CARES,
        [["1", "一園", 1, 1, 1, 1, 1, 1], ["2", "二園", 1, 1, 1, 1, 1, 1]],
    )
    return folder


def test_siblings_with_different_patterns_are_rejected(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {0: 1, 1: 1})],
        [
            b.kid("s1", 1, 40, ["A"], family="F", policy="同時入所"),
            b.kid("s0", 0, 40, ["A"], family="F", policy="同一園希望"),
        ],
    )
    assert sum("きょうだい条件が児童ごとに異なります" in m for m in messages(folder)) == 2
    # ChilmAI layout: the first row used to win silently
    folder = chilmai(b, [[1, 9, 1, 5, 1, "", "", 1], [2, 9, 0, 5, 1, "", "", 4]])
    assert any("異なります" in m for m in messages(folder, "chilmai"))


def test_a_blank_pattern_for_siblings_is_rejected(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {0: 1, 1: 1})],
        [
            b.kid("s1", 1, 40, ["A"], family="F", policy="同時入所"),
            b.kid("s0", 0, 40, ["A"], family="F"),
        ],
    )
    assert any("空欄" in m and "「F」" in m for m in messages(folder))
    folder = chilmai(b, [[1, 9, 1, 5, 1, "", "", ""], [2, 9, 0, 5, 1, "", "", ""]])
    assert any("空欄" in m for m in messages(folder, "chilmai"))
    # one child alone in its household needs no pattern
    folder = chilmai(b, [[1, 9, 1, 5, 1, "", "", ""], [2, 8, 0, 5, 1, "", "", ""]])
    assert len(load_instance(folder, "chilmai").children) == 2


def test_the_current_facility_listed_as_a_wish_is_rejected(b: Any) -> None:
    folder = b.make(
        [b.fac("A", {2: 1}), b.fac("B", {2: 1})], [b.kid("t", 2, 30, ["A", "B"], enrolled="B")]
    )
    assert any("在籍施設「B」が希望施設にも記載" in m for m in messages(folder))
    folder = chilmai(b, [[1, 9, 2, 5, 1, 2, 2, ""]])
    assert any("在籍施設「2」" in m for m in messages(folder, "chilmai"))


@pytest.mark.parametrize("policy", ["1", "2", "3", "同時入所"])
def test_same_facility_patterns_need_a_facility_common_to_all(b: Any, policy: str) -> None:
    folder = b.make(
        [b.fac("A", {0: 1, 1: 1}), b.fac("B", {0: 1, 1: 1})],
        [
            b.kid("s1", 1, 40, ["A"], family="F", policy=policy),
            b.kid("s0", 0, 40, ["B"], family="F", policy=policy),
        ],
    )
    assert any("共通する希望施設がありません" in m for m in messages(folder))
    ok = b.make(
        [b.fac("A", {0: 1, 1: 1}), b.fac("B", {0: 1, 1: 1})],
        [
            b.kid("s1", 1, 40, ["A", "B"], family="F", policy=policy),
            b.kid("s0", 0, 40, ["B"], family="F", policy=policy),
        ],
    )
    assert len(load_instance(ok).children) == 2


def test_a_valid_header_over_megabytes_of_garbage_gives_a_short_report(tmp_path: Path) -> None:
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "facilities.csv").write_text(
        "施設ID,施設名,0歳児募集数,1歳児募集数,2歳児募集数,3歳児募集数,4歳児募集数,5歳児募集数\n"
        "A,A園,1,1,1,1,1,1\n",
        encoding="utf-8",
    )
    rng = random.Random(0)
    alphabet = "abcxyz0123456789,,,;=\"'あいう漢字"
    lines = [",".join(CHILD_HEADER)]
    size = 0
    while size < 2_000_000:
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 80))).replace('"', "")
        lines.append(line)
        size += len(line.encode()) + 1
    (folder / "children.csv").write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(HoikuInputError) as err:
        load_instance(folder)
    assert len(err.value.issues) == 100
    assert err.value.total >= 100
    res = CliRunner().invoke(app, ["run", str(folder), "--out", str(tmp_path / "r.csv")])
    assert res.exit_code == 2
    assert len(res.output) < 30_000
    assert "行は確認していません" in res.output  # reading stopped after the first hundred
