"""When may an answer cite a provision (issue 15)? Term coverage of one sentence, a 号 read with
its 柱書, and a lower bar only when hybrid search's two rankers agree on the passage."""

from __future__ import annotations

from dataclasses import replace

from jichitai_ai.documents import Viewer
from jichitai_ai.documents._answers import (
    AGREED_COVERAGE,
    MIN_COVERAGE,
    agreed,
    sentence_coverage,
    supporting_passages,
)
from jichitai_ai.documents._index import Hit
from jichitai_ai.documents._support import concepts
from jichitai_ai.documents.service import DocumentService
from tests.documents import samples


def _link(hit: Hit, page: int | None) -> str:
    return ""


def test_an_item_is_read_with_its_lead_sentence(service: DocumentService, tenant: str) -> None:
    service.ingest(tenant, "kinmu.txt", samples.REIKI_TEXT.encode("utf-8"))
    index = service.current_index(tenant).index
    art7 = next(r for r in index.records.values() if r.location == "第7条")
    # 「特別休暇」 is only in the 柱書, 「親族」「死亡」 only in 第2号: one sentence alone never
    # holds both, the 号 read with its 柱書 does.
    found = concepts(index, "親族が死亡したときの特別休暇")
    assert sentence_coverage(index, found, art7) >= MIN_COVERAGE
    # The 柱書 is not lent to sentences of other provisions: 第8条 does not gain 「特別休暇」.
    art8 = next(r for r in index.records.values() if r.location == "第8条")
    assert sentence_coverage(index, found, art8) < MIN_COVERAGE


def test_lower_bar_only_when_both_rankers_put_the_passage_first(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, "kinmu.txt", samples.REIKI_TEXT.encode("utf-8"))
    index = service.current_index(tenant).index
    question = "介護で休める日数"
    top = index.search(question, 3, mode="lexical")[0]
    assert top.record.location == "第8条"
    cov = sentence_coverage(index, concepts(index, question), top.record)
    assert AGREED_COVERAGE <= cov < MIN_COVERAGE  # the paraphrase misses some words
    for lexical_rank, dense_rank, cites in [
        (1, 1, True),
        (1, 2, False),
        (2, 1, False),
        (1, None, False),
        (None, None, False),
    ]:
        hit = replace(top, lexical_rank=lexical_rank, dense_rank=dense_rank)
        assert agreed(hit) == cites
        passages = supporting_passages(index, question, [hit], _link)
        assert bool(passages) == cites, (lexical_rank, dense_rank)
        if cites:
            assert passages[0].location == "第8条"


def test_agreement_does_not_make_an_unrelated_question_answerable(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, "kinmu.txt", samples.REIKI_TEXT.encode("utf-8"))
    index = service.current_index(tenant).index
    question = "公用車のガソリン代の精算方法は"
    hits = index.search(question, 3, mode="lexical")
    forced = [replace(h, lexical_rank=1, dense_rank=1) for h in hits[:1]]
    assert supporting_passages(index, question, forced, _link) == []
    answer = service.answer(tenant, question, Viewer.everything())
    assert not answer.supported


def test_agreement_alone_is_not_enough_below_the_lower_bar(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, "kinmu.txt", samples.REIKI_TEXT.encode("utf-8"))
    index = service.current_index(tenant).index
    question = "親の介護で仕事を休める長さ"
    top = index.search(question, 3, mode="lexical")[0]
    assert sentence_coverage(index, concepts(index, question), top.record) < AGREED_COVERAGE
    agreed_hit = replace(top, lexical_rank=1, dense_rank=1)
    assert supporting_passages(index, question, [agreed_hit], _link) == []


FEES = """みずほ村手数料条例
令和二年三月一日条例第一号
（趣旨）
第一条　この条例は、村が徴収する手数料に関し必要な事項を定めるものとする。
（納付）
第二条　手数料の額は、別表に定めるとおりとする。
２　手数料は、申請の際に徴収する。
３　既に徴収した手数料は、還付しない。
"""


