"""Not any authority's business (services.outside_topics): the hand-over rule and the
tenant's margin, with a small fixed embedder; the demo city's figures are asserted in
test_out_of_scope.py (round 6's out-of-scope questions on the round-3 test's platform)."""

from __future__ import annotations

import math

import numpy as np

from jichitai_ai.services import outside_topics as ot


class FixedEmbedder:
    """Topic vectors along fixed axes: shops → x, chit-chat → y."""

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        axes = {"店": [1.0, 0.0, 0.0], "雑談": [0.0, 1.0, 0.0]}
        return np.array([axes[t] for t in texts], dtype=np.float32)


def _unit(x: float, y: float, z: float) -> np.ndarray:
    v = np.array([x, y, z], dtype=np.float32)
    return v / np.linalg.norm(v)


def test_handed_over_only_when_a_topic_is_closer_than_every_entry_by_the_margin() -> None:
    topics = ot.OutsideTopics(FixedEmbedder(), ("店", "雑談"))
    shop = _unit(1.0, 0.1, 0.1)  # cosine ≈ 0.99 to 店
    found = topics.closest(shop)
    assert found is not None and found[0] == "店" and abs(found[1] - float(shop[0])) < 1e-6
    assert topics.outside(shop, 0.90, 0.03) == "店"
    # An entry nearly as close (a tourism office's own FAQ): the entries decide.
    assert topics.outside(shop, 0.97, 0.03) is None
    assert topics.outside(_unit(0.1, 1.0, 0.0), 0.5, 0.03) == "雑談"
    # Far from every topic: never.
    assert topics.outside(_unit(0.0, 0.0, 1.0), 0.0, 0.03) is None
    assert ot.OutsideTopics(FixedEmbedder(), ()).closest(shop) is None


def test_margin_from_settings() -> None:
    assert ot.margin({}) == ot.DEFAULT_MARGIN
    assert ot.margin({ot.MARGIN_KEY: "0.05"}) == 0.05
    assert ot.margin({ot.MARGIN_KEY: "bad"}) == ot.DEFAULT_MARGIN
    assert ot.margin({ot.MARGIN_KEY: float("nan")}) == ot.DEFAULT_MARGIN
    assert math.isinf(ot.margin({ot.MARGIN_KEY: "inf"}))  # switched off


def test_the_builtin_topics_are_japanese_kinds_not_phrasings() -> None:
    assert 5 <= len(ot.TOPICS) <= 20
    assert len(set(ot.TOPICS)) == len(ot.TOPICS)
    for topic in ot.TOPICS:
        assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in topic)
