"""BM25 lexical index over several fields, stored as numpy postings (CSR-like arrays).

Postings keep raw term frequencies per (term, field, document); BM25's statistics (document
count, document frequencies, field lengths) are kept as exact integer totals. A term's
per-document impact is computed from them the first time a query uses it and then reused, so
a query is a handful of numpy scatter-adds: well under 20 ms at 10k entries.

Because nothing derived is stored, an edit is a true incremental update (:meth:`updated`):
the changed documents' postings are tombstoned or appended to a small delta segment and the
statistics adjusted, instead of rebuilding a tenant's index after every FAQ edit. Every
per-document score is computed by the same arithmetic, in the same order, from the same
integers as a full rebuild would use, so an updated index scores *exactly* like a rebuilt one
(tests/retrieval/test_lexical_incremental.py checks this on random edit sequences). The delta
is merged into the main segment (numpy only, no tokenising) once it grows past a fraction of it.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from jichitai_ai.retrieval._types import IndexDocument, ScoredDoc
from jichitai_ai.text import SynonymSet, Tokenizer

Combination = Literal["bm25f", "sum"]


@dataclass(frozen=True)
class BM25Params:
    """BM25 settings; defaults are the LocalGovFAQ-dev tuned values (docs/retrieval.md).

    ``bm25f`` combines length-normalised term frequencies of all fields before saturation
    (Robertson et al. 2004); ``sum`` adds one BM25 score per field, weighted.
    """

    k1: float = 1.2
    b: float = 0.75
    field_weights: Mapping[str, float] = field(
        default_factory=lambda: {"question": 1.0, "alternatives": 1.0, "answer": 1.0}
    )
    combination: Combination = "sum"


TokenizedDoc = tuple[int, Mapping[str, Sequence[str]]]
_CHUNK = 4096  # documents per postings chunk while building
#: Merge the delta segment into the main one when added plus removed rows exceed this share
#: of the live documents (and at least ``_MIN_MERGE`` rows).
_MERGE_SHARE = 0.125
_MIN_MERGE = 256
#: Term impacts remembered per index version (cleared beyond this).
_IMPACT_CACHE = 50_000

_Arrays = tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]
_EMPTY_ROWS = np.zeros(0, dtype=np.int32)
_EMPTY_TF = np.zeros(0, dtype=np.float32)


class _Terms:
    """Term → id allocator shared by the versions of one index (ids are only ever added)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.names: list[str] = []
        self.lock = threading.Lock()

    def id_of(self, term: str) -> int:
        t = self.ids.get(term)
        if t is None:
            with self.lock:
                t = self.ids.setdefault(term, len(self.names))
                if t == len(self.names):
                    self.names.append(term)
        return t


