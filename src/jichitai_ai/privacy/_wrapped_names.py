"""A name or address wrapped onto the next line by a narrow form column or OCR (髙⏎﨑 そうすけ,
柏木町五丁目⏎２１番地).

The label rules find the first line's piece (氏名　髙) and stop at the line break, leaving
the rest of the surname and the whole given name on the next line. A person span of one or
two kanji that ends its line takes the next line when that line is only the rest of a name:
1–3 kanji glued to the break, then at most one spaced given name, then the line's end —
not a title or office (山田⏎課長). An address ending its line in 丁目 takes a next line that
is only its 番地/番/号.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from . import _name_lexicon as lex
from ._types import Entity, EntityType

_REST = re.compile(
    r"\r?\n[ \t\u3000]*[一-鿿々〆ヶ]{1,3}(?:[ \u3000][一-鿿々ぁ-ゖァ-ヺー]{1,5})?[ \t\u3000]*(?=\r?\n|$)"
)


_NUMBER_LINE = re.compile(
    r"\r?\n[ \t\u3000]*[0-9０-９一二三四五六七八九十]+(?:番地?|号)(?:の?[0-9０-９一二三四五六七八九十]+(?:号)?)?"
    r"[ \t\u3000]*(?=\r?\n|$)"
)
_NOT_NAME_END = frozenset("長課部局室係班員者様殿宛")


def join_wrapped_names(found: Iterable[Entity], text: str) -> list[Entity]:
    out: list[Entity] = []
    for e in found:
        if e.type is EntityType.PERSON and 1 <= len(e.text) <= 2 and "\n" not in e.text:
            rest = _REST.match(text, e.end)
            head = rest.group().split()[0] if rest else ""
            if rest and head not in lex.TITLES and head[-1] not in _NOT_NAME_END:
                end = len(rest.group().rstrip(" \t\u3000")) + e.end
                e = replace(e, end=end, text=text[e.start : end])
        elif e.type is EntityType.ADDRESS and e.text.endswith("丁目"):
            rest = _NUMBER_LINE.match(text, e.end)
            if rest:
                end = len(rest.group().rstrip(" \t\u3000")) + e.end
                e = replace(e, end=end, text=text[e.start : end])
        out.append(e)
    return out
