"""Learning from use (利用からの学習): boost entries that resolved similar questions before.

Pure: the caller stores the events and passes them in. An event's vote counts for a new query in
proportion to the token Jaccard similarity of the two queries, halves every ``half_life_days``,
is capped per user/session so one person flooding feedback has bounded influence, and the total
boost per entry is squashed into [−max_boost, max_boost] on the fused score scale (0–1).
Resetting an entry = deleting its events (the caller does it in storage; :meth:`reset_entry`
mirrors it in memory).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from jichitai_ai.retrieval._types import ScoredDoc

RESOLVED = 1.0
NOT_RESOLVED = -1.0
CLARIFICATION_CLICK = 1.0


@dataclass(frozen=True)
class FeedbackEvent:
    """One signal: the query's terms, the entry it concerned, +1/−1, who gave it and when.

    ``query_terms`` must come from the same tokenizer as new queries (for example
    ``LexicalIndex.query_terms``); timestamps and ``now`` must both be naive or both aware.
    """

    query_terms: tuple[str, ...]
    entry_id: int
    signal: float
    actor: str
    timestamp: datetime


@dataclass(frozen=True)
class FeedbackParams:
    """Bounds and decay; defaults keep feedback a tie-breaker rather than an override."""

    half_life_days: float = 90.0
    min_similarity: float = 0.3
    actor_cap: float = 1.0  # |Σ weighted signals| of one user/session for one entry
    saturation: float = 3.0  # total weighted votes at which the boost reaches tanh(1) ≈ 76 %
    max_boost: float = 0.15


class FeedbackModel:
    """Index of events by query term; compute boosts for a new query in microseconds per event."""

    def __init__(
        self, events: Iterable[FeedbackEvent] = (), params: FeedbackParams | None = None
    ) -> None:
        self.params = params or FeedbackParams()
        self._events: list[FeedbackEvent | None] = []
        self._by_term: dict[str, list[int]] = {}
        for event in events:
            self.add(event)

    def add(self, event: FeedbackEvent) -> None:
        index = len(self._events)
        self._events.append(event)
        for term in set(event.query_terms):
            self._by_term.setdefault(term, []).append(index)

    def reset_entry(self, entry_id: int) -> None:
        """Forget every event about ``entry_id``."""
        for i, event in enumerate(self._events):
            if event is not None and event.entry_id == entry_id:
                self._events[i] = None

    def boosts(self, query_terms: Sequence[str], now: datetime) -> dict[int, float]:
        """Entry id → boost in [−max_boost, max_boost] for a query with these terms."""
        p = self.params
        query = set(query_terms)
        if not query:
            return {}
        candidates = {i for t in query for i in self._by_term.get(t, ())}
        per_actor: dict[tuple[int, str], float] = {}
        for i in candidates:
            event = self._events[i]
            if event is None:
                continue
            other = set(event.query_terms)
            similarity = len(query & other) / len(query | other)
            if similarity < p.min_similarity:
                continue
            age_days = max((now - event.timestamp).total_seconds(), 0.0) / 86400.0
            decay = 0.5 ** (age_days / p.half_life_days)
            key = (event.entry_id, event.actor)
            per_actor[key] = per_actor.get(key, 0.0) + event.signal * similarity * decay
        totals: dict[int, float] = {}
        for (entry, _), value in per_actor.items():
            capped = max(-p.actor_cap, min(p.actor_cap, value))
            totals[entry] = totals.get(entry, 0.0) + capped
        return {e: p.max_boost * math.tanh(v / p.saturation) for e, v in totals.items() if v}

    def rerank(
        self, candidates: Sequence[ScoredDoc], query_terms: Sequence[str], now: datetime
    ) -> list[ScoredDoc]:
        """Add boosts to the (fused, 0–1) scores of the candidates and re-sort them."""
        boosts = self.boosts(query_terms, now)
        rescored = [ScoredDoc(c.score + boosts.get(c.doc_id, 0.0), c.doc_id) for c in candidates]
        return sorted(rescored, key=lambda d: (-d.score, d.doc_id))
