"""Pseudo-questions made from each entry's answer by a template (doc2query without an LLM).

A resident asks about what the answer says (郵送で取れる証明書), not only about the entry's
title. Every answer sentence / list item gives one short question in the FAQ titles' own form:
its compound nouns (at most three, joined with の) + 「について知りたい」 —
「郵送の取得の税証明書について知りたい」. They are embedded as *queries* (a resident's question
meets a text of its own kind) and an entry scores its best pseudo-question's cosine (max-sim).
Measured on LocalGovFAQ dev under 5-fold CV (docs/benchmarks.md §7.23, §7.27;
benchmarks/retrieval/cv_pseudo_questions.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence

import numpy as np
import numpy.typing as npt

from jichitai_ai.retrieval._embedders import l2_normalize
from jichitai_ai.retrieval._lexical import top_k
from jichitai_ai.retrieval._types import ScoredDoc
from jichitai_ai.text import script_of
from jichitai_ai.text.chinese_han import chinese_only_han

#: Sentences per entry used (the opening of a long answer carries its topics).
MAX_SENTENCES = 20
#: Shorter fragments (「はい。」, 「○○課」) say nothing about the topic.
MIN_CHARS = 6
#: A text in this many entries or more is boilerplate (詳しくはお問い合わせください) and dropped.
BOILERPLATE_ENTRIES = 3
#: Compound nouns per template.
MAX_NOUNS = 3
#: The question wording around the nouns: without it the gain fell within fold noise (§7.23).
SUFFIX = "について知りたい"
#: Fusion weights for tenants who switch the pseudo-questions on (policy ``pseudo_weight`` and
#: ``pseudo_dense_weight``, the dense weight for the Japanese questions the list is fused for;
#: answer BM25 stays 0.2): 5-fold CV on LocalGovFAQ dev picked these in 12 of
#: 15 folds (docs/benchmarks.md §7.23). Off in the shipped policy until the demo city's sets
#: are checked (§7.27).
DEFAULT_PSEUDO_WEIGHT = 0.2
PSEUDO_DENSE_WEIGHT = 0.3
#: Embedding-cache key suffix of the pseudo-questions (one n × dim block per entry).
PSEUDO_VIEW = "#pseudo"
#: Embedding-cache key suffix of the entries' own questions embedded as queries (policy
#: ``pseudo_from_question``: the list is made of them instead of the templates; §7.40).
OWN_QUESTION_VIEW = "#ownq"
_SPLIT = re.compile(r"[。\n！？]")
_MARKS = re.compile(r"^[■□●○・※◆◇（(]*[０-９0-9一二三四五六七八九十]*[．.)）、]*")


def answer_sentences(body: str) -> list[str]:
    """The answer's sentences and list items, leading bullets and numbering removed."""
    out: list[str] = []
    for raw in _SPLIT.split(body):
        text = _MARKS.sub("", raw.strip()).strip()
        if len(text) >= MIN_CHARS and text not in out:
            out.append(text)
    return out[:MAX_SENTENCES]


def template(chunks: Sequence[str], suffix: str = SUFFIX) -> str:
    """「XのYについて知りたい」: the FAQ titles' own wording, at most three compound nouns."""
    return "の".join(chunks[:MAX_NOUNS]) + suffix


def without_boilerplate(per_entry: Sequence[Sequence[str]]) -> list[list[str]]:
    """Each entry's texts without those found in ``BOILERPLATE_ENTRIES`` entries or more."""
    counts = Counter(t for texts in per_entry for t in set(texts))
    return [[t for t in texts if counts[t] < BOILERPLATE_ENTRIES] for texts in per_entry]


def pseudo_questions(
    answers: Sequence[str], nouns: Callable[[str], list[str]], suffix: str = SUFFIX
) -> list[list[str]]:
    """Each answer's templates: one per answer sentence with compound nouns (``nouns``:
    text.Tokenizer.compound_nouns, which a caller may memoise per sentence), boilerplate
    sentences and templates (in ``BOILERPLATE_ENTRIES`` answers or more) dropped."""
    sentences = without_boilerplate([answer_sentences(a) for a in answers])
    made = [
        list(dict.fromkeys(template(c, suffix) for s in own if (c := nouns(s))))
        for own in sentences
    ]
    return without_boilerplate(made)


class PseudoQuestionIndex:
    """Several unit vectors per entry; an entry scores its best one's cosine (max-sim).

    ``doc_ids`` in the dense index's order (visibility masks apply to both); an entry without
    pseudo-questions has an empty block and never appears in a result."""

    def __init__(
        self,
        doc_ids: Sequence[int],
        blocks: Sequence[npt.ArrayLike],
        weight: float = 0.0,
        dim: int | None = None,
        dense_weight: float | None = None,
    ) -> None:
        if len(blocks) != len(doc_ids):
            raise ValueError("one block of vectors per doc id is required")
        self.doc_ids = np.asarray(list(doc_ids), dtype=np.int64)
        self.weight = weight
        #: The entries' own dense list's weight when this list is fused (None: the searcher's).
        self.dense_weight = dense_weight
        arrays = [np.asarray(b, dtype=np.float32) for b in blocks]
        sizes = np.array([a.shape[0] if a.size else 0 for a in arrays], dtype=np.int64)
        width = dim or next((a.shape[-1] for a in arrays if a.size), 1)
        filled = [a.reshape(-1, width) for a in arrays if a.size]
        self.matrix = (
            l2_normalize(np.concatenate(filled)) if filled else np.zeros((0, width), np.float32)
        )
        #: Rows of entries with at least one pseudo-question, and where each one's block starts.
        self._rows = np.flatnonzero(sizes)
        self._starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])[self._rows]
        self._row_of = {int(d): i for i, d in enumerate(self.doc_ids)}

    def __len__(self) -> int:
        return int(self.matrix.shape[0])

    @staticmethod
    def applies_to(query: str) -> bool:
        """Whether a question is fused with the templates: Japanese only (kana in it, not
        Chinese-only han). The templates are Japanese; an English or Chinese question's vector
        landed on a neighbour entry's template (4 new wrong answers on the demo city, §7.27)."""
        return script_of(query) == "ja" and not chinese_only_han(query)

    def scores(self, query_vector: npt.ArrayLike) -> npt.NDArray[np.float32]:
        """Per entry (``doc_ids`` order), its best pseudo-question's cosine; −2 for none."""
        best = np.full(self.doc_ids.shape[0], -2.0, dtype=np.float32)
        if self._rows.shape[0]:
            cosines = self.matrix @ l2_normalize(query_vector)[0]
            best[self._rows] = np.maximum.reduceat(cosines, self._starts)
        return best

    def search(
        self,
        query_vector: npt.ArrayLike,
        k: int | None = 10,
        *,
        allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
    ) -> list[ScoredDoc]:
        """Top ``k`` entries by max-sim among the visible ones that have pseudo-questions."""
        keep = np.zeros(self.doc_ids.shape[0], dtype=np.bool_)
        keep[self._rows] = True
        if allowed is not None:
            if isinstance(allowed, np.ndarray):
                keep &= allowed
            else:
                mask = np.zeros_like(keep)
                mask[[self._row_of[d] for d in allowed if d in self._row_of]] = True
                keep &= mask
        return top_k(self.scores(query_vector), self.doc_ids, k, keep)
