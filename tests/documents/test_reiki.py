"""例規 structure: 漢数字, 第○条の○, captions, 項・号 sub-locations, long articles split at 項."""

from __future__ import annotations

import pytest

from jichitai_ai.documents._chunking import chunk_document
from jichitai_ai.documents._model import Block, ParsedDocument, sub_location
from jichitai_ai.documents._numbers import to_int


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十三", 23),
        ("百二", 102),
        ("千二百三十四", 1234),
        ("一〇二", 102),
        ("１２", 12),
        ("7", 7),
        ("条", None),
    ],
)
def test_kanji_numerals(text: str, value: int | None) -> None:
    assert to_int(text) == value


def _doc(text: str) -> ParsedDocument:
    return ParsedDocument("テスト条例", "txt", [Block(line) for line in text.splitlines()])


def test_branch_articles_captions_and_items() -> None:
    chunks = chunk_document(
        _doc(
            "（定義）\n第二条　この条例において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。\n"
            "一　市民　市内に住所を有する者をいう。\n二　事業者　市内で事業を営む者をいう。\n"
            "第二条の二（適用除外）この条例は、国の機関には適用しない。\n"
            "第百二条　罰則は別に定める。\n２　前項の規定は、法人にも適用する。\n一　代表者\n"
        )
    )
    assert [c.location for c in chunks] == ["第2条", "第2条の2", "第102条"]
    assert chunks[0].heading.endswith("（定義）") and chunks[1].heading.endswith("（適用除外）")
    assert [label for _, label in chunks[0].parts] == ["第2条", "第2条第1号", "第2条第2号"]
    assert [label for _, label in chunks[2].parts] == [
        "第102条",
        "第102条第1項",
        "第102条第2項",
        "第102条第2項第1号",
    ]
    offset = chunks[2].text.index("法人")
    assert sub_location(chunks[2].location, chunks[2].parts, offset) == "第102条第2項"


def test_long_article_is_split_at_paragraphs_with_its_heading() -> None:
    sentence = "市長は、必要があると認めるときは、関係者に対し報告を求めることができる。" * 12
    lines = ["第三章　雑則", "（報告）", f"第五十条　{sentence}"]
    lines += [f"{n}　{sentence}" for n in "２３４５"]
    chunks = chunk_document(_doc("\n".join(lines) + "\n第五十一条　委任する。"))
    pieces = [c for c in chunks if c.location.startswith("第50条")]
    assert len(pieces) >= 3
    assert all(len(c.text) <= 1200 for c in pieces)
    assert pieces[0].location == "第50条" and pieces[1].location.startswith("第50条第")
    assert all("第3章 雑則" in c.heading and "（報告）" in c.heading for c in pieces)
    assert "".join(c.text for c in pieces).count("報告を求める") == 12 * 5
    assert chunks[-1].location == "第51条"


def test_wrapped_pdf_lines_are_joined_and_prose_is_not_a_regulation() -> None:
    chunks = chunk_document(
        _doc("第一条　この規則は、\n公文書の管理に関し必要な事項を定める。\n第二条　施行する。")
    )
    assert chunks[0].text == "この規則は、公文書の管理に関し必要な事項を定める。"
    prose = chunk_document(_doc("第一条の解説\n条例の第一条では目的を定めています。"))
    assert [c.location for c in prose] == ["段落1"]
