"""Header matching: English names, Japanese aliases, a municipality's own mapping."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jichitai_ai.domain.models import DepartmentContact, EntryStatus, Link
from jichitai_ai.faqio import ColumnMapping, FaqFileError
from jichitai_ai.faqio.columns import ALIASES, HINT_FIELDS, header_hint, resolve_columns

from .helpers import parse_path, write_csv_file


def test_japanese_headers_fill_every_field(tmp_path: Path) -> None:
    header = [
        "管理番号", "質問", "別の聞き方", "回答", "関連リンク", "分類", "担当課", "電話番号",
        "メール", "受付時間", "問い合わせフォーム", "掲載URL", "掲載開始日", "掲載終了日", "状態", "言語",
    ]  # fmt: skip
    row = [
        "A-1", "ごみの出し方は？", "ゴミ 出し方\n粗大ごみ", "地区ごとに曜日が決まっています。",
        "ごみカレンダー | https://city.example.jp/gomi\nhttps://city.example.jp/sodai",
        "くらし", "環境課", "03-1234-5678", "kankyo@city.example.jp", "平日 8:30～17:15",
        "https://city.example.jp/form", "https://city.example.jp/faq/1", "2024/4/1",
        "令和7年3月31日", "下書き", "やさしい日本語",
    ]  # fmt: skip
    result = parse_path(write_csv_file(tmp_path / "faq.csv", [header, row]))
    assert result.errors == [] and result.warnings == []
    record = result.records[0]
    assert record.external_id == "A-1"
    assert record.alternatives == ["ゴミ 出し方", "粗大ごみ"]
    assert record.links == [
        Link(url="https://city.example.jp/gomi", title="ごみカレンダー"),
        Link(url="https://city.example.jp/sodai"),
    ]
    assert record.department == DepartmentContact(
        "環境課",
        "03-1234-5678",
        "kankyo@city.example.jp",
        "平日 8:30～17:15",
        "https://city.example.jp/form",
    )
    assert (record.valid_from, record.valid_until) == (date(2024, 4, 1), date(2025, 3, 31))
    assert record.status is EntryStatus.DRAFT
    assert record.language == "ja-easy"
    assert result.row_numbers == [2]


def test_headers_are_case_and_width_insensitive(tmp_path: Path) -> None:
    rows = [["ＩＤ", "  Question ", "ANSWER", "Valid From"], ["7", "q", "a", "2024-01-02"]]
    record = parse_path(write_csv_file(tmp_path / "faq.csv", rows)).records[0]
    assert (record.external_id, record.question, record.answer) == ("7", "q", "a")
    assert record.valid_from is not None and record.valid_from.day == 2


def test_column_mapping_for_own_headers(tmp_path: Path) -> None:
    rows = [
        ["No.", "問合せ内容", "回答内容", "所属"],
        ["15", "犬の登録は？", "保健所へ", "生活衛生課"],
    ]
    mapping = ColumnMapping(
        {"external_id": "No.", "question": "問合せ内容", "answer": "回答内容", "department": "所属"}
    )
    result = parse_path(write_csv_file(tmp_path / "faq.csv", rows), mapping)
    assert result.errors == []
    record = result.records[0]
    assert (record.external_id, record.question, record.answer) == (
        "15",
        "犬の登録は？",
        "保健所へ",
    )
    assert record.department == DepartmentContact("生活衛生課")


def test_mapping_overrides_a_default_header_name(tmp_path: Path) -> None:
    # The sheet has a "質問" column the municipality does not want; its real question is "質問（正）".
    rows = [["質問", "質問（正）", "回答"], ["old", "new", "a"]]
    mapping = ColumnMapping({"question": "質問（正）"})
    result = parse_path(write_csv_file(tmp_path / "faq.csv", rows), mapping)
    assert result.records[0].question == "new"
    assert [(w.key, w.params) for w in result.warnings] == [
        ("faqio.unknown_column_ignored", {"column": "質問"})
    ]


def test_mapping_with_unknown_field_is_rejected() -> None:
    with pytest.raises(FaqFileError) as info:
        ColumnMapping({"qestion": "Q"})
    assert info.value.key == "faqio.mapping_unknown_field"


def test_unknown_columns_are_warnings(tmp_path: Path) -> None:
    rows = [["question", "answer", "備考", ""], ["q", "a", "メモ", ""]]
    result = parse_path(write_csv_file(tmp_path / "faq.csv", rows))
    assert len(result.records) == 1
    assert [w.params for w in result.warnings] == [{"column": "備考"}]
    assert "備考" in result.warnings[0].message("ja")


def test_missing_required_columns_is_a_file_error(tmp_path: Path) -> None:
    path = write_csv_file(tmp_path / "faq.csv", [["管理番号", "質問"], ["1", "q"]])
    with pytest.raises(FaqFileError) as info:
        parse_path(path)
    assert info.value.key == "faqio.missing_columns"
    assert info.value.params == {"columns": "answer"}
    assert "answer" in info.value.message("en")


def test_two_headers_for_one_field_is_a_file_error(tmp_path: Path) -> None:
    path = write_csv_file(tmp_path / "faq.csv", [["質問", "question", "回答"], ["a", "b", "c"]])
    with pytest.raises(FaqFileError) as info:
        parse_path(path)
    assert info.value.key == "faqio.duplicate_column"


def test_header_search_gives_up_after_ten_rows(tmp_path: Path) -> None:
    rows = [[f"title {i}"] for i in range(10)] + [["質問", "回答"], ["q", "a"]]
    with pytest.raises(FaqFileError) as info:
        parse_path(write_csv_file(tmp_path / "faq.csv", rows))
    assert info.value.key == "faqio.missing_columns"
    result = parse_path(write_csv_file(tmp_path / "faq.csv", rows[1:]))
    assert result.row_numbers == [11]


def test_the_import_page_hint_names_headers_the_importer_accepts(tmp_path: Path) -> None:
    """nc9: the hint lists each column Japanese first, English second, and each name it shows
    (both of them) is one the importer matches to that field."""
    hint = header_hint("ja")
    assert hint.startswith("管理番号（external_id）、質問（question）")
    for names in (
        [ALIASES[field][0] for field in HINT_FIELDS],
        list(HINT_FIELDS),
    ):
        assert all(name in hint for name in names)
        resolved = resolve_columns(names, None)
        assert sorted(resolved.index) == sorted(HINT_FIELDS) and resolved.warnings == []
    assert header_hint("en").startswith("管理番号 (external_id), 質問 (question)")
