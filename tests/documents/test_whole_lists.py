"""A question asking for a whole list (「どんな措置をとらなければ」「どのような本人確認」) is shown
the 項 whose 柱書 hands that list to its 号, not one of the 号; a question about one item is still
shown its 号. Real 番号法 as e-Gov publishes it (blind10's fixture; laws are not copyrighted,
著作権法第13条; provenance in benchmarks/documents/realtext/PROVENANCE.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jichitai_ai.documents import Viewer
from jichitai_ai.documents._support import WHOLE_LIST, shown_kind
from jichitai_ai.documents.service import DocumentService

BANGO = Path(__file__).parent / "fixtures" / "blind10" / "425AC0000000027_bango.xml"


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        # 第17条第1項: 「…交付するものとする。この場合において、…次に掲げる措置をとらなければ
        # ならない。一 …確認すること。二 …」 — its 第1号 read with both 柱書 sentences outscored
        # each of them alone (blind10 n18).
        (
            "市町村長がカードを交付するとき、本人かどうか確かめるためにどんな措置をとらなければ"
            "なりませんか",
            "第17条第1項",
        ),
        # 第16条 (one 項): 「…次の各号のいずれかに掲げる措置をとらなければならない」; 確認 is in
        # the 号 only, which made 第2号 win (blind10 n14).
        ("住民から番号を受け取るときは、どのような本人確認をしなければなりませんか", "第16条"),
    ],
)
def test_a_whole_list_question_is_shown_the_paragraph(
    service: DocumentService, tenant: str, question: str, shown: str
) -> None:
    service.ingest(tenant, BANGO.name, BANGO.read_bytes())
    hits = service.search(tenant, question, Viewer.everything(), k=3)
    assert hits[0].location == shown
    answer = service.answer(tenant, question, Viewer.everything())
    assert [p.location for p in answer.passages][:1] == [shown]


def test_a_question_about_one_item_is_still_shown_the_item(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, BANGO.name, BANGO.read_bytes())
    question = "番号を受け取るとき、個人番号カードの提示を受ければ本人確認になりますか"
    hits = service.search(tenant, question, Viewer.everything(), k=3)
    assert hits[0].location == "第16条第1号"


def test_which_questions_ask_for_a_whole_list() -> None:
    assert shown_kind("どんなことを記録しておくのですか") is WHOLE_LIST
    assert shown_kind("衛生委員会はどういう人たちで構成しますか") is WHOLE_LIST
    assert shown_kind("どのような本人確認をしなければなりませんか") is WHOLE_LIST
    # one thing asked about, or another kind of answer
    assert shown_kind("カードは誰が交付しますか") is None
    assert shown_kind("どんな書類をいつまでに出しますか") is not WHOLE_LIST
    assert (
        shown_kind("審査請求をすべて認めて全部開示する場合でも諮問は必要ですか") is not WHOLE_LIST
    )
