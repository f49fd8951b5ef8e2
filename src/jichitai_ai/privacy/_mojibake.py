"""Mojibake (文字化け) read back before detection.

Staff paste garbled CSV exports and ask a model to repair them: UTF-8 bytes read as Shift_JIS
(笹目 勘助 → 隨ｹ逶ｮ 蜍伜勧) or Shift_JIS bytes read as Windows-1252 (猿渡 悠里 → ‰Ž“n —I—¢).
A model reads such text back easily, so the names in it are personal data; detection runs on
the repaired text and every repaired character keeps the span of the garbled characters its
bytes came from, so masks cover the garbled original.

Only runs that look like mojibake are touched: for UTF-8 read as Shift_JIS, runs that decode
strictly in a text holding a half-width katakana or private-use character (continuation
bytes); for
Shift_JIS read as cp1252, a run whose letters are mostly Latin-1 symbols and accented letters
and that decodes strictly to Japanese (Conceição or Café stay as they are).
"""

from __future__ import annotations

import re

from ._splice import splice

#: Non-ASCII characters of a UTF-8-read-as-cp932 run (kanji, kana, half-width kana, PUA).
#: U+FFFD, what a lossy read leaves where a byte made no character (hr7: 驛弱＆繧薙�ｮ is
#: 郎さんの), belongs to the run too.
_SJIS_RUN = re.compile(
    r"[\u3000-\u30ff\u4e00-\u9fff\uff61-\uff9f\ue000-\uf8ff\u2460-\u24ff\ufffd]{2,}"
)
_SJIS_SIGNATURE = re.compile(r"[\uff61-\uff9f\ue000-\uf8ff]")
#: A run of characters cp1252 can encode (printable ASCII and the 0x80–0xFF block).
_CP1252_RUN = re.compile(
    r"[\x20-\x7e\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}"
)
_JAPANESE = re.compile(r"[\u3041-\u30ff\u4e00-\u9fff]")
_HIGH = re.compile(
    r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _decode(run: str, source: str, target: str) -> list[tuple[str, int, int]] | None:
    """(character, first, last+1 source index) of ``run`` decoded from ``source`` bytes to
    ``target``, or None when it does not decode strictly."""
    try:
        byte_owner: list[int] = []
        for i, ch in enumerate(run):
            byte_owner += [i] * len(ch.encode(source))
        data = run.encode(source)
        decoded = data.decode(target)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    out: list[tuple[str, int, int]] = []
    pos = 0
    for ch in decoded:
        size = len(ch.encode(target))
        out.append((ch, byte_owner[pos], byte_owner[pos + size - 1] + 1))
        pos += size
    return out


def _decode_lossy(run: str) -> list[tuple[str, int, int]] | None:
    """Like ``_decode`` from cp932 to UTF-8 for a run a lossy read has damaged (U+FFFD, a
    character cut in two): the characters whose bytes make valid UTF-8, and each other
    character of the run kept as it is; None unless most bytes read back as Japanese."""
    owner: list[int] = []
    data = bytearray()
    for i, ch in enumerate(run):
        try:
            raw = ch.encode("cp932")
        except UnicodeEncodeError:
            raw = b"\xff"  # never a UTF-8 byte: the character stays as it is
        data += raw
        owner += [i] * len(raw)
    out: list[tuple[str, int, int]] = []
    pos = good = 0
    kept: set[int] = set()
    for ch in bytes(data).decode("utf-8", errors="surrogateescape"):
        if "\udc80" <= ch <= "\udcff":
            i = owner[pos]
            if i not in kept:
                kept.add(i)
                out.append((run[i], i, i + 1))
            pos += 1
            continue
        size = len(ch.encode("utf-8"))
        if size > 1:
            good += size
        out.append((ch, owner[pos], owner[pos + size - 1] + 1))
        pos += size
    decoded = "".join(ch for ch, _, _ in out)
    if good * 10 < len(data) * 7 or len(_JAPANESE.findall(decoded)) < 2:
        return None
    return out


def _looks_garbled(run: str) -> bool:
    letters = [ch for ch in run if not ch.isspace() and not ch.isdigit() and ch not in "-,.:"]
    high = sum(1 for ch in letters if ord(ch) > 0x7E)
    return high >= 2 and high * 2 >= len(letters)


def repair(text: str) -> tuple[str, list[int], list[int]] | None:
    """The text with mojibake runs read back, and for each of its characters the original
    span (start, end); None when nothing was repaired."""
    pieces: list[tuple[int, int, list[tuple[str, int, int]]]] = []
    if _SJIS_SIGNATURE.search(text):
        # Once one run shows the signature, every run of the text that decodes strictly (and
        # shrinks: three bytes were two characters) is garbled too (蜍伜勧 → 勘助).
        for m in _SJIS_RUN.finditer(text):
            decoded = _decode(m.group(), "cp932", "utf-8") or _decode_lossy(m.group())
            if (
                decoded
                and len(decoded) < len(m.group())
                and _JAPANESE.search("".join(ch for ch, _, _ in decoded))
            ):
                pieces.append((m.start(), m.end(), decoded))
    if _HIGH.search(text):
        for m in _CP1252_RUN.finditer(text):
            run = m.group()
            if (
                len(_HIGH.findall(run)) < 2
                or not _looks_garbled(run)
                or any(s < m.end() and m.start() < e for s, e, _ in pieces)
            ):
                continue
            decoded = _decode(run, "cp1252", "cp932")
            if decoded and _JAPANESE.search("".join(ch for ch, _, _ in decoded)):
                pieces.append((m.start(), m.end(), decoded))
    if not pieces:
        return None
    return splice(
        text,
        [(s, e, [(ch, s + first, s + last) for ch, first, last in run]) for s, e, run in pieces],
    )
