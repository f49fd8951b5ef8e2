"""Plain records passed between readers, the chunker, storage and search (no database types)."""

from __future__ import annotations

import hashlib
import re
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


#: 「Microsoft Word - 家庭ごみ.docx」: the title Office's PDF printer writes (the file's name).
_OFFICE_PRINT = re.compile(
    r"^Microsoft\s+(?:Word|Excel|PowerPoint)\s+-\s+(.*?)(?:\.(?:docx?|xlsx?|pptx?|rtf|txt))?$",
    re.IGNORECASE,
)
#: Titles tools write when nobody gave one (reportlab's 「untitled」, Word's 「文書1」, …).
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:untitled(?:\s+document)?|no\s+title|title|無題(?:の?ドキュメント)?|タイトル(?:なし)?"
    r"|(?:document|文書|ドキュメント|book|ブック|presentation|プレゼンテーション)\s*\d*"
    r"|powerpoint\s*プレゼンテーション|スライド\s*\d*)$",
    re.IGNORECASE,
)


def metadata_title(value: object) -> str:
    """A title from a file's properties, or "" when it is a tool's placeholder: a PDF made
    without one says 「untitled」, and 文書検索 listed and cited it so (newcomer walkthrough
    nc10) instead of the document's first line."""
    title = " ".join(str(value or "").split())
    if m := _OFFICE_PRINT.match(title):
        title = m.group(1).strip()
    return "" if _PLACEHOLDER_TITLE.match(title) else title


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
