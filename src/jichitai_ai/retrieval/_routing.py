"""Hand-over routing: which department (担当課) owns the topic of a question nothing answers.

Learned from the tenant's own entries: a department "owns" the topic words of the entries it
answers for (their questions, alternative phrasings and category — not the answers, whose
procedural wording such as 本人確認書類 or 運転免許証 is shared by everyone). A question is
routed to the department whose topic words cover most of the question's topic words
(IDF-weighted; words no entry knows count as the rarest), and only when it covers clearly more
than the runner-up; otherwise the caller falls back to the general contact. So 市長の好きな
食べ物 is never handed to 防災課 just because a 防災課 entry matched weakly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from jichitai_ai.retrieval._lexical import LexicalIndex

#: Defaults chosen on the demo city's hand-over questions (docs/benchmarks.md).
MIN_COVERAGE = 0.6
MIN_LEAD = 0.5


@dataclass(frozen=True)
class Route:
    department: str
    coverage: float
    runner_up: float


class DepartmentRouter:
    """Topic vocabulary per department, weighted by the tenant index's IDF."""

    def __init__(
        self,
        lexical: LexicalIndex,
        topic_terms: Mapping[str, Iterable[str]],
        *,
        min_coverage: float = MIN_COVERAGE,
        min_lead: float = MIN_LEAD,
    ) -> None:
        self.lexical = lexical
        self.min_coverage = min_coverage
        self.min_lead = min_lead
        self.vocabulary = {dept: frozenset(terms) for dept, terms in topic_terms.items()}

    def _weight(self, term: str) -> float:
        t = self.lexical.vocabulary.get(term)
        if t is None:
            n = len(self.lexical)
            return float(np.log(1.0 + (n + 0.5) / 0.5))
        return float(self.lexical.idf[t])

    def coverages(self, terms: Sequence[str]) -> dict[str, float]:
        """Per department, the share of the terms' IDF mass its topic words contain."""
        unique = list(dict.fromkeys(terms))
        weights = {term: self._weight(term) for term in unique}
        total = sum(weights.values())
        if total <= 0:
            return dict.fromkeys(self.vocabulary, 0.0)
        return {
            dept: sum(w for term, w in weights.items() if term in vocab) / total
            for dept, vocab in self.vocabulary.items()
        }

    def route(self, terms: Sequence[str]) -> Route | None:
        """The owning department when confident, else None (general contact)."""
        cov = self.coverages(terms)
        if not cov:
            return None
        ranked = sorted(cov.items(), key=lambda kv: (-kv[1], str(kv[0])))
        best_dept, best = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if best < self.min_coverage or best - second < self.min_lead:
            return None
        return Route(best_dept, best, second)
