"""One call for the answering service: lexical + optional dense candidates, fused on a 0–1 scale.

Depth 100 per list: deeper lists changed nothing on LocalGovFAQ dev and cost time.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from jichitai_ai.retrieval._dense import DenseIndex
from jichitai_ai.retrieval._embedders import Embedder, outbound_query
from jichitai_ai.retrieval._feedback import Rivals
from jichitai_ai.retrieval._fusion import score_mix, weighted_mix
from jichitai_ai.retrieval._lexical import LexicalIndex
from jichitai_ai.retrieval._pseudo_questions import PseudoQuestionIndex
from jichitai_ai.retrieval._translation import TranslationScorer
from jichitai_ai.retrieval._types import ScoredDoc

DEFAULT_DENSE_WEIGHT = 0.4  # 5-fold CV on LocalGovFAQ dev picked 0.3–0.5 (docs/retrieval.md)
#: Weight of the answer view (0 switches it off): 5-fold CV on LocalGovFAQ dev picked
#: 0.1–0.25 next to dense 0.2–0.5 (docs/benchmarks.md).
DEFAULT_ANSWER_WEIGHT = 0.15
#: Embedding-cache key suffix of the answer view.
ANSWER_VIEW = "#answer"
#: Characters of the answer embedded: its opening carries the topic; e5-small stops at 512
#: tokens anyway, and longer texts cost embedding time at import.
ANSWER_CHARS = 400


def answer_text(answer: str) -> str:
    """The part of an answer the answer view embeds."""
    return answer.strip()[:ANSWER_CHARS]


@dataclass(frozen=True)
class AnswerView:
    """The entries' answers embedded on their own: query–answer relevance next to the
    question-centred passage vectors. A question worded like the answer (ハチの巣 → 駆除)
    rather than like the entry's question is found this way."""

    index: DenseIndex
    weight: float = 0.0


#: Weights of the query–answer signals next to dense 0.4 (lexical takes the rest), from 5-fold
#: CV on LocalGovFAQ dev (docs/benchmarks.md §7.2c, benchmarks/retrieval/cv_translation.py):
#: answer-field BM25 0.2 (shipped); translation LM 0.2 for tenants who switch it on (the
#: policy's ``translation_weight``; its gain over answer BM25 alone was within fold noise).
DEFAULT_TRANSLATION_WEIGHT = 0.2
DEFAULT_ANSWER_BM25_WEIGHT = 0.2
#: Field of the lexical index that holds the answer.
ANSWER_FIELD = "answer"
QUESTION_FIELD = "question"
ALTERNATIVES_FIELD = "alternatives"


@dataclass(frozen=True)
class AnswerRelevance:
    """Query–answer relevance learned from the tenant's own entries, as two more signals:
    BM25 of the answer field alone (the summed BM25 lets the question field dominate) and the
    translation language model (retrieval._translation), which bridges words the question and
    the answer do not share. Scored only on candidates the other lists found."""

    scorer: TranslationScorer | None
    translation_weight: float = DEFAULT_TRANSLATION_WEIGHT
    answer_bm25_weight: float = DEFAULT_ANSWER_BM25_WEIGHT


class LearnedAlternatives(Protocol):
    """What residents taught, indexed like the entries' 言い換え (retrieval._feedback)."""

    def lexical_scores(
        self, query_terms: Sequence[str], rivals: Callable[[], Rivals] | None = None
    ) -> dict[int, float]: ...

    def dense_scores(
        self, query_vector: npt.NDArray[np.float32], rivals: Callable[[], Rivals] | None = None
    ) -> dict[int, float]: ...


#: Question embeddings a searcher remembers (a few in flight per worker is all that is reused).
MAX_REMEMBERED_QUERIES = 64


