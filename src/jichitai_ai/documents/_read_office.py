"""DOCX (python-docx: headings by style, tables as text) and XLSX (openpyxl: sheets as tables)."""

from __future__ import annotations

import io
import re

from jichitai_ai.documents._model import Block, ParsedDocument, metadata_title

_HEADING_STYLE = re.compile(r"^(?:heading|見出し)\s*(\d)", re.IGNORECASE)


def read_docx(data: bytes, fallback_title: str) -> ParsedDocument:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(io.BytesIO(data))
    blocks: list[Block] = []
    title = metadata_title(doc.core_properties.title)
    for element in doc.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(element, doc)
            text = para.text.strip()
            if not text:
                continue
            style = (para.style.name if para.style is not None else "") or ""
            if style.lower() == "title":
                title = title or text
                blocks.append(Block(text, "heading", 1))
            elif m := _HEADING_STYLE.match(style):
                blocks.append(Block(text, "heading", int(m.group(1))))
            else:
                blocks.append(Block(text))
        elif tag == "tbl":
            table = Table(element, doc)
            for row in table.rows:
                cells = [c.text.strip() for c in row.cells]
                # merged cells repeat their text; keep each once
                unique = list(dict.fromkeys(c for c in cells if c))
                if unique:
                    blocks.append(Block(" | ".join(unique), "table"))
    if not title:
        first = next((b.text for b in blocks if b.kind == "heading"), "")
        title = first or fallback_title
    return ParsedDocument(title=title, format="docx", blocks=blocks)


def read_xlsx(data: bytes, fallback_title: str) -> ParsedDocument:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    blocks: list[Block] = []
    try:
        for sheet in workbook.worksheets:
            blocks.append(Block(str(sheet.title), "heading", 1))
            sheet.reset_dimensions()  # rows as stored, not padded to a declared A1:XFD1048576
            for row in sheet.iter_rows(values_only=True):
                cells = [str(v).strip() for v in row if v is not None and str(v).strip()]
                if cells:
                    blocks.append(Block(" | ".join(cells), "table"))
    finally:
        workbook.close()
    title = metadata_title(workbook.properties.title) or fallback_title
    return ParsedDocument(title=title, format="xlsx", blocks=blocks)
