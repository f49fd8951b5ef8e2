"""A document or an image picked for the FAQ (or department) import is refused by name, with
the files that fit (newcomer walkthrough nc6: a real PDF said 「必須の列がありません: question,
answer」, as if the newcomer had forgotten two columns)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jichitai_ai.faqio import parse_faq_file
from jichitai_ai.faqio.errors import FaqFileError

REPO = Path(__file__).resolve().parents[2]
A_REAL_PDF = REPO / "tests/documents/fixtures/blind8/nishinoshima_choei_bus.pdf"
CSV = "external_id,question,answer\nI-1,犬の登録,環境課で登録します。\n".encode()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("手順書.pdf", A_REAL_PDF.read_bytes()),
        ("faq.csv", A_REAL_PDF.read_bytes()),  # a PDF renamed: the bytes say what it is
        ("回答集.docx", b"PK\x03\x04" + bytes(range(256)) * 4),  # a zip, but not a workbook
        ("古い回答集.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ],
)
def test_documents_and_images_are_not_tables(name: str, data: bytes) -> None:
    with pytest.raises(FaqFileError) as info:
        parse_faq_file(data, name)
    assert info.value.key == "faqio.not_a_table"
    assert f"「{name}」は表のファイルではありません" in info.value.message("ja")
    assert "is not a table" in info.value.message("en")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("faq.csv", CSV),
        ("faq.txt", CSV),
        ("faq.tsv", CSV.replace(b",", b"\t")),
        ("faq.csv", CSV.decode().encode("cp932")),
        ("pdf-manual-faq.csv", CSV),  # "pdf" in the name is not the extension
    ],
)
def test_tables_are_still_read(name: str, data: bytes) -> None:
    assert [r.external_id for r in parse_faq_file(data, name).records] == ["I-1"]
