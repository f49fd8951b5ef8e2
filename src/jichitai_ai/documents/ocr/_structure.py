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
#: A heading, not a reference wrapped to the start of a line (「第三条の規定により」,
#: 「第三条及び」); 「第三条の二」 (a branch article) is matched and left out of the sequence.
_HEADING = re.compile(
    rf"^(\s*)([{_DAI}])\s*(\S{{0,3}}?)\s*条"
    rf"(?!の[^{KANJI_NUMERAL}0-9０-９])(?=[^第に及又並、。をはがでとも]|$)"
)
_BRANCH = re.compile(rf"^の[{KANJI_NUMERAL}0-9０-９]")
_ITEM = re.compile(r"^\s*[(（]\s*([^)）\s]{1,2})\s*[)）]")
_SUPPLEMENT = re.compile(r"^\s*附\s*則")
_DIGITS = re.compile(r"^[0-9０-９]+$")


@dataclass(frozen=True)
class StructureFlag:
    """A line to queue: ``reason`` STRUCTURE or REPAIRED; ``text`` the line to index (the
    repaired line, or the line as read)."""

    reason: str
    text: str


def _numeral(text: str) -> int | None:
    """The number of a heading numeral written as 例規 write it (十二, 百二, 12, １２): 「二二」
    (OCR of 十二) or 「ニ」 (katakana) are not."""
    if _DIGITS.match(text):
        return to_int(text)
    number = to_int(text) if text and all(ch in KANJI_NUMERAL for ch in text) else None
    return number if number and 0 < number < 10000 and to_kanji(number) == text else None


def heading_number(line: str) -> int | None:
    """The article number of a line that starts with a well-read 「第N条」, else None."""
    m = _HEADING.match(line)
    if m is None or m.group(2) != "第":
        return None
    return _numeral(m.group(3))


def _misread_heading(line: str) -> bool:
    m = _HEADING.match(line)
    if m is None:
        return False
    return m.group(2) != "第" or _numeral(m.group(3)) is None


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
    """One entry per line (in document order): None for a line without a structure problem.

    A heading is suspect when its number cannot be read, or when it breaks the order of the
    headings around it (第一条, 第一条, 第三条: the second is not after the first; 第四条, 第九条,
    第六条: the middle one is not before the next). Excerpts (抄) jump forward and are not
    suspect; 附則 restarts the numbering; branch articles (第三条の二) are left out."""
    flags: list[StructureFlag | None] = [None] * len(lines)
    # Headings in order, split where 附則 restarts the numbering: (index, number or None, numeral).
    sections: list[list[tuple[int, int | None, str]]] = [[]]
    for i, line in enumerate(lines):
        m = _HEADING.match(line)
        if m is None:
            if _SUPPLEMENT.match(line):
                sections.append([])
            elif _misread_item(line):
                flags[i] = StructureFlag(STRUCTURE, line)
            continue
        if _BRANCH.match(line[m.end() :]):
            continue
        number = None if m.group(2) != "第" else _numeral(m.group(3))
        sections[-1].append((i, number, m.group(3)))
    for headings in sections:
        numbers = [number for _, number, _ in headings]
        for k, (i, number, _) in enumerate(headings):
            if number is not None and not _out_of_order(numbers, k):
                continue
            flags[i] = StructureFlag(STRUCTURE, lines[i])
            before = numbers[k - 1] if k > 0 else None
            after = numbers[k + 1] if k + 1 < len(numbers) else None
            if before is None or after is None or after - before != 2:
                continue  # a neighbour missing or unreadable, 第三条の二, a gap: a person decides
            if _out_of_order(numbers, k - 1) or _out_of_order(numbers, k + 1):
                continue
            flags[i] = StructureFlag(REPAIRED, _repaired(lines[i], before + 1, headings[k - 1][2]))
    return flags


def _out_of_order(numbers: Sequence[int | None], k: int) -> bool:
    """Whether readable heading k breaks the order of the readable headings around it: not
    between them when they are in order themselves (第一条, 第一条, 第三条 → the second; 第四条,
    第九条, 第六条 → the middle one); the first heading after the next one (unless it is
    第一条), the last one before the previous one; a number not above the count of headings
    before it (「第--条」 then 「第一条」)."""
    number = numbers[k]
    if number is None:
        return False
    if number <= k:  # k headings come before it, readable or not: it cannot be 第k条 or less
        return True
    before, after = _known(numbers, k, -1), _known(numbers, k, 1)
    if before is not None and after is not None:
        return before < after and not before < number < after
    if after is not None:  # the first heading: unless the next one is the odd one out
        further = _known(numbers, k + 1, 1) if k + 1 < len(numbers) else None
        return number >= after and number != 1 and (further is None or number >= further)
    if before is not None:  # the last heading, likewise
        earlier = _known(numbers, k - 1, -1) if k > 0 else None
        return number <= before and (earlier is None or number <= earlier)
    return False


def _known(numbers: Sequence[int | None], k: int, step: int) -> int | None:
    """The number of the nearest readable heading before (step −1) or after (+1) heading k."""
    k += step
    while 0 <= k < len(numbers):
        if numbers[k] is not None:
            return numbers[k]
        k += step
    return None
