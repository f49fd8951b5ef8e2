"""Decision signals of a tenant index, and the learned decision with choices chosen for coverage.

The signals (retrieval._decision_model.FEATURE_NAMES) need the tenant's vocabulary: IDF
weights, each entry's own question words (質問文の被覆率), departments. Clarifying choices (更問)
are the best candidates that are not near-duplicates of one another, so three choices cover
three different readings of the question instead of one entry three times.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from jichitai_ai.domain.models import Decision
from jichitai_ai.retrieval import DecisionResult, ScoredDoc
from jichitai_ai.retrieval._decision_model import DecisionModel, FloatArray, feature_vector
from jichitai_ai.text.topic_filler import is_filler, topic_only

if TYPE_CHECKING:
    from jichitai_ai.services.search_index import TenantIndex

#: Two entries whose question words overlap this much (IDF-weighted Jaccard) are one choice.
NEAR_DUPLICATE = 0.8
#: Share of the question's topic words the first entry's own question must hold for a 更問
#: instead of a hand-over (Japanese kanji questions).
OWN_QUESTION_COVERS = 0.5
#: ... while less than this share of it is unknown to every entry.
UNKNOWN_AT_MOST = 0.5
#: A word is rare (話題の語) when its IDF weight reaches this share of the weight of a word no
#: entry has (the rarest possible): 亡くなる, 契約, 判子 are; 所, 為る, 年金 are not (demo city).
RARE_WORD_SHARE = 0.5
#: How far down the ranking choices are looked for.
CHOICE_POOL = 8
#: Nearest other entries averaged for an entry's hubness.
HUB_NEIGHBOURS = 10
#: Rows per block when computing hubness (bounds memory: block × entries cosines).
HUB_BLOCK = 1024


class DecisionSignals:
    """Per-index memo of the entries' question words; computes feature vectors."""

    def __init__(self, index: TenantIndex) -> None:
        self.index = index
        self._question_terms: dict[int, frozenset[str]] = {}
        self._question_words: dict[int, frozenset[str]] = {}

    def weight(self, term: str) -> float:
        lexical = self.index.lexical
        t = lexical.vocabulary.get(term)
        return self.unknown_weight() if t is None else float(lexical.idf[t])

    def unknown_weight(self) -> float:
        """The weight of a word no entry has: the rarest possible."""
        n = len(self.index.lexical)
        return float(np.log(1.0 + (n + 0.5) / 0.5))

    def question_terms(self, entry_id: int) -> frozenset[str]:
        found = self._question_terms.get(entry_id)
        if found is None:
            e = self.index.entry(entry_id)
            found = frozenset(self.index.topic_terms("\n".join([e.question, *e.alternatives])))
            self._question_terms[entry_id] = found
        return found

    def question_words(self, entry_id: int) -> frozenset[str]:
        """Every index term (verbs too: 亡くなる, 契約する) of the entry's own question and
        言い換え; :meth:`question_terms` keeps their nouns only."""
        found = self._question_words.get(entry_id)
        if found is None:
            e = self.index.entry(entry_id)
            found = frozenset(
                self.index.lexical.query_terms("\n".join([e.question, *e.alternatives]))
            )
            self._question_words[entry_id] = found
        return found

    def shares_rare_word(self, question: str, entry_id: int) -> bool:
        """Whether the entry's own question or 言い換え holds one of the question's rare words
        (weight ≥ :data:`RARE_WORD_SHARE` of an unknown word's; question words and counters
        left out): 「旦那が急に亡くなって…」 and 家族が亡くなったときの手続き share 亡くなる."""
        own = self.question_words(entry_id)
        rare = RARE_WORD_SHARE * self.unknown_weight()
        return any(
            t in own and not is_filler(t) and self.weight(t) >= rare
            for t in dict.fromkeys(self.index.lexical.query_terms(question))
        )

    def features(
        self, question: str, ranked: Sequence[ScoredDoc], dense: Sequence[ScoredDoc]
    ) -> FloatArray:
        terms = list(dict.fromkeys(self.index.topic_terms(question)))
        weights = {t: self.weight(t) for t in terms}
        total = sum(weights.values()) or 1.0
        vocabulary = self.index.lexical.vocabulary
        unknown = sum(w for t, w in weights.items() if t not in vocabulary) / total

        def question_coverage(entry_id: int) -> float:
            own = self.question_terms(entry_id)
            return sum(w for t, w in weights.items() if t in own) / total

        def coverage(entry_id: int) -> float:
            return self.index.lexical.coverage(terms, entry_id)

        def department(entry_id: int) -> str:
            d = self.index.entry(entry_id).department
            return d.name if d is not None else ""

        return feature_vector(
            ranked,
            dense,
            coverage_of=coverage,
            question_coverage_of=question_coverage,
            unknown_share=unknown,
            n_terms=len(terms),
            group_of=department,
        )

    def own_question_covers(self, question: str, entry_id: int) -> bool:
        """Whether the entry's own question (and 言い換え) holds at least
        :data:`OWN_QUESTION_COVERS` of the weight of the question's topic words the tenant
        knows, while less than :data:`UNKNOWN_AT_MOST` of all of it is unknown to every
        entry — numbers, counters and question words left out (``text/topic_filler``), so
        「何歳まで」 does not dilute. A word no entry has (電子レンジ, 手術) can be held by no
        entry's question: it is bounded by the unknown share, not counted a second time
        against the entry (「電子レンジ捨てたいけど何ごみ？」 — ごみ is its only known word).
        Place names and time words (``TenantIndex.situational_terms``: 仙台, 先月) count only
        when the entry's own question has them: they set the scene, so they never dilute."""
        own = self.question_terms(entry_id)
        scene = self.index.situational_terms(question)
        terms = topic_only(
            [
                t
                for t in dict.fromkeys(self.index.topic_terms(question))
                if t in own or t not in scene
            ]
        )
        weights = {t: self.weight(t) for t in terms}
        total = sum(weights.values())
        if total <= 0:
            return False
        vocabulary = self.index.lexical.vocabulary
        known = sum(w for t, w in weights.items() if t in vocabulary)
        if known <= 0:
            return False
        covered = sum(w for t, w in weights.items() if t in own) / known
        unknown = 1.0 - known / total
        return covered >= OWN_QUESTION_COVERS and unknown < UNKNOWN_AT_MOST

    def near_duplicate(self, a: int, b: int) -> bool:
        ta, tb = self.question_terms(a), self.question_terms(b)
        union = ta | tb
        if not union:
            return self.index.entry(a).question == self.index.entry(b).question
        inter = sum(self.weight(t) for t in ta & tb)
        return inter / sum(self.weight(t) for t in union) >= NEAR_DUPLICATE


