"""Structure headings OCR misread confidently: 「第二条」 read as 「第-条」, 「第条」, 「第ニ条」
(katakana ニ), 「第ー条」 (長音), 「笫三条」 at line confidence 85–95, which the < 80 review bar
never catches, and which break the 条 structure the chunker and answers rely on.

A line that starts like an article heading (第…条 with at most three characters between) but
whose numeral is not a numeral, or whose 第 is 笫/弟, is flagged for review whatever its
confidence. Where the numbers of the nearest readable headings before and after leave exactly
one number for it (第一条 … ? … 第三条), the heading is repaired to that number in the same
writing (漢数字 or digits) and the line is still queued, marked 自動補正, for a person to confirm.
Items （１）/(1) whose number is a letter (「(l)」「(I)」) are flagged too. Nothing is repaired
without the line recording what was read and why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from jichitai_ai.documents._numbers import KANJI_NUMERAL, to_int

#: Why a line waits for a person beyond its confidence.
STRUCTURE = "structure"  # a heading whose number could not be read
REPAIRED = "repaired"  # 自動補正: the number was restored from the headings around it

#: 「第」 and the two characters OCR reads it as.
_DAI = "第笫弟"
#: A heading, not a reference wrapped to the start of a line (「第三条の規定により」 is kept
#: as a heading only through 「の」, which 第三条の二 needs too).
_HEADING = re.compile(rf"^(\s*)([{_DAI}])\s*(\S{{0,3}}?)\s*条(?=[^第に及又並、。をはがでとも]|$)")
_ITEM = re.compile(r"^\s*[(（]\s*([^)）\s]{1,2})\s*[)）]")
_SUPPLEMENT = re.compile(r"^\s*附\s*則")
_VALID_NUMERAL = re.compile(rf"^(?:[{KANJI_NUMERAL}]+|[0-9０-９]+)$")


@dataclass(frozen=True)
class StructureFlag:
    """A line to queue: ``reason`` STRUCTURE or REPAIRED; ``text`` the line to index (the
    repaired line, or the line as read)."""

    reason: str
    text: str


def heading_number(line: str) -> int | None:
    """The article number of a line that starts with a well-read 「第N条」, else None."""
    m = _HEADING.match(line)
    if m is None or m.group(2) != "第" or not _VALID_NUMERAL.match(m.group(3)):
        return None
    return to_int(m.group(3))


def _misread_heading(line: str) -> bool:
    m = _HEADING.match(line)
    if m is None:
        return False
    return m.group(2) != "第" or not _VALID_NUMERAL.match(m.group(3))


def _misread_item(line: str) -> bool:
    m = _ITEM.match(line)
    if m is None:
        return False
    inner = unicodedata.normalize("NFKC", m.group(1))
    # (l), (I), (|), (ｌ): a digit read as a letter or a bar.
    return (
        not inner.isdigit() and not re.fullmatch(f"[{KANJI_NUMERAL}]+", inner) and (inner.isascii())
    )


def to_kanji(n: int) -> str:
    """1–9999 in 例規 漢数字 (十二, 百二, 二千三十)."""
    digits = "〇一二三四五六七八九"
    out = ""
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, unit)
        if q:
            out += ("" if q == 1 else digits[q]) + name
    return out + (digits[n] if n else "")


def _repaired(line: str, number: int, style_of: str) -> str:
    m = _HEADING.match(line)
    assert m is not None
    numeral = to_kanji(number) if not style_of[:1].isdigit() else str(number)
    if style_of[:1] in "０１２３４５６７８９":
        numeral = numeral.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return f"{m.group(1)}第{numeral}条{line[m.end() :]}"


def check_structure(lines: Sequence[str]) -> list[StructureFlag | None]:
    """One entry per line (in document order): None for a line without a structure problem."""
    flags: list[StructureFlag | None] = [None] * len(lines)
    # Headings in order, split where 附則 restarts the numbering: (index, number or None).
    sections: list[list[tuple[int, int | None, str]]] = [[]]
    for i, line in enumerate(lines):
        if _SUPPLEMENT.match(line) and not _HEADING.match(line):
            sections.append([])
            continue
        if _misread_heading(line):
            sections[-1].append((i, None, ""))
            flags[i] = StructureFlag(STRUCTURE, line)
        elif (number := heading_number(line)) is not None:
            m = _HEADING.match(line)
            assert m is not None
            sections[-1].append((i, number, m.group(3)))
        elif _misread_item(line):
            flags[i] = StructureFlag(STRUCTURE, line)
    for headings in sections:
        for k, (i, number, _) in enumerate(headings):
            if number is not None:
                continue
            before = headings[k - 1] if k > 0 else None
            after = headings[k + 1] if k + 1 < len(headings) else None
            if before is None or after is None or before[1] is None or after[1] is None:
                continue  # the neighbours are missing or unreadable too: a person decides
            if after[1] - before[1] != 2:
                continue  # 第三条の二, a gap or a jump: not unambiguous
            flags[i] = StructureFlag(REPAIRED, _repaired(lines[i], before[1] + 1, before[2]))
    return flags
