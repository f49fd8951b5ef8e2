"""Plain records exchanged with the retrieval library (no database or web types)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class IndexDocument:
    """One FAQ entry to index: ``fields`` maps a field name (question, alternatives, answer) to text."""

    doc_id: int
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, order=True)
class ScoredDoc:
    """A candidate entry with the score of whichever stage produced it (higher is better)."""

    score: float
    doc_id: int
