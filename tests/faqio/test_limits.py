"""Size and row limits, and a large file parsed completely within the default limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from jichitai_ai.faqio import DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, FaqFileError

from .helpers import csv_text, parse_path, write_csv_file, write_file


def test_file_size_limit(tmp_path: Path) -> None:
    path = write_csv_file(tmp_path / "faq.csv", [["question", "answer"], ["q", "a" * 2000]])
    with pytest.raises(FaqFileError) as info:
        parse_path(path, max_bytes=1000)
    assert info.value.key == "faqio.file_too_large"
    assert info.value.params == {"limit": 1000, "size": path.stat().st_size}


def test_row_limit_counts_data_rows_only(tmp_path: Path) -> None:
    rows = [["question", "answer"]] + [[f"q{i}", "a"] for i in range(5)] + [["", ""]] * 3
    path = write_csv_file(tmp_path / "faq.csv", rows)
    assert len(parse_path(path, max_rows=5).records) == 5
    with pytest.raises(FaqFileError) as info:
        parse_path(path, max_rows=4)
    assert info.value.key == "faqio.too_many_rows"
    assert info.value.params == {"limit": 4}


def big_csv(path: Path, megabytes: int) -> tuple[Path, int]:
    """A FAQ CSV of at least ``megabytes`` MB (BOM, eight columns, multi-line cells); (path, rows)."""
    header = [
        "管理番号",
        "質問",
        "別の聞き方",
        "回答",
        "関連リンク",
        "担当課",
        "掲載開始日",
        "状態",
    ]
    row = ["{n:06d}", "住民票の写しはどこで取れますか（{n}）", "住民票\n写し", ANSWER,
           "案内 | https://city.example.jp/faq/{n}", "市民課", "2024/04/01", "公開"]  # fmt: skip
    template = csv_text([row])
    chunks = ["\ufeff" + csv_text([header])]
    size = 0
    count = 0
    while size < megabytes * 1024 * 1024:
        chunk = template.replace("{n:06d}", f"{count:06d}").replace("{n}", str(count))
        chunks.append(chunk)
        size += len(chunk.encode("utf-8"))
        count += 1
    write_file(path, "".join(chunks).encode("utf-8"))
    return path, count


ANSWER = "マイナンバーカードの交付は市民課の窓口で行います。予約が必要です。" * 8


def test_large_csv_within_the_default_limits(tmp_path: Path) -> None:
    """A 2 MB file parses completely; a 20 MB one of the same rows is within the default
    limits (parsing is one pass over the rows: the 20 MB parse time is printed by
    ``benchmarks/hardening/suite_timings.py --only faqio``, it was a timed test here)."""
    path, count = big_csv(tmp_path / "big.csv", 2)
    assert path.stat().st_size >= 2 * 1024 * 1024
    result = parse_path(path)
    assert result.errors == []
    assert len(result.records) == count
    assert result.row_numbers[-1] == count + 1
    assert result.records[-1].external_id == f"{count - 1:06d}"
    assert result.records[0].answer == ANSWER
    assert result.records[0].alternatives == ["住民票", "写し"]
    assert result.records[-1].department.name == "市民課"
    twenty = 20 * 1024 * 1024
    assert twenty <= DEFAULT_MAX_BYTES
    assert count * twenty // path.stat().st_size + 1 <= DEFAULT_MAX_ROWS
