"""Blocks → chunks that follow structure: an article per chunk for 例規, else sections by heading
(pages for paged formats), long ones split at paragraph boundaries, headings carried as context."""

from __future__ import annotations

from jichitai_ai.documents._model import Block, ChunkDraft, ParsedDocument
from jichitai_ai.documents._reiki import chunk_reiki, looks_like_reiki
from jichitai_ai.documents._tables import TableRows

MAX_CHUNK_CHARS = 1000


def chunk_document(doc: ParsedDocument) -> list[ChunkDraft]:
    if doc.needs_ocr or not doc.blocks:
        return []
    if looks_like_reiki(b.text for b in doc.blocks):
        return chunk_reiki(doc.title, doc.blocks)
    return _chunk_sections(doc)


def _location(headings: list[str], page: int | None, paged: bool, ordinal: int) -> str:
    if paged and page is not None:
        return f"p.{page}"
    if headings:
        return headings[-1]
    return f"段落{ordinal + 1}"


def _chunk_sections(doc: ParsedDocument) -> list[ChunkDraft]:
    paged = any(b.page is not None for b in doc.blocks)
    chunks: list[ChunkDraft] = []
    tables: list[tuple[int, TableRows]] = []
    headings: dict[int, str] = {}
    lines: list[str] = []
    page: int | None = None

    def flush() -> None:
        nonlocal lines, page
        if lines:
            path = [headings[k] for k in sorted(headings)]
            location = _location(path, page, paged, len(chunks))
            heading = " > ".join([doc.title, *[h for h in path if h != doc.title]])
            chunks.append(ChunkDraft(location, heading, "\n".join(lines), page, f"c{len(chunks)}"))
        lines = []
        page = None

    size = 0
    table: TableRows | None = None
    for block in doc.blocks:
        if block.kind == "table":
            if table is None:
                flush()
                size = 0
                path = [headings[k] for k in sorted(headings)]
                heading = " > ".join([doc.title, *[h for h in path if h != doc.title]])
                location = _location(path, block.page, paged, len(chunks))
                table = TableRows(block.text, location, heading, block.page)
                tables.append((len(chunks), table))
            else:
                table.rows.append(block.text)
            continue
        table = None
        if block.kind == "heading":
            flush()
            size = 0
            for deeper in [k for k in headings if k >= block.level]:
                del headings[deeper]
            headings[block.level] = block.text
            continue
        if paged and page is not None and block.page != page:
            flush()
            size = 0
        for piece in _pieces(block.text):
            if size + len(piece) > MAX_CHUNK_CHARS and lines:
                flush()
                size = 0
            if page is None:
                page = block.page
            lines.append(piece)
            size += len(piece)
    flush()
    # Table rows go after the prose that preceded them, in document order.
    ordered: list[ChunkDraft] = []
    position = 0
    for before, tab in tables:
        ordered += chunks[position:before]
        ordered += tab.chunks()
        position = before
    ordered += chunks[position:]
    return [
        ChunkDraft(c.location, c.heading, c.text, c.page, f"c{i}", c.parts)
        for i, c in enumerate(ordered)
        if c.text.strip()
    ]


def _pieces(text: str) -> list[str]:
    """A single paragraph longer than the limit is cut at sentence ends."""
    if len(text) <= MAX_CHUNK_CHARS:
        return [text]
    out: list[str] = []
    while len(text) > MAX_CHUNK_CHARS:
        cut = text.rfind("。", 0, MAX_CHUNK_CHARS)
        cut = cut + 1 if cut > 0 else MAX_CHUNK_CHARS
        out.append(text[:cut])
        text = text[cut:]
    if text:
        out.append(text)
    return out


__all__ = ["Block", "chunk_document"]
