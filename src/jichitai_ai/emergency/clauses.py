"""Clauses of a resident's story, so a service word scopes only its own clause (em11).

A long story often starts with the errand the resident meant to ask about (転入届を出しに来た,
犬の登録の手続きを聞きたかった, 여권 신청하고 돌아오는 길) and then turns to a danger happening
now (車の中で子どもがぐったり). The service word belongs to the clause that carries the request,
not to the whole text. Only the clauses told after the last request count (the story turned
away from the errand); a text that ends with its question keeps the question's scope over the
whole text, so 「火が出たら、どこに連絡しますか」 stays a question. A clause ends at a sentence
end (。！？ . ! ? or a line break), a comma (、，,) or a turn of the story (逆接: 〜が、 / けど /
でも, but, 可是 / 但是 / 不过, 〜는데 / 지만 / 그런데).
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["after_last", "split"]

_BOUNDARY = re.compile(
    "|".join(
        [
            r"[。．!！?？\n]+",
            r"[、，,]",
            r"\.(?:\s+|$)",
            # ja / やさしい日本語: 〜ですが、 〜けど、 〜けれども、 でも、
            r"(?<=[たすだどがりいくてん])が\s*[、,，]",
            r"けれど(?:も)?\s*[、,，]?|けど\s*[、,，]?|(?:^|[、,，\s])でも\s*[、,，]?",
            r"それどころ(?:じゃ|では)なく(?:て)?\s*[、,，]?",
            # en (a run of blanks is entered only at its start: a match tried at every blank of
            # the run made a 10,000-blank text cost seconds — hr9)
            r"(?:[,;]|(?<!\s))\s+\bbut\b\s+",
            r"(?:[,;]|(?<!\s))\s+\bwhen\b\s+(?=(?:the|a|an|my|our|his|her|their|right|suddenly)\b)",
            # zh-Hans / zh-Hant
            r"(?:[，,、]|(?<!\s))\s*(?:可是|但是|不过|不過|结果|結果|没想到|沒想到)",
            # ko
            r"는데요?\s*[,，.]?\s+|지만\s*[,，]?\s+|(?:^|\s)(?:그런데|근데)\s+",
        ]
    ),
    re.IGNORECASE,
)


def split(text: str) -> list[str]:
    """The clauses of ``text`` (empty pieces dropped)."""
    return [piece for piece in _BOUNDARY.split(text) if piece.strip()]


def after_last(text: str, request: Callable[[str], bool]) -> str:
    """The clauses of ``text`` after the last one that carries a request (joined by 。); empty
    when the text ends with a request — background told before a question (「祖父が息苦しいと
    言っています。近くに呼吸器内科はありますか」) stays part of that question."""
    pieces = split(text)
    last = max((i for i, piece in enumerate(pieces) if request(piece)), default=-1)
    return "。".join(pieces[last + 1 :])
