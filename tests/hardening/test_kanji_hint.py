"""documents' kanji_hint looked up by kanji (hr7): the same credit as checking every question
word against every term, on random and on hand-made cases."""

from __future__ import annotations

import random
from collections.abc import Sequence

from jichitai_ai.documents._support import kanji_hint


def _each_against_each(
    words: Sequence[tuple[frozenset[str], float]], terms: frozenset[str]
) -> float:
    credited: set[int] = set()
    for term in terms:
        chars = set(term)
        owners = [i for i, (kanji, _) in enumerate(words) if kanji & chars]
        shared = set().union(*(words[i][0] & chars for i in owners)) if owners else set()
        if len(shared) >= 2:
            credited.update(owners)
    return sum(words[i][1] for i in credited)


def test_two_kanji_of_the_question_in_one_term_credit_their_words() -> None:
    words = [(frozenset("届出"), 1.0), (frozenset("期限"), 0.5), (frozenset("住所"), 2.0)]
    assert kanji_hint(words, frozenset({"届出期限"})) == 1.5
    assert kanji_hint(words, frozenset({"届", "期"})) == 0.0  # one kanji per term: no credit
    assert kanji_hint(words, frozenset({"住届"})) == 3.0
    assert kanji_hint([], frozenset({"届出"})) == 0.0


def test_lookup_by_kanji_credits_what_each_against_each_did() -> None:
    rng = random.Random(7)
    pool = [chr(c) for c in range(0x4E00, 0x4E00 + 40)] + list("あいう")
    for _ in range(300):
        words = [
            (frozenset(rng.sample(pool, rng.randint(1, 3))), rng.choice([0.5, 1.0, 2.0]))
            for _ in range(rng.randint(0, 8))
        ]
        terms = frozenset("".join(rng.sample(pool, rng.randint(1, 4))) for _ in range(6))
        assert kanji_hint(words, terms) == _each_against_each(words, terms)
