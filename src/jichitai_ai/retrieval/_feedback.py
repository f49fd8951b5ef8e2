"""Learning from use (利用からの学習): what residents taught, applied to new wordings.

Pure: storage decides *which* lessons are in force (enough distinct residents agreed, or an
editor approved); this module only applies them. A lesson is a learned phrasing (学習した言い換え)
of one entry: the terms of a question residents resolved with that entry (``polarity`` +1), or of
one where it did not help them (−1).

A new question is compared with every learned phrasing by IDF-weighted overlap of their *topic
words* (nouns, with synonyms; particles and verbs such as どう・する・良い do not count: sharing
「どうすればいい」 does not make two questions about one need), and — with an embedder (hybrid mode) — by
meaning: the cosine of the question's and the phrasing's embeddings, so a lesson taught with
one wording reaches other wordings of the same need, also with other words
(シングルマザー / 母子家庭). A positive lesson adds a bounded boost to its entry — also when
retrieval did not find the entry at all; a negative lesson demotes its entry for similar
questions: it may still be offered as a choice (更問) but is never the direct answer. The
effect does not grow with the number of votes, so a flood beyond the agreement threshold changes
nothing more than the threshold itself did.

A promoting lesson is also *indexed like one of the entry's 言い換え* (issue 16): its words form
a learned field of the entry scored by BM25 next to the entry's own fields (``lexical_scores``),
and its passage embedding is one more vector of the entry in the dense list
(``dense_scores``: the entry scores the better of its own and its learned wordings' cosines).
Other wordings of the same need then find the entry through normal retrieval, weighted by how
rare the shared words are, not only through a similarity floor. Only lessons in force are
indexed, so the agreement threshold still guards what residents see.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import numpy.typing as npt

from jichitai_ai.retrieval._types import ScoredDoc

Vectors = npt.NDArray[np.float32]

PROMOTE = 1
DEMOTE = -1


@dataclass(frozen=True)
class LearnedPhrasing:
    """One lesson in force: these query terms belong to (or do not fit) ``entry_id``.

    ``expires_at`` None means it stays until an editor resets it (editor-approved lessons);
    ``terms`` must come from the same tokenizer as new queries (``LexicalIndex.query_terms``).
    """

    lesson_id: int
    entry_id: int
    terms: tuple[str, ...]
    polarity: int = PROMOTE
    expires_at: datetime | None = None
    #: The wording's topic words (nouns, with synonyms; ``TenantIndex.topic_terms``). Empty:
    #: matched on ``terms``.
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class LearningParams:
    """How close a question must be to a lesson, and how far a lesson may move an entry."""

    #: Defaults chosen on the LocalGovFAQ dev simulation (benchmarks/learning/simulate.py,
    #: seed 16; other seeds reported in docs/benchmarks.md). ``min_similarity`` 0.3 (was 0.1)
    #: chosen on seed 1 so unrelated control questions keep what they saw: at 0.1 a lesson
    #: sharing only 「どこ」 or 「どうすればいい」 with a question moved its entry into that
    #: question's choices and turned hand-overs into 更問 (issue 16, round 2).
    min_similarity: float = 0.3
    #: Boost on the fused 0–1 scale: ``max_boost · similarity^boost_power``.
    max_boost: float = 0.5
    boost_power: float = 0.5
    #: How much the lesson's own extra words count against it (0: only how much of the
    #: question the lesson covers matters; 1: IDF-weighted Jaccard).
    lesson_extra_weight: float = 0.0
    #: Compare a question with the union of an entry's promoting lessons (learned term
    #: associations of the entry) rather than with each lesson alone.
    per_entry: bool = False
    #: A boosted entry may become the direct answer only for a wording at least this close to
    #: what residents taught; for looser paraphrases it is offered as a choice (更問).
    answer_similarity: float = 0.8
    #: Closeness by words on: "terms" (all the wording's terms), "topics" (its topic words),
    #: "both" (the lower of the two: the question must share the lesson's topic *and* enough
    #: of its wording — 「住民票…いくら」 is not 「戸籍謄本…いくら」).
    words: str = "both"
    #: With lesson embeddings: a cosine at this floor counts as similarity 0, 1.0 as 1
    #: (multilingual-e5 puts unrelated Japanese questions near 0.8). None: wording only.
    dense_floor: float | None = 0.9
    #: Weight of the learned 言い換え field in the entry's BM25 sum (the entries' own fields
    #: weigh 1.0 each); 0 switches the lexical side of indexing off.
    index_weight: float = 1.0
    #: Learned wordings as extra passage vectors of their entry in the dense list.
    index_dense: bool = True
    #: BM25 saturation and length normalisation of the learned field (the index's defaults).
    index_k1: float = 1.2
    index_b: float = 0.75
    #: The learned field's score is scaled by (the IDF share of the question its words cover)
    #: to this power: 0 is plain BM25; higher keeps a wording that shares one broad noun
    #: (住民票) with the question from pulling its entry up.
    index_similarity_power: float = 0.0
    #: Count the learned 言い換え's words as the entry's when judging whether the question is
    #: covered at all (relevance before a hand-over).
    index_coverage: bool = True
    #: Learned 言い換え against the other entries' own phrasings (question, 言い換え) — issue 16,
    #: round 4: "off" scores them like alternatives; "gate" lets an entry's learned wordings
    #: count for a question only when they match it better than every *other* entry's own
    #: phrasings do (BM25 of the question and 言い換え fields; by cosine for the learned
    #: vectors); "margin" adds only by how much better (BM25 minus the best rival's). A lesson
    #: for one 住民票 entry then does not pull a question worded like another 住民票 entry.
    index_rivals: str = "margin"
    #: Under "gate"/"margin": the learned BM25 must exceed this share of the best rival's own
    #: BM25 (1: beat it outright). Learned vectors always must beat the rivals' own cosines.
    index_rivals_ratio: float = 0.5
    #: The lesson *boost* against the other entries' own phrasings (issue 16, round 5): "off"
    #: boosts every close lesson (round 4); "gate" lets a lesson boost its entry only where the
    #: question is closer to the lesson than ``boost_rivals_ratio`` × to the best *other*
    #: entry's own question + 言い換え (same IDF-weighted word measure), and by meaning only
    #: where its passage vector beats every other entry's own cosine — as the index does.
    boost_rivals: str = "gate"
    boost_rivals_ratio: float = 0.85
    #: Under the gate, the lesson's side is the entry's own phrasings and the lesson together.
    boost_rivals_own: bool = True
    #: A direct answer retrieval gives on its own is kept — first in the ranking and the
    #: answer — when learning put another entry first for a wording less close than
    #: ``answer_similarity`` to what residents taught (issue 16, round 7). What displaces a
    #: confident answer is residents agreeing that it did not help (a demotion) or a wording
    #: close to one they taught; lessons from looser wordings rank their entry below it
    #: (offered among 「他の候補」). False: round 5.
    keep_answer: bool = True
    #: Learned 言い換え *indexed* with an entry (round 3) — with no lesson close enough to the
    #: question to boost it — may put that entry first only if retrieval alone ranks it within
    #: this many places; from further down it ranks right below retrieval's own first entry,
    #: and residents see what retrieval alone shows (issue 16, round 8). A lesson's words
    #: sharing a broad noun with the question then no longer lift an entry from 11th place
    #: over the entry the question itself names. Off (None, round 7's behaviour): 5 gained one
    #: paraphrase on lexical and hybrid seed 2 (chosen on seeds 1–2) but lost one paraphrase on
    #: lexical seed 4 and a taught wording on seed 3 (validation) — docs/benchmarks.md §6.
    indexed_first_within: int | None = None
    #: Choices, never the answer (issue 16, round 10): a question retrieval would hand over
    #: whose first entry residents taught — a promoting lesson in force at least this close
    #: by words (topic words and all terms, as ``words`` "both") or meaning, with no rivals
    #: gate — is offered that entry as a 更問 instead. On LocalGovFAQ paraphrases whose right
    #: entry was already first were handed over because its lessons were too loose to boost
    #: it. None: off (round 9). 0.1 chosen on simulation seeds 1–2 (docs/benchmarks.md §6).
    offer_first_similarity: float | None = 0.1
    #: … and in a 更問, a taught entry this close ranked within ``offer_within`` but not among
    #: the choices shown takes the last choice (at most ``max_choices``). None: off — the
    #: shipped default, because at 0.1 it replaced a control question's right third choice on
    #: two simulation seeds (docs/benchmarks.md §6, round 10).
    offer_similarity: float | None = None
    offer_within: int = 5
    #: Residents break retrieval's near ties (頻度学習, issue 16, round 12): where an entry
    #: scores within ``tie_margin`` of the first on the fused 0–1 scale — retrieval cannot
    #: tell the two apart — and residents taught it for a wording at least ``tie_similarity``
    #: close to the question (no rivals gate, as ``offer_first_similarity``), closer than
    #: anything they taught for the first, it ranks first. The margin is in fused-score units,
    #: whose spread differs when meaning is on, so each mode has its own: ``tie_margin`` for a
    #: lexical index, ``tie_margin_with_meaning`` for a hybrid one. 0.05 / 0.1 chosen on
    #: lexical simulation seeds 1–5, in force for lexical since round 13 (fresh seeds 11–15
    #: and poisoning checked); with meaning None (off): 0.05 cost a control's first place on
    #: hybrid seeds 8–10 (docs/benchmarks.md §6, rounds 12–13).
    tie_margin: float | None = 0.05
    tie_margin_with_meaning: float | None = None
    tie_similarity: float = 0.1
    #: Words residents agree on (issue 16, round 15): a word found in at least
    #: ``agreed_word_lessons`` promoting lessons in force, all of one entry, weighs
    #: ``1 + agreed_word_boost`` times its FAQ IDF wherever the learning layer weighs words
    #: (closeness to lessons, the rivals gate, the learned field). A broad word of the FAQ
    #: (病院, 手続き) that independent residents' wordings tie to one entry alone then counts as
    #: the rarer word it is among what residents ask about. 0: off (FAQ IDF only).
    agreed_word_boost: float = 0.0
    agreed_word_lessons: int = 2
    #: With meaning on, a learned wording's passage vector passes the rivals gate (indexing
    #: and boost) when its cosine exceeds the best *other* entry's own cosine minus this
    #: allowance (issue 16, round 17: most hybrid misses lose by .01–.04). 0: beat it outright.
    dense_rivals_allowance: float = 0.0


@dataclass
class Effects:
    """What the lessons in force do to one question."""

    boosts: dict[int, float] = field(default_factory=dict)
    demoted: set[int] = field(default_factory=set)
    #: Entry → (lesson id, similarity) of the lesson that moved it, for the editors' view.
    because: dict[int, tuple[int, float]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.boosts or self.demoted)

    def similarity_of(self, entry_id: int) -> float:
        return self.because[entry_id][1] if entry_id in self.because else 0.0


class LearningModel:
    """Inverted index of learned phrasings by term; looks up only lessons sharing a term."""

    def __init__(
        self,
        phrasings: Iterable[LearnedPhrasing] = (),
        weight: Callable[[str], float] | None = None,
        params: LearningParams | None = None,
    ) -> None:
        self.params = params or LearningParams()
        self._weight = weight or (lambda _term: 1.0)
        self._lessons: list[LearnedPhrasing] = []
        self._by_term: dict[str, list[int]] = {}
        self._vectors: Vectors | None = None
        #: Learned 言い換え: entry → its promoting lessons; term → entries with it.
        self._alternatives: dict[int, list[int]] = {}
        self._alternative_entries: dict[str, set[int]] = {}
        self._alternative_vectors: Vectors | None = None
        #: Lesson index → its row in the learned passage vectors.
        self._alternative_row: dict[int, int] = {}
        #: Words of promoting lessons → (entries, lessons) having them (``agreed_word_boost``).
        self._agreed: dict[str, tuple[set[int], int]] = {}
        for phrasing in phrasings:
            self.add(phrasing)

    def weight(self, term: str) -> float:
        """The term's IDF weight (the FAQ's), raised for words residents agree on
        (``agreed_word_boost``)."""
        p = self.params
        if p.agreed_word_boost > 0 and self.agreed(term):
            return self._weight(term) * (1.0 + p.agreed_word_boost)
        return self._weight(term)

    def agreed(self, term: str) -> bool:
        """Whether at least ``agreed_word_lessons`` promoting lessons in force have the word,
        all of them of one entry."""
        entries, lessons = self._agreed.get(term, (set(), 0))
        return len(entries) == 1 and lessons >= self.params.agreed_word_lessons

    @property
    def has_vectors(self) -> bool:
        return self._vectors is not None and self.params.dense_floor is not None

    def set_vectors(self, vectors: Vectors) -> None:
        """Unit embeddings of the lessons' wordings, one row per lesson in the order added."""
        if len(vectors) != len(self._lessons):
            raise ValueError("one vector per lesson")
        self._vectors = np.asarray(vectors, dtype=np.float32)

    def _dense_similarities(self, query_vector: Vectors | None) -> dict[int, float]:
        floor = self.params.dense_floor
        if query_vector is None or self._vectors is None or floor is None or not len(self):
            return {}
        cosines = self._vectors @ np.asarray(query_vector, dtype=np.float32).reshape(-1)
        scaled = (cosines - floor) / max(1.0 - floor, 1e-6)
        return {int(i): float(min(scaled[i], 1.0)) for i in np.flatnonzero(scaled > 0)}

    def __len__(self) -> int:
        return len(self._lessons)

    def add(self, phrasing: LearnedPhrasing) -> None:
        index = len(self._lessons)
        self._lessons.append(phrasing)
        for term in set(phrasing.terms) | set(phrasing.topics):
            self._by_term.setdefault(term, []).append(index)
        if phrasing.polarity == PROMOTE:
            self._alternatives.setdefault(phrasing.entry_id, []).append(index)
            for term in phrasing.terms:
                self._alternative_entries.setdefault(term, set()).add(phrasing.entry_id)
            for term in set(phrasing.terms) | set(phrasing.topics):
                entries, lessons = self._agreed.get(term, (set(), 0))
                self._agreed[term] = (entries | {phrasing.entry_id}, lessons + 1)
        self._alternative_vectors = None

    # -- learned 言い換え, indexed like the entry's own ------------------------------------------
    def alternatives_at(
        self, now: datetime, query_topics: Sequence[str] = ()
    ) -> AlternativesAt | None:
        """The learned 言い換え in force at ``now`` for a question with these topic words, for
        the searcher (None: none)."""
        return AlternativesAt(self, now, tuple(query_topics)) if self._alternatives else None

    def promoting(self) -> list[LearnedPhrasing]:
        """The promoting lessons in the order :meth:`set_alternative_vectors` expects."""
        return [self._lessons[i] for rows in self._alternatives.values() for i in rows]

    def set_alternative_vectors(self, vectors: Vectors) -> None:
        """Unit *passage* embeddings of the promoting lessons (order of :meth:`promoting`)."""
        if len(vectors) != sum(len(rows) for rows in self._alternatives.values()):
            raise ValueError("one vector per promoting lesson")
        self._alternative_vectors = np.asarray(vectors, dtype=np.float32)
        order = [i for rows in self._alternatives.values() for i in rows]
        self._alternative_row = {i: row for row, i in enumerate(order)}

    def _live(self, index: int, now: datetime) -> bool:
        expires = self._lessons[index].expires_at
        return expires is None or expires > now

    def alternative_terms(self, entry_id: int, now: datetime) -> set[str]:
        """Words of the entry's learned 言い換え in force."""
        return {
            t
            for i in self._alternatives.get(entry_id, ())
            if self._live(i, now)
            for t in self._lessons[i].terms
        }

    def lexical_scores(
        self,
        query_terms: Sequence[str],
        now: datetime,
        query_topics: Sequence[str] = (),
        rivals: Callable[[], Rivals] | None = None,
    ) -> dict[int, float]:
        """BM25 of the learned 言い換え field per entry (added to the entry's own BM25, as the
        alternatives field is), IDF from the FAQ (a word no entry has weighs as the rarest).
        With ``query_topics``, only entries whose learned wordings share a topic word with
        the question score: 「どうすればいいですか」 alone does not make two questions one need."""
        p = self.params
        terms = list(dict.fromkeys(query_terms))
        near = {e for t in terms for e in self._alternative_entries.get(t, ())}
        if query_topics:
            near = {
                e
                for e in near
                if any(
                    t in self._lessons[i].topics
                    for i in self._alternatives[e]
                    for t in query_topics
                )
            }
        if p.index_weight <= 0 or not near:
            return {}
        lengths = {
            e: sum(len(self._lessons[i].terms) for i in rows)
            for e, rows in self._alternatives.items()
        }
        average = max(sum(lengths.values()) / max(len(lengths), 1), 1e-9)
        out: dict[int, float] = {}
        for entry in near:
            counts: dict[str, int] = {}
            for i in self._alternatives[entry]:
                if self._live(i, now):
                    for t in self._lessons[i].terms:
                        counts[t] = counts.get(t, 0) + 1
            length = sum(counts.values())
            norm = 1.0 - p.index_b + p.index_b * length / average
            score = 0.0
            for t in terms:
                if t in counts:
                    s = counts[t] / norm
                    score += self.weight(t) * s * (p.index_k1 + 1.0) / (p.index_k1 + s)
            if score > 0 and p.index_similarity_power > 0:
                score *= self.similarity(terms, counts) ** p.index_similarity_power
            if score > 0:
                out[entry] = p.index_weight * score
        return self._against_rivals(
            out, rivals, margin=p.index_rivals == "margin", ratio=p.index_rivals_ratio
        )

    def _against_rivals(
        self,
        scores: dict[int, float],
        rivals: Callable[[], Rivals] | None,
        *,
        margin: bool,
        ratio: float = 1.0,
        allowance: float = 0.0,
    ) -> dict[int, float]:
        """``index_rivals``: the learned scores that beat every other entry's own phrasings
        (``ratio`` of the best rival's score, less ``allowance``; ``margin``: only by how much)."""
        if self.params.index_rivals == "off" or rivals is None or not scores:
            return scores
        best = rivals()
        out: dict[int, float] = {}
        for entry, score in scores.items():
            other = best.except_for(entry) * ratio - allowance
            if score > other:
                out[entry] = score - other if margin else score
        return out

    def dense_scores(
        self,
        query_vector: Vectors | None,
        now: datetime,
        rivals: Callable[[], Rivals] | None = None,
    ) -> dict[int, float]:
        """Per entry, the best cosine of the question with its learned 言い換え (passages);
        with ``index_rivals`` on, only where it beats every other entry's own cosine."""
        vectors = self._alternative_vectors
        if query_vector is None or vectors is None or not self.params.index_dense:
            return {}
        cosines = vectors @ np.asarray(query_vector, dtype=np.float32).reshape(-1)
        out: dict[int, float] = {}
        row = 0
        for entry, rows in self._alternatives.items():
            for i in rows:
                if self._live(i, now) and cosines[row] > out.get(entry, -1.0):
                    out[entry] = float(cosines[row])
                row += 1
        return self._against_rivals(
            out, rivals, margin=False, allowance=self.params.dense_rivals_allowance
        )

    def taught_closeness(
        self,
        entry_id: int,
        query_terms: Collection[str],
        query_topics: Collection[str],
        now: datetime,
        query_vector: Vectors | None = None,
    ) -> float:
        """How close the question is to the entry's promoting lessons in force (the best by
        words or by meaning, no rivals gate): what may *offer* a taught entry as a choice."""
        rows = [i for i in self._alternatives.get(entry_id, ()) if self._live(i, now)]
        if not rows:
            return 0.0
        query, topics = set(query_terms), set(query_topics)
        best = max(self.word_similarity(query, topics, self._lessons[i]) for i in rows)
        if query_vector is not None and self.has_vectors:
            by_meaning = self._dense_similarities(query_vector)
            best = max([best, *(by_meaning.get(i, 0.0) for i in rows)])
        return best

    def similarity(self, query_terms: Collection[str], lesson_terms: Collection[str]) -> float:
        """IDF-weighted overlap of two term sets (0–1): shared weight over the question's
        weight plus (a share of) the lesson's extra words."""
        q, p = set(query_terms), set(lesson_terms)
        shared = sum(self.weight(t) for t in q & p)
        denom = sum(self.weight(t) for t in q) + self.params.lesson_extra_weight * sum(
            self.weight(t) for t in p - q
        )
        return shared / denom if denom > 0 else 0.0

    def word_similarity(
        self, query: Collection[str], topics: Collection[str], lesson: LearnedPhrasing
    ) -> float:
        """Closeness by words: of the topic words when both sides have some (the lesson must
        be about what the question is about), else of all terms."""
        by_terms = self.similarity(query, lesson.terms)
        if not (topics and lesson.topics) or self.params.words == "terms":
            return by_terms
        by_topics = self.similarity(topics, lesson.topics)
        return by_topics if self.params.words == "topics" else min(by_terms, by_topics)

    def effects(
        self,
        query_terms: Sequence[str],
        now: datetime,
        query_vector: Vectors | None = None,
        query_topics: Sequence[str] = (),
        rivals: Callable[[], Rivals] | None = None,
        dense_rivals: Callable[[], tuple[Vectors, Rivals]] | None = None,
        own: Callable[[int, Collection[str]], float] | None = None,
    ) -> Effects:
        """Boosts and demotions of the lessons in force that are close to this question
        (``query_vector``: its unit embedding, for lessons with embeddings; ``query_topics``:
        its topic words, for lessons with topic words). ``rivals``: the best entries by the
        word similarity of their own phrasings to the question; ``dense_rivals``: the question's
        passage-space vector and the best entries by their own cosine (``boost_rivals``)."""
        p = self.params
        query = set(query_terms)
        topics = set(query_topics)
        out = Effects()
        if not self._lessons or not (query or query_vector is not None):
            return out
        by_meaning = self._dense_similarities(query_vector)
        union: dict[int, set[str]] = {}
        first: dict[int, int] = {}
        near = {i for t in query | topics for i in self._by_term.get(t, ())}
        for i in sorted(near | set(by_meaning)):
            lesson = self._lessons[i]
            if lesson.expires_at is not None and lesson.expires_at <= now:
                continue
            if lesson.polarity != DEMOTE and p.per_entry and i not in by_meaning:
                union.setdefault(lesson.entry_id, set()).update(lesson.terms)
                first.setdefault(lesson.entry_id, lesson.lesson_id)
                continue
            by_words = self.word_similarity(query, topics, lesson)
            meaning = by_meaning.get(i, 0.0)
            if lesson.polarity != DEMOTE and p.boost_rivals != "off":
                by_words, meaning = self._beats_rivals(
                    i, by_words, meaning, rivals, dense_rivals, own
                )
            sim = max(by_words, meaning)
            if sim < p.min_similarity:
                continue
            if lesson.polarity == DEMOTE:
                out.demoted.add(lesson.entry_id)
                out.because.setdefault(lesson.entry_id, (lesson.lesson_id, sim))
                continue
            boost = p.max_boost * sim**p.boost_power
            # Recorded also at boost 0 (indexing alone): the decision still needs to know
            # that residents resolved close wordings with the entry.
            if lesson.entry_id not in out.boosts or sim > out.similarity_of(lesson.entry_id):
                out.boosts[lesson.entry_id] = boost
                out.because[lesson.entry_id] = (lesson.lesson_id, sim)
        for entry, terms in union.items():
            sim = self.similarity(query, terms)
            if sim >= p.min_similarity and p.max_boost * sim**p.boost_power > out.boosts.get(
                entry, 0.0
            ):
                out.boosts[entry] = p.max_boost * sim**p.boost_power
                out.because[entry] = (first[entry], sim)
        # A lesson against an entry outweighs one for it: demotion wins, no boost.
        for entry in out.demoted:
            out.boosts.pop(entry, None)
        return out

    def _beats_rivals(
        self,
        index: int,
        by_words: float,
        meaning: float,
        rivals: Callable[[], Rivals] | None,
        dense_rivals: Callable[[], tuple[Vectors, Rivals]] | None,
        own: Callable[[int, Collection[str]], float] | None = None,
    ) -> tuple[float, float]:
        """``boost_rivals`` "gate": a lesson's closeness counts only where the question is
        closer to it than to every other entry's own phrasings (by words: the same measure on
        their question + 言い換え; by meaning: its passage vector against their cosines)."""
        entry = self._lessons[index].entry_id
        ratio = self.params.boost_rivals_ratio
        mode = self.params.boost_rivals
        if (
            mode in ("gate", "words")
            and by_words >= self.params.min_similarity
            and rivals is not None
            and self._own_side(index, by_words, own) <= ratio * rivals().except_for(entry)
        ):
            by_words = 0.0
        if meaning > 0 and dense_rivals is not None and mode in ("gate", "meaning"):
            row = self._alternative_row.get(index)
            vectors = self._alternative_vectors
            if row is None or vectors is None:
                meaning = 0.0
            else:
                vector, best = dense_rivals()
                cosine = float(vectors[row] @ np.asarray(vector, dtype=np.float32).reshape(-1))
                if cosine <= best.except_for(entry) - self.params.dense_rivals_allowance:
                    meaning = 0.0
        return by_words, meaning

    def _own_side(
        self, index: int, by_words: float, own: Callable[[int, Collection[str]], float] | None
    ) -> float:
        """The lesson's side of the gate (``boost_rivals_own``: with its entry's own words)."""
        if own is None or not self.params.boost_rivals_own:
            return by_words
        lesson = self._lessons[index]
        return max(by_words, own(lesson.entry_id, set(lesson.terms) | set(lesson.topics)))

    def tie_margin(self, *, with_meaning: bool) -> float | None:
        """The near-tie margin for a lexical or a hybrid index (None: the rule is off)."""
        return self.params.tie_margin_with_meaning if with_meaning else self.params.tie_margin

    def tie_broken(
        self,
        ranked: Sequence[ScoredDoc],
        closeness: Callable[[int], float],
        demoted: Collection[int] = (),
        *,
        with_meaning: bool = False,
    ) -> list[ScoredDoc]:
        """``tie_margin``: the entry within the margin of the first that residents taught for
        the closest wording (at least ``tie_similarity``, closer than the first's) takes the
        first place and its score; the rest keep their order. ``with_meaning``: the scores
        are a hybrid index's, so ``tie_margin_with_meaning`` applies."""
        margin = self.tie_margin(with_meaning=with_meaning)
        if margin is None or len(ranked) < 2:
            return list(ranked)
        top = ranked[0]
        near = [d for d in ranked[1:] if top.score - d.score <= margin and d.doc_id not in demoted]
        if not near:
            return list(ranked)
        scored = [(closeness(d.doc_id), d) for d in near]
        best_close, best = max(scored, key=lambda x: (x[0], x[1].score, -x[1].doc_id))
        if best_close < self.params.tie_similarity or best_close <= closeness(top.doc_id):
            return list(ranked)
        return [ScoredDoc(top.score, best.doc_id), *(d for d in ranked if d.doc_id != best.doc_id)]

    def rerank(
        self,
        candidates: Sequence[ScoredDoc],
        effects: Effects,
        allowed: Callable[[int], bool] | None = None,
    ) -> list[ScoredDoc]:
        """Add boosts to the fused (0–1) scores and re-sort; a boosted entry that retrieval
        missed joins the candidates with its boost alone (when ``allowed``)."""
        if not any(b > 0 for b in effects.boosts.values()):
            return list(candidates)
        seen = {c.doc_id for c in candidates}
        rescored = [
            ScoredDoc(c.score + effects.boosts.get(c.doc_id, 0.0), c.doc_id) for c in candidates
        ]
        for entry, boost in effects.boosts.items():
            if entry not in seen and boost > 0 and (allowed is None or allowed(entry)):
                rescored.append(ScoredDoc(boost, entry))
        return sorted(rescored, key=lambda d: (-d.score, d.doc_id))


