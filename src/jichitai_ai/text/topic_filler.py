"""Question words, numbers and counters that carry no topic (話題を持たない語).

A colloquial question wraps its topic in 「何歳まで」「2週間過ぎたら」「4月に」: the tokenizer
keeps 何, 歳, 2, 週間, 4, 月 as nouns, and they weigh as much as the topic when the decision asks
how much of the question the first entry's own question holds, so 「子どもの病院代って何歳まで
タダ？」 looked half uncovered although its entry ranks first. That check
(``DecisionSignals.own_question_covers``) leaves these terms out (when the question keeps at
least one other term); ranking and the decision model's features do not.

Kept narrow: numbers, the interrogative 何 / いつ / どこ …, the calendar / age / count
counters, and 質問 (a question that announces questions names its topic elsewhere). Topic nouns that contain them (年金, 月額, 人間ドック) are whole terms and stay.
"""

from __future__ import annotations

import re
import unicodedata

#: Interrogatives and counters the tokenizer returns as nouns (after NFKC).
FILLER_TERMS = frozenset(
    {
        "何",
        "なに",
        "なん",
        "いつ",
        "どこ",
        "だれ",
        "誰",
        "いくら",
        "いくつ",
        # いくつか as the tokenizer splits it (幾 + つ), and 質問 — a word about the asking
        # itself (「税金についていくつか質問が」: the topic is 税金), i12ad
        "幾",
        "幾つ",
        "つ",
        "質問",
        "歳",
        "才",
        "年",
        "月",
        "日",
        "週",
        "週間",
        "時",
        "時間",
        "分",
        "回",
        "ヶ月",
        "か月",
        "カ月",
        "箇月",
        "年生",
        "人",
        "個",
        "件",
        "円",
    }
)

_NUMBER = re.compile(r"^[0-9０-９一二三四五六七八九十百千万.,]+$")


def is_filler(term: str) -> bool:
    """Whether an index term carries no topic: a number, a question word or a counter."""
    folded = unicodedata.normalize("NFKC", term)
    return folded in FILLER_TERMS or bool(_NUMBER.match(folded))


def topic_only(terms: list[str]) -> list[str]:
    """``terms`` without fillers; unchanged when nothing else would remain."""
    kept = [t for t in terms if not is_filler(t)]
    return kept if kept else terms
