"""Hand-over routing learned from the tenant's entries: the owning department or nobody."""

from __future__ import annotations

from jichitai_ai.domain.models import DepartmentContact, FaqEntry
from jichitai_ai.services.search_index import AnswerPolicy, SearchIndexFactory
from jichitai_ai.text import Tokenizer

BOUSAI = DepartmentContact(name="防災課", phone="0000-00-3333")
KANKYO = DepartmentContact(name="環境課", phone="0000-00-4444")
SHIMIN = DepartmentContact(name="市民課", phone="0000-00-1111")


def entry(i: int, question: str, answer: str, dept: DepartmentContact, **kw: object) -> FaqEntry:
    return FaqEntry(  # type: ignore[arg-type]
        id=i, external_id=f"E{i}", question=question, answer=answer, department=dept, **kw
    )


ENTRIES = [
    entry(
        1,
        "避難所の場所を知りたい",
        "避難所は小学校です。非常食や食べ物を持参してください。",
        BOUSAI,
    ),
    entry(2, "非常持出品は何を用意すればよいか", "水、食べ物、懐中電灯などを用意します。", BOUSAI),
    entry(3, "ハザードマップがほしい", "防災課で配布しています。", BOUSAI, category="防災"),
    entry(4, "粗大ごみを出したい", "粗大ごみ受付センターに申し込んでください。", KANKYO),
    entry(5, "ごみの収集日を知りたい", "地区ごとの収集日はごみカレンダーで確認できます。", KANKYO),
    entry(
        6, "資源ごみの分け方", "缶、びん、ペットボトルに分けてください。", KANKYO, category="ごみ"
    ),
    entry(
        7,
        "住民票の写しを取りたい",
        "市民課の窓口で取得できます。運転免許証などをお持ちください。",
        SHIMIN,
    ),
    entry(8, "印鑑登録をしたい", "市民課で登録できます。", SHIMIN),
]


def index():  # type: ignore[no-untyped-def]
    return SearchIndexFactory(Tokenizer(), AnswerPolicy()).build(ENTRIES, [])


def test_unrelated_question_goes_to_the_general_contact_not_a_weak_match() -> None:
    idx = index()
    # 食べ物 appears in 防災課's answers; before, the best weak match's department was used.
    assert idx.handover_department(question="市長の好きな食べ物は？") is None
    assert idx.handover_department(question="運転免許の更新はどこでできますか") is None
    assert idx.handover_department(question="明日の天気は？") is None


def test_question_on_a_department_topic_is_routed_there() -> None:
    idx = index()
    routed = idx.handover_department(question="粗大ごみの収集日を変更したい")
    assert routed is not None and routed.name == "環境課" and routed.phone == "0000-00-4444"
    routed = idx.handover_department(question="避難所に食べ物はありますか")
    assert routed is not None and routed.name == "防災課"


def test_old_signature_no_longer_routes_blindly() -> None:
    idx = index()
    ranked = idx.answer("市長の好きな食べ物は？").ranked
    assert idx.handover_department(ranked) is None
