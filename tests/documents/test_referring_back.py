"""Which 項 a search result shows when a 項 refers back to the one before it (「前項の…」「前三項
の規定は…」), on a whole national law as e-Gov publishes it (労働基準法, blind8's fixture, issue
15). Laws are not copyrighted (著作権法第13条); provenance in
benchmarks/documents/realtext/PROVENANCE.md."""

from __future__ import annotations

from pathlib import Path

from jichitai_ai.documents import Viewer
from jichitai_ai.documents.service import DocumentService

LAW = Path(__file__).parent / "fixtures" / "blind8" / "322AC0000000049_rodo_kijun.xml"


def _shown(service: DocumentService, tenant: str, question: str, article: str) -> list[str]:
    hits = service.search(tenant, question, Viewer.everything(), k=3)
    return [h.location for h in hits if h.location.startswith(article)]


def test_referring_paragraph_borrows_one_sentence_not_all(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, LAW.name, LAW.read_bytes())
    # 第61条第4項 「前三項の規定は、…適用しない」 read with every sentence of 第1–3項 held more of
    # the question's words than 第1項 (「満十八才に満たない者を午後十時から午前五時までの間に
    # おいて使用してはならない」), which says them in one sentence.
    question = "17歳のアルバイトを夜11時まで働かせてもよいですか"
    assert _shown(service, tenant, question, "第61条") == ["第61条第1項"]
    # 「２　前項の政令は、…時間外又は休日の労働の動向…を考慮して定める」 says one word of the
    # question (時間外); the 割増賃金 for 六十時間 it would borrow is 第1項's ただし sentence.
    question = "時間外に働かせたときの割増賃金は、1か月60時間を超えた分はどうなりますか"
    assert _shown(service, tenant, question, "第37条") == ["第37条第1項"]


def test_referring_paragraph_still_wins_with_its_own_words(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, LAW.name, LAW.read_bytes())
    # 第20条第2項 「前項の予告の日数は、一日について平均賃金を支払つた場合においては、その日数を
    # 短縮することができる」 says the answer itself; 第1項's 解雇 only breaks the tie.
    question = "解雇予告の期間は、平均賃金を払えば短くできますか"
    assert _shown(service, tenant, question, "第20条") == ["第20条第2項"]
