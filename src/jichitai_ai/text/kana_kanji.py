"""Hiragana words written in kanji with the tenant's own vocabulary (やさしい日本語 → 漢字).

やさしい日本語 questions are typed without kana-kanji conversion (けいたいでんわの けいやくを
したいです). The multilingual embedding places such text poorly: it sits near everything (the
greeting, the broad entries) and far from the topic it names. Written with the kanji the
tenant's own texts use for the same reading (携帯電話の 契約を したいです), the question can be
compared with topics written in kanji — used for the outside-topics check
(services.outside_topics), not for retrieval: on the demo sets, retrieving on the converted
text lost more questions than it won (docs/benchmarks.md §7.4g).

Only kanji compounds (two or more kanji) that occur at least twice in the tenant's texts, whose
reading has three or more kana and belongs to no other compound, are used; a match must start
a word (after a space, punctuation or a previous match), longest first.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

_KANJI_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff々〆ヶ]{2,}")
_HIRAGANA = re.compile(r"[\u3041-\u309f]+")
#: Occurrences a compound needs in the tenant's texts (a one-off slip is no vocabulary).
MIN_COUNT = 2
#: Shorter readings (しょ, かい) are too often part of other words.
MIN_READING = 3


def _is_hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u309f"


class KanaKanji:
    """Reading → compound of the tenant's texts; converts hiragana words of a question."""

    def __init__(
        self, texts: Iterable[str], reading: Callable[[str], str], min_count: int = MIN_COUNT
    ) -> None:
        """``min_count`` 1 for curated word lists (another authority's words and topics), where
        a single occurrence is vocabulary, not a slip."""
        counts = Counter(run for text in texts for run in _KANJI_RUN.findall(text))
        by_reading: dict[str, set[str]] = defaultdict(set)
        for run, n in counts.items():
            if n >= min_count:
                by_reading[reading(run)].add(run)
        self._words = {
            r: next(iter(runs))
            for r, runs in by_reading.items()
            if len(runs) == 1 and len(r) >= MIN_READING and _HIRAGANA.fullmatch(r)
        }
        self._longest = max(map(len, self._words), default=0)

    def __len__(self) -> int:
        return len(self._words)

    def convert(self, question: str) -> str:
        """``question`` with hiragana words the tenant writes in kanji so written."""
        out: list[str] = []
        i = 0
        matched_until = -1
        while i < len(question):
            starts_word = i == 0 or not _is_hiragana(question[i - 1]) or matched_until == i
            found = None
            if starts_word:
                for size in range(min(self._longest, len(question) - i), MIN_READING - 1, -1):
                    found = self._words.get(question[i : i + size])
                    if found is not None:
                        out.append(found)
                        i += size
                        matched_until = i
                        break
            if found is None:
                out.append(question[i])
                i += 1
        return "".join(out)
