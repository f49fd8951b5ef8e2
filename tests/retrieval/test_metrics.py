import math

import pytest

from jichitai_ai.retrieval.metrics import (
    average_precision,
    jsquad_report,
    latency_percentiles,
    localgovfaq_report,
    ndcg_at,
    ndcg_localgov,
    precision_at,
    recall_at,
    reciprocal_rank,
    success_at,
)

RANKING = [5, 1, 7, 2, 9, 3]
QRELS = {1: 2, 2: 1, 4: 2}  # entry 4 is never retrieved


def test_success_precision_rr() -> None:
    assert success_at(RANKING, QRELS, 1) == 0.0
    assert success_at(RANKING, QRELS, 2) == 1.0
    assert precision_at(RANKING, QRELS, 5) == pytest.approx(2 / 5)
    assert reciprocal_rank(RANKING, QRELS) == pytest.approx(1 / 2)
    assert reciprocal_rank(RANKING, QRELS, k=1) == 0.0


def test_average_precision_divides_by_judged_count() -> None:
    assert average_precision(RANKING, QRELS) == pytest.approx((1 / 2 + 2 / 4) / 3)


def test_ndcg_localgov_gains() -> None:
    dcg = 7 / math.log2(3) + 3 / math.log2(5)
    idcg = 7 / math.log2(2) + 7 / math.log2(3) + 3 / math.log2(4)
    assert ndcg_localgov(RANKING, QRELS) == pytest.approx(dcg / idcg)
    assert ndcg_localgov([1, 4, 2], QRELS) == pytest.approx(1.0)


def test_jsquad_metrics() -> None:
    ranking = [f"p{i}" for i in range(20)]
    assert ndcg_at(ranking, {"p2": 1}, 10) == pytest.approx(1 / math.log2(4))
    assert ndcg_at(ranking, {"p12": 1}, 10) == 0.0
    assert recall_at(ranking, {"p2": 1}, 10) == 1.0
    report = jsquad_report({"a": ranking, "b": ranking}, {"a": {"p0": 1}, "b": {"p15": 1}})
    assert report == pytest.approx({"nDCG@10": 0.5, "Recall@10": 0.5, "MRR@10": 0.5})


def test_localgovfaq_report_averages() -> None:
    r = localgovfaq_report({"q1": [1, 2], "q2": [3, 1]}, {"q1": {1: 2}, "q2": {1: 1}})
    assert r["SR@1"] == 0.5 and r["SR@5"] == 1.0 and r["MRR"] == pytest.approx(0.75)


def test_latency_percentiles_in_ms() -> None:
    p = latency_percentiles([0.001 * i for i in range(1, 101)])
    assert p["p50"] == pytest.approx(50.5) and p["p95"] == pytest.approx(95.05)
