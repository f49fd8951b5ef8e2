"""One canonical form before detection, with a map back to the original offsets.

Red-team texts hide numbers and names from patterns with formatting: non-breaking or
zero-width spaces, soft hyphens, full-width or other-script digits, 漢数字, long-vowel
marks as dashes (０９０ー１２３４ー５６７８), one digit per space. Detection runs on the
canonical text; every canonical character remembers the original span it came from, so
entities map back and masking still replaces the original characters.

Steps (in order): drop invisible format characters (ZWSP, ZWJ, soft hyphen, BOM, bidi
controls …), letters that draw as blank (Hangul fillers, the Braille blank …), combining
marks stacked on kana, kanji or digits, and control characters other than tab and line breaks; NFKC per character cluster; decimal digits of any script → ASCII; runs of
漢数字 holding 6+ digits (phone, 個人番号, 郵便番号) → ASCII; dashes and ー between digits → ``-``;
single digits separated by one space or dot (0 9 0 1 …) joined; single Japanese characters
spaced out (申 請 者, 住　　所) joined; a line break right after a dash between digits
(0248-⏎63-1924: a number wrapped in a narrow column or a mail) dropped; in a word mixing
Latin with Cyrillic or Greek letters, the look-alikes read as their Latin letter (Ѕvetlana
with a Cyrillic Ѕ is Svetlana); the letters O and l inside a dashed phone-shaped number read
as 0 and 1 (O8O-5521-7730, written or read by OCR).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from ._markup import decode_markup
from ._mojibake import repair
from ._types import Entity

_KANJI_DIGIT = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4"}
_KANJI_DIGIT |= {"五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
#: Dash look-alikes typed between digits (ー and ｰ included: IMEs produce them for "-").
DASHES = frozenset("‐‑‒–—―−－ｰー─━﹣⁃-ｰ")
_COMBINING_EXTRA = frozenset("\u3099\u309a\uff9e\uff9f")
#: Letters that draw as blank space, used to split words past filters: Hangul fillers, the
#: Braille blank, Khmer inherent vowels, 〿 (ideographic half fill space).
_BLANK_FILLERS = frozenset("\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0\u303f")
# Characters that may change: anything outside printable ASCII and the common Japanese blocks,
# plus 漢数字 and the dash look-alikes (checked cheaply before the per-character pass).
_NEEDS_WORK = re.compile(
    r"[^\x20-\x7e\n\r\t\u3001-\u303e\u3041-\u3096\u309d-\u30fa\u30fc-\u30ff\u4e00-\u9fff]"
    r"|[0-9]ー[0-9]"
)
# 〇九〇―二二四一―七七三八: any dash look-alike (― U+2015, －, ‐ …) may separate the groups.
_KANJI_RUN = re.compile(
    r"[〇零一二三四五六七八九](?:[\-ー 、・.‐‑‒–—―−－ｰ─━﹣⁃]?[〇零一二三四五六七八九]){5,}"
)
_SPACED_DIGITS = re.compile(r"(?<![0-9])[0-9](?:[ .][0-9]){9,}(?![0-9])")
# 0248-⏎63-1924: the break (and the indent around it) after a dash that ends a line of digits.
_WRAPPED = re.compile(r"(?<=[0-9]-)[ \t\u3000]*\r?\n[ \t\u3000]*(?=[0-9])")
_WRAPPED_RAW = re.compile(r"[0-9０-９][-‐‑‒–—―−－ｰー][ \t\u3000]*\r?\n[ \t\u3000]*[0-9０-９]")
# OCR and aligned form labels: 申 請 者, 住　　所, 佐 野 康 弘 (one character per space).
_CJK = "一-鿿々〆ヶぁ-ゖァ-ヺー"
_SPACED_CJK = re.compile(rf"(?<![{_CJK}])[{_CJK}](?:[ \u3000]{{1,2}}[{_CJK}](?![{_CJK}])){{1,}}")


# Cyrillic and Greek letters drawn like Latin ones (Unicode confusables, the common set).
_LOOKALIKE = str.maketrans(
    "АВЕКМНОРСТХЅІЈаеорсухѕіјԁһԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοντ",
    "ABEKMHOPCTXSIJaeopcyxsijdhqwABEZHIKMNOPTYXovt",
)
_MIXED_WORD = re.compile(r"[A-Za-z\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]{2,}")
_LATIN = re.compile(r"[A-Za-z]")
_NOT_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]")
# O8O-5521-7730, 09O-l234-5678: a dashed phone-shaped run with letters for digits.
_LETTER_DIGITS = re.compile(
    r"(?<![A-Za-z0-9])[0Oo][0-9OoIl]{1,4}-[0-9OoIl]{1,4}-[0-9OoIl]{3,4}(?![A-Za-z0-9])"
)
_DIGIT_FOR = {"O": "0", "o": "0", "I": "1", "l": "1"}


def invisible(ch: str) -> bool:
    """Format characters that render as nothing (ZWSP, ZWJ, soft hyphen, BOM, bidi marks), and
    control characters other than tab and line breaks (山田\x00太郎, 山田\x85太郎 is one name)."""
    category = unicodedata.category(ch)
    return (
        category == "Cf"
        or (category == "Cc" and ch not in "\t\n\r")
        or ch in "\u034f\u180e"
        or ch in _BLANK_FILLERS
        or "\ufe00" <= ch <= "\ufe0f"
    )


def _bare(ch: str) -> bool:
    """Kana, kanji and digits take no combining mark in writing (dakuten compose first)."""
    return (
        "\u3040" <= ch <= "\u30ff"
        or "\u3400" <= ch <= "\u9fff"
        or "\uf900" <= ch <= "\ufaff"
        or unicodedata.decimal(ch, None) is not None
    )


@dataclass(frozen=True, slots=True)
class Canonical:
    """Canonical ``text``; ``starts[i]``/``ends[i]`` = original span of canonical char ``i``."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    identity: bool

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of canonical ``[start, end)``."""
        if self.identity:
            return start, end
        return self.starts[start], self.ends[end - 1]

    def map_entity(self, entity: Entity, original: str) -> Entity:
        start, end = self.span(entity.start, entity.end)
        return Entity(
            entity.type,
            start,
            end,
            original[start:end],
            entity.confidence,
            entity.source,
            entity.detail,
        )


def _clusters(text: str) -> list[tuple[int, int]]:
    """Spans of base characters with their combining marks (invisible ones dropped later)."""
    spans: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if spans and (unicodedata.combining(ch) or ch in _COMBINING_EXTRA) and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans


def canonicalize(text: str) -> Canonical:
    """The canonical form of ``text`` (see module docstring); cheap when nothing changes.
    HTML tags, character references and percent-encoded UTF-8 are read back first
    (``_markup``), then mojibake runs (``_mojibake``), then the steps above run."""
    return _after(decode_markup, text, lambda fixed: _after(repair, fixed, _canonicalize))


def _after(
    step: Callable[[str], tuple[str, list[int], list[int]] | None],
    text: str,
    then: Callable[[str], Canonical],
) -> Canonical:
    """``then`` on what ``step`` made of ``text``, its offsets mapped through ``step``'s."""
    done = step(text)
    if done is None:
        return then(text)
    fixed, first, last = done
    inner = then(fixed)
    if inner.identity:
        return Canonical(inner.text, tuple(first), tuple(last), False)
    starts = tuple(first[i] for i in inner.starts)
    ends = tuple(last[i - 1] for i in inner.ends)
    return Canonical(inner.text, starts, ends, False)


