from __future__ import annotations

import csv
from pathlib import Path

import pytest

FAC_HEADER = [
    "施設ID",
    "施設名",
    "0歳児募集数",
    "1歳児募集数",
    "2歳児募集数",
    "3歳児募集数",
    "4歳児募集数",
    "5歳児募集数",
]
CHILD_HEADER = [
    "児童ID",
    "世帯ID",
    "年齢クラス",
    "利用調整指数",
    "ひとり親",
    "世帯所得",
    "在籍施設ID",
    "きょうだい条件",
    "第1希望",
    "第2希望",
    "第3希望",
    "第1希望加点",
    "第2希望加点",
    "第3希望加点",
]


def write_rows(
    path: Path, header: list[str], rows: list[list[object]], encoding: str = "utf-8-sig"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for r in rows:
            w.writerow(r)
    return path


def fac(fid: str, caps: dict[int, int]) -> list[object]:
    return [fid, f"{fid}園", *(caps.get(g, 0) for g in range(6))]


def kid(
    cid: str,
    age: int,
    score: float,
    prefs: list[str],
    family: str = "",
    policy: str = "",
    enrolled: str = "",
    single_parent: int = 0,
    income: int = 0,
    bonus: list[object] | None = None,
) -> list[object]:
    p = [*prefs, "", "", ""][:3]
    b = [*(bonus or []), "", "", ""][:3]
    return [cid, family, age, score, single_parent, income, enrolled, policy, *p, *b]


class Builder:
    """Writes small instance folders as real template files."""

    fac = staticmethod(fac)
    kid = staticmethod(kid)
    write_rows = staticmethod(write_rows)

    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = 0

    def make(
        self,
        facilities: list[list[object]],
        children: list[list[object]],
        settings: str | None = None,
    ) -> Path:
        self.count += 1
        folder = self.root / f"case{self.count}"
        folder.mkdir()
        write_rows(folder / "facilities.csv", FAC_HEADER, facilities)
        write_rows(folder / "children.csv", CHILD_HEADER, children)
        if settings is not None:
            (folder / "settings.toml").write_text(settings, encoding="utf-8")
        return folder


@pytest.fixture
def b(tmp_path: Path) -> Builder:
    return Builder(tmp_path)
