"""Which 項/号 a search result shows and an answer cites, on a whole national law as e-Gov publishes
it (個人情報の保護に関する法律, blind9's fixture, issue 15): a 項 that refers back (「前項の…」), the
asker's own 市, exemption questions and a noun asked for its verb; and on 労働基準法 (blind8's),
what a referring 項 may borrow from the 項 it refers to. Laws are not copyrighted
(著作権法第13条); provenance in benchmarks/documents/realtext/PROVENANCE.md."""

from __future__ import annotations

from pathlib import Path

from jichitai_ai.documents import Viewer
from jichitai_ai.documents._support import (
    EXEMPTION_GIVES,
    answer_kind,
    number_patterns,
    verb_forms,
)
from jichitai_ai.documents.service import DocumentService

LAW = Path(__file__).parent / "fixtures" / "blind9" / "415AC0000000057_kojin_joho_hogo.xml"
#: 労働基準法 (blind8's fixture): 項 that refer back, one sentence borrowed at a time.
LABOUR_LAW = Path(__file__).parent / "fixtures" / "blind8" / "322AC0000000049_rodo_kijun.xml"


def _shown(service: DocumentService, tenant: str, question: str, article: str) -> list[str]:
    hits = service.search(tenant, question, Viewer.everything(), k=3)
    return [h.location for h in hits if h.location.startswith(article)]


def test_paragraphs_chosen_by_what_they_refer_to_and_who_asks(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, LAW.name, LAW.read_bytes())
    # 「４　前項の規定による申出は、…三十日以内にしなければならない」: its own words never say
    # what the 申出 is about; read with 第3項 (開示の実施の方法を申し出る) it answers 「いつまでに」.
    question = "開示決定の通知を受けた人は、いつまでに開示の受け方を申し出なければなりませんか"
    assert _shown(service, tenant, question, "第87条") == ["第87条第4項"]
    # (It chooses the 項 shown; whether 第87条 answers is still judged on 第4項's own words.)
    answer = service.answer(tenant, question, Viewer.everything())
    assert not answer.supported
    assert [p.location for p in answer.see_also if p.location.startswith("第87条")] == [
        "第87条第4項"
    ]
    # A city's staff asking about 「市」 means the 項 for 地方公共団体 (条例で定める額); asked about
    # the state's 行政機関, the first 項 (政令で定める額) stays.
    assert _shown(
        service, tenant, "市に開示請求をするときの手数料の額は、何で決まりますか", "第89条"
    ) == ["第89条第2項"]
    assert _shown(
        service,
        tenant,
        "国の行政機関の長に開示請求をするときの手数料の額は、何で決まりますか",
        "第89条",
    ) == ["第89条第1項"]


def test_exemptions_and_verb_nouns(service: DocumentService, tenant: str) -> None:
    service.ingest(tenant, LAW.name, LAW.read_bytes())
    # 「…しなくてもよいファイル」 asks for the exemption (「前項の規定は、次に掲げる…については、
    # 適用しない」), not the duty to publish (第1項), which shares all its words.
    question = "個人情報ファイル簿を作って公表しなくてもよいファイルにはどんなものがありますか"
    assert _shown(service, tenant, question, "第75条") == ["第75条第2項"]
    # 「通知の代わりに」 is 「これに代わるべき措置をとるとき」 (第2項第1号), not the 柱書.
    question = "漏えいした情報の本人に連絡がつかないときは、通知の代わりにどうすればよいのですか"
    assert _shown(service, tenant, question, "第68条") == ["第68条第2項第1号"]


def test_penalty_of_an_item_and_a_paragraph_that_only_refers_back(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, LAW.name, LAW.read_bytes())
    viewer = Viewer.everything()
    # The 柱書 「次の各号のいずれかに該当する者は、十万円以下の過料に処する」 gives the penalty of
    # its 第3号 (偽り…開示を受けた者); 第179条's 罰金 for 不正な利益 was cited instead.
    answer = service.answer(
        tenant, "うそをついて自分の情報の開示を受けた人には、どんな過料がありますか", viewer
    )
    assert [p.location for p in answer.passages] == ["第185条第3号"]
    # 第87条第4項 (「前項の規定による申出は、…三十日以内」) shares none of these words itself:
    # 第3項's 開示を受ける does not make it the 訂正 deadline.
    answer = service.answer(
        tenant,
        "開示を受けた自分の情報が間違っていたとき、訂正を求められるのはいつまでですか",
        viewer,
    )
    assert not any(p.location.startswith("第87条") for p in answer.passages)


def test_own_body_and_verb_form_rules() -> None:
    # a named body (大島町の) or 市町村 inside a word is no own 市
    assert number_patterns("市に開示請求をするとき") and number_patterns("市役所が集めた")
    assert not number_patterns("大島町の消防団") and not number_patterns("都市計画の区域")
    assert not number_patterns("市町村の機関は入りますか")
    assert verb_forms("代わり") == ("代わる",) and verb_forms("届け") == ("届ける",)
    assert verb_forms("あり") == () and verb_forms("通知") == ()


FIXTURES = Path(__file__).parent / "fixtures"


def test_label_only_rules_never_make_a_provision_answer(
    service: DocumentService, tenant: str
) -> None:
    viewer = Viewer.everything()
    for name in (
        "reiki_pages_blind/kawabe_inkan.txt",
        "reiki_pages_blind5/koori_hyakusai_iwaikin.txt",
    ):
        path = FIXTURES / name
        service.ingest(tenant, path.name, path.read_bytes())
    # 第4条第2項 「前項の確認は、…郵送…」 read with 第1項 (申請者が本人であること) would cover a
    # question about a 代理人's 申請; it is not the provision that answers it (第3条 is).
    answer = service.answer(
        tenant, "本人が来られないときは代理人が印鑑登録を申請できますか", viewer
    )
    assert not any(p.location.startswith("第4条") for p in answer.passages)
    # 「お祝い」 is not the 目的 article's 「長寿を祝い」 for support.
    answer = service.answer(tenant, "桑折町の100歳のお祝いの祝状はどうやって渡されますか", viewer)
    assert not any(p.location == "第1条" for p in answer.passages)
    # 「いらなくなったら」 (no longer needed) asks for no exemption.
    assert answer_kind("御所市の墓地がいらなくなったらどうすればいいですか") is not EXEMPTION_GIVES
    assert answer_kind("住民票は出さなくてよいですか") is EXEMPTION_GIVES


def test_referring_paragraph_borrows_one_sentence_not_all(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, LABOUR_LAW.name, LABOUR_LAW.read_bytes())
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
    service.ingest(tenant, LABOUR_LAW.name, LABOUR_LAW.read_bytes())
    # 第20条第2項 「前項の予告の日数は、一日について平均賃金を支払つた場合においては、その日数を
    # 短縮することができる」 says the answer itself; 第1項's 解雇 only breaks the tie.
    question = "解雇予告の期間は、平均賃金を払えば短くできますか"
    assert _shown(service, tenant, question, "第20条") == ["第20条第2項"]
