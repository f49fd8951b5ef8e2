"""Everyday words staff use for 法令用語 and a kanji hint between tying 項・号, on real texts
nobody on the project wrote (issue 15, i15m): 番号法 as e-Gov publishes it (blind10's fixture) and
two 例規 pages (blind7, blind8). Laws and 例規 are not copyrighted (著作権法第13条); provenance in
benchmarks/documents/realtext/PROVENANCE.md."""

from __future__ import annotations

from pathlib import Path

from jichitai_ai.documents import Viewer
from jichitai_ai.documents._support import kanji_hint
from jichitai_ai.documents.service import DocumentService

FIXTURES = Path(__file__).parent / "fixtures"
BANGO = FIXTURES / "blind10" / "425AC0000000027_bango.xml"
YAMANAKAKO = FIXTURES / "reiki_pages_blind7" / "yamanakako_saigai_mimaikin.txt"
MARUMORI = FIXTURES / "blind8" / "marumori_chomin_bus.txt"


def _shown(service: DocumentService, tenant: str, question: str, article: str) -> list[str]:
    hits = service.search(tenant, question, Viewer.everything(), k=3)
    return [h.location for h in hits if h.location.startswith(article)]


def _cited(service: DocumentService, tenant: str, question: str) -> list[str]:
    return [p.location for p in service.answer(tenant, question, Viewer.everything()).passages]


def test_everyday_words_reach_the_paragraph_of_a_national_law(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, BANGO.name, BANGO.read_bytes())
    # 「なくしてしまったら」 is 「紛失したときは、直ちに…届け出なければならない」 (第17条第9項),
    # not 第6項 (転入届と同時にカードを提出), which only shares カード.
    question = "マイナンバーカードをなくしてしまったら、どうしなければなりませんか"
    assert _shown(service, tenant, question, "第17条") == ["第17条第9項"]
    assert _cited(service, tenant, question) == ["第17条第9項"]
    # 「見せてもらえば」 is 「個人番号カードの提示を受けること」 (第16条第1号), not 第2号 (送信).
    question = (
        "窓口でマイナンバーカードを見せてもらえば、番号を受け取るときの本人確認として足りますか"
    )
    assert _shown(service, tenant, question, "第16条") == ["第16条第1号"]
    # 「返す」 is its 返納 (第17条第11項), not the 届出 of 第8項.
    question = "期限切れになったカードは、市町村に返す必要がありますか"
    assert _shown(service, tenant, question, "第17条") == ["第17条第11項"]


def test_refund_of_a_bus_ticket_is_its_haraimodoshi(service: DocumentService, tenant: str) -> None:
    service.ingest(tenant, MARUMORI.name, MARUMORI.read_bytes())
    # 「払い戻してもらえますか」 (払う + 戻す) is the one word 払戻し of 第5条第3項 (「…回数乗車券の
    # 払戻しは、行わない」), not 第2項 that says 回数乗車券 too.
    question = "丸森町の町民バスの回数券が余ったら、払い戻してもらえますか"
    assert _shown(service, tenant, question, "第5条") == ["第5条第3項"]
    assert _cited(service, tenant, question) == ["第5条第3項"]


def test_kanji_hint_chooses_between_tying_items_and_never_cites(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, YAMANAKAKO.name, YAMANAKAKO.read_bytes())
    # 「(2) 借家建物の住居者の場合…半壊半焼の場合 5万円」: 借家 carries 借(りる) and 家, 半焼
    # 半(分) and 焼(ける); the 柱書 and 第1号 tie with it on the question's words.
    question = "山中湖村で借りている家が半分焼けた場合の見舞金はいくらですか"
    assert _shown(service, tenant, question, "第2条") == ["第2条第2号"]
    # A hint chooses what is shown; it does not make the provision answer (no word of the
    # question's 借りる/家/半分/焼ける is there as a word).
    assert not service.answer(tenant, question, Viewer.everything()).supported


def test_kanji_hint_needs_two_kanji_in_one_word() -> None:
    borrow, house, through = frozenset("借"), frozenset("家"), frozenset("通")
    assert kanji_hint([(borrow, 1.0), (house, 2.0)], frozenset({"借家"})) == 3.0
    # one kanji is too little: 「通して出す」 is no 「通知」, 家 alone no 家財
    assert kanji_hint([(through, 1.0)], frozenset({"通知"})) == 0.0
    assert kanji_hint([(borrow, 1.0), (house, 2.0)], frozenset({"家財", "借用"})) == 0.0
    assert kanji_hint([], frozenset({"借家"})) == 0.0
