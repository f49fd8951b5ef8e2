"""他機関の所管 (services.other_authorities): settings parsing and the hand-over rule, with a
small fixed embedder (the demo city's figures are asserted in test_out_of_scope.py)."""

from __future__ import annotations

from typing import Any

import numpy as np

from jichitai_ai.services import other_authorities as oa

SETTINGS: dict[str, Any] = {
    "other_authorities": [
        {
            "name": {"ja": "運転免許センター", "en": "Driver's licence centre"},
            "topics": ["運転免許証の更新", " "],
            "words": ["運転免許", "Driver's Licen"],
            "phone": "0000-00-7100",
            "note": "県警察の担当です。",
        },
        {"name": {"ja": "気象台"}, "topics": ["天気予報"]},
        {"name": {"ja": "名前だけ"}, "topics": []},  # no topics: skipped
        {"topics": ["年金"]},  # no name: skipped
        "not a table",
    ],
    "other_authority_margin": "0.05",
    "other_authority_word_margin": "bad",
}


class FixedEmbedder:
    """Topic vectors along fixed axes: 運転免許… → x, 天気予報 → y."""

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        axes = {"運転免許証の更新": [1.0, 0.0, 0.0], "天気予報": [0.0, 1.0, 0.0]}
        return np.array([axes[t] for t in texts], dtype=np.float32)


def _query(x: float, y: float) -> np.ndarray:
    v = np.array([x, y, 0.0], dtype=np.float32)
    return v / np.linalg.norm(v)


def test_configured_skips_malformed_items_and_keeps_languages() -> None:
    found = oa.configured(SETTINGS)
    assert [a.name["ja"] for a in found] == ["運転免許センター", "気象台"]
    licence = found[0]
    assert licence.topics == ("運転免許証の更新",)
    assert licence.localized("en")["name"] == "Driver's licence centre"
    assert licence.localized("ko")["name"] == "Driver's licence centre"  # en before ja
    assert licence.localized("ja-easy")["name"] == "運転免許センター"
    assert licence.localized("en")["note"] == "県警察の担当です。"  # a plain string: every language
    assert licence.localized("ja")["phone"] == "0000-00-7100"
    assert oa.configured({}) == [] and oa.configured({"other_authorities": "x"}) == []
    assert oa.margins(SETTINGS) == (0.05, oa.DEFAULT_WORD_MARGIN)
    assert oa.margins({}) == (oa.DEFAULT_MARGIN, oa.DEFAULT_WORD_MARGIN)


def test_words_match_case_insensitively_as_substrings() -> None:
    licence = oa.configured(SETTINGS)[0]
    assert licence.mentioned_in("運転免許を取りたい")
    assert licence.mentioned_in("where do I renew my DRIVER'S LICENSE")
    assert not licence.mentioned_in("免許")


def test_hand_over_only_when_a_topic_is_closer_than_every_entry() -> None:
    matcher = oa.AuthorityMatcher(oa.configured(SETTINGS), FixedEmbedder())
    needed = (0.05, 0.0)
    near_licence = _query(1.0, 0.2)  # cosine ≈ 0.98 to the licence topic
    found = oa.handed_to(matcher, "renew", near_licence, 0.90, needed)
    assert found is not None and found.name["ja"] == "運転免許センター"
    # An entry nearly as close: the margin is not met, the entries decide.
    assert oa.handed_to(matcher, "renew", near_licence, 0.95, needed) is None
    # The question names the business (one of its words): closer than every entry suffices.
    assert oa.handed_to(matcher, "運転免許の更新", near_licence, 0.95, needed) is not None
    # …but never when an entry is closer than every topic.
    assert oa.handed_to(matcher, "運転免許の更新", near_licence, 0.99, needed) is None
    weather = oa.handed_to(matcher, "明日", _query(0.1, 1.0), 0.5, needed)
    assert weather is not None and weather.name["ja"] == "気象台"
    assert oa.AuthorityMatcher([], FixedEmbedder()).closest(near_licence) is None


def test_a_question_is_embedded_once_on_its_way_through(settings: Any, platform: Any) -> None:
    """The ranking and the other-authority check share the question's embedding (~20 ms of
    CPU each with the bundled model), remembered by the tenant's searcher."""
    from collections import Counter
    from dataclasses import replace

    from jichitai_ai.domain.models import FaqRecord
    from jichitai_ai.retrieval import HashingEmbedder
    from jichitai_ai.services import faq as faq_service
    from jichitai_ai.services import tenants as tenant_service
    from jichitai_ai.services.answering import AnsweringService

    asked: Counter[str] = Counter()

    class Counting(HashingEmbedder):
        def embed_queries(self, texts: list[str]) -> Any:
            asked.update(texts)
            return super().embed_queries(texts)

    with platform.db.write() as session:
        tenant_id = tenant_service.add_tenant(session, "aoba", "あおば市").id
        tenant_service.update_settings(session, tenant_id, SETTINGS)
        for i, (question, answer) in enumerate(
            [
                ("犬の登録をしたい", "環境課で登録します。"),
                ("住民票がほしい", "市民課で発行します。"),
            ]
        ):
            faq_service.create_entry(
                session, tenant_id, FaqRecord(external_id=f"E{i}", question=question, answer=answer)
            )
    service = AnsweringService(platform.db, settings)
    service.factory.embedder = Counting(64)
    service.factory.policy = replace(service.factory.policy, self_calibration=False)
    service.ask("aoba", "住民票", record=False)  # builds the index
    asked.clear()
    service.ask("aoba", "運転免許の更新はどこで", record=False)
    assert asked == Counter({"運転免許の更新はどこで": 1})
