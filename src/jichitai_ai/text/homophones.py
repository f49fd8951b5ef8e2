"""Kana-kanji conversion slips (変換ミス) in questions: 住民表 for 住民票, 印鑑登禄 for 印鑑登録.

A resident types the right reading and picks the wrong kanji; word matching then finds
nothing (住民表 is not a word of any entry) and the question is handed over although the
FAQ answers it. A compound of the question that appears in no entry is replaced by the one
compound of the entries read the same way. Only compounds of three or more kanji are
corrected: two-kanji homophones are too often different real words (市長 / 市町, both
しちょう), and a compound an entry contains is never touched. The replacement must occur at
least twice in the entries: FAQ text has slips of its own (LocalGovFAQ has 交通系画 and 雇要支援
once each), and a question's correct 交通計画 must not be "corrected" into one. Nor may the
replacement split into more words than what was typed: a slip breaks a word (住民表 = 住民 + 表,
印鑑登禄 = 印鑑 + 登 + 禄), it does not mend one (雇用支援 is never turned into 雇 + 要 + 支援).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

#: Runs of kanji (with 々 and ヶ, as in 市町村 and 霞ヶ関).
_KANJI_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff々〆ヶ]+")
MIN_RUN = 3
#: Occurrences a compound needs in the entries to be a replacement.
MIN_TARGET_COUNT = 2


def kanji_runs(text: str) -> list[str]:
    """The maximal kanji sequences of ``text``."""
    return _KANJI_RUN.findall(text)


class HomophoneCorrector:
    """Replaces unknown kanji compounds by the entries' compound with the same reading."""

    def __init__(
        self,
        texts: Iterable[str],
        reading: Callable[[str], str],
        words: Callable[[str], int] | None = None,
    ) -> None:
        """``reading``: text → hiragana; ``words``: how many words a compound splits into
        (None: no such check)."""
        self._reading = reading
        self._words = words
        self._text = "\n".join(texts)
        counts = Counter(run for run in kanji_runs(self._text) if len(run) >= MIN_RUN)
        by_reading: dict[str, set[str]] = defaultdict(set)
        for run in counts:
            by_reading[reading(run)].add(run)
        # A reading shared by two different compounds of the entries is ambiguous: skipped.
        self._unique = {
            r: next(iter(runs))
            for r, runs in by_reading.items()
            if len(runs) == 1 and counts[next(iter(runs))] >= MIN_TARGET_COUNT
        }

    def correct(self, question: str) -> str:
        """``question`` with its unknown compounds replaced (unchanged when none fits)."""
        corrected = question
        for run in set(kanji_runs(question)):
            fixed = self._run(run)
            if fixed != run:
                corrected = corrected.replace(run, fixed)
        return corrected

    def _run(self, run: str) -> str:
        if len(run) < MIN_RUN or run in self._text:
            return run
        known = self._replacement(run)
        if known is not None:
            return known
        # 住民表発行: the slip is one part of a longer compound whose other part is known.
        for i in range(1, len(run)):
            left, right = run[:i], run[i:]
            whole = None
            if right in self._text and len(left) >= MIN_RUN:
                fixed = self._replacement(left)
                whole = None if fixed is None else fixed + right
            if whole is None and left in self._text and len(right) >= MIN_RUN:
                fixed = self._replacement(right)
                whole = None if fixed is None else left + fixed
            if whole is not None and not self._more_words(whole, run):
                return whole
        return run

    def _more_words(self, candidate: str, typed: str) -> bool:
        return self._words is not None and self._words(candidate) > self._words(typed)

    def _replacement(self, run: str) -> str | None:
        known = self._unique.get(self._reading(run))
        if known is None or known == run:
            return None
        return None if self._more_words(known, run) else known
