"""PDF text layer via pypdf, page by page; a scan without text is flagged 要OCR, not indexed empty."""

from __future__ import annotations

import io

from pypdf import PdfReader

from jichitai_ai.documents._model import Block, ParsedDocument, metadata_title

#: Fewer visible characters per page than this means the pages are images (a scan).
MIN_CHARS_PER_PAGE = 10


class EncryptedPdf(ValueError):
    """A PDF that opens only with a password (or with a cipher this installation lacks)."""


def read_pdf(data: bytes, fallback_title: str) -> ParsedDocument:
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as exc:  # pypdf's DependencyError: AES without a crypto library
            raise EncryptedPdf(str(exc)) from exc
        if not opened:
            raise EncryptedPdf("password required")
    blocks: list[Block] = []
    visible = 0
    empty: list[int] = []
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        chars = sum(1 for ch in text if not ch.isspace())
        visible += chars
        if chars < MIN_CHARS_PER_PAGE:
            empty.append(number)
        for line in text.splitlines():
            if line.strip():
                blocks.append(Block(line.strip(), page=number))
    pages = len(reader.pages)
    meta_title = ""
    try:
        metadata = reader.metadata
        meta_title = metadata_title(metadata.get("/Title")) if metadata is not None else ""
    except Exception:  # broken metadata must not lose the text
        meta_title = ""
    title = meta_title or (blocks[0].text[:100] if blocks else fallback_title)
    needs_ocr = pages > 0 and visible < MIN_CHARS_PER_PAGE * pages
    return ParsedDocument(
        title=title,
        format="pdf",
        blocks=[] if needs_ocr else blocks,
        pages=pages,
        needs_ocr=needs_ocr,
        pages_without_text=[] if needs_ocr else empty,
    )