def _canonicalize(text: str) -> Canonical:
    if not (
        _NEEDS_WORK.search(text)
        or _LETTER_DIGITS.search(text)
        or _KANJI_RUN.search(text)
        or _SPACED_DIGITS.search(text)
        or _SPACED_CJK.search(text)
        or _WRAPPED_RAW.search(text)
    ):
        return Canonical(text, (), (), True)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _clusters(text):
        cluster = "".join(ch for ch in text[start:end] if not invisible(ch))
        if not cluster:
            continue
        normal = unicodedata.normalize("NFKC", cluster)
        for ch in normal:
            if invisible(ch) or (unicodedata.combining(ch) and _bare(normal[0])):
                continue  # 山\u0307田, 7\u03017: a stacked mark only splits the name or number
            if not ("0" <= ch <= "9"):
                decimal = unicodedata.decimal(ch, None)
                if decimal is not None:
                    ch = str(decimal)
            chars.append(ch)
            starts.append(start)
            ends.append(end)
    joined = "".join(chars)
    for m in _MIXED_WORD.finditer(joined):
        word = m.group()
        if _LATIN.search(word) and _NOT_LATIN.search(word):
            chars[m.start() : m.end()] = list(word.translate(_LOOKALIKE))
    for m in _LETTER_DIGITS.finditer(joined):
        if sum(ch.isdigit() for ch in m.group()) >= 6:
            for i in range(m.start(), m.end()):
                chars[i] = _DIGIT_FOR.get(chars[i], chars[i])
    joined = "".join(chars)
    for m in _KANJI_RUN.finditer(joined):
        for i in range(m.start(), m.end()):
            # 〇四五・三三一・二〇八七: inside a run of 漢数字, ・ and 、 separate digit groups
            chars[i] = _KANJI_DIGIT.get(chars[i], "-" if chars[i] in "・、" else chars[i])
    for i in range(1, len(chars) - 1):
        if chars[i] in DASHES and chars[i - 1].isdigit() and chars[i + 1].isdigit():
            chars[i] = "-"
    joined = "".join(chars)
    drop: set[int] = set()
    for m in _SPACED_DIGITS.finditer(joined):
        drop.update(i for i in range(m.start(), m.end()) if not joined[i].isdigit())
    for m in _WRAPPED.finditer(joined):
        drop.update(range(m.start(), m.end()))
    for m in _SPACED_CJK.finditer(joined):
        if _spaced_out(m.group()):
            drop.update(i for i in range(m.start(), m.end()) if joined[i] in " \u3000")
    if drop:
        keep = [i for i in range(len(chars)) if i not in drop]
        chars = [chars[i] for i in keep]
        starts = [starts[i] for i in keep]
        ends = [ends[i] for i in keep]
    out = "".join(chars)
    same = out == text and len(starts) == len(text)
    return Canonical(out, tuple(starts), tuple(ends), same)


def _spaced_out(run: str) -> bool:
    """Three or more single characters (申 請 者), or two with a double space (住　　所):
    ``山 太郎`` or ``林 様`` stays as written."""
    parts = run.split()
    return len(parts) >= 3 or (len(parts) == 2 and len(run) >= 4)


def canonical_key(text: str) -> str:
    """Canonical text only (for comparing surfaces: 山\u200b田 = 山田)."""
    return canonicalize(text).text
