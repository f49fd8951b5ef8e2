"""Which 項/号 a result shows, and which result an answer may cite (issue 15, label misses of the
real-text sets by category: sentences cut inside brackets, words that only name the regulation,
a 号 read with its whole 柱書, counted numbers, everyday words; citing a later result)."""

from __future__ import annotations

from jichitai_ai.documents import Viewer
from jichitai_ai.documents._answers import supporting_passages
from jichitai_ai.documents._index import Hit
from jichitai_ai.documents._support import sentence_spans
from jichitai_ai.documents.service import DocumentService

WATER = """○みずほ町水道給水条例
（給水装置の工事）
第4条　給水装置の新設、改造(軽微な変更を除く。以下同じ。)又は撤去(以下「給水装置工事」という。)をしようとする者は、管理者に申し込み、その承認を受けなければならない。
２　前項の申込みをする場合において、当該工事に関する利害関係人があるときは、申込者は、その者の同意書を提出しなければならない。
（給水装置の種類）
第5条　給水装置は、専用給水装置及び共用給水装置とする。
"""


def test_a_full_stop_inside_brackets_does_not_end_the_sentence(
    service: DocumentService, tenant: str
) -> None:
    text = "新設(軽微な変更を除く。以下同じ。)をしようとする者は、申し込む。\n２　前項の申込み。ただし書。"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "新設(軽微な変更を除く。以下同じ。)をしようとする者は、申し込む。",
        "２　前項の申込み。",
        "ただし書。",
    ]
    # Cut at every 。, no piece of 第1項 held both 工事 and 申し込む, and 第2項 was shown.
    service.ingest(tenant, "water.txt", WATER.encode("utf-8"))
    hit = service.search(tenant, "水道の引込み工事はどこに申し込みますか", Viewer.everything())[0]
    assert hit.location == "第4条第1項"


CENTRE = """○みずほ町ふれあいセンター条例
（設置）
第2条　地域の福祉のため、みずほ町ふれあいセンター(以下「ふれあいの杜」という。)を設置する。
（使用の許可）
第3条　ふれあいの杜を使用する者は、町長の許可を受けなければならない。
２　町長は、次の各号のいずれかに該当するときは、使用を許可しない。
(1)　公の秩序を乱すおそれがあるとき。
(2)　建物を汚損するおそれがあるとき。
（使用料）
第4条　ふれあいの杜を使用する者は、使用料を納入しなければならない。
２　町長は、特別の理由があると認めるときは、使用料を減免することができる。
"""


def test_words_every_provision_carries_do_not_choose_the_paragraph(
    service: DocumentService, tenant: str
) -> None:
    """「ふれあいの杜」 (defined in 第2条, in every article after it) names the facility, not the
    項: before, the 項 that repeats it was shown for a question about something else. The other
    regulations make it a rare word in the collection, as in a real 例規集."""
    service.ingest(tenant, "centre.txt", CENTRE.encode("utf-8"))
    for name, text in [("hall.txt", HALL), ("water.txt", WATER), ("bikes.txt", BIKES)]:
        service.ingest(tenant, name, text.encode("utf-8"))
    viewer = Viewer.everything()
    hits = service.search(tenant, "ふれあいの杜の使用料を安くしてもらえますか", viewer, k=3)
    assert hits[0].location == "第4条第2項"
    hits = service.search(tenant, "ふれあいの杜の建物を汚しそうな団体は断れますか", viewer, k=3)
    assert any(h.location == "第3条第2項第2号" for h in hits)
    assert not any(h.location == "第3条第1項" for h in hits)


HALL = """○あおば町墓地条例
（名称及び位置）
第2条　墓地の名称及び位置は、次のとおりとする。
(1)　名称　あおば町北墓地
(2)　位置　あおば町北町1番地
（墓地の使用料）
第3条　墓地使用の許可を受けた者は、次の区別により使用料を納付しなければならない。ただし、1区の面積は1平方メートルとする。
(1)　1区　500円
(2)　2区　1,000円
"""


def test_a_counted_number_of_the_question_chooses_the_item(
    service: DocumentService, tenant: str
) -> None:
    """「2区でいくら」: the 柱書 is two sentences (the ただし書 last), both lent to the 号, and
    the 号 giving 2区 is shown — not the 柱書, not (1) 1区, and 12区 would not match 2区."""
    service.ingest(tenant, "hall.txt", HALL.encode("utf-8"))
    hit = service.search(tenant, "墓地の使用料は2区でいくらですか", Viewer.everything())[0]
    assert hit.location == "第3条第2号"
    hit = service.search(tenant, "墓地の使用料は1区でいくらですか", Viewer.everything())[0]
    assert hit.location == "第3条第1号"


BIKES = """○みずほ町駐輪場条例
（駐車できるもの）
第4条　駐輪場に駐車できるものは、次の各号に掲げるものとする。
(1)　原動機付自転車
(2)　自転車
(3)　自動二輪車
（遵守事項）
第5条　使用者は、次に掲げる事項を守らなければならない。
(1)　他の利用者に迷惑を及ぼさないこと。
(2)　許可なく火気を使用しないこと。
（墓地の管理）
第6条　使用者は、墓碑その他の工作物に危険が生じたときは、直ちに適切な処置を講じなければならない。
（貸与の条件）
第7条　奨学金の貸与条件は、次の各号に定めるところによる。
(1)　奨学金は、無利子とする。
(2)　奨学金の償還期限は、10年とする。
"""


def test_everyday_words_of_the_blind_sets_meet_the_regulation_words(
    service: DocumentService, tenant: str
) -> None:
    """コンロ is 火気, 墓石 a 墓碑, 利息 利子."""
    service.ingest(tenant, "bikes.txt", BIKES.encode("utf-8"))
    viewer = Viewer.everything()
    for question, location in [
        ("料理でコンロを使ってもいいですか", "第5条第2号"),
        ("墓石が倒れそうなとき何をしなければなりませんか", "第6条"),
        ("奨学金に利息はつきますか", "第7条第1号"),
    ]:
        assert service.search(tenant, question, viewer, k=1)[0].location == location, question


def _link(hit: Hit, page: int | None) -> str:
    return ""


def test_a_later_result_is_cited_only_when_the_first_does_not_answer(
    service: DocumentService, tenant: str
) -> None:
    service.ingest(tenant, "centre.txt", CENTRE.encode("utf-8"))
    index = service.current_index(tenant).index
    question = "ふれあいの杜の使用料を減免できるのはどんなときですか"
    hits = index.search(question, 3, mode="lexical")
    fee = next(h for h in hits if h.record.location == "第4条")
    other = next(h for h in hits if h.record.location != "第4条")
    # the answering article second: cited (before, only the first result could be)
    cited = supporting_passages(index, question, [other, fee], _link)
    assert [p.location for p in cited] == ["第4条第2項"]
    # the first result answers: it is cited, whatever comes after it
    cited = supporting_passages(index, question, [fee, other], _link)
    assert [p.location for p in cited] == ["第4条第2項"]
    # nothing among the first three answers: nothing is cited
    unrelated = "ふれあいの杜の駐車場は何台ですか"
    assert supporting_passages(index, unrelated, index.search(unrelated, 3), _link) == []
