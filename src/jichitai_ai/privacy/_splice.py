"""Decoded pieces spliced back into a text, with each character's original span.

The markup and mojibake read-backs (``_markup``, ``_mojibake``) replace runs of the original
with decoded characters; detection runs on the result and masks map back to what was typed.
"""

from __future__ import annotations

#: (start, end, [(character, original start, original end), …]) — absolute offsets.
Piece = tuple[int, int, list[tuple[str, int, int]]]


def splice(text: str, pieces: list[Piece]) -> tuple[str, list[int], list[int]]:
    """``text`` with every piece's run replaced (a piece overlapping an earlier one is skipped),
    and for each resulting character its original span (start, end)."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cursor = 0
    for start, end, decoded in sorted(pieces, key=lambda p: p[0]):
        if start < cursor:
            continue
        for i in range(cursor, start):
            chars.append(text[i])
            starts.append(i)
            ends.append(i + 1)
        for ch, first, last in decoded:
            chars.append(ch)
            starts.append(first)
            ends.append(last)
        cursor = end
    for i in range(cursor, len(text)):
        chars.append(text[i])
        starts.append(i)
        ends.append(i + 1)
    return "".join(chars), starts, ends