def test_when_questions_are_located_at_the_provision_that_names_a_time(
    service: DocumentService, tenant: str
) -> None:
    from jichitai_ai.documents._support import answer_kind

    service.ingest(tenant, "fees.txt", FEES.encode("utf-8"))
    viewer = Viewer.everything()
    # 第2項 and 第3項 hold the same question words (手数料, 徴収 ≈ 払う); only 第2項 says when
    # (申請の際). The bonus chooses among such 項; it is smaller than a term of the question.
    assert service.search(tenant, "手数料はいつ払うの", viewer, k=1)[0].location == "第2条第2項"
    # Without an interrogative the first 項 holding the words is shown, as before.
    assert answer_kind("手数料の額") is None
    assert answer_kind("何日前までに予約") is not None and answer_kind("料金はいくら") is not None
    assert service.search(tenant, "手数料の額", viewer, k=1)[0].location == "第2条第1項"


POOL = """○みずほ町温泉供給条例
（供給）
第2条　温泉は、財産区の区域内において、次の各号に該当する場合に供給するものとする。
(1)　財産区営温泉浴場に供給する場合
(2)　旅館その他の宿泊施設における入浴施設用として供給する場合
２　前項の規定にかかわらず、町長が認めたときは、区域外に供給することができる。
（存続期間）
第3条　温泉を使用する権利の延長登録の出願をする者は、規則で定める手数料を納付しなければならない。
"""


def test_an_item_is_located_with_the_words_of_its_lead_sentence(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, "onsen.txt", POOL.encode("utf-8"))
    viewer = Viewer.everything()
    # 財産区・区域・温泉 are in the 柱書 only, 旅館 in 第2号 only: the 号 read with its 柱書
    # holds all of them, so search shows 第2条第1項第2号 rather than the 柱書's 第2条第1項.
    hit = service.search(tenant, "財産区の区域内の旅館に温泉を引けますか", viewer, k=1)[0]
    assert hit.location == "第2条第1項第2号"
    # a question that only matches the 柱書 still points at it (ties keep the earlier sentence)
    hit = service.search(tenant, "財産区の区域内で温泉を供給するのはどんな場合", viewer, k=1)[0]
    assert hit.location == "第2条第1項"


def test_a_how_long_question_is_not_answered_by_a_provision_naming_no_period(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, "onsen.txt", POOL.encode("utf-8"))
    viewer = Viewer.everything()
    # 第3条 shares 延長登録・出願・権利 with the question but says nothing about years
    answer = service.answer(
        tenant, "温泉を使用する権利の延長登録の出願は何年までできますか", viewer
    )
    assert not answer.supported
    assert answer.see_also and answer.see_also[0].location.startswith("第3条")
    # the same words without an interrogative of that kind are answered
    answer = service.answer(
        tenant, "温泉を使用する権利の延長登録の出願をする者が納付するもの", viewer
    )
    assert answer.supported and answer.passages[0].location == "第3条"


PLATES = """○みずほ町手数料条例
（手数料の額）
第2条　手数料の額は、次に掲げるとおりとする。
(1)　住民票の写しの交付　1通につき　300円
(2)　臨時運行許可の申請　1両につき　750円
（還付）
第3条　既に徴収した手数料は、還付しない。
"""


def test_a_several_word_synonym_is_one_concept(service: DocumentService, tenant: str) -> None:
    from jichitai_ai.documents._support import concepts

    service.ingest(tenant, "plates.txt", PLATES.encode("utf-8"))
    index = service.current_index(tenant).index
    found = concepts(index, "仮ナンバーの申請手数料はいくらですか")
    # 仮ナンバー ≈ 臨時運行許可 (3 words): one concept, not 「仮」「なんばー」 that no 例規 uses
    assert not any({"仮", "なんばー"} & c.terms for c in found)
    record = next(r for r in index.records.values() if r.location == "第2条")
    assert sentence_coverage(index, found, record) == 1.0
    hit = service.search(tenant, "仮ナンバーの申請手数料はいくらですか", Viewer.everything(), k=1)[
        0
    ]
    assert hit.location == "第2条第2号"


PARKING = """かつらぎ駅前駐車場条例
（使用料）
第1条　駐車場の使用料は、無料とする。
（使用の制限）
第2条　町長は、管理上必要があると認めるときは、駐車場の使用を制限することができる。
"""