@dataclass(frozen=True)
class Rivals:
    """The two best entries by their own phrasings for one question (what a learned wording
    must beat under ``index_rivals``)."""

    best: tuple[int, float] | None = None
    second: tuple[int, float] | None = None

    @classmethod
    def of(cls, scored: Iterable[tuple[int, float]]) -> Rivals:
        top = sorted(scored, key=lambda x: (-x[1], x[0]))[:2]
        return cls(top[0] if top else None, top[1] if len(top) > 1 else None)

    def except_for(self, entry_id: int) -> float:
        """The best own score of an entry other than ``entry_id`` (0 if none)."""
        for pair in (self.best, self.second):
            if pair is not None and pair[0] != entry_id:
                return max(pair[1], 0.0)
        return 0.0


@dataclass(frozen=True)
class AlternativesAt:
    """A learning model's learned 言い換え at one moment (what ``HybridSearcher`` consults)."""

    model: LearningModel
    now: datetime
    query_topics: tuple[str, ...] = ()

    def lexical_scores(
        self, query_terms: Sequence[str], rivals: Callable[[], Rivals] | None = None
    ) -> dict[int, float]:
        return self.model.lexical_scores(query_terms, self.now, self.query_topics, rivals)

    def dense_scores(
        self, query_vector: Vectors, rivals: Callable[[], Rivals] | None = None
    ) -> dict[int, float]:
        return self.model.dense_scores(query_vector, self.now, rivals)
