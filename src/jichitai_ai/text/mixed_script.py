"""Words typed half in hiragana, half in kanji (交ぜ書き): いんかん証明 for 印鑑証明.

A resident who does not know (or cannot convert) the first kanji of a compound types its
reading and the rest in kanji. Word matching then sees いんかん and 証明 — いんかん is no word of
any entry — and the question is handed over although the FAQ answers it. A hiragana run
directly followed by kanji is written with the entries' compound when exactly one compound
of the entries ends in that kanji part and begins with kanji read as the hiragana part
(いんかん + 証明 → 印鑑証明). The other way round too: kanji directly followed by hiragana
is the entries' compound when exactly one compound begins with those kanji and ends in kanji
read as the hiragana's start (出生 + とどけ → 出生届, 印鑑 + しょうめい → 印鑑証明).
Only compounds that occur at least twice in the entries, a kanji part of one or more kanji
and a reading of three or more kana are used; a mixed word the entries themselves contain is
left as typed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from jichitai_ai.text.homophones import kanji_runs

#: A hiragana run directly followed by a kanji run (the mixed word's two parts).
_MIXED = re.compile(r"([\u3041-\u309f]{3,})([\u3400-\u4dbf\u4e00-\u9fff々〆ヶ]+)")
#: A kanji run directly followed by a hiragana run (the reverse order: 出生とどけ).
_MIXED_AFTER = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff々〆ヶ]+)([\u3041-\u309f]{3,})")
MIN_COUNT = 2
MIN_READING = 3
#: Kanji a typed kanji part needs (票 in じゅうみん票, 証明 in いんかん証明).
MIN_KANJI_PART = 1
#: Kanji a written-in-kana part may stand for (印鑑, 国民健康 …).
MAX_KANA_PART = 4


class MixedScriptWords:
    """Writes the hiragana part of a mixed-script word with the entries' kanji."""

    def __init__(self, texts: Iterable[str], reading: Callable[[str], str]) -> None:
        self._reading = reading
        self._readings: dict[str, str] = {}
        self._text = "\n".join(texts)
        counts = Counter(kanji_runs(self._text))
        #: kanji part → the kanji the entries write before it (証明 → {印鑑, 所得, …}).
        self._before: dict[str, set[str]] = defaultdict(set)
        #: kanji part → the kanji the entries write after it (出生 → {届, …}).
        self._after: dict[str, set[str]] = defaultdict(set)
        for run, n in counts.items():
            if n < MIN_COUNT:
                continue
            for i in range(1, min(MAX_KANA_PART, len(run) - MIN_KANJI_PART) + 1):
                self._before[run[i:]].add(run[:i])
                self._after[run[:-i]].add(run[-i:])

    def convert(self, question: str) -> str:
        """``question`` with its mixed-script words written in kanji (unchanged when none fits)."""
        return _MIXED_AFTER.sub(self._word_after, _MIXED.sub(self._word, question))

    def _read(self, kanji: str) -> str:
        if kanji not in self._readings:
            self._readings[kanji] = self._reading(kanji)
        return self._readings[kanji]

    def _word(self, match: re.Match[str]) -> str:
        kana, kanji = match.group(1), match.group(2)
        for size in range(len(kanji), MIN_KANJI_PART - 1, -1):
            heads = self._before.get(kanji[:size])
            if not heads:
                continue
            for start in range(len(kana) - MIN_READING + 1):
                typed = kana[start:]
                if typed + kanji[:size] in self._text:
                    return match.group(0)
                fits = {h for h in heads if self._read(h) == typed}
                if len(fits) == 1:
                    return kana[:start] + next(iter(fits)) + kanji
        return match.group(0)

    def _word_after(self, match: re.Match[str]) -> str:
        kanji, kana = match.group(1), match.group(2)
        for size in range(len(kanji), MIN_KANJI_PART - 1, -1):
            tails = self._after.get(kanji[-size:])
            if not tails:
                continue
            for end in range(len(kana), MIN_READING - 1, -1):
                typed = kana[:end]
                if kanji[-size:] + typed in self._text:
                    return match.group(0)
                fits = {t for t in tails if self._read(t) == typed}
                if len(fits) == 1:
                    return kanji + next(iter(fits)) + kana[end:]
        return match.group(0)
