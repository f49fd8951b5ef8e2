"""OCR lines in the database: stored at ingestion, low-confidence ones queued for review, and the
document re-chunked from the lines (with corrections) whenever a person fixes one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from jichitai_ai.documents._chunking import chunk_document
from jichitai_ai.documents._model import Block, ParsedDocument
from jichitai_ai.documents._numbers import KANJI_NUMERAL
from jichitai_ai.documents._store import sync_chunks
from jichitai_ai.documents.errors import DocumentNotFound
from jichitai_ai.documents.ocr import OcrResult
from jichitai_ai.documents.ocr._structure import check_structure
from jichitai_ai.documents.tables import DocCollection, DocumentRow, OcrLineRow
from jichitai_ai.timeutil import utcnow

#: Lines read with less confidence than this (Tesseract 0–100) wait for a person.
REVIEW_BELOW = 80.0
MAX_LINE_CHARS = 2000


@dataclass(frozen=True)
class QueuedLine:
    """A line waiting for review, as the console shows it."""

    id: int
    document_id: int
    document: str
    page: int
    number: int
    #: The text proposed to the reviewer: the 自動補正 repair, else the line as read.
    text: str
    confidence: float
    before: str
    after: str
    #: "" (low confidence), "structure" or "repaired" (see OcrLineRow.reason).
    reason: str = ""
    #: The line as read (differs from ``text`` when it was repaired).
    read: str = ""
    #: The stored original's type: an image is shown beside the line, a PDF opens at its page.
    media_type: str = ""


_NUM = f"[{KANJI_NUMERAL}0-9０-９]+"
#: 「第三条この条例は」: OCR drops the space after an article number; put it back unless the
#: next word continues a reference (第三条の規定, 第十五条第一項, 第3条に …).
_ARTICLE_NO_SPACE = re.compile(
    rf"^(第{_NUM}条(?:の{_NUM})*)(?=[^\s　第のに及又並、。をはがでとも（(])"
)
_PARAGRAPH_NO_SPACE = re.compile(
    r"^([２-９2-9]|[1１][0-9０-９])(?=[^\s　0-9０-９年月日条項号人件回円時分％%.．,，、])"
)


def restore_spaces(line: str) -> str:
    """Spaces OCR loses after 条 and 項 numbers, which the structure parser relies on."""
    line = _ARTICLE_NO_SPACE.sub(r"\1　", line.strip())
    return _PARAGRAPH_NO_SPACE.sub(r"\1　", line)


def merge_ocr(parsed: ParsedDocument, lines: list[tuple[int, str]]) -> ParsedDocument:
    """The text layer's blocks for pages that have one, OCR lines (page, text) for the others."""
    ocr_pages = {page for page, _ in lines}
    blocks = [b for b in parsed.blocks if b.page not in ocr_pages]
    blocks += [Block(restore_spaces(text), page=page) for page, text in lines if text.strip()]
    blocks.sort(key=lambda b: b.page or 0)  # stable: keeps line order within a page
    return ParsedDocument(
        parsed.title,
        parsed.format,
        blocks,
        pages=parsed.pages or len(ocr_pages),
        needs_ocr=not blocks,
        pages_without_text=[],
    )


def repaired_lines(result: OcrResult) -> list[tuple[int, str]]:
    """(page, text) of every line to index at ingestion: 自動補正 headings repaired (each also
    recorded and queued by ``store_lines``)."""
    flags = check_structure([line.text for line in result.lines])
    return [
        (line.page, flag.text if flag is not None else line.text)
        for line, flag in zip(result.lines, flags, strict=True)
    ]


