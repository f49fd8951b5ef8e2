"""A tenant's passage index: BM25 over title/heading and text, optional dense vectors, RRF fusion.

Derived data, rebuilt from the database when a collection's version changes; visibility is
applied per query as a row mask, so one index serves residents and every staff role.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from jichitai_ai.retrieval import BM25Params, DenseIndex, Embedder, IndexDocument, LexicalIndex, rrf
from jichitai_ai.retrieval._embedders import outbound_query
from jichitai_ai.retrieval._types import ScoredDoc
from jichitai_ai.text import SynonymSet, Tokenizer

Mode = Literal["lexical", "dense", "hybrid"]
HEADING_WEIGHT = 2.0
#: BM25F over title/location, heading (章節 and the article's caption 見出し) and text.
#: title/text chosen on JSQuAD dev (docs/documents.md); the caption names what an article is
#: about in a few words (（標準処理期間）, （原状回復）), so it weighs more (real-text set, docs).
FIELD_WEIGHTS = {"title": 1.0, "heading": HEADING_WEIGHT, "text": 1.0}
CANDIDATES = 100


#: Locations of provisions (articles, 附則, 別表, 様式), as opposed to front matter.
_STRUCTURAL = re.compile(r"^(第|附則|別表|様式|別記)")


@dataclass(frozen=True)
class ChunkRecord:
    """A stored chunk with what search results show about it."""

    id: int
    document_id: int
    collection_id: int
    document_title: str
    format: str
    location: str
    heading: str
    text: str
    page: int | None = None
    anchor: str = ""
    parts: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class Hit:
    record: ChunkRecord
    score: float
    #: 1-based rank in the lexical and the dense list (hybrid search; None: not in that list or
    #: not searched). Two independent rankers putting a passage first is evidence it answers.
    lexical_rank: int | None = None
    dense_rank: int | None = None


class DocIndex:
    """Immutable once built; safe to share between request threads."""

    def __init__(
        self,
        records: Sequence[ChunkRecord],
        lexical: LexicalIndex,
        dense: DenseIndex | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        self.records = {r.id: r for r in records}
        self.lexical = lexical
        self.dense = dense
        self.embedder = embedder
        self._collection_of = np.array(
            [self.records[int(d)].collection_id for d in lexical.doc_ids], dtype=np.int64
        )
        self._masks: dict[frozenset[int], npt.NDArray[np.bool_]] = {}
        #: Terms of passage and sentence texts (see _support.terms_of); bounded there.
        self.term_cache: dict[str, frozenset[str]] = {}
        #: Terms naming each document's subject (see _support.subject_terms).
        self.subject_cache: dict[int, frozenset[str]] = {}
        #: every term of a document's chunks (see _answers.matched_through_its_opposite)
        self.document_terms_cache: dict[int, frozenset[str]] = {}
        self._by_document: dict[int, list[ChunkRecord]] | None = None

    def records_of(self, document_id: int) -> list[ChunkRecord]:
        """The chunks of one document, in id order (built on first use)."""
        if self._by_document is None:
            grouped: dict[int, list[ChunkRecord]] = {}
            for rid in sorted(self.records):
                record = self.records[rid]
                grouped.setdefault(record.document_id, []).append(record)
            self._by_document = grouped
        return self._by_document.get(document_id, [])

    def is_front_matter(self, record: ChunkRecord) -> bool:
        """The title, date, number and 制定文 (「…の全部を改正する。」) before the first article of
        a document that has articles: no provision, so it neither answers nor outranks one
        (blind5: 「宇治田原町の敬老祝金はいつ配られますか」 ranked it first and, with its date and
        the old title's 支給, cited it)."""
        if _STRUCTURAL.match(record.location):
            return False
        return any(_STRUCTURAL.match(r.location) for r in self.records_of(record.document_id))

    @classmethod
    def build(
        cls,
        records: Sequence[ChunkRecord],
        tokenizer: Tokenizer,
        *,
        embedder: Embedder | None = None,
        vectors: npt.NDArray[np.float32] | None = None,
        params: BM25Params | None = None,
        synonyms: SynonymSet | None = None,
    ) -> DocIndex:
        docs = [
            IndexDocument(
                r.id,
                {
                    "title": f"{r.document_title}\n{r.location}",
                    "heading": _heading_only(r.heading, r.document_title),
                    "text": r.text,
                },
            )
            for r in records
        ]
        params = params or BM25Params(
            k1=1.2, b=0.75, field_weights=FIELD_WEIGHTS, combination="bm25f"
        )
        lexical = LexicalIndex.build(docs, params, tokenizer=tokenizer, synonyms=synonyms)
        dense = None
        if embedder is not None and records:
            if vectors is None:
                vectors = embedder.embed_passages([passage_text(r) for r in records])
            dense = DenseIndex([r.id for r in records], vectors)
        return cls(records, lexical, dense, embedder)

    def __len__(self) -> int:
        return len(self.records)

    def mask(self, collections: Collection[int] | None) -> npt.NDArray[np.bool_] | None:
        """Rows of the visible collections (cached per set of collections)."""
        if collections is None:
            return None
        key = frozenset(collections)
        if key not in self._masks:
            self._masks[key] = np.isin(
                self._collection_of, np.fromiter(key, dtype=np.int64, count=len(key))
            )
        return self._masks[key]

    def search(
        self,
        query: str,
        k: int = 10,
        *,
        collections: Collection[int] | None = None,
        mode: Mode = "lexical",
    ) -> list[Hit]:
        allowed = self.mask(collections)
        if mode != "lexical" and (self.dense is None or self.embedder is None):
            mode = "lexical"
        ranked: list[ScoredDoc]
        if mode == "lexical":
            ranked = self.lexical.search(query, k, allowed=allowed)
        else:
            assert self.dense is not None and self.embedder is not None
            vector = self.embedder.embed_queries([outbound_query(query, self.embedder)])
            dense_hits = self.dense.search(
                vector, CANDIDATES if mode == "hybrid" else k, allowed=allowed
            )
            if mode == "dense":
                ranked = dense_hits
            else:
                lexical_hits = self.lexical.search(query, CANDIDATES, allowed=allowed)
                ranked = rrf([lexical_hits, dense_hits])[:k]
                lex_rank = {d.doc_id: i for i, d in enumerate(lexical_hits, start=1)}
                dense_rank = {d.doc_id: i for i, d in enumerate(dense_hits, start=1)}
                return [
                    Hit(
                        self.records[d.doc_id],
                        d.score,
                        lex_rank.get(d.doc_id),
                        dense_rank.get(d.doc_id),
                    )
                    for d in ranked
                ]
        return [Hit(self.records[d.doc_id], d.score) for d in ranked[:k]]

    # -- term statistics for answer support ----------------------------------------------------
    @property
    def rare_idf(self) -> float:
        """idf of a word found in one passage only."""
        n = len(self.lexical)
        return math.log(1.0 + (n - 0.5) / 1.5) if n else 1.0

    def idf(self, term: str) -> float:
        """Inverse document frequency; unknown terms get the highest value (they are rare here)."""
        t = self.lexical.vocabulary.get(term)
        if t is not None:
            return float(self.lexical.idf[t])
        n = len(self.lexical)
        return math.log(1.0 + (n + 0.5) / 0.5)


def _heading_only(heading: str, title: str) -> str:
    """The heading without the document title it starts with (the title has its own field)."""
    return heading[len(title) :].strip(" >") if title and heading.startswith(title) else heading


def passage_text(record: ChunkRecord) -> str:
    """What the dense model embeds: document title (unless the heading has it), heading,
    location, then the text — for a bare passage simply ``title\ntext``."""
    heading = record.heading
    if record.document_title not in heading:
        heading = f"{record.document_title} {heading}".strip()
    context = " ".join(x for x in (heading, record.location) if x)
    return f"{context}\n{record.text}" if context else record.text
