"""A second opinion on emergencies (緊急判定のセカンドオピニオン): nearest prototype on e5 vectors.

The question's "query: " vector (the one the dense path already computes) is compared with short
situation descriptions per kind and with ordinary service questions; it is an emergency when the
best emergency prototype is similar enough AND beats the best service prototype by a margin.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Verdict:
    kind: str | None  # the emergency kind, or None
    emergency_score: float  # best cosine to an emergency prototype
    service_score: float  # best cosine to a service prototype


class SecondOpinion:
    """Prototype vectors (unit length) with their kinds; "service" rows are the negatives."""

    def __init__(self, kinds: list[str], vectors: Matrix, threshold: float, margin: float) -> None:
        self.kinds = np.array(kinds)
        self.vectors = vectors
        self.is_service = self.kinds == "service"
        self.threshold = threshold
        self.margin = margin

    def scores(self, queries: Matrix) -> tuple[npt.NDArray[np.intp], Matrix, Matrix]:
        """Per query: index of the best emergency prototype, its cosine, the best service cosine."""
        sims = queries @ self.vectors.T
        emergency = np.where(self.is_service, -1.0, sims)
        service = np.where(self.is_service, sims, -1.0)
        best = emergency.argmax(axis=1)
        return best, emergency.max(axis=1), service.max(axis=1)

    def judge(self, queries: Matrix) -> list[Verdict]:
        best, top_e, top_s = self.scores(queries)
        alarm = (top_e >= self.threshold) & (top_e - top_s >= self.margin)
        return [
            Verdict(str(self.kinds[b]) if a else None, float(e), float(s))
            for b, a, e, s in zip(best, alarm, top_e, top_s, strict=True)
        ]