def store_lines(session: Session, document_id: int, result: OcrResult) -> int:
    """Replace the document's OCR lines; returns how many wait for review: lines read with low
    confidence, and structure headings whose number was misread (repaired or not)."""
    session.execute(delete(OcrLineRow).where(OcrLineRow.document_id == document_id))
    queued = 0
    flags = check_structure([line.text for line in result.lines])
    for line, flag in zip(result.lines, flags, strict=True):
        review = line.confidence < REVIEW_BELOW or flag is not None
        queued += review
        repaired = flag is not None and flag.text != line.text
        session.add(
            OcrLineRow(
                document_id=document_id,
                page=line.page,
                number=line.number,
                text=line.text[:MAX_LINE_CHARS],
                confidence=float(line.confidence),
                status="review" if review else "ok",
                corrected=flag.text[:MAX_LINE_CHARS] if flag is not None and repaired else "",
                reason=flag.reason if flag is not None else "",
                reviewed_by="",
            )
        )
    session.flush()
    return queued


def queue(
    session: Session, tenant_id: int, collection_ids: set[int], limit: int = 200
) -> list[QueuedLine]:
    """Lines waiting for review in the collections the viewer may see, with their neighbours."""
    rows = session.execute(
        select(OcrLineRow, DocumentRow.title, DocumentRow.media_type)
        .join(DocumentRow, DocumentRow.id == OcrLineRow.document_id)
        .where(
            DocumentRow.tenant_id == tenant_id,
            DocumentRow.collection_id.in_(collection_ids or {-1}),
            OcrLineRow.status == "review",
        )
        .order_by(OcrLineRow.document_id, OcrLineRow.page, OcrLineRow.number)
        .limit(limit)
    ).all()
    out = []
    for line, title, media_type in rows:
        near = {
            n.number: n.corrected or n.text
            for n in session.execute(
                select(OcrLineRow).where(
                    OcrLineRow.document_id == line.document_id,
                    OcrLineRow.page == line.page,
                    OcrLineRow.number.in_([line.number - 1, line.number + 1]),
                )
            ).scalars()
        }
        out.append(
            QueuedLine(
                line.id,
                line.document_id,
                title,
                line.page,
                line.number,
                line.corrected or line.text,
                round(line.confidence, 1),
                near.get(line.number - 1, ""),
                near.get(line.number + 1, ""),
                line.reason,
                line.text,
                media_type,
            )
        )
    return out


def pending_count(session: Session, document_id: int) -> int:
    return int(
        session.execute(
            select(func.count())
            .select_from(OcrLineRow)
            .where(OcrLineRow.document_id == document_id, OcrLineRow.status == "review")
        ).scalar_one()
    )


def review_line(
    session: Session, tenant_id: int, line_id: int, text: str | None, user: str
) -> OcrLineRow:
    """Correct a line (``text``) or accept what the queue proposed (None: the line as read, or
    its 自動補正 repair); the document is re-chunked. Sending the line exactly as read undoes a
    repair."""
    line = session.get(OcrLineRow, line_id)
    row = session.get(DocumentRow, line.document_id) if line is not None else None
    if line is None or row is None or row.tenant_id != tenant_id:
        raise DocumentNotFound("documents.not_found", id=line_id)
    if text is not None and text.strip() == line.text.strip():
        line.status = "accepted"
        line.corrected = ""  # the person says the scan reads as OCR read it
    elif text is None or text.strip() == line.corrected:
        line.status = "accepted"
    else:
        line.status = "corrected"
        line.corrected = text.strip()[:MAX_LINE_CHARS]
    line.reviewed_by = user[:100]
    line.reviewed_at = utcnow()
    session.flush()
    rechunk(session, row)
    return line


def rechunk(session: Session, row: DocumentRow) -> None:
    """Chunk the document again: its text layer where it has one, OCR lines (corrected text
    first) for scanned pages."""
    from jichitai_ai.documents._readers import parse

    lines = session.execute(
        select(OcrLineRow)
        .where(OcrLineRow.document_id == row.id)
        .order_by(OcrLineRow.page, OcrLineRow.number)
    ).scalars()
    read = [(line.page, line.corrected or line.text) for line in lines]
    parsed = merge_ocr(parse(row.source_name, row.content), read)
    parsed.title = row.title
    collection = session.get(DocCollection, row.collection_id)
    assert collection is not None
    sync_chunks(session, row.id, collection, chunk_document(parsed))
