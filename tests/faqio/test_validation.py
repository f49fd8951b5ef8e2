"""Row validation: every bad row is reported with its Excel row number and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jichitai_ai.domain.models import EntryStatus
from jichitai_ai.faqio import ImportParseResult, RowError

from .helpers import parse_path, write_csv_file

HEADER = [
    "external_id",
    "question",
    "answer",
    "valid_from",
    "valid_until",
    "status",
    "language",
    "source_url",
]


def parse_rows(tmp_path: Path, *rows: list[str]) -> ImportParseResult:
    return parse_path(write_csv_file(tmp_path / "faq.csv", [HEADER, *rows]))


def test_empty_rows_are_skipped_and_row_numbers_match_excel(tmp_path: Path) -> None:
    result = parse_rows(
        tmp_path,
        ["1", "q1", "a1"],
        ["", "", ""],
        ["", "  ", "", "", "", "", "", ""],
        ["2", "q2", "a2"],
    )
    assert [r.external_id for r in result.records] == ["1", "2"]
    assert result.row_numbers == [2, 5]
    assert result.errors == []


def test_row_numbers_count_records_not_lines(tmp_path: Path) -> None:
    # A multi-line answer is one Excel row even though it spans three lines of the file.
    result = parse_rows(tmp_path, ["1", "q", "line1\nline2\r\nline3"], ["2", "", "a"])
    assert result.records[0].answer == "line1\nline2\nline3"
    assert result.errors == [RowError(3, "question", "faqio.required", {})]


def test_every_bad_row_is_reported(tmp_path: Path) -> None:
    result = parse_rows(
        tmp_path,
        ["1", "", ""],
        ["2", "q", "a", "2024-13-01"],
        ["3", "q", "a", "2024-04-02", "2024-04-01"],
        ["4", "q", "a", "", "", "公開中"],
        ["5", "q", "a", "", "", "", "fr"],
        ["6", "q", "a", "", "", "", "", "javascript:alert(1)"],
        ["7", "q" * 501, "a" * 20_001],
        ["8", "ok", "ok"],
    )
    got = [(e.row, e.column, e.key) for e in result.errors]
    assert got == [
        (2, "question", "faqio.required"),
        (2, "answer", "faqio.required"),
        (3, "valid_from", "faqio.bad_date"),
        (4, "valid_until", "faqio.date_order"),
        (5, "status", "faqio.bad_status"),
        (6, "language", "faqio.bad_language"),
        (7, "source_url", "faqio.bad_url"),
        (8, "question", "faqio.too_long"),
        (8, "answer", "faqio.too_long"),
    ]
    assert result.errors[-1].params == {"limit": 20_000, "length": 20_001}
    assert [r.external_id for r in result.records] == ["8"]
    assert result.row_numbers == [9]
    for error in result.errors:
        assert error.message("ja") != error.key and error.message("en") != error.key


def test_duplicate_external_id_and_language(tmp_path: Path) -> None:
    result = parse_rows(
        tmp_path,
        ["00123", "q", "a", "", "", "", "ja"],
        ["00123", "q", "a", "", "", "", "en"],  # same id, other language: a translation
        ["123", "q", "a"],  # leading zeros matter
        ["00123", "q", "a", "", "", "", "日本語"],
        ["", "q", "a"],
        ["", "q", "a"],  # rows without id are never duplicates
    )
    assert result.errors == [
        RowError(
            5,
            "external_id",
            "faqio.duplicate_id",
            {"external_id": "00123", "language": "ja", "first_row": 2},
        )
    ]
    assert len(result.records) == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-04-01", date(2024, 4, 1)),
        ("2024/4/1", date(2024, 4, 1)),
        ("２０２４／０４／０１", date(2024, 4, 1)),
        ("2024/04/01 0:00", date(2024, 4, 1)),
        ("2024年4月1日", date(2024, 4, 1)),
        ("令和6年4月1日", date(2024, 4, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("R6.4.1", date(2024, 4, 1)),
        ("H30/1/2", date(2018, 1, 2)),
    ],
)
def test_date_formats(tmp_path: Path, text: str, expected: date) -> None:
    result = parse_rows(tmp_path, ["1", "q", "a", text])
    assert result.errors == []
    assert result.records[0].valid_from == expected


@pytest.mark.parametrize("text", ["2024-02-30", "4/1/2024", "明日", "令和6年13月1日", "45383"])
def test_bad_dates(tmp_path: Path, text: str) -> None:
    result = parse_rows(tmp_path, ["1", "q", "a", text])
    assert [(e.key, e.params) for e in result.errors] == [("faqio.bad_date", {"value": text})]


def test_status_and_language_aliases(tmp_path: Path) -> None:
    result = parse_rows(
        tmp_path,
        ["1", "q", "a", "", "", "Published", "EN"],
        ["2", "q", "a", "", "", "アーカイブ", "zh_hant"],
        ["3", "q", "a", "", "", "", ""],
    )
    assert [(r.status, r.language) for r in result.records] == [
        (EntryStatus.PUBLISHED, "en"),
        (EntryStatus.ARCHIVED, "zh-Hant"),
        (EntryStatus.PUBLISHED, "ja"),
    ]


def test_links_only_allow_http_urls(tmp_path: Path) -> None:
    header = ["question", "answer", "links", "問い合わせフォーム", "メール"]
    rows = [
        header,
        ["q", "a", "ok | https://a.example.jp/x?y=1\nJAVASCRIPT:alert(1)", "", ""],
        ["q", "a", "data:text/html,<b>", "ftp://x.jp", "not-an-email"],
        ["q", "a", "title | https://a.example.jp/ space", "", "a@b.jp"],
    ]
    result = parse_path(write_csv_file(tmp_path / "faq.csv", rows))
    assert [(e.row, e.column, e.key) for e in result.errors] == [
        (2, "links", "faqio.bad_url"),
        (3, "links", "faqio.bad_url"),
        (3, "メール", "faqio.bad_email"),
        (3, "問い合わせフォーム", "faqio.bad_url"),
        (4, "links", "faqio.bad_url"),
    ]


def test_too_many_alternatives(tmp_path: Path) -> None:
    rows = [
        ["question", "answer", "alternatives"],
        ["q", "a", "\n".join(f"alt{i}" for i in range(51))],
    ]
    result = parse_path(write_csv_file(tmp_path / "faq.csv", rows))
    assert [(e.key, e.params) for e in result.errors] == [
        ("faqio.too_many", {"limit": 50, "count": 51})
    ]


def test_control_characters_are_stripped_with_a_warning(tmp_path: Path) -> None:
    result = parse_rows(tmp_path, ["1", "q\x00\x07uestion", "ans\u202ewer\x1b"])
    assert result.errors == []
    assert (result.records[0].question, result.records[0].answer) == ("question", "answer")
    assert [(w.row, w.column, w.key) for w in result.warnings] == [
        (2, "question", "faqio.control_chars_stripped"),
        (2, "answer", "faqio.control_chars_stripped"),
    ]
