import pytest

from jichitai_ai.retrieval import ScoredDoc, rrf, score_mix


def _ranked(*ids: int) -> list[ScoredDoc]:
    return [ScoredDoc(float(len(ids) - i), d) for i, d in enumerate(ids)]


def test_rrf_hand_computed() -> None:
    fused = rrf([_ranked(1, 2, 3), _ranked(3, 1)], k=60)
    scores = {d.doc_id: d.score for d in fused}
    assert scores[1] == pytest.approx(1 / 61 + 1 / 62)
    assert scores[3] == pytest.approx(1 / 63 + 1 / 61)
    assert scores[2] == pytest.approx(1 / 62)
    assert [d.doc_id for d in fused] == [1, 3, 2]


def test_score_mix_agreement_beats_single_list() -> None:
    lexical = [ScoredDoc(10.0, 1), ScoredDoc(9.0, 2), ScoredDoc(2.0, 3)]
    dense = [ScoredDoc(0.90, 2), ScoredDoc(0.80, 3), ScoredDoc(0.70, 1)]
    fused = score_mix(lexical, dense, dense_weight=0.5)
    assert fused[0].doc_id == 2
    assert fused[0].score == pytest.approx(0.5 * 0.9 + 0.5 * 1.0)
    assert all(0.0 <= d.score <= 1.0 for d in fused)


def test_score_mix_weight_extremes() -> None:
    lexical = [ScoredDoc(5.0, 1), ScoredDoc(1.0, 2)]
    dense = [ScoredDoc(0.9, 2), ScoredDoc(0.5, 1)]
    assert score_mix(lexical, dense, 0.0)[0].doc_id == 1
    assert score_mix(lexical, dense, 1.0)[0].doc_id == 2
    assert score_mix([], dense, 0.5)[0].doc_id == 2
