"""A name or address wrapped onto the next line by a narrow form column or OCR (髙⏎﨑 そうすけ,
柏木町五丁目⏎２１番地).

The label rules find the first line's piece (氏名　髙) and stop at the line break, leaving
the rest of the surname and the whole given name on the next line. A person span of one or
two kanji that ends its line takes the next line when that line is only the rest of a name:
1–3 kanji glued to the break, then at most one spaced given name, then the line's end —
not a title or office (山田⏎課長). An address ending its line in 丁目 takes a next line that
is only its 番地/番/号.

rt10: the other way round and more shapes — a name found at a line's start takes the previous
line's 1–3 kanji after a colon (宛名：花輪⏎陽介 様; not a label: 氏名：⏎…), a Latin name the
capitalised words of the next line (差出人 Ferreira⏎Moura, Lucas); an address or place
ending its line takes a next line that is only a dash block (緑区十日市場町⏎８０１－２, an
Excel cell's line break).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from . import _name_lexicon as lex
from ._latin_names import english_word
from ._types import Entity, EntityType

_REST = re.compile(
    r"\r?\n[ \t\u3000]*[一-鿿々〆ヶ]{1,3}(?:[ \u3000][一-鿿々ぁ-ゖァ-ヺー]{1,5})?[ \t\u3000]*(?=\r?\n|$)"
)


_NUMBER_LINE = re.compile(
    r"\r?\n[ \t\u3000]*[0-9０-９一二三四五六七八九十]+(?:番地?|号)(?:の?[0-9０-９一二三四五六七八九十]+(?:号)?)?"
    r"[ \t\u3000]*(?=\r?\n|$)"
)
_NOT_NAME_END = frozenset("長課部局室係班員者様殿宛")
_PIECE_BEFORE = re.compile(r"(?<=[：:])(?P<piece>[一-鿿々]{1,3})\r?\n$")
_LATIN_BEFORE = re.compile(r"(?<=[：:\s])(?P<piece>[A-Z][a-z]{2,15})\r?\n$")
_LATIN_REST = re.compile(
    r"\r?\n[A-Z][a-z'-]{1,15}(?:,?[ ][A-Z][a-z'-]{1,15}){0,2}(?=[ \t]*(?:[/／|]|\r?\n|$))"
)
#: Labels a form prints on the line above a name.
_LABELS = frozenset(
    {"氏名", "名前", "宛名", "宛先", "住所", "担当", "差出人", "申請者", "本人", "世帯主", "保護者",
     "届出人", "記入者", "備考", "件名", "連絡先", "児童", "代表", "同上", "以上", "記"}
)  # fmt: skip
_BLOCK_LINE = re.compile(
    r"\r?\n[ \t\u3000]*(?![0０])[0-9０-９]{1,4}(?:[-－][0-9０-９]{1,4}){1,3}[ \t\u3000]*(?=[\r\n\t\"”]|$)"
)


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
        if (
            e.type in {EntityType.ADDRESS, EntityType.LOCATION}
            and "\n" in text[e.end : e.end + 2]
            and not e.text[-1:].isdigit()  # 平岸一条8丁目2-5⏎011-815-3348: the block is there
        ):
            rest = _BLOCK_LINE.match(text, e.end)
            if rest:
                end = len(rest.group().rstrip(" \t\u3000")) + e.end
                e = replace(e, type=EntityType.ADDRESS, end=end, text=text[e.start : end])
        if e.type is EntityType.PERSON and e.text[-1:].isascii() and e.text[-1:].isalpha():
            rest = _LATIN_REST.match(text, e.end)
            if rest and not any(english_word(w) for w in re.findall(r"[A-Za-z'-]+", rest.group())):
                e = replace(e, end=rest.end(), text=text[e.start : rest.end()])
        if e.type is EntityType.PERSON and e.start and text[e.start - 1] == "\n":
            window = text[max(0, e.start - 18) : e.start]
            latin = e.text[:1].isascii()
            before = (_LATIN_BEFORE if latin else _PIECE_BEFORE).search(window)
            piece = before["piece"] if before else ""
            if (
                before
                and piece not in _LABELS
                and piece not in lex.TITLES
                and not (latin and english_word(piece))  # Thanks⏎Femi Oladipo
            ):
                start = e.start - (len(window) - before.start("piece"))
                e = replace(e, start=start, text=text[start : e.end])
        out.append(e)
    return out