def test_everyday_verbs_meet_the_regulation_words(service: DocumentService, tenant: str) -> None:
    """「使う」 is 「使用」 in 例規 and 「料金はかかる」 only shapes the question: before, both were
    words no provision uses, weighed as the rarest, and the provision that answers was declined."""
    from jichitai_ai.documents._support import concepts

    service.ingest(tenant, "parking.txt", PARKING.encode("utf-8"))
    index = service.current_index(tenant).index
    found = concepts(index, "駐車場を使うのに料金はかかりますか")
    assert not any({"掛かる", "かかる"} & c.terms for c in found)
    fee = next(r for r in index.records.values() if r.location == "第1条")
    limit = next(r for r in index.records.values() if r.location == "第2条")
    assert sentence_coverage(index, found, fee) >= MIN_COVERAGE
    # 料金 is the question's point: the provision without it does not reach the bar.
    assert sentence_coverage(index, found, limit) < MIN_COVERAGE
    answer = service.answer(tenant, "駐車場を使うのに料金はかかりますか", Viewer.everything())
    assert answer.supported and answer.passages[0].location == "第1条"


HALL = """○あおば市地区集会所条例
（名称及び位置）
第2条　集会所の名称及び位置は、次のとおりとする。
あおば市北地区集会所　あおば市北町1番地
あおば市南地区集会所　あおば市南町2番地
（使用の不許可）
第3条　市長は、営利を主たる目的とする使用を許可しない。
"""


def test_words_of_the_title_only_name_the_regulation(service: DocumentService, tenant: str) -> None:
    """「あおば市の地区集会所を…」: the 名称及び位置 table repeats the title's words but answers
    nothing about renting; only the question's other words count."""
    from jichitai_ai.documents._support import concepts

    service.ingest(tenant, "hall.txt", HALL.encode("utf-8"))
    index = service.current_index(tenant).index
    found = concepts(index, "あおば市の地区集会所を会社がもうけのために借りることはできますか")
    table = next(r for r in index.records.values() if r.location == "第2条")
    refusal = next(r for r in index.records.values() if r.location == "第3条")
    assert sentence_coverage(index, found, table) < AGREED_COVERAGE
    assert sentence_coverage(index, found, refusal) > sentence_coverage(index, found, table)
    # a question made only of the title's words has nothing left to be answered
    assert sentence_coverage(index, concepts(index, "あおば市地区集会所"), table) == 0.0


PARK = """○さくら町ふれあい広場条例
令和2年3月1日
条例第4号
(設置)
第1条 町民の交流を図るため、さくら町ふれあい広場(以下「広場」という。)を設置する。
(名称及び位置)
第2条 広場の名称及び位置は、次のとおりとする。
(1) 名称 さくら町ふれあい広場
(2) 位置 さくら町本町三丁目12番地
(使用料)
第3条 広場を使用する者は、使用料を納付しなければならない。
2 使用料の額は、1時間につき500円とする。
"""


def test_where_questions_are_answered_by_an_address_not_by_the_setting_up_article(
    service: DocumentService, tenant: str
) -> None:
    from jichitai_ai.documents._support import answer_kind

    service.ingest(tenant, "park.txt", PARK.encode("utf-8"))
    index = service.current_index(tenant).index
    question = "さくら町のふれあい広場はどこにありますか"
    kind = answer_kind(question)
    assert kind is not None
    # Every word of the question is in the title: only what it asks for (an address) is left.
    found = concepts(index, question)
    by_loc = {r.location: r for r in index.records.values()}
    assert sentence_coverage(index, found, by_loc["第2条"], kind) == 1.0
    assert sentence_coverage(index, found, by_loc["第1条"], kind) == 0.0
    hits = [replace(h, lexical_rank=1, dense_rank=1) for h in index.search(question, 3)]
    cited = supporting_passages(index, question, hits, _link)
    assert [p.location for p in cited] == ["第2条第2号"]
    # 「どこで定める」「どこが選ぶ」 ask for a rule or a body, not an address.
    assert answer_kind("細かい決まりはどこで定めるのですか") is None
    assert answer_kind("奨学生を選ぶのはどこですか") is None


def test_the_kind_asked_for_counts_as_a_term_of_the_question(
    service: DocumentService, tenant: str
) -> None:
    from jichitai_ai.documents._support import answer_kind

    service.ingest(tenant, "park.txt", PARK.encode("utf-8"))
    index = service.current_index(tenant).index
    question = "ふれあい広場の使用料は1時間いくらですか"
    kind = answer_kind(question)
    found = concepts(index, question)
    fee = next(r for r in index.records.values() if r.location == "第3条")
    # 第3条第2項 names the amount: it covers the question fully; without the kind the same
    # words are there but nothing says the sentence gives an amount.
    assert sentence_coverage(index, found, fee, kind) == 1.0
    # A sentence with the question's words and no amount covers less than without the kind.
    only_duty = replace(fee, text="広場を使用する者は、使用料を納付しなければならない。", parts=())
    assert sentence_coverage(index, found, only_duty, kind) < sentence_coverage(
        index, found, only_duty
    )


