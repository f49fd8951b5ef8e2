"""What to embed for an FAQ entry: question, alternative phrasings and the answer's first sentence.

Whole answers cost ~5× more embedding time for no measured gain on LocalGovFAQ dev, and e5-small
truncates at 512 tokens anyway (docs/retrieval.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SENTENCE_END = re.compile(r"(?<=[。？！?!\n])")


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, skipping leading bullets (■, ・) and blank lines."""
    for part in _SENTENCE_END.split(text):
        part = part.strip().lstrip("■□●○・ ")
        if part:
            return part
    return ""


def passage_text(question: str, alternatives: Sequence[str] = (), answer: str = "") -> str:
    """One passage per entry: lines of question, alternatives, answer's first sentence."""
    lines = [question, *alternatives, first_sentence(answer)]
    return "\n".join(line.strip() for line in lines if line and line.strip())
