"""A file whose rows under the header are all blank has no entries: that is an error
(faqio.no_rows), not 「取り込みました（新規 0 件…）」 (newcomer walkthrough nc6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jichitai_ai.faqio.errors import FaqFileError
from tests.faqio.helpers import parse_path, write_csv_file, write_file, write_xlsx_file

HEADER = ["管理番号", "質問", "回答"]
ROW = ["", "住民票はどこで取れますか", "市民課の窓口で取れます。"]


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("one blank data row", "管理番号,質問,回答\r\n,,\r\n".encode()),
        ("header only", "管理番号,質問,回答\r\n".encode()),
        ("header only, no newline", "質問,回答".encode()),
        ("blank rows of spaces", "質問,回答\n \t, 　\n,\n\n".encode()),
        ("Shift_JIS, blank row", "質問,回答\r\n,\r\n".encode("cp932")),
        ("TSV", "質問\t回答\n\t\n".encode()),
        ("BOM", "\ufeff質問,回答\r\n,\r\n".encode()),
    ],
)
def test_blank_rows_only_is_an_error(tmp_path: Path, label: str, data: bytes) -> None:
    path = write_file(tmp_path / ("faq.tsv" if label == "TSV" else "faq.csv"), data)
    with pytest.raises(FaqFileError) as info:
        parse_path(path)
    assert info.value.key == "faqio.no_rows", label


def test_an_xlsx_with_a_blank_row_only_is_an_error(tmp_path: Path) -> None:
    path = write_xlsx_file(tmp_path / "faq.xlsx", {"FAQ": [HEADER, [None, "", None]]})
    with pytest.raises(FaqFileError) as info:
        parse_path(path)
    assert info.value.key == "faqio.no_rows"


def test_a_real_row_among_blank_rows_is_still_read(tmp_path: Path) -> None:
    path = write_csv_file(tmp_path / "faq.csv", [HEADER, ["", "", ""], ROW, ["", " ", ""]])
    result = parse_path(path)
    assert result.ok and [r.question for r in result.records] == [ROW[1]]
    assert result.row_numbers == [3]


def test_a_row_missing_its_answer_is_a_row_error_not_no_rows(tmp_path: Path) -> None:
    """A filled-in row with a gap is the editor's row to fix, reported as such."""
    path = write_csv_file(tmp_path / "faq.csv", [HEADER, ["", "住民票はどこで取れますか", ""]])
    result = parse_path(path)
    assert not result.ok and not result.records
    assert result.errors[0].row == 2