@dataclass(frozen=True)
class _Segment:
    """Main postings, sorted by key (term id × fields + field) then row."""

    indptr: npt.NDArray[np.int64]  # len = keys covered + 1
    rows: npt.NDArray[np.int32]
    tfs: npt.NDArray[np.float32]

    def postings(self, key: int) -> _Arrays:
        if key + 1 >= self.indptr.shape[0]:
            return _EMPTY_ROWS, _EMPTY_TF
        lo, hi = int(self.indptr[key]), int(self.indptr[key + 1])
        return self.rows[lo:hi], self.tfs[lo:hi]

    def of_row(self, row: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """(keys, tfs) of one row (a linear scan; only for removing a document)."""
        at = np.flatnonzero(self.rows == row)
        keys = np.searchsorted(self.indptr, at, side="right").astype(np.int64) - 1
        return keys, self.tfs[at]


class LexicalIndex:
    """Immutable in-memory BM25 index; safe to share between threads once built.

    :meth:`updated` returns a new index with some documents removed or replaced; the old one
    keeps answering unchanged meanwhile.
    """

    def __init__(
        self,
        docs: Iterable[TokenizedDoc],
        params: BM25Params | None = None,
        *,
        tokenizer: Tokenizer | None = None,
        synonyms: SynonymSet | None = None,
    ) -> None:
        """Build from pre-tokenised documents; use :meth:`build` to start from text."""
        self.params = params or BM25Params()
        self.tokenizer = tokenizer or Tokenizer()
        self.synonyms = synonyms
        self._fields = sorted(f for f, w in self.params.field_weights.items() if w > 0)
        self._weights = [float(self.params.field_weights[f]) for f in self._fields]
        self._terms = _Terms()
        self._build(list(docs))

    @classmethod
    def build(
        cls,
        docs: Iterable[IndexDocument],
        params: BM25Params | None = None,
        *,
        tokenizer: Tokenizer | None = None,
        synonyms: SynonymSet | None = None,
    ) -> LexicalIndex:
        """Tokenise the documents' fields (only those with a non-zero weight) and index them."""
        params = params or BM25Params()
        tokenizer = tokenizer or Tokenizer()
        tokenized = [cls.tokenize_with(tokenizer, d, params) for d in docs]
        return cls(tokenized, params, tokenizer=tokenizer, synonyms=synonyms)

    @staticmethod
    def tokenize_with(
        tokenizer: Tokenizer, doc: IndexDocument, params: BM25Params | None = None
    ) -> TokenizedDoc:
        """``doc`` as :meth:`build` tokenises it (only fields with a non-zero weight), for
        callers that also need the words (the translation model learns from them)."""
        weights = (params or BM25Params()).field_weights
        fields = {f: tokenizer.tokenize(t) for f, t in doc.fields.items() if weights.get(f, 0) > 0}
        return doc.doc_id, fields

    def tokenize(self, doc: IndexDocument) -> TokenizedDoc:
        """``doc`` as :meth:`build` would tokenise it (for :meth:`updated`)."""
        return (
            doc.doc_id,
            {f: self.tokenizer.tokenize(t) for f, t in doc.fields.items() if f in self._fields},
        )

    # -- building ---------------------------------------------------------------------------
    def _doc_postings(
        self, doc_fields: Mapping[str, Sequence[str]]
    ) -> tuple[list[int], list[float], list[int]]:
        """(keys, term frequencies, field lengths) of one document."""
        nf = len(self._fields)
        keys: list[int] = []
        tfs: list[float] = []
        lengths: list[int] = []
        for fi, name in enumerate(self._fields):
            terms = self._field_terms(doc_fields, name)
            lengths.append(len(terms))
            for term, tf in Counter(terms).items():
                keys.append(self._terms.id_of(term) * nf + fi)
                tfs.append(float(tf))
        return keys, tfs, lengths

    def _build(self, docs: list[TokenizedDoc]) -> None:
        """Postings in chunks of documents, turned into compact numpy arrays as they are
        produced, so peak memory stays near the size of the final index even at 100k entries."""
        n = len(docs)
        nf = len(self._fields)
        doc_ids = np.fromiter((d for d, _ in docs), dtype=np.int64, count=n)
        if len(set(doc_ids.tolist())) != n:
            raise ValueError("duplicate doc_id in LexicalIndex input")
        lengths = np.zeros((nf, n), dtype=np.float64)
        key_chunks: list[npt.NDArray[np.int64]] = []
        row_chunks: list[npt.NDArray[np.int32]] = []
        tf_chunks: list[npt.NDArray[np.float32]] = []
        for start in range(0, n, _CHUNK):
            keys: list[int] = []
            rows: list[int] = []
            tfs: list[float] = []
            for i in range(start, min(start + _CHUNK, n)):
                doc_keys, doc_tfs, doc_lengths = self._doc_postings(docs[i][1])
                lengths[:, i] = doc_lengths
                keys.extend(doc_keys)
                tfs.extend(doc_tfs)
                rows.extend([i] * len(doc_keys))
            key_chunks.append(np.asarray(keys, dtype=np.int64))
            row_chunks.append(np.asarray(rows, dtype=np.int32))
            tf_chunks.append(np.asarray(tfs, dtype=np.float32))
        key_arr = np.concatenate(key_chunks) if key_chunks else np.zeros(0, np.int64)
        row_arr = np.concatenate(row_chunks) if row_chunks else _EMPTY_ROWS
        tf_arr = np.concatenate(tf_chunks) if tf_chunks else _EMPTY_TF
        del key_chunks, row_chunks, tf_chunks
        vocab_size = len(self._terms.names)
        df = np.zeros(vocab_size, dtype=np.int64)
        if key_arr.size:
            # Documents per term: a term in two fields of one document counts once.
            pairs = np.unique((key_arr // nf) * max(n, 1) + row_arr)
            df = np.bincount(pairs // max(n, 1), minlength=vocab_size).astype(np.int64)
        alive = np.ones(n, dtype=np.bool_)
        self._install(
            doc_ids,
            alive,
            lengths,
            df,
            _segment(key_arr, row_arr, tf_arr, vocab_size * nf),
            {},
            {},
        )

    def _install(
        self,
        doc_ids: npt.NDArray[np.int64],
        alive: npt.NDArray[np.bool_],
        lengths: npt.NDArray[np.float64],
        df: npt.NDArray[np.int64],
        main: _Segment,
        delta: dict[int, _Arrays],
        delta_rows: dict[int, tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]],
        row_of: dict[int, int] | None = None,
        vocabulary: dict[str, int] | None = None,
    ) -> None:
        """Set this version's state and derive BM25's statistics from exact integer totals
        (``row_of`` and ``vocabulary`` when the caller kept them up to date)."""
        p = self.params
        self.doc_ids = doc_ids
        self._alive = alive
        self._lengths = lengths
        self._df = df
        self._main = main
        self._delta = delta
        self._delta_rows = delta_rows
        if row_of is None:
            live = np.flatnonzero(alive).tolist()
            row_of = dict(zip(doc_ids[live].tolist(), live, strict=True))
        self._row_of = row_of
        self._n = len(row_of)
        if vocabulary is None:
            names = self._terms.names
            vocabulary = {names[t]: t for t in np.flatnonzero(df > 0).tolist()}
        #: Terms of the live documents → term id (index into :attr:`idf`).
        self.vocabulary = vocabulary
        n = self._n
        self._idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
        self.idf = self._idf.astype(np.float32)
        norms = np.ones_like(lengths)
        for fi in range(len(self._fields)):
            present = lengths[fi][alive]
            present = present[present > 0]
            # Average over documents that have the field: most entries have no alternatives,
            # and counting them would make every entry that does look abnormally long.
            total, count = float(present.sum()), int(present.shape[0])
            avg = max(total / count if count else 0.0, 1e-9)
            norms[fi] = 1.0 - p.b + p.b * lengths[fi] / avg
        self._norms = norms
        self._impacts: dict[int, _Arrays] = {}
        self._field_impacts: dict[tuple[int, int], _Arrays] = {}

    def _field_terms(self, doc_fields: Mapping[str, Sequence[str]], name: str) -> Sequence[str]:
        toks = doc_fields.get(name, ())
        return self.synonyms.expand(toks) if self.synonyms is not None else toks

    # -- incremental updates (差分更新) -------------------------------------------------------
    def updated(
        self, *, remove: Iterable[int] = (), add: Iterable[TokenizedDoc] = ()
    ) -> LexicalIndex:
        """A new index without the documents ``remove`` and with ``add`` (an added doc id
        that is already indexed replaces it). Costs the changed documents' terms plus a few
        array copies — never the whole index; this index stays valid and unchanged."""
        added = list(add)
        added_ids = [int(d) for d, _ in added]
        if len(set(added_ids)) != len(added_ids):
            raise ValueError("duplicate doc_id in LexicalIndex update")
        nf = len(self._fields)
        alive = self._alive.copy()
        df = self._df.copy()
        delta = dict(self._delta)
        delta_rows = dict(self._delta_rows)
        row_of = dict(self._row_of)
        vocabulary = dict(self.vocabulary)
        names = self._terms.names
        touched: list[npt.NDArray[np.int64]] = []
        for doc_id in {*(int(d) for d in remove), *added_ids}:
            row = row_of.pop(doc_id, None)
            if row is None:
                continue
            alive[row] = False
            keys, _tfs = delta_rows.get(row) or self._main.of_row(row)
            terms = np.unique(keys // nf)
            df[terms] -= 1
            touched.append(terms)
        rows_before = int(self.doc_ids.shape[0])
        lengths = np.zeros((nf, len(added)), dtype=np.float64)
        new_keys: list[npt.NDArray[np.int64]] = []
        pending: dict[int, tuple[list[int], list[float]]] = {}
        for j, (_, doc_fields) in enumerate(added):
            keys_list, tfs_list, doc_lengths = self._doc_postings(doc_fields)
            lengths[:, j] = doc_lengths
            row = rows_before + j
            keys = np.asarray(keys_list, dtype=np.int64)
            delta_rows[row] = (keys, np.asarray(tfs_list, dtype=np.float32))
            new_keys.append(keys)
            for key, tf in zip(keys_list, tfs_list, strict=True):
                rows_of, tfs_of = pending.setdefault(key, ([], []))
                rows_of.append(row)
                tfs_of.append(tf)
        for key, (rows_of, tfs_of) in pending.items():
            old_rows, old_tfs = delta.get(key, (_EMPTY_ROWS, _EMPTY_TF))
            delta[key] = (
                np.concatenate([old_rows, np.asarray(rows_of, dtype=np.int32)]),
                np.concatenate([old_tfs, np.asarray(tfs_of, dtype=np.float32)]),
            )
        vocab_size = len(self._terms.names)
        if df.shape[0] < vocab_size:
            df = np.concatenate([df, np.zeros(vocab_size - df.shape[0], dtype=np.int64)])
        for j, keys in enumerate(new_keys):
            terms = np.unique(keys // nf)
            df[terms] += 1
            touched.append(terms)
            row_of[added_ids[j]] = rows_before + j
        for t in np.unique(np.concatenate(touched)).tolist() if touched else ():
            if df[t] > 0:
                vocabulary[names[t]] = t
            else:
                vocabulary.pop(names[t], None)
        new = object.__new__(LexicalIndex)
        new.params, new.tokenizer, new.synonyms = self.params, self.tokenizer, self.synonyms
        new._fields, new._weights, new._terms = self._fields, self._weights, self._terms
        doc_ids = np.concatenate([self.doc_ids, np.asarray(added_ids, dtype=np.int64)])
        alive = np.concatenate([alive, np.ones(len(added), dtype=np.bool_)])
        all_lengths = np.concatenate([self._lengths, lengths], axis=1)
        dead = int(alive.shape[0]) - int(alive.sum())
        if len(delta_rows) + dead > max(_MIN_MERGE, _MERGE_SHARE * int(alive.sum())):
            main, doc_ids, alive, all_lengths = _merge(
                self._main, delta, doc_ids, alive, all_lengths, vocab_size * nf
            )
            delta, delta_rows = {}, {}
            rows_known: dict[int, int] | None = None  # rows were renumbered
        else:
            main = self._main
            rows_known = row_of
        new._install(
            doc_ids, alive, all_lengths, df, main, delta, delta_rows, rows_known, vocabulary
        )
        return new

    # -- querying ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._n

    def query_terms(self, query: str) -> list[str]:
        """Tokens of ``query`` as the index sees them (memoised tokenisation plus synonyms)."""
        toks = list(self.tokenizer.tokenize_query(query))
        return self.synonyms.expand(toks) if self.synonyms is not None else toks

    def term_postings(self, term: str) -> _Arrays:
        """Rows (ascending, live documents only) containing ``term`` and their BM25 impacts."""
        t = self.vocabulary.get(term)
        return self._term_impacts(t) if t is not None else (_EMPTY_ROWS, _EMPTY_TF)

    def _term_impacts(self, t: int, only: int | None = None) -> _Arrays:
        """BM25 impacts of term ``t`` over all fields, or over field number ``only``."""
        cache: dict[Any, _Arrays] = self._impacts if only is None else self._field_impacts
        cache_key: Any = t if only is None else (t, only)
        hit = cache.get(cache_key)
        if hit is not None:
            return hit
        p = self.params
        k1 = p.k1
        nf = len(self._fields)
        acc = np.zeros(self.doc_ids.shape[0], dtype=np.float64)
        for fi, weight in enumerate(self._weights):
            if only is not None and fi != only:
                continue
            key = t * nf + fi
            main_rows, main_tfs = self._main.postings(key)
            delta_rows, delta_tfs = self._delta.get(key, (_EMPTY_ROWS, _EMPTY_TF))
            for rows, tfs in ((main_rows, main_tfs), (delta_rows, delta_tfs)):
                if rows.shape[0] == 0:
                    continue
                s = tfs.astype(np.float64) / self._norms[fi, rows]
                if p.combination == "bm25f":
                    acc[rows] += weight * s
                else:  # per-field saturation, weighted sum
                    acc[rows] += weight * s * (k1 + 1.0) / (k1 + s)
        acc[~self._alive] = 0.0
        rows = np.flatnonzero(acc).astype(np.int32)
        values = acc[rows]
        if p.combination == "bm25f":
            values = values * (k1 + 1.0) / (k1 + values)
        result = (rows, (self._idf[t] * values).astype(np.float32))
        if len(cache) >= _IMPACT_CACHE:
            cache.clear()
        cache[cache_key] = result
        return result

    def coverage(self, terms: Sequence[str], doc_id: int) -> float:
        """Share of the query's IDF mass that ``doc_id`` contains (0–1), an absolute signal.

        BM25 scores are only comparable within one query, so "is anything relevant at all?"
        needs a measure like this: a question whose rare words appear in no entry (宇宙船の
        操縦免許) covers little even when a common word matches. Unknown terms weigh as much
        as the rarest indexed term.
        """
        row = self._row_of.get(doc_id)
        unique = list(dict.fromkeys(terms))
        if self.synonyms is not None:
            # A synonym's own word may be absent from every entry; its group term carries it.
            absorbed = self.synonyms.phrase_tokens([t for t in unique if not t.startswith("≡")])
            unique = [t for t in unique if t not in absorbed]
        if row is None or not unique:
            return 0.0
        n = len(self)
        unknown_idf = float(np.log(1.0 + (n + 0.5) / 0.5))
        total = matched = 0.0
        for term in unique:
            t = self.vocabulary.get(term)
            if t is None:
                total += unknown_idf
                continue
            weight = float(self.idf[t])
            total += weight
            rows = self._term_impacts(t)[0]
            pos = int(np.searchsorted(rows, row))
            if pos < rows.shape[0] and int(rows[pos]) == row:
                matched += weight
        return matched / total if total > 0 else 0.0

    def allowed_mask(self, doc_ids: Collection[int]) -> npt.NDArray[np.bool_]:
        """Boolean row mask for a set of visible doc ids; compute once per tenant and reuse."""
        mask = np.zeros(self.doc_ids.shape[0], dtype=np.bool_)
        rows = [self._row_of[d] for d in doc_ids if d in self._row_of]
        mask[rows] = True
        return mask

    def score_terms(
        self, terms: Sequence[str], *, field: str | None = None
    ) -> npt.NDArray[np.float32]:
        """Scores of every row (row order of ``doc_ids``; rows of removed documents score 0)
        for the given query terms; with ``field``, BM25 of that field alone (all zero when the
        index has no such field)."""
        scores = np.zeros(self.doc_ids.shape[0], dtype=np.float32)
        only = None
        if field is not None:
            if field not in self._fields:
                return scores
            only = self._fields.index(field)
        # Repeated query terms count once: residents repeat words for emphasis, not meaning.
        for term in dict.fromkeys(terms):
            t = self.vocabulary.get(term)
            if t is None:
                continue
            rows, impacts = self._term_impacts(t, only)
            scores[rows] += impacts
        return scores

    def search(
        self,
        query: str | Sequence[str],
        k: int | None = 10,
        *,
        allowed: Collection[int] | npt.NDArray[np.bool_] | None = None,
        field: str | None = None,
        extra: Mapping[int, float] | None = None,
    ) -> list[ScoredDoc]:
        """Top ``k`` documents with a positive score (all of them when ``k`` is None); with
        ``field``, by that field's BM25 alone; ``extra``: scores added per doc id (a field kept
        outside the index, e.g. learned 言い換え).

        ``query`` is text or already-expanded terms; ``allowed`` restricts results to visible
        doc ids (tenant visibility), given as ids or as a mask from :meth:`allowed_mask`.
        """
        terms = self.query_terms(query) if isinstance(query, str) else list(query)
        scores = self.score_terms(terms, field=field)
        for doc_id, value in (extra or {}).items():
            row = self._row_of.get(doc_id)
            if row is not None:
                scores[row] += value
        keep = scores > 0
        if allowed is not None:
            keep &= allowed if isinstance(allowed, np.ndarray) else self.allowed_mask(allowed)
        return top_k(scores, self.doc_ids, k, keep)


def _segment(
    keys: npt.NDArray[np.int64],
    rows: npt.NDArray[np.int32],
    tfs: npt.NDArray[np.float32],
    key_count: int,
) -> _Segment:
    """Sort postings by (key, row) into a segment covering ``key_count`` keys."""
    order = np.lexsort((rows, keys))
    indptr = np.zeros(key_count + 1, dtype=np.int64)
    if keys.size:
        np.cumsum(np.bincount(keys, minlength=key_count), out=indptr[1:])
    return _Segment(indptr, rows[order].astype(np.int32), tfs[order].astype(np.float32))


def _merge(
    main: _Segment,
    delta: dict[int, _Arrays],
    doc_ids: npt.NDArray[np.int64],
    alive: npt.NDArray[np.bool_],
    lengths: npt.NDArray[np.float64],
    key_count: int,
) -> tuple[_Segment, npt.NDArray[np.int64], npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
    """Main + delta postings of live rows as one segment, rows renumbered densely."""
    main_keys = np.repeat(np.arange(main.indptr.shape[0] - 1, dtype=np.int64), np.diff(main.indptr))
    parts_keys = [main_keys]
    parts_rows = [main.rows]
    parts_tfs = [main.tfs]
    for key, (rows, tfs) in delta.items():
        parts_keys.append(np.full(rows.shape[0], key, dtype=np.int64))
        parts_rows.append(rows)
        parts_tfs.append(tfs)
    keys = np.concatenate(parts_keys)
    rows = np.concatenate(parts_rows)
    tfs = np.concatenate(parts_tfs)
    keep = alive[rows]
    renumber = (np.cumsum(alive) - 1).astype(np.int32)
    segment = _segment(keys[keep], renumber[rows[keep]], tfs[keep], key_count)
    live = alive.copy()
    return segment, doc_ids[live], np.ones(int(live.sum()), dtype=np.bool_), lengths[:, live]


def _mean_nonzero(values: npt.NDArray[np.float64]) -> float:
    present = values[values > 0]
    return float(present.mean()) if present.size else 0.0


def top_k(
    scores: npt.NDArray[np.float32],
    doc_ids: npt.NDArray[np.int64],
    k: int | None,
    keep: npt.NDArray[np.bool_] | None = None,
) -> list[ScoredDoc]:
    """Best ``k`` rows (among ``keep``), highest first, ties broken by doc id for determinism."""
    if k is not None and k <= 0:
        return []
    candidates = np.flatnonzero(keep) if keep is not None else np.arange(scores.shape[0])
    if k is not None and candidates.shape[0] > k:
        part = np.argpartition(-scores[candidates], k - 1)
        kth = scores[candidates[part[k - 1]]]
        # Every candidate tied with the k-th, so the doc id (not partition order) breaks ties.
        candidates = candidates[scores[candidates] >= kth]
    order = np.lexsort((doc_ids[candidates], -scores[candidates]))
    chosen = candidates[order][:k] if k is not None else candidates[order]
    return [ScoredDoc(float(scores[i]), int(doc_ids[i])) for i in chosen]
