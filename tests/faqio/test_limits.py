"""Size and row limits, and a 20 MB file parsed in reasonable time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from jichitai_ai.faqio import FaqFileError

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


@pytest.mark.slow
def test_twenty_megabyte_csv(tmp_path: Path) -> None:
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
    answer = "マイナンバーカードの交付は市民課の窓口で行います。予約が必要です。" * 8
    row = ["{n:06d}", "住民票の写しはどこで取れますか（{n}）", "住民票\n写し", answer,
           "案内 | https://city.example.jp/faq/{n}", "市民課", "2024/04/01", "公開"]  # fmt: skip
    template = csv_text([row])
    chunks = ["\ufeff" + csv_text([header])]
    size = 0
    count = 0
    while size < 20 * 1024 * 1024:
        chunk = template.replace("{n:06d}", f"{count:06d}").replace("{n}", str(count))
        chunks.append(chunk)
        size += len(chunk.encode("utf-8"))
        count += 1
    path = write_file(tmp_path / "big.csv", "".join(chunks).encode("utf-8"))
    del chunks
    assert path.stat().st_size >= 20 * 1024 * 1024

    started = time.perf_counter()
    result = parse_path(path)
    elapsed = time.perf_counter() - started

    assert result.errors == []
    assert len(result.records) == count
    assert result.row_numbers[-1] == count + 1
    assert result.records[-1].external_id == f"{count - 1:06d}"
    assert result.records[0].answer == answer
    assert elapsed < 60, f"20 MB parse took {elapsed:.1f}s"
