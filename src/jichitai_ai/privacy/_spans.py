"""A set of non-overlapping spans with O(log n) overlap checks (hostile inputs
can carry tens of thousands of entities; pairwise checks would be quadratic)."""

from __future__ import annotations

from bisect import bisect_right


class SpanSet:
    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start)
        if i > 0 and self._ends[i - 1] > start:
            return True
        return i < len(self._starts) and self._starts[i] < end

    def add(self, start: int, end: int) -> None:
        """Insert a span known not to overlap any member."""
        i = bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