@dataclass
class HybridSearcher:
    """Fuses BM25 and embedding candidates with :func:`score_mix`; dense is optional."""

    lexical: LexicalIndex
    dense: DenseIndex | None = None
    embedder: Embedder | None = None
    dense_weight: float = DEFAULT_DENSE_WEIGHT
    depth: int = 100
    answers: AnswerView | None = None
    relevance: AnswerRelevance | None = None
    #: Pseudo-questions from the answers (retrieval._pseudo_questions), a max-sim dense list
    #: at their index's weight.
    pseudo: PseudoQuestionIndex | None = None
    #: The last questions' embeddings: one question is embedded by the ranking, the learning
    #: layer and the other-authority check, ~20 ms each on a CPU core.
    _query_memo: dict[tuple[int, str], npt.NDArray[np.float32]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def query_vector(self, query: str) -> npt.NDArray[np.float32]:
        """The query's embedding (the embedder must be set), remembered for the last questions."""
        assert self.embedder is not None
        key = (id(self.embedder), query)
        vector = self._query_memo.get(key)
        if vector is None:
            vector = self.embedder.embed_queries([outbound_query(query, self.embedder)])[0]
            if len(self._query_memo) >= MAX_REMEMBERED_QUERIES:
                self._query_memo.clear()
            self._query_memo[key] = vector
        return vector

    def search(
        self,
        query: str,
        k: int = 10,
        *,
        allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
        dense_allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
    ) -> list[ScoredDoc]:
        """Top ``k`` fused candidates visible under ``allowed`` (doc ids, or each index's mask)."""
        return self.search_detailed(query, k, allowed=allowed, dense_allowed=dense_allowed)[0]

    def search_detailed(
        self,
        query: str,
        k: int = 10,
        *,
        allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
        dense_allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
    ) -> tuple[list[ScoredDoc], float | None]:
        """Fused candidates and the best visible cosine (None without dense), embedding the
        query once: the cosine is an absolute relevance signal the fused scores lack."""
        fused, _lexical, dense = self.search_parts(
            query, k, allowed=allowed, dense_allowed=dense_allowed
        )
        return fused, (dense[0].score if dense else None)

    def search_parts(
        self,
        query: str,
        k: int = 10,
        *,
        allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
        dense_allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
        use_answers: bool = True,
        learned: LearnedAlternatives | None = None,
        use_pseudo: bool = True,
    ) -> tuple[list[ScoredDoc], list[ScoredDoc], list[ScoredDoc]]:
        """Fused top ``k``, and the lexical and dense lists it was fused from (dense empty
        without an embedder): a question in another script needs the dense list alone.
        ``use_answers`` False leaves the answer view out (kana-only questions: on the demo
        city's やさしい日本語 set it cost one of 35). ``learned``: the entries' learned 言い換え,
        scored as one more field (BM25) and as more vectors of their entry. The answer-derived
        lists (answer view, answer BM25, pseudo-questions) are fused when ``use_answers``;
        the pseudo-questions only for Japanese questions (:meth:`PseudoQuestionIndex.applies_to`),
        with the entries' own dense list at their ``dense_weight`` then; ``use_pseudo`` False
        leaves them out (the ranking decision models are fitted on)."""
        terms = self.lexical.query_terms(query)
        extra = None
        if learned is not None:
            extra = learned.lexical_scores(terms, lambda: self._own_phrasings(terms, allowed))
        lexical = self.lexical.search(terms, self.depth, allowed=allowed, extra=extra)
        if self.dense is None or self.embedder is None:
            return score_mix(lexical, [], 0.0)[:k], lexical, []
        vector = self.query_vector(query)
        visible = dense_allowed if dense_allowed is not None else allowed
        own = self.dense.search(vector, self.depth, allowed=visible)
        # Learned wordings take part in the ranking; the dense list returned (whose best
        # cosine the decision reads as an absolute signal) stays the entries' own, so learning
        # reorders candidates but never makes a hand-over look confident.
        dense = own
        if learned is not None:
            by_cosine = learned.dense_scores(
                vector, lambda: Rivals.of((d.doc_id, d.score) for d in own)
            )
            dense = self._with_learned(own, by_cosine, visible)
        view = self.answers
        relevance = self.relevance if use_answers else None
        pseudo = self.pseudo
        if not (use_pseudo and use_answers and self.pseudo_applies(query)):
            pseudo = None
        dense_weight = self.dense_weight
        if pseudo is not None and pseudo.dense_weight is not None:
            dense_weight = pseudo.dense_weight
        if (
            (view is None or view.weight == 0 or not use_answers)
            and relevance is None
            and pseudo is None
        ):
            return score_mix(lexical, dense, dense_weight)[:k], lexical, own
        by_answer: list[ScoredDoc] = []
        view_weight = 0.0
        if view is not None and view.weight > 0 and use_answers:
            by_answer = view.index.search(vector, self.depth, allowed=visible)
            view_weight = view.weight
        lexical_lists = [(lexical, 0.0)]
        dense_lists = [(dense, dense_weight), (by_answer, view_weight)]
        if relevance is not None:
            lexical_lists, dense_lists = self._with_relevance(
                query, relevance, allowed, lexical_lists, dense_lists
            )
        if pseudo is not None:
            by_template = pseudo.search(vector, self.depth, allowed=visible)
            dense_lists = [*dense_lists, (by_template, pseudo.weight)]
        used = sum(w for _, w in lexical_lists[1:]) + sum(w for _, w in dense_lists)
        lexical_lists[0] = (lexical, 1.0 - used)
        fused = weighted_mix(lexical_lists, dense_lists)
        return fused[:k], lexical, own

    def pseudo_applies(self, query: str) -> bool:
        """Whether the pseudo-questions are fused for ``query`` (on, and a Japanese question)."""
        pseudo = self.pseudo
        return pseudo is not None and pseudo.weight > 0 and pseudo.applies_to(query)

    def _own_phrasings(
        self, terms: Sequence[str], allowed: Collection[int] | npt.NDArray[np.bool_] | None
    ) -> Rivals:
        """The best entries by their own question and 言い換え fields (BM25), for learned
        言い換え that must beat them (``LearningParams.index_rivals``)."""
        scores = self.lexical.score_terms(terms, field=QUESTION_FIELD)
        scores = scores + self.lexical.score_terms(terms, field=ALTERNATIVES_FIELD)
        return self._best_two(scores, allowed)

    def _best_two(
        self,
        scores: npt.NDArray[np.floating[Any]],
        allowed: Collection[int] | npt.NDArray[np.bool_] | None,
    ) -> Rivals:
        """The two best-scoring entries among those ``allowed`` (rivals a lesson must beat)."""
        if allowed is not None:
            mask = (
                allowed if isinstance(allowed, np.ndarray) else self.lexical.allowed_mask(allowed)
            )
            scores = np.where(mask, scores, 0.0)
        rows = np.argsort(-scores, kind="stable")[:2]
        ids = self.lexical.doc_ids
        return Rivals.of((int(ids[r]), float(scores[r])) for r in rows if scores[r] > 0)

    def own_word_similarity(
        self,
        terms: Sequence[str],
        topics: Sequence[str],
        weight: Callable[[str], float],
        allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
    ) -> Rivals:
        """The best entries by the IDF-weighted share of the question's terms (and of its topic
        words: the lower counts) that their own question and 言い換え contain — the measure a
        lesson's closeness is taken by, for lessons that must beat them."""
        shares = []
        for group in (terms, topics):
            unique = list(dict.fromkeys(group))
            total = sum(weight(t) for t in unique)
            if not unique or total <= 0:
                continue
            covered = np.zeros(self.lexical.doc_ids.shape[0], dtype=np.float64)
            for t in unique:
                present = self.lexical.score_terms([t], field=QUESTION_FIELD) + (
                    self.lexical.score_terms([t], field=ALTERNATIVES_FIELD)
                )
                covered += weight(t) * (present > 0)
            shares.append(covered / total)
        if not shares:
            return Rivals()
        scores = np.minimum.reduce(shares)
        return self._best_two(scores, allowed)

    def own_share(
        self, terms: Sequence[str], topics: Sequence[str], weight: Callable[[str], float]
    ) -> Callable[[int, Collection[str]], float]:
        """Per entry and extra words: the share :meth:`own_word_similarity` measures, with the
        entry's own question + 言い換え and those words counted together."""
        groups = []
        for group in (terms, topics):
            unique = list(dict.fromkeys(group))
            total = sum(weight(t) for t in unique)
            if not unique or total <= 0:
                continue
            present = {
                t: (
                    self.lexical.score_terms([t], field=QUESTION_FIELD)
                    + self.lexical.score_terms([t], field=ALTERNATIVES_FIELD)
                )
                > 0
                for t in unique
            }
            groups.append((unique, total, present))
        rows = self.lexical._row_of

        def share(doc_id: int, words: Collection[str]) -> float:
            row = rows.get(doc_id)
            values = [
                sum(
                    weight(t)
                    for t in unique
                    if t in words or (row is not None and bool(present[t][row]))
                )
                / total
                for unique, total, present in groups
            ]
            return min(values) if values else 0.0

        return share

    def _with_learned(
        self,
        dense: list[ScoredDoc],
        learned: dict[int, float],
        visible: Collection[int] | npt.NDArray[np.bool_] | None,
    ) -> list[ScoredDoc]:
        """The dense list with each entry at the better of its own and its learned wordings'
        cosine (an entry the list missed joins it when a learned wording brings it in)."""
        if not learned or self.dense is None:
            return dense
        if visible is not None:
            mask = visible if isinstance(visible, np.ndarray) else None
            ids = None if mask is not None else set(visible)
            rows = self.dense._row_of
            learned = {
                d: v
                for d, v in learned.items()
                if (ids is not None and d in ids)
                or (mask is not None and d in rows and bool(mask[rows[d]]))
            }
        floor = dense[-1].score if len(dense) >= self.depth else -1.0
        best = {d.doc_id: d.score for d in dense}
        for doc_id, value in learned.items():
            if value > best.get(doc_id, floor):
                best[doc_id] = value
        merged = sorted(
            (ScoredDoc(s, d) for d, s in best.items()), key=lambda d: (-d.score, d.doc_id)
        )
        return merged[: self.depth]

    def _with_relevance(
        self,
        query: str,
        relevance: AnswerRelevance,
        allowed: Collection[int] | npt.NDArray[np.bool_] | None,
        lexical_lists: list[tuple[list[ScoredDoc], float]],
        dense_lists: list[tuple[list[ScoredDoc], float]],
    ) -> tuple[list[tuple[list[ScoredDoc], float]], list[tuple[list[ScoredDoc], float]]]:
        """The answer-field BM25 list and the translation-LM scores of every candidate so far."""
        terms = self.lexical.query_terms(query)
        by_answer = self.lexical.search(terms, self.depth, allowed=allowed, field=ANSWER_FIELD)
        lexical_lists = [*lexical_lists, (by_answer, relevance.answer_bm25_weight)]
        if relevance.scorer is not None and relevance.translation_weight > 0:
            seen = [d.doc_id for docs, _ in (*lexical_lists, *dense_lists) for d in docs]
            ids = list(dict.fromkeys(seen))
            scores = relevance.scorer.score(terms, ids)
            translated = [ScoredDoc(float(s), d) for s, d in zip(scores, ids, strict=True)]
            dense_lists = [*dense_lists, (translated, relevance.translation_weight)]
        return lexical_lists, dense_lists
