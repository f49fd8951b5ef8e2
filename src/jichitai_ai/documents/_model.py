"""Plain records passed between readers, the chunker, storage and search (no database types)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "table"]


@dataclass(frozen=True)
class Block:
    """A line or paragraph of a document as read, with its page (PDF, 改ページ) when known."""

    text: str
    kind: BlockKind = "paragraph"
    level: int = 0
    page: int | None = None


@dataclass
class ParsedDocument:
    """What a reader extracted from one file."""

    title: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    pages: int = 0
    #: A PDF with pages but (almost) no text layer: a scan that needs OCR (要OCR).
    needs_ocr: bool = False
    #: Pages without text in an otherwise readable PDF (scanned pages inside it).
    pages_without_text: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ChunkDraft:
    """A passage before storage: where it is, its heading context and its text."""

    location: str
    heading: str
    text: str
    page: int | None = None
    anchor: str = ""
    #: (offset in text, sub-location) pairs, e.g. (120, "第12条第2項").
    parts: tuple[tuple[int, str], ...] = ()

    @property
    def content_hash(self) -> str:
        """Identity for incremental re-ingestion: same heading and text, same chunk."""
        data = f"{self.heading}\n\x1f{self.text}".encode()
        return hashlib.sha256(data).hexdigest()


def sub_location(
    location: str, parts: list[list[object]] | tuple[tuple[int, str], ...], offset: int
) -> str:
    """The most precise location (項・号) for a character offset inside a chunk."""
    best = location
    for start, label in parts:
        if isinstance(start, int) and start <= offset:
            best = str(label)
    return best
