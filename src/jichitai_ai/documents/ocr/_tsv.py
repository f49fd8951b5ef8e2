"""Tesseract TSV output → lines: words grouped by (block, paragraph, line), joined without spaces
between Japanese characters (Tesseract splits Japanese into many short "words")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def _join(words: list[str]) -> str:
    out = ""
    for word in words:
        if (
            out
            and out[-1].isascii()
            and out[-1].isalnum()
            and word[:1].isascii()
            and word[:1].isalnum()
        ):
            out += " "
        out += word
    return out


def lines_from_tsv(tsv: str, page: int, make: Callable[..., T]) -> list[T]:
    """Lines in reading order; ``make(page, number, text, confidence, box)`` builds each."""
    groups: dict[tuple[int, int, int], list[tuple[str, float, tuple[int, int, int, int]]]] = {}
    order: list[tuple[int, int, int]] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        try:
            key = (int(cols[2]), int(cols[3]), int(cols[4]))
            box = (int(cols[6]), int(cols[7]), int(cols[8]), int(cols[9]))
            conf = max(0.0, float(cols[10]))
        except ValueError:
            continue
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((text, conf, box))
    out: list[T] = []
    for key in order:
        words = groups[key]
        text = _join([w for w, _, _ in words])
        chars = sum(len(w) for w, _, _ in words)
        confidence = sum(c * len(w) for w, c, _ in words) / chars if chars else 0.0
        left = min(b[0] for _, _, b in words)
        top = min(b[1] for _, _, b in words)
        right = max(b[0] + b[2] for _, _, b in words)
        bottom = max(b[1] + b[3] for _, _, b in words)
        out.append(
            make(
                page,
                len(out) + 1,
                text,
                round(confidence, 1),
                (left, top, right - left, bottom - top),
            )
        )
    return out
