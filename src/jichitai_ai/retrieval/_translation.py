"""Query–answer relevance learned from a tenant's own FAQ: a word-translation language model.

Residents word questions differently from the entry's question (蜂の巣 vs ハチの巣を駆除してほしい,
家族が亡くなった vs 葬儀). Each entry pairs a question with an answer written about the same thing,
so which question words go with which answer words can be learned from the entries alone (IBM
Model 1, Brown et al. 1993; for FAQ/QA retrieval Berger et al. 2000 and the translation-based
language model of Xue, Jeon & Croft 2008). No resident question is needed, it runs on CPU in about
a second per thousand entries, and it is refitted whenever the index is built.

An entry's score for a question is the log-likelihood of the question's words under a mix of the
entry's own word distribution and that distribution translated through the table, with Dirichlet
smoothing by the whole FAQ. Only candidates found by the other signals are scored.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

#: EM iterations, translations kept per source word and the smallest probability kept; chosen on
#: LocalGovFAQ dev by cross-validation together with the fusion weight (docs/benchmarks.md §7.2c).
ITERATIONS = 10
TOP_TRANSLATIONS = 30
MIN_PROBABILITY = 0.001
#: Share of the translated distribution in the mix (Xue et al.'s β) and Dirichlet prior μ.
TRANSLATION_SHARE = 0.5
DIRICHLET_MU = 200.0

Pair = tuple[Sequence[str], Sequence[str]]


@dataclass(frozen=True)
class TranslationTable:
    """P(target word | source word), stored by target: ``indptr`` over target ids into
    ``sources`` / ``probs`` (what scoring a question word needs)."""

    vocabulary: Mapping[str, int]
    indptr: npt.NDArray[np.int64]
    sources: npt.NDArray[np.int32]
    probs: npt.NDArray[np.float32]

    @classmethod
    def fit(
        cls,
        pairs: Iterable[Pair],
        *,
        iterations: int = ITERATIONS,
        top: int = TOP_TRANSLATIONS,
        min_probability: float = MIN_PROBABILITY,
    ) -> TranslationTable:
        """IBM Model 1 by EM on (source words, target words) pairs, with an empty source word
        that absorbs target words no source explains. Deterministic: the same pairs in the same
        order give the same table."""
        vocabulary: dict[str, int] = {}
        src_chunks: list[npt.NDArray[np.int64]] = []
        tgt_chunks: list[npt.NDArray[np.int64]] = []
        sizes: list[npt.NDArray[np.int64]] = []
        for source, target in pairs:
            tgt = [vocabulary.setdefault(w, len(vocabulary)) for w in target]
            src = sorted({vocabulary.setdefault(w, len(vocabulary)) for w in source})
            if not tgt:
                continue
            src_chunks.append(np.tile(np.asarray([-1, *src], dtype=np.int64), len(tgt)))
            tgt_chunks.append(np.repeat(np.asarray(tgt, dtype=np.int64), len(src) + 1))
            sizes.append(np.full(len(tgt), len(src) + 1, dtype=np.int64))
        n = len(vocabulary)
        if not src_chunks:
            return cls(
                vocabulary,
                np.zeros(n + 1, np.int64),
                np.zeros(0, np.int32),
                np.zeros(0, np.float32),
            )
        src_all = np.concatenate(src_chunks) + 1  # 0 = the empty word
        tgt_all = np.concatenate(tgt_chunks)
        group = np.repeat(np.arange(sum(len(s) for s in sizes)), np.concatenate(sizes))
        keys, inverse = np.unique(src_all * n + tgt_all, return_inverse=True)
        key_src = keys // n
        prob = np.ones(keys.shape[0])
        for _ in range(iterations):
            p = prob[inverse]
            posterior = p / np.bincount(group, weights=p)[group]
            counts = np.bincount(inverse, weights=posterior, minlength=keys.shape[0])
            totals = np.bincount(key_src, weights=counts, minlength=n + 1)
            prob = counts / np.maximum(totals[key_src], 1e-12)
        keep = (key_src > 0) & (prob >= min_probability)
        src, tgt, prob = key_src[keep] - 1, keys[keep] % n, prob[keep]
        order = np.lexsort((-prob, src))
        src, tgt, prob = src[order], tgt[order], prob[order]
        starts = np.r_[0, np.flatnonzero(np.diff(src)) + 1] if src.size else np.zeros(0, np.int64)
        rank = np.arange(src.shape[0]) - np.repeat(starts, np.diff(np.r_[starts, src.shape[0]]))
        keep = rank < top
        src, tgt, prob = src[keep], tgt[keep], prob[keep]
        by_target = np.lexsort((src, tgt))
        src, tgt, prob = src[by_target], tgt[by_target], prob[by_target]
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.add.at(indptr, tgt + 1, 1)
        return cls(vocabulary, np.cumsum(indptr), src.astype(np.int32), prob.astype(np.float32))

    def sources_of(self, word: int) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
        """Source words that translate into ``word``, with P(word | source)."""
        lo, hi = int(self.indptr[word]), int(self.indptr[word + 1])
        return self.sources[lo:hi], self.probs[lo:hi]


#: An entry's words: (question and alternatives, answer).
FaqWords = tuple[tuple[str, ...], tuple[str, ...]]


def faq_words(question: Iterable[str], answer: Iterable[str]) -> FaqWords:
    """Interned word tuples: a tenant's scorer keeps them to refit exactly after an edit, and
    interning shares each distinct word's string between entries."""
    return tuple(map(sys.intern, question)), tuple(map(sys.intern, answer))


