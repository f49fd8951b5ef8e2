"""A tenant's search index: the bridge between stored entries and the retrieval library.

Built from the entries a tenant's residents may see (own + inherited, published, in their
validity period). Translations are indexed as extra phrasings of their Japanese entry, so
a question in English finds the entry, and the answer is shown in English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from jichitai_ai.config import Settings
from jichitai_ai.domain.models import Decision, DepartmentContact, FaqEntry
from jichitai_ai.retrieval._lexical import LexicalIndex
from jichitai_ai.retrieval._types import IndexDocument, ScoredDoc
from jichitai_ai.storage.db import Database
from jichitai_ai.text import SynonymSet, Tokenizer

CANONICAL_LANGUAGE = "ja"


@dataclass(frozen=True)
class Candidate:
    entry_id: int
    score: float


@dataclass
class Outcome:
    decision: Decision
    entry_ids: list[int]
    ranked: list[Candidate] = field(default_factory=list)


@dataclass(frozen=True)
class DecisionThresholds:
    """Calibrated by ``jichitai-ai calibrate``; see docs/benchmarks.md."""

    answer_min_score: float = 8.0
    answer_min_margin: float = 1.25
    clarify_min_score: float = 4.0
    clarify_ratio: float = 0.6
    max_choices: int = 5


class TenantIndex:
    """Immutable except for the feedback state, which is replaced wholesale."""

    def __init__(
        self,
        entries: list[FaqEntry],
        lexical: LexicalIndex,
        translations: dict[tuple[str, str], FaqEntry],
        thresholds: DecisionThresholds,
    ) -> None:
        self._entries = {e.id: e for e in entries}
        self.lexical = lexical
        self._translations = translations
        self.thresholds = thresholds
        self._feedback: list[Any] = []

    def __len__(self) -> int:
        return len(self._entries)

    def entry_ids(self) -> list[int]:
        return list(self._entries)

    def entry(self, entry_id: int) -> FaqEntry:
        return self._entries[entry_id]

    def translation(self, external_id: str, language: str) -> FaqEntry | None:
        if language == CANONICAL_LANGUAGE:
            return None
        return self._translations.get((external_id, language))

    def set_feedback(self, events: Sequence[Any]) -> None:
        self._feedback = list(events)

    def rank(self, question: str, k: int | None = 20) -> list[Candidate]:
        hits: list[ScoredDoc] = self.lexical.search(question, k)
        return [Candidate(h.doc_id, h.score) for h in hits]

    def answer(self, question: str, *, session_key: str = "", k: int | None = 20) -> Outcome:
        ranked = self.rank(question, k)
        th = self.thresholds
        if not ranked or ranked[0].score < th.clarify_min_score:
            return Outcome(Decision.NO_ANSWER, [], ranked)
        top = ranked[0].score
        second = ranked[1].score if len(ranked) > 1 else 0.0
        if top >= th.answer_min_score and (second == 0 or top / second >= th.answer_min_margin):
            return Outcome(Decision.ANSWER, [ranked[0].entry_id], ranked)
        close = [c.entry_id for c in ranked if c.score >= top * th.clarify_ratio][: th.max_choices]
        if len(close) < 2:
            return Outcome(Decision.ANSWER, [ranked[0].entry_id], ranked)
        return Outcome(Decision.CLARIFY, close, ranked)

    def handover_department(self, ranked: Sequence[Candidate]) -> DepartmentContact | None:
        """The department of the best weak match, as the most likely place to ask."""
        for candidate in ranked[:3]:
            dept = self._entries[candidate.entry_id].department
            if dept is not None and not dept.is_empty():
                return dept
        return None


class SearchIndexFactory:
    """Builds tenant indexes with one shared tokenizer (and embedder, when configured)."""

    def __init__(self, tokenizer: Tokenizer, thresholds: DecisionThresholds) -> None:
        self.tokenizer = tokenizer
        self.thresholds = thresholds

    @classmethod
    def from_settings(cls, settings: Settings, db: Database) -> SearchIndexFactory:
        return cls(Tokenizer(), DecisionThresholds())

    def build(self, entries: list[FaqEntry], synonym_groups: list[list[str]]) -> TenantIndex:
        canonical: dict[str, FaqEntry] = {}
        translations: dict[tuple[str, str], FaqEntry] = {}
        for entry in entries:
            if entry.language == CANONICAL_LANGUAGE:
                canonical[entry.external_id] = entry
        for entry in entries:
            if entry.language == CANONICAL_LANGUAGE:
                continue
            if entry.external_id in canonical:
                translations[(entry.external_id, entry.language)] = entry
            else:
                canonical.setdefault(entry.external_id, entry)
        extra: dict[str, list[str]] = {}
        for (external_id, _lang), entry in translations.items():
            extra.setdefault(external_id, []).extend([entry.question, *entry.alternatives])
        docs = [
            IndexDocument(
                doc_id=e.id,
                fields={
                    "question": e.question,
                    "alternatives": "\n".join([*e.alternatives, *extra.get(e.external_id, [])]),
                    "answer": e.answer,
                },
            )
            for e in canonical.values()
        ]
        synonyms = SynonymSet(synonym_groups, self.tokenizer) if synonym_groups else None
        lexical = LexicalIndex.build(docs, tokenizer=self.tokenizer, synonyms=synonyms)
        return TenantIndex(list(canonical.values()), lexical, translations, self.thresholds)
