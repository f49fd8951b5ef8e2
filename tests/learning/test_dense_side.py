"""A taught wording on the dense side of a hybrid index (issue 16, round 17).

With meaning on, a wording residents agreed on is one more passage vector of its entry: a question
scores the entry at the better of its own and its learned wordings' cosines, but only where the
learned cosine beats every *other* entry's own cosine (the rivals gate), and only once the lesson
is in force — two residents leave the dense side as it was, the third (the agreement threshold)
adds it. Hybrid town only (hashing embedder: a wording's query and passage vectors coincide).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pytest

from jichitai_ai.retrieval import LearningModel
from jichitai_ai.retrieval._feedback import LearnedPhrasing, Rivals
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.search_index import TenantIndex
from jichitai_ai.timeutil import utcnow

from .helpers import Town

#: Several certificates fit (a 更問): residents pick the one they need (as test_learned_alternatives).
TAUGHT = "証明書を申請したい"
#: Another entry's own question: its own passage beats the lesson's vector.
OTHER_NEED = "粗大ごみの出し方を教えてください"


def _index(town: Town) -> TenantIndex:
    with town.platform.db.read() as s:
        return town.platform.answering.index_for(s, tenant_service.get_tenant(s, town.slug))


def _learned_cosines(index: TenantIndex, question: str) -> dict[int, float]:
    """The learned wordings' cosines that enter the dense list, as ``search_parts`` gates them."""
    searcher = index.searcher
    assert searcher.dense is not None
    vector = searcher.query_vector(question)
    own: list[Any] = searcher.dense.search(vector, 20)
    return index.learning.dense_scores(
        vector, utcnow(), lambda: Rivals.of((d.doc_id, d.score) for d in own)
    )


@pytest.mark.parametrize("town", ["hybrid"], indirect=True)
def test_a_taught_wording_joins_the_dense_side_only_once_agreed(town: Town) -> None:
    seen = town.outcome(TAUGHT)
    assert seen.decision == "clarify" and len(seen.shown) >= 2
    target = seen.shown[1]
    for n in range(2):
        town.teach(town.resident(40 + n), TAUGHT, target)
    assert _learned_cosines(_index(town), TAUGHT) == {}
    town.teach(town.resident(42), TAUGHT, target)
    index = _index(town)
    assert [x.entry_id for x in index.learning.promoting()] == [target]
    # The taught wording itself: its learned passage is the closest vector there is.
    assert _learned_cosines(index, TAUGHT) == {target: pytest.approx(1.0, abs=1e-5)}
    # Another need's own wording: the lesson's vector does not beat that entry's own passage.
    assert _learned_cosines(index, OTHER_NEED) == {}


def test_the_allowance_lets_a_learned_vector_just_below_a_rival_count() -> None:
    """``dense_rivals_allowance`` (off by default): a learned vector a little below another
    entry's own cosine passes the gate — in the dense list and for the boost by meaning — by
    at most the allowance."""
    now = utcnow()
    model = LearningModel([LearnedPhrasing(1, entry_id=10, terms=("蜂",), topics=("蜂",))])
    assert model.params.dense_rivals_allowance == 0.0
    model.set_vectors(np.eye(2, dtype=np.float32)[:1])
    model.set_alternative_vectors(np.eye(2, dtype=np.float32)[:1])
    vector = np.array([0.95, 0.31225], dtype=np.float32)  # cosine .95 with the lesson
    rival = Rivals.of([(20, 0.96)])
    assert model.dense_scores(vector, now, lambda: rival) == {}
    assert not model.effects(["巣"], now, vector, ["巣"], dense_rivals=lambda: (vector, rival))
    model.params = replace(model.params, dense_rivals_allowance=0.02)
    assert model.dense_scores(vector, now, lambda: rival) == {10: pytest.approx(0.95)}
    got = model.effects(["巣"], now, vector, ["巣"], dense_rivals=lambda: (vector, rival))
    assert set(got.boosts) == {10}
    # Beyond the allowance the rival still wins.
    far = Rivals.of([(20, 0.98)])
    assert model.dense_scores(vector, now, lambda: far) == {}
    assert not model.effects(["巣"], now, vector, ["巣"], dense_rivals=lambda: (vector, far))