def faq_pairs(docs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> list[Pair]:
    """Training pairs from (question words, answer words) per entry, both directions pooled
    (Xue et al.): answer → question teaches which answer words residents' questions mention."""
    pairs: list[Pair] = []
    for question, answer in docs:
        pairs.append((answer, question))
        pairs.append((question, answer))
    return pairs


class TranslationScorer:
    """Translation-LM scores of entries for a question's words; immutable, thread-safe."""

    def __init__(
        self,
        table: TranslationTable,
        docs: Mapping[int, FaqWords],
        *,
        share: float = TRANSLATION_SHARE,
        mu: float = DIRICHLET_MU,
    ) -> None:
        """``docs``: entry id → its words (:func:`faq_words`, as the lexical index has them)."""
        self.docs = docs
        self.table = table
        self.share = share
        self.mu = mu
        vocab = table.vocabulary
        n = len(vocab)
        self._row_of = {d: i for i, d in enumerate(docs)}
        indptr = [0]
        terms: list[int] = []
        weights: list[float] = []
        lengths: list[float] = []
        collection = np.zeros(n + 1, dtype=np.float64)  # last slot: words unknown to the table
        for question, answer in docs.values():
            counts = Counter(vocab.get(w, n) for w in (*question, *answer))
            total = sum(counts.values())
            for t, c in counts.items():
                collection[t] += c
                if t < n:
                    terms.append(t)
                    weights.append(c / total)
            indptr.append(len(terms))
            lengths.append(float(total))
        self._indptr = np.asarray(indptr, dtype=np.int64)
        self._terms = np.asarray(terms, dtype=np.int64)
        self._weights = np.asarray(weights, dtype=np.float64)
        self._lengths = np.asarray(lengths, dtype=np.float64)
        self._collection = collection / max(collection.sum(), 1.0)

    @classmethod
    def fit(cls, docs: Mapping[int, FaqWords]) -> TranslationScorer:
        """Table fitted on these entries' own pairs, and the scorer over them."""
        return cls(TranslationTable.fit(faq_pairs(docs.values())), docs)

    def score(self, words: Sequence[str], doc_ids: Sequence[int]) -> npt.NDArray[np.float64]:
        """Log-likelihood of ``words`` (repeats count once) for each of ``doc_ids``; unknown
        entries score as an empty entry, words no entry uses add the same to every entry."""
        rows = [self._row_of.get(d, -1) for d in doc_ids]
        lo = np.asarray([self._indptr[r] if r >= 0 else 0 for r in rows], dtype=np.int64)
        hi = np.asarray([self._indptr[r + 1] if r >= 0 else 0 for r in rows], dtype=np.int64)
        lengths = np.asarray([self._lengths[r] if r >= 0 else 0.0 for r in rows])
        counts = hi - lo
        seg = np.repeat(np.arange(len(rows)), counts)
        at = np.repeat(lo - np.r_[0, np.cumsum(counts)[:-1]], counts) + np.arange(counts.sum())
        terms, weights = self._terms[at], self._weights[at]
        n_vocab = len(self.table.vocabulary)
        column = np.zeros(n_vocab, dtype=np.float64)
        out = np.zeros(len(rows), dtype=np.float64)
        for word in dict.fromkeys(words):
            w = self.table.vocabulary.get(word)
            if w is None or self._collection[w] == 0:
                continue
            src, probs = self.table.sources_of(w)
            column[src] = probs
            own = np.bincount(seg, weights=weights * (terms == w), minlength=len(rows))
            translated = np.bincount(seg, weights=weights * column[terms], minlength=len(rows))
            column[src] = 0.0
            mixed = (1.0 - self.share) * own + self.share * translated
            prior = self.mu * self._collection[w]
            out += np.log((lengths * mixed + prior) / (lengths + self.mu))
        return out