def diverse_choices(
    ranked: Sequence[ScoredDoc], signals: DecisionSignals, max_choices: int
) -> list[ScoredDoc]:
    """The best candidates, skipping near-duplicates of one already chosen (at least two)."""
    chosen: list[ScoredDoc] = []
    for cand in ranked[:CHOICE_POOL]:
        if any(signals.near_duplicate(cand.doc_id, c.doc_id) for c in chosen):
            continue
        chosen.append(cand)
        if len(chosen) >= max_choices:
            break
    if len(chosen) < 2:
        chosen = list(ranked[:2])
    return chosen


def decide_with_model(
    model: DecisionModel,
    features: FloatArray,
    ranked: Sequence[ScoredDoc],
    signals: DecisionSignals,
    *,
    relevant: bool | None = None,
    model_may_clarify: bool = False,
) -> DecisionResult:
    """The model's verdict (``relevant``: the relevance gate's; ``model_may_clarify``: see
    :meth:`DecisionModel.decide`), choices for coverage."""
    verdict = model.decide(features, relevant, model_may_clarify=model_may_clarify)
    if verdict == "answer":
        return DecisionResult(Decision.ANSWER, [ranked[0]])
    if verdict == "clarify" and len(ranked) >= 2:
        return DecisionResult(Decision.CLARIFY, diverse_choices(ranked, signals, model.max_choices))
    return DecisionResult(Decision.NO_ANSWER)


def hubness(matrix: FloatArray, k: int = HUB_NEIGHBOURS) -> FloatArray:
    """Per row of unit vectors, the mean cosine with its ``k`` nearest other rows.

    A broad entry (転入, ごみの分け方) is near to everything, so a question the FAQ does not
    cover lands on it with a high cosine; the cosine above this level, not the cosine
    itself, says whether the entry is really near (hubness reduction, as CSLS does for
    cross-lingual word retrieval). Exact, in blocks of ``HUB_BLOCK`` rows."""
    n = matrix.shape[0]
    if n < 2:
        return np.zeros(n)
    k = min(k, n - 1)
    out = np.empty(n)
    for start in range(0, n, HUB_BLOCK):
        block = matrix[start : start + HUB_BLOCK] @ matrix.T
        rows = np.arange(block.shape[0])
        block[rows, start + rows] = -np.inf
        out[start : start + block.shape[0]] = np.partition(block, n - k, axis=1)[:, n - k :].mean(
            axis=1
        )
    return out


def hubness_of(doc_ids: npt.ArrayLike, matrix: npt.ArrayLike) -> dict[int, float]:
    """:func:`hubness` keyed by doc id."""
    values = hubness(np.asarray(matrix, dtype=np.float64))
    return {int(d): float(v) for d, v in zip(np.asarray(doc_ids).tolist(), values, strict=True)}
