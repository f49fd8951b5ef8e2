"""Real 地方自治法 as e-Gov publishes it (blind14's fixture; laws are not copyrighted, 著作権法第13条;
provenance in benchmarks/documents/realtext/PROVENANCE.md), asked in staff's everyday words: a
number of people the law gives as a share of a body (「議員の定数の十二分の一以上の者」) answers
「何人」, and 銀行 (金融機関), 締め切る (閉鎖), メンバー (構成員) reach its wording.

The law is 2.4 MB; the tests ingest only some of its articles, cut from the real file at run time
(nothing edited), so they stay cheap."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from jichitai_ai.documents import Viewer
from jichitai_ai.documents._support import answer_kind
from jichitai_ai.documents.service import DocumentService

CHIHO_JICHI = Path(__file__).parent / "fixtures" / "blind14" / "322AC0000000067_chiho_jichi.xml"
LAW = "地方自治法"
#: Articles kept (e-Gov ``Num``): the ones asked about and their neighbours that share words.
KEPT = {"112", "113", "115", "116", "126", "152", "161", "162", "202_3", "203_2", "235"}
KEPT |= {"235_4", "235_5", "244", "244_2"}


def _excerpt() -> bytes:
    root = etree.parse(str(CHIHO_JICHI)).getroot()
    body = root.find("LawBody")
    assert body is not None
    for el in list(body):
        if el.tag in ("SupplProvision", "AppdxTable", "TOC"):
            body.remove(el)
    for article in list(body.iter("Article")):
        if article.get("Num") not in KEPT:
            parent = article.getparent()
            assert parent is not None
            parent.remove(article)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.fixture
def local_autonomy_law(service: DocumentService, tenant: str) -> DocumentService:
    service.ingest(tenant, CHIHO_JICHI.name, _excerpt())
    return service


def _cited(service: DocumentService, tenant: str, question: str) -> list[tuple[str, str]]:
    answer = service.answer(tenant, question, Viewer.everything())
    return [(p.document, p.location) for p in answer.passages]


def test_a_share_of_a_body_answers_how_many_people(
    local_autonomy_law: DocumentService, tenant: str
) -> None:
    # 「…議員の定数の十二分の一以上の者の賛成がなければならない」 gives no 「N人」: main declined
    # (blind14 c27).
    question = "議員が議案を出すときは、ほかに何人の賛成が必要ですか"
    assert _cited(local_autonomy_law, tenant, question) == [(LAW, "第112条第2項")]
    kind = answer_kind(question)
    assert kind is not None
    assert kind.search("議員の定数の十二分の一以上の者の賛成がなければならない")
    assert kind.search("議員の定数の半数以上の議員が出席しなければ")
    assert kind.search("三人以上の発議により")
    # a share of something else is no number of people
    assert not kind.search("その徴収を免れた金額の五倍に相当する金額以下の過料")


def test_everyday_words_reach_the_law(local_autonomy_law: DocumentService, tenant: str) -> None:
    for question, location in [
        # 銀行 ≈ 金融機関 (c66), 締め(る) ≈ 閉鎖 (c67), メンバー ≈ 構成員 (c50)
        ("市町村は、公金の取り扱いを銀行に任せなければなりませんか", "第235条第2項"),
        ("年度の出納はいつ締め切りますか", "第235条の5"),
        ("審議会のメンバーは常勤ですか、非常勤ですか", "第202条の3第2項"),
    ]:
        assert _cited(local_autonomy_law, tenant, question) == [(LAW, location)], question
