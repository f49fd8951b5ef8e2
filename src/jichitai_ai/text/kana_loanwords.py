"""Katakana words typed in hiragana (まいなんばーかーど for マイナンバーカード).

A resident typing without conversion writes the tenant's katakana words in hiragana. In a
question that otherwise has kanji (まいなんばーかーどってスマホから申し込めるの？) word matching
reads only the kanji and katakana around it: the hiragana loanword is no word of any entry, and
the question's topic is lost (round 11, docs/benchmarks.md §7.20). A hiragana run that starts
with the hiragana spelling of a katakana word of the tenant's texts is written in katakana.

Only katakana words of three or more kana that occur at least twice in the tenant's texts are
used, and only spellings with a long-vowel mark (ー: まいなんばーかーど, ぱすぽーと) or of four
or more kana (こんびに): a shorter native word (いす, たんす) is left as typed. A match must
start a hiragana run or follow a previous match, longest first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_KATAKANA_RUN = re.compile(r"[\u30a1-\u30faー]{3,}")
_HIRAGANA_RUN = re.compile(r"[\u3041-\u3096ー]+")
#: Occurrences a katakana word needs in the tenant's texts (a one-off is no vocabulary).
MIN_COUNT = 2
#: A spelling without ー needs this many kana to be taken for a loanword.
MIN_PLAIN = 4


def to_hiragana(text: str) -> str:
    """Katakana written in hiragana (ー kept; ヴ, ヵ, ヶ have no hiragana and stay)."""
    return "".join(chr(ord(ch) - 0x60) if "\u30a1" <= ch <= "\u30f6" else ch for ch in text)


class KanaLoanwords:
    """Hiragana spelling → katakana word of the tenant's texts; converts a question's runs."""

    def __init__(self, texts: Iterable[str], min_count: int = MIN_COUNT) -> None:
        counts = Counter(run for text in texts for run in _KATAKANA_RUN.findall(text))
        self._words = {
            spelled: run
            for run, n in counts.items()
            if n >= min_count
            and (spelled := to_hiragana(run)) != run
            and not any("\u30a1" <= ch <= "\u30fa" for ch in spelled)
            and ("ー" in spelled or len(spelled) >= MIN_PLAIN)
            and not spelled.startswith("ー")
        }
        self._longest = max(map(len, self._words), default=0)

    def __len__(self) -> int:
        return len(self._words)

    def convert(self, question: str) -> str:
        """``question`` with the tenant's katakana words typed in hiragana written in katakana."""
        return _HIRAGANA_RUN.sub(self._run, question) if self._words else question

    def _run(self, match: re.Match[str]) -> str:
        run = match.group(0)
        out: list[str] = []
        i = 0
        while i < len(run):
            for size in range(min(self._longest, len(run) - i), 2, -1):
                word = self._words.get(run[i : i + size])
                if word is not None:
                    out.append(word)
                    i += size
                    break
            else:
                break
        return "".join(out) + run[i:]
