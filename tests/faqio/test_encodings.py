"""Encodings Excel and municipal systems actually produce."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from jichitai_ai.faqio import FaqFileError

from .helpers import parse_path, write_csv_file, write_file

HEADER = ["管理番号", "質問", "回答"]
ROWS = [
    HEADER,
    ["00123", "住民票の写しはどこで取れますか", "市民課の窓口（8:30～17:15）で取れます。"],
]


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = write_csv_file(tmp_path / "faq.csv", ROWS, encoding="utf-8-sig")
    result = parse_path(path)
    assert result.errors == []
    assert result.warnings == []
    assert [r.external_id for r in result.records] == ["00123"]
    assert result.records[0].answer.endswith("で取れます。")


def test_plain_utf8(tmp_path: Path) -> None:
    path = write_csv_file(tmp_path / "faq.csv", ROWS, encoding="utf-8")
    assert parse_path(path).records[0].question == "住民票の写しはどこで取れますか"


def test_shift_jis_cp932_specific_characters(tmp_path: Path) -> None:
    # ～ (FF5E), － (FF0D: cp932 decodes 0x817C, which "−" U+2212 also encodes to),
    # ① (NEC special) and 髙 (IBM extension) exist in cp932 but not in strict Shift_JIS.
    answer = "受付 8:30～17:15、①本人確認書類、髙橋課長、－"
    path = write_csv_file(tmp_path / "sjis.csv", [HEADER, ["1", "質問", answer]], encoding="cp932")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    result = parse_path(path)
    assert result.errors == []
    assert result.records[0].answer == answer
    assert result.warnings == []  # detected, not guessed


def test_utf16_unicode_text_is_tab_separated(tmp_path: Path) -> None:
    # Excel "Unicode テキスト" = UTF-16 LE with BOM, tab-delimited.
    path = write_csv_file(tmp_path / "faq.txt", ROWS, encoding="utf-16", delimiter="\t")
    assert path.read_bytes().startswith(codecs.BOM_UTF16_LE)
    result = parse_path(path)
    assert result.errors == []
    assert result.records[0].answer == ROWS[1][2]


def test_utf16_without_bom(tmp_path: Path) -> None:
    path = write_csv_file(tmp_path / "faq.csv", ROWS, encoding="utf-16-le")
    assert parse_path(path).records[0].external_id == "00123"


def test_binary_garbage_is_a_clear_error_not_mojibake(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40
    path = write_file(tmp_path / "faq.csv", data)
    with pytest.raises(FaqFileError) as info:
        parse_path(path)
    assert info.value.key == "faqio.undecodable"
    assert "encoding" in info.value.message("en")
    assert "文字コード" in info.value.message("ja")


def test_euc_jp_is_guessed_with_a_warning(tmp_path: Path) -> None:
    rows = [HEADER] + [
        # Distinct questions: a repeated one is warned (faqio.same_question_in_file).
        [str(n), "住民票はどこで取れますか" + "？" * n, "市民課の窓口です。"]
        for n in range(20)
    ]
    path = write_csv_file(tmp_path / "faq.csv", rows, encoding="euc_jp")
    result = parse_path(path)
    assert result.errors == []
    assert result.records[0].question == "住民票はどこで取れますか"
    assert [w.key for w in result.warnings] == ["faqio.encoding_guessed"]


def test_iso2022_jp_is_not_read_as_ascii(tmp_path: Path) -> None:
    rows = [HEADER, ["1", "住民票はどこで取れますか", "市民課の窓口で取れます。"]]
    path = write_csv_file(tmp_path / "faq.csv", rows, encoding="iso2022_jp_ext")
    assert path.read_bytes().isascii()
    assert parse_path(path).records[0].answer == "市民課の窓口で取れます。"


def test_empty_file(tmp_path: Path) -> None:
    path = write_file(tmp_path / "faq.csv", b"\r\n\r\n")
    with pytest.raises(FaqFileError) as info:
        parse_path(path)
    assert info.value.key == "faqio.empty_file"
