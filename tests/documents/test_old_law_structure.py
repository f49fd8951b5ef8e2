"""Structure of a whole pre-1948 law as e-Gov publishes it (労働基準法, blind8's fixture, issue 15):
its 項 carry no printed numbers and its 別表 have names between number and 「（…関係）」.
Laws are not copyrighted (著作権法第13条); provenance in benchmarks/documents/realtext."""

from __future__ import annotations

from pathlib import Path

import pytest

from jichitai_ai.documents import Viewer
from jichitai_ai.documents._chunking import chunk_document
from jichitai_ai.documents._readers import parse
from jichitai_ai.documents.service import DocumentService

LAW = Path(__file__).parent / "fixtures" / "blind8" / "322AC0000000049_rodo_kijun.xml"


@pytest.fixture(scope="module")
def chunks() -> list:  # type: ignore[type-arg]
    return chunk_document(parse(LAW.name, LAW.read_bytes()))


def _labels(chunks: list, location: str) -> list[str]:  # type: ignore[type-arg]
    return [label for c in chunks if c.location == location for _, label in c.parts]


def test_unnumbered_paragraphs_are_still_paragraphs(chunks: list) -> None:  # type: ignore[type-arg]
    # <ParagraphNum/> is empty from the second 項 on; they were read as more text of the first
    # 項 — or of its last 号: 第14条's 「厚生労働大臣は、…基準を定めることができる」 was 第1項第2号.
    assert _labels(chunks, "第34条") == ["第34条", "第34条第1項", "第34条第2項", "第34条第3項"]
    assert "第14条第2項" in _labels(chunks, "第14条")
    first = next(c for c in chunks if c.location == "第14条")
    item_2 = first.text.index("二　満六十歳以上")
    assert first.text[item_2:].split("\n")[0].endswith("（前号に掲げる労働契約を除く。）")


def test_named_appendix_tables_keep_their_own_numbers(chunks: list) -> None:  # type: ignore[type-arg]
    # 「別表第二　身体障害等級及び災害補償表（第七十七条関係）」 was not taken for a 別表 heading,
    # so its rows (and 別表第三's) were filed under 別表第1, the 事業 list.
    second = [c for c in chunks if c.location == "別表第2"]
    third = [c for c in chunks if c.location == "別表第3"]
    assert second and third
    assert any("一三四〇日分" in c.text for c in second)
    assert "（障害補償）" in second[0].heading  # borrowed from 第77条, the article it serves
    assert any("一八〇日分" in c.text for c in third)
    assert not any("日分" in c.text for c in chunks if c.location == "別表第1")


def test_a_second_paragraph_is_found_and_shown(service: DocumentService, tenant: str) -> None:
    service.ingest(tenant, LAW.name, LAW.read_bytes())
    hits = service.search(tenant, "休憩時間は一斉に与えなければなりませんか", Viewer.everything())
    assert [h.location for h in hits[:3]].count("第34条第2項") == 1


def test_an_inserted_item_is_cited_as_such(chunks: list) -> None:  # type: ignore[type-arg]
    # 「三の二　退職手当の定めをする場合…」 was read as more text of 第3号.
    assert "第89条第3号の2" in _labels(chunks, "第89条")
    article = next(c for c in chunks if c.location == "第89条")
    assert "\n三の二　退職手当" in article.text
