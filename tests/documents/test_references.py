"""A provision that holds the question's words only through its reference to another article
(「第三十九条第一項の規定による法人番号の指定を行うために…」) is not cited before that article
when the article answers as well: real 番号法 as e-Gov publishes it (blind10's fixture; laws are
not copyrighted, 著作権法第13条; provenance in benchmarks/documents/realtext/PROVENANCE.md)."""

from __future__ import annotations

from pathlib import Path

from jichitai_ai.documents import Viewer
from jichitai_ai.documents._references import article_label, referred_articles
from jichitai_ai.documents.service import DocumentService

BANGO = Path(__file__).parent / "fixtures" / "blind10" / "425AC0000000027_bango.xml"


def test_the_article_referred_to_is_cited_not_the_one_referring(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, BANGO.name, BANGO.read_bytes())
    question = "会社などの法人番号は、誰が指定するのですか"
    hits = service.search(tenant, question, Viewer.everything(), k=3)
    # 第41条 (資料の提供: 「国税庁長官は、第三十九条第一項の規定による法人番号の指定を行うために
    # 必要があると認めるときは…」) comes first in search; 第39条 (「国税庁長官は…法人番号を指定し」)
    # is the one that answers.
    assert [h.location.split("第", 2)[1] for h in hits[:2]] == ["41条", "39条"]
    answer = service.answer(tenant, question, Viewer.everything())
    assert [p.location for p in answer.passages] == ["第39条第1項"]


def test_references_are_to_the_own_law_only() -> None:
    text = (
        "国税庁長官は、第三十九条第一項の規定による法人番号の指定を行うために、商業登記法"
        "（昭和三十八年法律第百二十五号）第七条に規定する会社法人等番号、住民基本台帳法第七条、"
        "附則第三条及び第十八条の二第一項の規定により…"
    )
    assert referred_articles(text) == {"第39条", "第18条の2"}
    assert referred_articles("前条の規定により") == frozenset()
    assert article_label("第18条の2第2項") == "第18条の2"
    assert article_label("附則第3条") is None
    assert article_label("別表第1") is None
