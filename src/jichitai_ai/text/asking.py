"""The asking sentence of a long Japanese question (docs/benchmarks.md §7.43).

Residents often tell a story first (今年の3月に夫の転勤で北海道から来ました。上の子が…) and ask
at the end; the story's words dilute what the decision reads. :func:`asking_sentence` returns
the last sentence that asks (〜ですか, 〜たい, 〜には？, 教えて …) when the question has at least
two sentences, else None. The caller decides on it only when the whole question would be handed
over, and keeps emergencies and other authorities' / nobody's business decided on the whole text.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[。．！!？?\n])")
_ASKS = re.compile(
    r"(か|かな|かね|の|でしょう|ください|下さい|くれる|くれますか|もらえる|ある|できる|いい"
    r"|たい|たいです|たいんです|ほしい|欲しい|教えて|おしえて|には|何時|どこ|いつ|なに|何"
    r"|探しています|さがして います|困っています|こまって います)"
    r"[ーぁ-ゖ]{0,3}[。．！!？?\s]*$"
    r"|[？?]\s*$"
)
#: Sentences shorter than this are no question of their own (「はい。」, 「あの、」).
MIN_CHARS = 6


def sentences(text: str) -> list[str]:
    """``text`` cut after 。 ！ ？ and line breaks; empty pieces dropped."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip(" 　\n。．！!？?")]


def asking_sentence(text: str) -> str | None:
    """The last sentence of ``text`` that asks, when ``text`` has two sentences or more and
    that sentence is not the whole text; None otherwise."""
    parts = sentences(text)
    if len(parts) < 2:
        return None
    for part in reversed(parts):
        if len(part) >= MIN_CHARS and _ASKS.search(part):
            return part
    return None