def test_words_that_only_frame_the_question_are_not_asked_for(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, "park.txt", PARK.encode("utf-8"))
    index = service.current_index(tenant).index
    for question, framing in [
        ("広場の使用料はどう決まっていますか", "決まる"),
        ("条例でいう位置とは何を指しますか", "指す"),
        ("広場の柵を壊してしまったら弁償してくれますか", "仕舞う"),
        ("芝生を傷めそうな団体は断れますか", "そう"),
        ("使用するには何が必要ですか", "必要"),
    ]:
        terms = {t for c in concepts(index, question) for t in c.terms}
        assert framing not in terms, question
    # Content words are still asked for.
    terms = {
        t for c in concepts(index, "広場の柵を壊してしまったら弁償してくれますか") for t in c.terms
    }
    assert "弁償" in terms


BRIGADE_A = """○青葉町消防団条例
令和2年3月1日
条例第5号
(設置)
第1条 本町に消防団を設置する。
(報酬)
第2条 消防団員に、次の区分により報酬を支給する。
団長 年額 150,000円
団員 年額 10,000円
"""
BRIGADE_B = """○若葉町消防団条例
令和2年3月1日
条例第6号
(設置)
第1条 本町に消防団を設置し、事務所を若葉町役場に置く。
(定員)
第2条 消防団員の定員は、400名とする。
"""


def test_a_provision_of_another_body_is_not_cited(service: DocumentService, tenant: str) -> None:
    from jichitai_ai.documents._support import body_names, names_other_body, titled_bodies

    assert body_names("大島町の消防団員の報酬は年額いくらですか") == ("大島",)
    assert body_names("丸亀市外に住んでいても使えますか") == ("丸亀",)
    assert body_names("八丈町営住宅の家賃") == ("八丈",)
    assert body_names("町営駐車場は使えますか") == ()
    assert body_names("市のイベントで使うとき") == ()
    service.ingest(tenant, "a.txt", BRIGADE_A.encode("utf-8"))
    service.ingest(tenant, "b.txt", BRIGADE_B.encode("utf-8"))
    index = service.current_index(tenant).index
    viewer = Viewer.everything()
    # 青葉町's 報酬 article holds every word but the body's name: 若葉町 staff get 「資料から
    # は分かりません」, not 青葉町's amounts; 青葉町 staff get them.
    aoba = next(r for r in index.records.values() if r.document_title == "青葉町消防団条例")
    assert names_other_body(index, ("若葉",), aoba.document_id, aoba.document_title)
    assert not names_other_body(index, ("青葉",), aoba.document_id, aoba.document_title)
    for question, cites in [
        ("若葉町の消防団員の報酬は年額いくらですか", False),
        ("青葉町の消防団員の報酬は年額いくらですか", True),
    ]:
        hits = [replace(h, lexical_rank=1, dense_rank=1) for h in index.search(question, 3)]
        cited = supporting_passages(index, question, hits, _link)
        assert bool(cited) == cites, question
        if not cites:
            assert not service.answer(tenant, question, viewer).supported
    # A body no document's title names (a city's own 例規 often omit it) rules nothing out.
    question = "さくら市の消防団員の報酬は年額いくらですか"
    hits = [replace(h, lexical_rank=1, dense_rank=1) for h in index.search(question, 3)]
    assert titled_bodies(index, body_names(question)) == ()
    assert titled_bodies(index, ("若葉", "さくら")) == ("若葉",)
    assert names_other_body(index, (), hits[0].record.document_id, "") is False
    # 「どこに置かれていますか」 is answered by 「…役場に置く」 too, not only by a 位置 line.
    question = "若葉町の消防団の事務所はどこに置かれていますか"
    hits = [replace(h, lexical_rank=1, dense_rank=1) for h in index.search(question, 3)]
    assert [p.location for p in supporting_passages(index, question, hits, _link)] == ["第1条"]
