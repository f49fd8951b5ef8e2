"""XLSX import: real workbooks, date cells, serials, sheets, and broken files."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from jichitai_ai.domain.models import FaqRecord
from jichitai_ai.faqio import FaqFileError, write_xlsx

from .helpers import parse_path, write_file, write_xlsx_file

HEADER: list[object] = ["管理番号", "質問", "回答", "掲載開始日", "掲載終了日"]


def test_dates_as_cells_strings_and_serials(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        HEADER,
        [123, "q1", "a1", datetime(2024, 4, 1), date(2025, 3, 31)],
        ["00123", "q2", "a2", "令和6年4月1日", "2025/3/31"],
        [124.0, "q3", "a3", 45383, 45747.0],  # serials from a column that lost its date format
    ]
    result = parse_path(write_xlsx_file(tmp_path / "faq.xlsx", {"FAQ": rows}))
    assert result.errors == []
    assert [r.external_id for r in result.records] == ["123", "00123", "124"]
    for record in result.records:
        assert (record.valid_from, record.valid_until) == (date(2024, 4, 1), date(2025, 3, 31))


def test_first_sheet_by_default_and_named_sheet(tmp_path: Path) -> None:
    path = write_xlsx_file(
        tmp_path / "faq.xlsx",
        {
            "表紙": [["question", "answer"], ["cover q", "cover a"]],
            "FAQ一覧": [["質問", "回答"], ["q", "a"]],
        },
    )
    assert parse_path(path).records[0].question == "cover q"
    assert parse_path(path, sheet_name="FAQ一覧").records[0].question == "q"
    with pytest.raises(FaqFileError) as info:
        parse_path(path, sheet_name="なし")
    assert info.value.key == "faqio.sheet_not_found"
    assert info.value.params["sheets"] == "表紙, FAQ一覧"


def test_empty_rows_and_bad_cells_report_excel_row_numbers(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        HEADER,
        ["1", "q", "a"],
        [None, None, None],
        ["2", "q", None],
        ["3", "q", "a", "someday"],
    ]
    result = parse_path(write_xlsx_file(tmp_path / "faq.xlsx", {"S": rows}))
    assert [(e.row, e.column, e.key) for e in result.errors] == [
        (4, "回答", "faqio.required"),
        (5, "掲載開始日", "faqio.bad_date"),
    ]
    assert result.row_numbers == [2]


def test_xlsx_detected_by_magic_bytes_whatever_the_name(tmp_path: Path) -> None:
    data = write_xlsx([FaqRecord("q", "a", external_id="9")])
    result = parse_path(write_file(tmp_path / "download.csv", data))
    assert result.records == [FaqRecord("q", "a", external_id="9")]


def test_truncated_zip(tmp_path: Path) -> None:
    data = write_xlsx([FaqRecord("q", "a")])
    path = write_file(tmp_path / "faq.xlsx", data[: len(data) // 2])
    with pytest.raises(FaqFileError) as info:
        parse_path(path)
    assert info.value.key == "faqio.xlsx_invalid"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("faq.xlsx", "質問,回答\nq,a\n".encode()),
        # a business system's 「Excel 出力」: Shift_JIS text named .xls (red team hr8)
        ("export.xls", "質問\t回答\n住民票は\t窓口で\n".encode("cp932")),
        ("faq.xlsx", ("質問,回答\n" + "住民票の写しは,窓口で\n" * 8000).encode("cp932")),
    ],
)
def test_text_file_renamed_to_xlsx(tmp_path: Path, name: str, data: bytes) -> None:
    """Said to be text named as Excel, not a damaged workbook (it was: 「ファイルが壊れて
    いるか、別の形式です」); it is still refused, the user renames it."""
    path = write_file(tmp_path / name, data)
    with pytest.raises(FaqFileError) as info:
        parse_path(path)
    assert info.value.key == "faqio.xlsx_is_text"
    assert ".csv" in info.value.message("ja") and name in info.value.message("ja")


def test_binary_junk_named_xlsx_is_still_a_damaged_workbook(tmp_path: Path) -> None:
    path = write_file(tmp_path / "faq.xlsx", bytes(range(256)) * 40)
    with pytest.raises(FaqFileError) as info:
        parse_path(path)
    assert info.value.key == "faqio.xlsx_invalid"


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(FaqFileError) as info:
        parse_path(write_file(tmp_path / "faq.xlsx", buffer.getvalue()))
    assert info.value.key == "faqio.xlsx_invalid"


def test_workbook_with_corrupt_sheet_xml(tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(write_xlsx([FaqRecord("q", "a")])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                body = body[: len(body) // 2]
            target.writestr(item, body)
    with pytest.raises(FaqFileError) as info:
        parse_path(write_file(tmp_path / "faq.xlsx", buffer.getvalue()))
    assert info.value.key == "faqio.xlsx_invalid"


def test_encrypted_or_legacy_xls(tmp_path: Path) -> None:
    # Password-protected .xlsx and old .xls are OLE2 compound files, not zips.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    with pytest.raises(FaqFileError) as info:
        parse_path(write_file(tmp_path / "faq.xlsx", ole))
    assert info.value.key == "faqio.xlsx_encrypted_or_xls"


def test_zip_bomb_guard(tmp_path: Path) -> None:
    data = write_xlsx([FaqRecord("q", "a" * 20_000)] * 50)
    with pytest.raises(FaqFileError) as info:
        parse_path(write_file(tmp_path / "faq.xlsx", data), max_bytes=len(data) + 1)
    assert info.value.key == "faqio.xlsx_too_large_expanded"


def test_header_below_a_title_and_sparse_rows_keep_excel_numbers(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = "よくある質問一覧（令和6年度）"  # a title row above the header
    sheet["B3"], sheet["C3"] = "質問", "回答"
    sheet["B4"], sheet["C4"] = "q1", "a1"
    sheet["B9"] = "q2"  # rows 5-8 do not exist in the XML at all
    workbook.save(tmp_path / "faq.xlsx")
    result = parse_path(tmp_path / "faq.xlsx")
    assert result.row_numbers == [4]
    assert [(e.row, e.column, e.key) for e in result.errors] == [(9, "回答", "faqio.required")]
    assert [(w.key, w.row) for w in result.warnings] == [("faqio.rows_above_header_skipped", 3)]
