"""Hand-over routing on the demo FAQs (issue 12): never to an unrelated department.

Two checks through the answering service (lexical; routing does not use the embedding):
- questions no department's entries are about go to the general contact;
- every published phrasing of every entry, asked with that entry left out of routing (as if
  the FAQ had no answer for it), goes to the entry's own department or to the general
  contact; another department only rarely (measured 8 of 453 with the shipped lead, mostly
  neighbouring offices: 防災課 / 危機管理課, 税務課 / 県税事務所). Before the lead was raised
  from 0.15 to 0.5 it was 31 of 453, among them 熱が出たら → 保育課 and 生活保護 →
  消費生活センター.
"""

from __future__ import annotations

from collections import Counter

import pytest

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.domain.models import Decision
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform

#: Written for this test; none of the demo FAQs is about these topics.
OFF_TOPIC = [
    "市長の好きな食べ物は？",
    "今日の天気を教えて",
    "おすすめのラーメン屋はどこ",
    "宇宙飛行士になるにはどうすればいい",
    "新幹線の切符を買いたい",
    "株式投資のおすすめ銘柄",
    "プロ野球の昨日の試合結果",
    "Wi-Fiのパスワードを忘れた",
]


@pytest.fixture
def demo(platform: Platform) -> Platform:
    with platform.db.write() as session:
        load_demo(session)
    return platform


def test_off_topic_questions_go_to_the_general_contact(demo: Platform) -> None:
    for question in OFF_TOPIC:
        r = demo.answering.ask("aoba-city", question, record=False)
        # Handed over, or (Wi-Fiのパスワードを忘れた: 暗証番号を忘れた matches) a 更問 whose
        # 「どれにも当てはまらない」 shows the same contact; never an answer.
        assert r.decision in (Decision.NO_ANSWER, Decision.CLARIFY), question
        assert r.contact is None, (question, r.contact)  # the general contact is shown
        assert r.general_contact


def test_left_out_entries_route_to_their_department_or_the_general_contact(
    demo: Platform,
) -> None:
    outcome: Counter[str] = Counter()
    elsewhere = []
    for slug in ("aoba-city", "sakura-town"):
        with demo.db.read() as session:
            index = demo.answering.index_for(session, tenant_service.get_tenant(session, slug))
        for entry_id in index.entry_ids():
            entry = index.entry(entry_id)
            own = entry.department.name if entry.department else ""
            for phrasing in [entry.question, *entry.alternatives]:
                routed = index.handover_department(question=phrasing, exclude={entry_id})
                if routed is None:
                    outcome["general"] += 1
                elif routed.name == own:
                    outcome["owner"] += 1
                else:
                    outcome["elsewhere"] += 1
                    elsewhere.append((phrasing, own, routed.name))
    total = sum(outcome.values())
    assert total > 400
    assert outcome["elsewhere"] <= 0.03 * total, elsewhere
    assert outcome["owner"] >= 0.15 * total, outcome  # routing still routes
    # Pairs that were wrong before the lead was raised (unrelated offices).
    wrong = {
        ("福祉課", "消費生活センター"),
        ("感染症対策課", "保育課"),
        ("感染症対策課", "介護保険課"),
    }
    assert not {(own, to) for _, own, to in elsewhere} & wrong, elsewhere
